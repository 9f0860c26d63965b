"""Transcripts of every command over the demo stories, a real SQLite file and the chat shell."""

from __future__ import annotations

import pytest

from bot.chat import answer, load_routes
from bot.core.chart import png_size
from bot.core.commands import parse
from bot.core.model import FindingKind
from bot.service import Service
from tests.chat.conftest import OpenService


@pytest.fixture
def service(open_service: OpenService) -> Service:
    return open_service(ingest=True)


def say(service: Service, text: str, *, user: str = "bob", channel: str = "desk") -> str:
    messages = answer(service, text, channel_id=channel, user_id=user)
    assert messages is not None, text
    return "\n\n".join(m.plain() for m in messages)


def admin(service: Service, text: str) -> str:
    return say(service, text, user="alice")


# --- parsing -------------------------------------------------------------------------------


def test_parse_strips_the_bot_name_and_keeps_quoted_words() -> None:
    command = parse('/track@claimwatch_bot dprk-troops "600 killed"', bot_name="claimwatch_bot")
    assert command is not None
    assert (command.name, command.args) == ("track", ("dprk-troops", "600 killed"))
    assert parse("/claims@other_bot", bot_name="claimwatch_bot") is None
    assert parse("hello there") is None
    unbalanced = parse('/claim "troops killed')
    assert unbalanced is not None and unbalanced.args == ('"troops', "killed")


def test_a_command_with_the_bot_suffix_is_answered(service: Service) -> None:
    assert "Tracked claims" in say(service, "/claims@claimwatch_bot")


def test_unknown_command_suggests_the_closest(service: Service) -> None:
    text = say(service, "/topcs")
    assert "Unknown command /topcs" in text
    assert "Did you mean /topics?" in text
    assert text.count("See /help") == 1


def test_unknown_command_without_a_close_match_points_at_help_once(service: Service) -> None:
    text = say(service, "/zzqx")
    assert "Unknown command /zzqx" in text
    assert text.count("See /help") == 1
    assert "Did you mean" not in text


def test_help_lists_commands_and_marks_admin_ones(service: Service) -> None:
    text = say(service, "/help")
    assert "/claim <id or words>" in text
    assert "/track <topic> <claim text> (admins)" in text


# --- reading ------------------------------------------------------------------------------


def test_claims_lists_latest_figure_and_independent_sources(service: Service) -> None:
    text = say(service, "/claims")
    assert "dprk-additional-troops" in text
    assert "2 independent sources" in text  # CNN's report (and its copies) + the ministry
    assert "latest: 6,000 (killed or wounded)" in text
    assert "Claims matching “shells”" in say(service, "/claims shells")
    assert "No claim matches" in say(service, "/claims pizza recipes")


def test_claim_finds_by_words_and_shows_the_timeline_with_a_chart(service: Service) -> None:
    messages = answer(service, "/claim troops killed", channel_id="desk", user_id="bob")
    assert messages is not None and len(messages) == 1
    text = messages[0].plain()
    assert "Claim dprk-troops/killed-or-wounded" in text
    assert "4,000 (killed or wounded) [about]" in text
    assert "6,000 (killed or wounded) [about] — South Korea's National Intelligence Service" in text
    assert "Meridian Wire" in text and "14 Jul 2025" in text
    assert messages[0].image is not None and png_size(messages[0].image) == (1080, 1080)


def test_claim_marks_disputes_and_contradictions(service: Service) -> None:
    text = say(service, "/claim dprk-additional-troops")
    assert "≠ disputed: 10,000 to 20,000 (troops) [range] — analyst at the Stimson Center" in text
    assert "‼ contradicted:" in text and "GUR" in text


def test_claim_unknown_ambiguous_and_malformed(service: Service) -> None:
    assert "No claim matches “pizza”" in say(service, "/claim pizza")
    ambiguous = say(service, "/claim troops")
    assert "matches several claims" in ambiguous
    assert "dprk-additional-troops" in ambiguous and "dprk-troops/troops-sent" in ambiguous
    assert "Usage: /claim <id or words>" in say(service, "/claim")


