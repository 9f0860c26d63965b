"""What a figure counts: the kind, the event, the actor and the recipient."""

from __future__ import annotations

import pytest

from bot.core.cues import is_partitive, is_sample
from bot.core.figures import extract_figures
from bot.core.model import Figure


def frame(sentence: str, index: int = 0) -> tuple[str | None, ...]:
    f: Figure = extract_figures(sentence)[index]
    return (f.counted, f.event, f.actor, f.recipient)


def test_troops_to_be_sent() -> None:
    assert frame("North Korea will send 25,000 to 30,000 more troops to Russia") == (
        "troops",
        "to_be_sent",
        "north_korea",
        "russia",
    )


def test_troops_already_sent_are_another_quantity() -> None:
    assert frame("Pyongyang has already sent some 11,000 soldiers to Russia.") == (
        "troops",
        "sent",
        "north_korea",
        "russia",
    )


def test_killed_is_not_killed_or_wounded() -> None:
    assert frame("Some 600 North Korean soldiers were killed.")[0] == "killed"
    assert frame("About 4,000 North Korean soldiers were killed or wounded.")[0] == (
        "killed_or_wounded"
    )
    assert frame("North Korean casualties reached 4,000.")[0] == "killed_or_wounded"


def test_a_list_inherits_what_is_counted() -> None:
    sentence = "The count rose from 4,000 killed or wounded in March to 6,000."
    assert frame(sentence, 0)[0] == frame(sentence, 1)[0] == "killed_or_wounded"


def test_the_counted_noun_can_come_before_the_number() -> None:
    sentence = "GUR has no information about plans to increase the troop count to 30,000."
    assert frame(sentence)[:2] == ("troops", "to_be_sent")


def test_shells_of_different_actors_and_recipients() -> None:
    sentence = (
        "North Korea has supplied 12 million shells to Russia, "
        "compared with 3 million shells sent by the US to Ukraine."
    )
    assert frame(sentence, 0) == ("shells", "supplied", "north_korea", "russia")
    assert frame(sentence, 1) == ("shells", "supplied", "us", "ukraine")


def test_pledged_personnel_are_troops_pledged_not_casualties() -> None:
    assert frame("Pyongyang pledged 6,000 extra personnel to rebuild Kursk.")[:2] == (
        "troops",
        "pledged",
    )


def test_a_casualty_verb_before_the_number() -> None:
    assert frame("The earthquake killed 320 people.")[0] == "killed"
    assert frame("The blast injured at least 40 people.")[0] == "injured"


def test_the_speaker_is_not_the_actor() -> None:
    sentence = "South Korea's spy agency told lawmakers that 11,000 troops were sent."
    assert frame(sentence)[2] is None


def test_us_the_pronoun_is_not_the_country() -> None:
    assert frame("They told us 500 troops were sent.")[2] is None


def test_a_head_noun_from_afar() -> None:
    toll = extract_figures("The death toll from Friday's storm on the northern coast rose to 212.")
    assert toll[0].counted == "killed"
    number = extract_figures("The number of injuries linked to the faulty heaters has risen to 31.")
    assert number[0].counted == "injured"


def test_a_figure_with_no_noun_speaks_of_the_earlier_one() -> None:
    figures = extract_figures(
        "Rescuers counted about 90 dead, and said the official figure of 140 was too high."
    )
    assert [f.counted for f in figures] == ["killed", "killed"]


def test_people_still_missing_and_sheltering() -> None:
    missing = extract_figures("Dozens of people were still missing in the flooded valley.")
    assert missing[0].counted == "missing"
    sheltering = extract_figures("Nearly 4,000 people were sheltering in schools.")
    assert sheltering[0].counted == "displaced"
    treated = extract_figures("Over 300 people have been treated for injuries.")
    assert treated[0].counted == "injured"


def test_an_increment_of_something_other_than_troops_is_not_a_plan() -> None:
    (figure,) = extract_figures("The maker widened its recall by a further 50,000 cars.")
    assert (figure.counted, figure.event) == ("vehicles", None)


def test_people_who_marched_are_protesters() -> None:
    (figure,) = extract_figures("Some 35,000 people marched through the old town.")
    assert figure.counted == "protesters"


