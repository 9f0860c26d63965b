"""Who says it, and through whom: "CNN, citing Ukrainian intelligence" -> Ukrainian intelligence,
via CNN.

Rules, tried in order: "X, citing Y"; "according to Y"; a speech verb and its speaker ("X said",
"X told lawmakers", "..., said X"), strong verbs (said, told) before weak ones (expects);
"X told <Outlet>" adds the outlet as `via`. `same_source` says whether two attributions name
the same speaker ("South Korea's National Intelligence Service (NIS)" and "the NIS").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from bot.core.model import Attribution
from bot.core.trie import first_char_guard, trie_pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STRONG_VERBS = (
    "said|says|say|told|tells|reported|reports|stated|states|announced|claimed|claims|wrote|"
    "writes|added|confirmed|confirms|denied|denies|insisted|disclosed|revealed|briefed"
)
WEAK_VERBS = (
    "estimated|estimates|assessed|assesses|believes|warned|expects|expected|noted|cited|repeated|"
    "revised|revises|raised|lowered|corrected|updated|saying|counted|calculated|reckoned|"
    "projected|forecast|predicted|fined|dismissed|rejected|refuted|disputed|retracted|"
    "questioned"
)
PRONOUNS = _words("he she it they we i you who which that this there one")
AUDIENCES = _words(
    "lawmakers reporters journalists parliament legislators press briefing media members "
    "parliamentarians interrogators"
)
_CLAUSE_WORDS = _words("that as while because which when if after before and but so since where")
_RELATIVE = _words("who which whose whom")
_APPOSITIVE_RELATIVES = _RELATIVE | {"that"}
_AUXILIARIES = _words(
    "also reportedly previously has had have did does do not would will could may might later "
    "then again separately"
)
# Speakers named only by a common noun ("the report said") stand for the story's last named one.
GENERIC_SPEAKERS = _words(
    "report reports agency official officials spokesman spokeswoman spokesperson ministry "
    "assessment statement analyst analysts source sources document he she they it department "
    "office bureau service authority authorities"
)
_DOCUMENT_PREFIX = re.compile(
    r"^(?:an?\s+|the\s+)?(?:new\s+|latest\s+)?(?:assessment|report|statement|estimate|figures|"
    r"data|analysis|study|briefing)\s+(?:by|from|of)\s+",
    re.I,
)
_DOCUMENT_SUFFIX = re.compile(r"\s+(?:figures|data|estimates?)$", re.I)
_DOCUMENT_SUFFIX_WORDS = ("figures", "data", "estimate", "estimates")  # all `_DOCUMENT_SUFFIX` ends
_ARTICLES = ("the ", "a ", "an ")

_CITING = re.compile(r"\bciting\s+(?P<src>[^,.;:]+?)(?=\s+(?:as saying|that)\b|[,.;:]|$)", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;:]+?)(?=\s+that\b|[,.;:]|$)", re.I)
_STRONG = re.compile(
    first_char_guard(STRONG_VERBS.split("|")) + r"\b(?:" + STRONG_VERBS + r")\b", re.I
)
_WEAK = re.compile(first_char_guard(WEAK_VERBS.split("|")) + r"\b(?:" + WEAK_VERBS + r")\b", re.I)
# The same verbs, as tries over a lower-cased ASCII text (the same positions, one path per
# position instead of one attempt per verb)
_STRONG_LOW = re.compile(
    first_char_guard(STRONG_VERBS.split("|"))
    + r"\b(?:"
    + trie_pattern(STRONG_VERBS.split("|"))
    + r")\b"
)
_WEAK_LOW = re.compile(
    first_char_guard(WEAK_VERBS.split("|"))
    + r"\b(?:"
    + trie_pattern(WEAK_VERBS.split("|"))
    + r")\b"
)
_ANY_VERB = re.compile(r"\b(?:" + STRONG_VERBS + "|" + WEAK_VERBS + r")\b", re.I)
_TOLD_OUTLET = re.compile(r"\btold\s+(?P<via>(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)")
_AFTER_VERB = re.compile(r"\s*(?P<src>[^,.;:]+?)(?=[,.;:]|$)")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
_NONSPACE = re.compile(r"\S+")


def attribution_of(sentence: str) -> Attribution:
    """The attribution of one sentence (source, and the outlet it came through)."""
    return attribution_span(sentence)[0]


def attribution_span(sentence: str) -> tuple[Attribution, list[tuple[int, int]]]:
    """The attribution and the character spans of the names in it."""
    spans: list[tuple[int, int]] = []
    # an ASCII text lower-cased keeps its positions: the regexes below need a word it may lack
    low = sentence.lower() if sentence.isascii() else None
    m = _CITING.search(sentence) if low is None or "citing" in low else None
    if m:
        spans.append(m.span("src"))
        outlet = _subject_before(sentence, m.start()) or _speaker(sentence, m.span(), low)
        if outlet:
            spans.append(outlet[1])
        return Attribution(_clean(m.group("src")), outlet[0] if outlet else None), spans
    m = _ACCORDING.search(sentence) if low is None or "according to" in low else None
    if m:
        spans.append(m.span("src"))
        return Attribution(_clean(m.group("src"))), spans
    found = _speaker(sentence, None, low)
    if found is None:
        return Attribution(), spans
    source, span = found
    spans.append(span)
    via = None
    told = _TOLD_OUTLET.search(sentence, span[1])
    if told and told.group("via").lower().removeprefix("the ") not in AUDIENCES:
        via = _clean(told.group("via"))
        spans.append(told.span("via"))
    return Attribution(source, via), spans


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.I)
_MODIFIER_BEFORE = re.compile(r"\b(?:of|the|a|an|its|their|his|her)\s+$", re.I)


def _speaker(
    sentence: str, exclude: tuple[int, int] | None = None, low: str | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The speaker of the first speech verb that has one; `low` is the sentence lower-cased
    when it is ASCII (the verbs are then found in it, at the same positions)."""
    verb_regexes = (_STRONG, _WEAK) if low is None else (_STRONG_LOW, _WEAK_LOW)
    for verbs in verb_regexes:
        for verb in verbs.finditer(sentence if low is None else low):
            if exclude and exclude[0] <= verb.start() < exclude[1]:
                continue
            if _PASSIVE.search(sentence, max(0, verb.start() - 12), verb.start()):
                continue  # "new ruptures were reported": nobody speaks
            if _MODIFIER_BEFORE.search(sentence, max(0, verb.start() - 8), verb.start()):
                continue  # "the number of confirmed dead": an adjective, not a speech verb
            found = None
            if sentence[: verb.start()].rstrip().endswith(","):  # "..., said the analyst"
                found = _subject_after(sentence, verb.end())
            joined = verb.group(0).lower() == "saying" or _AND_BEFORE.search(
                sentence, max(0, verb.start() - 12), verb.start()
            )
            if not found and joined:
                found = _sentence_subject(sentence)  # "X apologised ... and said"
            found = found or _subject_before(sentence, verb.start())
            if found:
                return found
    return None


