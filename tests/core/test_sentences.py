"""The sentence splitter: syntok's sentences exactly, with syntok asked only where it matters."""

from __future__ import annotations

import random
import re

import syntok.segmenter as segmenter

from bot.bench.claims import make_workload, stories
from bot.core import sentences
from bot.core.sentences import split_sentences


def syntok_sentences(text: str) -> list[str]:
    """What split_sentences returned when every paragraph went through syntok."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•])", text):
        if not paragraph.strip():
            continue
        for para in segmenter.process(paragraph):
            for sentence in para:
                joined = "".join(token.spacing + token.value for token in sentence).strip()
                out.extend(sentences._cut(joined))
    return out


_PIECES = (
    'The troops said. Mr. U.S. No. no. A. II. IV 3.5 $1.2bn. (NIS) ( ) "Yes." “Quote.” didn\'t '
    "don’t can't. Officials officials In Gen. St. e.g. etc. ... … ? ! said? said! ; : , Jan. 12 "
    "12. 300,000. km. iPhone a.B end.The x.y 5% Korea's — - Sept. 1990s. Ridge. Co. 's it.' it.) "
    "Inc. O'Brien Smith. Mr J. K. p.m. a.m. Dr. He she. \u200b \u00a0 Ltd. vs. Ukraine. Russia."
)
PIECES = _PIECES.split(" ")


def test_news_prose_splits_at_full_stops_before_capitals() -> None:
    text = (
        "Ukrainian intelligence said 30,000 troops would go. Officials in Kyiv declined to "
        "comment. The ministry said it had no information; Mr. Kim said nothing. It didn't."
    )
    assert split_sentences(text) == [
        "Ukrainian intelligence said 30,000 troops would go.",
        "Officials in Kyiv declined to comment.",
        "The ministry said it had no information;",  # ";" ends a sentence for syntok
        "Mr. Kim said nothing.",
        "It didnot.",  # syntok's own rewrite of "n't", kept
    ]


def test_random_prose_splits_exactly_as_syntok_does() -> None:
    rng = random.Random(4)
    for _ in range(4_000):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 25))]
        text = " ".join(words)
        if rng.random() < 0.2:
            text = text.replace(" ", "\n", 1)
        assert split_sentences(text) == syntok_sentences(text), text


def test_benchmark_stories_split_exactly_as_syntok_does() -> None:
    workload = make_workload(200)
    for story in stories(workload, 40, words=400, seed=2):
        for text in (story.title, story.text, *story.text.split("\n")):
            assert split_sentences(text) == syntok_sentences(text)


def test_plain_pieces_skip_syntok_and_the_rest_go_through_it() -> None:
    assert sentences._plain("Some 600 soldiers were killed near Kursk, officials said.") == [
        "Some 600 soldiers were killed near Kursk, officials said."
    ]
    assert sentences._plain("   ") == []
    for piece in ("Mr. Kim said 5.", "It didn't.", "(NIS) said.", "Yes! No.", "a;b", "end.The"):
        assert sentences._plain(piece) is None, piece
    assert sentences._pieces("It rose 3.5%. The Gen. Smith spoke. Mr. Kim left. In May.") == [
        "It rose 3.5%. The Gen. Smith spoke.",
        "Mr. Kim left.",
        "In May.",
    ]
    assert sentences._pieces("He said (in May). Then left.") == ["He said (in May). Then left."]
