"""Learned claims: readable ids and a claim text that parses back to the same quantity."""

from __future__ import annotations

import re
from collections.abc import Container

from bot.core.compare import figure_words
from bot.core.figures import extract_figures
from bot.core.lexicon import (
    CASUALTY_KINDS,
    COUNTED,
    ENTITY_NAMES,
    PEOPLE_EVENTS,
    SCOPES,
    SUBGROUPS,
)
from bot.core.matching import departure, passed_over, quantity_key
from bot.core.measures import TALLY_UNITS
from bot.core.model import Figure
from bot.core.quantity import INVARIANT_NOUNS, MASS_UNIT_CODES, VOLUME_UNIT_CODES
from bot.core.scopes import KNOWN_GROUPS

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
    "rescued": "rescued",
    "trapped": "trapped",
    "aboard": "aboard",
    # what became of people that a claim's own words must keep: 640 deported are not 640 who came
    "deported": "deported",
    "pushed_back": "pushed back",
    "recaptured": "recaptured",
    "escaped": "escaped",
}
# Events that read back only in their own words: "389 confirmed cases".
_EVENT_TEMPLATES = {
    "suspected": "{amount} suspected cases",
    "confirmed": "{amount} confirmed cases",
    "admitted": "{amount} people admitted to hospital",
}
_NOUNS = {"killed_or_wounded": "killed or wounded"}
# A scope in words that read back as it: "nationwide", "police officers".
_SCOPE_WORDS = {scope: word for word, scope in reversed(SCOPES.items())}
_GROUP_NOUNS = {
    group: noun for noun, group in reversed(SUBGROUPS.items()) if COUNTED.get(noun) == "people"
}


def learnable(figure: Figure) -> bool:
    """A figure that can start a claim: a count of a known thing, or a known measure."""
    return quantity_key(figure) is not None


def in_topic(figure: Figure, topical: bool, entities: set[str]) -> bool:
    """A learnable figure of the topic: its parties, when known, include one of the topic's
    entities; and a sentence that does not itself name the topic (it only sits in a paragraph
    that does) is learned from only for a toll (displaced, missing, ...) or a measure (a rate,
    an amount): "32,000 season tickets" next to "Tessa United" is not the war's."""
    if not learnable(figure):
        return False
    if not topical and figure.unit == "count" and not _befell(figure):
        return False
    parties = {p for p in (figure.actor, figure.recipient) if p}
    return not parties or not entities or bool(parties & entities)


# A share's price, said as where the shares moved to or stood at: "Shares in Brannock's fell 18%
# to €1.42", "Its shares closed 1.1% higher at €18.57", "Cirrane's stock closed at $38.90", "a
# price target on the shares of $45"; or as so much a share ("a dividend of €1.20 a share").
# Not a share of something ("the state's share of the bailout rose to €4.2bn": a part of an
# amount), nor a stock of it ("its stock of bad loans stood at €12bn": a store): those are the
# event's amounts; a firm's quote is said of its shares, its share price or its stock, and its
# stock is a firm's ("Cirrane's stock", "its stock", "Vantis stock"), not goods ("damage to
# rolling stock rose to €40m", "flooded stock").
_SHARE_MOVED = re.compile(
    r"(?:\b(?:shares|share\s+price)|(?:^|(?:['’]s|s['’]|\bits|\btheir|\bthe|\b(?-i:[A-Z])[\w&.-]*)\s+)"
    r"stock(?!\s+of\b))\b"
    # "Shares in Orvant Bank", "Shares of the operator": a firm (its further words capitalised,
    # whatever the pattern's re.I), not a sum ("the families' shares of the compensation fund")
    r"(?:\s+(?:in|of)\s+(?:(?:the|its|their)\s+)?(?!(?:fund|compensation|payout|proceeds|bill|costs?|damages|"
    r"award|settlement|relief|aid|recoveries|estate|prize|budget|money|losses|bailout)\b)"
    r"[\w'’.&-]+(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})?"
    r"(?:,[^,;]{1,60},)?"  # ", which trade under the code 4471,"
    r"\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?"
    r"(?:fell|fallen|rose|risen|jumped|slid|dropped|climbed|closed|opened|traded|edged|gained|"
    r"lost|slumped|soared|plunged|tumbled|sank|ended|finished|stood|recovered|dipped)"
    r"(?:\s+(?:up|down|back))?(?:\s+(?:by\s+)?(?:about\s+|some\s+)?\d[\d.,]*\s?%)?"
    r"(?:\s+(?:higher|lower))?\s+(?:to|at)\s+$",
    re.I,
)
_PRICE_TARGET = re.compile(
    r"\bprice\s+target\b(?:\s+on\s+the\s+(?:shares|stock))?\s+(?:to|of|at)\s+$"
)
_A_SHARE = re.compile(r"\s+(?:a|per)\s+share\b")
# ... but so much a share offered, bid or paid out is what a takeover or a payout amounts to, an
# amount of the event ("raised its takeover offer to €14.50 a share", "Victims will receive $2.10
# a share from the liquidator"); a dividend, however paid, is still the firm's
_OFFERED = re.compile(
    r"\b(?:offer|offers|offered|bid|bids|tender|buyout|takeover|pay|pays|paid|paying|receive|"
    r"receives|received|get|gets|got|payout|compensation)\b",
    re.I,
)
_CLAUSE_CUT = re.compile(r"[,;:]")


