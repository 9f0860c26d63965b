"""Stance of a sentence towards a claim: refutes (denial, "no information"), disputes (doubt,
another figure), supports, neutral, or unrelated.

Negation is read in a short window before a cue: "did not deny" is not a denial.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from bot.core.compare import figures_agree
from bot.core.cues import is_increment
from bot.core.enum_members import DISPUTES as _DISPUTES
from bot.core.enum_members import NEUTRAL as _NEUTRAL
from bot.core.enum_members import REFUTES as _REFUTES
from bot.core.enum_members import SUPPORTS as _SUPPORTS
from bot.core.enum_members import UNRELATED as _UNRELATED
from bot.core.figures import extract_figures
from bot.core.lexicon import (
    DISPUTE_CUES,
    MONTHS,
    NEGATORS,
    NON_COMMITTAL,
    REFUTE_CUES,
    REVISION_CUES,
    UPDATE_CUES,
    WEEKDAYS,
)
from bot.core.matching import frame_agreement, frame_compatible, masked, similarity
from bot.core.model import Figure, Stance
from bot.core.reading import is_baseline_mention
from bot.core.trie import trie_pattern

FRAME_SCORE = 0.6  # score of a sentence whose figure counts the claim's quantity
RELATED = 0.5  # masked-text similarity below which a sentence is unrelated to a claim
NEGATION_WINDOW = 4  # words before a cue that can negate it


# A cue word joined to another by a hyphen is part of a compound word, which means something
# else: "were wrong-footed", "a false-flag post", "a self-denied permit". The cue stands alone.
# A hyphen before a word that joins no compound is an unspaced dash: "were false-the ministry
# said", "denied-for the third time-that".
_CUE_START = r"(?<![\w])(?<!\w-)"
_CUE_END = r"(?![\w])(?!-(?!(?:the|a|an|and|but|or|nor|that|for|as|he|she|it|they|we)\b)\w)"


@cache
def _compile_cues(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_CUE_START + "(?:" + trie_pattern(cues) + ")" + _CUE_END)


# `_compile_cues` of a tuple, found by the tuple's identity: the cue tables are constants, and
# hashing one (a tuple does not keep its hash) cost as much as the search it is asked for.
_CUE_REGEX: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}
CUE_REGEX_MEMO = 64  # tuples of cues remembered by identity (the lexicon's few, and callers')


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    known = _CUE_REGEX.get(id(cues))
    if known is not None and known[0] is cues:
        return known[1]
    rx = _compile_cues(cues)
    if len(_CUE_REGEX) >= CUE_REGEX_MEMO:
        _CUE_REGEX.clear()
    _CUE_REGEX[id(cues)] = (cues, rx)  # the tuple is held: its id is not reused meanwhile
    return rx


# any negator, as a word: one search instead of one per negator
_NEGATOR = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(neg) for neg in NEGATORS) + r")(?![\w])"
)
_WORDISH = re.compile(r"[\w']+")


def _negated(low: str, start: int) -> bool:
    """A negator in the few words before a cue, in the cue's own clause: a finite "was",
    "were", "is" or "are" after the negator begins the cue's predicate, so the negator belongs
    to its subject ("reports that 5 million homes were still without power were false")."""
    window = " ".join(_WORDISH.findall(low[max(0, start - 60) : start])[-NEGATION_WINDOW:])
    window = window.replace("n't", " n't")
    ends = [m.end() for m in _NEGATOR.finditer(window)]
    return bool(ends) and not _COPULA.search(window, ends[-1])


_COPULA = re.compile(r"\b(?:was|were|is|are)\b")


def find_cue(sentence: str, cues: tuple[str, ...]) -> str | None:
    """The first cue of `cues` in the sentence that is not negated."""
    return _find_cue_low(sentence.lower().replace("’", "'"), cues)


def _find_cue_low(low: str, cues: tuple[str, ...]) -> str | None:
    """`find_cue` of a sentence already lower-cased, its ’ made '."""
    for m in _cue_regex(cues).finditer(low):
        if (
            not _negated(low, m.start())
            and not _describes_counted(low, m.start(), m.group(0))
            and not _ACT_OBJECT.match(low, m.end())
            and not (m.group(0) in _CHOICE_CUES and _ACTION_AFTER.match(low, m.end()))
            and not (_ALTERNATIVE.match(low, m.end()) and not _FIGURE_AFTER.match(low, m.end()))
            and not (m.group(0) in _WITHDRAW_CUES and not _withdrawn_statement(low, m))
            and not (m.group(0) in _QUESTION_CUES and not _questioned_statement(low, m))
            and not (m.group(0) == "a stretch" and _OF_AFTER.match(low, m.end()))
            and not (m.group(0) in _DENY_FORMS and _deprived(low, m.start(), m.end()))
            and not (m.group(0) == "made up" and _made_up_of(low, m.end()))
            and not (
                m.group(0) in _PLAIN_DOUBT_VERBS and _plain_doubt_none(low, m.start(), m.end())
            )
            and not (m.group(0) in _THING_ADJECTIVES and _of_a_thing(low, m.end()))
            and not (m.group(0) in _WRONG_FORMS and _WRONG_TO_ACT.match(low, m.end()))
            and not (m.group(0) in _DISPUTE_NOUN_FORMS and _dispute_noun(low, m))
            and not _background(low, m.start())
        ):
            return m.group(0)
    return None


# The plain form of a verb of doubt is a present tense with a plural subject ("the official
# figures understate the toll", "the ministry's numbers exaggerate the harvest") and says the
# figures are wrong; after "to" it is an infinitive of advice or intent ("it would be wrong to
# exaggerate the risk", "urged officials not to overstate the damage") and doubts nothing said.
_PLAIN_DOUBT_VERBS = frozenset(
    {"understate", "overstate", "exaggerate", "underreport", "under-report"}
)
_INFINITIVE_TO = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?$")
# But a verb of seeming or habit before "to" says what the figures do: "the ministry tends to
# overstate the harvest", "the official figures appear to understate the disaster" are doubt;
# and "we overstate nothing" doubts nothing (rev18c).
_RAISING_TO = re.compile(
    r"\b(?:tends?|tended|appears?|appeared|seems?|seemed|continues?|continued|likely|known|"
    r"believed|thought|said|reported|found)\s+(?:[a-z]+ly\s+)?to\s+"
    r"(?:[a-z]+ly\s+)?$"
)
_NOTHING_AFTER = re.compile(r"\s+nothing\b")


def _plain_doubt_none(low: str, start: int, end: int) -> bool:
    """Whether a plain verb of doubt (`_PLAIN_DOUBT_VERBS`) at `start` doubts nothing: an
    infinitive of advice or intent (`_INFINITIVE_TO`, not `_RAISING_TO`), or "... nothing"."""
    if _NOTHING_AFTER.match(low, end):
        return True
    if not _INFINITIVE_TO.search(low, 0, start):
        return False
    return not _RAISING_TO.search(low, max(0, start - 40), start)


