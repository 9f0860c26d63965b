"""The event of a figure: the verb or modifier near it, what its kind makes of it, sent back."""

from __future__ import annotations

import re

from bot.core.counted import _GAP_BREAK, _MAX_GAP_WORDS, _STOPS, _words
from bot.core.lexicon import (
    CASUALTY_KINDS,
    CUSTODY_EVENTS,
    MATERIAL_KINDS,
    MODIFIER_EVENTS,
    UNSENT_KINDS,
)
from bot.core.phrases import Hit

_THAN = re.compile(r"\s+than\b")


def _comparative(low: str, hit: Hit) -> bool:
    """ "far more than the 10,000 it reported": a comparison, not the modifier of "30,000 more
    troops" (an event word that is a modifier, followed by "than")."""
    return hit.phrase in MODIFIER_EVENTS and bool(_THAN.match(low, hit.end))


def _kind_event(
    kind: str | None, event: str | None, sentence: str, counted: list[Hit], noun_end: int, hi: int
) -> str | None:
    """What the counted kind makes of the event word found near the number."""
    if kind == "prisoners" and event in CUSTODY_EVENTS:
        return event  # "40 prisoners escaped": got away, not taken; two quantities of prisoners
    if kind in CASUALTY_KINDS or (kind == "units" and _suffered(sentence, counted, noun_end, hi)):
        return "casualties"  # "4,000 killed"; "40,000 cattle, sheep and goats have died"
    if kind in UNSENT_KINDS:
        return None  # a turnout or an area is never sent: "the plan to raise" is another's
    if kind in MATERIAL_KINDS and event == "sent":
        return "supplied"
    return event


def _suffered(sentence: str, counted: list[Hit], noun_end: int, hi: int) -> bool:
    """Things or animals a toll befell: a casualty word after their noun in the same phrase
    ("40,000 cattle, sheep and goats have died"), so that the toll is its own quantity."""
    for hit in counted:
        if hit.start < noun_end or hit.start >= hi or hit.value not in CASUALTY_KINDS:
            continue
        gap = sentence[noun_end : hit.start]
        return (
            _words(gap) <= 2 * _MAX_GAP_WORDS
            and not _STOPS.search(gap)
            and not _GAP_BREAK.search(gap)
        )
    return False


def _event(
    events: list[Hit],
    lo: int,
    hi: int,
    clause_lo: int,
    start: int,
    end: int,
    follows: int | None = None,
) -> str | None:
    """The event of the figure at `start`-`end`: the nearest verb around it in its reach
    (`lo`-`hi`), else a modifier, else the last verb earlier in its clause. A verb just before
    the next figure (at `follows`) is that figure's own ("fired 38 missiles and 126 drones, and
    had shot down 31": shot down is the 31's, the drones were fired)."""

    def distance(hit: Hit) -> int:
        return start - hit.end if hit.end <= start else hit.start - end

    inside = [
        h
        for h in events
        if lo <= h.start
        and h.end <= hi
        and not start <= h.start < end
        and not (follows is not None and h.start >= end and follows - h.end <= _OWN_VERB_GAP)
    ]
    verbs = [h for h in inside if _is_verb(h)]
    if verbs:
        return min(verbs, key=distance).value
    earlier = [h for h in events if clause_lo <= h.start and h.end <= lo and _is_verb(h)]
    modifiers = [h for h in inside if not _is_verb(h) and _modifies(h, start, end)]
    if modifiers:
        return min(modifiers, key=distance).value
    if earlier:
        return earlier[-1].value
    return None


_OWN_VERB_GAP = 2  # characters between a verb and the number it takes as its object: "down 31"
# Modifiers saying a number is on top of another ("30,000 more troops", "an additional 4,000"):
# they modify a number next to them, not one a clause away ("..., and more were expected").
_ADDED = frozenset({"more", "additional", "extra", "further", "fresh"})


def _modifies(hit: Hit, start: int, end: int) -> bool:
    if hit.phrase not in _ADDED:
        return True
    return 0 <= hit.start - end <= _OWN_VERB_GAP or 0 <= start - hit.end <= _OWN_VERB_GAP


def _is_verb(hit: Hit) -> bool:
    return hit.phrase not in MODIFIER_EVENTS


# People sent back out of a country, by a verb before them: "forced about 1,200 people back",
# "pushing migrants back", "deported 640 of them", "expelled 300".
_SENT_BACK = re.compile(
    r"\b(?:(?P<pushed>(?:forced|forcing|forces|force|pushed|pushing|pushes|push|turned|turning|"
    r"turns|turn|sent|sending|sends|send|drove|driven|driving|drives|drive|escorted|escorting|"
    r"escorts|escort|marched|marching|bused|bussed|busing|bussing|shipped|shipping|flown|flew|"
    r"flying|herded|herding|returned|returning)\s+(?:[\w,-]+\s+){0,4}?back)|deported|"
    r"deporting|deports|deport|expelled|expelling|expels|expel)\b"
)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|are|is|be|get|got)\s+$")


def _passive(low: str, verb: tuple[str, int]) -> bool:
    """Whether the verb sending people back is in the passive, after them: "2,000 people had
    been flown back", "300 were deported"."""
    return bool(_PASSIVE_BEFORE.search(low, max(0, verb[1] - 8), verb[1]))


def sent_back_in(low: str, lo: int = 0, hi: int | None = None) -> tuple[str, int] | None:
    """The event and place of a verb sending people back out of a country in `low[lo:hi]`:
    "pushed_back" ("forced about 1,200 people back"), "deported" ("deported 640 of them")."""
    m = _SENT_BACK.search(low, lo, len(low) if hi is None else hi)
    if m is None:
        return None
    return ("pushed_back" if m.group("pushed") else "deported"), m.start()