def test_sources_folds_syndicated_copies_under_the_original(service: Service) -> None:
    text = say(service, "/sources more troops")
    assert text.startswith("2 independent sources for dprk-additional-troops")
    original = "1: Northbridge Post — Ukrainian intelligence, via CNN, 2 Jul 2025"
    assert original in text
    assert "↳ copy in Harbor Ledger" in text and "↳ copy in Kestrel Daily" in text
    assert "↳ repeated by Northbridge Post, 16 Jul 2025" in text  # the same speaker again
    assert "2: Meridian Wire — senior official in Ukraine's defence ministry" in text
    assert "Challenged by: ≠ disputed: analyst at the Stimson Center" in text
    assert "(GUR) · Eastern Courier, 10 Jul 2025" in text
    assert "No claim matches" in say(service, "/sources zzzz qqqq")
    bare = answer(service, "/sources", channel_id="desk", user_id="bob")
    assert bare is not None and len(bare) == 1
    assert bare[0].title == "Usage: /sources <claim id or words>"
    assert [line.text for line in bare[0].lines] == ["e.g. /sources troops — see /claims"]


@pytest.mark.parametrize(
    "text", ["/unsubscribe", "/untrack", "/removefeed", "/subscribe", "/addfeed", "/track"]
)
def test_a_bare_command_never_answers_an_empty_box(service: Service, text: str) -> None:
    messages = answer(service, text, channel_id="desk", user_id="alice")
    assert messages is not None and len(messages) == 1
    assert messages[0].title.startswith("Usage: ")
    assert messages[0].lines, f"{text} answered a title with no lines"


def test_topics_shows_what_the_chat_follows(service: Service) -> None:
    text = say(service, "/topics")
    assert "dprk-troops: North Korean troops and munitions" in text
    assert "subscribed (new_figure and up)" in text
    assert "4 claims" in text


def test_feeds_and_status(service: Service) -> None:
    feeds = say(service, "/feeds")
    assert "Feeds (5)" in feeds and "Meridian Wire" in feeds and "never polled" in feeds
    status = say(service, "/status")
    assert "Feeds: 5 healthy, 0 failing" in status
    assert "Today: 17 stories, 10 findings" in status
    assert "Version: 0.1.0" in status


# --- subscriptions and mutes ---------------------------------------------------------------


def test_subscribe_and_unsubscribe_change_the_routes(service: Service) -> None:
    assert "Subscribed to dprk-troops" in say(
        service, "/subscribe dprk contradiction", channel="tg"
    )
    assert any(
        r.channel_id == "tg" and r.min_severity is FindingKind.CONTRADICTION for r in service.routes
    )
    assert "Unsubscribed from dprk-troops" in say(service, "/unsubscribe dprk-troops")
    assert not any(r.channel_id == "desk" for r in service.routes)
    assert "not subscribed" in say(service, "/unsubscribe dprk-troops")


def test_subscribe_unknown_topic_and_malformed(service: Service) -> None:
    assert "No topic matches “gaza”" in say(service, "/subscribe gaza")
    assert "Usage: /subscribe <topic> [severity]" in say(service, "/subscribe")
    assert "unknown severity “loud”" in say(service, "/subscribe dprk-troops loud")
    assert "Usage: /unsubscribe <topic>" in say(service, "/unsubscribe")


def test_mute_and_unmute_one_claim(service: Service) -> None:
    assert "Muted dprk-shells-sent" in say(service, "/mute artillery shells")
    assert any(
        "dprk-shells-sent" in r.muted_claims for r in service.routes if r.channel_id == "desk"
    )
    assert "already muted" in say(service, "/mute dprk-shells-sent")
    assert "Unmuted dprk-shells-sent" in say(service, "/unmute shells")
    assert "is not muted" in say(service, "/unmute shells")
    assert "No claim matches" in say(service, "/mute qqqq zzzz")
    assert "Usage: /mute" in say(service, "/mute")


# --- admin commands -----------------------------------------------------------------------


def test_track_and_untrack(service: Service) -> None:
    text = admin(service, '/track dprk "some 600 North Korean soldiers killed in Kursk"')
    assert "Tracking dprk-troops-some-north-korean-soldiers" in text
    assert "dprk-troops-some-north-korean-soldiers" in say(service, "/claims soldiers Kursk")
    assert "No longer tracking" in admin(service, "/untrack soldiers killed in Kursk")
    assert "No claim matches" in say(service, "/claims soldiers Kursk")