# "Made up" also means "consisted of", "accounted for" or "compensated": "a crew made up of 40
# sailors", "strikers made up 40% of the staff", "women made up the majority of the marchers",
# "made up two-thirds", "overtime made up for the lost shifts", "made up lost time". Only an
# invented thing is made up otherwise ("the figure was made up", "made up the figure of 300",
# "made up for political reasons").
_MADE_UP_OF = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:of\b|for\s+(?:the|a|an|lost|its|their|his|her|some|much|part)\b|"
    r"(?:about|around|some|roughly|nearly|almost|more than|over|"
    r"less than|just over|just under|only|just|a mere|half|a third|a quarter)\b|(?:us\$|\$|€|£)?\d|"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:large|small|big|sizeable|significant|tiny|growing|greater|"
    r"bigger|larger|smaller)\s+)?(?:majority|minority|bulk|rest|remainder|balance|most|much|"
    r"part|share|fraction|proportion|portion|third|quarter|fifth|sixth|tenth|two-thirds|"
    r"three-quarters|one\s+in|largest|biggest|smallest|lost\s+(?:time|ground)|ground|"
    r"difference|shortfall|deficit)\b)"
)
# "Made up most of the story", "made up part of the report": invented, a share of something
# said.
_OF_WHAT = re.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?of\s+(?:(?:the|its|their|his|her|a|an|this|that)\s+)?([a-z]+)\b"
)


# "Made up" in the passive also means "restored" or "compensated": "the lost lessons will be
# made up before Christmas", "the shortfall would be made up by the state", "hours lost to the
# strike are to be made up in June". A thing still to be made up is owed, not invented: a
# denial says a report *was* made up. So a future or modal passive ("will be", "would be",
# "to be") is never a verdict, nor a passive whose subject is a thing lost or owed (time,
# lessons, shifts, a shortfall, losses); "the report was made up", "it had been made up by
# bloggers", "the 300 deaths were made up" still are.
# A modal of doubt ("could", "may", "might") or a progressive ("are being made up as they go
# along") is suspicion of invention unless its subject is owed or it says "still": "the casualty
# figures are being made up", "the 1,300 figure could be made up" doubt them; "the shortfall
# could be made up by imports", "classes missed may still be made up" do not (rev18c).
_OWED_PASSIVE = re.compile(
    r"\b(?:will|would|can|must|should|shall|to|(?:could|may|might)\s+still)\s+"
    r"(?:[a-z]+ly\s+)?be\s+(?:[a-z]+ly\s+)?$"
    r"|\b(?:lost|missed|cancelled|canceled|owed|time|hours|days|weeks|lessons|classes|lectures|"
    r"shifts|sessions|shortfall|deficit|gap|losses|ground|arrears)\s+(?:[a-z]+\s+){0,4}?"
    r"(?:(?:could|may|might|will|would|can|must|should)\s+(?:still\s+)?be|"
    r"(?:is|are|was|were)\s+(?:still\s+)?being|"
    r"(?:has|have|had)\s+been|was|were|is|are|be|been)\s+(?:[a-z]+ly\s+)?$"
)


def _made_up_of(low: str, end: int) -> bool:
    """Whether "made up" ending at `end` means "consisted of", "accounted for" or
    "compensated" (`_MADE_UP_OF`, `_OWED_PASSIVE`), not "invented"."""
    if _OWED_PASSIVE.search(low, max(0, end - 48), end - len("made up")):
        return True
    if not _MADE_UP_OF.match(low, end):
        return False
    of = _OF_WHAT.match(low, end)
    return of is None or of.group(1) not in _SAID_NOUNS


# "False" and "fake" before a noun that names a thing describe the thing, forged or mistaken,
# and judge nothing said: "a false alarm", "travelling on false passports", "flying false
# flags", "fake refund websites". Before a noun of something said ("false reports", "fake
# news", "a fake video") or anything else ("false and alarming", "false, the ministry said")
# they are the speaker's verdict.
_THING_ADJECTIVES = frozenset({"false", "fake"})
_NOUN_PHRASE = re.compile(r" ([a-z]+)\b(?: ([a-z][a-z-]*)\b)?(?: ([a-z][a-z-]*)\b)?")
_NO_NOUN = frozenset(
    {
        # words that are no noun after an adjective
        "and",
        "or",
        "but",
        "nor",
        "as",
        "by",
        "in",
        "on",
        "at",
        "to",
        "from",
        "for",
        "with",
        "of",
        "after",
        "before",
        "since",
        "when",
        "while",
        "because",
        "said",
        "says",
        "according",
        "the",
        "a",
        "an",
        "it",
        "they",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "yesterday",
        "today",
        "tonight",
        "last",
        "earlier",
        "again",
        "too",
        "also",
        "either",
        "now",
        "then",
        "even",
        "so",
        "yet",
        "if",
        "unless",
        "though",
        "although",
        "despite",
        "amid",
        "until",
        "which",
        "who",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)

_SAID_NOUNS = frozenset(
    {
        # nouns of something said, shown or counted: what a verdict judges
        "report",
        "reports",
        "reporting",
        "claim",
        "claims",
        "news",
        "information",
        "figure",
        "figures",
        "statement",
        "statements",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "account",
        "accounts",
        "story",
        "stories",
        "data",
        "number",
        "numbers",
        "count",
        "counts",
        "estimate",
        "estimates",
        "total",
        "toll",
        "video",
        "videos",
        "post",
        "posts",
        "picture",
        "pictures",
        "image",
        "images",
        "photo",
        "photos",
        "footage",
        "narrative",
        "narratives",
        "assertion",
        "assertions",
        "impression",
        "message",
        "messages",
        "testimony",
        "evidence",
        "propaganda",
        "reading",
        "readings",
        "results",
        "statistics",
        "tally",
        "tweet",
        "tweets",
        "headline",
        "headlines",
        "screenshot",
        "screenshots",
        "article",
        "articles",
        "quote",
        "quotes",
        "poll",
        "polls",
        "survey",
        "tolls",
        "totals",
        "release",
        "releases",
    }
)


def _of_a_thing(low: str, end: int) -> bool:
    """Whether "false" or "fake" ending at `end` stands before a noun naming a thing (or a
    word ending in -ly, "false, completely", is no noun either). The noun may be the head of
    a compound, a word or two on: "false casualty figures", "fake social media posts", "false
    Western propaganda" are of something said; "fake login pages", "false fire alarm" of a
    thing."""
    m = _NOUN_PHRASE.match(low, end)
    if m is None:
        return False
    first, *more = (word for word in m.groups() if word)
    if first in _NO_NOUN or first in _SAID_NOUNS or first.endswith("ly"):
        return False
    for word in more:
        if word in _NO_NOUN:
            break
        if word in _SAID_NOUNS:
            return False
    return True


# "Wrong to" and a verb judges an act, not a statement: "the strikers were wrong to walk out".
# Saying, claiming, believing or counting is a statement: "was wrong to say 300 had died",
# "was wrong to allege", "were wrong to have reported" still refute; so does any verb with a
# that-clause right after it ("were wrong to hint that 8,000 would be evacuated"; not "wrong
# to leave that night").
_WRONG_FORMS = frozenset({"was wrong", "were wrong", "is wrong", "are wrong"})
_WRONG_TO_ACT = re.compile(
    r"\s+to\s+(?:have\s+)?(?!(?:have|say|said|claim|suggest|report|state|assert|put|estimate|count|"
    r"describe|call|publish|print|tell|told|announce|give|cite|quote|blame|allege|insist|assume|"
    r"conclude|predict|forecast|believe|think|imply|write|written|tweet|post|broadcast|speak|"
    r"spoken|talk|portray|characteri[sz]e|calculate|repeat|accuse|argue|declare|inflate|"
    r"exaggerate|overstate|understate|spread|circulate|warn)\w*\b)[a-z]+\b(?!\s+that\b)"
)


# "Deny" also means to refuse someone a thing: "detainees were beaten and denied water", "had
# been denied bail", "the army denied them access". Its object is then a thing withheld, its
# subject the one deprived; nothing said is judged. Read so when the cue is passive with an
# object after it ("were denied water", not "the reports were denied by the ministry" or "were
# denied on Monday"), or takes a person as its first object ("denied them access").
_DENY_FORMS = frozenset({"denied", "deny", "denies", "denying"})
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|gets|got|getting)\b")
_WORD_AFTER = re.compile(r"\s+([a-z][a-z'-]*)")
_NOT_WITHHELD = frozenset(
    {
        "by",
        "on",
        "in",
        "at",
        "as",
        "after",
        "before",
        "during",
        "since",
        "until",
        "when",
        "and",
        "or",
        "but",
        "that",
        "outright",
        "flatly",
        "firmly",
        "strongly",
        "repeatedly",
        "again",
        "immediately",
        "publicly",
        "officially",
        "vehemently",
        "categorically",
        "yesterday",
        "today",
        "last",
        "this",
        "earlier",
        "later",
        "it",
        "any",
        "all",
        "the",
        "these",
        "those",
        "such",
        "reports",
        "claims",
        "allegations",
        "rumours",
        "rumors",
    }
)
_DEPRIVED_PERSON = frozenset({"them", "him", "us", "me"})
_RELATIVE_WORDS = frozenset({"which", "who", "that"})
# What a denial, not a deprivation, takes as its object after "was accused and denied ..."
_DENIAL_OBJECTS = frozenset(
    {
        "wrongdoing",
        "involvement",
        "responsibility",
        "charges",
        "accusations",
        "knowledge",
        "having",
        "being",
        "ever",
        "everything",
        "anything",
        "claims",
        "reports",
    }
)


