"""A speaker's name as a sentence gives it, cleaned: quotes, a leading article, "the report
by" and a trailing "figures" stripped (`clean`); the maker of a cited document rather than
the document (`cited`); what a cited name may be instead of a speaker (`DOCUMENT`); and the
words a name never starts with (`PRONOUNS`, `ARTICLES_WORDS`).
"""

from __future__ import annotations

import re
from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


PRONOUNS = word_set("he she it they we i you who which that this there one")
ARTICLES_WORDS = word_set("the a an its his her their")
DIGIT = re.compile(r"\d")
_DOCUMENT_PREFIX = re.compile(
    r"^(?:an?\s+|the\s+)?(?:new\s+|latest\s+|early\s+|own\s+)?(?:assessment|reports?|statement|"
    r"estimates?|figures|data|analysis|study|briefing|review|survey|count|tally|audit|"
    r"investigation)\s+(?:by|from|of)\s+",
    re.I,
)
_GIVEN_BY = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:figures|results|data|numbers|estimates?|statistics|count|tally|"
    r"reports?|statements?)\s+(?:[a-z]+\s+){0,2}?(?:published|released|issued|compiled|given|"
    r"gathered|filed|provided)\s+(?:on\s+\w+\s+|late\s+\w+\s+)?by\s+",
    re.I,
)
_BY_NAME = re.compile(r"^.*?\bby\s+(?=(?:the\s+)?[A-Z])")
_OF_WHAT = re.compile(r"\s+of\s+(?=[a-z])")
_DOCUMENT_SUFFIX = re.compile(r"\s+(?:figures|data|estimates?)$", re.I)
_DOCUMENT_SUFFIX_WORDS = ("figures", "data", "estimate", "estimates")  # all `_DOCUMENT_SUFFIX` ends
_ARTICLES = ("the ", "a ", "an ")
# What a speaker cites may be a document, not another speaker: "the union said, citing
# redundancy letters", "citing its own analysis of smart-meter data". The speaker stays the source.
DOCUMENT = re.compile(
    r"(?:(?:its|their|his|her|the|a|an)\s+)?(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:letters?|records?|"
    r"data|documents?|logs?|analysis|analyses|review|surveys?|statistics|footage|images|"
    r"photographs|photos|registers?|lists?|notes|minutes|files|e-?mails|messages|papers|study|"
    r"audit|calculations|modelling|modeling|readings|invoices|receipts|slips|manifests|"
    r"ledgers?|accounts|filings?|returns|rosters?|timesheets?|payrolls?)\b",
    re.I,
)


def cited(text: str) -> str:
    """The name of a source cited ("according to ...", "citing ..."): `clean`, and the maker
    of a document named by what it made ("figures published by the defence ministry", "a review
    by the Plains Mail of wage slips", "an analysis of satellite images by the Eastbank
    Observer")."""
    given = _GIVEN_BY.match(text.strip()) if " by " in text else None
    if given:
        text = text.strip()[given.end() :]
    document = _DOCUMENT_PREFIX.match(text.strip().strip("\"'“”‘’").strip())
    name = clean(text)
    if document:
        of = _OF_WHAT.search(name)
        if of:
            name = name[: of.start()]
        by = _BY_NAME.search(name)
        if by:
            name = clean(name[by.end() :])
    return name


@lru_cache(maxsize=4096)  # a story asks it of the same few names again and again
def clean(text: str) -> str:
    text = text.strip().strip("\"'“”‘’").strip()
    prefix = _DOCUMENT_PREFIX.match(text)  # anchored at the start: at most one match
    if prefix:
        text = text[prefix.end() :]
    lowered = text.lower()
    if not text.isascii() or lowered.endswith(_DOCUMENT_SUFFIX_WORDS):
        text = _DOCUMENT_SUFFIX.sub("", text)
        lowered = text.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    return text.strip()
