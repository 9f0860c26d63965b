"""Split clean prose into sentences (syntok), paragraph by paragraph.

syntok walks every token of the text in Python, and most of news prose needs none of its rules:
"... the ministry said. Officials in ..." is a sentence boundary whatever comes before, and a
stretch with no full stop, bracket or contraction in it is one sentence. So a paragraph is first
cut where syntok is certain to split and where its decision needs nothing from the other side
(`_CUT`), and only the pieces that hold something syntok might act on go through it; the rest
are their own sentences. The result is exactly syntok's (tests/core/test_sentences.py compares
them).
"""

from __future__ import annotations

import re

import syntok.segmenter as segmenter
from syntok._segmentation_states import State

MAX_SENTENCE = 2_000  # characters; longer runs (tables, lists without stops) are cut

_APOSTROPHES = "'\u00b4\u02b9\u02bc\u2019\u2032"  # syntok.tokenizer.Tokenizer._apostrophes
_OPENING = "".join(sorted(State.opening_brackets | {"("}))
_TERMINALS = "".join(sorted(c for c in State.terminals if len(c) == 1 and c != "."))
# A cut: a plain word (not an abbreviation, a single letter or a roman numeral), a full stop,
# spaces, and a capital. syntok splits there in any state (its "starter" rule for "The", "In",
# ..., else its default), and looks at nothing beyond the capital's token to decide.
_CUT = re.compile(r"(?:^|(?<=[ \t]))([a-z]{2,}|[A-Z][a-z]+)\.[ \t]+(?=[A-Z])")
# `_CUT` found faster: its full stop, spaces and capital first, then the word before the stop
# (from the last space or tab before it, since a `_CUT` word starts after one or at the start).
_STOP_BEFORE_CAPITAL = re.compile(r"\.[ \t]+(?=[A-Z])")
_CUT_WORD = re.compile(r"[a-z]{2,}|[A-Z][a-z]+")
_UNSAFE_WORDS = State.abbreviations | {"no", "No"}
# What syntok might split at or rewrite inside a piece: a terminal, a bracket, a full stop not
# between digits ("3.5" is one token), a "n't" (rewritten "not"), a line break, a zero-width space.
_SPECIAL = re.escape(_TERMINALS + _OPENING) + r"\n\r\u200b"
# Written as one character class first and checks behind it (the same matches as
# `[special]|(?<![0-9])\.|\.(?![0-9])|n't`), so `re` skips the other characters in one loop.
_NOT_PLAIN = re.compile(
    "["
    + _SPECIAL
    + r".n](?:(?<=["
    + _SPECIAL
    + r"])|(?<=\.)(?:(?<![0-9]\.)|(?![0-9]))|(?<=n)["
    + _APOSTROPHES
    + "]t)"
)
_FINAL_STOP = re.compile(r"\.[ \t]*$")
_PARAGRAPHS = re.compile(r"\n\s*\n|\n(?=\s*[-*•])")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, without empty ones."""
    out: list[str] = []
    for paragraph in _PARAGRAPHS.split(text):
        if not paragraph.strip():
            continue
        for piece in _pieces(paragraph):
            plain = _plain(piece)
            for sentence in _syntok(piece) if plain is None else plain:
                out.extend(_cut(sentence))
    return out


def _pieces(paragraph: str) -> list[str]:
    """The paragraph cut where syntok splits whatever the rest says (no cut in a paragraph with
    a bracket or a line break: syntok may skip over bracketed text)."""
    if "\n" in paragraph or any(c in paragraph for c in _OPENING):
        return [paragraph]
    pieces: list[str] = []
    start = 0
    for m in _STOP_BEFORE_CAPITAL.finditer(paragraph):  # `_CUT.finditer`, the same cuts
        stop = m.start()
        word = paragraph[
            max(paragraph.rfind(" ", 0, stop), paragraph.rfind("\t", 0, stop)) + 1 : stop
        ]
        if not _CUT_WORD.fullmatch(word) or word in _UNSAFE_WORDS:
            continue
        pieces.append(paragraph[start : stop + 1])
        start = m.end()
    pieces.append(paragraph[start:])
    return pieces


def _plain(piece: str) -> list[str] | None:
    """[the piece] when syntok would take it whole and unchanged, [] when it holds no sentence,
    None when syntok must read it."""
    final = _FINAL_STOP.search(piece)
    if _NOT_PLAIN.search(piece, 0, final.start() if final else len(piece)):
        return None
    stripped = piece.strip()
    return [stripped] if stripped else []


def _syntok(paragraph: str) -> list[str]:
    return [
        "".join(token.spacing + token.value for token in sentence).strip()
        for para in segmenter.process(paragraph)
        for sentence in para
    ]


def _cut(sentence: str) -> list[str]:
    if not sentence:
        return []
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    return [sentence[i : i + MAX_SENTENCE] for i in range(0, len(sentence), MAX_SENTENCE)]