def _deprived(low: str, start: int, end: int) -> bool:
    """Whether the "denied" at `start`..`end` refuses someone a thing, not a statement."""
    after = _WORD_AFTER.match(low, end)
    if after is None:
        return False  # "the reports were denied.": a statement denied
    word = after.group(1)
    if word in _DEPRIVED_PERSON:
        return True  # "denied them access"
    if word in _NOT_WITHHELD or word in _DENIAL_OBJECTS:
        return False
    if _STATEMENT_BEFORE.search(low, max(0, start - 60), start):
        return False  # "the claim that 40 villagers were killed has been denied three times"
    before = _WORDISH.findall(low[max(0, start - 60) : start])[-6:]
    passive = [i for i, w in enumerate(before) if _PASSIVE_BEFORE.fullmatch(w)]
    # "were (beaten,) denied water"; not "the ministry, which was criticised, denied wrongdoing"
    return bool(passive) and not _RELATIVE_WORDS.intersection(before[: passive[-1]])


# "Disputes" and "disputed" are also a noun and an adjective: "a mediation service for future
# disputes at the port", "two disputes on two figures", "a disputed media law". The verb takes
# an object ("disputes the figure", "disputed the rest"); the noun is followed by a preposition
# or ends its phrase, and the adjective follows an article.
_DISPUTE_NOUN_FORMS = frozenset({"disputes", "disputed"})
_AFTER_DISPUTE_NOUN = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:at|over|with|between|on|off|in|about|among|within|involving|"
    r"and|or|that\s+(?:have|had|has|were|was|are|is)\b)"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$")


def _dispute_noun(low: str, m: re.Match[str]) -> bool:
    """Whether the cue "disputes"/"disputed" of `m` is a noun or an adjective, not the verb."""
    if _ARTICLE_BEFORE.search(low, max(0, m.start() - 5), m.start()):
        # "a disputed law", "the disputes"; but "the disputed toll of 41" doubts the toll
        return not (m.group(0) == "disputed" and _STATEMENT_AFTER.match(low, m.end()))
    return m.group(0) == "disputes" and bool(_AFTER_DISPUTE_NOUN.match(low, m.end()))


# A denial told as background, not as the story's news: the time a clause is set by ("a day
# after the company denied the report", "since the ministry called the figure false") or a
# perfect-tense relative clause on what it judges ("500 trucks a day, a figure the agency has
# called false"; "the report, which the ministry had denied"). What the sentence says now is
# its main clause's; the denial was made, and counted, before.
_TIME_CLAUSE = re.compile(
    r"\b(?:after|since|before)\s+(?:[\w'’.-]+\s+){1,5}?(?:(?:had|has|have)\s+)?"
    r"(?:(?:called|branded|labelled|labeled|declared)\s+(?:[\w'’.-]+\s+){0,5}?)?$"
)
_PERFECT_RELATIVE = re.compile(
    r",\s+(?:which|a|an|the)\s+(?:[\w'’.-]+\s+){0,6}?(?:has|have|had)\s+"
    r"(?:(?:already|since|previously|repeatedly|long)\s+)?"
    r"(?:(?:called|branded|labelled|labeled|declared|described)\s+(?:[\w'’.-]+\s+){0,4}?)?$"
)
_COPULA_WORD = re.compile(r"\b(?:was|were|is|are|be|been|being)\b")
_BACKGROUND_KEYS = ("after ", "since ", "before ", "has ", "have ", "had ")


# A denial inside a "who" or "whose" clause set off by commas describes a person or a body
# named before it, and the sentence's news is its main clause after the closing comma: "Roel,
# who last week called the group's figure false, said 7,400 were homeless", "Dahl, whose 'one
# million' claim the ministry called false, told reporters". The clause is supplementary, told
# to say who the speaker is, not what is reported now. Not a clause that ends the sentence
# ("she quoted the minister, who denied the report"), nor one that goes on with "and".
_WHO_CLAUSE = re.compile(r",\s+(?:who|whose)\s+(?:[^,;:!?]|,(?=\d))*$")
_MAIN_AFTER = re.compile(
    r"(?:[^,;:!?]|,(?=\d))*?,\s+(?!(?:and|but|or|saying|calling|adding|insisting|which|who|"
    r"while|as|although|though)\b)[a-z]"
)


# A who-clause's denial is background only where the sentence says so: the clause dates it
# ("who last week called ... false", "who in March rejected", "who had denied"), it is another's
# word on the person ("whose claim ... the bank called untrue"), or the main clause brings a
# figure of its own ("..., said 212 passengers had been rescued"). Otherwise the clause is the
# news told with its speaker: "Officials at the port, who denied that 14 terminals had been
# shut, said operations were normal"; "The caterer, who denies that 87 guests were poisoned, is
# due in court" (rev18c).
_WHO_DATED = re.compile(
    r"\b(?:last|earlier|previously|once|yesterday|ago|initially|at\s+first|in\s+(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r"|\d{4})|on\s+(?:"
    + "|".join(sorted(WEEKDAYS))
    + r"))\b"
)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:[a-z]+ly\s+)?$")
_WHOSE_OWN = re.compile(r",\s+whose\s+(?:[\w'-]+\s+){1,2}$")  # "whose spokesman denied"


