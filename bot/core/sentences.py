"""Split clean prose into sentences (syntok), paragraph by paragraph."""

from __future__ import annotations

import re

import syntok.segmenter as segmenter

MAX_SENTENCE = 2_000  # characters; longer runs (tables, lists without stops) are cut


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, without empty ones."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•])", text):
        if not paragraph.strip():
            continue
        for para in segmenter.process(paragraph):
            for sentence in para:
                joined = "".join(token.spacing + token.value for token in sentence).strip()
                out.extend(_cut(joined))
    return out


def _cut(sentence: str) -> list[str]:
    if not sentence:
        return []
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    return [sentence[i : i + MAX_SENTENCE] for i in range(0, len(sentence), MAX_SENTENCE)]
