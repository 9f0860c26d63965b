"""The dispatcher: once per channel, waiting when asked, stopping for a chat that is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.adapters.feeds import parse_feed
from bot.adapters.store import Store
from bot.config import load_config
from bot.core.message import Message
from bot.errors import ChatGone, ChatMoved, DeliveryError, MessageRejected, RetryLater
from bot.service import Service
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

CHANNELS = """\
channels:
  - {id: a, platform: telegram, chat: "100", min_severity: corroboration}
  - {id: b, platform: telegram, chat: "200", min_severity: corroboration}
"""


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 7, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class ScriptedSender:
    """A recording fake: answers each chat's sends from a script of results or errors."""

    platform = "telegram"

    def __init__(self, script: dict[str, list[Exception | None]]) -> None:
        self.script = script
        self.delivered: list[tuple[str, str]] = []

    async def send(self, chat: str | None, message: Message) -> str:
        assert chat is not None
        steps = self.script.get(chat, [])
        outcome = steps.pop(0) if steps else None
        if outcome is not None:
            raise outcome
        self.delivered.append((chat, message.title))
        return f"m{len(self.delivered)}"


async def run(
    tmp_path: Path, script: dict[str, list[Exception | None]]
) -> tuple[Service, ScriptedSender, Clock]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    (tmp_path / "wire.xml").write_text(rss(ORIGINAL, ANALYST))
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    sender, clock = ScriptedSender(script), Clock()
    service = Service(load_config(tmp_path), store, senders={"telegram": sender}, now=clock)
    for story in parse_feed((tmp_path / "wire.xml").read_bytes(), feed_name="Wire").stories:
        service.ingest(story, feed_url="wire")
    return service, sender, clock


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


async def test_a_network_error_backs_off_that_channel_then_delivers(tmp_path: Path) -> None:
    service, sender, clock = await run(tmp_path, {"100": [DeliveryError("timed out")] * 2})
    assert await service.dispatch() == 2  # b gets both; a failed once and waits 2 s
    assert await service.dispatch() == 0
    clock.now += timedelta(seconds=3)
    assert await service.dispatch() == 0  # failed again: now waits 4 s
    clock.now += timedelta(seconds=5)
    assert await service.dispatch() == 2
    assert sorted(c for c, _ in sender.delivered) == ["100", "100", "200", "200"]
    service.store.close()
