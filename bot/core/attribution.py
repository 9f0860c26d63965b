"""Who says it, and through whom: "CNN, citing Ukrainian intelligence" -> Ukrainian intelligence,
via CNN.

Rules, tried in order: "X, citing Y"; "according to Y"; a speech verb and its speaker ("X said",
"X told lawmakers", "..., said X"), strong verbs (said, told) before weak ones (expects);
"X told <Outlet>" adds the outlet as `via`. `same_source` says whether two attributions name
the same speaker ("South Korea's National Intelligence Service (NIS)" and "the NIS").

The speaker of a speech verb is found in `bot.core.speakers`, a name is cleaned in
`bot.core.names`; this module holds the rules' order, the passive agent ("was announced by
the ministry") and the owner of a document ("the operator's logs showed"), which
attributions are generic, and the identity of speakers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from bot.core import names, speakers
from bot.core.model import Attribution
from bot.core.names import word_set

# Speakers named only by a common noun ("the report said") stand for the story's last named one.
GENERIC_SPEAKERS = word_set(
    "report reports agency official officials spokesman spokeswoman spokesperson ministry "
    "assessment statement analyst analysts source sources document he she they it department "
    "office bureau service authority authorities"
)

# "citing security", "citing privacy concerns": a reason given, not a source
_CITING = re.compile(
    r"\bciting\s+(?!(?:(?:the|a|an|its|their)\s+)?(?:[a-z-]+\s+){0,2}?(?:reasons?|security|"
    r"safety|privacy|confidentiality|concerns?|grounds|sensitivity|sensitivities|costs?|weather|"
    r"delays?|investigation|inquiry)(?:[,.;:]|\s+(?:and|or)\b|\s*$))"
    r"(?P<src>[^,.;:]+?)(?=\s+(?:as saying|that)\b|[,.;:]|$)",
    re.I,
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;:]+?)(?=\s+that\b|[,.;:]|$)", re.I)
_TOLD_OUTLET = re.compile(r"\btold\s+(?P<via>(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)")


def attribution_of(sentence: str) -> Attribution:
    """The attribution of one sentence (source, and the outlet it came through)."""
    return attribution_span(sentence)[0]


def attribution_span(sentence: str) -> tuple[Attribution, list[tuple[int, int]]]:
    """The attribution and the character spans of the names in it."""
    attribution, spans = _attribution_span(sentence)
    source = attribution.source
    if source and source.isalpha() and source.islower() and len(source) > 3:
        named = _named_in(sentence, source)
        if named:  # "Epidemiologists from the National Institute for ..., according to the
            return Attribution(named, attribution.via), spans  # institute": that institute
    return attribution, spans


_WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _named_in(sentence: str, noun: str) -> str | None:
    """The one name in a sentence that a common noun ("the institute") stands for: a name of
    capitalised words with that noun among them ("the National Institute for Infectious
    Diseases"); none when two different ones are named."""
    word = noun.capitalize()
    if word not in sentence:
        return None
    pattern = (
        r"(?:[A-Z][\w'’&-]*\s+){0,4}" + word + r"\b(?:\s+[A-Z][\w'’&-]*)*"
        r"(?:\s+(?:of|for|on)(?!\s+" + _WEEKDAY + r"\b)(?:\s+[A-Z][\w'’&-]*)+)?"
    )
    found = {names.clean(m.group(0)) for m in re.finditer(pattern, sentence)}
    named = {n for n in found if len(n.split()) >= 2}
    return named.pop() if len(named) == 1 else None


def _attribution_span(sentence: str) -> tuple[Attribution, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    # an ASCII text lower-cased keeps its positions: the regexes below need a word it may lack
    low = sentence.lower() if sentence.isascii() else None
    m = _CITING.search(sentence) if low is None or "citing" in low else None
    if m:
        spans.append(m.span("src"))
        outlet = speakers.subject_before(sentence, m.start()) or speakers.speaker(
            sentence, m.span(), low
        )
        if outlet:
            spans.append(outlet[1])
        cited = names.cited(m.group("src"))
        if names.DOCUMENT.match(cited) or cited.lower().startswith(("its ", "their ")):
            citer = speakers.speaker(sentence, m.span(), low) or outlet  # "citing customs records"
            if citer:  # "citing its branches": its own finding
                return Attribution(citer[0]), [m.span("src"), citer[1]]
        return Attribution(cited, outlet[0] if outlet else None), spans
    m = _ACCORDING.search(sentence) if low is None or "according to" in low else None
    if m:
        spans.append(m.span("src"))
        cited = names.cited(m.group("src"))
        if names.DOCUMENT.match(cited):  # "X said ..., according to damage surveys its teams did"
            said = speakers.speaker(sentence, m.span(), low)
            if said:
                return Attribution(said[0]), [said[1]]
        return Attribution(cited), spans
    found = speakers.speaker(sentence, None, low) or _agent(sentence) or _document_owner(sentence)
    if found is None:
        return Attribution(), spans
    source, span = found
    spans.append(span)
    via = None
    told = _TOLD_OUTLET.search(sentence, span[1])
    if told and told.group("via").lower().removeprefix("the ") not in speakers.AUDIENCES:
        via = names.clean(told.group("via"))
        spans.append(told.span("via"))
    return Attribution(source, via), spans


# The agent of a passive speech verb: "it was announced by the interior ministry", "figures
# released on Friday by the statistics office".
# A document speaks for whoever made or saw it: "the operator's departure logs showed", "the
# commission's preliminary count gave", "delivery records seen by the Capital Courier show", "a
# review by the Harbour Times of ambulance logs shows".
_DOCUMENT_NOUNS = (
    r"(?:logs?|records?|bulletin|count|tally|figures|data|analysis|report|statement|survey|"
    r"review|estimate|register|list|database|documents?|footage|images|letters?|filings?)"
)
_DOCUMENT_SHOWS = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?"
    + _DOCUMENT_NOUNS
    + r"\s+(?:showed|shows|show|gave|gives|put|puts|found|finds|recorded|listed|counted)\b"
)
_OWNER = re.compile(r"(?P<src>(?:[A-Z][\w.&-]*\s+){0,5}?[A-Za-z][\w.&-]*)$")
_SEEN_DOCUMENT = re.compile(
    _DOCUMENT_NOUNS + r"\s+(?:(?:seen|obtained|reviewed|carried\s+out|conducted|compiled)\s+)?by\s+"
    r"(?P<src>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5})"
)


def _document_owner(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """Who a document that "shows" a figure belongs to, or who saw it."""
    if " by " in sentence and (m := _SEEN_DOCUMENT.search(sentence)):
        span = m.span("src")
    elif ("'" in sentence or "’" in sentence) and (shows := _DOCUMENT_SHOWS.search(sentence)):
        owner = _OWNER.search(sentence, max(0, shows.start() - 80), shows.start())
        if not owner:
            return None
        span = owner.span("src")
    else:
        return None
    name = names.clean(sentence[span[0] : span[1]])
    if (
        not name
        or name.split()[0].lower() in names.PRONOUNS | names.ARTICLES_WORDS
        or names.DIGIT.search(name)
    ):
        return None
    return name, span


_BY_AGENT = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+)?|\b(?:figures|data|results|"
    r"estimates?|statistics|numbers|count|tally|report|statement)\s+)"
    r"(?:announced|reported|published|released|issued|given|confirmed|stated|estimated|"
    r"compiled|provided|disclosed|revealed|put out|counted|recorded)\s+"
    r"(?:(?:on|late on|early on|earlier on)\s+\w+\s+|(?:earlier|later|yesterday|today)\s+)?"
    r"by\s+",
    re.I,
)


def _agent(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The one who gave a figure or a statement named after a passive verb ("was announced by
    the ministry")."""
    if " by " not in sentence:
        return None
    m = _BY_AGENT.search(sentence)
    agent = _AGENT.match(sentence, m.end()) if m else None
    if agent is None:
        return None
    name = names.clean(agent.group("src"))
    if not name or name.split()[0].lower() in names.PRONOUNS or names.DIGIT.search(name):
        return None
    return name, agent.span("src")


_AGENT = re.compile(
    r"(?P<src>[\w'’.&-]+(?:\s+[\w'’.&-]+){0,7}?)"
    r"(?=\s+(?:that|who|which|on|in|at|after|before|as|and|but|to|from|last|this|was|were|is|"
    r"are|had|has|have|would|will)\b|[,.;:]|$)"
)


# Words before a generic speaker that do not say which one it is ("a senior official", "the
# same agency"); any other word does ("the interior ministry", "the finance ministry").
UNSPECIFIC = word_set(
    "the a an this that senior junior top unnamed anonymous same other another one two three "
    "several some its his her their whose government"
)


def is_generic(attribution: Attribution) -> bool:
    """ "the report", "the official", "the agency": a speaker named only by a common noun, which
    stands for the last one named. "The interior ministry" names its ministry: not generic."""
    if not attribution.source:
        return False
    words = attribution.source.split()
    return (
        len(words) <= 3
        and words[-1].lower() in GENERIC_SPEAKERS
        and all(w[:1].islower() for w in words)
        and all(w.lower() in UNSPECIFIC for w in words[:-1])
    )


def parse_attribution(text: str | None) -> Attribution:
    """ "Ukrainian intelligence, via CNN" -> Attribution("Ukrainian intelligence", "CNN")."""
    if not text:
        return Attribution()
    m = re.match(r"^(?P<src>.+?),?\s+via\s+(?P<via>.+)$", text.strip())
    if m:
        return Attribution(m.group("src").strip(), m.group("via").strip())
    return Attribution(text.strip())


# --- identity of speakers ------------------------------------------------------------------

SAME_NAME = 90  # rapidfuzz token_sort_ratio above which two speaker names are the same


ALIAS_CACHE = 4096  # speaker names whose aliases are remembered
SAME_CACHE = 16_384  # pairs of speaker names whose sameness is remembered


def aliases(name: str) -> set[str]:
    """Normalised forms of a speaker's name: the name, its parenthesised acronym, its initials."""
    return set(_aliases(name))


@lru_cache(maxsize=ALIAS_CACHE)
def _aliases(name: str) -> frozenset[str]:
    out: set[str] = set()
    for inner in re.findall(r"\(([^)]+)\)", name):
        out.add(_norm(inner))
    bare = re.sub(r"\([^)]*\)", " ", name)
    out.add(_norm(bare))
    for acronym in re.findall(r"\b[A-Z]{2,6}\b", bare):
        if acronym not in _PLACE_ACRONYMS:
            out.add(acronym.lower())
    owner = re.split(r"['’]s\s+", bare, maxsplit=1)  # "South Korea's Joint Chiefs of Staff"
    capitals = re.findall(r"\b[A-Z][a-z]+", owner[-1])
    if len(capitals) >= 2:
        out.add("".join(w[0] for w in capitals).lower())
    out |= _ministry(bare)
    return frozenset(a for a in out if a)


_MINISTRY = re.compile(
    r"\b(?:(?P<field>(?:[A-Z][a-z]+\s+){1,2})(?:Minister|Ministry|Secretary)"
    r"|(?P<low>[A-Za-z][a-z]{2,}\s+)(?:minister|ministry)\b"
    r"|(?:Minister|Ministry|Secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:[A-Z][a-z]+\s*){1,2}))"
)
# Words before "minister" that say which minister, not which ministry: "the prime minister",
# "a junior minister", "said finance minister" is found from "finance".
_NOT_FIELDS = word_set(
    "prime deputy chief the former junior senior cabinet government acting state first its his "
    "her their"
)
# An office that speaks for the body it heads, named by another word (README rule 2): "Prefect
# Ilse Varga" for the prefecture, "Mayor Tomas Rendel" for the city's administration, "Governor
# Ilse Marren" for the government of the province she governs.
_OFFICE = re.compile(r"\b(?P<office>[Pp]refect|[Mm]ayor|[Gg]overnor)\s+[A-Z]")
_OFFICE_BODIES = {
    "prefect": ("prefecture",),
    "mayor": ("city administration", "city hall", "town hall", "municipality"),
    "governor": ("provincial government", "regional government", "state government"),
}


def _ministry(name: str) -> set[str]:
    """A minister speaks for the ministry (README rule 2): "Justice Minister Aldo Verin", "the
    Minister of Health", "agriculture minister Ilse Varga" and "the Ministry of Health" all also
    name "justice ministry", "health ministry" or "agriculture ministry"; a prefect or a mayor
    named by title also names the prefecture or the city administration, and a governor the
    provincial (regional, state) government."""
    out = set()
    for m in _MINISTRY.finditer(name):
        field = _norm(m.group("field") or m.group("low") or m.group("of") or "")
        if field and field.split()[0] not in _NOT_FIELDS:
            out.add(f"{field} ministry")
    if "refect" in name or "ayor" in name or "overnor" in name:
        for m in _OFFICE.finditer(name):
            out.update(_OFFICE_BODIES[m.group("office").lower()])
    return out


_PLACE_ACRONYMS = word_set("US UK EU UN UAE USA")


def _norm(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.lower())
    words = [w for w in re.findall(r"[a-z0-9]+", name) if w not in ("the", "a", "an", "of")]
    return " ".join(words)


def speaker(attribution: Attribution, outlet: str) -> str:
    """The name that identifies who says it: the source, else the outlet it came through."""
    return attribution.source or attribution.via or f"outlet: {outlet}"


def same_source(a: str, b: str) -> bool:
    """Whether two speaker names (from `speaker`) name the same speaker: a shared alias, a
    near-identical spelling, or one name inside the other ("the union" and "the Rail Workers'
    Union", "Veyra Telecom" and "Veyra Telecom's chief executive")."""
    return _same_source(a, b)


@lru_cache(maxsize=SAME_CACHE)
def _same_source(a: str, b: str) -> bool:
    left, right = _aliases(a), _aliases(b)
    if left & right:
        return True
    if _surname_of(a, b) or _surname_of(b, a):
        return True
    if _same_office(a, b):
        return True
    if any(_inside(x, y) or _inside(y, x) for x in left for y in right):
        return True
    return any(
        len(x) > 3 and len(y) > 3 and fuzz.token_sort_ratio(x, y) >= SAME_NAME
        for x in left
        for y in right
    )


# Offices of government that one person holds at a time, which no company or union has: "Ostrania's
# deputy prime minister" and "Deputy prime minister Halen Voss" are one speaker, named once by
# the country and once by name. Not "president" or "chief executive": a union has a president.
_STATE_OFFICE = re.compile(r"\b(?:deputy prime minister|prime minister|premier|chancellor)\b", re.I)
_NAME_AFTER = re.compile(r"^[\s,]*((?:[A-Z][\w'’-]+\s*){1,3})")


def _office_parts(name: str) -> tuple[str, str, str] | None:
    """(office, owner, person) of a name holding a `_STATE_OFFICE`: the owner is what stands
    before it ("Ostrania's"), the person the capitalised name after it ("Halen Voss")."""
    m = _STATE_OFFICE.search(name)
    if m is None:
        return None
    owner = _norm(name[: m.start()])
    person = _NAME_AFTER.match(name[m.end() :])
    return m.group(0).lower(), owner, _norm(person.group(1)) if person else ""


def _same_office(a: str, b: str) -> bool:
    """One state office named twice, by its country and by its holder's name: the same office,
    and no two different owners or two different persons named."""
    if "inister" not in a + b and "remier" not in a + b and "hancellor" not in a + b:
        return False
    left, right = _office_parts(a), _office_parts(b)
    if left is None or right is None or left[0] != right[0]:
        return False
    owners_differ = bool(left[1] and right[1] and left[1] != right[1])
    persons_differ = bool(left[2] and right[2] and left[2] != right[2])
    return not owners_differ and not persons_differ


def _surname_of(short: str, long: str) -> bool:
    """ "Hal" after "service chief Ondrej Hal": a person named again by surname alone, however
    short (`_inside` wants five letters of a single common word)."""
    return (
        short.isalpha()
        and len(short) >= 3
        and short[0].isupper()
        and short[1:].islower()
        and long.endswith(f" {short}")
        and long.split()[-2][:1].isupper()
    )


def _inside(short: str, long: str) -> bool:
    """All the words of `short` are words of `long`: two or more of them, or one distinctive
    word (not a generic speaker such as "officials" or "ministry")."""
    words, within = short.split(), long.split()
    if not words or len(words) >= len(within) or not set(words) <= set(within):
        return False
    return len(words) >= 2 or (len(words[0]) >= 5 and words[0] not in GENERIC_SPEAKERS)
