"""Learned claims: readable ids and a claim text that parses back to the same quantity."""

from __future__ import annotations

import re
from collections.abc import Container

from bot.core.compare import figure_words
from bot.core.figures import extract_figures
from bot.core.lexicon import CASUALTY_KINDS, ENTITY_NAMES
from bot.core.model import Figure, Hedge

_ADJECTIVES = {
    "north_korea": "North Korean",
    "russia": "Russian",
    "ukraine": "Ukrainian",
    "us": "US",
    "south_korea": "South Korean",
    "china": "Chinese",
    "iran": "Iranian",
    "israel": "Israeli",
}
_VERBS = {
    "to_be_sent": "will send",
    "sent": "has sent",
    "pledged": "has pledged",
    "supplied": "has supplied",
}
_PARTICIPLES = {
    "to_be_sent": "to be sent",
    "sent": "sent",
    "pledged": "pledged",
    "supplied": "supplied",
}
_NOUNS = {"killed_or_wounded": "killed or wounded"}


def learnable(figure: Figure) -> bool:
    """A figure that can start a claim: a count of a known thing, not vague."""
    return figure.counted is not None and figure.unit == "count" and figure.hedge is not Hedge.VAGUE


def claim_id_for(topic: str, figure: Figure, taken: Container[str]) -> str:
    """ "dprk-troops/troops-sent", "dprk-troops/killed-or-wounded", unique within the topic."""
    parts = [figure.counted or "figure"]
    if figure.event and figure.event != "casualties":
        parts.append(figure.event)
    base = f"{topic}/" + "-".join(_slug(p) for p in parts)
    if base not in taken:
        return base
    extras = [p for p in (figure.actor, figure.recipient) if p]
    if extras:
        fuller = base + "-" + "-".join(_slug(p) for p in extras)
        if fuller not in taken:
            return fuller
        base = fuller
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def claim_text_for(figure: Figure, sentence: str) -> str:
    """A short claim text that `extract_figures` reads back as `figure`'s quantity."""
    for text in (_template(figure), sentence.strip()):
        if any(same_quantity(f, figure) for f in extract_figures(text)):
            return text
    return _template(figure)


def same_quantity(a: Figure, b: Figure) -> bool:
    return (a.counted, a.event, a.actor, a.recipient, a.unit, a.low, a.high) == (
        b.counted,
        b.event,
        b.actor,
        b.recipient,
        b.unit,
        b.low,
        b.high,
    )


def _template(figure: Figure) -> str:
    counted = figure.counted or ""
    amount = figure_words(figure)
    noun = _NOUNS.get(counted, counted.replace("_", " "))
    to = f" to {ENTITY_NAMES.get(figure.recipient, figure.recipient)}" if figure.recipient else ""
    if counted in CASUALTY_KINDS:
        adjective = _ADJECTIVES.get(figure.actor or "", "")
        who = f"{adjective} troops " if adjective else ""
        return f"{amount} {who}{noun}{to.replace(' to ', ' in ')}".replace("  ", " ")
    if figure.actor and figure.event in _VERBS:
        actor = ENTITY_NAMES.get(figure.actor, figure.actor)
        return f"{actor} {_VERBS[figure.event]} {amount} {noun}{to}"
    participle = f" {_PARTICIPLES[figure.event]}" if figure.event in _PARTICIPLES else ""
    return f"{amount} {noun}{participle}{to}"
