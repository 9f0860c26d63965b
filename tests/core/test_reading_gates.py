"""The quick tests put before the regexes of sentence reading skip only what the regex would not
find: each test keeps the plain regex and checks the gated function against it on texts built to
reach the edges (upper case, line breaks, non-ASCII letters that case folding turns into ASCII
ones, a word cut by the window before a number)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.core import attribution, cues, figures, names, reading, speakers, stance
from bot.core.lexicon import DISPUTE_CUES, REFUTE_CUES
from bot.core.model import Stance
from bot.core.numbers import find_numbers
from tests.core.strategies import word_texts

EXAMPLES = settings(max_examples=400, deadline=None)

WORDS = [
    *("the", "THE", "its", "their", "those", "these", "of", "OF", "rest", "most", "half", "all"),
    *("roughly", "about", "reported", "estimated", "some", "a further", "another", "aged"),
    *("ages", "children", "under", "over", "at least", "up to", "Up To", "more than", "than"),
    *("30,000", "4,000", "52", "five", "2025-07-02", "02.07.2025", "7/2", "10:30", "+7 495 123"),
    *("(555) 123-4567", "0800 555 0192", "2025-26", "2-1", "3–3", "1.5", "1 200 300", "-", "–"),
    *("said", "SAID", "Said", "says", "saying", "told", "reported", "estimated", "were", "and"),
    *("citing", "CITING", "according to", "According To", "accordingto", "CNN", "Reuters"),
    *("officials", "the ministry", "Ukrainian intelligence", ",", ";", ":", ".", "\u201c"),
    *("neither confirmed nor denied", "confirm or deny", "CONFIRM NOR DENY", "no information"),
    *("denied", "false", "doubt", "not", "did not deny", "rather than", "instead", "March"),
    *("14 May", "May", "June 2025", "january", "ſaid", "ſome", "İts", "K", "’s", "don’t", "\n"),
    *("US$", "$", "€", "approx.", "~", "no more than", "close to", "Ranger", "troops", "killed"),
    *("Route", "BW", "AF", "US", "UK", "1182", "66", "Ab", "ABC", "Flight", "Gate"),
]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", "\t", "\u00a0"]


def texts() -> st.SearchStrategy[str]:
    """Words of the vocabulary with random separators, now and then a random character."""
    return word_texts(WORDS, SEPARATORS, max_size=18)


def _starts(text: str) -> list[int]:
    """Where a number could start: every position, so the windows cut words anywhere."""
    return list(range(len(text) + 1))


# --- cues.py, figures.py: words that end the text before a number ----------------------------


@EXAMPLES
@given(texts())
def test_the_partitive_test_agrees_with_its_regex_at_every_position(text: str) -> None:
    for start in _starts(text):
        plain = bool(cues._PARTITIVE.search(text, max(0, start - 60), start))
        assert cues.is_partitive(text, start) == plain


def test_a_partitive_is_still_found_in_any_case_and_after_a_hedge() -> None:
    for text in (
        "the rest of the roughly 4,000 casualties",
        "THE REST OF THE 4,000",
        "most of those reported\n4,000",
        "half of its\t4,000",
    ):
        start = text.index("4,000")
        assert cues.is_partitive(text, start), text
    assert not cues.is_partitive("some 4,000 troops", 5)


@EXAMPLES
@given(texts())
@example("the0the0the0the:aged 0800 555 0192")  # the regex's \b inside a whitespace word
def test_the_age_bound_test_agrees_with_its_regex(text: str) -> None:
    for number in find_numbers(text):
        before = text[max(0, number.start - 40) : number.start]
        plain = bool(figures._AGE_BOUND.search(before))
        last = cues.last_words(before, 1)
        tail = figures._NON_WORD.split(last[0])[-1] if last else None
        gated = last is None or tail in figures._AGE_BOUND_LAST
        assert gated or not plain


def test_children_under_five_and_those_aged_about_30_are_ages_not_counts() -> None:
    assert figures.extract_figures("Children UNDER five were evacuated.") == []
    assert figures.extract_figures("most of them aged at least 65 were moved") == []
    assert [f.text for f in figures.extract_figures("Officials said 300 were evacuated.")] == [
        "300"
    ]


@EXAMPLES
@given(texts())
def test_a_name_or_a_code_before_a_number_is_looked_for_whenever_there_may_be_one(
    text: str,
) -> None:
    for start in _starts(text):
        if figures._PROPER_BEFORE.search(text, max(0, start - 30), start):
            assert figures._capital_before(text, start)
        before = text[max(0, start - 12) : start]
        if figures._CODE_BEFORE.search(before):
            assert not before[-4:].islower()


def test_model_names_and_flight_codes_are_still_no_counts() -> None:
    assert figures.extract_figures("The Ranger 300 was seen at the border.") == []
    assert figures.extract_figures("Flight BW 1182 landed safely.") == []
    assert [f.text for f in figures.extract_figures("Police said 300 were held.")] == ["300"]


@EXAMPLES
@given(texts())
def test_the_not_count_spans_are_searched_whenever_there_may_be_one(text: str) -> None:
    if figures._NOT_COUNT_SPANS.search(text):
        assert figures._may_block(text)


def test_dates_times_phones_and_scores_are_still_no_counts() -> None:
    for text in (
        "On 2025-07-02 the troops left.",
        "The talks began 02.07.2025 in the capital.",
        "Call 0800 555 0192 for help.",
        "The train left at 10:30 with passengers.",
        "Japan beat Korea 2-1 in the final.",
        "Residents aged 18 to 81 were asked.",
    ):
        assert figures.extract_figures(text) == [], text


@EXAMPLES
@given(texts())
def test_the_hedge_before_a_number_is_what_the_plain_regex_finds(text: str) -> None:
    for start in _starts(text):
        window = text[max(0, start - 30) : start][::-1]
        plain = figures._hedge_regex().match(window)
        fast = figures._hedge_before(text, start)
        assert (plain is None) == (fast is None)
        if plain is not None and fast is not None:
            assert plain.span(1) == fast.span(1)
            assert plain.group(1).lower() == fast.group(1).lower()


# --- attribution.py, speakers.py, names.py -------------------------------------------------------


@EXAMPLES
@given(texts())
def test_the_speech_verbs_are_found_where_the_case_insensitive_regexes_find_them(
    text: str,
) -> None:
    if not text.isascii():
        return
    for plain, low in (
        (speakers._STRONG, speakers._STRONG_LOW),
        (speakers._WEAK, speakers._WEAK_LOW),
    ):
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in low.finditer(text.lower())] == spans


@EXAMPLES
@given(st.sampled_from(WORDS))
def test_a_verb_word_is_what_the_verb_regex_matches_whole(word: str) -> None:
    assert speakers._is_verb_word(word) == bool(speakers._ANY_VERB.fullmatch(word))


def _plain_clean(text: str) -> str:
    """`names.clean` as it was: both document regexes substituted, then an article."""
    text = text.strip().strip("\"'“”‘’").strip()
    text = names._DOCUMENT_PREFIX.sub("", text)
    text = names._DOCUMENT_SUFFIX.sub("", text)
    for article in ("the ", "a ", "an "):
        if text.lower().startswith(article):
            text = text[len(article) :]
            break
    return text.strip()


@EXAMPLES
@given(texts())
def test_a_speaker_name_is_cleaned_as_before(text: str) -> None:
    for piece in (text, f"the report by {text}", f"{text} FIGURES", f"“{text} data”"):
        assert names.clean(piece) == _plain_clean(piece)


def _plain_attribution_regexes(text: str) -> tuple[object, object]:
    citing = attribution._CITING.search(text)
    according = attribution._ACCORDING.search(text)
    return (citing and citing.span("src"), according and according.span("src"))


@EXAMPLES
@given(texts())
def test_a_sentence_citing_a_source_or_according_to_one_is_never_skipped(text: str) -> None:
    citing, according = _plain_attribution_regexes(text)
    _, spans = attribution.attribution_span(text)
    if citing:
        assert citing in spans
    elif according:
        assert according in spans


def test_attributions_in_capitals_and_with_curly_quotes_are_read() -> None:
    found = attribution.attribution_of("CNN, CITING Ukrainian intelligence, said 30,000 more.")
    assert found.source == "Ukrainian intelligence"
    found = attribution.attribution_of("ACCORDING TO the NIS, 11,000 troops were sent.")
    assert found.source == "NIS"
    found = attribution.attribution_of("Zelenskyy’s office SAID 4,000 were killed.")
    assert found.source == "Zelenskyy’s office"


# --- stance.py, reading.py -----------------------------------------------------------------------


def _plain_cue_stance(sentence: str) -> tuple[Stance, str]:
    """`cue_stance` as it was: blank the non-committal phrases, then a pass for each kind."""
    sentence = stance._NON_COMMITTAL.sub(lambda m: " " * len(m.group(0)), sentence)
    low = sentence.lower().replace("’", "'")
    cue = stance._find_cue_low(low, REFUTE_CUES)
    if cue:
        return Stance.REFUTES, cue
    cue = stance._find_cue_low(low, DISPUTE_CUES)
    if cue:
        return Stance.DISPUTES, cue
    return Stance.NEUTRAL, ""


@EXAMPLES
@given(texts())
def test_the_stance_cues_are_read_as_the_two_pass_reading_reads_them(text: str) -> None:
    assert stance.cue_stance(text) == _plain_cue_stance(text)


def test_a_non_committal_answer_takes_no_side_in_any_case() -> None:
    assert stance.cue_stance("The ministry would NEITHER CONFIRM NOR DENY it.")[0] is (
        Stance.NEUTRAL
    )
    assert stance.cue_stance("GUR said it had no information about the plan.")[0] is (
        Stance.REFUTES
    )


@EXAMPLES
@given(texts())
def test_dates_are_blanked_as_the_plain_substitution_blanks_them(text: str) -> None:
    plain = reading._DATE.sub(lambda m: " " * len(m.group(0)), text)
    assert reading.without_dates(text) == plain


def test_a_text_without_a_month_is_returned_as_it_is() -> None:
    text = "Officials said 300 troops left on Monday."
    assert reading.without_dates(text) == text
    assert reading.without_dates("They left on 14 May.") == "They left on       ."
    assert re.fullmatch(r"They left on \s+\.", reading.without_dates("They left on 14 May."))
