"""M5 and L3: the public HTTP port bounds connections and the time to send a request."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from bot.adapters.web import Request, Response, WebServer


def ok(request: Request) -> Response:
    return Response.text(200, "ok")


@pytest.fixture
def server() -> Iterator[WebServer]:
    web = WebServer({("GET", "/healthz"): ok}, max_connections=8, request_deadline_s=1.0)
    asyncio.run(web.start())
    yield web
    asyncio.run(web.stop())


def half_sent(web: WebServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", web.port), timeout=10)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nX: ")
    return sock


def closed_by_server(sock: socket.socket) -> bool:
    """True when the server closed the connection (waits up to the socket's timeout)."""
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_connections_past_the_cap_are_closed_and_no_thread_is_started(server: WebServer) -> None:
    before = threading.active_count()
    held = [half_sent(server) for _ in range(8)]
    time.sleep(0.3)
    extra = [half_sent(server) for _ in range(20)]
    try:
        assert all(closed_by_server(sock) for sock in extra)
        assert threading.active_count() <= before + 8
    finally:
        for sock in held + extra:
            sock.close()


def test_a_client_trickling_its_request_is_cut_off(server: WebServer) -> None:
    sock = half_sent(server)
    sock.settimeout(0.2)
    cut_off = False
    try:
        for _ in range(50):  # a byte every 0.2 s for up to 10 s: each read is quick enough
            try:
                sock.sendall(b"a")
            except (BrokenPipeError, ConnectionResetError):
                cut_off = True
                break
            if closed_by_server(sock):
                cut_off = True
                break
    finally:
        sock.close()
    assert cut_off, "the deadline for the whole request did not close the connection"


def test_slots_come_back_and_requests_are_answered_after_an_attack(server: WebServer) -> None:
    socks = [half_sent(server) for _ in range(8)]
    for sock in socks:
        sock.close()
    time.sleep(0.5)
    with httpx.Client(trust_env=False) as client:
        for _ in range(20):  # more than the cap, one after another: each slot is given back
            assert client.get(server.url_for("/healthz"), headers={"Connection": "close"}).text == (
                "ok"
            )


def test_a_keep_alive_connection_answers_several_requests(server: WebServer) -> None:
    with httpx.Client(trust_env=False) as client:
        assert [client.get(server.url_for("/healthz")).text for _ in range(3)] == ["ok"] * 3


def test_the_request_line_is_logged_with_controls_escaped(
    server: WebServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="bot.adapters.web"):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        sock.sendall(b"GET /healthz\x1b[2J\x85 HTTP/1.1\r\nConnection: close\r\n\r\n")
        assert sock.recv(1024).startswith(b"HTTP/1.1 404")
        sock.close()
        time.sleep(0.2)
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.adapters.web"]
    assert any("/healthz\\x1b[2J" in line for line in lines), lines
    assert not any("\x1b" in line for line in lines)


def test_a_dropped_connection_is_logged_quietly_and_nothing_goes_to_stderr(
    server: WebServer, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="bot.adapters.web"):
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            server.handle_error(None, ("127.0.0.1", 1))
        try:
            raise ValueError("boom")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 2))
    assert capfd.readouterr().err == ""
    [dropped, failed] = [r for r in caplog.records if r.name == "bot.adapters.web"]
    assert dropped.levelno == logging.DEBUG and failed.levelno == logging.WARNING
    assert failed.exc_info is not None
