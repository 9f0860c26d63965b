"""Hypothesis strategies shared by the core's property tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def word_texts(
    words: Sequence[str], separators: Sequence[str], max_size: int
) -> st.SearchStrategy[str]:
    """Texts of `words` with random `separators`, now and then a random character."""

    @st.composite
    def texts(draw: st.DrawFn) -> str:
        parts = draw(st.lists(st.sampled_from(words), max_size=max_size))
        out = []
        for part in parts:
            out.append(part)
            out.append(draw(st.sampled_from(separators)))
            if draw(st.integers(0, 9)) == 0:
                out.append(draw(st.characters(codec="utf-8")))
        return "".join(out)

    return texts()