def _told_before(low: str, start: int, at: int, main: int) -> bool:
    """Whether the who-clause from `start` (its cue at `at`, its main clause from `main`) tells
    its denial as background (`_WHO_DATED`)."""
    rest = low[main:]
    end = rest.find(";")
    if any(c.isdigit() for c in (rest if end < 0 else rest[:end])):
        return True
    if _WHO_DATED.search(low, start, main) or _HAD_BEFORE.search(low, start, at):
        return True
    clause = low[start:at]
    return clause.lstrip(", ").startswith("whose") and not _WHOSE_OWN.search(clause)


def _background(low: str, at: int) -> bool:
    """Whether the cue at `at` is a denial told as background (`_TIME_CLAUSE`,
    `_PERFECT_RELATIVE`), in the 70 characters before it, or inside a "who" clause between
    commas (`_WHO_CLAUSE`)."""
    if ", who" in low[max(0, at - 120) : at]:
        who = _WHO_CLAUSE.search(low, max(0, at - 120), at)
        main = _MAIN_AFTER.match(low, at) if who else None
        if who and main and _told_before(low, who.start(), at, main.end()):
            return True
    window = low[max(0, at - 70) : at]
    if not any(key in window for key in _BACKGROUND_KEYS):
        return False
    time = _TIME_CLAUSE.search(window)
    if time and not _COPULA_WORD.search(time.group(0)):
        return True  # not "had fled since the eruption was untrue": a clause judged, not a time
    return bool(_PERFECT_RELATIVE.search(window))


# "instead of keeping it open", "rather than selling the plant": a choice between two acts,
# not a figure set against another one ("10,000 to 20,000 instead", "rather than the 30,000").
_CHOICE_CUES = frozenset({"instead", "rather than"})
_ACTION_AFTER = re.compile(r"\s+(?:of\s+)?[a-z]{2,}ing\b")
# "rather than the 30,000 cited by", "instead of 14": a figure set against another. "Rather than
# the milder H5N8", "rather than to his ministry", "instead of heavy fuel oil", "every 30 minutes
# instead of every 10 minutes": other things.
_ALTERNATIVE = re.compile(r"(?<=rather than)|(?<=instead)\s+of\b")
_FIGURE_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:[^\s.;:,]+\s+){0,5}?(?:(?:us\$|\$|€|£)?\d(?:[\d,.]*\d)?(?!\d)"
    r"(?!\s*(?:minutes?|hours?|days?|weeks?|months?|years?|km|kilomet(?:re|er)s?|miles?|"
    r"met(?:re|er)s?|[ap]\.m\.)(?!\w))"
    r"|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|"
    r"thousands|dozens|million|billion|figures?|estimates?|counts?|toll|numbers?|totals?|tally|"
    r"forecasts?|projections?|claims?|reports?|official|officially)\b)"
)


# "Withdrew" retracts only a statement ("withdrew its report", "the figure was withdrawn"); money,
# goods and troops are withdrawn too ("savers withdrew €400m", "jars withdrawn from sale").
_WITHDRAW_CUES = frozenset({"withdrew", "withdrawn"})
_STATEMENT_NOUN = (
    r"(?:reports?|story|stories|article|claims?|figures?|estimates?|statements?|allegations?|"
    r"forecasts?|count|tally|toll|data|numbers?|remarks?|comments?|assessment|warning)"
)
_WITHDREW_STATEMENT = re.compile(
    r"\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,3}?"
    + _STATEMENT_NOUN
    + r"\b"
)
_STATEMENT_WITHDRAWN = re.compile(
    r"\b" + _STATEMENT_NOUN + r"\s+(?:\S+\s+){0,4}?(?:was|were|has been|have been|had been|"
    r"is|are|being)\s+(?:[a-z]+ly\s+)?$"
)


# "Questioned" doubts a statement ("questioned the figure", "questioned whether 30,000 had
# come", "the count was questioned"); people are questioned by police ("has questioned
# engineers", "the hostages had been questioned").
_QUESTION_CUES = frozenset({"questioned", "questions the"})
_QUESTIONED_STATEMENT = re.compile(
    r"\s+(?:whether|how|why|if\b|the\s+(?:accuracy|reliability|basis)\b|"
    r"(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,3}?"
    + _STATEMENT_NOUN
    + r"\b)"
)
# "a stretch of about 90 km": a length of river or road, not doubt ("that is a stretch").
_OF_AFTER = re.compile(r"\s+of\b")


def _questioned_statement(low: str, m: re.Match[str]) -> bool:
    """Whether what `m` ("questioned") doubts is a statement, not a person questioned."""
    end = m.end() if m.group(0) == "questioned" else m.start() + len("questions")
    return bool(
        _QUESTIONED_STATEMENT.match(low, end)
        or _STATEMENT_WITHDRAWN.search(low, max(0, m.start() - 60), m.start())
    )


def _withdrawn_statement(low: str, m: re.Match[str]) -> bool:
    """Whether what `m` ("withdrew", "withdrawn") takes back is a statement."""
    return bool(
        _WITHDREW_STATEMENT.match(low, m.end())
        or _STATEMENT_WITHDRAWN.search(low, max(0, m.start() - 60), m.start())
    )


# What is rejected or dismissed may be a request or a proposal, not a report: "rejected the
# opposition's appeal", "dismissed the lawsuit", "withdrew its bid". Only a statement can be
# refuted; rejecting criticism of one's own figure defends it ("rejecting police criticism of
# their count").
_ACT_OBJECT = re.compile(
    r"\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:appeals?|offers?|proposals?|bids?|requests?|motions?|bills?|applications?|"
    r"deals?|demands?|calls?|resignations?|candidac(?:y|ies)|petitions?|lawsuits?|suits?|"
    r"challenges?|amendments?|nominations?|invitations?|ultimatums?|budgets?|"
    r"settlements?|tenders?|troops|forces|staff|ambassadors?|envoys?|licen[cs]es?|"
    r"criticisms?|critics)\b"
)


def _describes_counted(low: str, at: int, cue: str = "") -> bool:
    """A cue word that describes the things a number counts: "48,700 rejected ballots",
    "48,700 ballots had been rejected as invalid"; not when the number is a report's ("reports
    of 4,000 casualties were rejected", "claims that 300 had fled were dismissed")."""
    if _AFTER_NUMBER.search(low, max(0, at - 20), at):
        return True
    passive = _PASSIVE_OF_COUNTED.search(low, max(0, at - 80), at)
    if passive is None or _RELATIVE.search(passive.group(0)):  # "300 lecturers who were ..."
        return passive is not None
    if _NAMED_BY_NUMBER.search(passive.group(0)):
        return False  # "the 2,000 figure was entirely made up": a statement named by its number
    window = max(0, passive.start() - 60), passive.start() + 1
    if _REPORTED.search(low, *window):
        return False
    # a that-clause with its own verb before the number: "claims that the harvest had failed
    # on 600,000 hectares were false". Only of a verdict word: "dismissed", "rejected" also
    # say what was done to the things counted, and the "that" may be a relative pronoun
    # ("figures that the ministry has published show 3,000 appeals were dismissed", "reports
    # that the plant had closed and 400 workers were dismissed")
    return cue in _ACTS_ON_COUNTED or not _REPORT_CLAUSE.search(low, *window)


