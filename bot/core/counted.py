"""What kind a figure counts: the noun after or before it, "the number of ...", crowds, items."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.core.lexicon import (
    COUNTED,
    FUNCTION_WORDS,
    HEAD_NOUNS,
    MEASURE_UNITS,
    PEOPLE_EVENTS,
    PEOPLE_KINDS,
    ROLE_KINDS,
)
from bot.core.phrases import Hit
from bot.core.quantity import _AMOUNT_WORDS, _NOT_NOUNS, TAKEN_ON, person_after, posts_after

_MAX_GAP_WORDS = 4
_PUNCTUATION = re.compile(r"[,.;:()]")  # what ends a noun phrase
_STOPS = re.compile(r"[.;:()]")  # the same, a comma allowed


_CASUALTY_GAP = re.compile(
    r"^\s*(?:of\s+(?:them|whom|those|these)\s+)?"
    r"(?:(?:have|has|had|were|was|been|being|are|is|reportedly|already|so|far|now|who|still|"
    r"feared|believed|thought|reported|remain|remained|remaining|confirmed|found|declared|"
    r"presumed|listed(?:\s+as)?|officially|known|to|be|likely|probably|all|more|may|might|could|"
    r"told|ordered|forced|staying|sleeping|living)\s+)*"
    # excess deaths ("1,100 more people than usual have died"); a stay ("spent Thursday in")
    r"(?:than\s+(?:usual|normal|expected|average)\s+(?:(?:have|had|has)\s+)?)?"
    r"(?:spent\s+(?:the\s+)?(?:night|nights|day|days|weekend|[A-Za-z]+day)\s+)?"
    r"(?:among\s+(?:the|those)\s+)?$"  # "Eleven children were among those killed"
)
# Words that end the number's noun phrase: "36 after strikers blocked" does not count strikers.
_GAP_BREAK = re.compile(
    r"\b(?:after|before|when|while|because|since|following|during|until|as|than|if|in|on|at|"
    r"for|by|from|with|who|which|that)\b",
    re.I,
)


# A bare number and the place its people are in, before what they need or suffer: "1.4
# million in Sorrin need food aid".
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’-]*\s+$")


def _words(text: str) -> int:
    return len(text.split())


# People "held" with no object after it are in custody: "Over 4,000 held as the sweep widens",
# "some 5,600 now held over the plot", "4,200 people held since Saturday", "1,240 rounded up";
# "held a rally", "held talks", hostages held and those "held by the gunmen" are other things, as
# are "45 were held on Saturday" (rallies) and "held on for days" (second read, round 15).
_HELD = re.compile(
    r"\s+(?:(?:are|were|is|was|have|has|had|been|being|now|still|reportedly|remain|remained)\s+)*"
    r"(?:rounded\s+up\b|held(?=\s+(?:since|over|as|in|at|for|without|after|until|under|"
    r"incommunicado|across|pending)\b))"
)


# People whose relative clause says they died are the dead: "two people who had been taken from
# the motorway to hospital died of hypothermia", "12 climbers who were caught in the avalanche
# have died"; not "300 people who saw the crash", "people who lost relatives" nor "people who
# saw the man who died".
_WHO_DIED = re.compile(
    r",?\s+who\s+(?:(?:(?!\b(?:who|whose|that|nearly|almost|narrowly|say|says|said|their)\b)[^,;:.]){0,80}?\s)?(?:(?:have|has|had)\s+(?:since\s+|later\s+)?died|"
    r"died|were\s+killed|was\s+killed|have\s+been\s+killed|had\s+been\s+killed)\b"
)


def _counted_after(sentence: str, counted: list[Hit], end: int, hi: int) -> tuple[str | None, int]:
    """The counted noun after the number, with a casualty cue overriding a people noun, people
    held in custody (`_HELD`) counted as the arrested, and posts to fill as jobs (`_POSTS`)."""
    posts = posts_after(sentence, end, hi)
    if posts is not None:
        return "jobs", posts
    names = _NAMES.match(sentence, end, hi)
    if names is not None:
        return _listed(sentence, counted, end), names.end()
    kind, noun_end = _counted_noun(sentence, counted, end, hi)
    if kind in (None, "people"):
        head_end = noun_end if kind else _item_noun(sentence, end, hi) or end
        taken_on = TAKEN_ON.match(sentence, head_end, hi)
        if taken_on is not None:
            return "jobs", head_end  # "41,500 temporary enumerators were taken on"
    if (
        kind in (None, "people")
        and _HELD.match(sentence, noun_end, hi)
        and "hostage" not in sentence[end:noun_end]
    ):
        return "arrested", noun_end
    if kind == "people" and noun_end > end and _WHO_DIED.match(sentence, noun_end, hi):
        return "killed", noun_end  # "two people who had been taken to hospital died"
    return kind, noun_end


# Names on a list count whom the list is of: "its list of the dead now held 24 names", "the
# register of residents who disappeared lists 1,482 names", "the list of missing passengers now
# holds 57 names"; "52 names of residents" count the residents.
_NAMES = re.compile(r"\s+names\b(?!\s+of\b)")  # "52 names of residents": the residents
_LIST_WORD = re.compile(r"\b(?:lists?|registers?|rolls?|database|petition|tally)\b")
_WENT_MISSING = re.compile(
    r"\b(?:who|that)\s+(?:have\s+|had\s+)?(?:disappeared|vanished|went\s+missing)\b"
)


def _listed(sentence: str, counted: list[Hit], end: int) -> str | None:
    """What a number of names counts: the kind of the list they are on, told by the role or the
    people noun between the list word and the number ("list of the dead" -> killed, "register
    of residents who disappeared" -> missing, "list of staff" -> people); None when the list
    names no kind the lexicon knows ("the cut list runs to 8,000 names") or no list is said."""
    low = sentence.lower()
    words = list(_LIST_WORD.finditer(low, max(0, end - 160), end))
    if not words:
        return None
    at = words[0].start()  # "its register of ... now lists 1,482 names": the noun, not the verb
    between = [h for h in counted if at <= h.start and h.end <= end]
    roles = [h.value for h in between if h.value in ROLE_KINDS]
    if roles:
        return roles[-1]
    if _WENT_MISSING.search(low, at, end):
        return "missing"
    people = [h.value for h in between if h.value in PEOPLE_KINDS]
    return people[-1] if people else None


def _counted_noun(sentence: str, counted: list[Hit], end: int, hi: int) -> tuple[str | None, int]:
    """The counted noun after the number, with a casualty cue overriding a people noun."""
    first: Hit | None = None
    for hit in counted:
        if hit.start < end or hit.start >= hi:
            continue
        gap = sentence[end : hit.start]
        if hit.value in ROLE_KINDS and _CASUALTY_GAP.match(gap):
            first = hit
            break
        if (
            _words(gap) <= _MAX_GAP_WORDS
            and not _PUNCTUATION.search(gap)
            and (not _GAP_BREAK.search(gap) or _IN_PLACE.match(gap))
        ):
            first = hit
            break
        return _person(sentence, counted, end, hi)
    if first is None:
        return _person(sentence, counted, end, hi)
    first = _compound_head(sentence, counted, first)
    if first.value in PEOPLE_KINDS:
        for hit in counted:
            if (
                hit.start >= first.end
                and hit.start < hi
                and hit.value in ROLE_KINDS
                and _role_gap(sentence[first.end : hit.start])
            ):
                return hit.value, hit.end
    return first.value, first.end


def _person(sentence: str, counted: list[Hit], end: int, hi: int) -> tuple[str | None, int]:
    """People whose noun the lexicon does not know, told by its form or its relative clause
    (`quantity.person_after`), with what befell them after it: "12 forensic technicians from
    the institute were injured" count the injured."""
    noun_end = person_after(sentence, end, hi, by_form=True)
    if noun_end is None:
        return None, end
    for hit in counted:
        if noun_end <= hit.start < hi and hit.value in ROLE_KINDS:
            if _role_gap(sentence[noun_end : hit.start]):
                return hit.value, hit.end
            break
    if person_after(sentence, end, hi) is None:
        return None, end  # a person's form, and nothing in the sentence to say it is one
    return "people", noun_end


def _compound_head(sentence: str, counted: list[Hit], first: Hit) -> Hit:
    """The head of a compound of counted nouns is the last one: "two poultry workers" are
    workers, "300 ferry passengers" passengers; a role is no compound, before its noun ("30
    injured people") or after it ("40 workers injured")."""
    if first.value in ROLE_KINDS:
        return first
    at = bisect_right(counted, first.start, key=lambda h: h.start)
    for hit in counted[at:]:
        if hit.start != first.end + 1 or sentence[first.end] != " " or hit.value in ROLE_KINDS:
            break
        if _PREDICATE.match(hit.phrase):
            break  # "pupils at 19 schools fell ill": what befell them is no compound's head
        first = hit
    return first


# The lexicon's people and things told by what they did or what befell them ("fell ill",
# "signed up", "facing famine"): a predicate, never the head noun of a compound.
_PREDICATE = re.compile(
    r"(?:fell|fallen|made|taken|held|sign|signed|flock|flocked|worked|were|need|needing|face|"
    r"facing|charged)\b"
)


# Men count troops only where the sentence is about armed forces: "41 men trapped" are miners.
MILITARY = re.compile(
    r"\b(?:troops?|soldiers?|army|armies|military|forces|front|frontline|brigades?|battalions?|"
    r"deploy(?:ed|ment|ing)?|regiments?|units? of|defence|defense|war|fighters|combat)\b",
    re.I,
)


# Where the people live or come from, between them and what happened to them: "3,500 residents
# of Alba and Torre have been evacuated", "40 workers at the depot were injured".
_POST_MODIFIER = re.compile(
    r"^\s*(?:of|from|in|at|near|around|across|along|on)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+(?:and\s+|or\s+)?){1,4}?(?=(?:have|has|had|were|was|are|been|being)\b)",
    re.I,
)


# A participle saying who the people are, before what befell them: "37 men called up since
# the decree have been killed", "40 workers employed at the site were injured".
_PARTICIPLE = re.compile(
    r"^\s*[a-z]+(?:ed|en)\s+(?:[\w'’-]+\s+){0,5}?(?=(?:have|has|had|were|was|are)\b)"
)


# The same, set off by commas: "900 residents, from the streets south of the ring road, had".
_ASIDE = re.compile(
    r"^\s*,\s*(?:of|from|in|at|near|around|across|along|on)\s[^,.;:()]{1,80},\s*", re.I
)


# A second noun joined to the first: "about 20 skiers and guests were missing".
_COORDINATE = re.compile(r"^\s+(?:and|or)\s+(?:[a-z-]+\s+)?[a-z][a-z-]*s\b")


def _role_gap(gap: str) -> bool:
    """Words between a people noun and a role ("were", "have been", "of them"), after at most
    a short phrase saying where the people are from, or a second noun joined by "and"."""
    if _CASUALTY_GAP.match(gap):
        return True
    joined = _COORDINATE.match(gap)
    if joined is not None and _CASUALTY_GAP.match(gap[joined.end() :]):
        return True
    aside = _ASIDE.match(gap)  # "900 residents, from the streets of ..., had been moved out"
    if aside is not None:
        return bool(_CASUALTY_GAP.match(gap[aside.end() :]))
    modifier = _POST_MODIFIER.match(gap) or _PARTICIPLE.match(gap)
    return modifier is not None and bool(_CASUALTY_GAP.match(gap[modifier.end() :]))


_PLURAL_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")


def _own_noun(sentence: str, end: int, hi: int) -> bool:
    """A figure followed by a plural noun that counts nothing we know ("from four villages",
    "17 goals") counts that noun, not a counted word earlier in the sentence."""
    m = _PLURAL_AFTER.match(sentence, end, hi)
    if m is None:
        return False
    word = m.group(1)
    return not (word in _NOT_NOUNS or word.endswith(("ss", "us", "is")) or word in COUNTED)


# Verbs of things made, sold, shipped, recalled or damaged: what they count are items (units),
# whatever the item ("450,000 space heaters", "3,000 phone chargers").
_ITEM_VERBS = re.compile(
    r"\b(?:recall|recalls|recalled|recalling|sold|sells|selling|shipped|ships|shipping|"
    r"produced|produces|manufactured|installed|fitted|delivered|ordered|returned|replaced|"
    r"repaired|damaged|destroyed|affected|covered|covers|stolen|seized|built)\b",
    re.I,
)
_ITEM_AFTER = re.compile(r"(?:\s+[A-Za-z][\w'-]*){0,2}?\s+([a-z][a-z-]{2,}s)\b")
_ITEM_VERB_BEFORE = re.compile(
    _ITEM_VERBS.pattern + r"\s+(?:(?:about|around|some|roughly|nearly|almost|more than|over|"
    r"at least|up to|another|a further|an additional|an estimated)\s+)?$",
    re.I,
)
_ITEM_VERB_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have|has|had|been|being|already|also)\s+)*" + _ITEM_VERBS.pattern,
    re.I,
)


