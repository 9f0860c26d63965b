"""Figures read from sentences: the forms a reader expects, and the numbers that are not counts."""

from __future__ import annotations

import math

import pytest

from bot.core.figures import extract_figures
from bot.core.model import Figure, Hedge


def one(sentence: str) -> Figure:
    figures = extract_figures(sentence)
    assert len(figures) == 1, figures
    return figures[0]


def test_a_round_number_is_itself_with_a_small_tolerance() -> None:
    f = one("North Korea has sent 11,000 troops to Russia.")
    assert (f.text, f.hedge, f.counted) == ("11,000", Hedge.EXACT, "troops")
    assert 10_700 < f.low <= 11_000 <= f.high < 11_300
    assert not f.overlaps(one("North Korea has sent 15,000 troops to Russia."))


def test_a_number_that_is_not_round_is_exact() -> None:
    f = one("It has 11,437 soldiers.")
    assert (f.low, f.high) == (11_437, 11_437)


@pytest.mark.parametrize("word", ["about", "around", "some", "roughly", "approximately"])
def test_about_widens_the_interval(word: str) -> None:
    f = one(f"{word} 600 were killed")
    assert f.hedge is Hedge.ABOUT and f.text == "600"
    assert f.low < 590 and f.high > 610


@pytest.mark.parametrize("phrase", ["up to 30,000", "as many as 30,000"])
def test_up_to_is_from_zero(phrase: str) -> None:
    f = one(f"Pyongyang could send {phrase} more troops.")
    assert (f.low, f.high, f.hedge) == (0, 30_000, Hedge.UP_TO)


@pytest.mark.parametrize("phrase", ["almost 30,000", "nearly 30,000"])
def test_almost_is_just_under(phrase: str) -> None:
    f = one(f"Kyiv expects {phrase} more troops.")
    assert f.hedge is Hedge.ALMOST
    assert 25_000 < f.low < 30_000 and f.high == 30_000


@pytest.mark.parametrize("phrase", ["at least 15,000", "more than 15,000", "over 15,000"])
def test_at_least_is_open_above(phrase: str) -> None:
    f = one(f"North Korea has sent {phrase} troops.")
    assert f.hedge is Hedge.AT_LEAST and f.low == 15_000 and math.isinf(f.high) and f.is_open


def test_fewer_than() -> None:
    f = one("fewer than 500 troops remain")
    assert (f.low, f.high, f.hedge) == (0, 500, Hedge.FEWER_THAN)


def test_or_more_after_the_number() -> None:
    f = one("30,000 or more troops")
    assert f.hedge is Hedge.AT_LEAST and f.low == 30_000


@pytest.mark.parametrize(
    "phrase",
    ["between 10,000 and 20,000", "10,000 to 20,000", "10,000–20,000", "10,000-20,000"],
)
def test_ranges(phrase: str) -> None:
    f = one(f"He expects {phrase} additional troops.")
    assert (f.low, f.high, f.hedge, f.counted) == (10_000, 20_000, Hedge.RANGE, "troops")
    assert f.text.startswith("10,000") and f.text.endswith("20,000")


def test_a_range_shares_its_scale_word() -> None:
    f = one("25 to 30 thousand troops")
    assert (f.low, f.high) == (25_000, 30_000)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [("thousands", 1_000, 10_000), ("tens of thousands", 10_000, 100_000), ("dozens", 12, 100)],
)
def test_vague_quantities(phrase: str, low: float, high: float) -> None:
    f = one(f"{phrase} of troops")
    assert f.hedge is Hedge.VAGUE and f.counted == "troops"
    assert low <= f.low < f.high <= high


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("12 million", 12e6),
        ("1.5 million", 1.5e6),
        ("30k", 30e3),
        ("six hundred", 600),
        ("twenty-five thousand", 25_000),
        ("a thousand", 1_000),
        ("11\u00a0000", 11_000),
    ],
)
def test_numbers_in_other_forms(phrase: str, value: float) -> None:
    f = one(f"They sent {phrase} shells.")
    assert f.low <= value <= f.high and f.high - f.low <= 0.05 * value
    assert f.text == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan dates from 2024.",
        "It was announced on July 2, 2025.",
        "They met on 2 July.",
        "It was signed 2025-07-02.",
        "The strike came at 10:30 local time.",
        "The winner ran 2:06:41.",
        "A 25-year-old soldier was captured.",
        "The soldier, aged 26, was captured.",
        "They fired 152mm shells.",
        "They fired 155-mm shells.",
        "It launched KN-23 and Hwasong-19 missiles and flew an F-16.",
        "It was the 3rd attack this week, on the 80th anniversary.",
        "Call +7 495 123-45-67 or 555-123-4567.",
        "UN Resolution 2231 and Article 5 apply.",
        "In the 1990s it was different.",
        "The two-day visit ended.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_a_year_like_number_before_a_counted_noun_is_a_count() -> None:
    assert one("They sent 2000 troops.").counted == "troops"


