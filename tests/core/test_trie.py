"""The faster regexes find exactly what the plain ones found."""

from __future__ import annotations

import random
import re

import pytest

from bot.core import lexicon
from bot.core.attribution import aliases, same_source
from bot.core.trie import first_char_guard, trie_pattern

TABLES = ["COUNTED", "EVENTS", "ENTITIES", "MEASURES", "PERIODS", "SCOPES", "VAGUE_PHRASES"]
SENTENCES = [
    "Nordanora will send 25,000 to 30,000 more troops to Old Tavnoria Bay, officials said.",
    "The death toll rose to 410; at least 1,200 people were injured and thousands displaced.",
    "Some 600 protesters marched in the capital, while police said 48,000 joined the strike.",
    "North Korean troops killed or wounded near the border numbered about 11,000 in January.",
]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![\w])")


def _texts(phrases: list[str], seed: int) -> list[str]:
    """Sentences, and runs of phrases glued to suffixes that test the word boundaries."""
    rng = random.Random(seed)
    out = [s.lower() for s in SENTENCES]
    for _ in range(200):
        run = [
            rng.choice(phrases) + rng.choice(["", "s", " ", "-", "x", "'s", ","]) for _ in range(6)
        ]
        out.append(" ".join(run))
    return out


@pytest.mark.parametrize("name", TABLES)
def test_a_trie_matches_the_longest_first_alternation(name: str) -> None:
    phrases = [p.lower() for p in getattr(lexicon, name)]
    plain = _alternation(phrases)
    trie = re.compile(r"(?<![\w])(?:" + trie_pattern(phrases) + r")(?![\w])")
    for text in _texts(phrases, seed=len(name)):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_trie_prefers_the_longest_phrase_that_ends_at_a_word_boundary() -> None:
    trie = re.compile(
        r"(?<![\w])(?:" + trie_pattern(["troop", "troops", "troops killed"]) + r")(?![\w])"
    )
    assert [m.group(0) for m in trie.finditer("troops killedx troops killed troop")] == [
        "troops",
        "troops killed",
        "troop",
    ]
    assert re.fullmatch(trie_pattern([]), "") is None  # no phrase matches nothing


@pytest.mark.parametrize(
    "text", ["ſaid it", "SAID", "\u212aelvin says", "İt is", "ﬁve", "Ministry officials said 300"]
)
def test_a_first_character_guard_changes_no_match_under_ignorecase(text: str) -> None:
    words = ["said", "says", "kelvin", "it", "five", "officials", "300"]
    body = r"\b(?:" + "|".join(words) + r")\b"
    plain = re.compile(body, re.I)
    guarded = re.compile(first_char_guard(words) + body, re.I)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_guard_is_empty_when_a_phrase_could_match_anywhere() -> None:
    assert first_char_guard(["a", ""]) == ""
    assert first_char_guard([]) == ""
    assert first_char_guard(["b", "a", "ab"]) == "(?=[ab])"


def test_cached_aliases_are_a_fresh_set_each_call() -> None:
    first = aliases("South Korea's National Intelligence Service (NIS)")
    first.add("someone else")
    again = aliases("South Korea's National Intelligence Service (NIS)")
    assert "someone else" not in again
    assert "nis" in again
    assert same_source("the NIS", "South Korea's National Intelligence Service (NIS)")
    assert not same_source("the NIS", "Ukrainian intelligence")