def _items(sentence: str, start: int, end: int, hi: int) -> bool:
    """Things made, sold, shipped, recalled or damaged, whatever they are: the verb just
    before the number ("recalling about 450,000 space heaters") or just after its noun ("1
    million Kora heaters were affected")."""
    noun_end = _item_noun(sentence, end, hi)
    if noun_end is None:
        return False
    if _ITEM_VERB_BEFORE.search(sentence, max(0, start - 40), start):
        return True
    return bool(_ITEM_VERB_AFTER.match(sentence, noun_end))


def _item_noun(sentence: str, end: int, hi: int) -> int | None:
    """Where a plural noun within three words of the number ends ("450,000 space heaters",
    "1 million Kora heaters"), when it is not a unit of measure or a word counted otherwise."""
    m = _ITEM_AFTER.match(sentence, end, hi)
    if m is None or _PUNCTUATION.search(sentence[end : m.start(1)]):
        return None
    word = m.group(1)
    if (
        word in _NOT_NOUNS
        or word.endswith(("ss", "us", "is"))
        or word in COUNTED
        or word in MEASURE_UNITS
        or word in _AMOUNT_WORDS
        or word in FUNCTION_WORDS
    ):
        return None
    return m.end(1)


# Tallies of choices or scores and counts of acts, not things: README maps "17 goals" and
# votes to no kind; "52 reports of overheating" count what people did, not what they hold.
TALLIES = frozenset(
    {"vote", "ballot cast", "goal", "point", "seat", "run", "wicket", "mark", "signature"}
    | {"report", "complaint", "incident", "call", "request", "attempt", "claim"}
    | {"visit", "trip", "journey", "step", "message", "post", "view", "click", "search", "try"}
    # games played, moves made, countries taking part, kinds of a thing, storms: tallies of
    # events, places or categories, not things anyone holds ("148 players from 31 countries")
    | {"game", "match", "move", "country", "nation", "species", "tornado", "storm", "aftershock"}
)