def not_the_events(sentence: str, figure: Figure) -> bool:
    """Whether a figure measures something else than the story's event, whatever the story is
    about: a share's price (`share_price`) or an audience (`audience`). Never learned."""
    return share_price(sentence, figure) or audience(sentence, figure)


def share_price(sentence: str, figure: Figure) -> bool:
    """Whether a money figure is the price of a share: the market's quote of a firm's stock,
    which moves every trading day whatever happens, not an amount of the event a story tells
    (what it cost, lost, raised or paid). Business news reports a firm's share price as the
    market's reaction to the news ("Shares in Brannock's fell 18% to €1.42 on the news"); the
    fall itself ("fell 18%") is still the story's to tell. Not "cut its forecast to €40m",
    "the shares fell after it put the cost at €14m", nor a count of shares, nor so much a share
    offered, bid or paid out ("raised its takeover offer to €14.50 a share")."""
    if figure.unit in ("count", "percent") or ("hare" not in sentence and "tock" not in sentence):
        return False
    start, end = figure.span
    before = sentence[max(0, start - 160) : start]
    if _SHARE_MOVED.search(before) or _PRICE_TARGET.search(before):
        return True
    if not _A_SHARE.match(sentence, end):
        return False
    clause = _CLAUSE_CUT.split(before[-60:])[-1]
    return "dividend" in clause.lower() or not _OFFERED.search(clause)


# What draws an audience, said before its size: "drew some 4,500 visitors", "drawing 2,500",
# "attracted a record 60,000", "was watched by 4 million"; hedges between.
_HEDGES = (
    r"\s+(?:(?:a|an|record|estimated|average|of|some|about|around|roughly|nearly|almost|more|"
    r"than|over|just|under)\s+)*$"
)
_DRAWN = re.compile(
    r"\b(?:drew|draws|drawing|draw|attracted|attracts|attracting|welcomed|welcomes)" + _HEDGES,
    re.I,
)
# ... but a crowd drawn, not named an audience, may be anyone's: a vigil's, a strike's, a food
# centre's ("A vigil drew about 3,000 people", "The strike drew 4,000 people onto the streets");
# only those a thing was watched or seen by are its audience whatever they are called
_SEEN_BY = re.compile(r"\b(?:watched|seen)\s+by" + _HEDGES, re.I)
_AUDIENCE = frozenset(
    {
        "spectators",
        "visitors",
        "viewers",
        "onlookers",
        "sightseers",
        "listeners",
        "attendees",
        "concertgoers",
        "festivalgoers",
        "birdwatchers",
    }
)
# The audience's own verb, right after its noun: "9,000 spectators watched the event", "3,800
# visitors came to the festival", "12,000 visitors attended"; not a verb of a clause on them
# ("1,200 visitors who had come to the park were evacuated": what befell them is the count).
# Not a verb of a crowd's moving, which says nothing of watching ("5,000 visitors packed the
# last ferries off the island", "3,000 visitors flocked to evacuation centres": evacuees)
_WATCHED = re.compile(
    r"\s+[\w-]+\s+(?:(?:have|had|has)\s+)?(?:[a-z]+ly\s+)?(?:watched|came\s+to|come\s+to|"
    r"attended|visited|tuned\s+in|turned\s+out)\b"
)