def test_a_nationwide_figure_has_a_wider_scope() -> None:
    national, local = extract_figures(
        "About 900,000 people marched nationwide; 35,000 people marched in the capital."
    )
    assert (national.scope, local.scope) == ("national", None)


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Some 12,000 demonstrators gathered in Castle Square.", ["protesters"]),
        ("About 3,000 marchers and 500 strikers reached parliament.", ["protesters"] * 2),
        ("Organisers said 90,000 people took part in the march.", ["protesters"]),
        ("The ministry said fewer than 20,000 people took part.", ["protesters"]),
        ("Police estimated the crowd at about 25,000.", ["protesters"]),
        ("Police put the turnout at 30,000.", ["protesters"]),
        ("About 8,000 dock workers walked out on Monday.", ["protesters"]),
        ("The union said 6,000 of its members had joined the walkout.", ["protesters"]),
        ("Ministry denies 9,000 joined the strike", ["protesters"]),
        ("Almost 2,000 people joined the rescue effort.", ["people"]),
        ("The club won in front of a crowd of 31,500.", ["people"]),
        ("A record 12,000 runners took part in the race.", ["people"]),
    ],
)
def test_a_crowd_of_protesters_or_strikers(sentence: str, kinds: list[str]) -> None:
    assert counted(sentence) == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("More than 900 firefighters, rescuers and volunteers were deployed.", ["people"]),
        ("The ministry sent 4,000 extra personnel and 1,200 riot police.", ["troops", "people"]),
        ("About 300 police officers were on duty.", ["people"]),
        ("At least 15 officers were hurt.", ["injured"]),
        ("Police detained 45 people and arrested a further 20.", ["arrested"] * 2),
        ("Police arrest 36 after strikers block tracks", ["arrested"]),
        ("Some 250 detainees were released.", ["arrested"]),
        ("Authorities evacuated 9,000 people.", ["displaced"]),
        ("Around 2,000 evacuees are staying in school gyms.", ["displaced"]),
        ("Floods force 7,000 from their homes", ["displaced"]),
        ("Evacuations rise to 5,500", ["displaced"]),
        ("More than 600 people forced out by the fire are in shelters.", ["displaced"]),
        ("Some 140 people remain in hospital.", ["injured"]),
        ("The storm claimed 31 lives.", ["killed"]),
        ("The shipyard will hire 350 workers.", ["jobs"]),
        ("Hackers reached 40,000 customer accounts.", ["units"]),
        ("The storm cut power to 12,000 homes.", ["units"]),
        ("More than 1,200 customers have joined a class action.", ["people"]),
    ],
)
def test_people_and_things_by_role(sentence: str, kinds: list[str]) -> None:
    assert counted(sentence) == kinds


def test_areas_keep_their_units() -> None:
    assert counted("The fire has burned 18,500 hectares and 2,000 acres.") == [
        "hectares",
        "acres",
    ]
    assert counted("The blaze covered about 45 square kilometres.") == ["square_km"]
    assert counted("Up to 35,000 ha may have burned.") == ["hectares"]


def test_a_number_with_a_noun_of_its_own_counts_that_noun() -> None:
    # places are things counted (units), told apart by their noun, never the displaced
    assert counted("Some 3,500 residents were evacuated from four villages.") == [
        "displaced",
        "units",
    ]
    assert scope("Some 3,500 residents were evacuated from four villages.", 1) == (
        "units",
        "village",
    )
    assert counted("The striker scored 17 goals.") == [None]  # a tally, not a thing


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The auditors found 48,700 rejected ballots.", ("units", "rejected ballot")),
        ("Customs seized 3,000 counterfeit watches at the port.", ("units", "counterfeit watch")),
        ("The studio sold 1.8 million copies in ten days.", ("units", "copy")),
        ("The storm flattened 212 greenhouses.", ("units", "greenhouse")),
        ("Rangers counted 640 nesting pairs.", ("units", "nesting pair")),
        ("Crews replaced 96 batteries overnight.", ("units", "battery")),
        ("Some 12 trailers were still being held at the border.", ("units", "trailer")),
        ("About 40,000 head of cattle were moved north.", ("units", "livestock")),
        ("Nearly 9,000 sheep and goats were sold at the market.", ("units", "livestock")),
    ],
)
def test_a_thing_the_lexicon_does_not_know_is_counted_by_its_noun(
    sentence: str, expected: tuple[str | None, str | None]
) -> None:
    """Open vocabulary: the head noun after the number, in the singular, with its modifiers,
    is the quantity's identity; livestock words are one group."""
    assert scope(sentence) == expected