_PROTEST = re.compile(
    r"\b(?:march|marches|marched|marching|protest|protests|protested|protesting|rally|rallies|"
    r"walkouts?|"
    r"rallied|demonstration|demonstrations|demonstrated|turnout|sit-ins?|took to the streets)\b"
)
_SHOW = re.compile(  # a crowd at a match, a concert or a festival is people, not protesters
    r"\b(?:match|game|stadium|league|fans|concert|festival|goal|season|club|cup|final|race)\b",
    re.I,
)
_GENERIC_PEOPLE = re.compile(
    r"\b(?:people|persons|citizens|participants|attendees|workers|employees|staff|members|"
    r"crowds?)\b",
    re.I,
)
_ACTION = re.compile(  # what protesters and strikers do ("300 students protest against ...")
    # the part of a group named before: "6,200 of them had joined picket lines"
    r"(?:\s+of\s+(?:them|whom|those))?"
    r"\s+(?:(?:have|had|has|were|are|was|is|remained|remain|stayed|reportedly|also|then|now|"
    r"already|all)\s+)*"
    r"(?:walked out|walk out|walked off the job|went on strike|on strike|stopped work|downed tools|"
    r"took to the streets|(?-i:march|marched)|protest|protested|rally|rallied|demonstrate|"
    r"demonstrated|"
    r"(?:joined|join|took part|taken part|take part|participated|turned out)(?P<object>[^,.;]*))",
    re.I,
)
_PROTEST_OBJECT = re.compile(
    r"\b(?:strikes?|walkouts?|march|marches|protests?|rall(?:y|ies)|demonstrations?|sit-ins?|"
    r"pickets?|stoppages?)\b",
    re.I,
)


