"""The fast paths of sentence reading give what the plain regexes they replace give.

Each test keeps the slow original (a regex searched from every position, or a loop over every
word) and checks the fast one against it on texts built to reach the edges: number words glued
together, hedges before currency signs and line breaks, full stops between digits, names before
numbers, non-ASCII case folding ("ſix").
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import figures, numbers, reading, sentences
from bot.core.figures import extract_figures
from bot.core.lexicon import PREFIX_HEDGES
from bot.core.model import Figure, Hedge, Topic
from bot.core.numbers import Number, find_numbers
from tests.core.strategies import word_texts

EXAMPLES = settings(max_examples=400, deadline=None)

WORDS = [
    *("six", "sixty", "sixten", "Six", "SIX", "ſix", "often", "tens", "none", "onehundred"),
    *("twenty-five", "a", "an", "and", "thousand", "hundreds", "dozens", "tens of thousands"),
    *("30,000", "3.5", "1.2bn", "2025", "7 500", "25-30,000", "0800 555 0192", "10:30", "2/7"),
    *("up to", "about", "some", "no more than", "more than", "Up To", "~", "approx.", "$", "US$"),
    *("€", "%", "per cent", "March", "May", "14", "said", "Route", "Ranger", "Brigade", "F-16"),
    *("aged", "ages", "age", "(", ")", "+7", "-", "–", ",", ".", ";", "!", "?", "n't", "don’t"),
    *("U.S.", "Mr.", "Gen.", "No.", "killed", "troops", "The", "In", "rather than", "up from"),
    *("compared with", "figure of", "estimate of", ", not", "from", "than the", "revised", "\n"),
    *("\t", "\u00a0", "\u200b", "#3", "1st", "155mm", "Quake", "Toll", "Rises", "To", "410"),
]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", ". ", ", "]


def texts() -> st.SearchStrategy[str]:
    """Words of the vocabulary with random separators, now and then a random character."""
    return word_texts(WORDS, SEPARATORS, max_size=16)


# --- numbers.py ----------------------------------------------------------------------------------


@EXAMPLES
@given(texts())
def test_the_number_word_test_says_exactly_whether_a_number_word_run_is_there(text: str) -> None:
    said = numbers._may_hold_number_word.__wrapped__(text)
    found = numbers._WORD_RUN.search(text) is not None
    assert said == found or (said and not text.isascii())


def test_the_number_word_test_on_glued_and_lookalike_words() -> None:
    may = numbers._may_hold_number_word.__wrapped__
    assert may("sixten") and may("Thirty-ish") and may("a TWENTYONE") and may("ſix")
    assert not may("Often, none of them") and not may("fortnight, tenth") and not may("")


UNGUARDED_DIGITS = re.compile(numbers._DIGITS.pattern.removeprefix(r"(?=\d)"))


@EXAMPLES
@given(texts())
def test_digit_numbers_are_found_where_the_unguarded_regex_finds_them(text: str) -> None:
    assert numbers._DIGITS.pattern.startswith(r"(?=\d)")
    fast = [(m.span(), m.groupdict()) for m in numbers._DIGITS.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in UNGUARDED_DIGITS.finditer(text)]


def _find_numbers_by_the_book(text: str) -> list[Number]:
    found = [*numbers._digit_numbers(text), *numbers._word_numbers(text)]
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[Number] = []
    last_end = -1
    for number in found:
        if number.start >= last_end:
            out.append(number)
            last_end = number.end
    return out


@EXAMPLES
@given(texts())
def test_find_numbers_skips_the_merge_only_when_it_changes_nothing(text: str) -> None:
    assert find_numbers(text) == _find_numbers_by_the_book(text)


# --- figures.py ----------------------------------------------------------------------------------

OLD_NOT_COUNT_GUARD = r"(?=[\d+(a])"
OLD_PREV_WORD = re.compile(r"([\w'.#]+)\s*$")
OLD_HEDGE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(p) for p in sorted(PREFIX_HEDGES, key=len, reverse=True))
    + r")\s*(?:US\$|\$|€|£)?\s*$",
    re.IGNORECASE,
)


@EXAMPLES
@given(texts())
def test_not_count_spans_match_as_with_the_old_guard(text: str) -> None:
    pattern = figures._NOT_COUNT_SPANS.pattern
    guard = pattern[: pattern.index("(?:")]
    old = re.compile(OLD_NOT_COUNT_GUARD + pattern[len(guard) :])
    spans = [m.span() for m in figures._NOT_COUNT_SPANS.finditer(text)]
    assert spans == [m.span() for m in old.finditer(text)]
    if not numbers.has_digit(text):
        assert spans == []  # why a text without a digit skips the search


@EXAMPLES
@given(texts())
def test_the_word_before_a_number_is_read_backwards_the_same(text: str) -> None:
    for start in range(len(text) + 1):
        m = OLD_PREV_WORD.search(text[max(0, start - 40) : start])
        assert figures._prev_word(text, start) == (m.group(1).lower() if m else "")


@EXAMPLES
@given(texts())
def test_a_hedge_is_read_backwards_the_same(text: str) -> None:
    for start in range(len(text) + 1):
        before = text[max(0, start - 30) : start]
        old = OLD_HEDGE.search(before)
        new = figures._hedge_regex().match(before[::-1])
        if old is None:
            assert new is None, (before, new)
            continue
        assert new is not None, before
        assert new.group(1)[::-1] == old.group(1)
        assert start - new.end(1) == start - len(before) + old.start()


def test_hedges_before_currency_and_glued_to_words() -> None:
    assert [f.hedge for f in extract_figures("It cost no more than US$ 5,000 to build.")] == [
        Hedge.UP_TO
    ]
    (figure,) = extract_figures("The rebels said over 600 were killed.")
    assert figure.hedge is Hedge.AT_LEAST and figure.text == "600"
    (figure,) = extract_figures("The takeover 600 figure is exact.")
    assert figure.hedge is Hedge.EXACT


@EXAMPLES
@given(texts())
def test_vague_phrases_are_found_as_without_the_word_test(text: str) -> None:
    found = [(r.start, r.end, r.low, r.high) for r in figures._vague(text)]
    plain = [m.span() for m in figures._vague_regex().finditer(text)]
    assert [(s, e) for s, e, _, _ in found] == plain


def test_a_name_before_a_number_in_a_headline_and_in_a_sentence() -> None:
    assert extract_figures("They sent the Ranger 300 patrols.") == []
    texts = [f.text for f in extract_figures("Quake Toll Rises To 410 In Dalmir")]
    assert texts == ["410"]


def test_a_long_text_with_a_name_before_every_number() -> None:
    """The headline test runs once per text (it once ran once per number after a name)."""
    text = "Brigade Kestrel 300 lost some 600 troops near July 2, officials said. " * 3000
    found = extract_figures(text)
    assert len(found) == 3000 and {f.text for f in found} == {"600"}


# --- sentences.py --------------------------------------------------------------------------------


def _pieces_by_the_book(paragraph: str) -> list[str]:
    if "\n" in paragraph or any(c in paragraph for c in sentences._OPENING):
        return [paragraph]
    pieces: list[str] = []
    start = 0
    for m in sentences._CUT.finditer(paragraph):
        if m.group(1) in sentences._UNSAFE_WORDS:
            continue
        stop = m.start(1) + len(m.group(1)) + 1
        pieces.append(paragraph[start:stop])
        start = m.end()
    pieces.append(paragraph[start:])
    return pieces


OLD_NOT_PLAIN = re.compile(
    "["
    + re.escape(sentences._TERMINALS + sentences._OPENING)
    + r"\n\r\u200b]|(?<![0-9])\.|\.(?![0-9])|n["
    + sentences._APOSTROPHES
    + "]t"
)


@EXAMPLES
@given(texts())
def test_a_paragraph_is_cut_where_the_cut_regex_cuts_it(text: str) -> None:
    assert sentences._pieces(text) == _pieces_by_the_book(text)
    for end in range(len(text) + 1):
        old = OLD_NOT_PLAIN.search(text, 0, end) is not None
        assert (sentences._NOT_PLAIN.search(text, 0, end) is not None) == old, (text, end)


def test_cuts_after_plain_words_only() -> None:
    text = "It rose sharply. The U.S. Army left.\tThen Mr. Kim spoke. No. Five went. "
    text += "Gen. Lee came. Go.  Now"
    assert sentences._pieces(text) == _pieces_by_the_book(text)
    assert sentences._pieces(text) == [
        *("It rose sharply.", "The U.S. Army left.", "Then Mr. Kim spoke.", "No. Five went."),
        *("Gen. Lee came.", "Go.", "Now"),
    ]
    assert sentences._pieces("It rose 3.5%. Then it fell.") == ["It rose 3.5%. Then it fell."]


# --- reading.py ----------------------------------------------------------------------------------


def _topics_by_the_book(index: reading.KeywordIndex, text: str) -> set[str]:
    words = re.findall(r"\w+", reading.without_dates(text).lower())
    said = set()
    for size in index._sizes:
        for i in range(len(words) - size + 1):
            gram = " ".join(words[i : i + size])
            if gram in index._topics:
                said.add(gram)
    gated = {topic for gram in said for topic in index._topics[gram]}
    return {t for t in gated if not index._names.get(t) or index._names[t] & said}


TOPICS = [
    Topic("nk", "North Korean troops", ("North Korea", "troops", "Kursk", "North Korean")),
    Topic("quake", "Dalmir earthquake", ("Dalmir", "earthquake", "death toll", "quake")),
    Topic("strike", "rail strike", ("rail strike", "strikers", "walked out")),
    Topic("econ", "economy", ("GDP", "inflation rate", "the central bank")),
]
TOPIC_WORDS = ["North", "Korea", "Korean", "troops", "Kursk", "Dalmir", "death", "toll"]
TOPIC_WORDS += ["rail", "strike", "walked", "out", "the", "central", "bank", "GDP", "March 4"]


@EXAMPLES
@given(st.lists(st.sampled_from(TOPIC_WORDS + WORDS), max_size=30).map(" ".join))
def test_topics_are_found_as_by_every_run_of_words(text: str) -> None:
    index = reading.KeywordIndex(TOPICS)
    assert index.topics_in(text) == _topics_by_the_book(index, text)


OLD_DATE = re.compile(reading._DATE.pattern.removeprefix(r"(?=[\dADFJMNOS])"))


@EXAMPLES
@given(texts())
def test_dates_are_blanked_as_without_the_guard(text: str) -> None:
    assert reading._DATE.pattern.startswith(r"(?=[\dADFJMNOS])")
    assert reading.without_dates(text) == OLD_DATE.sub(lambda m: " " * len(m.group(0)), text)


@EXAMPLES
@given(texts())
def test_a_baseline_mention_is_found_as_by_the_regex_alone(text: str) -> None:
    for start in range(len(text) + 1):
        figure = Figure(low=1, high=1, hedge=Hedge.EXACT, text="1", span=(start, start + 1))
        plain = reading._BASELINE_MENTION.search(text, max(0, start - 50), start) is not None
        assert reading.is_baseline_mention(text, figure) == plain


def test_baseline_mentions() -> None:
    text = "The toll rose to 5,000, up from 4,000, higher than the estimate of 3,500."
    found = [f.text for f in extract_figures(text) if reading.is_baseline_mention(text, f)]
    assert found == ["4,000", "3,500"]
