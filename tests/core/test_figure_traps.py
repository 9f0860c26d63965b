"""Numbers that are not counts, told by the words around them (round 10d), and the counts
beside them that must survive."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.figures import extract_figures
from bot.core.model import Hedge


def texts(sentence: str) -> list[str]:
    return [f.text for f in extract_figures(sentence)]


# --- units after a possessive or a modifier; electrical units; hyphenated measures ----------


@pytest.mark.parametrize(
    "sentence",
    [
        "Departing staff will get at least four months' pay.",
        "Workers with more than 20 years’ service will receive up to 24 months' pay.",
        "The fund expects to start paying out within 20 working days.",
        "Shelters have fuel for at least two more days.",
        "Many families have spent three nights without heating.",
        "The fault on a 400 kV line cut the frequency from 50 Hz to 48.6 Hz.",
        "Both units of the 1,100-megawatt plant and most 430-watt panels went offline.",
        "The 410-kilometre front line runs past a 31-storey tower.",
        "A 7.8-magnitude quake and a 6.8 magnitude aftershock hit the coast.",
        "The building, 31 storeys high, was evacuated.",
        "Prices rose 30-fold.",
    ],
)
def test_measurements_are_not_counts(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_modifier_before_a_noun_that_is_not_a_unit_leaves_a_count() -> None:
    assert texts("Forty more families and 200 additional troops arrived.") == ["Forty", "200"]


def test_a_hyphenated_count_noun_is_still_a_count() -> None:
    assert texts("It denied a 50,000-barrel spill.") == ["50,000"]


# --- a unit or a month written once after a pair --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The poll was carried out between 11 and 15 May.",
        "The images, taken between 2 and 9 May, show rows of tents.",
        "He won after jumps of 136 and 138 metres.",
        "The strike will run between 2 and 4 p.m. on Friday.",
    ],
)
def test_a_pair_shares_its_unit_or_month(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_pair_of_counts_is_still_a_range() -> None:
    f = extract_figures("The union said between 10 and 12 workers had been killed.")
    assert [(x.low, x.high, x.hedge) for x in f] == [(10, 12, Hedge.RANGE)]


def test_a_range_in_digits_after_at_is_not_a_clock() -> None:
    assert texts("Union puts refinery death toll at 10 to 12") == ["10 to 12"]


# --- "may" and "march" as verbs -------------------------------------------------------------


def test_lower_case_may_and_march_are_verbs_not_months() -> None:
    assert texts("Police said 300 may have died in the fire.") == ["300"]
    assert texts("Organisers say 200,000 march against pension reform") == ["200,000"]
    assert texts("The talks ended on 15 May.") == []


# --- ages told without "aged" or "-year-old" ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor, 63, asked for helicopters.",
        "His wife, 45, was rescued on Sunday.",
        "The youngest victim was 14 and the oldest 61.",
        "The dead included a girl of four and a man of 93.",
        '"I was 24 when I joined," she said.',
        "Most of the patients were children and people over 70, the authority said.",
        "Men up to the age of 45 were summoned.",
        "The plan raises the pension age from 62 to 64.",
        "The largest rise came among 25- to 34-year-olds.",
    ],
)
def test_ages_are_not_counts(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_count_next_to_an_age_survives() -> None:
    assert texts("The youngest of the 14 victims was 3.") == ["14"]
    assert texts("The oldest mine in the region employed 40 people.") == ["40"]
    assert texts("Rescuers found 12, the youngest of whom was three.") == ["12"]
    assert texts("The blast killed 30 people, 12 of them children.") == ["30", "12"]
    assert texts("The youngest was among the 12.") == ["12"]
    assert texts("The ministry said 41 people had died, the oldest of them 93.") == ["41"]
    assert texts("We were 40 in the boat, she said.") == ["40"]
    assert texts("About 90 people over 70 were treated.") == ["90"]


@given(st.integers(min_value=18, max_value=99), st.integers(min_value=120, max_value=9_000))
def test_an_age_in_apposition_never_hides_the_count(age: int, count: int) -> None:
    f = extract_figures(f"The mayor, {age}, said {count} people had been evacuated.")
    assert [x.text for x in f] == [str(count)]


# --- the time in words, ratings, names, numbers to call, addresses, codes --------------------


@pytest.mark.parametrize(
    "sentence",
    [
        '"He called me at ten to one and then the line went dead," he said.',
        "The ferry left at half past two.",
        "The bulletin rated the avalanche danger at 4 of 5 after heavy snow.",
        "The danger level was lowered to 3 out of 5 on Monday.",
        "Chair 3 and the Kessel run remain closed.",
        "Vesna 24 said it stood by its reporting.",
        "The fire service asked people to call 112 only in an emergency.",
        "Trains on Lines 2 and 4 lost power.",
        "The attackers used a server at 198.51.100.23 and the range 198.51.100.0/24.",
        "Shares trade under the code 4471, and account numbers begin with the prefix 7040.",
        "Units log each incident by grid reference, such as NV 4471 2290.",
    ],
)
def test_names_codes_clocks_and_ratings_are_not_counts(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Only 2 of 10 passengers survived.", ["2", "10"]),
        ("Another 40 bodies were found.", ["40"]),
        ("Nearly 300 were hurt.", ["300"]),
        ("Turnout 62% as polls close", ["62%"]),
        ("The prosecutor will call 30 witnesses.", ["30"]),
        ("Gondola 2 remains shut, and 14 skiers are stuck.", ["14"]),
        ("Yesterday 300 people died.", ["300"]),
    ],
)
def test_counts_that_look_like_the_traps_survive(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@given(st.integers(min_value=1, max_value=9_999))
def test_a_name_opening_a_sentence_is_never_a_count(n: int) -> None:
    assert texts(f"Chair {n} remains shut after the avalanche.") == []


# --- hedges: "over" and "about" after a noun of dispute; "25- to 30,000" -------------------


def test_over_after_a_noun_of_dispute_is_not_a_hedge() -> None:
    f = extract_figures("Finance minister faces political storm over $240m port contract")
    assert [(x.text, x.hedge) for x in f] == [("$240m", Hedge.EXACT)]
    assert f[0].low <= 240e6 <= f[0].high < 250e6
    assert extract_figures("There were concerns about 300 jobs.")[0].hedge is Hedge.EXACT
    assert extract_figures("The union said over 200 jobs would go.")[0].hedge is Hedge.AT_LEAST


def test_a_range_with_a_suspended_hyphen() -> None:
    f = extract_figures("Some 25- to 30,000 troops were sent.")
    assert [(x.low, x.high, x.hedge) for x in f] == [(25_000, 30_000, Hedge.RANGE)]


# --- codes of capitals, multiples, numbered parts, concentrations ---------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ATR 72 crashed with 68 people on board.", ["68"]),
        ("Delegates at COP 28 pledged $300m.", ["$300m"]),
        ("DKK 900 was paid to each of 300 workers.", ["DKK 900", "300"]),
        ("OVER 300 DEAD IN QUAKE", ["300"]),
        ("Lead levels were 40 times the legal limit, three times higher than before.", []),
        ("The crew moved 300 passengers from deck 7 to floor 12.", ["300"]),
        ("Levels reached 300 ppm as 12 people fell ill.", ["12"]),
    ],
)
def test_codes_multiples_and_numbered_parts(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "hedge"),
    [
        ("not more than", Hedge.UP_TO),
        ("not less than", Hedge.AT_LEAST),
        ("not fewer than", Hedge.AT_LEAST),
        ("a maximum of", Hedge.UP_TO),
        ("a minimum of", Hedge.AT_LEAST),
        ("upward of", Hedge.AT_LEAST),
        ("in the region of", Hedge.ABOUT),
        ("more or less", Hedge.ABOUT),
    ],
)
def test_negated_and_spelled_out_bounds(phrase: str, hedge: Hedge) -> None:
    f = extract_figures(f"Officials said {phrase} 300 people had been evacuated.")
    assert [(x.text, x.hedge) for x in f] == [("300", hedge)]


def test_every_number_of_a_list_of_numbered_places_is_a_name() -> None:
    assert texts("Passengers were confined to their cabins on decks 5 to 9.") == []
    assert texts("Fire crews reached floors 12 and 14 as 300 residents fled.") == ["300"]
    assert texts("About 1,200 lorries passed through checkpoint 4.") == ["1,200"]
    assert texts("On the upper decks 300 passengers were trapped.") == ["300"]
    assert texts("On the front lines 300 soldiers died.") == ["300"]


# --- number forms: dots as thousands, fractions and dozens of a scale word ------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("North Korea sent 30.000 troops.", 30_000),
        ("In all, 1.234.567 people voted.", 1_234_567),
        ("Half a million people fled.", 500_000),
        ("A quarter of a million people fled.", 250_000),
        ("Three quarters of a million people fled.", 750_000),
        ("Two and a half million people fled.", 2_500_000),
        ("A dozen people were hurt.", 12),
        ("Two dozen people were hurt.", 24),
        ("Half a dozen people were hurt.", 6),
    ],
)
def test_numbers_in_other_forms(sentence: str, value: float) -> None:
    f = extract_figures(sentence)
    assert len(f) == 1, f
    assert f[0].low <= value <= f[0].high and f[0].high - f[0].low <= 0.05 * value


def test_a_dot_stays_a_decimal_point_where_thousands_would_be_a_guess() -> None:
    f = extract_figures("The yield was 4.125% and the euro 1.085 dollars.")
    assert [(x.text, x.low) for x in f] == [("4.125%", 4.125), ("1.085", 1.085)]


def test_a_hedge_before_a_fraction_of_a_scale() -> None:
    f = extract_figures("Nearly half a million people fled.")
    assert [(x.text, x.hedge, x.high) for x in f] == [("half a million", Hedge.ALMOST, 500_000)]


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [("Several dozen", 36, 99), ("A couple of hundred", 200, 300), ("A few dozen", 24, 60)],
)
def test_vague_dozens_and_couples(phrase: str, low: float, high: float) -> None:
    f = extract_figures(f"{phrase} people were hurt.")
    assert [(x.low, x.high, x.hedge) for x in f] == [(low, high, Hedge.VAGUE)]


@given(st.integers(min_value=10_000, max_value=999_999_999))
def test_thousands_with_dots_parse_back(n: int) -> None:
    text = f"{n:,}".replace(",", ".")
    f = extract_figures(f"They sent {text} troops.")
    assert [x.text for x in f] == [text]
    assert f[0].low <= n <= f[0].high
