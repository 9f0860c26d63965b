"""A fake Slack Web API on loopback that checks what it receives the way Slack does.

    with FakeSlack(token="xoxb-test", channels={"C1": "desk"}) as slack:
        client = WebClient(token="xoxb-test", base_url=slack.api_url)
        slack.ratelimit("C1", retry_after=30)          # the next post to C1 answers 429
        slack.fail("C2", "not_in_channel")             # every post to C2 fails so
        slack.posts("C1")[-1]["blocks"]                # what was accepted, in order
        slack.response_url("cmd")                      # a loopback response_url; slack.responses

Methods: ``apps.connections.open`` (with the app token; answers ``socket_url``), ``auth.test``,
``chat.postMessage``, ``chat.update``, ``conversations.info``,
``files.getUploadURLExternal`` + the upload URL + ``files.completeUploadExternal``. A missing
token answers ``not_authed``, an unknown one ``invalid_auth``; more than 50 blocks, a section
over 3,000 characters, a header over 150 or a ``block_id`` used twice in one message answer
``invalid_blocks``; blocks holding more than ``MAX_BLOCKS_TEXT`` characters of text in all
answer ``msg_blocks_too_long`` (Slack's own cumulative limit is undocumented: about 12,000);
a top-level ``text`` over 40,000 characters is not refused but truncated, with the warning
``message_truncated`` (as Slack documents); an unknown channel ``channel_not_found``. Every
request is recorded (method, headers, parsed body) before it is answered; ``posted_at(ts)``
is when a message was accepted (``time.monotonic()``).

It lives beside the adapter (not under tests/) so that ``claimwatch bench`` can deliver
through it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "MAX_BLOCKS_TEXT",
    "MAX_TEXT",
    "FakeServer",
    "FakeSlack",
    "Handler",
    "Request",
    "SlackError",
    "State",
    "Upload",
    "check_blocks",
    "text_in",
]

MAX_BLOCKS_TEXT = 12_000  # characters of text in one message's blocks (msg_blocks_too_long)
MAX_TEXT = 40_000  # characters of a message's top-level text: the rest is truncated


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: bytes = b""

    @property
    def method(self) -> str:
        return self.path.removeprefix("/api/")


@dataclass
class Upload:
    file_id: str
    filename: str
    data: bytes | None = None
    channel: str | None = None
    thread_ts: str | None = None
    title: str | None = None


@dataclass
class State:
    token: str
    channels: dict[str, str]
    app_token: str = "xapp-test"
    socket_url: str | None = None  # what apps.connections.open answers (a FakeSocketMode's url)
    requests: list[Request] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    uploads: dict[str, Upload] = field(default_factory=dict)
    responses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ratelimited: dict[str, list[float]] = field(default_factory=dict)
    failing: dict[str, str] = field(default_factory=dict)
    posted_at: dict[str, float] = field(default_factory=dict)  # ts → time.monotonic()
    ts: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    lock: threading.Lock = field(default_factory=threading.Lock)


class SlackError(Exception):
    def __init__(self, error: str, status: int = 200, retry_after: float | None = None) -> None:
        super().__init__(error)
        self.error, self.status, self.retry_after = error, status, retry_after


def check_blocks(blocks: Any) -> None:
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            raise SlackError("invalid_blocks_format") from None
    if not isinstance(blocks, list) or len(blocks) > 50:
        raise SlackError("invalid_blocks")
    ids = [block["block_id"] for block in blocks if "block_id" in block]
    if len(ids) != len(set(ids)):  # Slack: "block_id ... must be unique for each message"
        raise SlackError("invalid_blocks")
    for block in blocks:
        kind, text = block.get("type"), (block.get("text") or {}).get("text", "")
        if kind == "section" and not 1 <= len(text) <= 3000:
            raise SlackError("invalid_blocks")
        if kind == "header" and not 1 <= len(text) <= 150:
            raise SlackError("invalid_blocks")
        if kind == "context" and not 1 <= len(block.get("elements", [])) <= 10:
            raise SlackError("invalid_blocks")
    if text_in(blocks) > MAX_BLOCKS_TEXT:
        raise SlackError("msg_blocks_too_long")


def text_in(value: Any) -> int:
    """Characters of every ``text`` string anywhere in ``value`` (blocks, elements, objects)."""
    if isinstance(value, list):
        return sum(text_in(item) for item in value)
    if not isinstance(value, dict):
        return 0
    return sum(
        len(item) if key == "text" and isinstance(item, str) else text_in(item)
        for key, item in value.items()
    )


def _truncated(text: Any) -> tuple[Any, dict[str, Any]]:
    """The top-level text as Slack keeps it, and the warning it answers when it cut it."""
    if not isinstance(text, str) or len(text) <= MAX_TEXT:
        return text, {}
    note = "[WARN] Your message was truncated but still posted."
    return text[:MAX_TEXT], {
        "warning": "message_truncated",
        "response_metadata": {"warnings": ["message_truncated"], "messages": [note]},
    }


class Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        state = self.server.state
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        path = urlsplit(self.path).path
        headers = {k.lower(): v for k, v in self.headers.items()}
        if headers.get("content-type", "").startswith("application/json"):
            body = json.loads(raw or b"{}")
        else:
            body = dict(parse_qsl(raw.decode("utf-8", "replace")))
        body.update(parse_qsl(urlsplit(self.path).query))
        with state.lock:
            state.requests.append(Request(path, headers, body, raw))
        try:
            if path.startswith("/upload/"):
                self._upload(path.removeprefix("/upload/"), raw)
                return
            if path.startswith("/respond/"):
                with state.lock:
                    state.responses.setdefault(path.removeprefix("/respond/"), []).append(body)
                self._answer(200, {"ok": True})
                return
            method = path.removeprefix("/api/")
            handler = getattr(self, "api_" + method.replace(".", "_"), None)
            if not path.startswith("/api/") or handler is None:
                raise SlackError("unknown_method", status=404)
            self._authorize(headers, body, method)
            with state.lock:
                result = handler(body)
            self._answer(200, {"ok": True, **result})
        except SlackError as exc:
            extra = {"Retry-After": f"{exc.retry_after:g}"} if exc.retry_after is not None else {}
            self._answer(exc.status, {"ok": False, "error": exc.error}, extra)

    do_GET = do_POST

    def _answer(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _authorize(self, headers: dict[str, str], body: dict[str, Any], method: str) -> None:
        auth = headers.get("authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else body.get("token")
        if not token:
            raise SlackError("not_authed")
        state = self.server.state
        if token != (state.app_token if method == "apps.connections.open" else state.token):
            raise SlackError("invalid_auth")

    def _channel(self, body: dict[str, Any], key: str = "channel") -> str:
        state, channel = self.server.state, str(body.get(key) or "")
        if channel not in state.channels:
            raise SlackError("channel_not_found")
        if channel in state.failing:
            raise SlackError(state.failing[channel])
        waits = state.ratelimited.get(channel)
        if waits:
            raise SlackError("ratelimited", status=429, retry_after=waits.pop(0))
        return channel

    def _upload(self, file_id: str, raw: bytes) -> None:
        with self.server.state.lock:
            upload = self.server.state.uploads.get(file_id)
            if upload is None:
                raise SlackError("not_found", status=404)
            upload.data = raw
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"OK")

    # --- methods (called with the state lock held) ---------------------------------------------

    def api_auth_test(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"url": "https://fake.slack.com/", "team": "Fake", "user": "claimwatch",
                "team_id": "T1", "user_id": "UBOT", "bot_id": "BBOT"}  # fmt: skip

    def api_apps_connections_open(self, body: dict[str, Any]) -> dict[str, Any]:
        if self.server.state.socket_url is None:
            raise SlackError("internal_error", status=500)
        return {"url": self.server.state.socket_url}

    def api_chat_postMessage(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(body)
        if "blocks" in body:
            check_blocks(body["blocks"])
        elif not body.get("text"):
            raise SlackError("no_text")
        ts = f"1700000000.{next(self.server.state.ts):06d}"
        text, warnings = _truncated(body.get("text"))
        message = {**body, "channel": channel, "ts": ts}
        if text is not None:
            message["text"] = text
        self.server.state.messages.append(message)
        self.server.state.posted_at[ts] = time.monotonic()
        return {"channel": channel, "ts": ts, "message": {"text": text, "ts": ts}, **warnings}

    def api_chat_update(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(body)
        if "blocks" in body:
            check_blocks(body["blocks"])
        for message in self.server.state.messages:
            if message["channel"] == channel and message["ts"] == body.get("ts"):
                message.update(body)
                return {"channel": channel, "ts": message["ts"]}
        raise SlackError("message_not_found")

    def api_conversations_info(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(body)
        name = self.server.state.channels[channel]
        return {"channel": {"id": channel, "name": name, "is_member": True}}

    def api_files_getUploadURLExternal(self, body: dict[str, Any]) -> dict[str, Any]:
        if not body.get("filename") or not str(body.get("length", "")).isdigit():
            raise SlackError("invalid_arguments")
        file_id = f"F{len(self.server.state.uploads) + 1}"
        self.server.state.uploads[file_id] = Upload(file_id, str(body["filename"]))
        url = f"http://127.0.0.1:{self.server.server_port}/upload/{file_id}"
        return {"upload_url": url, "file_id": file_id}

    def api_files_completeUploadExternal(self, body: dict[str, Any]) -> dict[str, Any]:
        files = body.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        channel = self._channel(body, "channel_id") if body.get("channel_id") else None
        done = []
        for item in files or []:
            upload = self.server.state.uploads.get(str(item.get("id")))
            if upload is None or upload.data is None:
                raise SlackError("file_not_found")
            upload.channel, upload.thread_ts = channel, body.get("thread_ts")
            upload.title = item.get("title")
            done.append({"id": upload.file_id, "name": upload.filename, "title": upload.title})
        return {"files": done}


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    # a new connection per request (HTTP/1.0): socketserver's backlog of 5 made the kernel
    # reset connections opened in a burst under load
    request_queue_size = 1024

    def __init__(self, state: State) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = state


class FakeSlack:
    def __init__(
        self,
        token: str = "xoxb-test",
        channels: dict[str, str] | None = None,
        app_token: str = "xapp-test",
    ) -> None:
        self.state = State(token, dict(channels or {"C1": "desk", "C2": "wire"}), app_token)
        self.server = FakeServer(self.state)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FakeSlack:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/respond/{name}"

    def ratelimit(self, channel: str, retry_after: float = 30, times: int = 1) -> None:
        with self.state.lock:
            self.state.ratelimited.setdefault(channel, []).extend([retry_after] * times)

    def fail(self, channel: str, error: str) -> None:
        with self.state.lock:
            self.state.failing[channel] = error

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        with self.state.lock:
            return [m for m in self.state.messages if channel in (None, m["channel"])]

    def posted_at(self, ts: str) -> float | None:
        """When the message ``ts`` was accepted (``time.monotonic()``), None if never."""
        with self.state.lock:
            return self.state.posted_at.get(ts)

    def requests(self, method: str | None = None) -> list[Request]:
        with self.state.lock:
            return [r for r in self.state.requests if method in (None, r.method)]

    @property
    def uploads(self) -> list[Upload]:
        with self.state.lock:
            return list(self.state.uploads.values())

    @property
    def responses(self) -> dict[str, list[dict[str, Any]]]:
        with self.state.lock:
            return {k: list(v) for k, v in self.state.responses.items()}
