"""The vocabulary (bot/core/words.py) and the index's compact postings change no answer: the
words a sentence says are the ones rapidfuzz finds word by word, also after the vocabulary
grows, and a claim forgotten or added again is found exactly as before."""

from __future__ import annotations

import random
import string

import pytest
from rapidfuzz import fuzz, process

import bot.core.words as words_module
from bot.core.figures import extract_figures
from bot.core.matching import ClaimIndex
from bot.core.model import ClaimSpec
from bot.core.run import reference_figure
from bot.core.words import SentenceWords, Vocabulary, masked, words_of

from .test_claim_index import brute_best, similarity_by_the_book


def said_by_the_book(vocabulary: list[str], sentence: list[str]) -> set[str]:
    """Each vocabulary word the sentence says: itself, or one rapidfuzz call over its words."""
    return {
        word
        for word in vocabulary
        if word in sentence
        or process.extractOne(word, sentence, scorer=fuzz.ratio, score_cutoff=85) is not None
    }


def variants(rng: random.Random, word: str) -> list[str]:
    """The word with a letter dropped, added or changed: near it, at or across the 85 line."""
    out = []
    for _ in range(3):
        i = rng.randrange(len(word) + 1)
        letter = rng.choice(string.ascii_lowercase)
        out += [word[:i] + word[i + 1 :], word[:i] + letter + word[i:], word[:i] + letter]
    return [w for w in out if len(w) >= 2]


def words(rng: random.Random, count: int) -> list[str]:
    base = ["troops", "soldiers", "killed", "wounded", "kursk", "north_korea", "ridge", "bay"]
    base += [
        "".join(rng.choice("aeioukrstln") for _ in range(rng.randint(2, 14))) for _ in range(40)
    ]
    pool = base + [v for w in base for v in variants(rng, w)]
    return [rng.choice(pool) for _ in range(count)]


def test_the_words_a_sentence_says_are_the_ones_found_word_by_word() -> None:
    rng = random.Random(11)
    vocabulary = Vocabulary()
    listed: list[str] = []
    for round_ in range(60):
        added = list(dict.fromkeys(words(rng, rng.randint(0, 12))))
        vocabulary.add(added)  # the vocabulary grows between sentences (learned claims)
        listed += [w for w in added if w not in listed]
        sentence = list(dict.fromkeys(words(rng, rng.randint(1, 15))))
        assert vocabulary.said(sentence) == said_by_the_book(listed, sentence), round_
        assert len(vocabulary) == len(listed)


def test_a_word_looked_up_before_the_vocabulary_grew_says_the_new_words_too() -> None:
    vocabulary = Vocabulary()
    vocabulary.add(["troops", "killed"])
    assert vocabulary.said(["troop", "near"]) == {"troops"}
    assert vocabulary.near("troop") == {"troops"}
    vocabulary.add(["troopz", "nearby", "nears"])
    assert vocabulary.said(["troop", "near"]) == {"troops", "troopz", "nears"}
    assert vocabulary.near("troop") == {"troops", "troopz"}


def test_the_first_claim_word_looked_up_primes_the_others_with_the_same_answers() -> None:
    """`_prime` (every claim word against the vocabulary, with cdist) answers as `near` does one
    word at a time with `extract`, at the 85 line, and again for words added later."""
    rng = random.Random(21)
    listed = list(dict.fromkeys(words(rng, 300)))
    primed, one_by_one = Vocabulary(), Vocabulary()
    for half in (listed[:150], listed[150:]):
        primed.add(half)
        one_by_one.add(half)
        one_by_one._unprimed.clear()  # never primed: each word compared when asked
        asked = half[0]
        assert primed.near(asked) == one_by_one.near(asked)
        assert not primed._unprimed and all(w in primed._near for w in half)
        for word in listed[: len(primed)]:
            expected = said_by_the_book(listed[: len(primed)], [word])
            assert primed.near(word) == one_by_one.near(word) == expected, word


def test_a_vocabulary_over_prime_max_is_asked_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words_module, "PRIME_MAX", 10)
    listed = list(dict.fromkeys(words(random.Random(5), 60)))
    vocabulary = Vocabulary()
    vocabulary.add(listed)
    assert vocabulary.near(listed[0]) == said_by_the_book(listed, [listed[0]])
    assert list(vocabulary._near) == [listed[0]]  # nothing else was compared