# A time or a place something befell them at, said in the audience's sentence: "when the crush
# began", "as the stand collapsed", "where the fire broke out", "before the bombing", "on the
# night of the stampede"; not any clause of time or place ("when the city marked a year since
# the quake", "where the players wore black armbands": the show's own)
_STRUCK = re.compile(
    r"\b(?:(?<!such\s)(?<!well\s)(?<!same\s)as|when|where|while|before|until)\s+"
    r"(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:began|begun|broke\s+out|started|struck|"
    r"hit|collapsed|erupted|exploded|spread|happened|occurred|took\s+place|gave\s+way|"
    r"caught\s+fire)\b"
    r"|\b(?:before|during|(?:on|in)\s+the\s+(?:day|night|evening|afternoon|morning)\s+of)\s+"
    r"(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:crush|stampede|collapse|fire|blaze|"
    r"bombing|blast|explosion|attack|shooting|outbreak|surge|panic)\b",
    re.I,
)


def audience(sentence: str, figure: Figure) -> bool:
    """Whether a count of people is the size of an audience: those a show, a match, a festival
    or a broadcast drew ("drew some 4,500 visitors", "About 9,000 spectators watched the
    event", "was watched by 4 million"). People come to watch of their own accord, so their
    number measures the draw of what they watched, and nothing that befell anyone; a news
    story counts an event's dead, displaced, arrested or rescued, not its onlookers. Not
    visitors something befell ("1,200 visitors were evacuated", "300 visitors trapped"), nor
    people who took part ("40,000 people took part in the march"), nor those a strike or a vigil
    drew, named for what they are ("drew 4,000 dockers", "drew 2,000 mourners"), nor an
    audience the sentence puts at the time or place something happened ("Some 48,000
    spectators packed Hallam Park when the crush began", "watched in horror as the stand
    collapsed", "attended the concert before the bombing"): a crowd a disaster befell."""
    if figure.counted != "people" or figure.event is not None or _STRUCK.search(sentence):
        return False
    if figure.scope is not None and figure.scope not in _AUDIENCE:
        return False  # "the strike drew 4,000 dockers out": who they are says what they did
    start, end = figure.span
    before = sentence[max(0, start - 60) : start]
    return bool(
        _SEEN_BY.search(before)
        or (figure.scope is not None and (_DRAWN.search(before) or _WATCHED.match(sentence, end)))
    )


def _befell(figure: Figure) -> bool:
    """A toll (of people, or of animals: "40,000 cattle have died"), or people something
    befell (rescued, trapped, aboard, diagnosed, admitted): what the story is about, whichever
    sentence says it."""
    return (
        figure.counted in CASUALTY_KINDS
        or figure.event == "casualties"
        or (figure.counted == "people" and figure.event in PEOPLE_EVENTS)
    )


def claim_id_for(topic: str, figure: Figure, taken: Container[str]) -> str:
    """ "dprk-troops/troops-sent", "dprk-troops/killed-or-wounded", unique within the topic."""
    parts = [quantity_key(figure) or "figure"]
    if figure.event and figure.event != "casualties":
        parts.append(figure.event)
    # a toll of soldiers is the common case of a war's tolls: its id needs no "troops"
    parts += [p for p in (figure.period, figure.scope) if p and p != "troops"]
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
    """A short claim text that `extract_figures` reads back as `figure`'s quantity; with the
    words saying it left, when it did ("about 2,000 passengers allowed off"): leaving is the
    claim's event (`departs_held`); or that the count passed them over ("about 210,000 people
    left out": `left_out`)."""
    left = departure(sentence, figure)
    if left is None and passed_over(sentence, figure):
        left = "left out"  # "about 210,000 people left out": not those the count took in
    short = _template(figure)
    placed = _placed_phrase(sentence, figure)
    texts: tuple[str, ...] = (short, sentence.strip())
    if left:
        texts = (f"{short} {left}", *texts)
    elif placed:
        texts = (placed, *texts)
    if not left and not placed and _names_nothing(figure, short):
        clause = own_clause(sentence, figure)
        if clause:
            texts = (clause, *texts)
    for text in texts:
        if same_quantity(_reference(text), figure):
            return text
    return _template(figure)


