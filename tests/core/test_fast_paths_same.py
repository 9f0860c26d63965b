"""Faster forms of searches and hashes give what their plain forms give (perf12): the engine's
answers must not change when a regex opens with a character class instead of a look back, when
a cue table's regex is found by the table's identity, or when shingles are hashed as bytes."""

from __future__ import annotations

import hashlib
import random
import re

import pytest

from bot.core import clues, stance
from bot.core.lexicon import DISPUTE_CUES, REFUTE_CUES, REVISION_CUES
from bot.core.model import Story
from bot.core.provenance import SAMPLE, SHINGLE, SHORT, fingerprint
from bot.core.trie import trie_pattern
from bot.core.words import words_of

SENTENCES = [
    "North Korea will send 25,000 to 30,000 more troops to Russia, officials said.",
    "GUR said it had no information about plans to send 30,000 troops.",
    "The ministry denied the report, calling it false; the figure was not true.",
    "Officials disputed the estimate as exaggerated, citing Kessa Port data.",
    "denied",
    "undenied, falsely, nonsense-free and (false)",
    "The spokesman, Ana Dara, said in Port Venn that Alba and Kessa Hills were hit.",
    "Zürich, Straße: ſix İstanbul \u212a denied it; the Ünal Group said so.",
    "",
    "  x",
]


def _texts(seed: int, count: int = 300) -> list[str]:
    """Cut-outs of the sentences and runs of cue words glued by spaces, punctuation or nothing."""
    rng = random.Random(seed)
    words = [*REFUTE_CUES[:20], *DISPUTE_CUES[:20], "Port", "Venn", "said", "x", "_", "é", "9"]
    glue = [" ", " ", ", ", "-", "", "'", "(", "\t"]
    out = []
    for _ in range(count):
        sentence = rng.choice(SENTENCES)
        out.append(sentence[rng.randrange(len(sentence) + 1) :])
        out.append("".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randrange(8))))
    return out


def test_the_any_cue_gate_finds_a_cue_where_the_cue_regex_does() -> None:
    plain = re.compile(r"(?<![\w])(?:" + trie_pattern(stance._STANCE_CUES) + r")(?![\w])")
    for text in SENTENCES + _texts(1):
        low = text.lower()
        assert bool(stance._ANY_STANCE_CUE.search(" " + low)) == bool(plain.search(low)), text


@pytest.mark.parametrize("cues", [REFUTE_CUES, DISPUTE_CUES, REVISION_CUES])
def test_a_cue_table_regex_is_its_own_compiled_once(cues: tuple[str, ...]) -> None:
    rx = stance._cue_regex(cues)
    assert stance._cue_regex(cues) is rx
    copy = tuple(list(cues))  # equal, another tuple: the same regex by value
    assert stance._cue_regex(copy).pattern == rx.pattern
    assert stance._cue_regex(cues) is rx


def test_names_are_found_where_the_look_back_form_finds_them() -> None:
    plain = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")
    for text in SENTENCES + _texts(2):
        assert [m.span() for m in clues._NAME.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
    assert clues.proper_names("Police in Port Venn said Alba and March.") == {"port venn", "alba"}


def _by_the_book(story: Story) -> frozenset[int]:
    words = re.findall(r"\w+", f"{story.title} {story.text}".lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    hashes = {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest()) for g in grams}
    if len(hashes) > SHORT:
        hashes = {h for h in hashes if h % SAMPLE == 0}
    return frozenset(hashes)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_an_ascii_story_and_another_are_fingerprinted_alike(ascii_only: bool) -> None:
    rng = random.Random(3)
    vocabulary = ["troops", "Kursk", "said", "30,000", "the", "of", "Ukraine's", "GUR", "x_y"]
    if not ascii_only:
        vocabulary += ["é", "—", "İstanbul", "Straße"]
    for count in [0, 4, 5, 6, 45, 46, 400]:
        text = " ".join(rng.choice(vocabulary) for _ in range(count))
        story = Story("k", "feed", "outlet", "https://x.example/1", "Title", text)
        assert f"{story.title} {story.text}".isascii() == (ascii_only or count == 0)
        assert fingerprint(story) == _by_the_book(story)


def test_words_of_keeps_the_first_use_order_without_numbers() -> None:
    assert words_of("troops # sent troops # russia sent") == ("troops", "sent", "russia")
    assert words_of("# #") == ()
    assert words_of("") == ()
