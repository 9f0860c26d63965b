"""A fake Slack Socket Mode server on loopback (the ``websockets`` package's sync server).

    with FakeSocketMode() as socket:
        slack.state.socket_url = socket.url           # what apps.connections.open answers
        ...                                           # the bot connects: socket.connected
        socket.send({"envelope_id": "e1", "type": "slash_commands", "payload": {...}})
        socket.wait_for_ack("e1")                     # what the bot sent back

Like Slack, it greets each connection with ``hello``; every text frame the client sends is
recorded as JSON in ``received``.
"""

from __future__ import annotations

import json
import threading
import time
from types import TracebackType
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve


class FakeSocketMode:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.connected = threading.Event()
        self._connection: ServerConnection | None = None
        self._lock = threading.Lock()
        self._server: Server = serve(self._serve, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._thread.join(5)

    @property
    def url(self) -> str:
        port = self._server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=fake-ticket&app_id=A1"

    def _serve(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        with self._lock:
            self.paths.append(connection.request.path)
            self._connection = connection
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}
        connection.send(json.dumps(hello))
        self.connected.set()
        try:
            for frame in connection:
                with self._lock:
                    self.received.append(json.loads(frame))
        except ConnectionClosed:
            pass

    def send(self, envelope: dict[str, Any]) -> None:
        assert self.connected.wait(30), "the bot never connected"
        with self._lock:
            assert self._connection is not None
            self._connection.send(json.dumps(envelope))

    def wait_for_ack(self, envelope_id: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for message in self.received:
                    if message.get("envelope_id") == envelope_id:
                        return message
            time.sleep(0.02)
        raise AssertionError(f"no ack for {envelope_id}: {self.received}")