@pytest.mark.parametrize(
    ("phrase", "value"), [("30%", 30), ("30 percent", 30), ("2.5 per cent", 2.5)]
)
def test_percentages_have_their_unit(phrase: str, value: float) -> None:
    f = one(f"Taxes rose {phrase} last year.")
    assert f.unit == "percent" and f.low == value


@pytest.mark.parametrize(
    ("phrase", "unit", "value"),
    [
        ("$1.5 billion", "USD", 1.5e9),
        ("€20m", "EUR", 20e6),
        ("1 billion dollars", "USD", 1e9),
        ("EUR 14m", "EUR", 14e6),  # a currency code before the sum, as wire copy writes it
        ("DKK 900m", "DKK", 900e6),
        ("CHF 2.5bn", "CHF", 2.5e9),
    ],
)
def test_money_has_its_currency(phrase: str, unit: str, value: float) -> None:
    f = one(f"The deal is worth {phrase}.")
    assert f.unit == unit and f.low <= value <= f.high
    assert phrase.startswith(f.text)  # a sign or code before the number is part of it


def test_capitals_before_a_number_are_a_currency_only_when_they_are_a_code() -> None:
    assert one("The IC 2147 from Harlow derailed, injuring 7.").text == "7"  # a train's name
    assert one("The fund holds EUR 14m.").text == "EUR 14m"


def test_several_figures_in_order_with_their_spans() -> None:
    sentence = "Pyongyang sent 11,000 troops, of whom about 4,000 have been killed or wounded."
    figures = extract_figures(sentence)
    assert [f.text for f in figures] == ["11,000", "4,000"]
    assert [sentence[f.span[0] : f.span[1]] for f in figures] == ["11,000", "4,000"]
    assert [f.counted for f in figures] == ["troops", "killed_or_wounded"]


def test_vague_quantities_follow_the_table() -> None:
    assert (one("tens of thousands were left homeless").low, 99_999) == (20_000, 99_999)
    assert one("hundreds of thousands marched").low == 200_000


def test_near_is_almost_and_almost_is_close_under() -> None:
    f = one("Losses stand at near 6,000 killed or wounded.")
    assert (f.hedge, f.high) == (Hedge.ALMOST, 6_000)
    assert f.low >= 5_700  # "nearly 31,000" does not reach down to an earlier "at least 23,000"


def test_revised_up_to_is_a_move_not_a_bound() -> None:
    f = extract_figures("The agency revised last month's jobless rate up to 5.1% from 4.9%.")[0]
    assert (f.text, f.hedge, f.low, f.high) == ("5.1%", Hedge.EXACT, 5.1, 5.1)
    bound = one("The repairs could cost the firm up to $400m.")
    assert (bound.hedge, bound.low, bound.high) == (Hedge.UP_TO, 0, 400e6)


def test_ranges_of_money_and_percentages() -> None:
    money = one("The council expects the shortfall to be between €3bn and €4bn.")
    assert (money.low, money.high, money.hedge, money.unit) == (3e9, 4e9, Hedge.RANGE, "EUR")
    rate = one("Rents should rise by 2% to 3% next year.")
    assert (rate.low, rate.high, rate.hedge, rate.unit) == (2, 3, Hedge.RANGE, "percent")


def test_two_figures_joined_by_and_are_two_figures() -> None:
    figures = extract_figures("The index fell 2.5% and 900 million shares changed hands.")
    assert [(f.text, f.unit) for f in figures] == [("2.5%", "percent"), ("900 million", "count")]


def test_a_thousands_range_written_short() -> None:
    f = one("Some 40-45,000 reservists could be called up.")
    assert (f.low, f.high, f.hedge) == (40_000, 45_000, Hedge.RANGE)


