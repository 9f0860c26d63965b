"""What a quantity is when the lexicon has no kind for it: the open noun a number counts
("48,700 rejected ballots"), the place its things are at ("jobs at parts suppliers"), what an
amount of money or a share measures ("a €40m subsidy", "30% of the oil spilled"), what a
weight is of, animals and people by age, and the units of mass and volume.

`frames.frames_for` reads these; they read the sentence only after the number.
"""

from __future__ import annotations

import re

from bot.core.lexicon import COUNTED, FUNCTION_WORDS, MEASURE_UNITS

# What befell the things a toll counts, said before their noun: "1,150 dead seabirds".
_TOLL_MODIFIERS = frozenset(
    {"dead", "injured", "wounded", "missing", "drowned", "slaughtered", "culled", "poisoned"}
    | {"stranded", "beached", "starved", "burned", "burnt", "oiled", "sick", "diseased", "hurt"}
)


# People by age or sex, whom the lexicon's kinds do not name: "12 dead children" is a toll of
# people, "1,150 dead seabirds" one of things (the head noun as `open_noun` gives it).
PEOPLE_NOUNS = frozenset(
    {"child", "children", "kid", "woman", "women", "man", "men", "boy", "girl", "baby"}
    | {"infant", "toddler", "adult", "teenager", "teen", "youth", "minor", "elderly"}
    | {"pensioner", "senior", "person", "persons", "newborn", "pupil", "student", "worker"}
)


# Animals by kind, for a toll told after their noun ("1,100 seabirds have been killed"): the
# classes and the common wild kinds, and any "-bird" or "-fish" (seabird, blackbird, catfish).
ANIMAL_NOUNS = frozenset(
    {"animal", "bird", "fish", "mammal", "reptile", "amphibian", "insect", "creature", "wildlife"}
    | {"seal", "porpoise", "dolphin", "whale", "otter", "turtle", "tortoise", "penguin", "gull"}
    | {"guillemot", "razorbill", "puffin", "gannet", "pelican", "heron", "swan", "duck", "goose"}
    | {"eagle", "vulture", "owl", "hawk", "falcon", "bat", "bee", "deer", "elk", "moose", "wolf"}
    | {"fox", "bear", "boar", "hare", "rabbit", "badger", "elephant", "rhino", "hippo", "lion"}
    | {"tiger", "leopard", "giraffe", "zebra", "antelope", "gazelle", "monkey", "ape", "gorilla"}
    | {"frog", "toad", "snake", "crocodile", "alligator", "shark", "salmon", "trout", "cod", "eel"}
    | {"crab", "lobster", "oyster", "mussel", "coral", "jellyfish", "sea lion", "manatee"}
    | {"cow", "cattle", "sheep", "goat", "pig", "hog", "horse", "donkey", "camel", "chicken"}
    | {"hen", "turkey", "lamb", "calf", "dog", "cat", "livestock", "poultry", "pet", "stray"}
)


_OF_ANIMALS = re.compile(r"\s+of\s+(?:the\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+s)\b")


def _animals_of(sentence: str, end: int, hi: int) -> str | None:
    """The animals an "of" phrase after a number names ("Hundreds of oiled seabirds"), as
    `open_noun` gives a noun: lower-case words, the last one singular; None for any other."""
    m = _OF_ANIMALS.match(sentence, end, hi)
    if m is None:
        return None
    words = m.group(1).split()
    head = lemma(words[-1])
    return " ".join([*words[:-1], head]) if is_animal(head) else None


def is_animal(word: str) -> bool:
    """Whether a (singular) noun names animals: "seabird", "porpoise", "catfish"."""
    return word in ANIMAL_NOUNS or word.endswith(("bird", "fish"))


_OPEN_SHARE = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?\b"
)


_OPEN_MEASURE = re.compile(r"\s+(?:(?:for|in)\s+)?((?:[a-z][a-z-]+\s+)?[a-z][a-z-]+)(?=[\s,.;:]|$)")


def _open_share(sentence: str, end: int, hi: int) -> str | None:
    """ "30% of the oil spilled": a share of a thing the lexicon does not know, told by its
    (head) noun ("share_oil", "40% of the warehouse stock": "share_stock"); not of a pronoun
    ("50.8% of those cast")."""
    m = _OPEN_SHARE.match(sentence, end, hi)
    if m is None:
        return None
    noun, head = m.group(1), m.group(2)
    if noun in FUNCTION_WORDS or noun in _VERB_WORDS or noun in _PRO_NOUNS or noun in _NOT_NOUNS:
        return None
    if head and not (
        head in FUNCTION_WORDS
        or head in _VERB_WORDS
        or head in _NOT_NOUNS
        or head in _PREPOSITIONS
        or head.endswith(("ed", "ing", "ly"))
    ):
        noun = head  # "40% of the warehouse stock": the stock
    return f"share_{lemma(noun)}"


