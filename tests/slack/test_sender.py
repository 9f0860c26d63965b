"""The Slack sender end to end: outbox → Service.dispatch() → slack_sdk → the fake Web API."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.adapters.feeds import parse_feed
from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.sender import SlackSender, web_client
from bot.adapters.store import Store
from bot.config import load_config
from bot.core.message import Line, Message
from bot.errors import ChatGone, DeliveryError, MessageRejected, RetryLater
from bot.service import Service
from tests.clock import Clock
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

CHANNELS = """\
channels:
  - {id: desk, platform: slack, chat: C1, min_severity: corroboration}
  - {id: wire, platform: slack, chat: C2, min_severity: corroboration}
"""
HOSTILE = (
    "w3",
    "Troop estimate questioned",
    "North Korea could send 10,000 to 20,000 additional troops to Russia, "
    # escaped once more: the feed's HTML then decodes to the literal text
    "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|your bank&gt; said on Thursday.",
    datetime(2025, 7, 10, 9, tzinfo=UTC),
)


def service_for(
    tmp_path: Path, slack: FakeSlack, *stories: tuple[str, str, str, datetime]
) -> tuple[Service, Clock]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    sender = SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0)
    clock = Clock(datetime(2025, 7, 11, tzinfo=UTC))
    service = Service(load_config(tmp_path), store, senders={"slack": sender}, now=clock)
    for story in parse_feed(rss(*stories).encode(), feed_name="Wire").stories:
        service.ingest(story, feed_url="wire")
    return service, clock


def section_text(post: dict[str, object]) -> str:
    blocks = post["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert isinstance(blocks, list)
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


async def test_one_message_per_finding_per_channel_and_later_ones_in_the_thread(
    tmp_path: Path, slack: FakeSlack
) -> None:
    service, _ = service_for(tmp_path, slack, ORIGINAL)
    assert await service.dispatch() == 2
    for story in parse_feed(rss(ANALYST).encode(), feed_name="Wire").stories:
        service.ingest(story, feed_url="wire")
    assert await service.dispatch() == 2
    assert await service.dispatch() == 0
    for chat in ("C1", "C2"):
        first, second = slack.posts(chat)
        assert first.get("thread_ts") is None  # the claim's first alert starts the thread
        assert second["thread_ts"] == first["ts"]  # the dispute joins it
        assert "Disputed figure" in second["text"]
    service.store.close()


async def test_a_429_delays_that_channel_only(tmp_path: Path, slack: FakeSlack) -> None:
    service, clock = service_for(tmp_path, slack, ORIGINAL, ANALYST)
    slack.ratelimit("C1", retry_after=30)
    assert await service.dispatch() == 2
    assert (len(slack.posts("C1")), len(slack.posts("C2"))) == (0, 1)  # two alerts in one
    clock.now += timedelta(seconds=20)
    assert await service.dispatch() == 0  # still waiting
    clock.now += timedelta(seconds=11)
    assert await service.dispatch() == 2
    assert len(slack.posts("C1")) == 1
    service.store.close()


async def test_hostile_feed_text_arrives_literally_and_pings_no_one(
    tmp_path: Path, slack: FakeSlack
) -> None:
    service, _ = service_for(tmp_path, slack, ORIGINAL, HOSTILE)
    await service.dispatch()
    posted = [p for p in slack.posts("C1") if "evil" in section_text(p)]
    assert posted, [section_text(p) for p in slack.posts("C1")]
    for post in posted:
        text = section_text(post) + str(post["text"])
        assert "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|your bank&gt;" in text
        assert "<!channel>" not in text and "<@U123>" not in text and "<https://evil" not in text
    service.store.close()


async def test_a_gone_channel_is_reported_and_stops(tmp_path: Path, slack: FakeSlack) -> None:
    service, _ = service_for(tmp_path, slack, ORIGINAL, ANALYST)
    slack.fail("C2", "not_in_channel")
    assert await service.dispatch() == 2
    assert service.store.get_meta("channel_gone:wire") == "Slack C2: not_in_channel"
    assert slack.posts("C2") == []
    service.store.close()


async def test_slack_errors_map_onto_the_hierarchy(slack: FakeSlack) -> None:
    message = Message("hello", (Line("world"),))
    with pytest.raises(ChatGone):
        await SlackSender(web_client("xoxb-wrong", slack.api_url)).send("C1", message)
    with pytest.raises(ChatGone):
        await SlackSender(web_client("xoxb-test", slack.api_url)).send("C9", message)
    with pytest.raises(ChatGone):
        await SlackSender(web_client("xoxb-test", slack.api_url)).send(None, message)
    slack.ratelimit("C1", retry_after=7)
    with pytest.raises(RetryLater) as wait:
        await SlackSender(web_client("xoxb-test", slack.api_url)).send("C1", message)
    assert wait.value.retry_after_s == 7
    too_big = WebClient(token="xoxb-test", base_url=slack.api_url)
    with pytest.raises(MessageRejected):  # blocks a buggy renderer might build
        await SlackSender(too_big)._call(
            "C1", "chat_postMessage", channel="C1", text="t", blocks=[{"type": "divider"}] * 51
        )
    with pytest.raises(DeliveryError):
        await SlackSender(web_client("xoxb-test", "http://127.0.0.1:9/api/")).send("C1", message)


async def test_a_chart_is_uploaded_with_the_message(slack: FakeSlack) -> None:
    sender = SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0)
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 32
    alert = Message("‼ Contradiction", (Line("troops", label="Claim"),), kind="alert", image=png)
    ts = await sender.send("C1", alert)
    again = await sender.send("C1", alert)
    first, second = slack.uploads
    assert (first.data, first.channel, first.thread_ts) == (png, "C1", None)
    assert (second.channel, second.thread_ts) == ("C1", ts)
    assert slack.posts("C1")[1]["thread_ts"] == ts != again


async def test_a_message_over_slacks_limits_goes_out_as_several(slack: FakeSlack) -> None:
    """60 sections of 2,900 characters: within 50 blocks twice over, but the fake (as Slack)
    refuses blocks holding over 12,000 characters of text in all."""
    sender = SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0)
    digest = Message("Digest", tuple(Line("x" * 2900) for _ in range(60)), kind="digest")
    ts = await sender.send("C2", digest)
    posts = slack.posts("C2")
    assert len(posts) == 20 and posts[0]["ts"] == ts  # three sections a message
    assert sum(section_text(post).count("x") for post in posts) == 2900 * 60  # all of it


async def test_the_token_never_reaches_a_log(
    tmp_path: Path, slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    service, _ = service_for(tmp_path, slack, ORIGINAL, ANALYST)
    slack.ratelimit("C1")
    slack.fail("C2", "invalid_auth")
    await service.dispatch()
    with pytest.raises(ChatGone):
        await SlackSender(web_client("xoxb-secret-1", slack.api_url)).send("C1", Message("x"))
    assert any("Authorization" in r.getMessage() for r in caplog.records)  # slack_sdk did log
    for record in caplog.records:
        line = record.getMessage() + str(record.args) + str(record.exc_info)
        assert "xoxb-test" not in line and "xoxb-secret-1" not in line
    service.store.close()