def _crowd(
    sentence: str, counted: list[Hit], span: tuple[int, int], clause: tuple[int, int]
) -> bool:
    """People counted as a crowd of protesters or strikers: a generic people noun ("people",
    "workers", "the crowd") that walked out, joined a strike or a march (or "took part" in
    nothing named), or sits in a clause about a protest; a crowd anywhere but at a show."""
    start, noun_end = span
    lo, hi = clause
    if noun_end > start:  # the noun after the number ("200,000 people")
        nouns = [h for h in counted if h.end == noun_end]
    else:  # the noun before it ("the crowd at about 40,000")
        nouns = [h for h in counted if h.end <= start and h.start >= lo][-1:]
    nouns = [h for h in nouns if h.value == "people"]
    if not nouns:
        return False
    generic = bool(_GENERIC_PEOPLE.fullmatch(nouns[0].phrase))
    action = _ACTION.match(sentence, nouns[0].end)
    if action is None and _absent_in_strike(sentence, nouns[0].end, workers=generic):
        return True  # "4,100 workers had been absent ... because of the strike" (not pupils)
    if action is None and noun_end == start:  # "drivers struck, and 1,900 of them had joined"
        action = _ACTION.match(sentence, start)
        if action is not None and not action.group("object"):
            action = None  # "... and 40 of them joined": joined what is not said
    if action:  # any people who walked out or joined a strike are strikers ("9,500 nurses")
        thing = action.group("object")
        if thing is None:
            return True
        return generic if not thing.strip() else bool(_PROTEST_OBJECT.search(thing))
    if not generic:
        return False
    if _PROTEST.search(sentence, lo, hi):
        return True
    crowd = any(h.phrase.startswith("crowd") for h in nouns)
    return crowd and not _SHOW.search(sentence, lo, hi)


