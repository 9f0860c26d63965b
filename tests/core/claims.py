"""Small builders for the matching and judging tests: a sentence's first figure, a claim as the
index holds it, and the findings of a processed story as plain tuples."""

from __future__ import annotations

from bot.core.figures import extract_figures
from bot.core.matching import ClaimIndex, IndexedClaim
from bot.core.model import ClaimSpec, Figure, StoryResult
from bot.core.run import reference_figure


def first(text: str) -> Figure:
    """The first figure ``text`` holds."""
    return extract_figures(text)[0]


def claim_index(text: str) -> ClaimIndex:
    """An index holding one claim, ``c`` of topic ``t``, with ``text`` and its figure."""
    index = ClaimIndex()
    index.add(ClaimSpec(id="c", topic="t", text=text), reference_figure(text))
    return index


def indexed(text: str) -> IndexedClaim:
    """The claim ``text`` as the index holds it."""
    got = claim_index(text).get("c")
    assert got is not None
    return got


def findings_of(result: StoryResult) -> list[tuple[str, str, str]]:
    """(kind, claim, figure text) of each finding, in order."""
    return [(str(f.kind), f.claim_id, f.figure.text if f.figure else "") for f in result.findings]
