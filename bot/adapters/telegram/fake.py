"""A fake Telegram Bot API on loopback that rejects what Telegram rejects, and records all.

    with FakeBotAPI() as api:                 # or the ``fake_api`` fixture (tests/telegram)
        bot = make_bot(api.token, api.base_url, api.base_file_url)
        api.rate_limit("100", retry_after=1)  # the next send to chat 100 answers 429
        api.block("200")                      # every send to chat 200: 403 bot was blocked
        api.migrate("-300", "-100300")        # sends to -300: 400 migrate_to_chat_id
        api.push_message("/claim 1", chat_id=5, user_id=7)   # an update for getUpdates
        api.sent                              # what was delivered: Sent(method, chat, text…)
        api.calls                             # every request (method, params, files)
        api.faults                            # exceptions in the fake (answered 500): none

URLs are ``/bot<TOKEN>/<method>`` and ``/file/bot<TOKEN>/<path>`` like the real API. Bodies
may be form-encoded or multipart. HTML is checked the way Telegram does: only its tags, well
nested and closed, only ``&lt; &gt; &amp; &quot;`` and numeric entities, at most 4,096 UTF-16
units of text after parsing (1,024 for a caption), not empty. ``link_preview_options`` (Bot API
7.0, sendMessage) must be a JSON object with fields of the documented types (``is_disabled``,
``prefer_small_media``, ``prefer_large_media``, ``show_above_text``: Boolean; ``url``:
String); ``Sent.preview`` is the link whose preview the reader sees: none if disabled, the
given ``url``, else the first URL in the text, as Telegram documents.

It lives beside the adapter (not under tests/) so that ``claimwatch bench`` can deliver
through it; ``Sent.at`` (``time.monotonic()``) is when the message was accepted.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import html
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

TOKEN = "123456789:AAFakeTokenForTests-do-not-log-me"
BOT_ID = 123456789
BOT_USERNAME = "claimwatch_bot"
TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "tg-spoiler", "span", "tg-emoji",
}  # fmt: skip
_BARE_AMP = re.compile(r"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[a-zA-Z]+;)")
ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

__all__ = [
    "BOT_ID",
    "BOT_USERNAME",
    "ENTITIES",
    "TAGS",
    "TOKEN",
    "ApiError",
    "Call",
    "EntityError",
    "FakeBotAPI",
    "Sent",
    "parse_html",
    "preview_of",
    "utf16_len",
]


class EntityError(ValueError):
    """What Telegram calls "Bad Request: can't parse entities: …"."""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            raise EntityError(f'Unsupported start tag "{tag}"')
        if tag == "a" and not any(k == "href" and v for k, v in attrs):
            raise EntityError("a tag without href")
        if tag == "blockquote" and "blockquote" in self.stack:
            raise EntityError("nested blockquote")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise EntityError(f'Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise EntityError(f'Can\'t find end tag corresponding to start tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or "&" in data:
            raise EntityError("Unexpected end of name token or unescaped character")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            raise EntityError(f'Unsupported HTML entity "&{name};"')
        self.text.append(ENTITIES[name])

    def handle_charref(self, name: str) -> None:
        self.text.append(html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        raise EntityError("comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise EntityError("declarations are not supported")

    def handle_pi(self, data: str) -> None:
        raise EntityError("processing instructions are not supported")


def parse_html(source: str) -> str:
    """The text Telegram would show for ``source``; EntityError where Telegram refuses it."""
    if _BARE_AMP.search(source):
        raise EntityError("Unexpected end of name token: a bare '&'")
    checker = _Checker()
    checker.feed(source)
    checker.close()
    if checker.stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{checker.stack[-1]}"')
    return "".join(checker.text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, str]
    files: dict[str, bytes]
    at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Sent:
    method: str  # "sendMessage" or "sendPhoto"
    chat_id: str
    text: str  # the HTML (or plain) text or caption as sent
    parse_mode: str | None
    message_id: int
    photo: bytes | None = None
    at: float = field(default_factory=time.monotonic)
    preview: str | None = None  # the link previewed under the message (None: no preview)


PREVIEW_FLAGS = ("is_disabled", "prefer_small_media", "prefer_large_media", "show_above_text")
_FIRST_URL = re.compile(r"""href="([^"]*)"|(https?://[^\s<>"]+)""", re.IGNORECASE)


def preview_of(params: dict[str, str], text: str) -> str | None:
    """The link Telegram previews under a sendMessage: ``link_preview_options`` checked as
    the Bot API does (an ApiError 400 if it is not a LinkPreviewOptions object)."""
    options: Any = {}
    if params.get("link_preview_options"):
        try:
            options = json.loads(params["link_preview_options"])
        except ValueError:
            options = None
        if not isinstance(options, dict):
            raise ApiError(400, "Bad Request: can't parse link preview options JSON object")
        for flag in PREVIEW_FLAGS:
            if flag in options and not isinstance(options[flag], bool):
                raise ApiError(400, f'Bad Request: field "{flag}" must be of type Boolean')
        if "url" in options and not isinstance(options["url"], str):
            raise ApiError(400, 'Bad Request: field "url" must be of type String')
    if options.get("is_disabled"):
        return None
    if options.get("url"):
        return str(options["url"])
    first = _FIRST_URL.search(text)  # "the first URL found in the message text"
    return html.unescape(first.group(1) or first.group(2)) if first else None


@dataclass
class _Failure:
    status: int
    description: str
    parameters: dict[str, Any] | None
    times: int | None  # None: for ever


class _Server(ThreadingHTTPServer):
    """One thread per connection (HTTP/1.1 keep-alive), and a listen backlog for a burst of new
    connections: socketserver's default of 5 made the kernel reset some of the connections a
    client pool opens at once (``httpx.ReadError`` under load, ``claimwatch bench``)."""

    daemon_threads = True
    request_queue_size = 1024  # capped by net.core.somaxconn


class FakeBotAPI:
    """A threaded stdlib HTTP server on 127.0.0.1 speaking the Bot API."""

    def __init__(self, token: str = TOKEN, *, port: int = 0) -> None:
        self.token = token
        self.port = port  # 0: any free one; a fixed one lets a test start the fake late
        self.calls: list[Call] = []
        self.sent: list[Sent] = []
        self.commands: list[dict[str, str]] = []
        self.faults: list[str] = []  # exceptions in the fake itself (answered with a 500)
        self.admins: dict[tuple[str, str], str] = {}  # (chat, user) → status
        self._failures: dict[str, list[_Failure]] = {}  # chat id → scripted answers
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._cond = threading.Condition()
        self._stopping = False
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle --------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                try:
                    status, answer = api._handle(
                        self.path, self.headers.get("content-type", ""), body
                    )
                except Exception as exc:  # a fault of the fake: answer, keep the connection
                    with api._cond:
                        api.faults.append(f"{type(exc).__name__}: {exc}")
                    description = f"Internal Server Error: {type(exc).__name__} in the fake"
                    status = 500
                    answer = {"ok": False, "error_code": 500, "description": description}
                self._reply(status, answer)

            do_GET = do_POST

            def _reply(self, status: int, answer: dict[str, Any]) -> None:
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(ConnectionError):  # a poll cancelled by the client
                    self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = _Server(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    # --- scripting ---------------------------------------------------------------------------

    def fail(
        self,
        chat_id: str,
        status: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        times: int | None = 1,
    ) -> None:
        """The next ``times`` sends to ``chat_id`` (None: all) get this error."""
        with self._cond:
            self._failures.setdefault(str(chat_id), []).append(
                _Failure(status, description, parameters, times)
            )

    def rate_limit(self, chat_id: str, retry_after: int, times: int = 1) -> None:
        description = f"Too Many Requests: retry after {retry_after}"
        self.fail(chat_id, 429, description, {"retry_after": retry_after}, times)

    def block(self, chat_id: str) -> None:
        self.fail(chat_id, 403, "Forbidden: bot was blocked by the user", times=None)

    def migrate(self, chat_id: str, new_chat_id: str) -> None:
        description = "Bad Request: group chat was upgraded to a supergroup chat"
        self.fail(chat_id, 400, description, {"migrate_to_chat_id": int(new_chat_id)}, None)

    def push_message(
        self,
        text: str,
        *,
        chat_id: int,
        user_id: int,
        chat_type: str = "private",
        sender_chat_id: int | None = None,
    ) -> int:
        """Queue a message update for getUpdates; its update_id."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, "title": "chat"},
            "from": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
            "text": text,
        }
        if sender_chat_id is not None:
            message["from"] = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
            message["sender_chat"] = {"id": sender_chat_id, "type": chat_type, "title": "chat"}
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        with self._cond:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, "message": message})
            self._cond.notify_all()
        return update_id

    def sent_to(self, chat_id: str) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == str(chat_id)]

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # --- the API -----------------------------------------------------------------------------

    def _handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        prefix, _, method = path.partition("?")[0].lstrip("/").rpartition("/")
        params, files = _decode(content_type, body)
        with self._cond:
            self.calls.append(Call(method, params, files))
        if prefix != f"bot{self.token}":
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        try:
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = handler(params, files)
        except ApiError as exc:
            answer: dict[str, Any] = {
                "ok": False,
                "error_code": exc.status,
                "description": exc.description,
            }
            if exc.parameters:
                answer["parameters"] = exc.parameters
            return exc.status, answer
        return 200, {"ok": True, "result": result}

    def _api_getMe(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        return {"id": BOT_ID, "is_bot": True, "first_name": "claimwatch", "username": BOT_USERNAME}

    def _api_deleteWebhook(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        return True

    def _api_setWebhook(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        if not params.get("url", "").startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        return True

    def _api_setMyCommands(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        commands = json.loads(params.get("commands", "[]"))
        for command in commands:
            name = command.get("command", "")
            if not (1 <= len(name) <= 32 and name.replace("_", "").isalnum() and name.islower()):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = commands
        return True

    def _api_getUpdates(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 5.0)
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self._updates)

    def _api_getChatMember(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        user = {"id": int(params["user_id"]), "is_bot": False, "first_name": "someone"}
        status = self.admins.get((params["chat_id"], params["user_id"]), "member")
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            rights = (
                "can_be_edited is_anonymous can_manage_chat can_delete_messages "
                "can_manage_video_chats can_restrict_members can_promote_members "
                "can_change_info can_invite_users can_post_stories can_edit_stories "
                "can_delete_stories"
            )
            member.update({right: False for right in rights.split()})
        return member

    def _api_sendMessage(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        return self._send("sendMessage", params, params.get("text", ""), 4096, None)

    def _api_sendPhoto(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        photo = files.get("photo")
        if not photo:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        return self._send("sendPhoto", params, params.get("caption", ""), 1024, photo)

    def _send(
        self, method: str, params: dict[str, str], text: str, limit: int, photo: bytes | None
    ) -> Any:
        chat_id = params.get("chat_id", "")
        if not chat_id:
            raise ApiError(400, "Bad Request: chat_id is empty")
        if not chat_id.removeprefix("-").isdigit():  # an @username no chat here has
            raise ApiError(400, "Bad Request: chat not found")
        with self._cond:
            scripted = self._failures.get(chat_id)
            if scripted:
                failure = scripted[0]
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        scripted.pop(0)
                raise ApiError(failure.status, failure.description, failure.parameters)
        shown = text
        if params.get("parse_mode", "").upper() == "HTML":
            try:
                shown = parse_html(text)
            except EntityError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        if photo is None and not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(shown) > limit:
            what = "message is too long" if photo is None else "message caption is too long"
            raise ApiError(400, f"Bad Request: {what}")
        preview = preview_of(params, text) if method == "sendMessage" else None
        message_id = next(self._message_ids)
        with self._cond:
            self.sent.append(
                Sent(
                    method,
                    chat_id,
                    text,
                    params.get("parse_mode"),
                    message_id,
                    photo,
                    preview=preview,
                )
            )
        result: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": int(chat_id), "type": "private" if int(chat_id) > 0 else "supergroup"},
        }
        if photo is None:
            result["text"] = shown
        else:
            result["caption"] = shown
            result["photo"] = [
                {"file_id": f"p{message_id}", "file_unique_id": f"u{message_id}", "width": 1080,
                 "height": 1080}
            ]  # fmt: skip
        return result


def _decode(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, bytes]]:
    """Form fields and uploaded files of a request body (urlencoded, multipart or JSON)."""
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        params: dict[str, str] = {}
        files: dict[str, bytes] = {}
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            assert isinstance(name, str) and isinstance(payload, bytes)
            if part.get_filename() is not None:
                files[name] = payload
            else:
                params[name] = payload.decode()
        return params, files
    if content_type.startswith("application/json"):
        data = json.loads(body or b"{}")
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}, {}
    fields = parse_qs(body.decode(), keep_blank_values=True)
    return {k: v[-1] for k, v in fields.items()}, {}