_PROTEST_BEFORE = re.compile(
    r"\b(?:march|marches|protest|protests|rally|rallies|demonstration|demonstrations|"
    r"turnout)(?:\s+(?:estimate|figure|count|size|tally))?\s+(?:at|to|of|as)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|up to|at least|less than|"
    r"fewer than|between|as many as)\s+)?$",
    re.I,
)
_PROTEST_AFTER = re.compile(
    r"\s+(?:at|in|on|joined|attended)\s+(?:the\s+|a\s+|[A-Z]\w*['’]s\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:march|marches|protest|protests|rally|rallies|demonstration|"
    r"demonstrations)\b",
    re.I,
)


def _sized_protest(sentence: str, lo: int, start: int, end: int, hi: int) -> bool:
    """A bare number given as the size of a march or a rally: "police put the march at about
    40,000", "the organisers' march estimate to 250,000", "about 40,000 at the pension march".
    """
    before = _PROTEST_BEFORE.search(sentence, max(lo, start - 60), start)
    if before and not _SHOW.search(sentence, before.start(), start):
        return True
    return bool(_PROTEST_AFTER.match(sentence, end, hi))


def _after_item(sentence: str, end: int, hi: int) -> int:
    """Where the noun after a number ends, for a noun we do not count ("8,000 dockers"), else
    the number's own end."""
    noun_end = _item_noun(sentence, end, hi)
    return end if noun_end is None else noun_end


def _befell(sentence: str, events: list[Hit], end: int, hi: int) -> bool:
    """A bare number followed by what befalls only people ("61,000 stranded", "300 had been
    on board")."""
    for hit in events:
        if hit.start < end or hit.start >= hi:
            continue
        return hit.value in PEOPLE_EVENTS and bool(_CASUALTY_GAP.match(sentence[end : hit.start]))
    return False


