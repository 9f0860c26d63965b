"""The dispatcher: once per channel, waiting when asked, stopping for a chat that is gone;
channels side by side, each in outbox order, so one chat's backlog holds up no other."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.adapters.feeds import parse_feed
from bot.adapters.store import Notice, Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender, make_bot
from bot.config import load_config
from bot.core.message import Message
from bot.delivery import Sender
from bot.errors import ChatGone, ChatMoved, DeliveryError, MessageRejected, RetryLater
from bot.service import Service
from bot.settings import Settings
from tests.clirun import claimwatch
from tests.clock import Clock
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

CHANNELS = """\
channels:
  - {id: a, platform: telegram, chat: "100", min_severity: corroboration}
  - {id: b, platform: telegram, chat: "200", min_severity: corroboration}
"""


class ScriptedSender:
    """A recording fake: answers each chat's sends from a script of results or errors."""

    platform = "telegram"

    def __init__(self, script: dict[str, list[Exception | None]]) -> None:
        self.script = script
        self.delivered: list[tuple[str, str]] = []
        self.gates: dict[str, asyncio.Event] = {}  # a chat whose sends wait until its gate opens
        self.in_flight: dict[str, int] = {}
        self.most_in_flight: dict[str, int] = {}

    async def send(self, chat: str | None, message: Message) -> str:
        assert chat is not None
        self.in_flight[chat] = self.in_flight.get(chat, 0) + 1
        self.most_in_flight[chat] = max(self.most_in_flight.get(chat, 0), self.in_flight[chat])
        try:
            if chat in self.gates:
                await self.gates[chat].wait()
            return self._answer(chat, message)
        finally:
            self.in_flight[chat] -= 1

    def _answer(self, chat: str, message: Message) -> str:
        steps = self.script.get(chat, [])
        outcome = steps.pop(0) if steps else None
        if outcome is not None:
            raise outcome
        self.delivered.append((chat, message.title))
        return f"m{len(self.delivered)}"


async def run(
    tmp_path: Path,
    script: dict[str, list[Exception | None]],
    *,
    sender: Sender | None = None,
    backlog_for_a: int = 0,
    delivery_concurrency: int = 16,
) -> tuple[Service, ScriptedSender, Clock]:
    """Two stories ingested: two alerts for each of channels a and b, in the outbox as a, b, a,
    b — behind ``backlog_for_a`` notices for channel a alone when asked."""
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    (tmp_path / "wire.xml").write_text(rss(ORIGINAL, ANALYST))
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    scripted, clock = ScriptedSender(script), Clock()
    service = Service(
        load_config(tmp_path),
        store,
        senders={"telegram": sender or scripted},
        now=clock,
        delivery_concurrency=delivery_concurrency,
    )
    for n in range(backlog_for_a):
        payload = {"title": f"Backlog {n}", "lines": [["Feed", "wire"]]}
        store.queue_notice(Notice(f"backlog:{n}", payload, ("a",), clock.now))
    for story in parse_feed((tmp_path / "wire.xml").read_bytes(), feed_name="Wire").stories:
        service.ingest(story, feed_url="wire")
    return service, scripted, clock


async def test_retry_later_waits_then_delivers_once(tmp_path: Path) -> None:
    service, sender, clock = await run(tmp_path, {"100": [RetryLater("429", 30)]})
    assert await service.dispatch() == 2  # channel b: corroboration + dispute
    assert [c for c, _ in sender.delivered] == ["200", "200"]
    assert await service.dispatch() == 0  # a is still waiting
    clock.now += timedelta(seconds=31)
    assert await service.dispatch() == 2
    assert await service.dispatch() == 0  # nothing twice
    assert sorted(c for c, _ in sender.delivered) == ["100", "100", "200", "200"]
    service.store.close()


async def test_a_gone_chat_stops_only_that_chat_and_is_remembered(tmp_path: Path) -> None:
    service, sender, _ = await run(tmp_path, {"100": [ChatGone("403: bot was blocked")]})
    assert await service.dispatch() == 2
    assert {c for c, _ in sender.delivered} == {"200"}
    assert service.store.get_meta("channel_gone:a") == "403: bot was blocked"
    assert service.store.counts()["pending"] == 2  # kept, not lost
    service.store.close()


async def test_a_moved_chat_is_followed_and_a_rejected_message_not_retried(tmp_path: Path) -> None:
    service, sender, _ = await run(
        tmp_path, {"100": [ChatMoved("migrated", "-100999")], "200": [MessageRejected("bad")]}
    )
    await service.dispatch()
    assert ("-100999", sender.delivered[0][1]) in sender.delivered
    assert service.store.counts()["dead"] == 1
    await service.dispatch()
    assert sum(1 for c, _ in sender.delivered if c == "-100999") == 2
    service.store.close()


async def test_a_network_error_backs_off_that_channel_then_delivers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    service, sender, clock = await run(tmp_path, {"100": [DeliveryError("timed out")] * 2})
    assert await service.dispatch() == 2  # b gets both; a failed once and waits 2 s
    assert await service.dispatch() == 0
    clock.now += timedelta(seconds=3)
    assert await service.dispatch() == 0  # failed again: now waits 4 s
    failures = [r for r in caplog.records if "sending failed" in r.getMessage()]
    assert [r.getMessage() for r in failures] == [
        "channel a: sending failed (attempt 1 of 5, next try in 2s): timed out",
        "channel a: sending failed (attempt 2 of 5, next try in 4s): timed out",
    ]
    assert not any(r.exc_info for r in failures)  # a known failure: one line, no traceback
    clock.now += timedelta(seconds=5)
    assert await service.dispatch() == 2
    assert sorted(c for c, _ in sender.delivered) == ["100", "100", "200", "200"]
    service.store.close()


