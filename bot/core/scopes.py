"""Which group a figure counts (its scope): a trade, a kind of thing, a union's members."""

from __future__ import annotations

import re

from bot.core.lexicon import (
    CASUALTY_KINDS,
    GENERAL_PEOPLE,
    MUNITION_GROUPS,
    OPEN_PEOPLE,
    PEOPLE_KINDS,
    ROLE_KINDS,
    SUBGROUPS,
    UNIT_GROUPS,
)
from bot.core.model import Figure
from bot.core.phrases import Hit, find_phrases

_NAMED_PEOPLE = ROLE_KINDS | PEOPLE_KINDS


def _group(
    counted: list[Hit], span: tuple[int, int], kind: str | None, event: str | None
) -> str | None:
    """Which people a figure counts, when they are a group of their own: a trade, whatever
    happened to it ("1,200 firefighters", "12 officers were injured"); for a plain count of
    people with no event, the noun that names them ("60 passengers", "12 miners"), unless it
    is just the people of the place ("people", "residents"). An event says which people
    already ("30 miners trapped" and "30 people trapped" are one quantity)."""
    start, end = span
    if kind in ("units", "shells"):  # "7,500 bags" and "420 flights" are two quantities
        items = [h for h in counted if start <= h.start < end and h.value == kind]
        groups = UNIT_GROUPS if kind == "units" else MUNITION_GROUPS
        return groups.get(items[0].phrase) if items else None
    if kind == "protesters":
        return None  # a turnout is one quantity, whoever walked out ("nurses", "staff")
    for hit in counted:
        if start <= hit.start < end and hit.value == "troops" and kind in CASUALTY_KINDS:
            return "troops"  # "killing 200 soldiers": a toll of soldiers, not of the city
        if not start <= hit.start < end or hit.value != "people":
            continue
        if hit.phrase in SUBGROUPS:
            return SUBGROUPS[hit.phrase]
        if kind == "people" and event is None and hit.phrase not in GENERAL_PEOPLE:
            return hit.phrase
        return None
    return None


_MEMBERS = re.compile(r"\s+of\s+(?:its|their)\s+(?:own\s+)?members\b")
_GUILD = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+){1,4})(?:Union|Association|Federation|Guild|Society|Syndicate)\b"
)


def _members(sentence: str, end: int, kind: str | None) -> str | None:
    """A body of a trade counts its members as that trade: "the Prison Officers' Union said 20
    of its members were hurt" counts prison officers, as "20 prison officers were hurt" would."""
    if kind not in _NAMED_PEOPLE or not _MEMBERS.match(sentence, end):
        return None
    for name in _GUILD.finditer(sentence):
        groups = find_phrases(name.group(1).replace("’", "'").replace("'", " "), SUBGROUPS)
        if groups:
            return groups[0].value
    return None


KNOWN_GROUPS = frozenset(UNIT_GROUPS.values())


def is_open(figure: Figure) -> bool:
    """Whether a figure counts a thing the lexicon does not know, told only by its noun
    (`open_noun`): "12 guards", "1.8 million copies"; or people told only by theirs
    (`OPEN_PEOPLE`): "45,000 fans"."""
    if figure.unit != "count" or figure.scope is None:
        return False
    if figure.counted == "people":
        return figure.scope in OPEN_PEOPLE  # "45,000 fans": people told only by their noun
    return figure.counted == "units" and figure.scope not in KNOWN_GROUPS
