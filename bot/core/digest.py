"""Digests: when one is due (cron and time zone, the clock passed in) and what it says.

A digest *period* is named by the scheduled time that opened it (the latest cron fire time at or
before now). A channel's digest is due when that time is later than the period last handled; so
after downtime exactly one late digest goes out (for the latest period, covering everything
since the last one), and a period handled once — sent, or skipped because nothing was new — is
never handled again. A channel seen for the first time starts at the current period, silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from bot.core.message import Line, Message
from bot.core.render import MARKS, figure_phrase, format_date, shorten

Payload = Mapping[str, Any]

_WINDOWS = (
    timedelta(hours=1),
    timedelta(days=1),
    timedelta(days=8),
    timedelta(days=32),
    timedelta(days=367),
    timedelta(days=366 * 8 + 2),
)
SECTIONS = (
    ("contradiction", "Contradictions"),
    ("dispute", "Disputes"),
    ("new_figure", "New figures"),
    ("new_claim", "New claims"),
)
SINGULAR = {
    "contradiction": "contradiction",
    "dispute": "dispute",
    "new_figure": "new figure",
    "new_claim": "new claim",
    "corroboration": "corroboration",
}
PER_SECTION = 8


class ScheduleError(ValueError):
    """A cron expression or time zone that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Schedule:
    cron: str
    timezone: str = "UTC"

    def trigger(self) -> CronTrigger:
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ScheduleError(f"unknown time zone {self.timezone!r} (e.g. Europe/Kyiv)") from None
        fields = self.cron.split()
        if len(fields) != 5:
            raise ScheduleError(
                f"bad cron {self.cron!r}: five fields, minute hour day month weekday"
                " (e.g. '0 8 * * *')"
            )
        minute, hour, day, month, weekday = fields
        try:
            return CronTrigger(
                minute=minute,
                hour=hour,
                day=day,
                month=month,
                day_of_week=crontab_weekdays(weekday),
                timezone=zone,
            )
        except ValueError as exc:
            raise ScheduleError(f"bad cron {self.cron!r}: {exc}") from None


_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _day(token: str) -> int:
    token = token.strip().lower()
    if token[:3] in _DAYS and token.isalpha():
        return _DAYS.index(token[:3])
    value = int(token)  # ValueError for anything else
    if not 0 <= value <= 7:
        raise ValueError(f"weekday {value} is not 0-7")
    return value % 7


def crontab_weekdays(field: str) -> str:
    """The crontab weekday field (0 or 7 = Sunday, 1 = Monday, names) as APScheduler 3 names.

    APScheduler 3 counts weekdays from Monday = 0, and ``CronTrigger.from_crontab`` passes the
    numbers through unchanged, so "1-5" would mean Tuesday to Saturday there."""
    if field == "*":
        return "*"
    days: set[int] = set()
    try:
        for item in field.split(","):
            part, _, step_text = item.partition("/")
            step = int(step_text) if step_text else 1
            if step < 1:
                raise ValueError("a step must be at least 1")
            if part == "*":
                first, last = 0, 6
            elif "-" in part:
                low, high = part.split("-", 1)
                first, last = _day(low), _day(high)
                if high.strip() == "7":
                    last = 7
            else:
                first = last = _day(part)
                if step_text:
                    last = 6
            if last < first:
                raise ValueError(f"the range {part!r} runs backwards")
            days.update(d % 7 for d in range(first, last + 1, step))
    except ValueError as exc:
        raise ScheduleError(f"bad weekday field {field!r}: {exc}") from None
    return ",".join(_DAYS[d] for d in sorted(days))


def validate(cron: str, timezone: str) -> Schedule:
    """A usable schedule, or ScheduleError with the reason."""
    schedule = Schedule(" ".join(cron.split()), timezone.strip() or "UTC")
    schedule.trigger()
    return schedule


def next_time(schedule: Schedule, now: datetime) -> datetime | None:
    """The first scheduled time strictly after ``now``."""
    fire: datetime | None = schedule.trigger().get_next_fire_time(None, now + timedelta(seconds=1))
    return fire