def _open_measure(sentence: str, end: int, hi: int) -> str | None:
    """What an amount of money the lexicon has no word for is for, told by the noun right after
    it, or after "for": "a €90m subsidy" -> "subsidy", "€240m for severance payments" ->
    "severance payment"; None for a verb, a name or a function word ("€20m the Commission")."""
    m = _OPEN_MEASURE.match(sentence, end, hi)
    if m is None:
        return None
    words: list[str] = []
    for word in m.group(1).split():
        if word in FUNCTION_WORDS or word in _VERB_WORDS or word in _NOT_NOUNS:
            break
        if word.endswith(("ed", "ly")) or word in _PREPOSITIONS or word in _AMOUNT_WORDS:
            break
        words.append(word)
    if not words or lemma(words[-1]) in _CARRIERS:
        return None  # "the government's €18.5bn plan": what carries the sum, not what it is for
    return " ".join([*words[:-1], lemma(words[-1])])


# Words for what carries a sum of money, not what it is for: "a €18.5bn plan", "a $2m deal".
_CARRIERS = frozenset(
    {"plan", "package", "deal", "programme", "program", "scheme", "budget", "project"}
    | {"proposal", "offer", "bid", "contract", "agreement", "order", "figure", "total", "sum"}
    | {"amount", "estimate", "forecast", "bill", "fund", "account", "payment", "sale"}
)


# "1,500 jobs at parts suppliers", "900 jobs at Halvard's gearbox plant": the counted noun
# (one to three words right after the number), then "at" or "in" and the place it names.
_QUALIFIER = re.compile(
    r"\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:at|in)\s+"
    r"((?:the|its|their|his|her|an?)\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"((?:[A-Za-z][a-z-]*\s*){1,2})"  # a noun and its modifier: a longer phrase runs on
)


# Words of a place or a time in general, not of a particular site: "in the region", "in the
# past week", "at the time" say nothing of which things are counted.
GENERIC_PLACES = frozenset(
    {"area", "region", "city", "town", "country", "district", "province", "state", "capital"}
    | {"village", "neighbourhood", "neighborhood", "community", "locality", "zone", "place"}
    | {"site", "location", "world", "nation", "territory", "border", "coast", "street", "centre"}
    | {"center", "total", "all", "week", "month", "year", "day", "hour", "time", "period"}
    | {"morning", "afternoon", "evening", "night", "weekend", "season", "past", "last", "next"}
    | {"first", "previous", "same", "other", "new", "current", "whole", "entire", "early"}
    | {"late", "recent", "latest", "overnight", "only", "just", "one", "two", "three", "each"}
)


# Words that, bare after "at" or "in", say what state things are in, how or how many, not where
# they are: "jobs at risk", "at least", "in ruins", "in need", "in total", "in charge".
_STATES = frozenset(
    {"risk", "stake", "least", "most", "once", "gunpoint", "knifepoint", "work", "large", "war"}
    | {"peace", "fault", "odds", "hand", "issue", "play", "all", "first", "last", "best", "worst"}
    | {"random", "will", "times", "present", "ruins", "charge", "need", "danger", "total"}
    | {"question", "doubt", "shock", "limbo", "line", "place", "force", "favour", "favor"}
    | {"support", "protest", "turn", "part", "full", "short", "addition", "particular", "fact"}
    | {"general", "theory", "practice", "principle", "effect", "time", "advance", "return"}
    | {"response", "person", "private", "public", "secret", "vain", "tears", "debt", "arrears"}
    | {"trouble", "distress", "despair", "mourning", "hiding", "transit", "waiting", "view"}
)


_PREPOSITIONS = frozenset(
    {"around", "near", "across", "along", "outside", "inside", "within", "beyond", "among"}
    | {"amongst", "between", "throughout", "during", "under", "below", "above", "behind"}
    | {"beside", "besides", "toward", "towards", "through", "against", "per", "via", "like"}
    | {"off", "onto", "upon", "without", "except", "including", "despite", "amid", "past"}
)


