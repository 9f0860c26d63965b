"""Delivery: the outbox out to the channels, each alert delivered once.

One sender task per channel, up to ``delivery_concurrency`` sending at once: each sends
its channel's outbox rows in outbox order, one message at a time, and marks each sent with
the platform's message id as soon as the platform answers. Alerts waiting together go as
one message (a bundle, as many as fit), its rows marked sent with its id in one
transaction, so a chat is not paced through a burst of them. A message that goes in
several posts (a long digest, a Telegram text over 4,096 units, text then a photo) records
in its rows how many of its posts are out, and its first post's id, as each goes
(``Store.record_posts``): when a later post fails, the rows stay pending and the next
attempt, after a restart too, sends only the posts not yet out (``Resumer``). A chat with a
backlog (paced at about one message a second) holds up only itself; after a kill -9 at most
the post in flight in each channel is sent again. The store is synchronous (SQLAlchemy): its
writes from these tasks run one at a time on the event loop, never on threads.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Literal, Protocol, runtime_checkable

from bot.adapters.store import OutboxItem, Store
from bot.adapters.store.store import pending_channels
from bot.core.message import Line, Message
from bot.core.render import bundle, render_alert
from bot.errors import ChatGone, ChatMoved, DeliveryError, MessageRejected, RetryLater
from bot.metrics import Metrics

log = logging.getLogger(__name__)

MAX_DELIVERY_BACKOFF_S = 300.0  # a failing channel is retried after 2, 4, 8 … s, at most this
MAX_DELIVERY_ATTEMPTS = 5  # failed sends of one outbox row before it is dead (see /status)
# A message partly out (a later post failed) waits out an outage longer, about two hours of
# backoff, but not forever: a post that never goes (a failure the sender cannot tell from an
# outage, e.g. a photo Telegram finds too large) would hold up its channel's queue for good.
MAX_PARTLY_OUT_ATTEMPTS = 30
DELIVERY_CONCURRENCY = 16  # channels sent to at once (each one message at a time, in order)
ALERTS_A_MESSAGE = 10  # alerts waiting for one chat that may go as one message, at most


class Sender(Protocol):
    """A channel adapter: posts one neutral message, returns the platform's message id."""

    platform: str

    async def send(self, chat: str | None, message: Message) -> str: ...


@runtime_checkable
class Resumer(Protocol):
    """A sender that sends a message in several posts from where it stopped (the Telegram and
    Slack senders): ``on_post(n, first_id)`` when its first ``n`` posts are out (each ``n``
    but the last); the next attempt passes ``posted=n, first_id=…`` and only the rest goes.
    ``first_id`` is the sender's own: its first post's id, and what the rest needs to go as
    the first went (Telegram's ``plain:``, Slack's ``@`` thread); the outbox keeps it as is."""

    async def send_from(
        self,
        chat: str | None,
        message: Message,
        *,
        posted: int = 0,
        first_id: str | None = None,
        on_post: Callable[[int, str], None] | None = None,
    ) -> str: ...


@runtime_checkable
class Bundler(Protocol):
    """A sender that can post several alerts as one message (a bundle, ``Message.parts``)."""

    def fits(self, chat: str | None, message: Message) -> bool:
        """Whether ``message`` goes to ``chat`` as one message, within the platform's limits."""
        ...


def render_notice(payload: Mapping[str, object]) -> Message:
    """A notice or a digest from the outbox (:func:`notice_payload`) as a message."""
    lines = payload.get("lines")
    kind = "digest" if payload.get("kind") == "digest" else "notice"
    link, image = payload.get("link"), payload.get("image")
    return Message(
        str(payload.get("title") or f"claimwatch {kind}"),
        tuple(
            Line(str(line[1]), label=str(line[0]), quote=len(line) == 3 and bool(line[2]))
            for line in (lines if isinstance(lines, list) else [])
            if isinstance(line, list) and len(line) in (2, 3)
        ),
        link=link if isinstance(link, str) else None,
        kind=kind,
        image=base64.b64decode(image) if isinstance(image, str) else None,
    )


def notice_payload(message: Message) -> dict[str, object]:
    """A message as an outbox notice (``{"title", "lines": [[label, text(, quote)]], …}``):
    what :func:`render_notice` reads back; the chart, if any, as base64."""
    payload: dict[str, object] = {
        "title": message.title,
        "lines": [
            [line.label, line.text, True] if line.quote else [line.label, line.text]
            for line in message.lines
        ],
        "kind": message.kind,
    }
    if message.link:
        payload["link"] = message.link
    if message.image is not None:
        payload["image"] = base64.b64encode(message.image).decode("ascii")
    return payload


