"""/topics, /subscribe, /unsubscribe, /mute, /unmute, /track, /untrack, /feeds, /addfeed,
/removefeed and /status.

``/addfeed`` accepts http(s) URLs only; the guard against private addresses (SSRF) needs DNS,
so the shell applies it (bot/chat.py, bot/adapters/netguard.py) before the feed is added.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bot.core.commands.common import (
    SEVERITY_HELP,
    claim_label,
    feed_label,
    find_claim,
    find_feed,
    find_topic,
    not_found,
    parse_severity,
    plural,
    refuse,
    topic_label,
    usage,
)
from bot.core.commands.types import (
    AddFeed,
    ChatView,
    Command,
    EnableFeed,
    Mute,
    RemoveFeed,
    Reply,
    Subscribe,
    Track,
    Unmute,
    Unsubscribe,
    Untrack,
    say,
)
from bot.core.figures import extract_figures
from bot.core.message import Line, Message
from bot.core.model import ClaimSpec, FindingKind
from bot.core.render import shorten

MAX_CLAIM_TEXT = 500


def cmd_topics(command: Command, view: ChatView) -> Reply:
    settings = view.channel(command.channel_id)
    topics = view.topics()
    if not topics:
        return say("No topics configured", "Topics live in claims.yaml.")
    counts: dict[str, int] = {}
    for claim in view.claims():
        counts[claim.spec.topic] = counts.get(claim.spec.topic, 0) + 1
    lines = []
    for topic in topics:
        severity = settings.subscriptions.get(topic.id)
        sub = f" · subscribed ({severity.value} and up)" if severity else ""
        lines.append(
            Line(
                f"{topic.name} · {plural(counts.get(topic.id, 0), 'claim')}"
                f" · keywords: {', '.join(topic.keywords[:6])}{sub}",
                label=topic.id,
            )
        )
    return Reply((Message(f"Topics ({len(topics)})", tuple(lines)),))


def cmd_subscribe(command: Command, view: ChatView) -> Reply:
    form = f"<topic> [severity]   severity: {SEVERITY_HELP}"
    if not command.args or len(command.args) > 2 + 1:
        return usage("subscribe", form)
    found = find_topic(view, command.args[0])
    if found.match is None:
        return not_found("topic", command.args[0], found, topic_label)
    topic = found.match
    severity = FindingKind.NEW_FIGURE
    if len(command.args) > 1:
        wanted = parse_severity("_".join(command.args[1:]))
        if wanted is None:
            return usage("subscribe", form, f"unknown severity “{' '.join(command.args[1:])}”")
        severity = wanted
    else:
        severity = view.channel(command.channel_id).subscriptions.get(topic.id, severity)
    return say(
        f"Subscribed to {topic.id}",
        f"This chat gets alerts on {topic.name}: {severity.value} and more severe.",
        effects=(Subscribe(command.channel_id, topic.id, severity),),
    )


def cmd_unsubscribe(command: Command, view: ChatView) -> Reply:
    if len(command.args) != 1:
        return usage("unsubscribe", "<topic>")
    found = find_topic(view, command.args[0])
    if found.match is None:
        return not_found("topic", command.args[0], found, topic_label)
    topic = found.match
    if topic.id not in view.channel(command.channel_id).subscriptions:
        return say(f"This chat is not subscribed to {topic.id}", "See /topics.")
    return say(
        f"Unsubscribed from {topic.id}",
        f"No more alerts on {topic.name} here.",
        effects=(Unsubscribe(command.channel_id, topic.id),),
    )


def cmd_mute(command: Command, view: ChatView, *, mute: bool) -> Reply:
    name = "mute" if mute else "unmute"
    if not command.rest.strip():
        return usage(name, "<claim id or words>")
    found = find_claim(view, command.rest)
    if found.match is None:
        return not_found("claim", command.rest, found, claim_label)
    claim_id = found.match.spec.id
    muted = claim_id in view.channel(command.channel_id).muted
    if mute:
        if muted:
            return say(f"{claim_id} is already muted here", "/unmute brings it back.")
        return say(
            f"Muted {claim_id}",
            "This chat gets no alerts on it (and it is left out of digests); /unmute undoes.",
            effects=(Mute(command.channel_id, claim_id),),
        )
    if not muted:
        return say(f"{claim_id} is not muted here")
    return say(
        f"Unmuted {claim_id}",
        "Alerts on it resume in this chat.",
        effects=(Unmute(command.channel_id, claim_id),),
    )


def _slug(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower())
    keep = [w for w in words if w not in {"the", "a", "an", "to", "of", "in", "will", "has"}]
    return "-".join(keep[:4]) or "claim"


def cmd_track(command: Command, view: ChatView) -> Reply:
    form = '<topic> <claim text>   e.g. /track dprk-troops "600 North Korean soldiers killed"'
    if not command.is_admin:
        return refuse("track")
    if len(command.args) < 2:
        return usage("track", form)
    found = find_topic(view, command.args[0])
    if found.match is None:
        return not_found("topic", command.args[0], found, topic_label)
    topic = found.match
    text = " ".join(" ".join(command.args[1:]).split())
    if len(text) < 3 or len(text) > MAX_CLAIM_TEXT:
        return usage("track", form, f"the claim text must be 3 to {MAX_CLAIM_TEXT} characters")
    existing = {c.spec.id for c in view.claims()}
    for claim in view.claims():
        if claim.spec.topic == topic.id and claim.spec.text.lower() == text.lower():
            return say(f"Already tracked as {claim.spec.id}", claim.spec.text)
    base = f"{topic.id}-{_slug(text)}"[:80]
    claim_id, n = base, 2
    while claim_id in existing:
        claim_id, n = f"{base}-{n}", n + 1
    note = (
        "Figures for it will be matched from now on."
        if extract_figures(text)
        else "Note: no figure found in the text; only numberless denials can match it."
    )
    spec = ClaimSpec(id=claim_id, topic=topic.id, text=text)
    return say(f"Tracking {claim_id}", text, note, effects=(Track(spec, by=command.user_id),))


def cmd_untrack(command: Command, view: ChatView) -> Reply:
    if not command.is_admin:
        return refuse("untrack")
    if not command.rest.strip():
        return usage("untrack", "<claim id or words>")
    found = find_claim(view, command.rest)
    if found.match is None:
        return not_found("claim", command.rest, found, claim_label)
    claim = found.match
    return say(
        f"No longer tracking {claim.spec.id}",
        shorten(claim.spec.text, 200),
        effects=(Untrack(claim.spec.id, by=command.user_id),),
    )


def _age(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never polled"
    minutes = int((now - when).total_seconds() // 60)
    if minutes < 1:
        return "polled just now"
    if minutes < 120:
        return f"polled {minutes} min ago"
    if minutes < 48 * 60:
        return f"polled {minutes // 60} h ago"
    return f"polled {minutes // 1440} days ago"


def cmd_feeds(command: Command, view: ChatView, now: datetime) -> Reply:
    feeds = view.feeds()
    if not feeds:
        return say("No feeds", "Add one with /addfeed <url> [topic] (admins).")
    lines = []
    for feed in feeds:
        if feed.disabled:
            health = f"disabled ({feed.last_error or '?'}); /addfeed <url> polls it again"
        elif feed.healthy:
            health = "ok"
        else:
            health = f"failing ×{feed.error_count}: {feed.last_error or '?'}"
        added = " · added by command" if feed.added_by_command else ""
        lines.append(
            Line(
                f"{feed.url} · {health} · {_age(feed.last_polled_at, now)}{added}",
                label=feed.name,
            )
        )
    return Reply((Message(f"Feeds ({len(feeds)})", tuple(lines)),))


def cmd_addfeed(command: Command, view: ChatView) -> Reply:
    form = "<http(s) url> [topic]"
    if not command.is_admin:
        return refuse("addfeed")
    if not 1 <= len(command.args) <= 2:
        return usage("addfeed", form)
    url = command.args[0].strip("<>")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return usage("addfeed", form, f"“{shorten(url, 80)}” is not an http(s) URL")
    known = next((f for f in view.feeds() if f.url == url), None)
    if known is not None and known.disabled:
        return say(
            f"Feed enabled again: {known.name}",
            url,
            "It is polled again at its next turn, with its failure count reset.",
            effects=(EnableFeed(url, by=command.user_id),),
        )
    if known is not None:
        return say("That feed is already polled", url)
    topic_id = None
    if len(command.args) == 2:
        found = find_topic(view, command.args[1])
        if found.match is None:
            return not_found("topic", command.args[1], found, topic_label)
        topic_id = found.match.id
    name = (parts.hostname + parts.path).rstrip("/")[:80]
    return say(
        f"Feed added: {name}",
        url,
        "Its first poll only learns what is already there; alerts start with new stories.",
        effects=(AddFeed(url, name, topic_id, by=command.user_id),),
    )


def cmd_removefeed(command: Command, view: ChatView) -> Reply:
    if not command.is_admin:
        return refuse("removefeed")
    if not command.rest.strip():
        return usage("removefeed", "<feed name or url>")
    found = find_feed(view, command.rest)
    if found.match is None:
        return not_found("feed", command.rest, found, feed_label)
    feed = found.match
    return say(
        f"Feed removed: {feed.name}",
        "It is no longer polled.",
        effects=(RemoveFeed(feed.url, by=command.user_id),),
    )


def cmd_status(command: Command, view: ChatView, now: datetime) -> Reply:
    feeds = view.feeds()
    failing = [f for f in feeds if not f.healthy]
    polled = [f.last_polled_at for f in feeds if f.last_polled_at]
    last = max(polled) if polled else None
    counts = view.status(now)
    last_text = (
        f"{last.astimezone(UTC):%d %b %Y %H:%M} UTC ({_age(last, now)})" if last else "never"
    )
    lines = [
        Line(f"{len(feeds) - len(failing)} healthy, {len(failing)} failing", label="Feeds"),
        *(Line(f"{f.name}: {f.last_error or 'error'}", label="  failing") for f in failing[:5]),
        Line(last_text, label="Last poll"),
        Line(
            f"{counts.stories_today} stories, {counts.findings_today} findings"
            f" (total {counts.stories_total} / {counts.findings_total})",
            label="Today",
        ),
        Line(str(counts.alerts_waiting), label="Alerts waiting"),
        Line(
            f"{counts.alerts_dead} (failed too often or refused; see the log)"
            if counts.alerts_dead
            else "0",
            label="Alerts undeliverable",
        ),
        Line(f"{len(view.claims())}", label="Claims tracked"),
        Line(view.version, label="Version"),
    ]
    return Reply((Message("claimwatch status", tuple(lines)),))
