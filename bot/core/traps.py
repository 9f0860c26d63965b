"""Numbers that read like counts but are not, told by the words around them (round 10d).

`figures._is_count` asks `not_a_count` of each number it has not already ruled out. Each rule
is one habit of English news prose, not a word of one story:

- a unit after the number, in a possessive or after a modifier: "four months' pay", "20 working
  days", "two more nights";
- a unit or a month shared by both ends of a pair: "jumps of 136 and 138 metres", "between 11
  and 15 May" (the first number takes the second's unit, as a range's ends do);
- ages told without "aged" or "-year-old": "The governor, 63, asked", "the youngest was 14 and
  the oldest 61", "a girl of four", "I was 24 when", "people over 70";
- the time in words: "at ten to one", "at half past two";
- a rating on a scale: "the danger at 4 of 5", "rated 3 out of 5";
- a name that opens a sentence: "Chair 3 remains shut", "Vesna 24 said" (a capital there says
  nothing of a name, but a capitalised word that is neither a function word nor a hedge and
  stands right before a bare number is one, as "Route 66" is mid-sentence);
- a number to call: "call 112", "dial 999";
- a multiple: "40 times the legal limit", "three times higher";
- a ship's tonnage ("142,000 gross tonnes"), a pH reading ("a pH of 3.1"), a density ("up
  to 80 million insects per square kilometre").

`topical_preposition` tells "over" and "about" meaning "concerning" after a noun of dispute or
worry ("a storm over $240m contract", "concerns about 300 jobs") from the hedges they spell.
"""

from __future__ import annotations

import re

from bot.core.lexicon import (
    COUNTED,
    FUNCTION_WORDS,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_WORDS,
    PREFIX_HEDGES,
    UNIT_MODIFIERS,
    WEEKDAYS,
)
from bot.core.numbers import Number

AGE_CEILING = 120  # no one is older: a larger number is not an age

# "may" and "march" are months only with a capital: "300 may have died", "200,000 march".
_LOWER_NOT_MONTHS = frozenset({"may", "march"})

_WORD_AFTER_NEXT = re.compile(r"\s*[\w'’.-]+\s+([\w'’]+)")


def _unit_after(sentence: str, end: int, next_word: str) -> bool:
    """ "four months' pay", "20 years’ service": a possessive unit; "20 working days", "two
    more nights": a unit after a modifier."""
    if next_word[-1:] in ("'", "’"):
        return next_word[:-1] in MEASURE_UNITS
    if next_word in UNIT_MODIFIERS:
        m = _WORD_AFTER_NEXT.match(sentence, end, end + 40)
        return m is not None and m.group(1).lower().rstrip("'’") in MEASURE_UNITS
    return False


_NUMBER_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_TAIL = re.compile(
    r"(?:\s*,\s*(?:\d[\d,.]*|" + _NUMBER_WORD_ALT + r"))*"  # "136, 137"
    r"(?:\s*[-–]\s*|,?\s+(?:and|or|to)\s+)"  # " and ", "-"
    r"(?:\d[\d,.]*\d|\d|" + _NUMBER_WORD_ALT + r")"  # the pair's other end
    r"\s+([A-Za-z][\w'’.]*)",  # the word after it
    re.IGNORECASE,
)


def is_month(word: str) -> bool:
    """Whether a word (as written) names a month: "May" does, "may" (a verb) does not."""
    low = word.lower().rstrip(".,;:")
    if low in _LOWER_NOT_MONTHS:
        return word[:1].isupper()
    return low in MONTHS


def _shares_tail(sentence: str, end: int, next_word: str) -> bool:
    """ "136 and 138 metres", "between 11 and 15 May", "2-9 May": the pair's unit or month,
    written once after its second end, is the first end's too."""
    if not (next_word in ("and", "or", "to") or sentence[end : end + 1] in ("-", "–", ",")):
        return False
    m = _TAIL.match(sentence, end, end + 60)
    if m is None:
        return False
    word = m.group(1)
    return word.lower().rstrip(".,;:") in MEASURE_UNITS or is_month(word)