def test_the_same_noun_is_one_quantity_and_another_noun_is_another() -> None:
    first = extract_figures("Inspectors found 48,700 rejected ballots in the count.")[0]
    later = extract_figures("The count now shows about 51,000 rejected ballots.")[0]
    other = extract_figures("Police seized 51,000 forged ballots.")[0]
    assert (first.counted, first.scope) == (later.counted, later.scope)
    assert other.scope != first.scope


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 23 others were injured.",
        "Fans cast 12,000 votes for the new kit.",
        "The regulator received 52 complaints.",
        "The agency logged 300 calls in an hour.",
    ],
)
def test_stand_ins_tallies_and_acts_are_not_things(sentence: str) -> None:
    assert extract_figures(sentence)[0].counted != "units"


def test_a_toll_of_animals_is_its_own_event() -> None:
    died = extract_figures("Some 40,000 cattle, sheep and goats have died of thirst.")[0]
    sold = extract_figures("Some 40,000 cattle were sold at auction.")[0]
    assert (died.counted, died.scope, died.event) == ("units", "livestock", "casualties")
    assert (sold.counted, sold.scope, sold.event) == ("units", "livestock", None)


def test_a_casualty_word_after_an_unknown_person_noun_still_counts_the_casualties() -> None:
    assert counted("Nine wardens were injured in the fighting.") == ["injured"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The harvest is forecast at 2.1 million tonnes of grain.", "grain"),
        ("About 1,800 tonnes of burned feedstock were lost.", "burned feedstock"),
        ("Exporters shipped 40,000 tonnes of frozen fish last month.", "frozen fish"),
    ],
)
def test_a_weight_is_in_tonnes_and_measures_its_of_noun(sentence: str, measure: str) -> None:
    f = extract_figures(sentence)[0]
    assert (f.unit, f.counted, f.measure) == ("tonnes", None, measure)


def scope(sentence: str, index: int = 0) -> tuple[str | None, str | None]:
    f: Figure = extract_figures(sentence)[index]
    return (f.counted, f.scope)


def test_more_than_is_a_comparison_not_more_troops() -> None:
    sentence = (
        "The carrier said 250,000 lines had been cut, far more than the 12,000 it first gave."
    )
    assert [f.event for f in extract_figures(sentence)] == [None, None]
    assert frame("Belmora will send 5,000 more soldiers to the border")[:2] == (
        "troops",
        "to_be_sent",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "About 80,000 people marched in Kell against the government's plan to cut pensions.",
        "The blaze has burned 5,000 hectares, and the army plans to send more crews.",
    ],
)
def test_a_turnout_or_an_area_is_never_sent(sentence: str) -> None:
    assert extract_figures(sentence)[0].event is None


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Some 2,000 residents of Kell and Marrow have been evacuated.", "displaced"),
        ("About 40 workers at the Dunmore plant were injured.", "injured"),
        ("Nearly 300 villagers from the valley are missing.", "missing"),
    ],
)
def test_where_people_come_from_sits_between_them_and_what_befell_them(
    sentence: str, counted: str
) -> None:
    assert frame(sentence)[0] == counted


def test_people_of_a_trade_are_a_group_of_their_own() -> None:
    assert scope("More than 300 firefighters are tackling the blaze.") == (
        "people",
        "firefighters",
    )
    assert scope("Eight police officers were injured in the clashes.") == ("injured", "police")
    assert scope("About 40 rescue workers were hurt.") == ("injured", "rescuers")
    assert scope("At least 120 people were injured in the clashes.") == ("injured", None)
    assert scope("Some 2,000 residents were evacuated.") == ("displaced", None)