def period_start(schedule: Schedule, now: datetime) -> datetime | None:
    """The latest scheduled time at or before ``now`` (None if there is none within 8 years)."""
    trigger = schedule.trigger()
    for window in _WINDOWS:
        fire: datetime | None = trigger.get_next_fire_time(None, now - window)
        if fire is None or fire > now:
            continue
        while True:
            following: datetime | None = trigger.get_next_fire_time(
                fire, fire + timedelta(seconds=1)
            )
            if following is None or following > now:
                return fire
            fire = following
    return None


@dataclass(frozen=True, slots=True)
class Due:
    """What to do now: ``period`` is the period to mark handled (None: nothing to do);
    ``send`` says whether a digest goes out for it (False for a channel's first, silent period)."""

    period: datetime | None
    send: bool


def due(schedule: Schedule, last_period: datetime | None, now: datetime) -> Due:
    current = period_start(schedule, now)
    if current is None:
        return Due(None, False)
    if last_period is None:
        return Due(current, False)  # first sight: start counting from here
    if current > last_period:
        return Due(current, True)
    return Due(None, False)


# --- what a digest says ---------------------------------------------------------------------


def _line(p: Payload) -> Line:
    kind = str(p.get("kind"))
    figure = p.get("figure")
    what = figure_phrase(figure) if figure and figure.get("text") else "denial / doubt"
    if kind == "new_claim":
        what = shorten(str(p.get("claim_text") or p.get("claim")), 120)
    said = f"{what} — {p.get('attribution') or 'unattributed'}"
    said += f" ({p.get('outlet')}, {format_date(p.get('published'))})"
    return Line(said, label=f"{MARKS.get(kind, '•')} {p.get('claim')}")


def build_digest(
    findings: Sequence[tuple[int, Payload]],
    *,
    muted: frozenset[str] = frozenset(),
    corroborated: Sequence[tuple[str, int]] = (),
    title: str = "Digest",
    since: datetime | None = None,
    image: bytes | None = None,
) -> Message | None:
    """The digest of ``findings`` (id, payload), or None when nothing is new.

    ``corroborated`` lists (claim id, independent sources), best first: the most-corroborated
    claims, shown when the digest is sent at all."""
    wanted = [p for _, p in findings if str(p.get("claim")) not in muted]
    if not wanted:
        return None
    counts = Counter(str(p.get("kind")) for p in wanted)
    summary = ", ".join(
        f"{counts[k]} {SINGULAR[k]}{'' if counts[k] == 1 else 's'}"
        for k in (*(k for k, _ in SECTIONS), "corroboration")
        if counts.get(k)
    )
    lines = [Line(summary, label=f"Since {format_date(since.isoformat())}" if since else "New")]
    for kind, name in SECTIONS:
        of_kind = [p for p in wanted if p.get("kind") == kind]
        if not of_kind:
            continue
        lines.append(Line(f"{len(of_kind)}", label=name))
        lines.extend(_line(p) for p in of_kind[:PER_SECTION])
        if len(of_kind) > PER_SECTION:
            lines.append(Line(f"… and {len(of_kind) - PER_SECTION} more"))
    best = [(claim, n) for claim, n in corroborated if n > 0 and claim not in muted][:3]
    if best:
        lines.append(Line("", label="Most corroborated"))
        lines.extend(Line(f"{n} independent sources", label=f"✓ {claim}") for claim, n in best)
    return Message(title=title, lines=tuple(lines), kind="digest", image=image)


def chart_claim(findings: Sequence[tuple[int, Payload]], muted: frozenset[str]) -> str | None:
    """The claim a digest's chart shows: the one with the most severe, then most, findings."""
    score: Counter[str] = Counter()
    for _, p in findings:
        claim = str(p.get("claim"))
        if claim not in muted and p.get("figure"):
            score[claim] += 1 + 10 * int(p.get("severity") or 0)
    return score.most_common(1)[0][0] if score else None