def qualifier(sentence: str, end: int, hi: int) -> str | None:
    """Where the things a number counts are, when a phrase right after their noun says it:
    "1,500 jobs at parts suppliers" -> "part supplier", "900 jobs at Halvard's gearbox plant
    in Dunmere" -> "gearbox plant". Names (capitalised) are left out, as are words of places
    and times in general ("in the region", "in the past week"); None when nothing is left or
    a verb comes between ("3,100 jobs would go at its plant": the verb's place, not theirs)."""
    m = _QUALIFIER.match(sentence, end, hi)
    if m is None:
        return None
    if any(w in _VERB_WORDS or w in FUNCTION_WORDS or w in _NOT_NOUNS for w in m.group(1).split()):
        return None
    phrase = m.group(3)
    if m.group(2) is None and phrase.split()[0].lower() in _STATES:
        return None  # "700 jobs at risk", "40 people at gunpoint": a state, not a place
    if phrase[:1].isupper() and m.group(2) is None:
        return None  # "homes in Lesk": a place by its name, the topic's own or not
    words: list[str] = []
    for word in phrase.split():
        if not word.islower():
            continue  # a name ("its Lesk plant"): the topic's places vary in name, not in kind
        if word in FUNCTION_WORDS or word in _VERB_WORDS:
            break
        if word in _PREPOSITIONS:
            break  # "suppliers around Brennick": another phrase begins
        if word.endswith(("ing", "ed")) or "-" in word:
            continue  # "in neighbouring Olvar", "in drought-hit Sorrin": what the place is like
        if lemma(word) in GENERIC_PLACES:
            break  # "in the region", "in the past week": no site, whatever follows
        words.append(lemma(word))
    return " ".join(words) or None


_NOT_NOUNS = frozenset(
    {"was", "has", "is", "does", "remains", "stands", "includes", "exceeds", "represents"}
    | {"means", "seems", "appears", "rises", "falls", "goes", "comes", "always", "perhaps"}
    | {"afterwards", "nevertheless", "nonetheless"}
)


# Nouns counted whatever their number: "40,000 cattle", "3,000 sheep".
INVARIANT_NOUNS = frozenset(
    {"cattle", "livestock", "sheep", "poultry", "deer", "fish", "swine", "bison", "grain"}
    | {"wheat", "maize", "rice", "barley", "corn", "feedstock", "crude", "fuel", "waste"}
)


_INVARIANT = "|".join(sorted(INVARIANT_NOUNS))


_OPEN_NOUN = re.compile(
    r"\s+(?:head\s+of\s+)?((?:[a-z][a-z-]+\s+){0,2}?)"
    r"(" + _INVARIANT + r"|[a-z][a-z-]{2,}s)(?![\w-])"
)


MASS_UNIT_CODES = frozenset({"tonnes", "kilograms"})


# A volume is of one liquid, named in many words ("crude", "crude oil", "oil") or none ("about
# 14,000 barrels"): its unit is what it measures.
VOLUME_UNIT_CODES = frozenset({"barrels", "litres", "gallons", "cubic metres"})


# Plurals that stand for a noun said elsewhere or count nothing: "23 others were injured".
_PRO_NOUNS = frozenset(
    {"others", "ones", "these", "those", "times", "ways", "kinds", "sorts", "types", "parts"}
    | {"terms", "thousands", "hundreds", "millions", "billions", "dozens", "tens", "lots", "names"}
)


_VERB_WORDS = frozenset({"were", "was", "had", "have", "has", "is", "are", "been", "would", "will"})


_MASS_OF = re.compile(
    r"\s+(?:metric\s+)?(?:tonnes|tonne|tons|ton|kilograms|kilogram|kilos|kg|kgs)\s+of\s+"
    r"(?:the\s+|its\s+|their\s+)?"
    r"([a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})"
)


_INVARIANT_PLURALS = frozenset({"species", "series"})


def lemma(word: str) -> str:
    """The singular of a regular English plural: "ballots" -> "ballot", "copies" -> "copy",
    "boxes" -> "box"; an invariant plural ("cattle") is its own."""
    if word in _INVARIANT_PLURALS:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _noun_phrase(modifiers: str, head: str) -> str | None:
    words = modifiers.split()
    if head in FUNCTION_WORDS or any(w in FUNCTION_WORDS or w in _NOT_NOUNS for w in words):
        return None
    return " ".join([*words, lemma(head)])