_PHRASE_END = re.compile(r"\s*(?:[,.;:)!?\"”]|$|(?:and|or|when|at|in|on)\b)")
_APPOSITION = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|whose)\s+(?:[a-z]+\s+)?[a-z]+,\s$", re.IGNORECASE
)
_EXTREMES = re.compile(  # "the oldest 61", "the youngest victim was 14", "the oldest a man of 93"
    r"\b(?:youngest|oldest)\s+(?:of\s+(?:them|whom)\s+|(?:[\w-]+\s+){0,4}?(?:(?:was|is|were|aged)"
    r"\s+(?:only\s+|just\s+|barely\s+)?|(?:a|an)\s+[a-z]+\s+of\s+))?$",
    re.IGNORECASE,
)
_PERSON_OF = re.compile(
    r"\b(?:a|an)\s+(?:[a-z]+\s+)?(?:girl|boy|man|woman|child|baby|toddler|son|daughter|"
    r"teenager|pensioner|widow|widower|mother|father|grandmother|grandfather)\s+of\s+$",
    re.IGNORECASE,
)
_PRONOUN_IS = re.compile(
    # one person: "we were 40 in the boat" counts the people in it
    r"\b(?:i|he|she)\s+(?:was|is|am)\s+(?:only\s+|just\s+)?$|"
    r"\b(?:i|he|she)['’](?:m|s)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_OVER = re.compile(
    r"\b(?:people|those|anyone|everyone|adults|patients|residents|men|women|voters|"
    r"pensioners)\s+(?:aged\s+)?(?:over|under|above|below)\s+$",
    re.IGNORECASE,
)


# The words the age patterns below end with: where none comes before a number (nor a comma),
# none of them can match.
_AGE_LAST = frozenset(
    {"youngest", "oldest", "was", "is", "were", "are", "am", "aged", "only", "just", "barely"}
    | {"of", "over", "under", "above", "below", "i'm", "he's", "she's", "we're", "they're", "m"}
    | {"s", "re", "you're", "them", "whom", "as"}
)


def _is_age(sentence: str, n: Number, prev_word: str, next_word: str) -> bool:
    """An age told by the words around a small number (see the module docstring)."""
    before = sentence[max(0, n.start - 60) : n.start]
    comma = before.endswith(", ")
    if not (comma or prev_word in _AGE_LAST):
        return False
    if not _PHRASE_END.match(sentence, n.end, n.end + 8):
        # "people over 70 were treated": a verb may follow the bound, but no noun
        return next_word in FUNCTION_WORDS and bool(_PEOPLE_OVER.search(before))
    if comma:
        # "The governor, 63, asked"
        return bool(_APPOSITION.search(before)) and sentence.startswith(",", n.end)
    return bool(
        _EXTREMES.search(before)
        or _PERSON_OF.search(before)
        or _PRONOUN_IS.search(before)
        or _PEOPLE_OVER.search(before)
        or _MOST_OVER.search(before)
        or _AGE_GIVEN.search(before)
    )


# "Most were over 70, she said": the bound of an age, of people named before; "gave her age
# as 67", "at the age of 67".
_MOST_OVER = re.compile(
    r"\b(?:most|many|some|all|half|several|both)\s+(?:of\s+them\s+)?(?:were|are|was|is)\s+"
    r"(?:over|under|above|below)\s+$",
    re.IGNORECASE,
)
_AGE_GIVEN = re.compile(r"\bage\s+(?:as|of)\s+$", re.IGNORECASE)


_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight"
_CLOCK_AFTER = re.compile(r"\s+(?:to|past)\s+(?:" + _HOURS + r")\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(
    r"\bat\s+(?:a\s+)?(?:quarter|half|[a-z]+(?:-[a-z]+)?)\s+(?:to|past)\s+$", re.IGNORECASE
)
_CLOCK_PREPOSITIONS = frozenset({"at", "by", "until", "till", "before", "after"})


def _is_clock(sentence: str, n: Number, prev_word: str) -> bool:
    """ "at ten to one", "by five past two": minutes before or after an hour, and the hour; in
    words only ("at 10 to 12" is a range: a clock in digits is "11:50")."""
    if n.value > 59 or n.digits:
        return False
    if prev_word in _CLOCK_PREPOSITIONS:
        return _CLOCK_AFTER.match(sentence, n.end, n.end + 20) is not None
    if prev_word in ("to", "past") and n.value <= 12:
        return _CLOCK_BEFORE.search(sentence, max(0, n.start - 40), n.start) is not None
    return False


