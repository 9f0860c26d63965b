"""Claim matching: masked words, an inverted index, and frame compatibility."""

from __future__ import annotations

from bot.core.figures import extract_figures
from bot.core.matching import (
    ClaimIndex,
    frame_compatible,
    masked,
    quantity_key,
    similarity,
    tokens,
)
from bot.core.model import ClaimSpec
from bot.core.run import reference_figure


def test_numbers_are_masked_and_synonyms_folded() -> None:
    assert tokens("Pyongyang will send 30,000 soldiers to Moscow") == [
        "north_korea",
        "send",
        "#",
        "troops",
        "russia",
    ]
    assert (
        similarity(
            masked("North Korea will send 25,000 more troops to Russia"),
            masked("Pyongyang could send 30,000 more soldiers to Moscow"),
        )
        == 1.0
    )


def index_of(count: int) -> ClaimIndex:
    index = ClaimIndex()
    for i in range(count):
        spec = ClaimSpec(f"t{i % 100}/c{i}", f"t{i % 100}", f"Region {i} reported {i + 10} killed")
        index.add(spec, reference_figure(spec.text))
    spec = ClaimSpec("t7/troops", "t7", "North Korea will send 25,000 more troops to Russia")
    index.add(spec, reference_figure(spec.text))
    return index


def test_candidates_come_from_the_index_and_stay_few() -> None:
    index = index_of(20_000)
    found = index.candidates("t7", tokens("Pyongyang may send 30,000 more soldiers to Russia"))
    assert found[0].spec.id == "t7/troops"
    assert len(found) <= 50
    assert index.candidates("t8", tokens("Pyongyang may send 30,000 more soldiers")) == []


def test_a_figure_finds_its_claim_only_when_the_frame_fits() -> None:
    index = index_of(1_000)
    sentence = "North Korea could send as many as 30,000 more soldiers to Russia."
    (figure,) = extract_figures(sentence)
    hit = index.best_for_figure("t7", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "t7/troops"
    other = "The US will send 3,000 more troops to Poland."
    (figure,) = extract_figures(other)
    assert index.best_for_figure("t7", figure, masked(other)) is None


def test_periods_and_measures_keep_quantities_apart() -> None:
    (january,) = extract_figures("Inflation was 4.0% in January.")
    (february,) = extract_figures("Inflation was 3.8% in February.")
    (unsaid,) = extract_figures("Inflation was 3.9%, the bureau said.")
    (deficit,) = extract_figures("The deficit was 3.9% of output.")
    assert quantity_key(january) == "inflation" and quantity_key(deficit) == "deficit"
    assert not frame_compatible(february, january, 1.0)
    assert frame_compatible(unsaid, january, 1.0)  # a period not said is no conflict
    assert not frame_compatible(deficit, january, 1.0)


def test_a_nationwide_figure_is_not_the_local_one() -> None:
    (local,) = extract_figures("Some 35,000 people marched through the old town.")
    (national,) = extract_figures("About 900,000 people marched nationwide.")
    assert not frame_compatible(national, local, 1.0)


def test_candidates_rank_by_words_shared_then_by_id() -> None:
    index = ClaimIndex()
    texts = {
        "war/z-port": "Rebels shelled the port of Vask, killing 12 dockworkers",
        "war/b-port": "Rebels shelled the port",
        "war/a-port": "Rebels shelled a port",
        "war/grain": "Grain exports fell 20% in March",
    }
    for claim_id, text in texts.items():
        index.add(ClaimSpec(claim_id, "war", text), reference_figure(text))
    sentence = "Rebels shelled the port of Vask on Tuesday, killing 40 dockworkers, officials said"
    found = [c.spec.id for c in index.candidates("war", tokens(sentence))]
    # the most words in common first; two claims sharing as many, in id order; none shared: out
    assert found == ["war/z-port", "war/a-port", "war/b-port"]


def test_candidates_keep_the_fifty_that_share_most_then_the_smallest_ids() -> None:
    index = ClaimIndex()
    for i in range(60):  # sixty claims sharing three words with the sentence, one sharing four
        text = f"Floods displaced {100 + i} families in district {i}"
        index.add(ClaimSpec(f"flood/c{i:02d}", "flood", text), reference_figure(text))
    text = "Floods displaced 900 families in Harrow"
    index.add(ClaimSpec("flood/harrow", "flood", text), reference_figure(text))
    sentence = "Floods have displaced 1,200 families in Harrow, the regional governor said"
    found = [c.spec.id for c in index.candidates("flood", tokens(sentence))]
    assert found == ["flood/harrow", *(f"flood/c{i:02d}" for i in range(49))]