# Workers absent from work because of a strike are its strikers (README: "workers absent in a
# strike are strikers"): "4,100 workers had been absent from the terminals because of the strike",
# "2,300 stayed away during the stoppage". Absent for any other cause they are not ("300 pupils
# stayed away after the outbreak").
_ABSENT = re.compile(
    r"\s+(?:who\s+)?(?:(?:have|had|has|were|are|was|is|been|reportedly|also|then|all|still)\s+)*"
    r"(?:absent|stayed\s+away|stayed\s+off\s+work|stayed\s+at\s+home|"
    r"did\s+not\s+(?:turn\s+up|report|show\s+up|come\s+in)|failed\s+to\s+(?:turn\s+up|report|"
    r"show\s+up))\b(?P<rest>[^.;]*)",
    re.I,
)
_STRIKE = re.compile(r"\b(?:strikes?|walkouts?|stoppages?|industrial\s+action|pickets?)\b", re.I)


_AT_WORK = re.compile(r"\b(?:work|shifts?|duty|posts?|jobs?|wards?|desks?)\b", re.I)


def _absent_in_strike(sentence: str, end: int, *, workers: bool = True) -> bool:
    """People (or a bare number) absent from work, in a clause that names a strike. With
    `workers` false (a noun that may name anyone: pupils, commuters), only when the clause says
    they were absent from work ("did not turn up for their shifts"): "2,000 pupils stayed away
    because their teachers were on strike" are not strikers."""
    absent = _ABSENT.match(sentence, end)
    if absent is None or not _STRIKE.search(absent.group("rest")):
        return False
    return workers or bool(_AT_WORK.search(absent.group(0)))


def _walked_out(sentence: str, end: int) -> bool:
    """A bare number that walked out, or joined (took part in) a strike or a march, or stayed
    away from work because of a strike."""
    action = _ACTION.match(sentence, end)
    if action is None:
        return _absent_in_strike(sentence, end)
    thing = action.group("object")
    return thing is None or bool(_PROTEST_OBJECT.search(thing))


def _counted_before(sentence: str, counted: list[Hit], lo: int, start: int) -> str | None:
    before = [h for h in counted if h.end <= start and h.start >= lo]
    if not before:
        return None
    hit = before[-1]
    gap = sentence[hit.end : start]
    if _words(gap) <= 6 and not _STOPS.search(gap):
        if hit.value in PEOPLE_KINDS and len(before) > 1:
            head = before[-2]  # "the death toll among mobilised men rose to 58": the toll's
            if _is_head(sentence, head) and _TOLL_AMONG.match(sentence, head.end, hit.start):
                return head.value
        return hit.value
    if _words(gap) <= HEAD_REACH and not _PUNCTUATION.search(gap) and _is_head(sentence, hit):
        return hit.value  # "the death toll from Sunday's earthquake ... rose to 410"
    return None


# The people a toll is taken among, between the toll and them: "the death toll among (the)
# mobilised men", "the toll of civilians".
_TOLL_AMONG = re.compile(r"\s+(?:among|of)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


_NUMBER_OF = re.compile(r"\b(?:number|count|tally) of\b", re.I)  # "its own count of the dead"


def _head_end(sentence: str, lo: int, start: int) -> int:
    """Where the last "number of" before the figure ends (the noun phrase it heads starts)."""
    heads = list(_NUMBER_OF.finditer(sentence, lo, start))
    return heads[-1].end() if heads else lo


def _counted_by_head(
    sentence: str, counted: list[Hit], lo: int, start: int
) -> tuple[str | None, int]:
    """ "the number of police officers injured in scuffles ... had risen to 19": the noun phrase
    after "the number of" says what the figure counts, however far the figure comes."""
    heads = list(_NUMBER_OF.finditer(sentence, lo, start))
    if not heads:
        return None, start
    head = heads[-1]
    gap = sentence[head.end() : start]
    near = _words(gap) <= HEAD_REACH + 2 and not _PUNCTUATION.search(gap)
    linked = _RISEN_TO.search(gap) and _words(gap) <= 3 * HEAD_REACH and not _STOPS.search(gap)
    if not near and not linked:
        return None, start
    return _counted_after(sentence, counted, head.end(), start)


# The verb that ties "the number of ..." to its figure across a long subject, commas and all:
# "The number of people treated for rashes, burns and stomach pains ... has risen to 61".
_RISEN_TO = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:risen|rose|rises|climbed|grown|grew|reached|reaches|"
    r"stood|stands|fallen|fell|dropped)(?:\s+(?:to|at))?\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least)\s+)?$"
)