def open_noun(sentence: str, end: int, hi: int) -> str | None:
    """The thing a number counts when the lexicon has no kind for it: the plural noun just
    after it, with its modifiers, in the singular ("48,700 rejected ballots" -> "rejected
    ballot", "40,000 head of cattle" -> "cattle"). Two figures with one noun phrase count
    one quantity; another noun is another quantity. None for a noun counted otherwise
    ("troops", "hectares"), a unit of measure, an amount word or a verb ("was")."""
    m = _OPEN_NOUN.match(sentence, end, hi)
    if m is None or posts_after(sentence, end, hi) is not None:
        return None  # posts to fill are jobs, a kind the lexicon has
    head = m.group(2)
    if (
        head in _NOT_NOUNS
        or TAKEN_ON.match(sentence, m.end(), hi)  # posts filled: jobs, a kind the lexicon has
        or head in _PRO_NOUNS
        or head.endswith(("ss", "us", "is"))
        or head in COUNTED
        or m.group(1) + head in COUNTED
        or head in MEASURE_UNITS
        or head in _AMOUNT_WORDS
        or (head.endswith("s") and head[:-1] in COUNTED)
    ):
        return None
    return _noun_phrase(m.group(1), head)


def mass_of(sentence: str, end: int, hi: int) -> str | None:
    """What a weight measures, from its "of" phrase: "1.8 million tonnes of grain" -> "grain",
    "about 1,800 tonnes of burned feedstock" -> "burned feedstock"."""
    m = _MASS_OF.match(sentence, end, hi)
    if m is None:
        return None
    words: list[str] = []
    for word in m.group(1).split():
        if word in FUNCTION_WORDS or word in _NOT_NOUNS or word in _VERB_WORDS:
            break
        words.append(word)
    return _noun_phrase(" ".join(words[:-1]), words[-1]) if words else None


_AMOUNT_WORDS = frozenset(
    {"kilograms", "kilos", "grams", "tonnes", "tons", "litres", "liters", "gallons", "barrels"}
    | {"ounces", "pounds", "euros", "dollars", "percent", "points", "cents", "pence"}
)


# People told by the form of their noun, for nouns the lexicon does not list: English makes
# a person of a field or a creed with "-ist" (specialists, economists), of a place or a trade
# with "-ian" (physicians, Orsenians), of one a verb is done to with "-ee" (trainees,
# evacuees), of a trade with "-eer" (engineers, auctioneers) and "-man" (firemen); a
# capitalised "-ans" is a people (Americans). The forms that name things are the exceptions.
_PERSON_SUFFIXES = ("ists", "ians", "ees", "eers", "men")
_THING_FORMS = frozenset(
    {"lists", "fists", "mists", "wrists", "twists", "heists", "hoists", "gists", "midsts"}
    | {"assists", "exists", "insists", "persists", "resists", "consists", "subsists"}
    | {"fees", "trees", "degrees", "committees", "knees", "bees", "decrees", "guarantees"}
    | {"coffees", "toffees", "pedigrees", "levees", "settees", "marquees", "jamborees", "rupees"}
    | {"tepees", "dungarees", "tees", "sees", "frees", "chimpanzees", "lychees", "matinees"}
    # the rest of English's closed set of "-ee" words for animals and things: "-ee" has made
    # only persons for two centuries (trainee, retiree, returnee, amputee, internee, payee)
    | {"manatees", "chickadees", "towhees", "pewees", "goatees", "soirees", "entrees"}
    | {"filigrees", "fricassees", "puttees", "jubilees", "banshees", "levees", "corvees"}
    # ... which the list above missed: news words ("three melees broke out", "12 subcommittees",
    # "30 teepees", "three killing sprees"), goods, a place ("40 Pyrenees villages") and verbs
    # ("1 in 4 agrees")
    | {"melees", "subcommittees", "teepees", "squeegees", "toupees", "negligees", "purees"}
    | {"apogees", "perigees", "bootees", "coulees", "burgees", "pongees", "ackees", "chickees"}
    | {"corroborees", "spondees", "trochees", "pyrenees", "sprees", "bungees"}
    | {"agrees", "disagrees", "oversees", "foresees", "flees"}
    | {"careers", "veneers", "steers", "beers", "cheers", "jeers", "sneers", "leers"}
    | {"abdomen", "specimen", "regimen", "stamen", "acumen", "albumen", "bitumen", "cyclamen"}
)
# The endings no animal, fruit or thing outside `_THING_FORMS` shares ("80 engineers", "350
# musicians", "12 geologists", "4,000 retirees"): enough alone. "-ee" is a living suffix of
# persons only (one a verb is done to: evacuee, retiree, returnee, internee, payee); its words
# for animals and things are old loans, a closed set listed in `_THING_FORMS` ("800 manatees",
# "400 chimpanzees", any "-bees"). "-ians" is shared with open sets of fruit and plants ("5,000
# durians", "gentians"): it needs the sentence's sign (`_person_sign`).
_SURE_PERSON_SUFFIXES = ("ists", "icians", "eers", "ees")
# A compound of a thing in "-ee" ("honeybees", "subcommittees", "shoetrees"): no person's noun
# ends so ("trustees" and "devotees" end in "-tees", which is why "tees" is not here).
_EE_COMPOUND = re.compile(r"(?:bees|committees|trees|fees|degrees|decrees|guarantees|knees)$")
# A noun of things ending like a list ("checklists", "playlists", "waitlists").
_LIST_COMPOUND = re.compile(r"(?:check|play|wait|short|black|white|watch|book|price|hit)lists$")
# A plural noun that heads a relative clause of persons: "41,500 enumerators, who visited".
_WHO_AFTER = re.compile(r",?\s+(?:who|whom|of\s+whom)\b")