def test_the_vocabulary_forgets_its_memo_when_full_and_answers_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(words_module, "NEAR_MEMO", 5)
    rng = random.Random(4)
    vocabulary = Vocabulary()
    listed = list(dict.fromkeys(words(rng, 80)))
    vocabulary.add(listed)
    for _ in range(30):
        sentence = list(dict.fromkeys(words(rng, 12)))
        assert vocabulary.said(sentence) == said_by_the_book(listed, sentence)


def test_scoring_through_the_vocabulary_is_the_plain_similarity() -> None:
    rng = random.Random(8)
    vocabulary = Vocabulary()
    for _ in range(200):
        claim = " ".join(words(rng, rng.randint(0, 7)))
        sentence = " ".join(words(rng, rng.randint(0, 9)))
        vocabulary.add(words_of(claim))
        expected = similarity_by_the_book(claim, sentence)
        memo = SentenceWords(sentence, vocabulary)
        assert memo.share_known(words_of(claim)) == expected
        assert memo.share(words_of(claim)) == expected


def troops_claim(i: int, place: str) -> ClaimSpec:
    return ClaimSpec(f"c{i:03d}", "war", f"{(i + 2) * 100:,} troops killed near {place}")


def test_a_claim_learned_after_a_sentence_was_scored_is_found_for_it() -> None:
    """The sentence's memo was made before the claim's words were known: it must not be stale."""
    index = ClaimIndex()
    spec = troops_claim(1, "Kursk")
    index.add(spec, reference_figure(spec.text))
    sentence = "Some 700 troops were killed near Belgorodsk."
    (figure,) = extract_figures(sentence)
    hit = index.best_for_figure("war", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "c001" and hit[1] == 0.75
    learned = troops_claim(2, "Belgorod")  # "belgorod" is within 85 of "belgorodsk"
    index.add(learned, reference_figure(learned.text))
    hit = index.best_for_figure("war", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "c002" and hit[1] == 1.0
    assert hit[0].spec.id == brute_best(index.all(), "war", figure, sentence)


def test_forgetting_and_adding_again_keeps_the_postings_exact() -> None:
    index = ClaimIndex()
    places = ["Kursk", "Sumy", "Kursk", "Odesa", "Sumy"]
    for i, place in enumerate(places):
        spec = troops_claim(i, place)
        index.add(spec, reference_figure(spec.text))
    sentence = "About 300 troops were killed near Kursk."
    (figure,) = extract_figures(sentence)
    assert [c.spec.id for c in index.candidates("war", masked(sentence).split())][:2] == [
        "c000",
        "c002",
    ]
    assert index.remove("c000") is not None and index.remove("c000") is None
    assert "c000" not in index
    hit = index.best_for_figure("war", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "c002"
    assert [c.spec.id for c in index.by_counted("war", "killed", "count")] == [
        "c001",
        "c002",
        "c003",
        "c004",
    ]
    for i in (1, 2, 3, 4):
        assert index.remove(f"c{i:03d}") is not None
    assert index.best_for_figure("war", figure, masked(sentence)) is None
    assert index.candidates("war", masked(sentence).split()) == []
    again = troops_claim(0, "Kursk")
    index.add(again, reference_figure(again.text))
    index.add(again, reference_figure(again.text))  # twice: still one posting
    hit = index.best_for_figure("war", figure, masked(sentence))
    assert hit is not None and hit[0].spec.id == "c000" and hit[1] == 1.0
    assert [c.spec.id for c in index.by_counted("war", "killed", "count")] == ["c000"]


def test_claims_stating_the_same_figure_share_it_and_keep_their_words() -> None:
    index = ClaimIndex()
    first = index.add(ClaimSpec("a", "war", "500 troops killed near Kursk"), None)
    texts = ["500 troops killed near Kursk", "500 troops killed near Sumy"]
    claims = [
        index.add(ClaimSpec(f"c{i}", "war", t), reference_figure(t)) for i, t in enumerate(texts)
    ]
    assert first.reference is None and first.masked == "troops killed near russia"  # Kursk folded
    assert claims[0].reference == reference_figure(texts[0])
    assert claims[0].reference is claims[1].reference  # one object for the equal figure
    assert claims[1].words == ("troops", "killed", "near", "sumy")
    assert claims[1].masked == "troops killed near sumy"
