"""The one HTTP server of `claimwatch run`: a route table served on ``$PORT``.

Routes are plain functions from :class:`Request` to :class:`Response`, keyed by method and path:
the ops routes (``GET /healthz``, ``GET /metrics``, bot/ops.py), in Slack's HTTP mode
``POST /slack/events`` (bot/adapters/slack/app.py), and in Telegram's webhook mode ``POST`` on the
webhook URL's path (bot/adapters/telegram/webhook.py). The standard library's threading server
answers each request in its own thread, so a busy or stuck event loop cannot stop ``/healthz``
from saying so. An unknown path is a 404, a known path with another method a 405.

The port is public (Slack and Telegram post to it), so each connection has a deadline for the
whole request, head and body (a client trickling a byte at a time is cut off), and at most
``MAX_CONNECTIONS`` are served at once; more are closed unanswered.
"""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
MAX_CONNECTIONS = 64  # served at once (Telegram's webhook opens up to 40)
REQUEST_DEADLINE_S = 15.0  # to receive one whole request, from its first byte or keep-alive
# C0 and C1 controls written as \xNN (what http.server's own log_message does, 3.11.4+)
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes = b""


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, text: str) -> Response:
        return cls(status, text.encode())


Handler = Callable[[Request], Response]
Routes = Mapping[tuple[str, str], Handler]  # (method, path) → handler


class _DeadlineReader(io.RawIOBase):
    """The connection's bytes, each receive bounded by what is left of the request deadline."""

    def __init__(self, connection: socket.socket, handler: _RequestHandler) -> None:
        super().__init__()
        self._connection = connection
        self._handler = handler

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self._handler.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("request deadline passed")
        self._connection.settimeout(min(left, float(self._handler.timeout or left)))
        return self._connection.recv_into(buffer)


class _RequestHandler(BaseHTTPRequestHandler):
    server: WebServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # for writing the response
    deadline = 0.0  # monotonic time by which the request being read must have arrived

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # the plain reader: replaced by one that keeps the deadline
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, self))

    def handle_one_request(self) -> None:
        self.deadline = time.monotonic() + self.server.request_deadline_s
        super().handle_one_request()

    def log_message(self, format: str, *args: Any) -> None:
        line = (format % args).translate(_CONTROLS)  # the request line is the client's
        log.debug("%s %s", self.address_string(), line)

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        parts = urlsplit(self.path)
        method = "GET" if self.command == "HEAD" else self.command
        handler = self.server.routes.get((method, parts.path))
        try:
            length = int(self.headers.get("content-length") or 0)
        except ValueError:
            length = -1
        if handler is None:
            allowed = any(path == parts.path for _, path in self.server.routes)
            response = (
                Response.text(405, "Method Not Allowed")
                if allowed
                else Response.text(404, "Not Found")
            )
        elif not 0 <= length <= MAX_BODY:
            response = Response.text(413, "Payload Too Large")
            self.close_connection = True
        else:
            request = Request(
                method=method,
                path=parts.path,
                query=parts.query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length) if length else b"",
            )
            self.connection.settimeout(self.timeout)  # the request is in: no deadline to answer
            try:
                response = handler(request)
            except Exception:
                log.exception("%s %s failed", method, parts.path)
                response = Response.text(500, "Internal Server Error")
        self._send(response, head=self.command == "HEAD")

    def _send(self, response: Response, *, head: bool) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            if name.lower() not in ("content-length", "content-type"):
                self.send_header(name, value)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if not head:
            self.wfile.write(response.body)


class WebServer(ThreadingHTTPServer):
    """Serves ``routes`` on ``host:port`` (port 0: one chosen by the system) in a thread.

    It binds when built, so a port in use fails at start-up with an OSError."""

    daemon_threads = True
    # A burst of new connections (Slack retries, a Telegram webhook backlog) must not be reset
    # by the kernel: socketserver's default listen backlog is 5.
    request_queue_size = 128

    def __init__(
        self,
        routes: Routes,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_connections: int = MAX_CONNECTIONS,
        request_deadline_s: float = REQUEST_DEADLINE_S,
    ) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _RequestHandler)
        self.routes: dict[tuple[str, str], Handler] = dict(routes)
        self.request_deadline_s = request_deadline_s
        self._slots = threading.BoundedSemaphore(max_connections)
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True, name="web"
        )

    def process_request(self, request: Any, client_address: Any) -> None:
        """One thread per connection, up to ``max_connections``; past that, close it."""
        if not self._slots.acquire(blocking=False):
            log.debug("connection from %s closed: too many at once", client_address)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Into the log (the redacting handler), not a traceback on stderr; a client that
        hangs up early is no error."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            log.debug("connection from %s dropped", client_address)
            return
        log.warning("request from %s failed", client_address, exc_info=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url_for(self, path: str = "/") -> str:
        host = str(self.server_address[0])
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        return f"http://{host}:{self.port}{path}"

    async def start(self) -> None:
        self._thread.start()
        paths = ", ".join(sorted({path for _, path in self.routes}))
        log.info("HTTP server on %s:%d (%s)", self.server_address[0], self.port, paths)

    async def stop(self) -> None:
        if self._thread.is_alive():
            await asyncio.to_thread(self.shutdown)
        self.server_close()