def person_noun(word: str) -> bool:
    """Whether a plural noun the lexicon does not know names people, by its form alone:
    "specialists", "technicians", "Orsenians", "trainees", "engineers", "firemen"."""
    low = word.lower()
    if (
        len(low) < 5
        or low in _THING_FORMS
        or low.rsplit("-", 1)[-1] in _THING_FORMS  # "pine-trees", "late-fees", "golf-tees"
        or _LIST_COMPOUND.search(low)
        or _EE_COMPOUND.search(low)
    ):
        return False  # "honeybees", "bumblebees": a bee is no person
    if low.endswith(_PERSON_SUFFIXES):
        return True
    return _demonym(word)  # "Orsenians", "Germans"


_WORD = r"\s+([A-Za-z][\w'’-]*)"
_NOUN_WORDS = re.compile(_WORD + f"(?:{_WORD})?(?:{_WORD})?")


def person_after(sentence: str, end: int, hi: int, *, by_form: bool = False) -> int | None:
    """Where a plural noun of people the lexicon does not know ends, when it heads the noun
    phrase just after a number (after at most two modifiers): a people by name ("1.2 million
    Orsenians"), a person in "-men" ("30 repairmen"), a noun heading a relative clause of
    persons ("41,500 enumerators, who visited every address"), or a noun of a person's form
    ("forensic specialists") that the sentence shows to be people (`_person_sign`): the endings
    are shared by animals, fruit and things ("800 manatees", "5,000 durians"). With `by_form`,
    the form alone is enough (the caller has its own sign: a role after the noun, "12
    geologists ... were injured"). None for any other."""
    m = _NOUN_WORDS.match(sentence, end, hi)
    if m is None:
        return None
    for k in (1, 2, 3):
        word = m.group(k)
        if word is None:
            return None
        low = word.lower()
        if low in FUNCTION_WORDS or low in _NOT_NOUNS or low in _VERB_WORDS:
            return None
        # "30 repairmen" is a plural by its form too ("Yemen" is a name)
        men = low.endswith("men") and not word[:1].isupper() and low not in COUNTED
        if not men and (not low.endswith("s") or low in COUNTED or low in _PRO_NOUNS):
            continue
        noun_end = m.end(k)
        if men or _demonym(word) or _WHO_AFTER.match(sentence, noun_end, hi):
            return noun_end  # "-men" is the plural of a person in "-man": no thing shares it
        if person_noun(word) and (
            by_form
            or low.endswith(_SURE_PERSON_SUFFIXES)
            or _person_sign(sentence, [m.group(j) for j in range(1, k)], noun_end, hi)
        ):
            return noun_end
        return None  # the head is another plural noun: things, or people told otherwise
    return None


def _demonym(word: str) -> bool:
    """A capitalised plural in -ans names a people: "Orsenians", "Americans"."""
    return word[0].isupper() and word.endswith("ans") and len(word) > 6