# --- channels side by side, each in order ---------------------------------------------------


async def until(check: Callable[[], bool], timeout: float = 10) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.01)


async def test_a_held_chat_does_not_hold_up_another(tmp_path: Path) -> None:
    service, sender, _ = await run(tmp_path, {}, backlog_for_a=3)
    sender.gates["100"] = asyncio.Event()  # chat 100 answers only when its gate opens
    pass_ = asyncio.create_task(service.dispatch())
    await until(lambda: len(sender.delivered) == 2)
    assert [chat for chat, _ in sender.delivered] == ["200", "200"]  # b's two alerts
    alerts = [title for _, title in sender.delivered]
    assert service.delivering() == ["a"]  # a's first message is still in flight
    sender.gates["100"].set()
    assert await pass_ == 7
    to_a = [title for chat, title in sender.delivered if chat == "100"]
    assert to_a == [*(f"Backlog {n}" for n in range(3)), *alerts]  # outbox order
    assert sender.most_in_flight == {"100": 1, "200": 1}  # one message at a time per chat
    assert service.store.counts()["pending"] == 0
    assert service.delivering() == []
    service.store.close()


async def test_the_bound_on_channels_at_once_holds(tmp_path: Path) -> None:
    service, sender, _ = await run(tmp_path, {}, delivery_concurrency=1)
    sender.gates["100"] = asyncio.Event()
    pass_ = asyncio.create_task(service.dispatch())
    await until(lambda: sender.in_flight.get("100") == 1)
    await asyncio.sleep(0.05)
    assert sender.delivered == []  # b waits for the one slot, held by a
    sender.gates["100"].set()
    assert await pass_ == 4
    service.store.close()


async def test_stopping_lets_the_message_in_flight_finish_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    service, sender, _ = await run(tmp_path, {}, backlog_for_a=2)
    sender.gates["100"] = asyncio.Event()
    assert service.start_delivery() == 2  # one sender for each of a and b
    await until(lambda: sender.in_flight.get("100") == 1 and len(sender.delivered) == 2)
    stopping = asyncio.create_task(service.stop_delivery(grace_s=10))
    await asyncio.sleep(0.05)
    assert service.start_delivery() == 0  # nothing new starts while stopping
    sender.gates["100"].set()
    assert await stopping is True
    assert [t for c, t in sender.delivered if c == "100"] == ["Backlog 0"]
    assert service.store.counts()["pending"] == 3  # kept for the next start, nothing lost
    assert await service.dispatch() == 3  # and sent, in order, once delivery resumes
    alerts = [t for c, t in sender.delivered if c == "200"]
    assert [t for c, t in sender.delivered if c == "100"] == ["Backlog 0", "Backlog 1", *alerts]
    service.store.close()


async def test_a_paced_backlog_at_the_fake_bot_api_holds_up_only_its_own_chat(
    tmp_path: Path,
) -> None:
    """The real Telegram sender paces each chat (here every 0.5 s): chat 100 has five messages
    waiting before the two alerts that go to each chat, chat 200 only its two (which, waiting
    together, go as one message)."""
    with FakeBotAPI() as api:
        bot = make_bot(api.token, api.base_url, max_retries=0)
        try:
            telegram = TelegramSender(bot, per_chat_interval_s=0.5)
            service, _, _ = await run(tmp_path, {}, sender=telegram, backlog_for_a=5)
            assert await service.dispatch() == 9
        finally:
            await bot.shutdown()
    arrivals = [s.chat_id for s in api.sent]
    assert arrivals.count("100") == 6 and arrivals.count("200") == 1
    assert arrivals[-1] == "100"
    # not behind a's backlog of five (were it, its first would be the sixth to arrive); "< 4"
    # held only while b's sender kept pace with a's to within half a second on a loaded machine
    assert max(i for i, chat in enumerate(arrivals) if chat == "200") < 5
    assert [s.text for s in api.sent_to("100")][-1:] == [s.text for s in api.sent_to("200")]
    assert api.sent_to("200")[0].text.startswith("<b>2 alerts</b>")
    service.store.close()


def test_the_delivery_concurrency_setting(tmp_path: Path) -> None:
    assert Settings.from_env({}).delivery_concurrency == 16
    assert Settings.from_env({"CLAIMWATCH_DELIVERY_CONCURRENCY": "4"}).delivery_concurrency == 4
    for bad in ("0", "-3", "many"):
        with pytest.raises(ValueError, match="CLAIMWATCH_DELIVERY_CONCURRENCY"):
            Settings.from_env({"CLAIMWATCH_DELIVERY_CONCURRENCY": bad})
    run = claimwatch("poll", cwd=tmp_path, env={"CLAIMWATCH_DELIVERY_CONCURRENCY": "none"})
    assert run.code == 2
    assert "CLAIMWATCH_DELIVERY_CONCURRENCY: expected a whole number of 1 or more" in run.err


def test_the_alerts_per_message_setting() -> None:
    assert Settings.from_env({}).alerts_per_message == 10
    assert Settings.from_env({"CLAIMWATCH_ALERTS_PER_MESSAGE": "1"}).alerts_per_message == 1
    for bad in ("0", "ten"):
        with pytest.raises(ValueError, match="CLAIMWATCH_ALERTS_PER_MESSAGE"):
            Settings.from_env({"CLAIMWATCH_ALERTS_PER_MESSAGE": bad})
