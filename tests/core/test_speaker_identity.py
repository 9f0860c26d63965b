"""Who said it (round 12d): an office holder and the office, a surname and the full name, the
antecedent of a relative or a pronoun, a role owned by a body, a common noun and the name it
stands for in the same sentence."""

from __future__ import annotations

import pytest

from bot.core.attribution import attribution_of, same_source


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("agriculture minister Lena Sorvik", "Ostravian Ministry of Agriculture", True),
        ("Agriculture minister Lena Sorvik", "Norland's Ministry of Agriculture", True),
        ("health minister Pia Ross", "the health ministry", True),
        ("health minister Pia Ross", "the transport ministry", False),
        ("prime minister Ana Holt", "the health ministry", False),
        ("Prefect Irma Vals", "Tessin prefecture", True),
        ("Mayor Karl Denn", "Orvik city administration", True),
        ("Mayor Karl Denn", "Orvik regional police", False),
    ],
)
def test_an_office_holder_speaks_for_the_office(a: str, b: str, same: bool) -> None:
    assert same_source(a, b) is same
    assert same_source(b, a) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hal", "rescue service chief Ondrej Hal", True),
        ("Voss", "Interior Minister Halina Voss", True),
        ("Hal", "rescue service chief Ondrej Halvard", False),
        ("Hal", "Hal Emerson", False),  # a first name, not the surname
        ("hal", "rescue service chief Ondrej Hal", False),
    ],
)
def test_a_person_named_again_by_a_short_surname_is_the_same(a: str, b: str, same: bool) -> None:
    assert same_source(a, b) is same


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The council's count was challenged by Tessin Rights Watch, which says at least 30"
            " people were hurt.",
            "Tessin Rights Watch",
        ),
        (
            "The estimate was questioned by the Union of Nurses, which said 40 had fallen ill.",
            "Union of Nurses",
        ),
        ("The official, who spoke on condition of anonymity, said 40 had died.", "official"),
    ],
)
def test_a_relative_after_a_passive_agent_is_the_agent(sentence: str, source: str) -> None:
    assert attribution_of(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The conservation group River Watch on Monday sent the ministry photographs that it"
            " says show about 30 dead otters.",
            "conservation group River Watch",
        ),
        (
            "Hundreds of Tessin Foods workers walked out on Friday, hours after it announced"
            " 900 job cuts.",
            None,  # "it" is not the plural subject
        ),
        ("Fewer ships came into Orvik Port than it said last year, 40 in all.", None),
    ],
)
def test_it_in_a_that_clause_is_the_named_subject(sentence: str, source: str | None) -> None:
    assert attribution_of(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The coast guard's chief of staff, Mira Lund, told reporters that 12 boats were still"
            " out.",
            "coast guard",
        ),
        (
            "The regional fire service's spokesman, Tor Eng, said 40 homes had burned.",
            "regional fire service",
        ),
        ("The company's chief executive, Maren Holt, said 400 jobs would go.", "Maren Holt"),
        ("Dr Kaia Stenn, its medical director, said 12 had died.", "Dr Kaia Stenn"),
    ],
)
def test_a_role_owned_by_a_named_body_speaks_for_it(sentence: str, source: str) -> None:
    assert attribution_of(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Mayor Ida Brenn laid a wreath for the eleven people killed, and said the town would"
            " build a memorial.",
            "Mayor Ida Brenn",
        ),
        ("On Monday the ministry sent 40 trucks and said more would follow.", None),
        ("On Monday Orvik Port shut its gates and said 40 ships waited.", None),
    ],
)
def test_a_name_opening_the_sentence_says_what_and_said_adds(
    sentence: str, source: str | None
) -> None:
    assert attribution_of(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Doctors from the National Institute of Tropical Medicine had counted 212 cases by"
            " Friday, according to the institute.",
            "National Institute of Tropical Medicine",
        ),
        ("The Port Authority of Orvik counted 40 ships, the authority said.", None),
        ("Staff at the Grain Board and the Fisheries Board disagree, the board said.", "board"),
        ("The company said 40 jobs would go.", "company"),
    ],
)
def test_a_common_noun_stands_for_the_name_it_heads_in_the_sentence(
    sentence: str, source: str | None
) -> None:
    found = attribution_of(sentence).source
    if source is None:  # the name, whatever article it keeps
        assert found is not None and found.endswith("Port Authority of Orvik")
    else:
        assert found == source
