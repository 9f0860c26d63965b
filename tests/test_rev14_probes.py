"""Review probes (rev14) of the delivery change: Slack messages split by text, Telegram link
previews and the limits at their edges, over the loopback fakes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.fake import MAX_BLOCKS_TEXT, FakeSlack, text_in
from bot.adapters.slack.render import MAX_MESSAGE_TEXT, text_size, to_blocks, to_payloads
from bot.adapters.slack.sender import SlackSender
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.render import TEXT_LIMIT, fits, shown_units, to_html
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Line, Message
from bot.core.render import bundle, render_alert
from tests.test_dispatch_bundle import Desk


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


class AfterFirstPost(WebClient):
    """A real Web API client that, once its first post is accepted, has the fake answer the
    next ones badly: ``internal_error`` to every later call on the channel (an outage), or a
    429 once (``ratelimit``): trouble in the middle of a message sent in several posts."""

    def __init__(self, fake: FakeSlack, channel: str, trouble: str, **kwargs: Any) -> None:
        super().__init__(token="xoxb-test", base_url=fake.api_url, retry_handlers=[], **kwargs)
        self.fake, self.channel, self.trouble, self.posts = fake, channel, trouble, 0

    def chat_postMessage(self, **kwargs: Any) -> Any:
        answer = super().chat_postMessage(**kwargs)
        self.posts += 1
        if self.posts == 1 and self.trouble == "outage":
            self.fake.fail(self.channel, "internal_error")
        elif self.posts == 1:
            self.fake.ratelimit(self.channel, retry_after=1)
        return answer


def long_digest() -> Message:
    """A digest of six lines of 2,800 characters: over 11,000 characters, so several posts."""
    return Message(
        "Digest", tuple(Line(f"line{i} " + "y" * 2800, label=f"{i}") for i in range(6)),
        kind="digest",
    )  # fmt: skip


def lines_posted(slack: FakeSlack) -> list[str]:
    return [
        f"line{i}"
        for post in slack.posts("C1")
        for i in range(6)
        if f"line{i} " in str(post["blocks"])
    ]


async def test_a_429_in_the_middle_of_a_split_digest_posts_each_part_once_in_order(
    tmp_path: Path, slack: FakeSlack
) -> None:
    desk = Desk(
        tmp_path, SlackSender(AfterFirstPost(slack, "C1", "429"), min_interval_s=0), "slack"
    )
    digest = long_digest()
    assert len(to_payloads(digest)) > 1
    assert desk.service.queue_digest("a", datetime(2025, 7, 11, tzinfo=UTC), digest) == 1
    assert await desk.service.dispatch() == 1
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 0
    assert lines_posted(slack) == [f"line{i}" for i in range(6)]  # each once, in order
    [(_, status, ts)] = desk.rows()
    assert (status, ts) == ("sent", slack.posts("C1")[0]["ts"])
    desk.close()


async def test_an_outage_after_the_first_post_of_a_digest_never_posts_it_twice(
    tmp_path: Path, slack: FakeSlack
) -> None:
    client = AfterFirstPost(slack, "C1", "outage")
    desk = Desk(tmp_path, SlackSender(client, min_interval_s=0), "slack")
    assert desk.service.queue_digest("a", datetime(2025, 7, 11, tzinfo=UTC), long_digest()) == 1
    assert await desk.service.dispatch() == 0  # its first post is out, the rest waits
    [(_, status, ts)] = desk.rows()
    assert (status, ts) == ("failed", slack.posts("C1")[0]["ts"])  # pending, its progress kept
    with slack.state.lock:
        slack.state.failing.clear()  # the outage is over
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 1  # only the rest (issue 8: nothing lost)
    assert lines_posted(slack) == [f"line{i}" for i in range(6)]  # each once, in order
    desk.close()


async def test_a_lone_telegram_alert_previews_its_story_not_a_link_in_the_feed_text(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    story = "https://wire.example/w1"
    alert = render_alert(
        {"kind": "new_figure", "claim": "troops", "figure": {"text": "6,000"}, "url": story,
         "sentence": "6,000 troops, an analyst said (https://evil.example/phish).",
         "outlet": "Wire", "published": "2025-07-10"}
    )  # fmt: skip
    await sender.send("100", alert)
    [sent] = fake_api.sent_to("100")
    assert sent.preview == story  # README: "a lone alert … its story's link previewed under it"


def padded_bundle(total: int, filler: str) -> Message:
    """Two alerts whose bundle shows ``total`` UTF-16 units on Telegram (``filler`` pads)."""

    def make(n: int) -> Message:
        pad = filler * n
        return bundle(
            [
                Message("a", (Line("x & y"),), link="https://wire.example/1", kind="alert"),
                Message("b", (Line("p" + pad),), link="https://wire.example/2", kind="alert"),
            ]
        )

    n = 0
    while (short := total - shown_units(to_html(make(n), limit=10**6)[0])) > 0:
        n += max(1, short // len(filler.encode("utf-16-le")) // 2 * 2 // 2)
    message = make(n)
    assert shown_units(to_html(message, limit=10**6)[0]) == total
    return message


@pytest.mark.parametrize("filler", ["a", "&", "\U0001f600"])
async def test_a_telegram_bundle_at_exactly_4096_units_goes_and_one_more_does_not(
    fake_api: FakeBotAPI, sender: TelegramSender, filler: str
) -> None:
    at = padded_bundle(TEXT_LIMIT, filler)
    assert fits(at)
    await sender.send("100", at)
    assert len(fake_api.sent_to("100")) == 1
    over = padded_bundle(TEXT_LIMIT + (2 if len(filler.encode("utf-16-le")) == 4 else 1), filler)
    assert not fits(over)


@pytest.mark.parametrize("size", [MAX_MESSAGE_TEXT, MAX_MESSAGE_TEXT + 1])
def test_slack_cuts_a_message_exactly_past_its_text_limit(size: int) -> None:
    header = text_size(to_blocks(Message("D", (Line("z"),), kind="digest"))[0]) - 1
    rest = size - header
    lines = tuple(Line("z" * min(2900, rest - 2900 * i)) for i in range((rest + 2899) // 2900))
    message = Message("D", lines, kind="digest")
    blocks, _ = to_blocks(message)
    assert text_size(blocks) == size == text_in(blocks)
    assert len(to_payloads(message)) == (1 if size <= MAX_MESSAGE_TEXT else 2)
    assert MAX_MESSAGE_TEXT < MAX_BLOCKS_TEXT


async def test_a_split_bundle_threads_each_claim_under_the_post_that_holds_its_alert(
    slack: FakeSlack,
) -> None:
    """A bundle sent whole (as its own test does) whose alerts start threads: a claim whose
    alert is in the second post must not be threaded under the first."""
    sender = SlackSender(WebClient(token="xoxb-test", base_url=slack.api_url), min_interval_s=0)
    alerts = [
        Message(f"alert {i}", (Line("w" * 2900),), kind="alert", thread_key=f"claim{i}")
        for i in range(6)
    ]
    message = bundle(alerts)
    assert len(to_payloads(message)) > 1
    await sender.send("C1", message)
    posts = slack.posts("C1")
    for i in range(6):
        [holder] = [p for p in posts if f"alert {i}" in str(p["blocks"])]
        assert sender.threads[f"C1\x1fclaim{i}"] == holder["ts"], f"claim{i}"


class FailsSecondPart(TelegramSender):
    """The real sender, whose Bot API answers 502 to the second part of a message in parts."""

    def __init__(self, sender: TelegramSender, api: FakeBotAPI) -> None:
        super().__init__(sender.bot, per_chat_interval_s=0.0)
        self.api, self.parts = api, 0

    async def _pace(self, chat: str) -> None:
        self.parts += 1
        if self.parts == 2:
            self.api.fail(chat, 502, "Bad Gateway")
        await super()._pace(chat)


async def test_a_telegram_digest_in_parts_is_not_posted_twice_when_a_later_part_fails(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    desk = Desk(tmp_path, FailsSecondPart(sender, fake_api))
    digest = Message("Digest", tuple(Line(f"line{i} " + "y" * 3000) for i in range(3)))
    assert len(to_html(digest)) > 1
    assert desk.service.queue_digest("a", datetime(2025, 7, 11, tzinfo=UTC), digest) == 1
    assert await desk.service.dispatch() == 1  # the 502 was waited out: all parts went
    desk.clock.advance(3600)
    assert await desk.service.dispatch() == 0
    assert [s.text.count("line") for s in fake_api.sent_to("100")] == [1, 1, 1]
    firsts = [s for s in fake_api.sent_to("100") if "line0 " in s.text]
    assert len(firsts) == 1, f"the first part went out {len(firsts)} times"
    desk.close()
