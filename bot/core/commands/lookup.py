"""Finding things by name, forgivingly: ids, words of a claim, a feed's name or URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, utils

T = TypeVar("T")

FOUND = 80.0  # a score at least this good is a match
SUGGEST = 45.0  # ... this good is worth a "did you mean"
CLOSE = 4.0  # candidates within this of the best are equally likely


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """The result of a fuzzy lookup: one match, several equally good ones, or suggestions."""

    match: T | None = None
    ambiguous: tuple[T, ...] = ()
    suggestions: tuple[T, ...] = ()


def _score(query: str, choice: str) -> float:
    q, c = utils.default_process(query), utils.default_process(choice)
    if not q or not c:
        return 0.0
    return max(fuzz.token_set_ratio(q, c), fuzz.WRatio(q, c) * 0.95)


def lookup(
    query: str,
    items: Sequence[T],
    key: Callable[[T], str],
    texts: Callable[[T], Sequence[str]],
) -> Lookup[T]:
    """Find ``query`` among ``items``: an exact key wins; else the best fuzzy score over the
    item's texts, if it stands out; else up to three suggestions."""
    wanted = query.strip().lower()
    if not wanted:
        return Lookup()
    for item in items:
        if key(item).lower() == wanted:
            return Lookup(match=item)
    scored = sorted(
        (
            (max(_score(wanted, t) for t in (key(item), *texts(item))), i)
            for i, item in enumerate(items)
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not scored:
        return Lookup()
    best = scored[0][0]
    if best >= FOUND:
        close = [items[i] for score, i in scored if score >= best - CLOSE]
        if len(close) == 1:
            return Lookup(match=close[0])
        return Lookup(ambiguous=tuple(close[:6]))
    return Lookup(suggestions=tuple(items[i] for score, i in scored[:3] if score >= SUGGEST))
