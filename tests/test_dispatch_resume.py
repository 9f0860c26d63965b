"""A message sent in several posts resumes where it stopped (issue 8, "nothing lost"): when a
later post fails, its row stays pending with the posts already out counted in the outbox, and
the next attempt, after a restart too, sends only the rest: every post once, in order. Over
the loopback fakes of the Slack Web API and the Telegram Bot API, and the real store."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.render import to_payloads
from bot.adapters.slack.sender import SlackSender
from bot.adapters.store import Notice, Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.render import to_html
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Line, Message
from bot.delivery import MAX_DELIVERY_ATTEMPTS, MAX_DELIVERY_BACKOFF_S
from bot.errors import DeliveryError
from tests.migrations import migrate_to
from tests.test_dispatch_bundle import Desk, estimates
from tests.test_poll import ANALYST, ORIGINAL

DAY = datetime(2025, 7, 11, tzinfo=UTC)
ROUNDS = MAX_DELIVERY_ATTEMPTS + 2  # failed attempts: more than a first post may have
LINES = 12  # a Slack digest of 12 lines of 2,800 characters: three posts


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


class OutageAfterFirstPost(WebClient):
    """A real Web API client whose fake answers ``internal_error`` to every call on the
    channel once its first post is accepted (an outage in the middle of a message), until
    the test calls :meth:`recover`."""

    def __init__(self, fake: FakeSlack, channel: str) -> None:
        super().__init__(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])
        self.fake, self.channel, self.posts = fake, channel, 0

    def chat_postMessage(self, **kwargs: Any) -> Any:
        answer = super().chat_postMessage(**kwargs)
        self.posts += 1
        if self.posts == 1:
            self.fake.fail(self.channel, "internal_error")
        return answer

    def recover(self) -> None:
        with self.fake.state.lock:
            self.fake.state.failing.pop(self.channel, None)


def long_digest(lines: int = LINES) -> Message:
    """A digest of lines of 2,800 characters: several posts (about four lines a post)."""
    return Message(
        "Digest", tuple(Line(f"line{i} " + "y" * 2800, label=f"{i}") for i in range(lines)),
        kind="digest",
    )  # fmt: skip


def slack_lines(slack: FakeSlack) -> list[str]:
    """The digest's lines in the order the channel shows them (a line once per post)."""
    return [
        f"line{i}"
        for post in slack.posts("C1")
        for i in range(LINES)
        if f"line{i} " in str(post["blocks"])
    ]


def telegram_lines(api: FakeBotAPI) -> list[str]:
    return [word for s in api.sent_to("100") for word in s.text.split() if word.startswith("line")]


def outbox(desk: Desk) -> list[tuple[str, int, str | None, int]]:
    """(status, posts out, message id, attempts) of each outbox row, in outbox order."""
    with contextlib.closing(sqlite3.connect(desk.db)) as conn:
        return conn.execute(
            "SELECT status, posts_sent, message_id, attempts FROM outbox ORDER BY id"
        ).fetchall()


async def fail_for_a_while(desk: Desk, rounds: int = ROUNDS) -> None:
    """Dispatch ``rounds`` times, each after the channel's backoff: every try fails."""
    for _ in range(rounds):
        assert await desk.service.dispatch() == 0
        desk.clock.advance(MAX_DELIVERY_BACKOFF_S + 1)


def restart(desk: Desk, sender: Any) -> None:
    """The bot stopped and started again on the same state file, with a new sender."""
    desk.service.store.close()
    desk.sender = sender
    desk.service = desk.start()


@pytest.mark.parametrize("restarted", [False, True], ids=["running", "restarted"])
async def test_a_slack_digest_whose_second_post_fails_a_while_arrives_once_in_order(
    tmp_path: Path, slack: FakeSlack, restarted: bool
) -> None:
    client = OutageAfterFirstPost(slack, "C1")
    desk = Desk(tmp_path, SlackSender(client, min_interval_s=0), "slack")
    digest = long_digest()
    posts = len(to_payloads(digest))
    assert posts >= 3
    assert desk.service.queue_digest("a", DAY, digest) == 1
    await fail_for_a_while(desk)
    first_ts = slack.posts("C1")[0]["ts"]
    [(status, out, message_id, attempts)] = outbox(desk)
    assert (status, out, message_id) == ("failed", 1, first_ts)  # pending, its first post out
    assert attempts == ROUNDS and len(slack.posts("C1")) == 1
    if restarted:
        restart(desk, SlackSender(client, min_interval_s=0))
    client.recover()
    assert await desk.service.dispatch() == 1
    assert slack_lines(slack) == [f"line{i}" for i in range(LINES)]  # each once, in order
    assert len(slack.posts("C1")) == posts
    assert [p.get("thread_ts") for p in slack.posts("C1")] == [None] * posts  # all at the top
    [(status, out, message_id, _)] = outbox(desk)
    assert (status, message_id) == ("sent", first_ts)
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 0 and len(slack.posts("C1")) == posts
    desk.close()