HEAD_REACH = 12  # words between a head noun ("the death toll") and its figure


def _is_head(sentence: str, hit: Hit) -> bool:
    low = sentence.lower()
    return hit.phrase in HEAD_NOUNS or any(
        low[max(0, hit.start - len(head) - 1) : hit.start].strip() == head for head in HEAD_NOUNS
    )


_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'-]*)")


def _unnamed(sentence: str, end: int, hi: int) -> bool:
    """A figure with no noun of its own ("the government's figure of 587 too high", "the
    corrected 21,000 for January"): followed by punctuation or a function word, it speaks of
    the quantity an earlier figure of the sentence counted."""
    m = _WORD_AFTER.match(sentence, end, hi)
    return m is None or m.group(1).lower() in FUNCTION_WORDS


# People buried by a collapse, a slide or an avalanche are the missing of the disaster (their
# fate unknown until they are reached), as are those rescuers are still searching for. People
# "trapped" are not: that is their own event (`EVENTS`), whether in a mine or in a lift.
_SEARCHED_FOR = re.compile(
    r"\b(?:searching|search|searched|looking|hunting)\s+for\s+(?:(?:the|another|a further)\s+)?$"
)
_BURIED_AFTER = re.compile(
    r"\s*(?:(?:have|has|had|were|was|been|being|are|is|still|feared|believed|thought|reported|"
    r"remain|remained|may|might|could|to|be|now|all|probably|likely)\s+)*"
    r"(?:buried|entombed|(?:under|beneath|underneath)\s+(?:the\s+)?(?:rubble|snow|debris|mud|"
    r"wreckage|ruins))\b"
)


# People not heard from or not found since are missing: "61 people from the tower who have
# not been heard from since the fire".
_NOT_HEARD_FROM = re.compile(
    r"[^,;:.]{0,60}?\b(?:who|that)\s+(?:have|has|had)\s+(?:still\s+)?not\s+been\s+"
    r"(?:heard\s+from|found|located|traced|accounted\s+for)\b"
)


def _unaccounted(low: str, start: int, noun_end: int, hi: int) -> bool:
    """People a disaster has buried, or that rescuers are searching for: "50 people were
    buried under the avalanche", "Up to 35 feared buried", "still searching for nine people"
    count the missing, as do people not heard from since."""
    if _SEARCHED_FOR.search(low, max(0, start - 40), start):
        return True
    if _BURIED_AFTER.match(low, noun_end, hi):
        return True
    return low.find("not been", noun_end, hi) >= 0 and bool(
        _NOT_HEARD_FROM.match(low, noun_end, hi)
    )


def _singular(phrase: str) -> str:
    last = phrase.split()[-1]
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join([*phrase.split()[:-1], last])


# A counted noun in the singular, as the modifier of a word for a tally: "shell deliveries",
# "the depositor count", "a 3,100 job-cut figure", "3,000 heatwave death report". The tally
# counts what its modifier names, wherever the number stands.
_MODIFIER_NOUNS: dict[str, str] = {
    _singular(phrase): kind
    for phrase, kind in COUNTED.items()
    if kind != "units"  # a thing's noun modifies much else: "a round figure", "unit costs"
    and kind in ROLE_KINDS | PEOPLE_KINDS | {"shells", "jobs"}
    and phrase.endswith("s")
    and (" " not in phrase or phrase.startswith("job "))
    and phrase != "rounds"
    and len(phrase) > 4
}
_TALLY_WORD = re.compile(
    r"\b(?:count|tally|figure|toll|deliveries|delivery|report|estimate|total)\b"
)
_TWO_WORDS_BEFORE = re.compile(r"(?:([a-z]+)[\s-])?([a-z]+)[\s-]$")
# From the tally word to the number: a few words, then a preposition ("... at 250,000").
_TO_NUMBER = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+(?:(?:at|to|of|near|reach|reached|reaches|rose\s+to|stood\s+at)\s+)?$"
)
_NOT_MODIFIERS = frozenset(
    {"as", "and", "or", "but", "while", "when", "the", "a", "an", "of", "in", "on", "at", "to"}
    | {"for", "with", "by", "from", "than"}
)


