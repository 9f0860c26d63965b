"""The claim index finds the brute-force best claim, and its shortcuts change no answer."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from bot.core.figures import extract_figures
from bot.core.matching import (
    ClaimIndex,
    IndexedClaim,
    SentenceWords,
    fit_rank,
    masked,
    quantity_key,
    similarity,
    words_of,
)
from bot.core.model import ClaimSpec, Figure
from bot.core.numbers import find_numbers, may_hold_number
from bot.core.run import reference_figure


def similarity_by_the_book(claim_masked: str, sentence_masked: str) -> float:
    """The share of the claim's words the sentence says, one rapidfuzz call per word."""
    claim_words = set(claim_masked.split()) - {"#"}
    sentence_words = list(set(sentence_masked.split()) - {"#"})
    if not claim_words or not sentence_words:
        return 0.0
    said = sum(
        1
        for word in claim_words
        if word in sentence_words
        or process.extractOne(word, sentence_words, scorer=fuzz.ratio, score_cutoff=85)
    )
    return said / len(claim_words)


def brute_best(
    claims: list[IndexedClaim],
    topic: str,
    figure: Figure,
    sentence: str,
    topic_stems: frozenset[str] = frozenset(),
) -> str | None:
    """The index's rule (`fit_rank`) over every claim, each scored one word at a time."""
    best: tuple[tuple[int, bool, float, str], str] | None = None
    for claim in claims:
        ref = claim.reference
        if claim.spec.topic != topic or ref is None or quantity_key(ref) != quantity_key(figure):
            continue
        score = similarity_by_the_book(claim.masked, masked(sentence))
        fit = fit_rank(figure, claim, score, topic_stems) if ref.unit == figure.unit else None
        if fit is None:
            continue
        rank = (*fit, -score, claim.spec.id)
        if best is None or rank < best[0]:
            best = (rank, claim.spec.id)
    return best[1] if best else None


PLACES = ["Kursk", "Belgorod", "Kharkiv", "Donetsk", "Zaporizhzhia", "Sumy", "Bryansk", "Odesa"]
ACTORS = ["North Korea", "Russia", "Ukraine", "Belarus"]


def dense_index(rng: random.Random, count: int) -> ClaimIndex:
    """`count` claims of one topic, all counting troops killed: the index must not cut the
    best one off."""
    index = ClaimIndex()
    for i in range(count):
        place, actor = rng.choice(PLACES), rng.choice(ACTORS)
        extra = " ".join(rng.sample(["border", "river", "village", "offensive", "winter"], 2))
        text = f"{rng.randint(2, 90) * 100:,} {actor} troops killed near {place} {extra} {i}"
        spec = ClaimSpec(f"c{i:04d}", "war", text)
        index.add(spec, reference_figure(spec.text))
    return index


def test_the_index_finds_the_brute_force_best_among_many_claims_of_one_kind() -> None:
    rng = random.Random(3)
    index = dense_index(rng, 300)
    claims = index.all()
    for _ in range(40):
        place, actor = rng.choice(PLACES), rng.choice(ACTORS)
        sentence = f"Some {rng.randint(2, 90) * 100:,} {actor} soldiers were killed near {place}."
        (figure,) = extract_figures(sentence)
        hit = index.best_for_figure("war", figure, masked(sentence))
        assert (hit[0].spec.id if hit else None) == brute_best(claims, "war", figure, sentence)


def test_scoring_through_a_sentence_memo_is_the_plain_similarity() -> None:
    rng = random.Random(5)
    vocabulary = ["troops", "troop", "soldiers", "killed", "kill", "kursk", "kursks", "north_korea"]
    vocabulary += ["#", "russia", "russian", "send", "sent", "wounded", "border", "bordr"]
    for _ in range(300):
        claim = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 7)))
        sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 9)))
        expected = similarity_by_the_book(claim, sentence)
        assert similarity(claim, sentence) == expected
        words = SentenceWords(sentence)
        assert words.share(words_of(claim)) == expected
        assert words.share(words_of(claim)) == expected  # asked again, from the memo


def test_no_digit_and_no_number_word_means_no_number() -> None:
    for text in ("Officials declined to comment.", "Often, none of them", "Thirty-ish", ""):
        assert find_numbers(text) == [] or may_hold_number(text)
        assert not may_hold_number(text) or text.startswith("Thirty")
    for text in ("some 600 killed", "six hundred", "SIX", "sixten", "ſix", "twenty-five"):
        assert may_hold_number(text), text
    rng = random.Random(9)
    words = ["six", "sixty", "sixten", "ten", "tens", "often", "a", "and", "none", "ſix", "x1"]
    for _ in range(2_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        if find_numbers(text):
            assert may_hold_number(text), text


def test_the_best_claim_is_found_when_many_share_as_many_words() -> None:
    """A hundred claims share the sentence's words with longer texts; the one saying only
    them (the highest score) sorts last by id and must still win."""
    index = ClaimIndex()
    extras = ["river", "village", "offensive", "winter", "bridge", "railway", "depot", "ridge"]
    for i in range(100):
        words = " ".join(extras[(i + k) % len(extras)] for k in range(3))
        spec = ClaimSpec(f"c{i:03d}", "war", f"{(i + 2) * 100:,} troops killed near Kursk {words}")
        index.add(spec, reference_figure(spec.text))
    spec = ClaimSpec("c999", "war", "500 troops killed near Kursk")
    index.add(spec, reference_figure(spec.text))
    sentence = "Some 700 troops were killed near Kursk."
    (figure,) = extract_figures(sentence)
    hit = index.best_for_figure("war", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "c999"
    assert hit[0].spec.id == brute_best(index.all(), "war", figure, sentence)


def test_the_brute_force_rule_is_the_index_rule_for_places_and_tolls() -> None:
    """`fit_rank` (what the bench's brute force ranks by) picks what the index picks where a
    place or a soldiers' toll decides, and a place no claim names picks nothing."""
    index = ClaimIndex()
    index.name_topic("closure", ["Halden plant closure", "Halden", "plant"])
    for claim_id, text in {
        "plant-jobs": "Halden Motors will cut 2,800 jobs",
        "supplier-jobs": "1,500 jobs at parts suppliers will go",
        "toll": "The attack killed 9 people in Kostrel",
        "soldiers": "Some 200 soldiers were killed at the Hollin air base",
    }.items():
        index.add(ClaimSpec(claim_id, "closure", text), reference_figure(text))
    expected = {
        "About 1,700 jobs at parts suppliers are at risk, the association said.": "supplier-jobs",
        "The carmaker now says 3,100 jobs will go.": "plant-jobs",
        "Rescuers said 14 people were killed in Kostrel.": "toll",
        "Marovia said 300 soldiers were killed in the strike on the air base.": "soldiers",
        "Some 40 jobs at the canteen contractor will go.": None,
    }
    stems = index.topic_stems("closure")
    for sentence, wanted in expected.items():
        (figure,) = extract_figures(sentence)
        hit = index.best_for_figure("closure", figure, masked(sentence))
        assert (hit[0].spec.id if hit else None) == wanted, sentence
        assert brute_best(index.all(), "closure", figure, sentence, stems) == wanted, sentence
