"""`fingerprint` finds an ASCII text's words by `translate` and `split`: the words
`_ASCII_WORD.findall` finds, in any ASCII text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.provenance import _ASCII_WORD, _NON_WORD_TO_SPACE


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_the_words_of_an_ascii_text_are_the_regex_words(text: str) -> None:
    data = text.encode()
    assert data.translate(_NON_WORD_TO_SPACE).split() == _ASCII_WORD.findall(data)


def test_every_byte_the_regex_leaves_out_is_a_space() -> None:
    every = bytes(range(128))
    assert every.translate(_NON_WORD_TO_SPACE).split() == _ASCII_WORD.findall(every)
    assert b"".join(_ASCII_WORD.findall(every)) == (
        b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
    )