async def test_a_429_in_the_middle_of_a_slack_digest_longer_than_waited_in_place(
    tmp_path: Path, slack: FakeSlack
) -> None:
    """A 429 on a later post that asks for more than a post waits in place: the channel waits
    as asked, and then only the rest goes."""

    class LongWaitAfterFirst(WebClient):
        def chat_postMessage(self, **kwargs: Any) -> Any:
            answer = super().chat_postMessage(**kwargs)
            if len(slack.posts("C1")) == 1:
                slack.ratelimit("C1", retry_after=120)
            return answer

    client = LongWaitAfterFirst(token="xoxb-test", base_url=slack.api_url, retry_handlers=[])
    desk = Desk(tmp_path, SlackSender(client, min_interval_s=0), "slack")
    assert desk.service.queue_digest("a", DAY, long_digest()) == 1
    assert await desk.service.dispatch() == 0
    assert [row[:2] for row in outbox(desk)] == [("pending", 1)]  # no attempt spent on a 429
    assert await desk.service.dispatch() == 0  # still asked to wait
    desk.clock.advance(121)
    assert await desk.service.dispatch() == 1
    assert slack_lines(slack) == [f"line{i}" for i in range(LINES)]
    desk.close()


class OutageAfterFirstPart(TelegramSender):
    """The real sender, whose Bot API answers 502 to the next ``failures`` requests once the
    first post of a message is out (a lasting outage in the middle of a message)."""

    def __init__(self, sender: TelegramSender, api: FakeBotAPI, failures: int) -> None:
        super().__init__(sender.bot, per_chat_interval_s=0.0)
        self.api, self.failures, self.paced = api, failures, 0

    async def _pace(self, chat: str) -> None:
        self.paced += 1
        if self.paced == 2:
            self.api.fail(chat, 502, "Bad Gateway", times=self.failures)
        await super()._pace(chat)


TRIES_IN_PLACE = 3  # a later part is tried three times in place (LATER_PART_TRIES)


@pytest.mark.parametrize("restarted", [False, True], ids=["running", "restarted"])
async def test_a_telegram_message_in_parts_resumes_at_the_part_that_failed(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender, restarted: bool
) -> None:
    flaky = OutageAfterFirstPart(sender, fake_api, failures=TRIES_IN_PLACE * ROUNDS)
    desk = Desk(tmp_path, flaky)
    digest = Message("Digest", tuple(Line(f"line{i} " + "y" * 3000) for i in range(4)))
    parts = len(to_html(digest))
    assert parts >= 3
    assert desk.service.queue_digest("a", DAY, digest) == 1
    await fail_for_a_while(desk)
    [first] = fake_api.sent_to("100")
    [(status, out, message_id, _)] = outbox(desk)
    assert (status, out, message_id) == ("failed", 1, str(first.message_id))
    if restarted:
        restart(desk, TelegramSender(sender.bot, per_chat_interval_s=0.0))
    assert await desk.service.dispatch() == 1  # the outage is over
    assert telegram_lines(fake_api) == [f"line{i}" for i in range(4)]  # each once, in order
    assert len(fake_api.sent_to("100")) == parts
    [(status, _, message_id, _)] = outbox(desk)
    assert (status, message_id) == ("sent", str(first.message_id))
    desk.close()


