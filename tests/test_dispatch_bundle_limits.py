"""Bundles within the limits of a whole message: Slack's cumulative text of the blocks (the fake
refuses what Slack refuses), and Telegram's link preview (a bundle shows no story's preview
under the others' text)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.fake import MAX_BLOCKS_TEXT, FakeSlack, text_in
from bot.adapters.slack.render import MAX_BLOCKS, MAX_MESSAGE_TEXT, to_blocks, to_payloads
from bot.adapters.slack.sender import SlackSender, web_client
from bot.adapters.telegram.fake import FakeBotAPI, parse_html, preview_of
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Line, Message
from bot.core.render import bundle, render_alert
from tests.test_dispatch_bundle import Desk, Item, estimates
from tests.test_poll import ANALYST, ORIGINAL


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def long_links(items: list[Item]) -> list[Item]:
    """The stories with links of about 1,000 characters (tracking parameters and all): each
    alert's blocks then hold about 1,500 characters of text."""
    return [("g" * 990 + guid, title, text, when) for guid, title, text, when in items]


def alert_ids(post: dict[str, object]) -> list[str]:
    """The claim-and-figure header of each alert in a Slack post, in order."""
    blocks = post["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert isinstance(blocks, list)
    return [b["text"]["text"] for b in blocks if b["type"] == "header" and "alerts" not in str(b)]


def slack_desk(tmp_path: Path, slack: FakeSlack) -> Desk:
    return Desk(
        tmp_path, SlackSender(web_client("xoxb-test", slack.api_url), min_interval_s=0), "slack"
    )


async def test_a_bundle_of_long_alerts_arrives_whole_in_as_many_messages_as_it_needs(
    tmp_path: Path, slack: FakeSlack
) -> None:
    desk = slack_desk(tmp_path, slack)
    desk.ingest(*long_links(estimates(9)))
    alerts = [render_alert(item.payload) for item in desk.service.store.pending()]
    whole, _ = to_blocks(bundle(alerts))
    assert len(whole) <= MAX_BLOCKS < text_in(whole) - MAX_BLOCKS_TEXT  # only the text is over
    headers = [alert.title for alert in alerts]
    assert await desk.service.dispatch() == 9
    posts = slack.posts("C1")
    assert len(posts) == 2  # the fake refuses blocks holding over 12,000 characters of text
    assert len(slack.requests("chat.postMessage")) == 2  # and refused none: nothing split late
    assert [h for post in posts for h in alert_ids(post)] == [h[:150] for h in headers]
    assert all(text_in(post["blocks"]) <= MAX_MESSAGE_TEXT for post in posts)
    counts = [len(alert_ids(post)) for post in posts]
    rows = desk.rows()
    assert [(status, mid) for _, status, mid in rows] == [
        ("sent", post["ts"])
        for post, count in zip(posts, counts, strict=True)
        for _ in range(count)
    ]  # each row marked sent with the id of the message that holds it, in outbox order
    assert await desk.service.dispatch() == 0  # once
    assert len(slack.posts("C1")) == 2
    desk.close()


async def test_a_bundle_sent_whole_is_cut_between_its_alerts(
    tmp_path: Path, slack: FakeSlack
) -> None:
    """Sent as it is (no ``fits`` asked first): every alert once, in order, none cut in two."""
    desk = slack_desk(tmp_path, slack)
    desk.ingest(*long_links(estimates(9)))
    alerts = [render_alert(item.payload) for item in desk.service.store.pending()]
    desk.close()
    message = bundle(alerts)
    assert len(to_payloads(message)) > 1
    ts = await desk.sender.send("C1", message)
    posts = slack.posts("C1")
    assert ts == posts[0]["ts"] and len(posts) == len(to_payloads(message))
    assert [h for post in posts for h in alert_ids(post)] == [a.title[:150] for a in alerts]
    for post in posts:
        blocks = post["blocks"]
        kinds = [b["type"] for b in blocks]
        assert kinds.count("header") - 1 == kinds.count("actions")  # each alert whole, buttons too
        assert blocks[0]["text"]["text"] == f"{kinds.count('actions')} alerts"
        assert post["text"].startswith(f"{kinds.count('actions')} alerts")  # its own fallback


def test_a_long_message_is_split_by_its_text_as_well_as_its_blocks() -> None:
    digest = Message("Digest", tuple(Line("y" * 2800, label=f"{i}") for i in range(6)))
    blocks, _ = to_blocks(digest)
    assert len(blocks) <= MAX_BLOCKS and text_in(blocks) > MAX_BLOCKS_TEXT
    payloads = to_payloads(digest)
    assert len(payloads) > 1
    assert all(text_in(part) <= MAX_MESSAGE_TEXT for part, _ in payloads)
    assert [b for part, _ in payloads for b in part] == blocks  # nothing lost, in order


def test_the_fake_refuses_blocks_over_12000_characters_and_truncates_a_long_text(
    slack: FakeSlack,
) -> None:
    web = web_client("xoxb-test", slack.api_url)

    def sections(total: int) -> list[dict[str, object]]:
        sizes = [3000] * (total // 3000) + ([total % 3000] if total % 3000 else [])
        return [{"type": "section", "text": {"type": "mrkdwn", "text": "z" * n}} for n in sizes]

    assert web.chat_postMessage(channel="C1", text="t", blocks=sections(MAX_BLOCKS_TEXT))["ok"]
    with pytest.raises(SlackApiError) as refused:
        web.chat_postMessage(channel="C1", text="t", blocks=sections(MAX_BLOCKS_TEXT + 1))
    assert refused.value.response["error"] == "msg_blocks_too_long"
    answer = web.chat_postMessage(channel="C1", text="w" * 40_001)
    assert answer["ok"] and answer["response_metadata"]["warnings"] == ["message_truncated"]
    assert [len(p["text"]) for p in slack.posts("C1")] == [1, 40_000]


# --- Telegram: a bundle's link preview ---------------------------------------------------------


async def test_a_telegram_bundle_shows_no_story_preview_under_the_other_alerts(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    desk = Desk(tmp_path, sender)
    desk.ingest(ORIGINAL, ANALYST)  # two stories: w1, then w2
    assert await desk.service.dispatch() == 2
    [sent] = fake_api.sent_to("100")
    assert parse_html(sent.text).startswith("2 alerts\n")
    assert preview_of({}, sent.text) == "https://wire.example/w1"  # what Telegram would show
    [call] = fake_api.calls_of("sendMessage")
    assert json.loads(call.params["link_preview_options"]) == {"is_disabled": True}
    assert sent.preview is None  # under the second alert, no card of the first story
    desk.close()


async def test_a_lone_telegram_alert_still_previews_its_story(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    desk = Desk(tmp_path, sender)
    desk.ingest(ANALYST)
    assert await desk.service.dispatch() == 1
    [call] = fake_api.calls_of("sendMessage")
    # its story named: the first URL of its text may be one quoted from the feed (rev14)
    assert json.loads(call.params["link_preview_options"]) == {"url": "https://wire.example/w2"}
    assert [s.preview for s in fake_api.sent_to("100")] == ["https://wire.example/w2"]
    desk.close()


async def test_a_bundle_of_one_storys_alerts_previews_that_story(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    """One story that alerts on two claims: its card belongs under both."""
    url = "https://wire.example/w9?a=1&b=2"
    alerts = [
        render_alert({"kind": kind, "claim": claim, "figure": {"text": figure}, "url": url,
                      "sentence": "s", "outlet": "Wire", "published": "2025-07-10"})
        for kind, claim, figure in [("new_figure", "troops", "6,000"), ("dispute", "shells", "3m")]
    ]  # fmt: skip
    await sender.send("100", bundle(alerts))
    [sent] = fake_api.sent_to("100")
    assert sent.preview == url
    [call] = fake_api.calls_of("sendMessage")
    assert json.loads(call.params["link_preview_options"]) == {"url": url}
    await sender.send("100", bundle([alerts[0], dataclasses.replace(alerts[1], link=None)]))
    assert fake_api.sent_to("100")[-1].preview is None  # one alert without a story: none


def test_the_fake_bot_api_checks_link_preview_options(fake_api: FakeBotAPI) -> None:
    url = f"{fake_api.base_url}{fake_api.token}/sendMessage"

    def send(options: str | None) -> httpx.Response:
        data = {"chat_id": "100", "text": "see https://a.example/x and https://b.example/y"}
        if options is not None:
            data["link_preview_options"] = options
        return httpx.post(url, data=data)

    assert send("not json").json()["description"] == (
        "Bad Request: can't parse link preview options JSON object"
    )
    assert send('["is_disabled"]').status_code == 400
    assert send('{"is_disabled": "yes"}').status_code == 400
    assert send('{"url": 7}').status_code == 400
    assert len(fake_api.sent) == 0
    for options in (None, '{"is_disabled": false}', '{"url": "https://b.example/y"}'):
        assert send(options).json()["ok"]
    assert send('{"is_disabled": true, "show_above_text": true}').json()["ok"]
    assert [s.preview for s in fake_api.sent] == [
        "https://a.example/x",
        "https://a.example/x",
        "https://b.example/y",
        None,
    ]