def test_the_number_of_names_what_a_distant_figure_counts() -> None:
    sentence = "The number of police officers hurt in the clashes on Friday has risen to 27."
    assert scope(sentence) == ("injured", "police")
    assert scope("The number of injured rose to 2,300.") == ("injured", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police put the Dunmore rally at about 12,000.",
        "Organisers raised their march estimate to 90,000.",
        "Police: about 12,000 at the Dunmore pension rally",
    ],
)
def test_a_bare_number_given_as_the_size_of_a_march_counts_protesters(sentence: str) -> None:
    assert frame(sentence)[0] == "protesters"


def test_a_bare_number_near_a_march_that_is_not_its_size_counts_nothing() -> None:
    assert frame("The council set the march budget at €2m.")[0] is None
    assert frame("The rally drew 3,000 to the square on 14 May.")[0] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "He added that the rest of the roughly 4,000 casualties were wounded.",
        "Most of the 200 arrested were released.",
        "Half of its 3,000 staff were sent home.",
    ],
)
def test_a_part_of_a_known_total_names_the_total_as_given(sentence: str) -> None:
    assert is_partitive(sentence, extract_figures(sentence)[0].span[0])


def test_a_total_stated_plainly_is_not_partitive() -> None:
    for sentence in ("They counted the 4,000 casualties again.", "Some 4,000 were wounded."):
        assert not is_partitive(sentence, extract_figures(sentence)[0].span[0])


def test_clock_times_are_not_counts() -> None:
    assert extract_figures("The march ended peacefully at 6 p.m., police said.") == []
    assert extract_figures("The first train left at 5 a.m.") == []


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The club has 12,400 season-ticket holders.", "people"),
        ("The city will add 14 tram stops.", "units"),
        ("The storm closed 85 schools.", "units"),
        ("Hotels counted 2,000 arrivals last week.", "people"),
    ],
)
def test_holders_are_people_and_places_are_units(sentence: str, counted: str) -> None:
    assert frame(sentence)[0] == counted


def test_what_befell_protesters_is_what_is_counted() -> None:
    assert frame("Medics said 40 protesters were injured at the rally.")[0] == "injured"
    assert frame("Police arrested 45 demonstrators.")[0] == "arrested"
    assert frame("Some 20,000 protesters marched on parliament.")[0] == "protesters"


@pytest.mark.parametrize(
    ("sentence", "counted", "event"),
    [
        ("About 60 passengers were rescued and flown to Marl.", "people", "rescued"),
        ("Rescuers said 12 miners were trapped underground.", "people", "trapped"),
        ("The ferry, carrying 130 passengers and crew, sank.", "people", "aboard"),
        ("A freighter carrying 3,000 shells docked on Friday.", "shells", None),
        ("Officials said 35 people had been confirmed dead.", "killed", "casualties"),
        ("About 20 miners are feared to have been killed.", "killed", "casualties"),
    ],
)
def test_what_befell_people_who_are_not_casualties_is_their_event(
    sentence: str, counted: str, event: str | None
) -> None:
    assert frame(sentence)[:2] == (counted, event)


@pytest.mark.parametrize(
    ("sentence", "scope_"),
    [
        ("Rescuers brought 12 miners to the surface alive.", "miners"),
        ("More than 1,200 customers have joined the class action.", "customers"),
        ("Rescue teams of about 200 people are working in shifts.", None),
        ("Some 400 residents gathered in the square.", None),
        ("Officials said 30 miners were trapped.", None),  # the event says which people
    ],
)
def test_a_plain_count_of_people_is_of_the_people_its_noun_names(
    sentence: str, scope_: str | None
) -> None:
    assert extract_figures(sentence)[0].scope == scope_


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Kora is recalling about 450,000 space heaters sold since 2024.", "units"),
        ("Orbis recalls 3,000 phone chargers.", "units"),
        ("SafeHome said at least 1 million Kora heaters were affected.", "units"),
        ("The storm destroyed 12 bridges.", "units"),
        ("Aresti scored 17 goals last season.", None),
        ("The regulator has received 52 reports of overheating.", None),
        ("Customs seized 200 kilograms of cocaine.", None),
    ],
)
def test_things_made_sold_recalled_or_damaged_are_units(sentence: str, counted: str | None) -> None:
    assert frame(sentence)[0] == counted


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 8,000 dockers walked out at the port on Tuesday.",
        "The ministry said 9,500 dockers were on strike.",
        "Some 6,000 nurses went on strike on Monday.",
    ],
)
def test_people_of_any_trade_who_walk_out_are_strikers(sentence: str) -> None:
    figure = extract_figures(sentence)[0]
    assert (figure.counted, figure.scope) == ("protesters", None)


