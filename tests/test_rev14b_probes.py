"""Second read of ddd5fa0 (issue 8, "nothing lost"): probes over the loopback fakes and a
real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from slack_sdk import WebClient

from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.render import to_payloads
from bot.adapters.slack.sender import SlackSender
from bot.adapters.store import Notice, Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Line, Message
from bot.delivery import MAX_DELIVERY_BACKOFF_S
from bot.errors import DeliveryError
from tests.migrations import migrate_to
from tests.test_dispatch_resume import (
    DAY,
    ROUNDS,
    Desk,
    OutageAfterFirstPost,
    fail_for_a_while,
    outbox,
    restart,
)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
TRIES_IN_PLACE = 3


@pytest.mark.parametrize("restarted", [False, True], ids=["running", "restarted"])
async def test_rev14b_a_chart_after_a_plain_text_fallback_is_sent_after_a_restart(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender, restarted: bool
) -> None:
    """A short digest with a chart goes as one photo with the whole text as caption (HTML).
    The chat refuses our HTML, so it goes plain: text, then the photo (title caption). The
    text is out, the photo fails a while. The next attempt must send the photo."""
    armed = [False]

    class PhotoFailsAfterPlainText(TelegramSender):
        async def _pace(self, chat: str) -> None:
            if not armed[0] and len(fake_api.sent_to(chat)) == 1:
                armed[0] = True
                fake_api.fail(chat, 502, "Bad Gateway", times=TRIES_IN_PLACE)
            await super()._pace(chat)

    fake_api.fail("100", 400, "Bad Request: can't parse entities: probe", times=1)
    desk = Desk(tmp_path, PhotoFailsAfterPlainText(sender.bot, per_chat_interval_s=0.0))
    digest = Message("Digest", (Line("line0 short"),), kind="digest", image=PNG)
    assert desk.service.queue_digest("a", DAY, digest) == 1
    assert await desk.service.dispatch() == 0
    assert [s.method for s in fake_api.sent_to("100")] == ["sendMessage"]
    assert [row[:2] for row in outbox(desk)] == [("failed", 1)]
    if restarted:
        restart(desk, TelegramSender(sender.bot, per_chat_interval_s=0.0))
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 1
    sent = fake_api.sent_to("100")
    assert [s.method for s in sent] == ["sendMessage", "sendPhoto"]
    assert sent[1].parse_mode is None  # plain, as its text went
    assert outbox(desk)[0][::2] == ("sent", str(sent[0].message_id))  # the id, unmarked
    desk.close()


def _outbox_schema(url: str) -> dict[str, object]:
    engine = sa.create_engine(url)
    try:
        inspector = sa.inspect(engine)
        return {
            "columns": sorted(c["name"] for c in inspector.get_columns("outbox")),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints("outbox")
            ),
            "check": sorted(str(c["sqltext"]) for c in inspector.get_check_constraints("outbox")),
            "fk": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"])
                for f in inspector.get_foreign_keys("outbox")
            ),
            "indexes": sorted(i["name"] or "" for i in inspector.get_indexes("outbox")),
        }
    finally:
        engine.dispose()


def test_rev14b_sqlite_downgrade_of_0004_keeps_the_outbox_constraints(tmp_path: Path) -> None:
    """0004's downgrade rebuilds the outbox on SQLite (batch): it must come back as 0003 made
    it (its CHECK, UNIQUE and FOREIGN KEY constraints), its rows kept."""
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    migrate_to(fresh, "0003")
    expected = _outbox_schema(fresh)
    assert expected["check"] and expected["unique"] and expected["fk"]  # all reflected
    url = f"sqlite:///{tmp_path / 'state.db'}"
    with Store.open(url) as store:
        store.sync_channels([("a", "slack", "C1")])
        store.queue_notice(Notice("n:1", {"title": "N", "lines": []}, ("a",), DAY))
    migrate_to(url, "0003", down=True)
    assert _outbox_schema(url) == expected
    with Store.open(url) as store:
        assert len(store.pending()) == 1


async def test_rev14b_a_chart_refused_for_good_does_not_hold_up_the_channel_forever(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    """A text, then a chart the Bot API refuses every time with a status PTB reports as a
    NetworkError (413: the photo is too large), not a failure that passes. The message is
    partly out, so it never dies; what is queued behind it in the channel must still go."""

    class PhotoTooLarge(TelegramSender):
        charted = False  # the message being sent has a chart

        async def send_from(self, chat: str | None, message: Message, **kw: Any) -> str:
            self.charted = message.image is not None
            return await super().send_from(chat, message, **kw)

        async def _pace(self, chat: str) -> None:
            if self.charted and len(fake_api.sent_to(chat)) == 1:  # the photo is next
                fake_api.fail(chat, 413, "Request Entity Too Large", times=1)
            await super()._pace(chat)

    desk = Desk(tmp_path, PhotoTooLarge(sender.bot, per_chat_interval_s=0.0))
    digest = Message("Digest", (Line("line0 " + "y" * 3000),), kind="digest", image=PNG)
    assert desk.service.queue_digest("a", DAY, digest) == 1
    await fail_for_a_while(desk, rounds=4 * ROUNDS)
    later = Message("Digest", (Line("later digest"),), kind="digest")
    assert desk.service.queue_digest("a", DAY + timedelta(days=1), later) == 1
    for _ in range(ROUNDS):  # a while longer...
        await desk.service.dispatch()
        desk.clock.advance(MAX_DELIVERY_BACKOFF_S + 1)
    rows = outbox(desk)
    assert [s.method for s in fake_api.sent_to("100")][:1] == ["sendMessage"]
    assert rows[1][0] == "sent", rows  # ...but the later digest must get out in the end
    assert rows[0][:2] == ("dead", 1)  # shown in /status
    assert [s.method for s in fake_api.sent_to("100")] == ["sendMessage", "sendMessage"]
    desk.close()


async def test_rev14b_a_slack_alert_resumed_after_a_restart_stays_in_its_claims_thread(
    slack: FakeSlack,
) -> None:
    """A claim's thread was started by an earlier alert; a long alert on the claim goes under
    it and its second post fails. After a restart (a new sender, which knows no thread), the
    rest must still go under that thread, where its first post is, not to the channel."""
    client = OutageAfterFirstPost(slack, "C1")
    earlier = Message("alert", (Line("first alert"),), kind="alert", thread_key="claim")
    sender = SlackSender(
        WebClient(token="xoxb-test", base_url=slack.api_url, retry_handlers=[]), min_interval_s=0
    )
    thread = await sender.send_from("C1", earlier)
    alert = Message(
        "alert", tuple(Line(f"line{i} " + "w" * 2800) for i in range(8)), kind="alert",
        thread_key="claim",
    )  # fmt: skip
    assert len(to_payloads(alert)) >= 2
    sender = SlackSender(client, min_interval_s=0, threads=sender.threads)
    recorded: list[tuple[int, str]] = []
    with pytest.raises(DeliveryError):
        await sender.send_from("C1", alert, on_post=lambda n, ts: recorded.append((n, ts)))
    assert slack.posts("C1")[1].get("thread_ts") == thread  # its first post: under the thread
    client.recover()
    restarted = SlackSender(client, min_interval_s=0)  # restart: threads are not kept
    [(posted, first_id)] = recorded
    await restarted.send_from("C1", alert, posted=posted, first_id=first_id)
    assert [p.get("thread_ts") for p in slack.posts("C1")[1:]] == [thread] * len(to_payloads(alert))


def test_rev14b_a_notice_queued_twice_counts_once_on_both_backends(db_url: str) -> None:
    """RETURNING counts the rows a notice really queued: 2 channels, then none again."""
    with Store.open(db_url) as store:
        store.sync_channels([("a", "slack", "C1"), ("b", "slack", "C2")])
        notice = Notice("digest:1", {"title": "D", "lines": []}, ("a", "b"), DAY)
        assert store.queue_notice(notice) == 2
        assert store.queue_notice(notice) == 0
        assert len(store.pending()) == 2