# A count takes a plural noun ("2,000 workers were dismissed"); a number before a singular
# noun of something said names that statement by its number: "the 2,000 figure was made up",
# "the 440 report was staged", "its 30,000 estimate was rejected". What is judged is the
# statement, not things counted.
_NAMED_BY_NUMBER = re.compile(
    r"^\S*\s+(?:[a-z-]+\s+)?(?:figure|estimate|count|total|toll|tally|report|claim|story|number|"
    r"forecast|projection|statistic)\s+(?:(?:had|have|has)\s+(?:[a-z]+\s+)?been|were|was|"
    r"are|is|being)\b"
)
_ACTS_ON_COUNTED = frozenset({"dismissed", "rejected", "denied", "withdrawn", "retracted"})


# A cue word right after a number is a participle naming what is counted, not a denial:
# "48,700 rejected ballots", "some 300 disputed claims", "12 false alarms".
_PASSIVE_OF_COUNTED = re.compile(
    r"(?:\d|\b(?:hundred|thousand|million|billion|dozen))\s+(?:[a-z-]+\s+){1,3}?"
    r"(?:(?:had|have|has)\s+(?:[a-z]+\s+)?been|were|was|are|is|being)\s+(?:[a-z]+ly\s+)?$"
)  # "Some 610 officers have now been dismissed": an adverb may stand inside the tense
# The number is a report's when it stands in the report's own words: right after "reports of"
# or "claims that" ("claims that 300 had fled were dismissed"), or in a that-clause whose own
# verb comes before it ("claims that the harvest had failed on 600,000 hectares were false":
# what "were false" says is the claims, the clause's verb being "had failed").
_REPORT_NOUNS = (
    r"\b(?:reports?|claims?|rumou?rs?|allegations?|figures?|estimates?|suggestions?|"
    r"accounts?|posts?|stories|story)\s+"
)
_REPORTED = re.compile(_REPORT_NOUNS + r"(?:of|that)\s+(?:[^\s]+\s+){0,3}?\S*$")
_REPORT_CLAUSE = re.compile(
    _REPORT_NOUNS
    + r"that\s+(?:[^.;:,]|[.,](?=\d))*?\b(?:had|has|have|was|were|is|are|would|will|could|"
    r"might|may)\s(?:(?!\bthat\b)(?:[^.;:,]|[.,](?=\d)))*$"  # no second "that": "found that 40"
)
_RELATIVE = re.compile(r"\b(?:who|which|that)\b")
_AFTER_NUMBER = re.compile(r"(?:\d|\b(?:hundred|thousand|million|billion|dozen))\s+$")


# Where one clause of a sentence ends and another begins: "X dismissed claims that ... and
# declined to comment on the number evacuated" holds two statements.
_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:but|while|whereas|although|though)\s+|,\s+and\s+|\s+and\s+(?=(?:(?:again|"
    r"also|later|then|separately|repeatedly|once\s+more)\s+)?(?:said|says|"
    r"declined|refused|added|insisted|denied|called|dismissed|rejected|warned|promised|"
    r"repeated|urged|would|will|did|was|is)\b)",
    re.IGNORECASE,
)


def cue_clause(sentence: str, cue: str) -> str:
    """The clause of `sentence` that holds its (first, not negated) stance cue `cue`: what a
    refutation or a doubt without a number is about. The whole sentence when not found."""
    start, end = cue_clause_span(sentence, cue)
    return sentence[start:end]


def cue_reaches(sentence: str, cue: str, at: int) -> bool:
    """Whether the stance cue `cue` speaks of what stands at `at` (a figure's start): it does
    in its own clause, not in another clause of the sentence with its own verb ("said a report
    that Tervane lost €9bn was false, and repeated that about 410,000 depositors had money at
    the bank": the denial is of the €9bn, not of the 410,000)."""
    start, end = cue_clause_span(sentence, cue)
    return start <= at < end


@lru_cache(maxsize=1024)  # asked of one sentence's cue by several rules and judgements
def cue_clause_span(sentence: str, cue: str) -> tuple[int, int]:
    """Where `cue_clause` is in the sentence: (start, end); the whole sentence when not found."""
    low = sentence.lower().replace("’", "'")
    at = -1
    for m in re.finditer(_CUE_START + re.escape(cue.lower()) + _CUE_END, low):
        if not _negated(low, m.start()):
            at = m.start()
            break
    if at < 0:
        return 0, len(sentence)
    start, end, before = 0, len(sentence), 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start, before = m.end(), start
        elif m.start() > at:
            end = m.start()
            break
    if start and _BARE_VERDICT.match(low, start, end):
        return before, end  # "Hackers claim 2 million records; hospital says 'false'"
    return start, end


# A clause that is only a speaker's verdict ("hospital group says 'false'", "ministry calls it
# a lie") has no object of its own: it judges the clause before it.
_BARE_VERDICT = re.compile(
    r"\s*(?:[\w'’.-]+\s+){0,5}?(?:says?|said|calls?\s+(?:it|them|this|that)|"
    r"called\s+(?:it|them|this|that))\s+[\"'‘“]*(?:[a-z]+ly\s+)?[\w ]{2,20}?[\"'’”]*[.!]?\s*$"
)


_NON_COMMITTAL = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(p) for p in NON_COMMITTAL) + r")(?![\w])", re.IGNORECASE
)


# Every non-committal phrase holds its longest word: an ASCII text holding none of them
# (lower-cased) holds no such phrase, and the blanking need not run.
_NON_COMMITTAL_KEYS = tuple(sorted({max(p.lower().split(), key=len) for p in NON_COMMITTAL}))


# Both kinds of cue, for one search that says whether a sentence holds any: a cue that
# `_cue_regex` of its own kind finds at a position is a candidate here at the same position.
_STANCE_CUES = tuple(dict.fromkeys(REFUTE_CUES + DISPUTE_CUES))
# Whether `_cue_regex(_STANCE_CUES)` finds a cue in a text, asked of the text after a space: the
# character before the cue is matched instead of `(?<![\w])` looking back at it, and a pattern
# opening with a character class lets `re` pass over the other characters in one loop.
_ANY_STANCE_CUE = re.compile(r"[^\w](?:" + trie_pattern(_STANCE_CUES) + r")(?![\w])")


# "Rejected the organisers' figure as exaggerated": what is rejected is called too high, which
# is doubt (README rule 4), not a denial; "dismissed the report as a fabrication" denies it.
_REJECT_CUES = frozenset(
    {"rejected", "dismissed", "rejects", "dismisses", "rejecting", "dismissing"}
)
_AS_DOUBT = re.compile(
    r"\b(?:rejected|dismissed|rejects|dismisses|rejecting|dismissing)\b[^.;:]{0,100}?\bas\s+"
    r"(?:(?:greatly|wildly|grossly|hugely|vastly|far|much|heavily|an?)\s+)*"
    r"(?:exaggerated|inflated|overstated|understated|overestimated|underestimated|too high|"
    r"too low|exaggeration|overestimate|underestimate)\b"
)


