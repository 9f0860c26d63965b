"""The one HTTP server of `claimwatch run`: a route table served on ``$PORT``.

Routes are plain functions from :class:`Request` to :class:`Response`, keyed by method and path:
the ops routes (``GET /healthz``, ``GET /metrics``, bot/ops.py), in Slack's HTTP mode
``POST /slack/events`` (bot/adapters/slack/app.py), and in Telegram's webhook mode ``POST`` on the
webhook URL's path (bot/adapters/telegram/webhook.py). The standard library's threading server
answers each request in its own thread, so a busy or stuck event loop cannot stop ``/healthz``
from saying so. An unknown path is a 404, a known path with another method a 405.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000


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


class _RequestHandler(BaseHTTPRequestHandler):
    server: WebServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle keep-alive connection is closed

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

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

    def __init__(self, routes: Routes, host: str = "127.0.0.1", port: int = 0) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _RequestHandler)
        self.routes: dict[tuple[str, str], Handler] = dict(routes)
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True, name="web"
        )

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
