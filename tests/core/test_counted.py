"""What a figure counts: the kind, the event, the actor and the recipient."""

from __future__ import annotations

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
