"""The judging path's shortcuts give the answers of the long way round: voices asked about
only since the last answer, bodies kept per topic, a sentence's old values read once, the new
figure's core worked out once, negators in one pattern, tokens kept per word."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import judge
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.lexicon import NEGATORS, REFUTE_CUES
from bot.core.model import (
    Attribution,
    Figure,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
)
from bot.core.stance import against_old_value, find_cue, framed_as_revision, is_old_value
from bot.core.words import tokens

from .test_judging import FLOOD


def test_a_source_not_heard_is_heard_once_the_topic_hears_it() -> None:
    engine = Engine([FLOOD])
    water = Attribution("Regional Water Authority")
    assert engine._heard(FLOOD.id, Attribution("Civil Defence Office"))  # the claim's source
    assert not engine._heard(FLOOD.id, water)
    engine._add_voice(FLOOD.id, "Harbour Police")  # another voice: still a no
    assert not engine._heard(FLOOD.id, water)
    engine._add_voice(FLOOD.id, "the Regional Water Authority")
    assert engine._heard(FLOOD.id, water)
    engine._add_voice(FLOOD.id, "Harbour Police")  # heard again: not a new voice
    assert engine._heard_order[FLOOD.id].count("Harbour Police") == 1


def test_a_sentence_opening_with_a_body_heard_speaks_for_it() -> None:
    engine = Engine([FLOOD])
    said = engine._speaks_for(
        FLOOD.id, "The Civil Defence Office ended its search.", Attribution(), Attribution(), {}
    )
    assert said == Attribution(source="Civil Defence Office")
    unheard = "The Harbour Police ended their search."
    assert engine._speaks_for(FLOOD.id, unheard, Attribution(), Attribution(), {}) == (
        Attribution()
    )
    engine._add_voice(FLOOD.id, "Harbour Police")  # the kept bodies follow the new voice
    said = engine._speaks_for(FLOOD.id, unheard, Attribution(), Attribution(), {})
    assert said == Attribution(source="Harbour Police")


def test_old_values_given_or_read_give_the_same_answers() -> None:
    for text in (
        "The toll rose to 131, up from 85 on Monday.",
        "The ministry said 40 people died, not the 25 reported by the operator.",
        "Officials corrected the figure to 212 from the earlier estimate of 180.",
        "A further 14 bodies were found, bringing the number of dead to 23.",
        "Rescuers reached 214 polling stations from 11 districts.",
    ):
        figures = extract_figures(text)
        old = [is_old_value(text, f) for f in figures]
        assert against_old_value(text, figures, old) == against_old_value(text, figures)
        assert framed_as_revision(text, figures, old) == framed_as_revision(text, figures)
    text = "The toll rose to 131, up from 85 on Monday."
    figures = extract_figures(text)
    assert [is_old_value(text, f) for f in figures] == [False, True]
    assert framed_as_revision(text, figures, [False, True])


def test_every_negator_cancels_a_denial() -> None:
    assert find_cue("Officials denied the report.", REFUTE_CUES) == "denied"
    for negator in NEGATORS:
        sentence = f"Officials {negator} denied the report."
        assert find_cue(sentence, REFUTE_CUES) is None, negator


def _sighting(figure: Figure, day: int) -> Sighting:
    when = datetime(2026, 4, day, 9, 0, tzinfo=UTC)
    return Sighting(figure, Attribution("police"), "Wire", "u", when, f"s{day}", f"s{day}")


def test_the_first_agreeing_reference_is_the_one_corroborated() -> None:
    far = _sighting(Figure(10, 10, Hedge.EXACT, "10", counted="killed", event="casualties"), 1)
    near = _sighting(Figure(95, 95, Hedge.EXACT, "95", counted="killed", event="casualties"), 2)
    also = _sighting(Figure(100, 100, Hedge.EXACT, "100", counted="killed", event="casualties"), 3)
    up_to = Figure(60, 100, Hedge.UP_TO, "up to 100", counted="killed")  # core: 50 to 100
    verdict = judge(up_to, Stance.NEUTRAL, [far, near, also], datetime(2026, 4, 4, tzinfo=UTC))
    assert verdict.kind is FindingKind.CORROBORATION
    assert verdict.previous is near


def test_a_higher_toll_a_day_later_is_a_new_figure_and_a_lower_one_a_dispute() -> None:
    known = [_sighting(Figure(40, 40, Hedge.EXACT, "40", counted="killed", event="casualties"), 1)]
    later = datetime(2026, 4, 3, 9, 0, tzinfo=UTC)
    higher = Figure(60, 60, Hedge.EXACT, "60", counted="killed", event="casualties")
    verdict = judge(higher, Stance.NEUTRAL, known, later)
    assert (verdict.kind, verdict.may_be_update) == (FindingKind.NEW_FIGURE, True)
    lower = Figure(20, 20, Hedge.EXACT, "20", counted="killed", event="casualties")
    assert judge(lower, Stance.NEUTRAL, known, later).kind is FindingKind.DISPUTE


def test_tokens_are_the_same_asked_again() -> None:
    text = "The ministry's 2,500 troops and the Ministry's 2,500 soldiers, officials said"
    first = tokens(text)
    assert first == tokens(text)
    assert "#" in first
    assert "the" not in first
    assert first.count(first[first.index("#") - 1]) == 2  # "ministry's" and "Ministry's" alike
