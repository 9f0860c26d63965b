"""`find_numbers` and `may_hold_number` told whether the text has a digit say what they find
by themselves, and the number-word test finds a number word wherever `_WORD_RUN` does."""

from __future__ import annotations

import pytest

from bot.core.numbers import _WORD_RUN, find_numbers, has_digit, may_hold_number
from bot.core.numbers import _may_hold_number_word as may_hold_word

TEXTS = [
    "North Korea will send 25,000 to 30,000 more troops, officials said.",
    "Some seven hundred people and a dozen trucks crossed; 7 500 more waited.",
    "Twenty-five thousand marched in 2025, up from twentyfive, sixty-six or one.",
    "threefold, someone, often, tensions, anyone, hundreds: no number word here",
    "(six) 'nine' -ten- eleven. Fifteen",
    "",
    "1.234.567 euros, 12.500 troops and 4,000,000 items",
    "\u0663\u0660 soldiers (Arabic-Indic digits)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_digit_hint_changes_nothing(text: str) -> None:
    digit = has_digit(text)
    assert find_numbers(text, digit) == find_numbers(text)
    assert may_hold_number(text, digit) == may_hold_number(text)


@pytest.mark.parametrize("text", TEXTS)
def test_number_word_test_agrees_with_the_word_run(text: str) -> None:
    if text.isascii():
        assert may_hold_word(text) == (_WORD_RUN.search(text) is not None)
    else:
        assert may_hold_word(text)


def test_number_words_found_at_the_start_and_after_punctuation() -> None:
    assert may_hold_word("Six were hurt")
    assert may_hold_word("(six)")
    assert not may_hold_word("sixth often someone")
    assert [n.value for n in find_numbers("Six hundred and 2,500", True)] == [600.0, 2500.0]