# A verdict of falsity a speaker gives a report, in its own words and often quoted: "said the
# Pulse 7 report of 440 bodies was 'staged'", "called the figure 'ridiculous'", "the claim was
# 'simply wrong'". The quotation marks mark the speaker's words, not a doubt of them; the verdict
# is the speaker's. Read only of a statement (a report, a claim, a figure, a video), the subject
# of "was" or the object of "called", with intensifiers between, and never negated ("the video
# was not staged"): "a protest was staged outside" judges nothing.
_STATEMENT_NOUNS = (
    r"(?:reports?|claims?|figures?|estimates?|counts?|tally|toll|stor(?:y|ies)|accounts?|"
    r"allegations?|rumou?rs?|videos?|footage|photo(?:graph)?s?|pictures?|images?|posts?)"
)
_DIGIT = re.compile(r"\d")
_COUNT_NOUN = re.compile(r"\b(?:figures?|estimates?|counts?|tally|toll)\b")
_STATEMENT_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+)?" + _STATEMENT_NOUNS + r"\b")
_STATEMENT_BEFORE = re.compile(r"\b" + _STATEMENT_NOUNS + r"\b")
_INTENSIFIED = (
    r"[\"'“‘]?(?:(?:simply|completely|totally|entirely|utterly|plainly|clearly|just|pure|all|"
    r"absolutely|quite|a|an|a\s+work\s+of)\s+)*[\"'“‘]?"
    r"(?:staged|fiction|wrong|absurd|ridiculous)(?![\w-])"
)
_VERDICT = re.compile(
    r"\b"
    + _STATEMENT_NOUNS
    + r"\b[^.;:!?\"“]{0,80}?\b(?:was|were|is|are|been|being|as)\s+"
    + _INTENSIFIED
    + r"|\bcall(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,5}?"
    + _STATEMENT_NOUNS
    + r"(?:\s+[^\s\"“]+){0,5}?\s+"  # "called the figure of 90,000 hectares 'absurd'"
    + _INTENSIFIED
)


def _verdict(low: str) -> str:
    """The verdict of falsity `low` gives a statement (`_VERDICT`), or ""."""
    if not (
        "wrong" in low
        or "staged" in low
        or "fiction" in low
        or "absurd" in low
        or "ridiculous" in low
    ):
        return ""  # most sentences: none of the verdict words
    m = _VERDICT.search(low)
    if m is None:
        return ""
    said = m.group(0)
    if not _DIGIT.search(said) and not _COUNT_NOUN.search(said) and _DIGIT.search(low):
        # "the photos were 'staged'; police said 41 were killed": a verdict on another statement
        # than the sentence's figure (not "called the union's count 'ridiculous', saying 1,100")
        return ""
    verdict: str = _WORDISH.findall(m.group(0))[-1]  # the match ends at the verdict
    return verdict


# To deny an accusation against a count defends the count: "rejecting suggestions that the
# count had been massaged", "denied that its figures were inflated", "dismissed claims that the
# ministry had manipulated the data", "rejected accusations of fiddling the figures". What is
# denied is the tampering, not the figure; the count stands. The denial and the accusation are
# read as neither refutation nor doubt ("exaggerated" in them is no doubt of the speaker's).
_TAMPERED = (
    r"(?:massag|manipulat|inflat|fiddl|rigg|doctor|falsif|fabricat|cook|tamper|padd|exaggerat|"
    r"overstat|understat|deflat|distort|fudg|fak|underreport|overreport|undercount|overcount)"
    r"[a-z]*"
)
# Straight after the denial only a gerund is an act denied ("denied inflating the figures"); a
# participle there is the denier's own word for the count ("dismissed exaggerated figures of 40
# trapped miners" refutes them, rev18c).
_TAMPERED_ING = _TAMPERED[: -len("[a-z]*")] + "[a-z]*ing"
_COUNTS = (
    r"(?:counts?|figures?|data|tolls?|tally|tallies|numbers?|statistics|stats|results?|totals?|"
    r"estimates?|books|records|register|list)"
)
_DEFENCE = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses|"
    r"dismiss|dismissing|refuted|refutes|refuting)\s+"
    r"(?:(?:the\s+|any\s+|all\s+)?(?:[\w'-]+\s+){0,2}?(?:claims?|suggestions?|allegations?|"
    r"accusations?|reports?|charges?|criticism|rumou?rs?)\s+)?"
    r"(?:that\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|any\s+|official\s+)?"
    r"(?:[\w'-]+\s+){0,3}?" + _COUNTS + r"\s+(?:\S+\s+){0,3}?"
    r"(?:had|has|have|were|was|is|are|been|being|would\s+be)\s+(?:been\s+)?(?:[a-z]+ly\s+)?"
    + _TAMPERED
    + r"|(?:(?:that\s+(?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){1,2}?"
    r"(?:had\s+|has\s+|have\s+)?|of\s+|having\s+)"
    + _TAMPERED
    + r"|"
    + _TAMPERED_ING
    + r")\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|any\s+)?(?:[\w'-]+\s+){0,2}?"
    + _COUNTS
    + r")\b"
)
_TAMPER_KEYS = (
    "massag",
    "manipulat",
    "inflat",
    "fiddl",
    "rigg",
    "doctor",
    "falsif",
    "fabricat",
    "cook",
    "tamper",
    "padd",
    "exaggerat",
    "overstat",
    "understat",
    "deflat",
    "distort",
    "fudg",
    "fak",
    "underreport",
    "overreport",
    "undercount",
    "overcount",
)


def _defences_blanked(low: str) -> str:
    """`low` with each denial of an accusation against a count (`_DEFENCE`) blanked out."""
    if not any(key in low for key in _TAMPER_KEYS):
        return low
    return _DEFENCE.sub(lambda m: " " * len(m.group(0)), low)


def cue_stance(sentence: str) -> tuple[Stance, str]:
    """The stance its words carry, whatever the claim: refutes, disputes or neutral.

    "Did not confirm or deny" takes no side: it is blanked out before the cues are read, and so
    is a denial of an accusation against a count (`_DEFENCE`).
    """
    low = sentence.lower()
    if not sentence.isascii() or any(key in low for key in _NON_COMMITTAL_KEYS):
        sentence = _NON_COMMITTAL.sub(lambda m: " " * len(m.group(0)), sentence)
        low = sentence.lower()
    low = low.replace("’", "'")
    if not _ANY_STANCE_CUE.search(" " + low):
        verdict = _verdict(low)
        return (_REFUTES, verdict) if verdict else (_NEUTRAL, "")
    low = _defences_blanked(low)
    verdict = _verdict(low)
    if not _ANY_STANCE_CUE.search(" " + low):
        if verdict:
            return _REFUTES, verdict
        return _NEUTRAL, ""  # no cue of either kind, in one pass instead of two
    cue = _find_cue_low(low, REFUTE_CUES)
    if cue and not (cue in _REJECT_CUES and _AS_DOUBT.search(low)):
        return _REFUTES, cue
    if verdict:
        return _REFUTES, verdict
    cue = _find_cue_low(low, DISPUTE_CUES)
    if cue:
        return _DISPUTES, cue
    return _NEUTRAL, ""


