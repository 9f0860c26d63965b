"""A figure's parties: the actor and the recipient among the entities of its clause."""

from __future__ import annotations

import re

from bot.core.lexicon import ACTOR_PREPOSITIONS, RECIPIENT_PREPOSITIONS
from bot.core.phrases import Hit

_LOW_WORD = re.compile(r"[a-z']+")


def _parties(
    sentence: str,
    entities: list[Hit],
    clause: tuple[int, int],
    window: tuple[int, int],
    start: int,
    noun_end: int,
) -> tuple[str | None, str | None]:
    """(actor, recipient) among the clause's entities; "by X" only in the figure's window."""
    low = sentence  # _preposition_before lowers its own window
    lo, hi = clause
    inside = [h for h in entities if lo <= h.start < hi and start < h.start < noun_end]
    actor: str | None = inside[-1].value if inside else None  # "11,000 North Korean troops"
    after: list[str] = []
    before: list[str] = []
    doers: list[str] = []  # "by X", "from X"
    subjects: list[str] = []  # entities before the number without a preposition
    for hit in entities:
        if not lo <= hit.start < hi or start <= hit.start < noun_end:
            continue
        prep = _preposition_before(low, hit.start)
        if prep in RECIPIENT_PREPOSITIONS:
            (after if hit.start > start else before).append(hit.value)
        elif prep in ACTOR_PREPOSITIONS:
            if window[0] <= hit.start < window[1]:
                doers.append(hit.value)
        elif hit.start < start:
            subjects.append(hit.value)
    if actor is None:
        actor = doers[0] if doers else (subjects[-1] if subjects else None)
    recipient = after[0] if after else (before[-1] if before else None)
    if actor is not None and actor == recipient:
        recipient = None
    return actor, recipient


def _preposition_before(low: str, pos: int) -> str:
    words = _LOW_WORD.findall(low[max(0, pos - 30) : pos].lower())
    if words and words[-1] == "the":
        words.pop()
    return words[-1] if words else ""