def test_track_refused_unknown_and_malformed(service: Service) -> None:
    assert "/track is for admins only" in say(service, "/track dprk-troops 600 killed")
    assert "No topic matches “gaza”" in admin(service, "/track gaza 600 killed")
    assert "Usage: /track <topic> <claim text>" in admin(service, "/track dprk-troops")
    assert "/untrack is for admins only" in say(service, "/untrack shells")
    assert "No claim matches" in admin(service, "/untrack qqqq zzzz")
    assert "Usage: /untrack" in admin(service, "/untrack")


def test_platform_admins_may_run_admin_commands(service: Service) -> None:
    messages = answer(
        service, "/addfeed https://news.example.org/rss", channel_id="tg", user_id="7",
        platform_admin=True,
    )  # fmt: skip
    assert messages is not None and "Feed added" in messages[0].plain()


def test_addfeed_and_removefeed(service: Service) -> None:
    text = admin(service, "/addfeed https://news.example.org/world/rss.xml dprk")
    assert "Feed added: news.example.org/world/rss.xml" in text
    assert "added by command" in say(service, "/feeds")
    assert "already polled" in admin(service, "/addfeed https://news.example.org/world/rss.xml")
    assert "Feed removed: Meridian Wire" in admin(service, "/removefeed meridian")
    assert "Meridian Wire" not in say(service, "/feeds")


def test_addfeed_and_removefeed_refused_unknown_and_malformed(service: Service) -> None:
    assert "/addfeed is for admins only" in say(service, "/addfeed https://x.example/rss")
    assert "is not an http(s) URL" in admin(service, "/addfeed file:///etc/passwd")
    assert "is not an http(s) URL" in admin(service, "/addfeed javascript:alert(1)")
    assert "No topic matches" in admin(service, "/addfeed https://x.example/rss gaza")
    assert "Usage: /addfeed" in admin(service, "/addfeed")
    assert "/removefeed is for admins only" in say(service, "/removefeed meridian")
    assert "No feed matches" in admin(service, "/removefeed qqqq zzzz")
    assert "Usage: /removefeed" in admin(service, "/removefeed")


def test_digest_now_then_nothing_new(service: Service) -> None:
    messages = answer(service, "/digest", channel_id="desk", user_id="bob")
    assert messages is not None
    text = messages[0].plain()
    assert "1 contradiction, 2 disputes, 1 new figure, 2 new claims" in text
    assert "Most corroborated" in text and messages[0].image is not None
    assert "Nothing new since the last digest" in say(service, "/digest")
    assert "Usage: /digest" in say(service, "/digest now please")


def test_digest_schedule(service: Service) -> None:
    text = admin(service, '/digest schedule "30 7 * * 1-5" Europe/London')
    assert "Digest scheduled: 30 7 * * 1-5 (Europe/London)" in text
    assert "Next digest: Mon 21 Jul 2025 07:30 BST" in text
    assert "/digest schedule is for admins only" in say(service, "/digest schedule 0 8 * * *")
    assert "unknown time zone 'Mars/Olympus'" in admin(
        service, "/digest schedule 0 8 * * * Mars/Olympus"
    )
    assert "bad cron" in admin(service, '/digest schedule "0 25 * * *"')
    assert "Usage: /digest schedule" in admin(service, "/digest schedule 0 8")


def test_settings_survive_a_reopen_of_the_store(open_service: OpenService) -> None:
    service = open_service(ingest=True)
    admin(service, "/subscribe dprk-troops dispute")
    say(service, "/mute shells")
    admin(service, '/digest schedule "15 6 * * *" Asia/Seoul')
    admin(service, '/track dprk-troops "North Korea has sent 100 missiles to Russia"')
    admin(service, "/addfeed https://news.example.org/a.xml")
    admin(service, "/removefeed harbor")
    service.store.close()

    again = open_service()
    routes = load_routes(again.config, again.store)
    desk = [r for r in routes if r.channel_id == "desk"]
    assert [(r.min_severity, r.muted_claims) for r in desk] == [
        (FindingKind.DISPUTE, frozenset({"dprk-shells-sent"}))
    ]
    topics = say(again, "/topics")
    assert "subscribed (dispute and up)" in topics
    assert "already muted" in say(again, "/mute shells")
    assert "now: 15 6 * * * (Asia/Seoul)" in admin(again, "/digest schedule")
    assert "missiles" in say(again, "/claims missiles")
    feeds = say(again, "/feeds")
    assert "news.example.org/a.xml" in feeds and "Harbor Ledger" not in feeds
