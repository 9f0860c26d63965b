"""What a story's sentences name besides figures: a body's persons, the lead's body, event
words, proper names, and how much of its frame a figure says."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.lexicon import COUNTED, MEASURES, MONTHS, WEEKDAYS
from bot.core.model import Attribution, Figure
from bot.core.reading import Sentence

# "its chief executive, Maren Holt," / "their spokeswoman Ana Dara": a person of a body.
_MEMBER = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,3}?(?:director|spokesman|spokeswoman|spokesperson|"
    r"executive|chief|head|chair|chairman|chairwoman|president|commander|officer|manager|"
    r"secretary|coordinator|official|minister|founder|leader|representative|adviser|advisor)"
    r",?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
)
# Or a bare office that only a company or an organisation has, before a name and with no body
# of its own: "Chief executive Anders Kolm", "the spokeswoman, Ana Dara", "..., chief financial
# officer Ilan Roskov told analysts" (the clause's subject is its body) (searched only in a
# sentence with one of `_OFFICE_PARTS`, as most have none).
_BARE_MEMBER = re.compile(
    r"(?:^|(?<=[.;:,]\s)|(?<=[.;:,][\"”’']\s)|\b[Tt]he\s+)"
    r"(?i:(?:chief\s+executive|chief\s+operating\s+officer|chief\s+financial\s+officer|"
    r"ceo|managing\s+director|finance\s+director|executive\s+director|spokesman|spokeswoman|"
    r"spokesperson|chairman|chairwoman|chairperson|"
    r"general\s+manager|general\s+secretary|founder))"
    r",?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?!,?\s+(?:of|at|for)\s)"
)
_OFFICE_PARTS = (
    "xecutive",
    "CEO",
    "irector",
    "pokes",
    "hair",
    "anager",
    "ecretary",
    "ounder",
    "g officer",
    "l officer",
)


@lru_cache(maxsize=4096)  # pure, and asked of each sentence once for each topic it is read for
def members_named(text: str) -> tuple[tuple[str, int], ...]:
    """The persons of a body a sentence names, with where: "its chief executive, Maren Holt",
    "Chief executive Anders Kolm"."""
    found = list(_MEMBER.finditer(text)) if "ts" in text or "heir" in text else []
    if any(part in text for part in _OFFICE_PARTS):
        found += _BARE_MEMBER.finditer(text)
    return tuple((m.group("name"), m.start()) for m in found)


# A body a sentence opens with (a name of two words or more), which its later "its spokesman"
# speaks for: "The Velharian Air Force destroyed 82% ..., its spokesman, Anton Veselin, said".
BODY_SUBJECT = re.compile(r"(?:The\s+)?((?:[A-Z][\w'’-]+\s+){1,4}[A-Z][\w'’-]+)\b")
# (The capital first, then the look back at the two characters before it: a pattern opening with
# a character class lets `re` pass over the other characters in one loop, not try each one.)
_NAME = re.compile(r"[A-Z](?<=[a-z,;:]\s[A-Z])[a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")
_NOT_PLACES = MONTHS | WEEKDAYS


def lead_body(sentences: Sequence[Sentence]) -> Attribution:
    """The body a story's lead opens with ("Halvard Motors and the union agreed ...", "Shares in
    Halvard Motors fell ..."): whom
    a later "Chief executive Anders Kolm" or "its spokesman" speaks for when no sentence before
    names a source."""
    first = next((s for s in sentences if not s.title), None)
    text = first.text if first is not None else ""
    if text.startswith(("Shares in ", "Shares of ")):
        text = text[10:]  # "Shares in Severin Mining fell 14%": the company is the lead's body
    m = BODY_SUBJECT.match(text)
    return Attribution(source=m.group(1)) if m else Attribution()


# A person named with an office that speaks for a body (README rule 2): "Interior Minister
# Halina Voss", "agriculture minister Ilse Varga", "Prefect Ilse Varga", "Mayor Tomas Rendel".
_TITLED = re.compile(
    r"\b(?:(?:[A-Z][a-z]+\s+){1,2}Minister|[a-z]{3,}\s+minister|Prefect|Mayor|Governor)"
    r"\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
)


# A person named with an office of a body named by its own name: "Halvix's chief executive,
# Mara Elsdon", "Brightplate's spokeswoman Ana Dara" speak for Halvix and Brightplate (not
# "Ostrania's deputy prime minister": a minister speaks for a ministry, `_TITLED`).
_OWNED_OFFICE = re.compile(
    r"(?<![\w'’-])(?P<owner>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+(?:chief\s+executive|"
    r"chief\s+financial\s+officer|chief\s+operating\s+officer|managing\s+director|"
    r"general\s+manager|spokesman|spokeswoman|spokesperson|chairman|chairwoman|founder)"
    r",?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
)

# One of these is in every `_OWNED_OFFICE` match: a sentence with none (most) is not searched.
_OWNED_PARTS = ("xecutive", "fficer", "irector", "anager", "pokes", "hairm", "hairw", "ounder")


@lru_cache(maxsize=4096)  # pure, and asked of each sentence once for each topic it is read for
def titled_named(text: str) -> tuple[tuple[str, str], ...]:
    """The persons a sentence names with their office, each as (name, the body they speak
    for): ("Halina Voss", "Interior Minister Halina Voss"), ("Mara Elsdon", "Halvix") for
    "Halvix's chief executive, Mara Elsdon". A later "Voss said", in any sentence of the story,
    is the minister, who speaks for the ministry."""
    found: list[tuple[str, str]] = []
    if "inister" in text or "refect" in text or "ayor" in text or "overnor" in text:
        found += [(m.group("name"), m.group(0)) for m in _TITLED.finditer(text)]
    if ("'s " in text or "’s " in text) and any(part in text for part in _OWNED_PARTS):
        found += [(m.group("name"), m.group("owner")) for m in _OWNED_OFFICE.finditer(text)]
    return tuple(found)


def names_event(word: str) -> bool:
    """A common keyword that names an event ("riot", "drought"), not a quantity ("inflation",
    "jobs", "casualties"): a topic of quantities has no one event its stories must name."""
    low = word.lower()
    return low not in MEASURES and low not in COUNTED


def proper_names(text: str) -> set[str]:
    """Capitalised names inside a sentence (not its first word), lower-cased: "Alba", "Port
    Venn"; weekdays and months are not names of anything."""
    return {
        m.group(0).lower() for m in _NAME.finditer(text) if m.group(0).lower() not in _NOT_PLACES
    }


def _frame_size(figure: Figure) -> int:
    """How much of its frame a figure's sentence says: kind, measure, event, actor,
    recipient, period, scope, qualifier."""
    return sum(
        value is not None
        for value in (
            figure.counted,
            figure.measure,
            figure.event,
            figure.actor,
            figure.recipient,
            figure.period,
            figure.scope,
            figure.qualifier,
        )
    )


def said_more(body: Figure | None, title: Figure) -> bool:
    """Whether the body gave the headline's figure with more of its frame ("7.1% in March"
    for the headline's "rises to 7.1%"): a headline is its body said in fewer words, so the
    body's fuller reading is the figure's, and the headline adds nothing to it."""
    return body is not None and _frame_size(body) > _frame_size(title)