_RATING_WORDS = (
    r"(?:rated|rates|rating|ratings|level|danger|risk|category|grade|scale|scored|score|"
    r"ranked|index|warning)"
)
_RATING_TOP = re.compile(r"\s+(?:out\s+)?of\s+(?:5|10|100|five|ten)\b(?:\s+([a-z]+))?")
_RATING_POINT = re.compile(r"\b(\d{1,3}|[a-z]+)\s+(?:out\s+)?of\s+$")
_RATING_BEFORE = re.compile(r"\b" + _RATING_WORDS + r"\b[^.;]{0,40}$", re.IGNORECASE)


def _tops_scale(sentence: str, end: int) -> bool:
    """Whether "of 5" (or "out of 10", "of 100") follows `end`, not counting a noun."""
    m = _RATING_TOP.match(sentence, end, end + 30)
    if m is None:
        return False
    word = m.group(1)
    return word is None or word in FUNCTION_WORDS or not word.endswith("s")


def _is_rating(sentence: str, n: Number, prev_word: str, next_word: str) -> bool:
    """ "kept the danger level at 4 of 5", "rated 3 out of 5": a point on a scale and its top."""
    if n.value > 100:
        return False
    if next_word in ("of", "out"):
        if not _tops_scale(sentence, n.end):
            return False
        start = n.start
    elif prev_word == "of":
        m = _RATING_POINT.search(sentence, max(0, n.start - 12), n.start)
        if m is None or not _tops_scale(sentence, m.end(1)):
            return False
        start = m.start()
    else:
        return False
    return _RATING_BEFORE.search(sentence, max(0, start - 60), start) is not None


# Words after a number that make it a count, whatever came before: "... 300 people died".
_COUNT_AFTER = COUNTED.keys() | {"others", "more", "percent", "per", "%"}
_LEADING_NAME = re.compile(r"\s*[\"“‘']?([A-Z][a-z]+)\s$")
# Words that open a sentence before a count: "Another 40", "Only 12", "Nearly 300".
_OPENERS = frozenset(
    {"another", "only", "just", "nearly", "exactly", "precisely", "perhaps", "maybe", "roughly"}
    | {"altogether", "overall", "all", "some", "almost", "around", "about", "over", "under"}
    | {"below", "approximately", "estimated", "including", "plus", "reportedly", "officially"}
    | {"at", "in", "on", "by", "since", "from", "of", "after", "before", "until", "with"}
    | {"between", "among", "fully", "barely", "still", "like", "unlike", "exactly", "possibly"}
    | {"probably", "even", "additional", "further", "extra", "total", "today", "yesterday"}
    | {"now", "overnight", "meanwhile", "nationwide", "together", "both", "each", "every"}
)


def _is_leading_name(sentence: str, n: Number, next_word: str) -> bool:
    """ "Chair 3 and the Kessel run remain closed", "Vesna 24 said": a name at the start."""
    if not n.plain_int or n.start > 24:
        return False
    m = _LEADING_NAME.fullmatch(sentence, 0, n.start)
    if m is None or sentence[n.end : n.end + 1] == "%" or next_word in _COUNT_AFTER:
        return False  # "Yesterday 300 people died": a count after all
    word = m.group(1).lower()
    return not (
        word in _OPENERS
        or word in FUNCTION_WORDS
        or word in PREFIX_HEDGES
        or word in MONTHS
        or word in WEEKDAYS
        or word in NUMBER_WORDS
    )


_CALL_VERBS = frozenset({"call", "calling", "dial", "dialling", "dialing", "dialled", "dialed"})


def _is_called(prev_word: str, next_word: str) -> bool:
    """ "call 112 only in an emergency", "dial 999": a number to call, unless it counts a
    plural noun ("call 30 witnesses")."""
    if prev_word not in _CALL_VERBS:
        return False
    return not (next_word.isalpha() and next_word.endswith("s") and next_word not in FUNCTION_WORDS)


_RATIO = re.compile(
    r"\s+times\s+(?:the|as|higher|more|greater|larger|bigger|lower|smaller|above|over|that|its|"
    r"their|what|normal)\b",
    re.IGNORECASE,
)