def test_joining_something_that_is_no_protest_is_no_turnout() -> None:
    assert frame("More than 1,200 customers have joined the class action.")[0] == "people"
    assert frame("About 200 volunteers took part in the clean-up.")[0] == "people"


def test_a_trade_named_before_the_number_of_is_not_its_group() -> None:
    sentence = "Rescuers found no more survivors, and the number of missing remains at about 46."
    assert scope(sentence) == ("missing", None)


# --- round 2: what is counted in outbreaks, wrecks and disruptions (invented sentences) ------


def test_disease_cases_are_people_told_apart_by_how_sure_the_count_is() -> None:
    assert frame("Health officials have recorded about 900 suspected cases of measles.")[:2] == (
        "people",
        "suspected",
    )
    assert frame("Laboratory tests have confirmed 57 of the cases, the agency said.")[:2] == (
        "people",
        "confirmed",
    )
    # a number in a list inherits the noun, but its own diagnosing verb sets its event
    listed = "Suspected infections climbed to 1,020 and laboratories have confirmed 88."
    assert frame(listed, 0)[:2] == ("people", "suspected")
    assert frame(listed, 1)[:2] == ("people", "confirmed")


def test_hospital_admissions_are_people_admitted() -> None:
    sentence = "Some 430 patients have been admitted to hospital since the outbreak began."
    assert frame(sentence)[:2] == ("people", "admitted")


def test_the_bodies_of_people_count_the_dead() -> None:
    assert frame("Divers recovered the bodies of 12 people from the hull.")[0] == "killed"


def test_survivors_are_the_rescued_and_crammed_onto_a_boat_is_aboard() -> None:
    assert frame("Twenty-six survivors were brought ashore at Lenno.")[:2] == ("people", "rescued")
    crammed = "Witnesses said 90 people had been crammed onto the dinghy."
    assert frame(crammed)[:2] == ("people", "aboard")


def test_things_counted_as_units_keep_what_they_are_as_their_scope() -> None:
    bags = extract_figures("Some 2,100 suitcases were left behind at Orsa airport.")[0]
    flights = extract_figures("The airline cancelled 310 flights at Orsa airport.")[0]
    assert (bags.counted, flights.counted) == ("units", "units")
    assert (bags.scope, flights.scope) == ("bags", "flights")
    share = extract_figures("Some 64% of its flights left on time.")[0]
    assert (share.unit, share.scope, share.measure) == ("percent", None, "punctuality")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The economy added 14,000 jobs in March, the office said.", "mar"),
        ("Claims for the 4,000 lost bags can be made until 30 November.", None),
        ("Claims for the 4,000 lost bags can be made until November 30.", None),
        ("About 1,300 people have been admitted to hospital since late June.", None),
    ],
)
def test_a_month_with_a_day_or_a_since_is_a_date_not_a_period(
    sentence: str, period: str | None
) -> None:
    assert extract_figures(sentence)[0].period == period


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The Red Crescent launched an appeal for $4.2m on Monday.", "appeal"),
        ("The operator set aside £12m to cover compensation for travellers.", "compensation"),
        ("A return fare now costs €18, the ferry company said.", "price"),
        ("The rescue operation had cost €2.5m by Friday.", "cost"),
        ("The case-fatality rate fell to 1.9%, the agency said.", "fatality_rate"),
    ],
)
def test_money_and_rates_measure_what_they_are_for(sentence: str, measure: str) -> None:
    assert extract_figures(sentence)[0].measure == measure