class Delivery:
    """The channels' senders: each channel's outbox rows out in outbox order (see the module
    docstring). ``channels``: (channel id, platform, chat) of each configured channel."""

    def __init__(
        self,
        store: Store,
        senders: dict[str, Sender],
        channels: Iterable[tuple[str, str, str | None]],
        *,
        now: Callable[[], datetime],
        metrics: Metrics,
        delivery_concurrency: int = DELIVERY_CONCURRENCY,
        alerts_per_message: int = ALERTS_A_MESSAGE,
    ) -> None:
        self.store = store
        self.senders = senders  # the Service's own dict: a sender added later is used
        self.now = now
        self.metrics = metrics
        channels = list(channels)
        self._chats = {channel: chat for channel, _, chat in channels}
        self._platforms = {channel: platform for channel, platform, _ in channels}
        self._warned: set[str] = set()
        self._gone: set[str] = {
            channel for channel, _, _ in channels if store.get_meta(f"channel_gone:{channel}")
        }
        self._paused: dict[str, datetime] = {}
        self.delivery_concurrency = max(1, delivery_concurrency)
        self.alerts_per_message = max(1, alerts_per_message)  # 1: each alert a message of its own
        self._workers: dict[str, asyncio.Task[int]] = {}  # channel → its sender task
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None
        self._stopping = False

    async def dispatch(self, limit: int = 100) -> int:
        """Send what waits in the outbox and wait until it is out; each row is marked sent with
        the message id. Returns the rows delivered by the channel senders waited for (each alert
        of a bundle counts).

        A channel that asked us to wait (RetryLater) is skipped until then; a chat that is gone
        (ChatGone) gets nothing more, is logged once and shown in /status; a moved chat is
        followed to its new id; an alert the platform rejects is not retried (a rejected bundle
        is sent again alert by alert, so only the bad one is lost); another failure backs that
        channel off (2, 4, 8 … s) and counts against the row at the head of its queue, which
        is retried alone and, after ``MAX_DELIVERY_ATTEMPTS``, is dead; a message partly out
        (a later post failed) waits longer (``MAX_PARTLY_OUT_ATTEMPTS``, about two hours), and
        only its posts not yet out go next time. None of these holds up another channel.
        """
        self.start(limit)
        workers = list(self._workers.values())
        return sum(await asyncio.gather(*workers)) if workers else 0

    def start(self, limit: int = 100) -> int:
        """Start a sender task for each channel that has rows to deliver, may be sent to now
        and has none running; returns at once, with how many were started. (The long-running
        dispatcher calls this whenever a poll queues alerts; ``dispatch`` waits as well.)"""
        if self._stopping:
            return 0
        loop = asyncio.get_running_loop()
        started = 0
        for channel in pending_channels(self.store):
            worker = self._workers.get(channel)
            if worker is not None and not worker.done() and worker.get_loop() is loop:
                continue  # it sends what was queued since, in order
            if not self._may_send(channel) or self._sender_for(channel) is None:
                continue
            self._workers[channel] = loop.create_task(
                self._deliver(channel, limit), name=f"deliver {channel}"
            )
            started += 1
        return started

    async def stop(self, grace_s: float) -> bool:
        """Let each channel finish the message in flight and start no other; what is not sent
        stays in the outbox. Senders still running after ``grace_s`` are cancelled (their
        message may be sent again at the next start). True if all stopped in time."""
        self._stopping = True
        try:
            workers = [w for w in self._workers.values() if not w.done()]
            if not workers:
                return True
            _, late = await asyncio.wait(workers, timeout=grace_s)
            for worker in late:
                worker.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            return not late
        finally:
            self._stopping = False

    def delivering(self) -> list[str]:
        """The channels whose sender task is running now."""
        return sorted(c for c, w in self._workers.items() if not w.done())

    def _may_send(self, channel: str) -> bool:
        if self._stopping or channel in self._gone:
            return False
        paused = self._paused.get(channel)
        return paused is None or paused <= self.now()

    def _sender_for(self, channel: str) -> Sender | None:
        platform = self._platforms.get(channel, "?")
        sender = self.senders.get(platform)
        if sender is None:
            self._warn_once(
                channel, "no %s connection configured; alerts wait in the outbox", platform
            )
        return sender

    def _slot(self) -> asyncio.Semaphore:
        """The bound on channels sending at once (one per event loop: tests run several)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.delivery_concurrency))
        return self._slots[1]

    async def _deliver(self, channel: str, limit: int) -> int:
        """One channel's sender: its rows in outbox order, one message at a time, until none
        is left or the channel has to wait (RetryLater, backoff, gone, stopping). Alerts
        already waiting go out together, as many as fit one message (:meth:`_batch`); a bundle
        the platform rejects is sent again one alert at a time, so only a bad one is lost.
        Returns the rows delivered (each alert of a bundle counts)."""
        sent = messages = 0
        try:
            sender = self._sender_for(channel)
            while sender is not None and self._may_send(channel):
                queue = self.store.pending(limit, channel_id=channel)
                if not queue:
                    break
                alone = 0  # rows at the head of the queue to send one at a time (a split)
                while queue and self._may_send(channel):
                    batch = queue[:1] if alone else self._batch(sender, queue)
                    alone = max(0, alone - 1)
                    async with self._slot():
                        outcome = await self._send(sender, batch)
                    if outcome == "split":
                        alone = len(batch)
                        continue
                    del queue[: len(batch)]
                    if outcome == "stop":
                        return sent
                    if outcome == "sent":
                        sent += len(batch)
                        messages += 1
        except Exception:  # a store error: this channel pauses, the others go on
            log.exception("channel %s: delivery failed", channel)
            self._paused[channel] = self.now() + timedelta(seconds=2.0)
        finally:
            if self._workers.get(channel) is asyncio.current_task():
                del self._workers[channel]  # no await since its last query: nothing missed
            if sent:
                log.info(
                    "channel %s: delivered %d row(s) in %d message(s)", channel, sent, messages
                )
        return sent

    def _batch(self, sender: Sender, queue: Sequence[OutboxItem]) -> list[OutboxItem]:
        """The rows that go as the next message: the first row, and the alerts right behind it
        that fit in one message with it (the sender says what fits), at most
        ``alerts_per_message``. Only rows already waiting: none is held back for another. A
        notice or a digest goes alone, and an alert behind one waits for it (outbox order)."""
        first = queue[0]
        if first.posts_sent:  # partly out: the same message again, the same rows, from there
            return [
                item
                for item in itertools.takewhile(
                    lambda item: item.posts_sent and item.message_id == first.message_id, queue
                )
            ]
        if (
            first.kind != "alert"
            or first.attempts  # a row that failed before is retried alone
            or len(queue) == 1
            or not isinstance(sender, Bundler)
        ):
            return [first]
        chat = self._chats.get(first.channel_id)
        alerts: list[Message] = []
        try:
            alerts.append(render_alert(first.payload))
            for item in queue[1 : self.alerts_per_message]:
                if item.kind != "alert" or item.attempts:
                    break
                more = [*alerts, render_alert(item.payload)]
                if not sender.fits(chat, bundle(more)):
                    break
                alerts = more
        except Exception:  # a row that does not render goes alone, and fails as it does alone
            log.debug("channel %s: an alert did not render", first.channel_id, exc_info=True)
        return list(queue[: max(1, len(alerts))])

    async def _send(
        self, sender: Sender, items: Sequence[OutboxItem]
    ) -> Literal["sent", "next", "stop", "split"]:
        """Send one outbox row, or several alerts as one message (a bundle), and record the
        outcome: "sent" (each row marked sent with the message's id), "next" (the row is dead,
        go on with the channel's next), "stop" (the channel waits or is gone) or "split" (the
        platform rejected the bundle: send its rows one at a time)."""
        first = items[0]
        channel = first.channel_id
        platform = sender.platform
        if first.kind == "notice":
            message = render_notice(first.payload)
        else:
            message = bundle([render_alert(item.payload) for item in items])
        out = [first.posts_sent if first.message_id else 0]  # posts of the message out
        first_id = [first.message_id]  # and the first one's id

        def on_post(posts: int, first_post: str) -> None:  # the outbox is the record
            self.store.record_posts([item.id for item in items], posts, first_post)
            out[0], first_id[0] = posts, first_post

        async def send(chat: str | None) -> str:
            if isinstance(sender, Resumer):
                return await sender.send_from(
                    chat, message, posted=out[0], first_id=first_id[0], on_post=on_post
                )
            return await sender.send(chat, message)

        try:
            try:
                message_id = await send(self._chats.get(channel))
            except ChatMoved as moved:
                log.info("channel %s moved to chat %s", channel, moved.new_chat)
                self._chats[channel] = moved.new_chat
                self.store.sync_channels([(channel, platform, moved.new_chat)])
                message_id = await send(moved.new_chat)
        except RetryLater as exc:  # the posts out, if any, are recorded: the rest goes then
            self._paused[channel] = self.now() + timedelta(seconds=exc.retry_after_s)
            log.info("channel %s: asked to wait %.0fs", channel, exc.retry_after_s)
            return "stop"
        except ChatGone as exc:
            self._gone.add(channel)
            self.store.set_meta(f"channel_gone:{channel}", str(exc)[:300])
            self._warn_once(channel, "delivery stopped: %s", exc)
            return "stop"
        except MessageRejected as exc:
            if out[0]:  # a later post refused for good: the rest of the message is lost
                log.warning(
                    "channel %s: post %d of a message refused, the rest not sent (%d row(s) "
                    "dead): %s", channel, out[0] + 1, len(items), exc,
                )  # fmt: skip
                for item in items:
                    self.store.mark_failed(item.id, str(exc)[:500], dead=True)
                    self.metrics.dead_letters.inc()
                self.metrics.delivery_failures.inc()
                return "next"
            if len(items) > 1:
                self.metrics.delivery_failures.inc()
                log.warning(
                    "channel %s rejected %d alerts in one message (%s); sending them one by one",
                    channel, len(items), exc,
                )  # fmt: skip
                return "split"
            log.warning("channel %s rejected alert %d: %s", channel, first.id, exc)
            self.store.mark_failed(first.id, str(exc)[:500], dead=True)
            self.metrics.delivery_failures.inc()
            self.metrics.dead_letters.inc()
            return "next"
        except Exception as exc:  # one bad message must not stop the others
            # The attempt counts against the first row only, bundled or not: the rows behind it
            # lose nothing to an outage, and it is retried alone (``_batch``), so a row that
            # keeps failing dies alone, as it did before bundling. A message partly out waits
            # longer (its rest would be lost), backing off, and the next attempt sends only the
            # posts not yet out; after MAX_PARTLY_OUT_ATTEMPTS it dies, its rows with it.
            attempt = first.attempts + 1
            most = MAX_PARTLY_OUT_ATTEMPTS if out[0] else MAX_DELIVERY_ATTEMPTS
            dead = attempt >= most
            backoff = min(MAX_DELIVERY_BACKOFF_S, 2.0**attempt)
            then = "given up" if dead else f"next try in {backoff:.0f}s"
            if out[0]:
                what = f"post {out[0] + 1} of a message (the {out[0]} before it are out)"
            elif len(items) > 1:
                what = f"{len(items)} alerts in one message"
            else:
                what = "sending"
            # a failure the sender recognised (network, server error) needs no traceback
            log.warning(
                "channel %s: %s failed (attempt %d of %d, %s): %s",
                channel, what, attempt, most, then, exc,
                exc_info=not isinstance(exc, DeliveryError),
            )  # fmt: skip
            # a dead message partly out takes all its rows (a bundle's rest is not sent alone)
            for item in items if dead and out[0] else [first]:
                self.store.mark_failed(item.id, str(exc)[:500], dead=dead)
                if dead:
                    self.metrics.dead_letters.inc()
            self.metrics.delivery_failures.inc()
            self._paused[channel] = self.now() + timedelta(seconds=backoff)
            return "stop"
        now = self.now()
        self.store.mark_sent(
            first.id if len(items) == 1 else [i.id for i in items], message_id, now
        )
        if first.kind == "notice":
            if first.payload.get("kind") != "digest":  # a digest is no notice about feeds
                self.metrics.notices_sent.inc()
        else:
            for item in items:  # each alert counts, bundled or not
                self.metrics.count_delivery(platform, item.created_at, now)
        return "sent"

    def _warn_once(self, channel: str, message: str, *args: object) -> None:
        if channel not in self._warned:
            self._warned.add(channel)
            log.warning("channel %s: " + message, channel, *args)
