"""A real HTTP feed server on loopback, for every test (and script) that needs feeds or pages.

    with FeedServer() as server:                       # or the ``feed_server`` pytest fixture
        server.feed("/rss.xml", RSS_BYTES)             # ETag + Last-Modified, 304 on a match
        server.page("/article.html", "<html>…")
        server.status("/gone", 410)
        server.status("/busy", 429, retry_after="120")
        server.redirect("/old", "/rss.xml", code=301)
        server.add("/slow", RSS_BYTES, delay_s=2.0)    # or chunk_delay_s=… between chunks
        server.huge("/huge", 50_000_000)               # streamed, never held in memory
        server.gzip_bomb("/bomb", 200_000_000)         # small on the wire, huge decoded
        server.dynamic("/soak/", answer)               # answer(path, headers) -> Route, per request
        url = server.url("/rss.xml")
        server.requests_for("/rss.xml")[-1].headers["if-none-match"]

Paths are matched without the query string. Unregistered paths answer 404. Every request is
recorded (method, path with query, lower-cased headers) before it is answered.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

import pytest

_CHUNK = 64 * 1024
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Route:
    """How one path answers. Build with the FeedServer helpers rather than by hand."""

    body: bytes = b""
    content_type: str = RSS_TYPE
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    etag: bool = True  # send a strong ETag computed from the body; answer 304 on a match
    last_modified: float | None = None  # epoch seconds; None: the time the route was added
    send_last_modified: bool = True
    location: str | None = None  # redirect target (a path or a full URL)
    delay_s: float = 0.0  # before the status line
    chunk_delay_s: float = 0.0  # before each body chunk
    chunk_size: int = _CHUNK
    gzip: bool = False  # compress ``body`` and send Content-Encoding: gzip
    filler_bytes: int = 0  # instead of ``body``: stream this many b"x" bytes
    gzip_bomb_bytes: int = 0  # instead of ``body``: gzip of this many zero bytes
    content_length: bool = True  # False: chunked transfer encoding


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # with the query string
    headers: dict[str, str]  # lower-cased names
    at: float = field(default_factory=time.monotonic)


class FeedServer:
    """A threaded stdlib HTTP/1.1 server on 127.0.0.1, port chosen by the OS."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._bombs: dict[int, bytes] = {}
        self._dynamic: dict[str, Callable[[str, dict[str, str]], Route | None]] = {}

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> FeedServer:
        handler = type("Handler", (_Handler,), {"feed_server": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes slow handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    # -- routes --------------------------------------------------------------------------
    def add(self, path: str, body: bytes | str = b"", **options: object) -> Route:
        """Register ``path``; options are ``Route`` fields (delay_s=, gzip=, etag=False, ...)."""
        data = body.encode() if isinstance(body, str) else body
        route = replace(Route(body=data, last_modified=time.time()), **options)  # type: ignore[arg-type]
        with self._lock:
            self._routes[path] = route
        return route

    def feed(self, path: str, body: bytes | str, **options: object) -> Route:
        return self.add(path, body, **options)

    def atom(self, path: str, body: bytes | str, **options: object) -> Route:
        return self.add(path, body, content_type=ATOM_TYPE, **options)

    def page(self, path: str, html: bytes | str, **options: object) -> Route:
        return self.add(path, html, content_type=HTML_TYPE, **options)

    def status(self, path: str, code: int, *, retry_after: str | None = None) -> Route:
        headers = (("Retry-After", retry_after),) if retry_after is not None else ()
        body = f"<html><body>{code}</body></html>"
        return self.add(
            path, body, status=code, headers=headers, etag=False, content_type=HTML_TYPE
        )

    def redirect(self, path: str, to: str, *, code: int = 301) -> Route:
        return self.add(path, b"", status=code, location=to, etag=False)

    def huge(self, path: str, size: int, **options: object) -> Route:
        return self.add(path, b"", filler_bytes=size, etag=False, **options)

    def gzip_bomb(self, path: str, size: int) -> Route:
        return self.add(path, b"", gzip_bomb_bytes=size, etag=False)

    def touch(self, path: str, body: bytes | str) -> Route:
        """Change a route's body (new ETag, Last-Modified now), keeping its other options."""
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            route = replace(self._routes[path], body=data, last_modified=time.time())
            self._routes[path] = route
        return route

    def route(self, path: str) -> Route | None:
        with self._lock:
            return self._routes.get(path)

    def dynamic(self, prefix: str, answer: Callable[[str, dict[str, str]], Route | None]) -> None:
        """Unregistered paths starting with ``prefix`` are answered by ``answer(path, headers)``
        (path without the query, lower-cased request headers), called for every request; None
        is a 404. Build the Route with ``make_route``. For content and faults that change."""
        with self._lock:
            self._dynamic[prefix] = answer

    def _route_for(self, path: str, headers: dict[str, str]) -> Route | None:
        with self._lock:
            route = self._routes.get(path)
            answers = [a for prefix, a in self._dynamic.items() if path.startswith(prefix)]
        if route is None and answers:
            return answers[0](path, headers)
        return route

    # -- what was asked ------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_for(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if urlsplit(r.path).path == path]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # -- used by the handler -------------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _bomb(self, size: int) -> bytes:
        with self._lock:
            cached = self._bombs.get(size)
        if cached is None:
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
            zeros = bytes(1_000_000)
            parts = [compressor.compress(zeros) for _ in range(size // len(zeros))]
            parts.append(compressor.compress(bytes(size % len(zeros))))
            parts.append(compressor.flush())
            cached = b"".join(parts)
            with self._lock:
                self._bombs[size] = cached
        return cached


def make_route(body: bytes | str = b"", **options: object) -> Route:
    """A Route as ``FeedServer.add`` builds it (Last-Modified now unless given)."""
    data = body.encode() if isinstance(body, str) else body
    return replace(Route(body=data, last_modified=time.time()), **options)  # type: ignore[arg-type]


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow handler never blocks shutdown
    request_queue_size = 1024  # socketserver's 5 resets connections opened in a burst

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return  # the client hung up (deadline, size cap, closed keep-alive): expected
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    feed_server: FeedServer
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections close on their own

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, *, head: bool) -> None:
        server = self.feed_server
        headers = {name.lower(): value for name, value in self.headers.items()}
        server._record(RecordedRequest(self.command, self.path, headers))
        route = server._route_for(urlsplit(self.path).path, headers)
        if route is None:
            route = Route(body=b"not found", status=404, etag=False, content_type="text/plain")
        try:
            if route.delay_s and server._stopping.wait(route.delay_s):
                return
            self._send(route, headers, head=head)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client gave up (deadline, size cap): fine

    def _send(self, route: Route, request_headers: dict[str, str], *, head: bool) -> None:
        body = route.body
        encoding: str | None = None
        if route.gzip_bomb_bytes:
            body, encoding = self.feed_server._bomb(route.gzip_bomb_bytes), "gzip"
        elif route.gzip:
            body, encoding = gzip.compress(route.body), "gzip"
        tag = etag_of(route.body) if route.etag else None
        modified = (
            email.utils.formatdate(route.last_modified, usegmt=True)
            if route.send_last_modified and route.last_modified is not None
            else None
        )
        if route.status == 200 and _not_modified(request_headers, tag, route.last_modified):
            self.send_response(304)
            self._validators(tag, modified)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(route.status)
        if route.location is not None:
            self.send_header("Location", route.location)
        for name, value in route.headers:
            self.send_header(name, value)
        if route.status == 200:
            self._validators(tag, modified)
        self.send_header("Content-Type", route.content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        length = route.filler_bytes if route.filler_bytes else len(body)
        if route.content_length:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if head:
            return
        for chunk in _chunks(body, route.filler_bytes, route.chunk_size):
            if route.chunk_delay_s and self.feed_server._stopping.wait(route.chunk_delay_s):
                self.close_connection = True
                return
            if route.content_length:
                self.wfile.write(chunk)
            else:
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.flush()
        if not route.content_length:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    def _validators(self, tag: str | None, modified: str | None) -> None:
        if tag:
            self.send_header("ETag", tag)
        if modified:
            self.send_header("Last-Modified", modified)


def _not_modified(headers: dict[str, str], tag: str | None, modified: float | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since when both are present."""
    if "if-none-match" in headers:
        if tag is None:
            return False
        offered = [t.strip().removeprefix("W/") for t in headers["if-none-match"].split(",")]
        return "*" in offered or tag in offered
    if "if-modified-since" in headers and modified is not None:
        try:
            since = email.utils.parsedate_to_datetime(headers["if-modified-since"]).timestamp()
        except (TypeError, ValueError):
            return False
        return int(modified) <= since
    return False


def _chunks(body: bytes, filler: int, size: int) -> Iterator[bytes]:
    if filler:
        block = b"x" * size
        sent = 0
        while sent < filler:
            piece = block[: min(size, filler - sent)]
            sent += len(piece)
            yield piece
        return
    for start in range(0, len(body), size):
        yield body[start : start + size]


def unused_port() -> int:
    """A loopback port nobody listens on (bound, then released). Another process may take it
    at any time after: for a port that must stay refused, or be bound later by the test, use
    ``ClosedPort``; for the bot's own HTTP server, start it on ``PORT=0`` and read the port
    from its log (``RunningBot.http_port``)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ClosedPort:
    """A loopback port held bound but not listening: connections to it are refused, and no
    other process can take it until ``release()``, called just before the test's own server
    binds it (``FakeBotAPI(port=held.release())``).

        with ClosedPort() as held:
            url = f"http://127.0.0.1:{held.port}/bot"      # refused until released
    """

    def __init__(self) -> None:
        self._sock: socket.socket | None = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])

    def release(self) -> int:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        return self.port

    def __enter__(self) -> ClosedPort:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer, stopped after the test."""
    with FeedServer() as server:
        yield server
