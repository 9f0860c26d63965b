"""Phrase alternations as tries: the same matches as `(?:longest|long|short)`, found faster.

Python's `re` tries every branch of an alternation at every position of the text, so a table of
a few hundred phrases costs a few hundred attempts per character. A trie shares the prefixes:
"troop" and "troops" become `troops?`. At any one position every phrase that matches is a prefix
of the text there, so the candidates lie on one path of the trie; trying the longer branch
first (a greedy `?`) finds the longest of them, which is what the longest-first alternation
finds. Only for case-sensitive patterns: under IGNORECASE "US" and "us" would be two paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

_Trie: TypeAlias = dict[str, "_Trie"]
_END = ""  # the key marking that a phrase ends at a node


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching what the longest-first alternation of `phrases` (each escaped)
    matches, at every position, with the same length."""
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!x)x"  # no phrase: match nothing
    return _node(root)


def _node(node: _Trie) -> str:
    branches = [re.escape(char) + _node(child) for char, child in node.items() if char != _END]
    if not branches:
        return ""
    if _END not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?"  # a phrase may end here: go on first, then stop


def first_char_guard(phrases: Iterable[str]) -> str:
    """A lookahead for the first characters of `phrases` ("(?=[adt])"): put before an
    alternation, it lets `re` pass over the positions where no phrase can start with one test
    instead of one per branch. Under IGNORECASE it matches either case, as the phrases do.
    Empty when a phrase is empty (it could match anywhere)."""
    firsts = set()
    for phrase in phrases:
        if not phrase:
            return ""
        firsts.add(phrase[0])
    if not firsts:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
