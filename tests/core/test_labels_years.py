"""Numbers that name, not count: a year before 1900 after a word of time ("founded in 1885",
"since 1642"), and every number of a list of numbered places ("platforms 4 and 5")."""

from __future__ import annotations

from bot.core.figures import extract_figures


def texts(sentence: str) -> list[str]:
    return [f.text for f in extract_figures(sentence)]


def test_an_old_year_after_a_word_of_time_is_not_a_count() -> None:
    sentence = "The Orlen guild hall, built in 1885, lost its roof and 40 people fled the storm."
    assert texts(sentence) == ["40"]
    assert texts("The dyke held, as it had since 1642, and 300 homes stayed dry.") == ["300"]


def test_an_old_year_does_not_hide_a_count_of_things() -> None:
    assert texts("Crews restored power in 1500 homes overnight.") == ["1500"]


def test_every_number_of_a_list_of_numbered_places_is_a_name() -> None:
    sentence = "Commuters were sent from platforms 4 and 5 to Platform 9, where 300 waited."
    assert texts(sentence) == ["300"]


def test_a_list_of_counts_is_still_counted() -> None:
    assert texts("Police said 11 and 12 people were hurt in the two clashes.") == ["11", "12"]
