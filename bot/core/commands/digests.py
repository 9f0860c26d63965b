"""/digest and /digest schedule, and the digest of one channel built from the view."""

from __future__ import annotations

from datetime import datetime

from bot.core.chart import claim_chart
from bot.core.commands.claims import independent_sources
from bot.core.commands.common import refuse, usage
from bot.core.commands.types import (
    ChannelSettings,
    ChatView,
    Command,
    PostDigest,
    Reply,
    ScheduleDigest,
    say,
)
from bot.core.digest import ScheduleError, build_digest, chart_claim, next_time, validate
from bot.core.message import Message


def most_corroborated(view: ChatView, topics: frozenset[str]) -> list[tuple[str, int]]:
    ranked = [
        (claim.spec.id, len(independent_sources(claim)))
        for claim in view.claims()
        if claim.spec.topic in topics
    ]
    ranked.sort(key=lambda pair: -pair[1])
    return [pair for pair in ranked if pair[1] > 1]


def compose_digest(
    view: ChatView, settings: ChannelSettings, *, title: str = "Digest"
) -> tuple[Message | None, int]:
    """The channel's digest of what is new since its last one, and the last finding id it
    covers; (None, last id) when nothing is new."""
    topics = frozenset(settings.subscriptions)
    found = list(view.findings_since(settings.last_digest_finding_id, sorted(topics)))
    last_id = max((i for i, _ in found), default=settings.last_digest_finding_id)
    charted = chart_claim(found, settings.muted)
    image = None
    if charted is not None:
        claim = next((c for c in view.claims() if c.spec.id == charted), None)
        if claim is not None:
            image = claim_chart(claim.spec.text, claim.sightings)
    message = build_digest(
        found,
        muted=settings.muted,
        corroborated=most_corroborated(view, topics),
        title=title,
        image=image,
    )
    return message, last_id


def cmd_digest(command: Command, view: ChatView, now: datetime) -> Reply:
    settings = view.channel(command.channel_id)
    if command.args and command.args[0].lower() == "schedule":
        return _schedule(command, settings, now)
    if command.args:
        return usage("digest", "[schedule <cron> [timezone]]", "/digest posts one now.")
    if not settings.subscriptions:
        return say("This chat follows no topic", "Subscribe first: /subscribe <topic>.")
    message, last_id = compose_digest(view, settings)
    if message is None:
        return say("Nothing new since the last digest")
    return Reply((message,), (PostDigest(command.channel_id, last_id),))


def _schedule(command: Command, settings: ChannelSettings, now: datetime) -> Reply:
    form = '<cron, 5 fields> [timezone]   e.g. /digest schedule "0 8 * * *" Europe/Kyiv'
    if not command.is_admin:
        return refuse("digest schedule")
    words = list(command.args[1:])
    if len(words) < 5 and len(words) >= 1 and len(words[0].split()) == 5:
        cron, zone = words[0], (words[1] if len(words) > 1 else settings.digest_timezone)
    elif len(words) in (5, 6):
        cron, zone = (
            " ".join(words[:5]),
            (words[5] if len(words) == 6 else settings.digest_timezone),
        )
    else:
        current = (
            f"now: {settings.digest_cron} ({settings.digest_timezone})"
            if settings.digest_cron
            else "no digest is scheduled here"
        )
        return usage("digest schedule", form, current)
    try:
        schedule = validate(cron, zone)
    except ScheduleError as exc:
        return usage("digest schedule", form, str(exc))
    upcoming = next_time(schedule, now)
    when = f"{upcoming:%a %d %b %Y %H:%M %Z}" if upcoming else "never (check the fields)"
    return say(
        f"Digest scheduled: {schedule.cron} ({schedule.timezone})",
        f"Next digest: {when}; skipped when nothing is new.",
        effects=(ScheduleDigest(command.channel_id, schedule.cron, schedule.timezone),),
    )
