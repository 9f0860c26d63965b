"""The fake Slack Web API refuses what Slack refuses, so the adapter's tests mean something."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.fake import FakeSlack


def client(slack: FakeSlack, token: str | None = "xoxb-test") -> WebClient:
    return WebClient(token=token, base_url=slack.api_url, retry_handlers=[])


def error_of(call: object) -> tuple[int, str]:
    assert callable(call)
    with pytest.raises(SlackApiError) as info:
        call()
    return info.value.response.status_code, info.value.response["error"]


def test_tokens_are_checked(slack: FakeSlack) -> None:
    assert client(slack).auth_test()["user_id"] == "UBOT"
    assert error_of(client(slack, None).auth_test) == (200, "not_authed")
    assert error_of(client(slack, "xoxb-other").auth_test) == (200, "invalid_auth")


def test_posts_are_checked_and_recorded(slack: FakeSlack) -> None:
    web = client(slack)
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3000}}
    ts = web.chat_postMessage(channel="C1", text="hi", blocks=[section])["ts"]
    assert slack.posts("C1")[0]["ts"] == ts and slack.posts("C2") == []
    too_long = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    assert error_of(lambda: web.chat_postMessage(channel="C1", text="t", blocks=[too_long])) == (
        200,
        "invalid_blocks",
    )
    assert error_of(lambda: web.chat_postMessage(channel="C1", text="t", blocks=[section] * 51))[
        1
    ] == ("invalid_blocks")
    twice = {"type": "actions", "block_id": "b", "elements": []}
    assert error_of(lambda: web.chat_postMessage(channel="C1", text="t", blocks=[twice] * 2))[
        1
    ] == ("invalid_blocks")  # a block_id is unique within a message
    assert error_of(lambda: web.chat_postMessage(channel="C9", text="t"))[1] == "channel_not_found"
    assert web.chat_update(channel="C1", ts=ts, text="edited")["ok"]
    assert slack.posts("C1")[0]["text"] == "edited"
    assert web.conversations_info(channel="C2")["channel"]["name"] == "wire"
    assert len(slack.posts()) == 1
    assert [r.method for r in slack.requests()][:2] == ["chat.postMessage"] * 2


def test_ratelimited_answers_429_with_retry_after_once(slack: FakeSlack) -> None:
    web = client(slack)
    slack.ratelimit("C1", retry_after=30)
    with pytest.raises(SlackApiError) as info:
        web.chat_postMessage(channel="C1", text="t")
    assert info.value.response.status_code == 429
    assert info.value.response.headers["Retry-After"] == "30"
    assert web.chat_postMessage(channel="C2", text="t")["ok"]
    assert web.chat_postMessage(channel="C1", text="t")["ok"]


def test_files_upload_v2_goes_through_the_three_steps(slack: FakeSlack) -> None:
    done = client(slack).files_upload_v2(
        channel="C1", file=b"\x89PNG data", filename="chart.png", title="Chart", thread_ts="1.2"
    )
    assert done["file"]["id"] == "F1"
    (upload,) = slack.uploads
    assert (upload.data, upload.channel, upload.thread_ts) == (b"\x89PNG data", "C1", "1.2")