def _is_ratio(sentence: str, end: int, next_word: str) -> bool:
    """ "40 times the legal limit", "three times higher": a multiple, not a count."""
    return next_word == "times" and _RATIO.match(sentence, end, end + 30) is not None


def not_a_count(sentence: str, n: Number, prev_word: str, next_word: str) -> bool:
    """Whether the words around `n` make it something other than a count (module docstring).
    `prev_word` and `next_word` are the words either side, lower-cased."""
    small = n.value < AGE_CEILING and (n.plain_int or not n.digits)
    return (
        (
            (next_word[-1:] in _QUOTES or next_word in UNIT_MODIFIERS)
            and _unit_after(sentence, n.end, next_word)
        )
        or (
            (next_word in _PAIR_WORDS or sentence[n.end : n.end + 1] in _PAIR_MARKS)
            and _shares_tail(sentence, n.end, next_word)
        )
        or (small and _is_age(sentence, n, prev_word, next_word))
        or (small and not n.digits and _is_clock(sentence, n, prev_word))
        or (
            (next_word in ("of", "out") or prev_word == "of")
            and _is_rating(sentence, n, prev_word, next_word)
        )
        or (n.start <= 24 and _is_leading_name(sentence, n, next_word))
        or (prev_word in _CALL_VERBS and _is_called(prev_word, next_word))
        or (next_word == "times" and _is_ratio(sentence, n.end, next_word))
        or (next_word in _TONNAGE_WORDS and _TONNAGE.match(sentence, n.end, n.end + 30) is not None)
        or (
            prev_word in _READING_LAST
            and "pH" in sentence[max(0, n.start - 30) : n.start]
            and _READING.search(sentence, max(0, n.start - 30), n.start) is not None
        )
        or ("per " in sentence[n.end : n.end + 30] and _DENSITY.match(sentence, n.end) is not None)
        or (
            prev_word == "or"
            and _A_UNIT_OR.search(sentence, max(0, n.start - 20), n.start) is not None
        )
    )


# A ship's size: "142,000 gross tonnes", "32,000 deadweight tonnes".
_TONNAGE_WORDS = frozenset({"gross", "deadweight"})
_TONNAGE = re.compile(r"\s+(?:gross|deadweight)\s+(?:register\s+)?(?:tonnes|tons|tonnage)\b")
# A reading on a scale of its own: "a pH of 3.1", "pH 4.2".
_READING_LAST = frozenset({"ph", "of", "at", "about", "around"})
_READING = re.compile(
    r"\bpH\s+(?:(?:of|at|level\s+of|reading\s+of)\s+)?(?:(?:about|around)\s+)?$", re.IGNORECASE
)
# A density: "80 million insects per square kilometre".
_DENSITY = re.compile(r"\s+(?:[a-z]+\s+)?per\s+(?:square|cubic)\s+[a-z]+", re.IGNORECASE)
# A span of time said loosely: "within a day or two", "in a week or two".
_A_UNIT_OR = re.compile(r"\b(?:a|an)\s+(?:day|week|month|year|hour|minute)\s+or\s+$", re.I)


_QUOTES = ("'", "’")
_PAIR_WORDS = frozenset({"and", "or", "to"})
_PAIR_MARKS = ("-", "–", ",")


# Nouns of dispute or worry after which "over" and "about" mean "concerning": "a row over
# £2m", "a storm over $240m contract", "concerns about 300 jobs".
CONTENTION_NOUNS = frozenset(
    {"row", "rows", "storm", "dispute", "disputes", "fight", "battle", "clash", "clashes"}
    | {"talks", "anger", "outrage", "fury", "uproar", "concern", "concerns", "fears", "fear"}
    | {"worries", "questions", "probe", "inquiry", "investigation", "lawsuit", "suit", "feud"}
    | {"controversy", "scandal", "criticism", "protest", "protests", "standoff", "spat"}
    | {"wrangle", "tension", "tensions", "furore", "furor", "backlash", "complaints", "doubts"}
)


def topical_preposition(sentence: str, at: int, phrase: str) -> bool:
    """Whether the hedge word `phrase` starting at `at` is "over"/"about" after a noun of
    dispute, where it means "concerning" and bounds nothing."""
    if phrase.lower() not in ("over", "about"):
        return False
    words = sentence[max(0, at - 20) : at].split()
    return bool(words) and words[-1].lower() in CONTENTION_NOUNS