def test_an_amount_given_to_the_cent_is_the_price_of_one_thing() -> None:
    """A price is not a cost of damage: "costs €19.99" is what one copy sells for, while a
    total ("cost €2.5m", "a fine of €1,250") is never given to the cent with a scale word."""
    for sentence in (
        "The board game costs €19.99 in most shops.",
        "Diesel rose to $4.17 a gallon on Monday.",
        "A single ticket now costs 12.50 euros.",
    ):
        assert extract_figures(sentence)[0].measure == "price", sentence
    assert extract_figures("Repairs will cost €6.25 million.")[0].measure == "cost"
    assert extract_figures("The rescue operation had cost €2.5m by Friday.")[0].measure == "cost"


def test_a_bare_number_that_only_people_can_suffer_counts_people() -> None:
    assert frame("Airport says 61,000 stranded by the outage")[:2] == ("people", "trapped")
    assert frame("A report said 300 had been on board the boat.")[:2] == ("people", "aboard")


def test_airport_things_are_units() -> None:
    assert frame("Twelve new gates would be built.")[0] == "units"


def test_a_percentage_of_a_group_measures_a_share_of_it() -> None:
    share = extract_figures("The agency said 27% of the survivors were children.")[0]
    assert (share.unit, share.measure) == ("percent", "share_people")
    # a measure word says what a percentage measures before the group does
    rate = extract_figures("Some 64% of its flights left on time.")[0]
    assert rate.measure == "punctuality"


def test_getting_away_and_being_brought_back_are_two_events_of_the_same_people() -> None:
    escaped = extract_figures("Some 40 inmates escaped from the jail overnight.")[0]
    caught = extract_figures("Police have recaptured 12 inmates near the border.")[0]
    further = extract_figures("A further nine fugitives were caught on Sunday.")[0]
    assert escaped.event == "escaped"
    assert caught.event == further.event == "recaptured"


def test_people_who_escaped_or_were_recaptured_are_prisoners_whatever_noun_counts_them() -> None:
    escaped = extract_figures("Some 40 inmates escaped from the jail overnight.")[0]
    caught = extract_figures("Police have recaptured 12 convicts near the border.")[0]
    fled = extract_figures("The warden said 17 people had absconded from the centre.")[0]
    assert (escaped.counted, escaped.event) == ("prisoners", "escaped")
    assert (caught.counted, caught.event) == ("prisoners", "recaptured")
    assert (fled.counted, fled.event) == ("prisoners", "escaped")
    # a headline's present tense says the same
    headline = extract_figures("Police recapture 22 escapees near Tolle")[0]
    assert (headline.counted, headline.event) == ("prisoners", "recaptured")
    headline = extract_figures("35 inmates escape after riot at Dunmore jail")[0]
    assert (headline.counted, headline.event) == ("prisoners", "escaped")
    # named as prisoners, they keep the event too: escaped is not taken prisoner in a war
    named = extract_figures("Seventeen prisoners broke out of the jail.")[0]
    assert (named.counted, named.event) == ("prisoners", "escaped")
    pows = extract_figures("The army said 85 prisoners of war were held.")[0]
    assert (pows.counted, pows.event) == ("prisoners", "casualties")
    # the same people killed, or taken hostage, are counted by what befell them, not as prisoners
    killed = extract_figures("Three inmates were killed in the fighting.")[0]
    assert killed.counted == "killed"
    hostages = extract_figures("Five visitors were rescued from the wing.")[0]
    assert hostages.counted == "people"


def test_those_who_keep_a_prison_are_a_group_of_their_own() -> None:
    guards = extract_figures("Two guards were killed in the riot.")[0]
    inmates = extract_figures("Two inmates were killed in the riot.")[0]
    assert (guards.counted, guards.scope) == ("killed", "guards")
    assert (inmates.counted, inmates.scope) == ("killed", None)
    held = extract_figures("Twelve prison officers were still held hostage.")[0]
    assert (held.counted, held.scope) == ("people", "guards")