def stance_of(claim_text: str, sentence: str) -> tuple[Stance, float, str]:
    """(stance, score 0..1, evidence) of `sentence` towards the claim stated by `claim_text`."""
    score = similarity(masked(claim_text), masked(sentence))
    claimed = [f for f in extract_figures(claim_text) if f.counted]
    same: list[tuple[Figure, Figure]] = [
        (figure, reference)
        for figure in extract_figures(sentence)
        for reference in claimed
        if frame_compatible(figure, reference, score)
    ]
    if same:
        score = max(score, FRAME_SCORE + 0.1 * frame_agreement(*same[0]))
    if score < RELATED:
        return _UNRELATED, score, ""
    stance, cue = cue_stance(sentence)
    if stance is not _NEUTRAL:
        return stance, score, cue
    if same:
        figure, reference = same[0]
        agrees = figures_agree(figure, reference)
        return (_SUPPORTS if agrees else _DISPUTES), score, figure.text
    return _NEUTRAL, score, ""


_MOVED_TO = re.compile(
    r"\b(?:rose|risen|rises|rising|rise|raised|raises|raising|climbed|climbs|climbing|"
    r"increased|increases|jumped|grew|grown|grows|fell|fallen|falls|dropped|drops|lowered|"
    r"lowers|revised|revises|reached|reaches|brought|brings|bringing|pushed|corrected|updated|"
    r"cut|cuts|put|puts|went|gone|soared|surged|doubled|tripled|swelled|edged)\b[^.;:,]{0,80}?"
    r"(?<!up )(?<!close )(?<!compared )(?<!due )(?<!next )\bto\s+"
    r"(?:(?:about|around|some|roughly|approximately|nearly|almost|more than|over|"
    r"at least|just over|just under|an estimated)\s+)?(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)


def moved_to(text: str, figure: Figure) -> bool:
    """ "raised the death toll from the Brova earthquake to 131", "rose from 85 to 131": the
    figure a count moved to, the new value, whatever "from" came before it."""
    start = figure.span[0]
    return bool(_MOVED_TO.search(text, max(0, start - 120), start))


def is_old_value(text: str, figure: Figure) -> bool:
    """The old value a new statement is measured against ("up from 4,000", "rather than the
    30,000"), and not the value a count moved to."""
    start = figure.span[0]
    if _MEASURED_AGAINST.search(text, max(0, start - 60), start):
        return True  # "against a forecast of 3.4 million tonnes": the reference point
    if _left_unanswered(text, start):
        return True  # "refused to be drawn on reports that 22,000 ...": nobody's figure here
    return (
        is_baseline_mention(text, figure)
        and not moved_to(text, figure)
        and not _whence(text, figure)
    )


# A report its speaker will not speak to: "refused to be drawn on reports that Varnia would send
# 22,000 more troops", "declined to comment on claims of 300 dead", "would not confirm reports
# that". The figure is the report's, mentioned to say it went unanswered: the speaker does not
# give it, and the sentence names nobody who does.
_UNANSWERED = re.compile(
    r"\b(?:refused|refuses|refusing|declined|declines|declining|would\s+not|wouldn't|"
    r"did\s+not|didn't|could\s+not|couldn't|will\s+not|won't)\s+(?:to\s+)?"
    r"(?:be\s+drawn\s+(?:on|into)|comment\s+on|confirm(?:\s+or\s+deny)?|address|discuss|"
    r"respond\s+to|speculate\s+on)\s+(?:the\s+|those\s+|these\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:reports?|claims?|rumou?rs?|suggestions?|speculation|accounts?)\s+(?:that|of|about)\b"
    r"[^.;:]*$"
)


def _left_unanswered(text: str, start: int) -> bool:
    """Whether the figure at `start` is in a report its speaker would not speak to."""
    window = text[max(0, start - 160) : start]
    if (
        "efus" not in window
        and "eclin" not in window
        and "not" not in window
        and "n't" not in window
    ):
        return False  # most windows: no refusal ("refused", "declined", "would not")
    return bool(_UNANSWERED.search(window.lower()))


_MEASURED_AGAINST = re.compile(
    r"\b(?:against|versus|vs\.?)\s+(?:a|an|the|its|their|last\s+\w+'s)?\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:forecast|estimate|projection|prediction|expectation|target|figure|average|total)s?"
    r"\s+of\s+(?:about\s+|around\s+|some\s+|up to\s+)?(?:US\$|\$|€|£)?$",
    re.I,
)


_BARE_FROM = re.compile(r"(?<!up )(?<!down )\bfrom\s+$", re.I)
_NOUN_NOT_TO = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?[a-z-]{3,}s\b(?![^.;]{0,30}?\bto\s+(?:\S*\d))")


def _whence(text: str, figure: Figure) -> bool:
    """ "from 214 polling stations", "evacuated from four villages": where people or things
    come from, a place counted, not an old value: a bare "from" right before a number that
    counts its own noun, with no "to" and a new number after it ("from 11 to 7")."""
    start, end = figure.span
    return bool(_BARE_FROM.search(text, max(0, start - 8), start)) and bool(
        _NOUN_NOT_TO.match(text, end)
    )


def framed_as_update(text: str, figures: list[Figure]) -> bool:
    """An update: said so ("now", "corrected"), measured against an old value ("up from 14",
    "more than the earlier estimate of"), or adding to one ("a further 800,000")."""
    return bool(find_cue(text, UPDATE_CUES)) or any(
        is_old_value(text, f) or is_increment(text, f.span[0]) for f in figures
    )


_REVISED_BASELINE = re.compile(
    r"\b(?:up from|down from|from)\s+(?:the\s+|its\s+|an?\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:earlier|previous|first|initial|original|corrected|revised)(?:\s+[\w'’-]+){0,3}\s+"
    r"(?:of\s+)?(?:up to\s+|about\s+)?(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)


def framed_as_revision(text: str, figures: list[Figure], old: Sequence[bool] | None = None) -> bool:
    """A revision, whoever gives it: said so ("corrected", "revised", "up from"), adding to an
    old value ("a further 800,000"), or measured against an earlier one ("more than the
    corrected 21,000", "analysts' earlier estimate of"). A contrast with another source's
    value ("rather than the 30,000", "above the official figure of") is not one. `old`, when
    given, is `is_old_value` of each figure, already known."""
    if _cue_regex(REVISION_CUES).search(text.lower()):  # "not 38,000 as first reported"
        return True
    for i, figure in enumerate(figures):
        start = figure.span[0]
        if is_increment(text, start):
            return True
        was = is_old_value(text, figure) if old is None else old[i]
        if was and _REVISED_BASELINE.search(text, max(0, start - 50), start):
            return True
    return False


def against_old_value(text: str, figures: list[Figure], old: Sequence[bool] | None = None) -> bool:
    """A figure measured against an older one ("more than the estimate of up to $2m", "well
    above the official figure of 18,000"): an update when it comes later, a dispute when it
    comes from another source at the same time. `old`, when given, is `is_old_value` of each
    figure, already known."""
    if old is None:
        return any(is_old_value(text, f) and not _owned(text, f) for f in figures)
    return any(was and not _owned(text, f) for f, was in zip(figures, old, strict=True))


_OWNED_BEFORE = re.compile(
    r"\b(?:not|official)\b[^,;]*$|\w['’]s?\s+(?:\w+\s+)?(?:figure|estimate|count|tally|forecast)\b"
    r"[^,;]*$",
    re.IGNORECASE,
)
_OWNED_AFTER = re.compile(
    r"[^,;.]{0,30}?\b(?:reported|cited|given|forecast|estimated|claimed)\s+by\b", re.IGNORECASE
)


def _owned(text: str, figure: Figure) -> bool:
    """An old value that belongs to another source ("not the 25% reported by the operator",
    "the official figure of 18,000", "the union's figure of 42,000"): a contrast, not a
    revision."""
    start, end = figure.span
    return bool(
        _OWNED_BEFORE.search(text, max(0, start - 50), start) or _OWNED_AFTER.match(text, end)
    )


# A denial its speaker says is not new: "again denied", "repeated on Monday that reports ...
# were not true", "has already called the report false". README rule 2: the same source
# repeating its denial gives nothing the second time.
# The adverb says the denial is repeated only where it goes with the verb of saying or
# judging (or is the cue's own: "again denied"), not with a verb of the thing denied: "a
# report that 1 million had already crossed was untrue" is a first denial of a crossing.
_SAYS_OR_JUDGES = (
    r"(?:said|says|told|tells|called|calls|denied|denies|rejected|rejects|dismissed|dismisses"
    r"|described|describes|branded|brands|insisted|insists|stated|states|found|finds|refuted"
    r"|refutes|labelled|labels|labeled|maintained|maintains|dubbed|termed|declared|declares"
    r"|ruled|rules|disputed|disputes|contested|contests)"
)
# The adverb may stand apart from its verb: "again flatly denied", "once more strongly
# rejected", "again on Monday denied", "repeatedly and firmly denied", "said again that".
_AGAIN = re.compile(
    r"\b(?:again|once more|already|repeatedly)\s+(?:(?:has|have|had|been)\s+)?"
    r"(?:(?:[a-z]+ly|and|on\s+[a-z]+|this\s+week|today|yesterday)\s+){0,3}?"
    + _SAYS_OR_JUDGES
    + r"\b|\b"
    + _SAYS_OR_JUDGES
    + r"\s+(?:again|once\s+more)\b"
)
# A report's own that-clause, open (no comma since) where the adverb stands: "claims that
# inspectors had again found 300 faults were false": the adverb is the report's, its verb
# the thing denied (which is no verb of saying or judging only by luck: found, called, told).
_IN_REPORT_CLAUSE = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|stories|story|accounts?|"
    r"posts?|figures?|estimates?)\s+that\b[^,;:]*$"
)
# Or a relative clause set off by commas ("Fire chiefs, who have repeatedly said the fire was
# under control, denied that 8,000 were evacuated"), or a verb whose own clause ends before a
# subordinate one holds the cue ("had already told reporters the toll was 40 when it denied
# that 300 had died"): a first denial, the adverb another statement's.
_IN_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;:]*$")
_SUBORDINATE = re.compile(
    r"\b(?:when|after|before|because|since|while|until)\s+(?:it|they|he|she|we|i)\b[^,;:]*$"
)
_REPEATED_THAT = re.compile(
    r"\b(?:repeated|reiterated|restated|repeats|reiterates|restates)\b"
    r"(?:\s+on\s+[a-z]+)?\s+(?:that|its|their|his|her)\b"
)


