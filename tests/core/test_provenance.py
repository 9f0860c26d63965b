"""Syndication: near-duplicates of a story are copies of its origin."""

from __future__ import annotations

from bot.core.provenance import SyndicationIndex

from .scenario import CNN_REPORT, story

TEXT = " ".join(CNN_REPORT[:2])


def test_a_copy_with_a_new_headline_and_a_dateline_points_to_the_original() -> None:
    index = SyndicationIndex()
    original = story("a", "Reuters", 3, "North Korea to send more troops", TEXT)
    copy = story("b", "Yahoo", 3, "Pyongyang readies soldiers", "SEOUL, July 3 (Reuters) - " + TEXT)
    assert index.origin_of(original) == "a"
    assert index.origin_of(copy) == "a"
    assert index.origin_of(copy) == "a"  # asking again does not change the answer


def test_a_copy_of_a_copy_points_to_the_first_original() -> None:
    index = SyndicationIndex()
    index.origin_of(story("a", "Reuters", 3, "t", TEXT))
    index.origin_of(story("b", "Yahoo", 3, "t", TEXT + " (Wire copy.)"))
    assert index.origin_of(story("c", "MSN", 4, "t", TEXT)) == "a"


def test_different_stories_and_short_texts_are_originals() -> None:
    index = SyndicationIndex()
    index.origin_of(story("a", "Reuters", 3, "t", TEXT))
    other = story("b", "AP", 3, "t", "The Kremlin declined to comment on the reports on Thursday.")
    assert index.origin_of(other) == "b"
    assert index.origin_of(story("c", "AP", 3, "t", "North Korea")) == "c"


def test_the_index_is_bounded() -> None:
    index = SyndicationIndex(max_stories=2)
    index.origin_of(story("a", "Reuters", 3, "t", TEXT))
    index.origin_of(story("b", "AP", 3, "t", "Completely different words about a marathon race."))
    index.origin_of(story("c", "AP", 3, "t", "Another unrelated text about a city council budget."))
    assert len(index) == 2
    assert index.origin_of(story("d", "Yahoo", 4, "t", TEXT)) == "d"  # "a" was forgotten


def test_forgetting_one_story_keeps_the_shingles_it_shared() -> None:
    """Three copies share every shingle; when the first is forgotten the other two still find
    each other, and when all are forgotten no shingle is left behind."""
    index = SyndicationIndex(max_stories=2)
    index.origin_of(story("a", "Reuters", 3, "t", TEXT))
    index.origin_of(story("b", "Yahoo", 3, "t", TEXT + " (Wire copy.)"))
    index.origin_of(story("c", "MSN", 4, "t", TEXT + " (Another copy.)"))  # "a" is forgotten
    assert index.origin_of(story("d", "AOL", 4, "t", TEXT)) == "a"  # b's origin, still known
    for n, words in enumerate(["a marathon race in the rain", "the city council budget vote"]):
        index.origin_of(story(f"x{n}", "AP", 5, "t", f"Completely different words about {words}."))
    assert len(index) == 2
    assert index.origin_of(story("e", "AOL", 6, "t", TEXT)) == "e"  # all copies forgotten