def test_a_space_separated_number_before_a_comma() -> None:
    f = one("Losses rise to 8 200, the ministry says")
    assert f.text == "8 200" and 8_000 < f.low <= 8_200 <= f.high < 8_400


def test_only_round_numbers_carry_a_tolerance() -> None:
    assert one("a deficit of €18.5bn").low == 18.5e9
    assert one("It has sent 4,000 troops.").low < 4_000


@pytest.mark.parametrize(
    "sentence",
    [
        "Call 1-888-555-0101 for a repair.",
        "The hotline is 0300 123 4567.",
        "The new Falcon 900 jets are on order.",
        "Volunteers aged 20 to 65 took part.",
        "Season tickets for 2024-25 are on sale.",
        "A magnitude 5.9 tremor followed.",
    ],
)
def test_more_things_that_are_not_counts(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_percentages_and_money_count_nothing_but_say_what_they_measure() -> None:
    rate = one("Consumer prices rose 3.1% in March, the statistics office said.")
    assert (rate.counted, rate.measure, rate.period) == (None, "inflation", "mar")
    cost = one("The recall could cost the carmaker up to $2bn, analysts said.")
    assert (cost.counted, cost.measure) == (None, "cost")
    monthly = one("Prices rose 0.4% from the previous month.")
    assert monthly.period == "month_on_month"
    plain = one("The march drew 2,000 people in May.")  # not a month: "march" is lower case
    assert plain.period == "may"


def test_a_capitalised_word_before_a_number_in_a_title_case_headline_is_no_name() -> None:
    assert [f.text for f in extract_figures("Quake Death Toll Rises To 410")] == ["410"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Its spokeswoman, Mara Lind, 47, said the terminal would reopen.",
        "Many of the patients were children under five.",
        "Flight QK 2207 to Lenno was the first to leave.",
        "The fleet set off on a 120-nautical-mile race.",
        "The boat sank 14 nautical miles off the cape.",
    ],
)
def test_ages_codes_and_distances_are_not_figures(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_a_number_between_commas_after_a_place_is_still_a_figure() -> None:
    assert [f.text for f in extract_figures("In Orsa, 52 homes were destroyed.")] == ["52"]


def test_the_two_of_something_known_is_no_count_unless_it_counts_a_kind() -> None:
    assert extract_figures("It is the latest row between the two companies.") == []
    assert [f.text for f in extract_figures("It denied the two deaths were linked.")] == ["two"]


@pytest.mark.parametrize(
    ("sentence", "unit", "whose"),
    [
        ("Governor Ilse Marr won 1,204,311 votes in the runoff.", "votes", "marr"),
        ("The final count gave Tobin 988,020 votes.", "votes", "tobin"),
        ("The recount cut Senator Ruiz's total to 51,870 votes.", "votes", "ruiz"),
        ("The Green Alliance took 14 seats, the commission said.", "seats", "alliance"),
        ("About 60% said they would vote, and 1,200 votes were spoiled.", "votes", None),
    ],
)
def test_a_tally_is_counted_in_its_own_unit_for_whoever_won_it(
    sentence: str, unit: str, whose: str | None
) -> None:
    """Votes and seats are tallies, not things (README: no counted kind); whose they are is
    their identity: one candidate's votes are never another's."""
    f = next(f for f in extract_figures(sentence) if f.unit == unit)
    assert (f.counted, f.measure) == (None, whose)


def test_a_volume_is_measured_by_its_unit_however_its_liquid_is_named() -> None:
    barrels = [
        one("About 9,000 barrels of crude oil leaked from the Varna Star."),
        one("The leak may have reached 20,000 barrels of crude."),
        one("The agency put the leak at some 12,000 barrels."),
    ]
    assert {(f.unit, f.measure, f.counted) for f in barrels} == {("barrels", "barrels", None)}
    assert (one("The plant used 2.5 million litres of water.").unit) == "litres"
    assert one("Ships carry 40 lifeboats.").unit == "count"  # a count stays a count


def test_a_score_is_not_a_figure_but_a_rising_range_is() -> None:
    assert extract_figures("Orsa's women beat Lenn 2-1 on Sunday.") == []
    assert extract_figures("The match ended 1-1.") == []
    f = one("Between 2-3 million people marched.")
    assert (f.low, f.high) == (2_000_000, 3_000_000)