def test_where_the_people_are_from_set_off_by_commas_does_not_hide_what_befell_them() -> None:
    sentence = "About 700 residents, from the streets east of the canal, were moved out overnight."
    assert extract_figures(sentence)[0].counted == "displaced"
    sentence = "Some 90 workers, at the plant near the harbour, had been injured."
    assert extract_figures(sentence)[0].counted == "injured"
    # another clause after the aside is not their predicate
    sentence = "About 700 residents, from the town, said 40 neighbours were hurt."
    assert [f.counted for f in extract_figures(sentence)] == ["people", "injured"]
    # made to leave home, in other words
    for verb in ("relocated", "ordered to leave", "moved out"):
        assert extract_figures(f"Some 300 villagers were {verb}.")[0].counted == "displaced"


def test_a_trade_body_s_members_are_of_its_trade() -> None:
    sentence = "The Firefighters' Union said 30 of its members had been injured."
    assert extract_figures(sentence)[0].scope == "firefighters"
    assert extract_figures("The union said 30 of its members had been injured.")[0].scope is None
    # a count not of its members keeps its own noun
    sentence = "The Firefighters' Union said 30 residents had been injured."
    assert extract_figures(sentence)[0].scope is None


def test_a_part_of_a_whole_counts_the_whole_s_people_with_the_predicate_s_event() -> None:
    sentence = "Officials said 30 of the 45 inmates who escaped had been caught."
    part, whole = extract_figures(sentence)
    assert (part.counted, part.event) == (whole.counted, "recaptured")
    assert whole.event == "escaped"
    part, whole = extract_figures("Crews said 40 of the 120 homes had no power.")
    assert (part.counted, part.scope) == (whole.counted, whole.scope) == ("units", "homes")


def test_a_weight_without_an_of_phrase_measures_the_goods_its_clause_names() -> None:
    f = extract_figures("The rice harvest should come in at about 4.2 million tonnes.")[0]
    assert (f.unit, f.measure) == ("tonnes", "rice")
    f = extract_figures("Output reached 300,000 tonnes last year.")[0]
    assert (f.unit, f.measure) == ("tonnes", None)  # nothing named: no quantity to learn


@pytest.mark.parametrize(
    ("sentence", "sample"),
    [
        ("The figures come from a survey of 2,310 adults by the Norland Institute.", True),
        ("A poll of some 900 voters put the mayor ahead.", True),
        ("In all, 1,500 parents were questioned online last week.", True),
        ("The study asked 640 respondents about their commute.", True),
        ("About 2,310 people were evacuated from the valley.", False),
        ("Police said 900 voters had queued outside the hall.", False),
    ],
)
def test_the_size_of_a_poll_s_sample_is_its_method_not_a_quantity(
    sentence: str, sample: bool
) -> None:
    (figure,) = extract_figures(sentence)
    assert is_sample(sentence, *figure.span) is sample


def munition(sentence: str, index: int) -> tuple[str | None, ...]:
    f: Figure = extract_figures(sentence)[index]
    return (f.counted, f.event, f.scope)


def test_munitions_are_shells_told_apart_by_what_they_are_and_what_became_of_them() -> None:
    sentence = (
        "Ardovia fired 52 rockets and 40 attack drones at the port of Sellis overnight, and "
        "the navy said its air defences had shot down 37 of the rockets and 29 of the drones."
    )
    assert munition(sentence, 0) == ("shells", "launched", "rockets")
    assert munition(sentence, 1) == ("units", "launched", "drones")  # not the next one's verb
    assert munition(sentence, 2) == ("shells", "downed", "rockets")
    assert munition(sentence, 3) == ("units", "downed", "drones")
    assert munition("Gunners fired 3,000 artillery shells a day.", 0) == (
        "shells",
        "launched",
        None,
    )
    assert munition("The army says it intercepted 12 cruise missiles.", 0) == (
        "shells",
        "downed",
        "missiles",
    )


def test_a_part_of_a_whole_without_an_article_keeps_its_own_verb() -> None:
    assert munition("Air defences shot down 14 of 20 missiles fired at the city.", 0) == (
        "shells",
        "downed",
        "missiles",
    )


def test_firing_people_or_launching_a_recall_is_no_munition_s_event() -> None:
    assert extract_figures("The mill fired 200 workers in May.")[0].event is None
    assert extract_figures("Orvel launched a recall of 90,000 vehicles.")[0].event is None


