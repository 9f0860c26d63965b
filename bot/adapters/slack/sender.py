"""The Slack Sender: posts neutral messages as Block Kit through slack_sdk's Web API client.

slack_sdk's ``AsyncWebClient`` needs aiohttp, which claimwatch does not install, so the
synchronous ``WebClient`` runs in a worker thread (``asyncio.to_thread``). Slack's errors map
onto :mod:`bot.errors`: 429 → ``RetryLater``; a channel that is gone, or a token that is not
valid → ``ChatGone``; blocks Slack refuses → ``MessageRejected``; anything else →
``DeliveryError``.

Threads: the first alert on a claim in a channel starts a thread; later alerts on the same
claim are posted in it (the key is ``Message.thread_key``, else the alert's "Claim" line).
A bundle of alerts goes where each of its alerts would go: :meth:`SlackSender.fits` takes
only alerts that share a place (all new claims at the top, or all in one claim's thread), and
the claims it starts threads for are threaded under it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, MutableMapping
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack.render import fits as fits_in_one
from bot.adapters.slack.render import runs, to_payloads
from bot.core.message import Message
from bot.errors import ChatGone, DeliveryError, MessageRejected, RetryLater

log = logging.getLogger(__name__)

GONE = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "missing_scope",
    }
)
LATER_POST_TRIES = 3  # tries in place of a later post of a split message (its first is out)
LATER_POST_MAX_WAIT_S = 30.0  # the longest 429 a later post waits out in place
IN_THREAD = "@"  # on_post's first id of a message in a thread: "<its first ts>@<thread ts>"

REJECTED = frozenset(
    {
        "invalid_blocks",
        "invalid_blocks_format",
        "msg_blocks_too_long",
        "msg_too_long",
        "no_text",
        "too_many_attachments",
    }
)


def web_client(token: str, base_url: str = "https://slack.com/api/") -> WebClient:
    """A Web API client on ``base_url`` (Slack's own, a proxy or a test fake)."""
    return WebClient(token=token, base_url=base_url, retry_handlers=[])


def thread_key(message: Message) -> str | None:
    """What ties alerts on one claim together (None: not threaded)."""
    if message.kind != "alert":
        return None
    if message.thread_key:
        return message.thread_key
    return next((line.text for line in message.lines if line.label == "Claim"), None)


def delivery_error(exc: SlackApiError, chat: str) -> DeliveryError:
    """A SlackApiError as one of claimwatch's delivery errors."""
    response = exc.response
    error = str(response.get("error") or "unknown_error")
    if response.status_code == 429 or error == "ratelimited":
        retry_after = response.headers.get("Retry-After") or response.headers.get("retry-after")
        try:
            wait = float(retry_after) if retry_after is not None else 1.0
        except ValueError:
            wait = 1.0
        return RetryLater(f"Slack {chat}: ratelimited", max(wait, 1.0))
    if error in GONE:
        return ChatGone(f"Slack {chat}: {error}")
    if error in REJECTED:
        return MessageRejected(f"Slack {chat}: {error}")
    return DeliveryError(f"Slack {chat}: {error}")


class SlackSender:
    """Posts messages to Slack channels; one message id (the ``ts``) per message."""

    platform = "slack"

    def __init__(
        self,
        client: WebClient,
        *,
        min_interval_s: float = 1.0,
        threads: MutableMapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.min_interval_s = min_interval_s  # about one message a second per channel
        self.threads: MutableMapping[str, str] = {} if threads is None else threads
        self._clock = clock
        self._last: dict[str, float] = {}

    def _places(self, chat: str, message: Message) -> tuple[list[str], set[str | None]]:
        """The thread keys of the message's alerts, and the threads they go to (None: the
        channel itself)."""
        keys = [k for k in map(thread_key, message.parts or (message,)) if k]
        return keys, {self.threads.get(f"{chat}\x1f{k}") for k in keys} or {None}

    def fits(self, chat: str | None, message: Message) -> bool:
        """Whether ``message`` (a bundle of alerts) goes to ``chat`` as one Slack message:
        within Slack's limits, and all its alerts bound for the same thread (or none)."""
        return (
            chat is not None and len(self._places(chat, message)[1]) == 1 and fits_in_one(message)
        )

    async def send(self, chat: str | None, message: Message) -> str:
        return await self.send_from(chat, message)

    async def send_from(
        self,
        chat: str | None,
        message: Message,
        *,
        posted: int = 0,
        first_id: str | None = None,
        on_post: Callable[[int, str], None] | None = None,
    ) -> str:
        """Post ``message`` from its post ``posted + 1`` on (its first ``posted`` posts, the
        first with ts ``first_id``, are out); the ts of its first post. A message over Slack's
        limits goes in several posts: ``on_post(n, first_id)`` is called when its first ``n``
        are out, for each ``n`` but the last, so that the caller can record how far it got
        (``first_id``: the first post's ts, and ``@`` and the thread's ts if it went to a
        thread: passed back, the rest goes where the first went, after a restart too). A
        failure of a later post raises as a failure of the first does; the posts before it
        stay out, and the threads they started are kept."""
        if not chat:
            raise ChatGone("no Slack channel id configured")
        first_ts: str | None = None
        thread_ts: str | None
        if posted > 0 and first_id is not None:  # the rest goes where the first went
            first_ts, _, thread = first_id.partition(IN_THREAD)
            thread_ts = thread or None
        else:
            places = self._places(chat, message)[1]
            thread_ts = places.pop() if len(places) == 1 else None
        payloads = [(run, p) for run in runs(message) for p in to_payloads(run)]
        started: dict[int, str] = {}  # id of each run of a split bundle → its first post's ts
        for number, (run, (blocks, text)) in enumerate(payloads, 1):
            if first_ts is not None and number <= posted:
                continue  # out before: never again
            post = {"channel": chat, "text": text, "blocks": blocks, "thread_ts": thread_ts}
            if first_ts is None:
                await self._pace(chat)
                result = await self._call(
                    chat, "chat_postMessage", unfurl_links=False, unfurl_media=False, **post
                )
                ts = first_ts = str(result["ts"])
            else:
                ts = await self._post_later(chat, post)
            started.setdefault(id(run), ts)
            for key in self._places(chat, run)[0]:  # a claim's first alert starts its thread
                self.threads.setdefault(f"{chat}\x1f{key}", started[id(run)])
            if on_post is not None and number < len(payloads):
                on_post(number, f"{first_ts}{IN_THREAD}{thread_ts}" if thread_ts else first_ts)
        assert first_ts is not None
        if message.image is not None:
            try:
                await self._call(
                    chat,
                    "files_upload_v2",
                    channel=chat,
                    file=message.image,
                    filename="chart.png",
                    title=(message.title or "chart")[:200],
                    thread_ts=thread_ts,
                )
            except DeliveryError as exc:  # the message is out: resending it would repeat it
                log.warning("chart not uploaded: %s", exc)
        return first_ts

    async def _post_later(self, chat: str, post: dict[str, Any]) -> str:
        """A later post of a message sent in several (its first is out): retried in place, a
        short 429 waited out, up to ``LATER_POST_TRIES`` times; then its error is raised (the
        caller keeps how far the message got, and the next attempt starts at this post)."""
        for attempt in range(1, LATER_POST_TRIES + 1):
            await self._pace(chat)
            try:
                result = await self._call(
                    chat, "chat_postMessage", unfurl_links=False, unfurl_media=False, **post
                )
                return str(result["ts"])
            except (ChatGone, MessageRejected):
                raise  # not going to change
            except RetryLater as exc:
                if exc.retry_after_s > LATER_POST_MAX_WAIT_S or attempt == LATER_POST_TRIES:
                    raise  # the channel waits that long, the posts out kept
                wait = exc.retry_after_s
            except DeliveryError as exc:
                log.info("Slack %s: a later post failed (try %d): %s", chat, attempt, exc)
                if attempt == LATER_POST_TRIES:
                    raise
                wait = self.min_interval_s * attempt
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _pace(self, chat: str) -> None:
        wait = self._last.get(chat, float("-inf")) + self.min_interval_s - self._clock()
        if wait > 0:
            await asyncio.sleep(wait)
        self._last[chat] = self._clock()

    async def _call(self, chat: str, method: str, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(getattr(self.client, method), **kwargs)
        except SlackApiError as exc:
            raise delivery_error(exc, chat) from None
        except (SlackClientError, OSError) as exc:
            raise DeliveryError(f"Slack {chat}: {type(exc).__name__}") from None
