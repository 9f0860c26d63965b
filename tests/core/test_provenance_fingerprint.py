"""The fingerprint is the same set of sampled blake2b shingle hashes as its first definition:
stored stories fingerprinted again after a restart find the same origins."""

from __future__ import annotations

import hashlib
import random
import re

from bot.core.model import Story
from bot.core.provenance import SAMPLE, SHINGLE, SHORT, fingerprint


def fingerprint_by_the_book(story: Story) -> frozenset[int]:
    words = re.findall(r"\w+", f"{story.title} {story.text}".lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    hashes = {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams
    }
    if len(hashes) > SHORT:
        hashes = {h for h in hashes if h % SAMPLE == 0}
    return frozenset(hashes)


def test_the_fingerprint_is_the_sampled_shingle_hashes() -> None:
    rng = random.Random(2)
    vocabulary = ["troops", "Kursk", "said", "30,000", "the", "of", "Ukraine's", "—", "GUR", "é"]
    for count in [0, 1, 4, 5, 6, 39, 44, 45, 46, 300]:
        text = " ".join(rng.choice(vocabulary) for _ in range(count))
        story = Story("k", "feed", "outlet", "https://x.example/1", "", text)
        assert fingerprint(story) == fingerprint_by_the_book(story)
    story = Story("k", "f", "o", "u", "North Korea to send troops", "Some 30,000 more, it said.")
    assert fingerprint(story) == fingerprint_by_the_book(story)
    assert len(fingerprint(story)) == 7  # 11 words ("30", "000"), short: every shingle kept
