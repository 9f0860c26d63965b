"""How the engine judges figures against a claim's current figure: transcripts of small
developing stories (invented places and sources)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import judge
from bot.core.engine import Engine
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
    Story,
    Topic,
)
from tests.core.news import wire_story

FLOOD = Topic(
    id="brannock-flood",
    name="Brannock floods",
    keywords=("flood", "floods", "Brannock"),
    claims=(
        ClaimSpec(
            id="flood-deaths",
            topic="brannock-flood",
            text="The Brannock floods killed 120 people",
            source="Civil Defence Office",
            date="2026-04-01",
        ),
    ),
)
ECONOMY = Topic(
    id="ostland-economy",
    name="Ostland economy",
    keywords=("inflation", "jobs", "Ostland"),
    claims=(
        ClaimSpec(
            id="inflation-march",
            topic="ostland-economy",
            text="Ostland's annual inflation rate was 3.1% in March",
            source="Ostland Statistics Bureau",
            date="2026-04-10",
        ),
    ),
)


def story(key: str, day: int, outlet: str, text: str, title: str = "Update") -> Story:
    return wire_story(key, outlet, text, datetime(2026, 4, day, 9, 0, tzinfo=UTC), title)


def told(engine: Engine, key: str, day: int, outlet: str, text: str) -> list[tuple[str, str]]:
    result = engine.process(story(key, day, outlet, text))
    return [(str(f.kind), f.claim_id) for f in result.findings]


def test_a_corroboration_does_not_move_the_current_figure() -> None:
    engine = Engine([FLOOD])
    text = "The Brannock floods have killed about 150 people, the Red Crescent said."
    assert told(engine, "a", 2, "Post", text)[0][0] == "new_figure"
    text = "The Brannock floods have killed roughly 155 people, the mayor said."
    assert told(engine, "b", 3, "Wire", text) == [("corroboration", "flood-deaths")]
    # 170 would agree with the mayor's "roughly 155", but not with the current 150
    text = "The death toll from the Brannock floods rose to 170, the Civil Defence Office said."
    assert told(engine, "c", 4, "Times", text) == [("new_figure", "flood-deaths")]


def test_a_lower_toll_from_another_source_is_a_dispute() -> None:
    engine = Engine([FLOOD])
    text = "A charity said the Brannock floods had killed 80 people, far fewer than reported."
    assert told(engine, "a", 2, "Post", text) == [("dispute", "flood-deaths")]


def test_a_corrected_figure_is_a_new_figure_even_when_lower() -> None:
    engine = Engine([FLOOD])
    text = "The Civil Defence Office corrected the Brannock flood toll to 96 killed."
    assert told(engine, "a", 5, "Post", text) == [("new_figure", "flood-deaths")]


def test_a_claim_s_own_source_giving_another_figure_revises_it() -> None:
    engine = Engine([ECONOMY])
    first = "Ostland's economy created 12,000 jobs in March, the labour office said."
    assert told(engine, "a", 2, "Post", first) == [("new_claim", "ostland-economy/jobs-mar")]
    again = "Ostland's economy created 9,000 jobs in March, the labour office said on Friday."
    assert told(engine, "b", 9, "Wire", again) == [("new_figure", "ostland-economy/jobs-mar")]


def test_percentages_match_by_what_they_measure_and_their_period() -> None:
    engine = Engine([ECONOMY])
    text = "Consumer prices in Ostland rose 3.1% in March, the Ostland Statistics Bureau said."
    assert told(engine, "a", 11, "Post", text) == [("corroboration", "inflation-march")]
    text = "Annual inflation in Ostland eased to 2.8% in April, the statistics bureau said."
    assert told(engine, "b", 12, "Wire", text) == [("new_claim", "ostland-economy/inflation-apr")]
    text = "The bureau revised Ostland's March inflation rate up to 3.3% from 3.1%."
    assert told(engine, "c", 13, "Times", text) == [("new_figure", "inflation-march")]


def test_money_is_learned_by_its_measure_and_an_update_framed_against_the_old_value() -> None:
    engine = Engine([ECONOMY])
    text = "Ostland's flood repairs could cost up to $400m, analysts estimated."
    assert told(engine, "a", 2, "Post", text) == [("new_claim", "ostland-economy/cost")]
    text = "Ostland has set aside $650m for the repairs, more than the estimate of up to $400m."
    assert told(engine, "b", 20, "Wire", text) == [("new_figure", "ostland-economy/cost")]


def test_a_refutation_without_a_number_finds_the_claim_it_names() -> None:
    engine = Engine([ECONOMY])
    told(engine, "a", 2, "Post", "Ostland's economy created 12,000 jobs in March, officials said.")
    text = "Ostland's labour office retracted its March jobs figure on Monday."
    assert told(engine, "b", 3, "Wire", text) == [("contradiction", "ostland-economy/jobs-mar")]


def test_standing_by_its_estimate_is_no_corroboration() -> None:
    engine = Engine([FLOOD])
    text = "The Civil Defence Office stood by its count of 120 killed in the Brannock floods."
    assert told(engine, "a", 2, "Post", text) == []


def test_a_story_naming_none_of_the_topic_s_names_is_not_about_it() -> None:
    engine = Engine([ECONOMY])
    text = "Kelmar, the Danish toy maker, said it would cut 800 jobs and its inflation costs."
    assert engine.process(story("a", 2, "Post", text)).findings == ()


def test_a_sentence_next_to_the_topic_teaches_only_tolls_and_measures() -> None:
    engine = Engine([FLOOD])
    text = (
        "Brannock United beat the floods of rain to win 2-0. "
        "More than 21,000 season tickets have been sold. "
        "At least 900 people have been displaced, the council said."
    )
    found = told(engine, "a", 2, "Post", text)
    assert found == [("new_claim", "brannock-flood/displaced")]


FIRE = Topic(
    id="kessel-fire",
    name="Kessel Hills wildfire",
    keywords=("wildfire", "Kessel"),
    claims=(
        ClaimSpec(
            id="burned-area",
            topic="kessel-fire",
            text="The Kessel Hills wildfire has burned 5,000 hectares",
            source="Forest Service",
            date="2026-04-01",
        ),
    ),
)


def test_a_burned_area_grows_like_a_toll() -> None:
    engine = Engine([FIRE])
    text = "The Kessel Hills wildfire has burned 7,200 hectares, the county said on Thursday."
    assert told(engine, "a", 3, "Post", text) == [("new_figure", "burned-area")]
    text = "Residents said the Kessel Hills wildfire had burned only 3,000 hectares."
    assert told(engine, "b", 4, "Wire", text) == [("dispute", "burned-area")]


def test_a_date_never_says_a_keyword() -> None:
    march = Topic(id="pension-march", name="Pension march", keywords=("march", "pension"))
    engine = Engine([march])
    text = "The council approved 300 new parking spaces, to be built by March 2028."
    assert engine.process(story("a", 2, "Post", text)).findings == ()
    text = "Some 35,000 people joined the march against the pension reform."
    assert told(engine, "b", 3, "Wire", text) == [("new_claim", "pension-march/protesters")]


MARCH = Topic(
    id="harlow-march",
    name="Harlow pension march",
    keywords=("march", "pension", "Harlow"),
    claims=(
        ClaimSpec(
            id="march-turnout",
            topic="harlow-march",
            text="About 150,000 people joined the Harlow pension march",
            source="Harlow Trades Council",
            date="2026-04-04",
        ),
    ),
)


def told_at(engine: Engine, key: str, when: tuple[int, int], text: str) -> list[tuple[str, str]]:
    day, hour = when
    published = datetime(2026, 4, day, hour, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)
    return [(str(f.kind), f.claim_id) for f in engine.process(item).findings]


def test_police_and_organisers_on_the_same_day_dispute() -> None:
    engine = Engine([MARCH])
    text = "Police estimated the crowd at the Harlow pension march at about 35,000."
    assert told_at(engine, "a", (4, 18), text) == [("dispute", "march-turnout")]


def test_a_crowd_size_from_another_source_days_later_is_still_a_dispute() -> None:
    engine = Engine([MARCH])
    text = "A crowd-counting firm said 60,000 people had taken part in the Harlow march."
    assert told_at(engine, "a", (7, 9), text) == [("dispute", "march-turnout")]


def test_the_claim_s_own_source_raising_its_count_is_a_new_figure() -> None:
    engine = Engine([MARCH])
    text = "The Harlow Trades Council raised its estimate of the turnout at the march to 190,000."
    assert told_at(engine, "a", (5, 9), text) == [("new_figure", "march-turnout")]
    text = "The trades council said 190,000 people had joined the Harlow march."
    assert told_at(engine, "b", (6, 9), text) == []  # its own figure again (rule 2)


def test_a_higher_toll_from_another_source_is_a_dispute_the_same_day_an_update_later() -> None:
    engine = Engine([FLOOD])
    text = "The Red Crescent said the Brannock floods had killed 160 people."
    assert told_at(engine, "a", (1, 20), text) == [("dispute", "flood-deaths")]
    engine = Engine([FLOOD])
    result = engine.process(story("b", 3, "Post", text))
    (finding,) = result.findings
    assert (str(finding.kind), finding.may_be_update) == ("new_figure", True)


def test_a_figure_set_against_the_official_one_the_same_day_is_a_dispute() -> None:
    engine = Engine([FIRE])
    text = (
        "Satellite images showed that the Kessel Hills wildfire had burned about 9,000 "
        "hectares, well above the official figure of 5,000."
    )
    assert told_at(engine, "a", (1, 16), text) == [("dispute", "burned-area")]


def test_reported_speech_goes_on_to_the_end_of_the_paragraph() -> None:
    engine = Engine([FLOOD])
    text = (
        "The Civil Defence Office said on Friday that rescuers had reached the last villages. "
        "The Brannock floods killed 104 people, fewer than first thought."
    )
    assert told_at(engine, "a", (2, 9), text) == [("new_figure", "flood-deaths")]


def test_a_source_denies_the_newer_figure_again_but_not_the_same_one_twice() -> None:
    engine = Engine([FLOOD])
    denial = "The governor denied that the Brannock floods had killed so many people."
    assert told_at(engine, "a", (2, 9), denial) == [("contradiction", "flood-deaths")]
    again = (
        "The governor repeated that reports of so many deaths in the Brannock floods were false."
    )
    assert told_at(engine, "b", (3, 9), again) == []  # the same source, the same figure
    update = "The Civil Defence Office said the Brannock floods had now killed 180 people."
    assert told_at(engine, "c", (4, 9), update) == [("new_figure", "flood-deaths")]
    newer = "The governor dismissed the new Brannock flood toll as fake, a day after it was given."
    assert told_at(engine, "d", (5, 9), newer) == [("contradiction", "flood-deaths")]


STRIKE = Topic(
    id="dock-strike",
    name="Ostport dock strike",
    keywords=("dock", "strike", "Ostport"),
    claims=(
        ClaimSpec(
            id="dock-strikers",
            topic="dock-strike",
            text="8,000 dock workers walked out in the Ostport dock strike",
            source="Dockers' Union",
            date="2026-04-01",
        ),
    ),
)


def test_two_keywords_together_or_a_known_source_make_a_story_about_the_topic() -> None:
    engine = Engine([STRIKE])
    text = "A lightning strike cut power to 12,000 homes near the harbour."
    assert told_at(engine, "a", (2, 9), text) == []
    text = "Police said 40 people had been arrested during the dock strike."
    assert told_at(engine, "b", (2, 12), text) == [("new_claim", "dock-strike/arrested")]
    text = "The Dockers' Union said 9,500 dock workers had walked out, up from 8,000."
    assert told_at(engine, "c", (3, 9), text) == [("new_figure", "dock-strikers")]


def test_the_organisers_revising_their_count_is_a_new_figure_not_a_new_claim() -> None:
    engine = Engine([MARCH])
    text = (
        "About 150,000 people marched in Harlow against the government's plan to raise the "
        "pension age, the Harlow Trades Council said."
    )
    assert told_at(engine, "a", (4, 15), text) == [("corroboration", "march-turnout")]
    text = (
        "The Harlow Trades Council said 180,000 people had joined the pension march, more "
        "than its first estimate."
    )
    assert told_at(engine, "b", (6, 9), text) == [("new_figure", "march-turnout")]


def test_doubt_then_a_figure_from_the_same_source_are_two_disputes() -> None:
    engine = Engine([MARCH])
    text = "The interior ministry called the organisers' turnout figure for Harlow exaggerated."
    assert told_at(engine, "a", (5, 9), text) == [("dispute", "march-turnout")]
    text = "The interior ministry said fewer than 40,000 people joined the Harlow pension march."
    assert told_at(engine, "b", (6, 9), text) == [("dispute", "march-turnout")]


def test_a_named_ministry_is_its_own_speaker_not_the_last_one_named() -> None:
    engine = Engine([MARCH])
    text = (
        "Police said 30,000 people joined the Harlow pension march. "
        "The interior ministry said it considered the organisers' turnout figure exaggerated."
    )
    found = told_at(engine, "a", (5, 9), text)
    assert found == [("dispute", "march-turnout")]
    text = "The interior ministry said it considered the march turnout figure exaggerated."
    assert told_at(engine, "b", (6, 9), text) == []  # the same source's doubt again


def test_a_nationwide_count_is_its_own_claim_and_disputed_as_such() -> None:
    engine = Engine([MARCH])
    text = (
        "Organisers said 1.2 million people joined pension protests nationwide on Saturday, "
        "including the march in Harlow."
    )
    assert told_at(engine, "a", (5, 9), text) == [("new_claim", "harlow-march/protesters-national")]
    text = (
        "Nationwide, police counted about 300,000 demonstrators at the pension protests "
        "held in Harlow and elsewhere, the interior ministry said."
    )
    assert told_at(engine, "b", (7, 9), text) == [("dispute", "harlow-march/protesters-national")]


def test_injured_officers_are_counted_apart_from_injured_protesters() -> None:
    engine = Engine([MARCH])
    text = (
        "Police arrested 30 people after the Harlow pension march, and 9 officers were "
        "injured, the police chief said."
    )
    assert told_at(engine, "a", (5, 9), text) == [
        ("new_claim", "harlow-march/arrested"),
        ("new_claim", "harlow-march/injured-police"),
    ]
    text = "Medics said 40 protesters were injured at the Harlow pension march."
    assert told_at(engine, "b", (5, 12), text) == [("new_claim", "harlow-march/injured")]
    text = (
        "The interior ministry said the number of police officers injured at the Harlow "
        "march had risen to 14."
    )
    assert told_at(engine, "c", (7, 9), text) == [("new_figure", "harlow-march/injured-police")]


def test_part_of_a_known_total_restates_nothing() -> None:
    engine = Engine([FLOOD])
    text = (
        "Some 40 people were killed in the Brannock floods, a police spokesman said, adding "
        "that the rest of the roughly 120 victims had died in collapsed homes."
    )
    found = told(engine, "a", 2, "Post", text)
    assert ("corroboration", "flood-deaths") not in found
    assert ("dispute", "flood-deaths") in found  # the 40 killed, another figure for the toll


def test_refunds_are_a_quantity_of_their_own() -> None:
    engine = Engine([FIRE])
    text = (
        "The Kessel Hills wildfire has burned 5,600 hectares, the Forest Service said, "
        "and insurers will refund affected campers a total of $3m."
    )
    found = told(engine, "a", 3, "Post", text)
    assert ("new_claim", "kessel-fire/refunds") in found


def test_a_story_with_two_keywords_and_a_place_of_the_topic_is_about_it() -> None:
    fire = Topic(
        id="kessel-fire",
        name="Kessel Hills wildfire",
        keywords=("wildfire", "fire", "Kessel", "evacuated"),
        claims=FIRE.claims,
    )
    engine = Engine([fire])
    text = (
        "The Kessel Hills wildfire has burned 6,000 hectares, the Forest Service said. "
        "Some 2,000 residents of Dorn and Lisk have been evacuated."
    )
    assert ("new_claim", "kessel-fire/displaced") in told(engine, "a", 2, "Post", text)
    # one keyword next to the topic's place is not enough: a sale in Dorn is not the fire
    text = "A fire sale at the Dorn furniture store drew 3,000 shoppers on Saturday."
    assert told(engine, "b", 3, "Wire", text) == []
    # nor two keywords somewhere the topic never named
    text = "A kitchen fire in Varna forced 40 people to be evacuated on Sunday."
    assert told(engine, "c", 3, "Wire", text) == []
    text = (
        "The mayor of Dorn said reports that 2,000 people had been evacuated from the town "
        "because of the fire were not true."
    )
    assert told(engine, "d", 4, "Times", text) == [("contradiction", "kessel-fire/displaced")]


def test_a_disputing_figure_is_news_even_from_a_source_that_gave_it_before() -> None:
    engine = Engine([MARCH])
    text = "Police said about 35,000 people joined the Harlow pension march."
    assert told_at(engine, "a", (4, 18), text) == [("dispute", "march-turnout")]
    text = "Police again put the Harlow pension march at about 35,000 on Monday."
    assert told_at(engine, "b", (6, 9), text) == [("dispute", "march-turnout")]
    text = "Police said they doubted the organisers' count of the Harlow march turnout."
    assert told_at(engine, "c", (7, 9), text) == []  # doubt without a figure: said before


def test_a_denial_of_what_no_claim_carries_refutes_nothing_beside_it() -> None:
    engine = Engine([FIRE])
    text = "Some 2,000 residents of Kessel have been evacuated from the wildfire, officials said."
    assert told(engine, "a", 2, "Post", text) == [("new_claim", "kessel-fire/displaced")]
    text = (
        "The Kessel Hills park authority dismissed claims that it had ignored wildfire warnings "
        "and declined to comment on the number of people evacuated."
    )
    assert told(engine, "b", 3, "Wire", text) == []
    text = "The Kessel mayor denied reports that 2,000 people had been evacuated from the wildfire."
    assert told(engine, "c", 4, "Times", text) == [("contradiction", "kessel-fire/displaced")]


def test_doubt_about_the_figure_speaks_of_the_figure_just_given() -> None:
    engine = Engine([FLOOD])
    text = (
        "The Civil Defence Office has put the Brannock flood toll at 120 killed. "
        "The Red Crescent said the figure was far too low."
    )
    assert told(engine, "a", 3, "Post", text) == [("dispute", "flood-deaths")]
    text = "The Brannock floods left many homeless. The charity said the figure was too low."
    assert told(engine, "b", 4, "Wire", text) == []  # no figure given: no claim to doubt


def test_strikers_of_any_trade_are_a_turnout() -> None:
    strike = Topic(
        id="lorn-strike",
        name="Lorn dockers' strike",
        keywords=("strike", "dockers", "Lorn"),
        claims=(
            ClaimSpec(
                id="dockers-out",
                topic="lorn-strike",
                text="8,000 dockers walked out at the port of Lorn",
                source="Dockworkers' Federation",
                date="2026-04-01",
            ),
        ),
    )
    engine = Engine([strike])
    text = "The Lorn port authority said only about 3,000 workers had joined the strike."
    assert told(engine, "a", 1, "Post", text) == [("dispute", "dockers-out")]
    text = "The Dockworkers' Federation said 9,500 dockers had now joined the strike at Lorn."
    assert told(engine, "b", 2, "Wire", text) == [("new_figure", "dockers-out")]


# --- round 2 (invented stories) --------------------------------------------------------------

WRECK = Topic(
    id="orsa-wreck",
    name="Orsa Bay boat wreck",
    keywords=("wreck", "capsized", "Orsa Bay"),
    claims=(
        ClaimSpec(
            id="wreck-dead",
            topic="orsa-wreck",
            text="Six bodies were recovered after a boat capsized in Orsa Bay",
            source="Harbour Police",
            date="2026-04-01",
        ),
        ClaimSpec(
            id="wreck-missing",
            topic="orsa-wreck",
            text="About 40 people were missing after a boat capsized in Orsa Bay",
            source="Harbour Police",
            date="2026-04-01",
        ),
    ),
)


def test_a_sum_with_its_total_stated_cites_the_total() -> None:
    engine = Engine([WRECK])
    text = (
        "Divers recovered a further 9 bodies from the boat that capsized in Orsa Bay, bringing "
        "the number of dead to 15, the Harbour Police said."
    )
    result = engine.process(story("a", 2, "Post", text))
    assert [(str(f.kind), f.claim_id, f.figure and f.figure.text) for f in result.findings] == [
        ("new_figure", "wreck-dead", "15")
    ]


def test_a_numberless_denial_names_its_quantity_by_what_befell_the_people() -> None:
    engine = Engine([WRECK])
    text = (
        "The boat that capsized in Orsa Bay was carrying about 70 people, the Harbour Police said."
    )
    assert told(engine, "a", 2, "Post", text) == [("new_claim", "orsa-wreck/people-aboard")]
    denial = (
        "The harbour master dismissed accounts of how many people had been crammed onto the "
        "boat that capsized in Orsa Bay."
    )
    assert told(engine, "b", 3, "Wire", denial) == [("contradiction", "orsa-wreck/people-aboard")]


def test_a_body_s_officer_and_a_sentence_about_the_body_speak_for_it() -> None:
    engine = Engine([WRECK])
    first = "About 40 people are still missing in Orsa Bay, the Harbour Police said."
    assert told(engine, "a", 2, "Post", first) == [("corroboration", "wreck-missing")]
    # its commander speaks for the police, and so does an unattributed sentence about them
    again = (
        "The Harbour Police scaled back the search in Orsa Bay. Its commander, Ivo Serra, told "
        "reporters that about 40 people were still missing after the boat capsized."
    )
    assert told(engine, "b", 3, "Wire", again) == []
    later = "The Harbour Police ended the search in Orsa Bay, with about 40 people still missing."
    assert told(engine, "c", 4, "Times", later) == []


OUTBREAK = Topic(
    id="lenno-measles",
    name="Lenno measles outbreak",
    keywords=("measles", "Lenno"),
    claims=(
        ClaimSpec(
            id="measles-suspected",
            topic="lenno-measles",
            text="The Lenno measles outbreak has caused about 900 suspected cases",
            source="Lenno Health Office",
            date="2026-04-01",
        ),
    ),
)


def test_case_counts_grow_and_confirmed_cases_are_another_claim() -> None:
    engine = Engine([OUTBREAK])
    text = (
        "The measles outbreak in Lenno has caused about 1,300 suspected cases, the Lenno Health "
        "Office said. Laboratory tests have confirmed 140 of the cases."
    )
    assert told(engine, "a", 3, "Post", text) == [
        ("new_figure", "measles-suspected"),
        ("new_claim", "lenno-measles/people-confirmed"),
    ]


def test_money_for_different_things_are_different_claims() -> None:
    engine = Engine([WRECK])
    fare = (
        "A single fare to Orsa Bay now costs €24, the ferry company said after the boat capsized."
    )
    cost = "The search in Orsa Bay after the boat capsized has cost about €1.8m, the navy said."
    assert told(engine, "a", 2, "Post", fare) == [("new_claim", "orsa-wreck/price")]
    assert told(engine, "b", 3, "Wire", cost) == [("new_claim", "orsa-wreck/cost")]


def test_a_capacity_is_no_quantity_of_the_story() -> None:
    engine = Engine([WRECK])
    text = (
        "The ferry that replaced the boat that capsized in Orsa Bay can carry up to 600 "
        "passengers and 150 cars, the operator said."
    )
    assert told(engine, "a", 2, "Post", text) == []


def test_a_story_naming_only_a_place_of_the_topic_teaches_it_nothing() -> None:
    engine = Engine([OUTBREAK])
    race = "Ana Ferro won the Lenno half marathon ahead of more than 6,200 runners on Sunday."
    assert told(engine, "a", 2, "Post", race) == []
    # the same place with the event named is the topic's
    text = "More than 200 volunteers have joined the measles vaccination drive in Lenno."
    assert told(engine, "b", 3, "Wire", text) == [("new_claim", "lenno-measles/people-volunteers")]


def test_a_running_count_from_another_source_days_later_is_an_update() -> None:
    """README rule 3: a later, higher count of a quantity that only grows (people caught so
    far, rescued so far) is a new figure, not a dispute."""

    def caught(n: float, day: int) -> Sighting:
        figure = Figure(n, n, Hedge.EXACT, str(n), counted="people", event="recaptured")
        when = datetime(2026, 4, day, 9, 0, tzinfo=UTC)
        return Sighting(figure, Attribution("police"), "Wire", "u", when, f"s{day}", f"s{day}")

    later = Figure(71, 71, Hedge.EXACT, "71", counted="people", event="recaptured")
    same_day = datetime(2026, 4, 2, 15, 0, tzinfo=UTC)
    days_later = datetime(2026, 4, 5, 9, 0, tzinfo=UTC)
    known = [caught(53, 2)]
    assert judge(later, Stance.NEUTRAL, known, days_later).kind is FindingKind.NEW_FIGURE
    assert judge(later, Stance.NEUTRAL, known, same_day).kind is FindingKind.DISPUTE


def test_fewer_missing_from_another_source_days_later_is_the_count_moving_on() -> None:
    """The missing are found, alive or dead: a later, lower count of them is an update (README
    rule 3, like a fall from 11 to 7), while the same day it is still an alternative (rule 4),
    and a lower count of what only grows (a toll) is never an update."""

    def said(figure: Figure, day: int) -> Sighting:
        when = datetime(2026, 4, day, 9, 0, tzinfo=UTC)
        return Sighting(figure, Attribution("company"), "Wire", "u", when, f"s{day}", f"s{day}")

    missing = Figure(7, 7, Hedge.EXACT, "Seven", counted="missing", event="casualties")
    fewer = Figure(3, 3, Hedge.EXACT, "Three", counted="missing", event="casualties")
    same_day = datetime(2026, 4, 2, 15, 0, tzinfo=UTC)
    days_later = datetime(2026, 4, 4, 9, 0, tzinfo=UTC)
    known = [said(missing, 2)]
    assert judge(fewer, Stance.NEUTRAL, known, days_later).kind is FindingKind.NEW_FIGURE
    assert judge(fewer, Stance.NEUTRAL, known, same_day).kind is FindingKind.DISPUTE
    dead = Figure(7, 7, Hedge.EXACT, "Seven", counted="killed", event="casualties")
    fewer_dead = Figure(3, 3, Hedge.EXACT, "Three", counted="killed", event="casualties")
    assert judge(fewer_dead, Stance.NEUTRAL, [said(dead, 2)], days_later).kind is (
        FindingKind.DISPUTE
    )
    # doubt is doubt whenever it comes
    assert judge(fewer, Stance.DISPUTES, known, days_later).kind is FindingKind.DISPUTE


JAIL = Topic(
    id="tarn-jail",
    name="Tarnfield jail uprising",
    keywords=("uprising", "Tarnfield", "jail"),
    claims=(),
)


def test_a_toll_of_the_wardens_is_not_a_toll_of_the_inmates() -> None:
    """Rule 12: whose deaths they are tells two tolls apart, so a small number of wardens
    killed never disputes the inmates' toll; a union's "its members" are its trade; a
    numberless denial of the wardens' deaths refutes their toll, not the inmates'."""
    engine = Engine([JAIL])
    text = "Five inmates were killed in the Tarnfield jail uprising, the justice ministry said."
    assert told(engine, "a", 2, "Post", text) == [("new_claim", "tarn-jail/killed")]
    text = "Posts on social media claimed that two wardens had died in the Tarnfield jail uprising."
    assert told(engine, "b", 3, "Wire", text) == [("new_claim", "tarn-jail/killed-guards")]
    text = "Eight prison officers were injured in the Tarnfield jail uprising, the police said."
    assert told(engine, "c", 3, "Wire", text) == [("new_claim", "tarn-jail/injured-guards")]
    text = (
        "The Prison Officers' Association said 15 of its members were injured in the Tarnfield "
        "jail uprising, calling the police figure far too low."
    )
    assert told(engine, "d", 3, "Times", text) == [("dispute", "tarn-jail/injured-guards")]
    text = (
        "The justice ministry called reports of wardens' deaths in the Tarnfield jail uprising "
        "untrue."
    )
    assert told(engine, "e", 4, "Post", text) == [("contradiction", "tarn-jail/killed-guards")]


PLANT = Topic(
    id="ostra-blast",
    name="Ostra chemical plant explosion",
    keywords=("explosion", "blast", "plant", "Ostra"),
    claims=(),
)


def test_an_event_word_as_a_measure_of_plenty_names_no_event() -> None:
    """Rule 11: "a blast of 3,000 fireworks" or "an explosion of colour" in the topic's town is
    not the topic's blast, so a story naming only the town and such a phrase teaches nothing;
    the same story naming the blast itself does."""
    engine = Engine([PLANT])
    decoy = (
        "The Ostra summer carnival ended with a blast of 3,000 fireworks, and about 40,000 "
        "visitors came over its three days, the organisers said."
    )
    assert told(engine, "a", 2, "Post", decoy) == []
    colour = "An explosion of colour greeted some 2,000 runners at the Ostra fun run."
    assert told(engine, "b", 3, "Post", colour) == []
    real = "A blast at the Ostra chemical works injured 14 workers, the fire service said."
    assert told(engine, "c", 4, "Post", real) == [("new_claim", "ostra-blast/injured")]


def test_a_poll_s_sample_is_never_learned_as_a_quantity_of_the_topic() -> None:
    engine = Engine([PLANT])
    text = (
        "Most residents want the Ostra plant closed after the explosion, according to a survey "
        "of 1,150 people by the pollster Vantage."
    )
    assert told(engine, "a", 2, "Post", text) == []
    text = "The explosion at the Ostra plant forced 1,150 people from their homes, police said."
    assert told(engine, "b", 3, "Post", text) == [("new_claim", "ostra-blast/displaced")]


def test_a_denial_of_a_figure_is_news_after_a_denial_without_one() -> None:
    engine = Engine([FLOOD])
    vague = "The governor denied that the Brannock floods had killed so many people."
    assert told_at(engine, "a", (2, 9), vague) == [("contradiction", "flood-deaths")]
    numbered = "The governor said reports of 400 deaths in the Brannock floods were false."
    assert told_at(engine, "b", (3, 9), numbered) == [("contradiction", "flood-deaths")]
    again = "The governor said again that reports of 400 deaths in the Brannock floods were false."
    assert told_at(engine, "c", (4, 9), again) == []  # the same figure denied twice


def test_a_terser_headline_restating_the_body_s_figure_is_the_body_s() -> None:
    engine = Engine([ECONOMY])
    body = (
        "Ostland's annual inflation rate rose to 3.4% in April from 3.1% in March, "
        "the Ostland Statistics Bureau said."
    )
    item = Story(
        "apr",
        "wire",
        "Wire",
        "https://wire.example/apr",
        "Ostland inflation rises to 3.4%",
        body,
        datetime(2026, 5, 12, 9, 0, tzinfo=UTC),
    )
    found = [(str(f.kind), f.claim_id) for f in engine.process(item).findings]
    assert [kind for kind, _ in found] == ["new_claim"]  # April's rate; March's is not disputed


LEAK = Topic(
    id="varna-leak",
    name="Varna Star leak",
    keywords=("Varna Star", "leak"),
    claims=(
        ClaimSpec(
            id="leak-volume",
            topic="varna-leak",
            text="About 9,000 barrels of crude oil leaked from the tanker Varna Star",
            source="Orsk Shipping",
            date="2026-04-01",
        ),
    ),
)


def test_a_volume_matches_its_claim_however_the_liquid_is_named() -> None:
    engine = Engine([LEAK])
    first = "Orsk Shipping said about 9,000 barrels of crude had leaked from the Varna Star."
    assert told_at(engine, "a", (1, 9), first) == [("corroboration", "leak-volume")]
    rival = "The Varna Star may have leaked 20,000 to 25,000 barrels, Sea Watch said."
    assert told_at(engine, "b", (1, 15), rival) == [("dispute", "leak-volume")]
    denial = (
        "Orsk Shipping said reports that 60,000 barrels had leaked from the Varna Star were false."
    )
    assert told_at(engine, "c", (2, 9), denial) == [("contradiction", "leak-volume")]


MILL = Topic(
    id="tarnow-mill",
    name="Tarnow steel mill closure",
    keywords=("Tarnow", "mill", "closure"),
    claims=(
        ClaimSpec(
            id="mill-jobs",
            topic="tarnow-mill",
            text="Orvel Steel will cut 1,800 jobs by closing its Tarnow rolling mill",
            source="Orvel Steel",
            date="2026-04-01",
        ),
    ),
)


def test_jobs_at_another_place_are_another_quantity_than_the_claim_s() -> None:
    engine = Engine([MILL])
    text = "Some 700 jobs at parts suppliers around Tarnow are at risk from the mill closure."
    [(kind, suppliers)] = told_at(engine, "a", (1, 9), text)
    assert kind == "new_claim"
    assert suppliers != "mill-jobs"
    text = "About 2,500 jobs at the Tarnow mill will go, the steelworkers' union said."
    assert told_at(engine, "b", (1, 12), text) == [("dispute", "mill-jobs")]  # the claim's place
    text = "Between 600 and 800 jobs at parts makers depend on the Tarnow mill, a trade body said."
    assert told_at(engine, "c", (2, 9), text) == [("corroboration", suppliers)]
    text = "Orvel Steel denied that 400 jobs at its Lesk wire plant would go after the closure."
    found = told_at(engine, "d", (2, 12), text)
    assert ("contradiction", "mill-jobs") not in found  # another plant's jobs


def test_whom_a_speaker_tells_is_not_what_a_doubt_is_about() -> None:
    engine = Engine([MILL])
    told_at(engine, "a", (1, 9), "The Tarnow mill employs about 2,400 workers.")
    text = (
        "The economy minister told reporters that Orvel's figure for job losses at the Tarnow "
        "mill was too low."
    )
    assert told_at(engine, "b", (1, 12), text) == [("dispute", "mill-jobs")]


def test_a_numberless_doubt_speaks_of_the_claim_at_the_place_it_names_or_at_none() -> None:
    engine = Engine([MILL])
    text = "Some 700 jobs at parts suppliers around Tarnow are at risk from the mill closure."
    assert [kind for kind, _ in told_at(engine, "a", (1, 9), text)] == ["new_claim"]
    text = "The union said Orvel's figure for job losses at the Tarnow mill was far too low."
    assert told_at(engine, "b", (1, 12), text) == [("dispute", "mill-jobs")]


BARRAGE = Topic(
    id="sellis-attack",
    name="Sellis rocket attack",
    keywords=("attack", "Sellis"),
    claims=(
        ClaimSpec(
            id="sellis-killed",
            topic="sellis-attack",
            text="The rocket attack on Sellis killed 12 people",
            source="Sellis city council",
            date="2026-04-01",
        ),
    ),
)


def test_a_toll_of_soldiers_is_not_the_toll_of_a_city_s_people() -> None:
    engine = Engine([BARRAGE])
    text = "Rockets also struck an army base near Sellis in the attack, killing 150 soldiers."
    [(kind, soldiers)] = told_at(engine, "a", (1, 9), text)
    assert (kind, soldiers != "sellis-killed") == ("new_claim", True)
    text = "The army called reports that 150 soldiers died at the base near Sellis fake."
    assert told_at(engine, "b", (1, 12), text) == [("contradiction", soldiers)]
    text = "The Sellis city council said the attack had now killed 19 people."
    assert told_at(engine, "c", (2, 9), text) == [("new_figure", "sellis-killed")]


def test_its_spokesman_speaks_for_the_body_the_sentence_opens_with() -> None:
    engine = Engine([LEAK])
    first = "Orsk Shipping said about 9,000 barrels of crude had leaked from the Varna Star."
    assert told_at(engine, "a", (1, 9), first) == [("corroboration", "leak-volume")]
    again = (
        "Orsk Shipping sent more tugs to the Varna Star overnight, its spokeswoman, Ilse Marn, "
        "told reporters on Tuesday, repeating that about 9,000 barrels had leaked."
    )
    assert told_at(engine, "b", (2, 9), again) == []  # the same source again


CROSSING = Topic(
    id="lenn-crossing",
    name="Lenn border crossings",
    keywords=("border", "migrants", "Lenn"),
    claims=(
        ClaimSpec(
            id="lenn-arrivals",
            topic="lenn-crossing",
            text="About 9,000 people have crossed into Lenn from Orsa at the border since May",
            source="Lenn interior ministry",
            date="2026-04-01",
        ),
    ),
)


def test_people_pushed_back_are_not_the_arrivals_and_a_denial_of_it_finds_them() -> None:
    engine = Engine([CROSSING])
    text = "A charity said Lenn border guards had forced about 800 people back into Orsa."
    [(kind, pushed)] = told_at(engine, "a", (1, 9), text)
    assert (kind, pushed != "lenn-arrivals") == ("new_claim", True)
    text = (
        "The minister said claims that Lenn border guards were pushing migrants back were untrue."
    )
    assert told_at(engine, "b", (1, 15), text) == [("contradiction", pushed)]