# The figure's noun phrase and where it is: "Four nurses at Velmora University Hospital",
# "about 40 villagers in Tavrit": up to four words after the number, then "at/in/of/from" and a
# capitalised name; never past a verb, a clause mark or the end of the name
_PLACED = re.compile(
    r"(?:\s+(?!(?:have|has|had|were|was|are|is|will|would|who|which|that)\b)"
    r"(?![a-z][\w'’-]*ed\b)[a-z][\w'’-]*){1,4}"  # no verb: "12 people died on Monday"
    r"\s+(?:at|in|on|of|from|near|outside)\s+(?:the\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"  # a time, not a place
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
)


def _placed_phrase(sentence: str, figure: Figure) -> str | None:
    """The sentence's own words for what a figure counts and where ("Four nurses at Velmora
    University Hospital"): what a later denial names without the number ("reports of nurses at
    Velmora University Hospital being infected were not true"), where the template's kind
    ("Four medics") shares too few words with it. None when the figure's noun is not followed
    by a named place or party."""
    start, end = figure.span
    match = _PLACED.match(sentence, end)
    if match is None:
        return None
    return sentence[start : match.end()]


# Where a figure's clause begins and ends: a clause mark (not the comma inside "1,200,000"), a
# dash, or a conjunction or "that" opening a clause ("officials said that ...", "... and
# rescuers were keeping ..."), or the
# verb of its attribution ("Police said 27 substations ...", "Unions say 300 offices ...": who
# said it is the claim's source, not what it claims), or another figure and its "of" ("closed 140
# of the region's 380 schools": the claim of the 380 is "the region's 380 schools", not a text
# that leads with the 140)
_CLAUSE_BEFORE = re.compile(
    r"(?:,(?!\d)|[;:()\"“”]|\s[-–—]\s|\b(?:that|and|but|while|as|said|says|say)\s"
    r"|\b\d[\d,.]*%?\s+(?:of\s+)?)"
)
_CLAUSE_AFTER = re.compile(
    r"(?:,(?!\d)|[;:()\"“”]|\.(?:\s|$)|\s[-–—]\s"
    r"|\s(?:and|but|while|as|after|according|said|says)\b)"
)
CLAUSE_WORDS_BEFORE = 8  # words of the clause kept before the figure
CLAUSE_WORDS_AFTER = 12  # ... and after it
# words a bounded clause does not end on: it was cut before what they lead to
_DANGLING = frozenset(
    re.findall(
        r"\w+",
        "a an the of in on at to for by with from into its their his her had has have was were is"
        " are will would be been over about under than",
    )
)


def own_clause(sentence: str, figure: Figure) -> str | None:
    """The words of the figure's own clause, bounded: what a report says of the thing counted
    ("the control systems of 27 substations run by the grid company", "Nine of the outdoor
    warning sirens failed to sound"). News prose names what a figure counts, and what befell
    it, in the figure's clause; a later report that takes it back without a number ("claims
    that its substations had been hacked were untrue") names the same things in other
    words. A template ("27 units") keeps none of them. None when the clause is the figure
    alone."""
    start, end = figure.span
    head = sentence[:start]
    cut = 0
    for match in _CLAUSE_BEFORE.finditer(head):
        cut = match.end()
    before = head[cut:].split()[-CLAUSE_WORDS_BEFORE:]
    tail = sentence[end:]
    stop = _CLAUSE_AFTER.search(tail)
    after = (tail[: stop.start()] if stop else tail).split()[:CLAUSE_WORDS_AFTER]
    while after and after[-1].lower() in _DANGLING:
        after.pop()
    if not before and not after:
        return None
    return " ".join([*before, sentence[start:end], *after])


