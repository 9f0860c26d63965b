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
