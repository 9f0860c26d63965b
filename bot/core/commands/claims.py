"""/claims, /claim and /sources: what is known about the tracked claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.attribution import same_source, speaker
from bot.core.chart import claim_chart
from bot.core.commands.common import claim_label, find_claim, not_found, plural, usage
from bot.core.commands.lookup import lookup
from bot.core.commands.types import ChatView, ClaimInfo, Command, Reply, say
from bot.core.message import Line, Message
from bot.core.model import Hedge, Sighting, Stance
from bot.core.render import format_date, shorten

MAX_CLAIMS = 25
MAX_TIMELINE = 20
HEDGES = {
    Hedge.EXACT: "exact",
    Hedge.ABOUT: "about",
    Hedge.UP_TO: "up to",
    Hedge.ALMOST: "almost",
    Hedge.AT_LEAST: "at least",
    Hedge.FEWER_THAN: "fewer than",
    Hedge.RANGE: "range",
    Hedge.VAGUE: "vague",
}
STANCE_MARKS = {Stance.DISPUTES: "≠ disputed: ", Stance.REFUTES: "‼ contradicted: "}


def is_baseline(s: Sighting) -> bool:
    return s.story_key.startswith("claim:")


def with_figure(sightings: Sequence[Sighting]) -> list[Sighting]:
    return [s for s in sightings if s.figure.text]


def latest_figure(claim: ClaimInfo) -> Sighting | None:
    figures = with_figure(claim.sightings)
    return figures[-1] if figures else None


@dataclass(frozen=True, slots=True)
class Source:
    """One independent source: the first story in which it supports the claim, its syndicated
    copies, and later stories that only repeat the same speaker."""

    original: Sighting
    copies: tuple[Sighting, ...]
    repeats: tuple[Sighting, ...] = ()


def independent_sources(claim: ClaimInfo) -> list[Source]:
    """Supporting sightings grouped by who says it, in order of first appearance.

    A syndicated copy is its original again; the same speaker quoted in another outlet is the
    same source (DESIGN.md: count independent sources, and show the chain). Disputes and
    refutations are not sources *for* the claim: see :func:`challenges`.
    """
    groups: list[list[Sighting]] = []
    for s in claim.sightings:
        if is_baseline(s) or s.stance is not Stance.SUPPORTS:
            continue
        name = speaker(s.attribution, s.outlet)
        for group in groups:
            first = group[0]
            if first.origin_key == s.origin_key or same_source(
                speaker(first.attribution, first.outlet), name
            ):
                group.append(s)
                break
        else:
            groups.append([s])
    out = []
    for group in groups:
        original, rest = group[0], group[1:]
        copies = tuple(s for s in rest if s.origin_key == original.origin_key)
        repeats = tuple(s for s in rest if s.origin_key != original.origin_key)
        out.append(Source(original, copies, repeats))
    return out


def challenges(claim: ClaimInfo) -> list[Sighting]:
    """The sightings that dispute or refute the claim, one per story."""
    seen: set[str] = set()
    out = []
    for s in claim.sightings:
        if s.stance in (Stance.DISPUTES, Stance.REFUTES) and s.origin_key not in seen:
            seen.add(s.origin_key)
            out.append(s)
    return out


def figure_text(s: Sighting) -> str:
    if not s.figure.text:
        return "no figure (denial or doubt)"
    text = s.figure.text
    if s.figure.counted and s.figure.counted.replace("_", " ") not in text.lower():
        text += f" ({s.figure.counted.replace('_', ' ')})"
    return f"{text} [{HEDGES.get(s.figure.hedge, s.figure.hedge)}]"


def who(s: Sighting) -> str:
    return "as configured" if is_baseline(s) else str(s.attribution)


def _date(s: Sighting) -> str:
    return format_date(s.published.isoformat() if s.published else None)


def sighting_line(s: Sighting) -> Line:
    mark = STANCE_MARKS.get(s.stance, "")
    where = "claim as tracked" if is_baseline(s) else s.outlet
    return Line(
        f"{mark}{figure_text(s)} — {who(s)} · {where}",
        label=_date(s),
    )


def cmd_claims(command: Command, view: ChatView) -> Reply:
    claims = list(view.claims())
    words = command.rest.strip()
    if words:
        found = lookup(words, claims, lambda c: c.spec.id, lambda c: (c.spec.text, c.spec.topic))
        if found.match:
            claims = [found.match]
        elif found.ambiguous:
            claims = list(found.ambiguous)
        else:
            return not_found("claim", words, found, claim_label)
    if not claims:
        return say("No claims tracked yet", "Add one with /track <topic> <claim text>.")
    lines = []
    for claim in claims[:MAX_CLAIMS]:
        latest = latest_figure(claim)
        sources = len(independent_sources(claim))
        latest_text = figure_text(latest) if latest else "no figure yet"
        lines.append(
            Line(
                f"{shorten(claim.spec.text, 100)} · latest: {latest_text}"
                f" · {plural(sources, 'independent source')}",
                label=claim.spec.id,
            )
        )
    if len(claims) > MAX_CLAIMS:
        lines.append(Line(f"… and {len(claims) - MAX_CLAIMS} more: /claims <words> narrows it"))
    title = f"Tracked claims ({len(claims)})" if not words else f"Claims matching “{words}”"
    return Reply((Message(title, tuple(lines)),))


def cmd_claim(command: Command, view: ChatView) -> Reply:
    words = command.rest.strip()
    if not words:
        return usage("claim", "<id or words>", "e.g. /claim troops killed — see /claims")
    found = find_claim(view, words)
    if found.match is None:
        return not_found("claim", words, found, claim_label)
    claim = found.match
    lines = [Line(claim.spec.text, label="Claim")]
    if claim.spec.source:
        lines.append(Line(claim.spec.source, label="Source"))
    timeline = [s for s in claim.sightings if s.figure.text or s.stance is Stance.REFUTES]
    disputes = sum(1 for s in timeline if s.stance is Stance.DISPUTES)
    refutes = sum(1 for s in timeline if s.stance is Stance.REFUTES)
    sources = independent_sources(claim)
    summary = f"{plural(len(sources), 'independent source')}"
    if disputes:
        summary += f", {plural(disputes, 'dispute')}"
    if refutes:
        summary += f", {plural(refutes, 'contradiction')}"
    lines.append(Line(summary, label="Sources"))
    if len(timeline) > MAX_TIMELINE:
        lines.append(Line(f"… {len(timeline) - MAX_TIMELINE} earlier sightings"))
    lines.extend(sighting_line(s) for s in timeline[-MAX_TIMELINE:])
    if not timeline:
        lines.append(Line("no figures seen yet"))
    link = next(
        (s.url for s in reversed(timeline) if s.url.startswith(("http://", "https://"))), None
    )
    message = Message(
        title=f"Claim {claim.spec.id} ({claim.spec.topic})",
        lines=tuple(lines),
        link=link,
        image=claim_chart(claim.spec.text, claim.sightings),
    )
    return Reply((message,))


def cmd_sources(command: Command, view: ChatView) -> Reply:
    words = command.rest.strip()
    if not words:
        return usage("sources", "<claim id or words>", "e.g. /sources troops — see /claims")
    found = find_claim(view, words)
    if found.match is None:
        return not_found("claim", words, found, claim_label)
    claim = found.match
    sources = independent_sources(claim)
    lines = [Line(shorten(claim.spec.text, 200), label="Claim")]
    if not sources:
        lines.append(Line("no story has reported on this claim yet"))
    for n, src in enumerate(sources, 1):
        s = src.original
        lines.append(
            Line(
                f"{s.outlet} — {who(s)}, {_date(s)}: {figure_text(s)}",
                label=f"{n}",
            )
        )
        for copy in src.copies:
            lines.append(Line(f"↳ copy in {copy.outlet} ({copy.url})"))
        for again in src.repeats:
            lines.append(Line(f"↳ repeated by {again.outlet}, {_date(again)}"))
    for s in challenges(claim):
        mark = STANCE_MARKS.get(s.stance, "")
        lines.append(Line(f"{mark}{who(s)} · {s.outlet}, {_date(s)}", label="Challenged by"))
    title = f"{plural(len(sources), 'independent source')} for {claim.spec.id}"
    return Reply((Message(title, tuple(lines)),))
