"""Alerts waiting together for one chat go out as one message (a bundle), over the fake Telegram
Bot API and the fake Slack Web API: every row of it marked sent with its message id, a lone
alert unchanged, notices and digests alone, a rejected bundle split so only the bad alert is
lost, and no bundle past the platform's limits (4,096 characters shown; 50 blocks)."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.feeds import parse_feed
from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.render import MAX_BLOCKS, fits, to_blocks
from bot.adapters.slack.sender import SlackSender, web_client
from bot.adapters.store import Notice, Store
from bot.adapters.telegram.fake import FakeBotAPI, parse_html, utf16_len
from bot.adapters.telegram.render import TEXT_LIMIT, shown_units, to_html
from bot.adapters.telegram.sender import TelegramSender
from bot.config import load_config
from bot.core.message import Line, Message
from bot.core.render import bundle, render_alert
from bot.service import Service
from tests.clock import Clock
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

Item = tuple[str, str, str, datetime]
OUTLETS = ["Reuters", "AP", "BBC", "NK News", "Yonhap", "Kyiv Independent", "Le Monde", "DW"]
OUTLETS += ["NHK", "ABC", "Al Jazeera", "Politico"]


def estimates(count: int) -> list[Item]:
    """``count`` stories, each an analyst's own figure for the tracked claim: one alert each."""
    return [
        (
            f"e{i}",
            f"Estimate {i}",
            f"North Korea could send {10_000 + 1_000 * i:,} to {15_000 + 1_000 * i:,} additional "
            f"troops to Russia, an analyst at {outlet} said on Thursday.",
            datetime(2025, 7, 10, tzinfo=UTC) + timedelta(hours=i),
        )
        for i, outlet in enumerate(OUTLETS[:count])
    ]


@pytest.fixture
def api(fake_api: FakeBotAPI) -> FakeBotAPI:
    return fake_api


@pytest.fixture
def telegram(sender: TelegramSender) -> TelegramSender:
    return sender


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


class Desk:
    """One channel ``a`` (Telegram chat 100, or Slack C1) over a state file in ``tmp_path``."""

    def __init__(self, tmp_path: Path, sender: Any, platform: str = "telegram") -> None:
        chat = "100" if platform == "telegram" else "C1"
        (tmp_path / "claims.yaml").write_text(CLAIMS)
        (tmp_path / "channels.yaml").write_text(
            f'channels:\n  - {{id: a, platform: {platform}, chat: "{chat}", '
            "min_severity: corroboration}\n"
        )
        (tmp_path / "feeds.yaml").write_text("feeds: []\n")
        self.db = tmp_path / "state.db"
        self.tmp_path, self.sender, self.platform = tmp_path, sender, platform
        self.clock = Clock(datetime(2025, 7, 11, tzinfo=UTC))
        self.service = self.start()

    def start(self) -> Service:
        """The bot (re)started on the same state file."""
        store = Store.open(f"sqlite:///{self.db}")
        return Service(
            load_config(self.tmp_path), store, senders={self.platform: self.sender}, now=self.clock
        )

    def ingest(self, *items: Item) -> None:
        for story in parse_feed(rss(*items).encode(), feed_name="Wire").stories:
            self.service.ingest(story, feed_url="wire")

    def rows(self) -> list[tuple[int, str, str | None]]:
        """(id, status, message id) of each outbox row, in outbox order."""
        with contextlib.closing(sqlite3.connect(self.db)) as conn:
            return conn.execute("SELECT id, status, message_id FROM outbox ORDER BY id").fetchall()

    def alone(self) -> list[str]:
        """What each waiting alert's message would show alone (Telegram's parsed text)."""
        return [
            parse_html(to_html(render_alert(item.payload))[0])
            for item in self.service.store.pending()
        ]

    def close(self) -> None:
        self.service.store.close()


