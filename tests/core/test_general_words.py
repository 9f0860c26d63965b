"""Round 6: round 5's word lists completed for their idea, on invented sentences from kinds of
story the tuning corpus has none of (a naval clash, an air raid, a wildlife die-off, charter
deportations, a hospital evacuation)."""

from __future__ import annotations

from bot.core.figures import extract_figures


def frame(sentence: str, index: int = 0) -> tuple[str | None, str | None, str | None]:
    f = extract_figures(sentence)[index]
    return (f.counted, f.event, f.scope)


def test_every_munition_is_shells_of_its_own_group() -> None:
    assert frame("The navy said it fired 6 torpedoes at the convoy.") == (
        "shells",
        "launched",
        "torpedoes",
    )
    assert frame("Jets dropped 40 glide bombs on the port, the mayor said.") == (
        "shells",
        "launched",
        "bombs",
    )
    assert frame("Gunners fired 900 mortar rounds at the ridge.") == (
        "shells",
        "launched",
        "mortars",
    )
    assert frame("Both sides threw 30 grenades.")[0] == "shells"
    assert frame("Air defences shot down 9 hypersonic missiles.") == (
        "shells",
        "downed",
        "missiles",
    )
    assert frame("The frigate's crew were intercepting 8 of the bombs.")[1] == "downed"


def test_dropping_or_firing_things_that_are_not_munitions_is_no_munition_s_event() -> None:
    assert frame("Sales dropped to 2,000 units.")[1] is None
    assert frame("The club fired 12 coaches last season.")[1] is None


def test_people_by_age_are_people_whatever_the_word() -> None:
    for sentence in (
        "Nurses carried 120 newborns to the waiting ambulances.",
        "The shelter took in 300 toddlers.",
        "The storm left 50 pensioners without heat.",
        "Some 80 youths were held.",
    ):
        assert frame(sentence)[0] == "people", sentence


def test_a_toll_of_animals_counts_them_however_it_is_told() -> None:
    whales = ("units", "casualties", "whale")
    assert frame("Wardens said 80 whales had died on the sandbank.") == whales
    assert frame("Wardens said 80 stranded whales had died.") == whales  # stranded: not people
    assert frame("Rangers found 300 poisoned vultures dead.")[0] != "killed"
    assert frame("Vets said 2,000 sheep were killed by the floods.")[0] != "killed"
    assert frame("Rangers said 40 neighbours were hurt.")[0] == "injured"  # people's toll


def test_people_sent_back_by_any_verb_of_moving_them_back_or_in_the_passive() -> None:
    assert frame("Police escorted 150 people back across the border.")[:2] == (
        "people",
        "pushed_back",
    )
    assert frame("The ministry said 2,000 people had been flown back to Lenn.")[:2] == (
        "people",
        "pushed_back",
    )
    assert frame("Some 300 migrants were pushed back by police.")[:2] == ("people", "pushed_back")
    assert frame("Lenn expels 40 people a week.")[:2] == ("people", "deported")
    assert frame("About 9,000 people have crossed into Lenn since May.")[:2] == ("people", None)


def test_weights_and_volumes_in_any_unit_are_measured_not_counted() -> None:
    drugs = extract_figures("Customs officers seized 1,200 kilograms of cocaine at the port.")[0]
    assert (drugs.unit, drugs.counted, drugs.measure) == ("kilograms", None, "cocaine")
    water = extract_figures("The reservoir lost 40 million cubic metres of water in May.")[0]
    assert (water.unit, water.counted, water.measure) == ("cubic metres", None, "cubic metres")
    assert extract_figures("The dam holds 3,000 cubic meters.")[0].unit == "cubic metres"


def test_a_share_of_those_points_back_at_the_figure_before() -> None:
    def measure(sentence: str, index: int) -> str | None:
        return extract_figures(sentence)[index].measure

    votes = "Mayor Ilse Brandt won 41,200 votes, or 38.5% of those cast, in the runoff."
    assert measure(votes, 1) == "share_vote" == measure("Brandt won 38.5% of the vote.", 0)
    money = "Donors paid €4m, or 12% of those pledged."
    assert measure(money, 1) is None  # an amount of money counts no things to take a share of
    assert measure("The yard cut 600 jobs, or 12% of those employed there.", 1) == "share_jobs"


def test_a_verb_s_toll_or_an_of_phrase_of_animals_counts_animals() -> None:
    assert frame("Avian flu has killed 9,000 pelicans on the lake.") == (
        "units",
        "casualties",
        "pelican",
    )
    assert frame("Dozens of dead dolphins washed up at Orsa.") == ("units", "casualties", "dolphin")
    assert frame("The blast killed 12 workers.")[0] == "killed"  # people
    assert frame("Hundreds of people were killed.")[0] == "killed"


def test_a_state_after_at_or_in_is_no_place_of_the_things_counted() -> None:
    def where(sentence: str) -> str | None:
        return extract_figures(sentence)[0].qualifier

    assert where("The closure puts 700 jobs at risk.") is None
    assert where("Gunmen held 40 passengers at gunpoint for six hours.") is None
    assert where("Some 200 homes in ruins were cleared.") is None
    assert where("Some 300 residents aged at least 65 were moved.") is None
    assert where("Some 700 jobs at parts suppliers near the port are at risk.") == "part supplier"


def test_a_number_after_aged_is_an_age_whatever_bound_comes_between() -> None:
    sentence = "Doctors treated 2,400 people for heatstroke, most of them aged over 70."
    assert [f.text for f in extract_figures(sentence)] == ["2,400"]
    assert [f.text for f in extract_figures("Residents aged at least 65 got 1,200 fans.")] == [
        "1,200"
    ]


def test_where_a_munition_is_fired_at_is_its_target_not_its_place() -> None:
    for sentence in (
        "The navy said it fired 6 torpedoes at the convoy.",
        "Ardovia launched 40 attack drones at the port.",
        "Gunners fired 900 mortar bombs at the ridge.",
    ):
        assert extract_figures(sentence)[0].qualifier is None, sentence
    assert extract_figures("Rebels captured 12 mortars and 3 howitzers.")[0].counted != "shells"