def _names_nothing(figure: Figure, template: str) -> bool:
    """Whether a claim's template names nothing of what its figure counts: a count of things the
    lexicon has no kind for ("27 units": substations, sirens, warning letters), which neither a
    reader nor a later report's words can tell from any other count of things."""
    return figure.unit == "count" and template.endswith(" units")


def _reference(text: str) -> Figure | None:
    """The figure a claim's text states, as the engine reads it: the first one that counts
    something (a sentence whose first figure is another quantity does not read back)."""
    figures = extract_figures(text)
    counted = [f for f in figures if quantity_key(f)] or figures
    return counted[0] if counted else None


def same_quantity(a: Figure | None, b: Figure) -> bool:
    if a is None:
        return False

    def key(f: Figure) -> tuple[object, ...]:
        return (
            f.counted,
            f.measure,
            f.period,
            f.event,
            f.actor,
            f.recipient,
            f.unit,
            f.scope,
            f.qualifier,
            f.low,
            f.high,
        )

    return key(a) == key(b)


def _template(figure: Figure) -> str:
    text = _counted_or_measured(figure)
    if figure.qualifier:  # "about 1,500 jobs at part supplier": where they are is the claim's
        text += f" at {figure.qualifier}"
    return text


def _counted_or_measured(figure: Figure) -> str:
    if figure.unit in TALLY_UNITS and figure.measure:  # "Korvath won 2,602,115 votes"
        return f"{figure.measure.title()} won {figure_words(figure)} {figure.unit}"
    if figure.unit in VOLUME_UNIT_CODES:  # "about 6,000 barrels"
        return f"{figure_words(figure)} {figure.unit}"
    if figure.unit in MASS_UNIT_CODES and figure.measure:  # "1.8 million tonnes of grain"
        return f"{figure_words(figure)} {figure.unit} of {figure.measure}"
    measure = figure.measure or ""
    if figure.unit == "percent" and measure.startswith("share_"):
        return f"{figure_words(figure)} of the {plural(measure[6:])}"  # "30% of the oil"
    if figure.unit != "count":
        return f"{(figure.measure or '').replace('_', ' ')} {figure_words(figure)}".strip()
    counted = figure.counted or ""
    amount = figure_words(figure)
    if counted == "people" and figure.event in _EVENT_TEMPLATES and not figure.scope:
        return _EVENT_TEMPLATES[figure.event].format(amount=amount)
    noun = _NOUNS.get(counted, counted.replace("_", " "))
    scope = figure.scope or ""
    if counted == "units" and scope and scope not in _SCOPE_WORDS:
        noun, scope = plural(scope), ""  # "12 guards", "48,700 rejected ballots"
        if figure.event == "casualties" and figure.scope in KNOWN_GROUPS:
            noun += " died"  # "40,000 livestock died": the toll, not the herd
        elif figure.event == "casualties":
            noun = "dead " + noun  # "1,150 dead seabirds": read back as the things' toll
    group = _GROUP_NOUNS.get(scope) or (scope if COUNTED.get(scope) == "people" else None)
    if group and counted == "people":
        noun = group  # "1,200 firefighters"
    elif group:
        amount = f"{amount} {group}"  # "12 police officers injured"
    where = _SCOPE_WORDS.get(figure.scope or "")
    if where:
        return f"{_counted_template(figure, amount, noun)} {where}"
    return _counted_template(figure, amount, noun)


def plural(phrase: str) -> str:
    """The plural of a noun phrase in the singular (`quantity.lemma`'s inverse): "rejected
    ballot" -> "rejected ballots", "copy" -> "copies"; a noun counted as it is stays."""
    *words, head = phrase.split()
    if head in COUNTED or head in INVARIANT_NOUNS:
        pass
    elif head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u"):
        head = head[:-1] + "ies"
    elif head.endswith(("s", "x", "z", "ch", "sh")):
        head += "es"
    else:
        head += "s"
    return " ".join([*words, head])


def _counted_template(figure: Figure, amount: str, noun: str) -> str:
    counted = figure.counted or ""
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