_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$")
_SUBJECT = re.compile(
    r"\s*(?P<src>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,7}?)"
    r"(?=,|\s+(?:has|have|had|was|were|is|are|did|also|\w+ed)\b)"
)


def _sentence_subject(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase a sentence opens with, up to its first comma or verb: the speaker of a
    speech verb joined by "and" to the main one ("X apologised ... and said")."""
    m = _SUBJECT.match(sentence)
    if not m:
        return None
    name = _clean(m.group("src"))
    if not name or name.split()[0].lower() in PRONOUNS or _DIGIT.search(name):
        return None
    return name, m.span("src")


def _subject_after(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    m = _AFTER_VERB.match(sentence, pos)
    if not m:
        return None
    name = _clean(m.group("src"))
    if not name or name.split()[0].lower() in PRONOUNS or len(name.split()) > 8:
        return None
    if name.split()[0].lower() in ("on", "in", "at", "that", "last", "this", "earlier"):
        return None
    if name.split()[0].lower() in AUDIENCES:
        return None  # "..., told reporters in the capital": who is told, not who tells
    if _DIGIT.search(name) or _VERBISH & {w.lower() for w in name.split()}:
        return None  # "..., said 600 were killed" is a clause, not a name
    return name, m.span("src")


def _subject_before(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase just before `pos`, back to a comma or a clause word (at most 8 words)."""
    head = sentence[:pos].rstrip().rstrip(",").rstrip()
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("\u201c"))
    words = list(_NONSPACE.finditer(head[cut + 1 :]))
    if words and words[0].group(0).lower() in _RELATIVE and cut > 0:
        return _subject_before(sentence, cut)  # "The official, who spoke ..., said"
    if (
        cut > 0
        and head[cut] == ","
        and words
        and words[0].group(0).lower() in ("a", "an", "the")
        and any(w.group(0).lower() in _APPOSITIVE_RELATIVES for w in words[1:])
    ):  # "Skyport Handling, the firm that loads its aircraft, said": the name before
        return _subject_before(sentence, cut)
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        if w.group(0).lower().strip("\"'“”") in _CLAUSE_WORDS or len(kept) >= 8:
            break
        kept.insert(0, w)
    if kept and kept[0].group(0).lower() == "saying":
        return None  # "..., saying depots had reported": a clause, not a name
    for i, w in enumerate(kept):  # "CNN reported on Wednesday, citing": stop at the verb
        if i and _is_verb_word(w.group(0)):
            kept = kept[:i]
            break
    while kept and kept[-1].group(0).lower() in _AUXILIARIES:
        kept.pop()
    if not kept:
        return None
    last = kept[-1].group(0)
    if last.islower() and last.endswith("ed"):
        return None  # "Hydro Norte dismissed claims that": a verb, and "claims" is a noun
    start, end = cut + 1 + kept[0].start(), cut + 1 + kept[-1].end()
    name = _clean(head[start:end])
    if not name or name.lower() in PRONOUNS or not _LETTER.search(name):
        return None
    if _DIGIT.search(name) or any(w.lower() in PRONOUNS for w in name.split()[1:]):
        return None
    return name, (start, end)