async def test_a_telegram_photo_after_its_text_parts_goes_alone_when_it_failed(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    """Text parts then a chart: the photo fails for a while; then the photo alone goes."""
    digest = Message(
        "Digest", tuple(Line(f"line{i} " + "y" * 3000) for i in range(2)), kind="digest",
        image=b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    )  # fmt: skip
    texts = len(to_html(digest))

    class PhotoFails(TelegramSender):
        async def _pace(self, chat: str) -> None:
            if len(fake_api.sent_to(chat)) == texts and not fake_api.calls_of("sendPhoto"):
                fake_api.fail(chat, 500, "Internal Server Error", times=TRIES_IN_PLACE * 2)
            await super()._pace(chat)

    desk = Desk(tmp_path, PhotoFails(sender.bot, per_chat_interval_s=0.0))
    assert desk.service.queue_digest("a", DAY, digest) == 1
    await fail_for_a_while(desk, rounds=2)
    assert [row[:2] for row in outbox(desk)] == [("failed", texts)]
    assert await desk.service.dispatch() == 1
    sent = fake_api.sent_to("100")
    assert [s.method for s in sent] == ["sendMessage"] * texts + ["sendPhoto"]
    assert telegram_lines(fake_api) == ["line0", "line1"]
    desk.close()


async def test_a_later_post_refused_for_good_is_a_dead_letter_and_nothing_repeats(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    class RefusesSecond(TelegramSender):
        async def _pace(self, chat: str) -> None:
            if len(fake_api.sent_to(chat)) == 1:
                fake_api.fail(chat, 400, "Bad Request: message is too long", times=None)
            await super()._pace(chat)

    desk = Desk(tmp_path, RefusesSecond(sender.bot, per_chat_interval_s=0.0))
    digest = Message("Digest", tuple(Line(f"line{i} " + "y" * 3000) for i in range(3)))
    assert desk.service.queue_digest("a", DAY, digest) == 1
    assert await desk.service.dispatch() == 0
    [(status, out, _, _)] = outbox(desk)
    assert (status, out) == ("dead", 1)  # shown in /status, the rest not sent
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 0
    assert telegram_lines(fake_api) == ["line0"]
    desk.close()


async def test_a_first_post_that_fails_still_counts_to_a_dead_letter(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    """Unchanged: a message none of whose posts is out dies after MAX_DELIVERY_ATTEMPTS."""
    fake_api.fail("100", 502, "Bad Gateway", times=None)
    desk = Desk(tmp_path, sender)
    digest = Message("Digest", tuple(Line(f"line{i} " + "y" * 3000) for i in range(2)))
    assert desk.service.queue_digest("a", DAY, digest) == 1
    await fail_for_a_while(desk, rounds=MAX_DELIVERY_ATTEMPTS)
    assert outbox(desk) == [("dead", 0, None, MAX_DELIVERY_ATTEMPTS)]
    desk.close()


def test_the_store_records_the_posts_out_until_the_row_is_sent(db_url: str) -> None:
    at = datetime(2025, 7, 11, tzinfo=UTC)
    with Store.open(db_url) as store:
        store.sync_channels([("a", "slack", "C1")])
        digest = {"title": "Digest", "lines": [["1", "x"]], "kind": "digest"}
        assert store.queue_notice(Notice("digest:1", digest, ("a",), at)) == 1
        [item] = store.pending()
        assert (item.posts_sent, item.message_id) == (0, None)
        store.record_posts(item.id, 2, "1700000000.000001")
        store.mark_failed(item.id, "internal_error")
    with Store.open(db_url) as store:  # reopened: the outbox is the record
        [item] = store.pending()
        assert (item.posts_sent, item.message_id, item.attempts) == (2, "1700000000.000001", 1)
        store.mark_sent(item.id, "1700000000.000001", at + timedelta(seconds=5))
        assert store.pending() == []
        with pytest.raises(KeyError):
            store.record_posts(10_000, 1, "x")


def test_revision_0004_downgrades_and_upgrades_keeping_the_rows(db_url: str) -> None:
    at = datetime(2025, 7, 11, tzinfo=UTC)
    with Store.open(db_url) as store:
        store.sync_channels([("a", "slack", "C1")])
        store.queue_notice(Notice("n:1", {"title": "N", "lines": []}, ("a",), at))
        [item] = store.pending()
        store.record_posts(item.id, 1, "m1")
    migrate_to(db_url, "0003", down=True)
    migrate_to(db_url, "head")
    with Store.open(db_url) as store:
        [item] = store.pending()  # kept; what it counted is gone with the column
        assert (item.posts_sent, item.message_id) == (0, None)


async def test_a_bundle_partly_out_is_finished_as_the_same_rows_marked_with_its_first_id(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    """Two alerts went as one message whose first post is out (as the outbox records, e.g.
    after a kill -9); a third alert queued since is not added to it: the bundle's rows are
    finished as they were and marked sent with its first post's id, the third goes alone."""
    desk = Desk(tmp_path, sender)
    desk.ingest(ORIGINAL, ANALYST)
    bundled = [item.id for item in desk.service.store.pending()]
    assert len(bundled) == 2
    desk.service.store.record_posts(bundled, 1, "777")  # its one post is out
    desk.ingest(*estimates(1))
    assert len(desk.service.store.pending()) == 3
    assert await desk.service.dispatch() == 3
    [alone] = fake_api.sent_to("100")  # the bundle's post is never sent again
    assert "2 alerts" not in alone.text
    assert [(status, mid) for _, status, mid in desk.rows()] == [
        ("sent", "777"), ("sent", "777"), ("sent", str(alone.message_id)),
    ]  # fmt: skip
    desk.close()


async def test_a_resumed_slack_alert_goes_on_where_it_started_not_into_its_own_thread(
    slack: FakeSlack,
) -> None:
    """A long alert starting its claim's thread: its first post starts the thread, so the
    rest, resumed later, must still go to the channel (where the first went), not under it."""
    client = OutageAfterFirstPost(slack, "C1")
    sender = SlackSender(client, min_interval_s=0)
    alert = Message(
        "alert", tuple(Line(f"line{i} " + "w" * 2800) for i in range(8)), kind="alert",
        thread_key="claim",
    )  # fmt: skip
    assert len(to_payloads(alert)) >= 2
    recorded: list[tuple[int, str]] = []
    with pytest.raises(DeliveryError):
        await sender.send_from("C1", alert, on_post=lambda n, ts: recorded.append((n, ts)))
    first_ts = slack.posts("C1")[0]["ts"]
    assert recorded == [(1, first_ts)] and sender.threads["C1\x1fclaim"] == first_ts
    client.recover()
    assert await sender.send_from("C1", alert, posted=1, first_id=first_ts) == first_ts
    assert [p.get("thread_ts") for p in slack.posts("C1")] == [None] * len(to_payloads(alert))