def test_where_the_counted_things_are_qualifies_them() -> None:
    def where(sentence: str) -> str | None:
        return extract_figures(sentence)[0].qualifier

    assert where("Some 700 jobs at parts suppliers around Tarnow are at risk.") == "part supplier"
    assert where("About 400 jobs at Orvel's gearbox plant in Lesk will go.") == "gearbox plant"
    assert where("About 400 jobs at its Lesk plant will go.") == "plant"  # names left out
    assert where("Some 90 homes in Lesk lost power.") is None
    assert where("About 300 jobs in the region depend on it.") is None  # a place in general
    assert where("It counted 51,000 arrivals in the past week.") is None
    assert where("The count covered 96 polling stations in neighbouring Orsa.") is None
    assert where("Some 9,000 people in drought-hit Orsa province need aid.") is None
    assert where("About 400 jobs would go at its Lesk plant.") is None  # the verb's place


def test_the_words_for_losing_jobs_count_jobs() -> None:
    for sentence in (
        "The chief executive called the 900 job cuts painful.",
        "The union fears 1,200 job losses.",
        "Orvel announced 450 redundancies.",
        "The firm confirmed 300 layoffs.",
    ):
        assert extract_figures(sentence)[0].counted == "jobs", sentence


def test_a_toll_of_animals_or_things_counts_them_not_people() -> None:
    birds = extract_figures("Rangers said 420 dead gannets had washed up on the beach.")[0]
    assert (birds.counted, birds.event, birds.scope) == ("units", "casualties", "gannet")
    seals = extract_figures("Rangers found 17 injured seals.")[0]
    assert (seals.counted, seals.event, seals.scope) == ("units", "casualties", "seal")
    # a noun after which a toll is told may be people's ("40 neighbours were hurt")
    assert extract_figures("Rangers said 40 neighbours were hurt.")[0].counted == "injured"
    children = extract_figures("Medics said 12 dead children had been found.")[0]
    assert children.counted == "killed"  # people, by age
    assert extract_figures("Some 600 soldiers were killed.")[0].counted == "killed"


def test_applications_lodged_are_things_counted() -> None:
    f = extract_figures("Officials said 8,300 asylum applications had been lodged.")[0]
    assert (f.counted, f.scope) == ("units", "asylum application")
    assert extract_figures("The firm received 52 reports of fires.")[0].counted is None


def test_people_sent_back_are_counted_apart_from_those_who_came() -> None:
    def seen(sentence: str, index: int = 0) -> tuple[str | None, str | None]:
        f = extract_figures(sentence)[index]
        return (f.counted, f.event)

    assert seen("Guards had forced about 800 people back across the river.") == (
        "people",
        "pushed_back",
    )
    assert seen("Police deported a further 210 people to Orsa.") == ("people", "deported")
    text = "Police detained 900 people at the crossing and have deported 300 of them."
    assert seen(text, 1) == ("people", "deported")
    assert seen("About 9,000 people have crossed into Lenn since May.") == ("people", None)


def test_people_by_age_or_sex_are_a_group_of_their_own() -> None:
    f = extract_figures("Volunteers registered some 700 unaccompanied children at the camp.")[0]
    assert (f.counted, f.scope) == ("people", "children")


def test_more_modifies_the_number_next_to_it_not_one_a_clause_away() -> None:
    f = extract_figures("About 900 volunteers were clearing the beach, and more were expected.")[0]
    assert f.event is None
    assert extract_figures("Orsa will send 2,000 more troops to Lenn.")[0].event == "to_be_sent"


def test_what_an_amount_or_a_share_is_for_is_told_by_its_noun() -> None:
    def measure(sentence: str) -> str | None:
        return extract_figures(sentence)[0].measure

    assert measure("The region offered Orvel a €40m subsidy to stay.") == "subsidy"
    assert measure("Orvel set aside €90m for severance payments.") == "cost"  # a known measure
    assert measure("The region gave $12m for school ambulances.") == "school ambulance"
    assert measure("Crews have recovered 45% of the oil spilled.") == "share_oil"
    assert measure("He won 51.2% of those cast.") is None
    assert measure("MPs passed the government's €18.5bn plan.") is None  # what carries a sum
    assert measure("It comes on top of €20m the Commission gave Orsa.") is None