_VERB_WORDS = frozenset(f"{STRONG_VERBS}|{WEAK_VERBS}".split("|"))


def _is_verb_word(word: str) -> bool:
    """`_ANY_VERB.fullmatch(word)`, by a set lookup when the word is ASCII."""
    if word.isascii():
        return word.lower() in _VERB_WORDS
    return _ANY_VERB.fullmatch(word) is not None


def _clean(text: str) -> str:
    text = text.strip().strip("\"'“”‘’").strip()
    prefix = _DOCUMENT_PREFIX.match(text)  # anchored at the start: at most one match
    if prefix:
        text = text[prefix.end() :]
    lowered = text.lower()
    if not text.isascii() or lowered.endswith(_DOCUMENT_SUFFIX_WORDS):
        text = _DOCUMENT_SUFFIX.sub("", text)
        lowered = text.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    return text.strip()


# Words before a generic speaker that do not say which one it is ("a senior official", "the
# same agency"); any other word does ("the interior ministry", "the finance ministry").
UNSPECIFIC = _words(
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
    r"|(?:Minister|Ministry|Secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:[A-Z][a-z]+\s*){1,2}))"
)


def _ministry(name: str) -> set[str]:
    """A minister speaks for the ministry (README rule 2): "Justice Minister Aldo Verin", "the
    Minister of Health" and "the Ministry of Health" all also name "justice ministry" or
    "health ministry"."""
    out = set()
    for m in _MINISTRY.finditer(name):
        field = _norm(m.group("field") or m.group("of") or "")
        if field and field not in ("prime", "deputy", "chief", "the", "former"):
            out.add(f"{field} ministry")
    return out


_VERBISH = _words("is are was were be been has have had will would could may might can")
_PLACE_ACRONYMS = _words("US UK EU UN UAE USA")


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
    if any(_inside(x, y) or _inside(y, x) for x in left for y in right):
        return True
    return any(
        len(x) > 3 and len(y) > 3 and fuzz.token_sort_ratio(x, y) >= SAME_NAME
        for x in left
        for y in right
    )


def _inside(short: str, long: str) -> bool:
    """All the words of `short` are words of `long`: two or more of them, or one distinctive
    word (not a generic speaker such as "officials" or "ministry")."""
    words, within = short.split(), long.split()
    if not words or len(words) >= len(within) or not set(words) <= set(within):
        return False
    return len(words) >= 2 or (len(words[0]) >= 5 and words[0] not in GENERIC_SPEAKERS)