def repeats_denial(sentence: str, cue: str) -> bool:
    """Whether the refutation `cue` of `sentence` is said to be a repeated one: "again" or
    "already" with the verb that says or judges, before the cue in its clause ("again said the
    report was untrue", "again flatly denied", "said again", not "a report that 1 million had
    already crossed was untrue" nor "claims that inspectors had again found 300 faults were
    false": the adverb in the report's own words), "denied again", or "repeated that ... was
    false"."""
    start, end = cue_clause_span(sentence, cue)
    low = sentence[start:end].lower().replace("’", "'")
    at = _cue_at(low, cue)
    if at < 0:
        return False
    before = low[:at]
    return bool(
        any(
            m.end() >= at + len(cue)
            or not (
                _IN_REPORT_CLAUSE.search(low, 0, m.start())
                or _IN_RELATIVE.search(low, 0, m.start())
                or _SUBORDINATE.search(low, m.end(), at)
            )
            for m in _AGAIN.finditer(low, 0, at + len(cue) + 1)
        )
        or _REPEATED_THAT.search(before)
        or re.match(r"\s+again\b", low[at + len(cue) :])
    )


def _cue_at(low: str, cue: str) -> int:
    """Where the first cue `cue` that is not negated stands in `low`; -1 when nowhere."""
    for m in re.finditer(_CUE_START + re.escape(cue.lower()) + _CUE_END, low):
        if not _negated(low, m.start()):
            return m.start()
    return -1


# The cues that are verbs taking what they deny as their object ("denied that ...", "dismissed
# reports of ..."); the others judge a subject before them ("reports that ... were not true").
_DENIAL_VERBS = frozenset(
    {
        "denied",
        "denies",
        "deny",
        "denying",
        "dismissed",
        "dismisses",
        "dismissing",
        "rejected",
        "rejects",
        "rejecting",
        "refuted",
        "refutes",
        "refuting",
        "debunked",
        "debunks",
        "retracted",
        "retracts",
        "retract",
    }
)
# The cues that say nothing backs what follows them: "found no evidence that aid had been
# diverted", "had no information about plans to ...", "no truth in reports that ...".
_ABSENCE_CUES = frozenset(
    {"no information", "no evidence", "no confirmation", "no truth", "no basis", "no plans"}
)
# What carries a proposition: "reports that", "a claim of", "rumours about", "claims its ...".
_CARRIER = re.compile(
    r"\b(?:reports?|claims?|claiming|rumou?rs?|allegations?|suggestions?|accounts?|posts?|"
    r"stor(?:y|ies)|articles?|videos?|footage|assertions?)\b"
    r"(?:\s+(?:that|of|about|showing|claiming)\b)?\s*"
    r"|\bthat\s+",
    re.IGNORECASE,
)
# Where the denied proposition ends: the speaker's own words after it (", saying the plant was
# working normally", ", calling the report a rumour").
_AFTER_PROPOSITION = re.compile(
    r",\s+(?:saying|calling|adding|citing|insisting|arguing|describing|rejecting|denying|"
    r"dismissing|pointing)\b",
    re.IGNORECASE,
)


def denied_proposition(sentence: str, cue: str) -> str:
    """What a refutation without a figure says is untrue, in its own words: the object of a
    denying verb ("denied that police had used live rounds" -> "police had used live rounds")
    or the report judged false ("reports that negotiators had paid the gunmen were not true"
    -> "negotiators had paid the gunmen"). The cue's clause when neither is found."""
    start, end = cue_clause_span(sentence, cue)
    clause = sentence[start:end]
    at = _cue_at(clause.lower().replace("’", "'"), cue)
    if at < 0:
        return clause
    if cue.lower() in _DENIAL_VERBS or cue.lower() in _ABSENCE_CUES:
        said = clause[at + len(cue) :]
        carrier = _CARRIER.search(said, 0, 60)
        if carrier:
            said = said[carrier.end() :]
    else:
        said = clause[:at]
        carriers = list(_CARRIER.finditer(said))
        nouns = [m for m in carriers if not m.group(0).lower().startswith("that")]
        if nouns or carriers:
            said = said[(nouns or carriers)[-1].end() :]
    stop = _AFTER_PROPOSITION.search(said)
    return said[: stop.start()] if stop else said