async def test_alerts_waiting_together_go_as_one_message_every_row_marked_with_its_id(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(ORIGINAL, ANALYST)
    alone = desk.alone()
    assert len(alone) == 2  # the corroboration, then the dispute
    assert await desk.service.dispatch() == 2
    [sent] = api.sent_to("100")
    shown = parse_html(sent.text)
    assert shown.startswith("2 alerts\n")
    assert alone[0] in shown and alone[1] in shown  # each says all it says alone
    assert shown.index(alone[0]) < shown.index(alone[1])  # in outbox order
    assert shown.index("Corroborated") < shown.index("Disputed figure")
    assert [(status, mid) for _, status, mid in desk.rows()] == [("sent", str(sent.message_id))] * 2
    metrics = desk.service.metrics.registry
    assert metrics.get_sample_value("claimwatch_alerts_sent_total", {"platform": "telegram"}) == 2
    assert metrics.get_sample_value("claimwatch_delivery_latency_seconds_count") == 2
    desk.close()


async def test_a_lone_alert_goes_exactly_as_before(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(ORIGINAL)
    [item] = desk.service.store.pending()
    assert await desk.service.dispatch() == 1
    [sent] = api.sent_to("100")
    assert [sent.text] == to_html(render_alert(item.payload))
    assert "alerts" not in sent.text.split("\n")[0]
    desk.ingest(ANALYST)  # a later alert is not held back for another: it goes alone too
    assert await desk.service.dispatch() == 1
    assert parse_html(api.sent_to("100")[-1].text).startswith("≠ Disputed figure")
    desk.close()


async def test_a_restart_neither_resends_a_bundle_nor_loses_one(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(ORIGINAL, ANALYST)
    api.rate_limit("100", retry_after=30)
    assert await desk.service.dispatch() == 0  # refused: both rows still waiting
    assert [status for _, status, _ in desk.rows()] == ["pending", "pending"]
    desk.close()
    desk.service = desk.start()  # restarted
    assert await desk.service.dispatch() == 2
    desk.close()
    desk.service = desk.start()  # and again
    assert await desk.service.dispatch() == 0
    assert len(api.sent_to("100")) == 1
    assert {status for _, status, _ in desk.rows()} == {"sent"}
    desk.close()


async def test_a_failed_bundle_counts_against_its_first_alert_which_is_retried_alone(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(ORIGINAL, ANALYST)
    api.fail("100", 502, "Bad Gateway")
    assert await desk.service.dispatch() == 0
    assert [status for _, status, _ in desk.rows()] == ["failed", "pending"]
    assert [item.attempts for item in desk.service.store.pending()] == [1, 0]
    desk.clock.advance(3)  # the channel's backoff after a first failure: 2 s
    assert await desk.service.dispatch() == 2
    first, second = api.sent_to("100")  # the row that failed goes alone, then the other
    assert not parse_html(first.text).startswith("2 alerts")
    assert [mid for _, _, mid in desk.rows()] == [str(first.message_id), str(second.message_id)]
    desk.close()


async def test_an_outage_that_outlasts_the_attempts_loses_one_alert_not_the_bundle(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(*estimates(6))
    assert len(desk.service.store.pending()) == 6
    api.fail("100", 502, "Bad Gateway", times=5)  # about a minute of 2 + 4 + 8 + 16 s backoff
    delivered = 0
    for _ in range(8):
        delivered += await desk.service.dispatch()
        desk.clock.advance(40)
    statuses = [status for _, status, _ in desk.rows()]
    assert statuses.count("dead") == 1 and statuses.count("sent") == 5, statuses
    assert delivered == 5
    desk.close()


async def test_one_alert_a_message_when_the_service_is_told_so(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.service.store.close()
    desk.service = Service(
        load_config(tmp_path),
        Store.open(f"sqlite:///{desk.db}"),
        senders={"telegram": telegram},
        alerts_per_message=1,
    )
    desk.ingest(ORIGINAL, ANALYST)
    alone = desk.alone()
    assert await desk.service.dispatch() == 2
    assert [parse_html(s.text) for s in api.sent_to("100")] == alone
    desk.close()


def test_rows_are_marked_sent_together_or_not_at_all(tmp_path: Path) -> None:
    desk = Desk(tmp_path, None)
    desk.ingest(ORIGINAL, ANALYST)
    first, second = (row_id for row_id, _, _ in desk.rows())
    with pytest.raises(KeyError):
        desk.service.store.mark_sent([first, second, 999], "m1", desk.clock.now)
    assert [status for _, status, _ in desk.rows()] == ["pending", "pending"]
    desk.service.store.mark_sent([first, second], "m1", desk.clock.now)
    assert [(status, mid) for _, status, mid in desk.rows()] == [("sent", "m1")] * 2
    desk.close()


@pytest.mark.parametrize("refusals", [1, 2])
async def test_a_rejected_bundle_is_sent_one_by_one_so_only_a_bad_alert_is_lost(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender, refusals: int
) -> None:
    """The bundle is refused; then (refusals=2) its first alert is refused alone too: that one
    is dead, the other delivered alone."""
    desk = Desk(tmp_path, telegram)
    desk.ingest(ORIGINAL, ANALYST)
    alone = desk.alone()
    api.fail("100", 400, "Bad Request: message is too long", times=refusals)
    assert await desk.service.dispatch() == 3 - refusals
    delivered = [parse_html(s.text) for s in api.sent_to("100")]
    assert delivered == alone[refusals - 1 :]  # each alone, as it would be
    statuses = [status for _, status, _ in desk.rows()]
    assert statuses == (["sent", "sent"] if refusals == 1 else ["dead", "sent"])
    assert len(api.calls_of("sendMessage")) == 3
    ids = [mid for _, status, mid in desk.rows() if status == "sent"]
    assert len(set(ids)) == len(ids)  # each its own message
    desk.close()


async def test_notices_and_digests_go_alone_and_keep_their_place(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    items = estimates(4)
    desk.ingest(items[0])
    notice = {"title": "Feed Wire is gone (HTTP 410); no longer polled", "lines": [["Feed", "w"]]}
    desk.service.store.queue_notice(Notice("feed-disabled:w#1", notice, ("a",), desk.clock.now))
    desk.ingest(*items[1:3])
    digest = Message("Digest — 11 Jul 2025", kind="digest")
    assert desk.service.queue_digest("a", desk.clock.now, digest) == 1
    desk.ingest(items[3])
    assert await desk.service.dispatch() == 6
    firsts = [parse_html(s.text).split("\n")[0] for s in api.sent_to("100")]
    assert firsts[1:4] == [notice["title"], "2 alerts", "Digest — 11 Jul 2025"]
    assert "alerts" not in firsts[0] and "alerts" not in firsts[4]  # alone: nothing to join
    ids = [mid for _, _, mid in desk.rows()]  # alert, notice, alert, alert, digest, alert
    assert ids[2] == ids[3] and len(set(ids)) == 5
    desk.close()


async def test_what_does_not_fit_4096_characters_goes_in_the_next_message(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(*estimates(12))
    alone = desk.alone()
    alerts = [render_alert(item.payload) for item in desk.service.store.pending()]
    assert await desk.service.dispatch() == 12
    messages = api.sent_to("100")
    assert 1 < len(messages) < 12  # the fake refuses more than 4,096 characters shown
    shown = "\n".join(parse_html(s.text) for s in messages)
    positions = [shown.index(text) for text in alone]
    assert positions == sorted(positions)  # every alert once, in outbox order
    groups: dict[str, list[Message]] = {}
    for (_, status, mid), alert in zip(desk.rows(), alerts, strict=True):
        assert status == "sent" and mid is not None
        groups.setdefault(mid, []).append(alert)
    assert list(groups) == [str(s.message_id) for s in messages]  # outbox order
    for sent in messages:  # each message's rows carry its id; its header counts them
        count = len(groups[str(sent.message_id)])
        assert parse_html(sent.text).startswith(f"{count} alerts\n" if count > 1 else "≠")
    filled = list(groups.values())
    for group, after in itertools.pairwise(filled):
        assert len(group) >= 2  # full: the next alert would not have fitted with them
        assert not telegram.fits("100", bundle([*group, after[0]]))
    desk.close()


def padded(alerts: list[Message], target: int) -> Message:
    """A bundle of ``alerts`` whose text, as Telegram shows it, is ``target`` units long (the
    last alert's "New" line lengthened)."""
    last = alerts[-1]
    new = next(i for i, line in enumerate(last.lines) if line.label == "New")

    def make(extra: int) -> Message:
        lines = list(last.lines)
        lines[new] = Line(lines[new].text + "x" * extra, label="New")
        return bundle([*alerts[:-1], dataclasses.replace(last, lines=tuple(lines))])

    extra = target - shown_units("\n".join(to_html(make(0), limit=10**6)))
    return make(extra)


async def test_the_4096_edge_counts_the_text_telegram_shows(
    tmp_path: Path, api: FakeBotAPI, telegram: TelegramSender
) -> None:
    desk = Desk(tmp_path, telegram)
    desk.ingest(*estimates(3))
    alerts = [render_alert(item.payload) for item in desk.service.store.pending()]
    desk.close()
    full = padded(alerts, TEXT_LIMIT)
    [source] = to_html(full)
    assert utf16_len(parse_html(source)) == TEXT_LIMIT < len(source)  # tags, &amp;, hrefs
    assert telegram.fits("100", full)
    await telegram.send("100", full)  # the fake refuses a character more than 4,096 shown
    assert [s.text for s in api.sent] == [source]
    over = padded(alerts, TEXT_LIMIT + 1)
    assert not telegram.fits("100", over)
    await telegram.send("100", over)  # sent anyway: cut between lines, as any long message
    assert len(api.sent) == 3
    assert "".join(parse_html(s.text) for s in api.sent[1:]).startswith("3 alerts")


async def test_slack_bundles_stay_within_50_blocks_and_join_the_claims_thread(
    tmp_path: Path, slack: FakeSlack
) -> None:
    sender = SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0)
    desk = Desk(tmp_path, sender, platform="slack")
    desk.ingest(*estimates(12))
    alerts = [render_alert(item.payload) for item in desk.service.store.pending()]
    assert len(to_blocks(bundle(alerts[:9]))[0]) <= MAX_BLOCKS < len(to_blocks(bundle(alerts))[0])
    assert fits(bundle(alerts[:9])) and not fits(bundle(alerts[:10]))  # 1 + 5 a alert
    assert await desk.service.dispatch() == 12
    first, second = slack.posts("C1")  # the fake refuses > 50 blocks and a repeated block_id
    assert first["blocks"][0]["text"]["text"] == "9 alerts" and first.get("thread_ts") is None
    assert second["blocks"][0]["text"]["text"] == "3 alerts"
    assert second["thread_ts"] == first["ts"]  # the claim's thread, started by the first
    assert [mid for _, _, mid in desk.rows()] == [first["ts"]] * 9 + [second["ts"]] * 3
    buttons = [b["block_id"] for b in first["blocks"] if b["type"] == "actions"]
    assert len(buttons) == len(set(buttons)) == 9  # each alert keeps its buttons
    desk.close()


async def test_slack_bundles_only_alerts_bound_for_one_thread(slack: FakeSlack) -> None:
    sender = SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0)
    payload = {"kind": "new_figure", "figure": {"text": "6,000"}, "sentence": "s", "outlet": "o"}
    a, b, c = (render_alert({**payload, "claim": claim}) for claim in ("ca", "cb", "cc"))
    assert sender.fits("C1", bundle([a, b]))  # new claims: both at the top of the channel
    sender.threads["C1\x1fca"] = "1.1"
    assert not sender.fits("C1", bundle([a, b]))  # a goes in its thread, b at the top
    assert sender.fits("C1", bundle([a, a]))
    ts = await sender.send("C1", bundle([b, c]))
    assert sender.threads["C1\x1fcb"] == sender.threads["C1\x1fcc"] == ts  # threads it starts
    assert sender.fits("C1", bundle([b, c]))