def _modifier_before(low: str, at: int) -> str | None:
    """The kind of the counted noun (one or two words, in the singular) just before `at`."""
    m = _TWO_WORDS_BEFORE.search(low, max(0, at - 40), at)
    if m is None:
        return None
    if m.group(1) and f"{m.group(1)} {m.group(2)}" in _MODIFIER_NOUNS:
        return _MODIFIER_NOUNS[f"{m.group(1)} {m.group(2)}"]
    return _MODIFIER_NOUNS.get(m.group(2))


def _tally_of(low: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """What a tally named by a counted noun in the singular counts: "Dravonia's shell
    deliveries at 250,000" -> shells, "raises depositor count to 470,000" -> people, "backs
    3,100 job-cut figure" -> jobs."""
    for m in _TALLY_WORD.finditer(low, max(lo, start - 60), min(hi, end + 40)):
        if m.end() <= start:  # "shell deliveries at 250,000"
            kind = _modifier_before(low, m.start())
            if kind is not None and _TO_NUMBER.match(low, m.end(), start):
                return kind
        elif m.start() >= end:  # "3,100 job-cut figure", "3,000 heatwave death report"
            kind = _modifier_before(low, m.start())
            words = low[end : m.start()].split()
            if kind is None or not 1 <= len(words) <= 2 or words[0] in _NOT_MODIFIERS:
                return None
            return kind
    return None


# People a place or a trade loses, told by a noun of leaving after a noun of people: "puts doctor
# departures at 4,112", "nurse losses at roughly 12,200", "the teacher exodus reached 900". Only
# a people noun makes it people ("troop losses" are a war's casualties, "departures" alone are
# flights), and only in a count (a sum of "customer losses" is money).
_LEAVING = re.compile(r"\b(?:departures|exodus|losses|outflow)\b")
# "Losses" of people are a war's or a disaster's casualties before they are people who left: not
# in a sentence of war or harm ("volunteer losses reached 1,200 in the battle", "sailor losses
# at 1,100 after the sinking"), nor of those whose trade is danger ("firefighter losses at 343",
# "medic losses", "journalist losses in Gaza"), where the lexicon's killed_or_wounded stands.
_HARM = re.compile(
    r"\b(?:killed|dead|died|deaths?|wounded|injured|casualt\w*|battles?|fighting|attacks?|"
    r"shelling|bombing|sinking|sank|collapsed?|blast|explosion|crash|massacre|offensive|"
    r"invasion|siege|raids?|ambush)\b"
)
_DANGER_TRADES = frozenset(
    {"firefighter", "miner", "medic", "paramedic", "journalist", "reporter", "sailor"}
    | {"seafarer", "rescuer", "gendarme"}
)
# ... and what a holder of money takes out is money: "depositor outflow at 4 billion" (the
# currency said elsewhere).
_MONEY_HOLDERS = frozenset(
    {"depositor", "investor", "saver", "shareholder", "policyholder", "holder", "trader"}
)


def people_leaving(low: str, lo: int, start: int) -> bool:
    """Whether the figure at `start` is the count of a noun of leaving that a people noun in
    the singular modifies, tied to it as a tally is (`_TO_NUMBER`)."""
    for m in _LEAVING.finditer(low, max(lo, start - 60), start):
        if _modifier_before(low, m.start()) != "people" or not _TO_NUMBER.match(
            low, m.end(), start
        ):
            continue
        word = low[: m.start()].split()[-1]
        if m.group() == "outflow" and word in _MONEY_HOLDERS:
            continue
        if m.group() == "losses" and (
            word in _DANGER_TRADES or MILITARY.search(low) or _HARM.search(low)
        ):
            continue
        return True
    return False
