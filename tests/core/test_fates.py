"""What befell the people counted says which quantity they are: the people mourned or buried,
or whose bodies were recovered, are dead; the people brought out alive are the rescued."""

from __future__ import annotations

from bot.core.figures import extract_figures


def kinds(sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.counted, f.event) for f in extract_figures(sentence)]


def test_people_mourned_or_buried_are_dead() -> None:
    assert kinds("Town mourns 6 climbers swept away by the Varn avalanche")[0][1] == "killed"
    assert kinds("The valley buried 14 villagers on Sunday, the mayor said.")[0][1] == "killed"


def test_people_whose_bodies_were_recovered_are_dead() -> None:
    sentence = "Divers have named all 8 cavers whose bodies were recovered from the flooded cave."
    assert kinds(sentence)[0][1] == "killed"


def test_people_brought_out_alive_are_the_rescued() -> None:
    sentence = "Cave divers brought five students out alive from the flooded Orrin cave on Friday."
    assert kinds(sentence) == [("five", "people", "rescued")]


def test_people_still_inside_are_not_the_dead() -> None:
    sentence = "Five students were still trapped in the flooded Orrin cave, the divers said."
    assert kinds(sentence)[0][1:] != ("killed", "casualties")