# What only people do, said of the noun just after it (after "were", "have", an adverb, a
# phrase of where they are from, or an aside between commas): speak, protest, flee, vote, sign,
# strike, resign, apply, work; be arrested, charged, hired, employed, paid, trained.
_PERSON_DEED = re.compile(
    r"(?:\s+(?:from|of|at|with|in)\s+(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)?"
    r"(?:\s*,[^,.;:()]{1,80},)?"
    r"(?:\s+(?:have|has|had|were|was|are|is|been|also|all|both|now|later|then|reportedly)\b)*"
    r"\s+(?:said|say|says|told|tell|tells|warned|claimed|argued|wrote|signed|sign|voted|vote|"
    r"protested|protest|marched|demonstrated|fled|flee|resigned|quit|applied|complained|"
    r"testified|struck|striking|went\s+on\s+strike|walked\s+out|joined|volunteered|"
    r"work|worked|working|staff|staffed|checking|arrested|detained|charged|jailed|convicted|"
    r"sentenced|hired|recruited|employed|trained|paid|sacked|laid\s+off)\b"
)
# States only people are in: "12 paediatricians on call", "300 technicians on strike".
_PERSON_STATE = re.compile(r"\s+on\s+(?:call|duty|strike|shift|leave|patrol|the\s+payroll)\b")
# Another noun of people joined to it: "40 technicians and nurses", "as advisers".
_JOINED_PEOPLE = re.compile(r"\s*,?\s+(?:and|or|as)\s+(?:[a-z-]+\s+)?([a-z][a-z-]*s)\b")


def _person_sign(sentence: str, modifiers: list[str], noun_end: int, hi: int) -> bool:
    """Whether the sentence shows that a noun of a person's form names people: a deed or a
    state only people have (`_PERSON_DEED`, `_PERSON_STATE`), or a noun of people the lexicon
    knows beside it ("volunteer engineers", "technicians and nurses", "hired as advisers")."""
    if _PERSON_DEED.match(sentence, noun_end, hi) or _PERSON_STATE.match(sentence, noun_end, hi):
        return True
    joined = _JOINED_PEOPLE.match(sentence, noun_end, hi)
    words = [w.lower() for w in modifiers] + ([joined.group(1)] if joined else [])
    return any(_is_people_word(w) for w in words)


# Kinds only people are counted as: a noun of one beside a noun of a person's form shows it.
_PEOPLE_COUNTED = frozenset(
    {"people", "troops", "civilians", "protesters", "displaced", "prisoners", "arrested"}
)


def _is_people_word(word: str) -> bool:
    """A noun the lexicon counts as people (or another kind only people are), in the plural or
    as a modifier in the singular ("volunteer")."""
    kind = COUNTED.get(word) or COUNTED.get(word + "s")
    return kind is not None and kind in _PEOPLE_COUNTED


# Posts to be filled are jobs: "2,340 doctors' posts were vacant", "3,115 posts for doctors",
# "400 vacancies"; a post or a position is a job when people fill it (a people noun before or
# after it) or it stands vacant, never a message ("52 posts on social media"); "open" alone is
# no sign of one: border posts, checkpoints and traders' positions stay open too.
# (The word before is possessive, `*+`: a shorter word is followed by a word character, never by
# an apostrophe or a space, so giving characters back can never match; it cost 0.7M instructions
# a story.)
_POSTS = re.compile(
    r"\s+(?:(?P<who>[A-Za-z][\w-]*+)(?:['’]s?)?\s+)?(?:(?P<post>posts|positions)|vacancies)\b"
    r"(?P<rest>[^.;:]{0,60})"
)
_FILLED_BY = re.compile(
    r"\s+(?:(?:open|available|free)\s+)?for\s+(?:[a-z-]+\s+)?(?P<who>[a-z-]+s)\b"
)
_VACANT = re.compile(r"\b(?:vacant|unfilled|empty|to be filled|went unfilled|lie empty)\b")


def posts_after(sentence: str, end: int, hi: int) -> int | None:
    """Where a count of posts to be filled ends (`_POSTS`), else None."""
    m = _POSTS.match(sentence, end, hi)
    if m is None:
        return None
    if m.group("post") is None:
        return m.start("rest")  # "vacancies" are always posts to fill
    who = (m.group("who") or "").lower()
    filled = _FILLED_BY.match(m.group("rest"))
    people = {who, filled.group("who") if filled else ""}
    if any(COUNTED.get(w) == "people" or COUNTED.get(w + "s") == "people" for w in people if w):
        return m.start("rest")
    return m.start("rest") if _VACANT.search(m.group("rest")) else None


# People said to be hired are jobs filled, as after "hired" (`CASUALTY_VERBS`): "41,500
# temporary enumerators were taken on", "300 nurses have been recruited".
TAKEN_ON = re.compile(
    r"\s+(?:(?:were|was|have|has|had|been|being|are|is|will|would|be|to|now|already)\s+)+"
    r"(?:hired|recruited|taken\s+on)\b"
)
