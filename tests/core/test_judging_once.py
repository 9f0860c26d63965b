"""Round 15b's shortcuts in judging give the answers of the work they skip or share: the gate's
facts about what the engine had heard (now read only for a finding the gate may judge), the
revision test's cheap gate, and a story's text without dates read once for all its topics."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

from bot.core.compare import _CORRECTS_EARLIER, _TIME_WORDS, corrects_earlier
from bot.core.engine import Engine
from bot.core.gate import FEATURES
from bot.core.model import FindingKind, Story, Topic
from bot.core.reading import without_dates
from tests.core.test_gate import Rejecting, told
from tests.core.test_judging import FLOOD

HEARD, SIGHTINGS = FEATURES.index("source_seen"), FEATURES.index("log_sightings")


def test_the_gate_reads_what_the_engine_had_heard_before_the_findings_own_sighting() -> None:
    gate = Rejecting(set())
    engine = Engine([FLOOD], gate=gate)
    fewer = "The Red Cross said the Brannock floods had killed 60 people."
    assert told(engine, "a", 2, "Post", fewer) == [("dispute", "flood-deaths")]
    again = "The Red Cross said 60 people had died in the Brannock floods."
    assert told(engine, "b", 2, "Wire", again) == [("dispute", "flood-deaths")]
    facts = [(row[SIGHTINGS], row[HEARD]) for _, _, row in gate.asked]
    # the first dispute: the claim held its baseline alone and the Red Cross was not yet heard;
    # the second: the first dispute's sighting was held, and its source heard on the topic
    assert facts == [(math.log1p(1), 0.0), (math.log1p(2), 1.0)]
    assert [kind for kind, _, _ in gate.asked] == [FindingKind.DISPUTE] * 2


def _corrects_earlier_before(text: str) -> bool:
    """The test as it read before round 15b: any() over the time words, then the pattern."""
    return any(word in text for word in _TIME_WORDS) and bool(_CORRECTS_EARLIER.search(text))


REVISIONS = (
    "Eighteen cars fell into the river, not about 10 as first estimated.",
    "It said 118 homes were buried, far more than first thought.",
    "The loss was smaller than initially feared, the insurer said on Monday.",
    "Some 2,400 people were evacuated, more than was originally expected.",
    "Rescuers found 31 survivors, fewer than had been previously reported.",
    "The toll of 57 was higher than earlier stated by the regional governor.",
    "First estimates put the crowd at 35,000, rather than the 150,000 claimed.",
    "The first estimate was released on Monday.",
    "Officials said 4,000 homes were still without power, AS FIRST REPORTED by Reuters.",
    "Police detained 1,137 people, matching the figure given by prosecutors.",
    "About 470,000 depositors, up from the 410,000 counted earlier this month.",
)


def test_the_revision_test_answers_as_before_on_news_sentences() -> None:
    answers = [corrects_earlier(text) for text in REVISIONS]
    assert answers == [_corrects_earlier_before(text) for text in REVISIONS]
    assert answers[:6] == [True] * 6 and not any(answers[6:])


LOOSE = Topic(
    id="dock-strike",
    name="Dock strike",
    keywords=("dock", "strike", "strikers", "Harwick"),
    claims=(),
)


def test_a_topic_is_found_about_a_story_with_its_dates_read_once_as_topic_by_topic() -> None:
    texts = (
        "The dock strike entered its third day on 12 March 2026, with 4,000 strikers out.",
        "A lightning strike on 3 April hit a dock crane; no one was hurt.",
        "Dock strikers said on Tuesday, 14 April, that talks with the port had failed.",
    )
    engine = Engine([LOOSE, FLOOD])
    for text in texts:
        whole = f"Port news\n{text}"
        dateless = without_dates(whole)
        assert dateless != whole  # each has a date to blank
        for topic in (LOOSE, FLOOD):
            assert engine._about(topic, whole, dateless) == engine._about(topic, whole)
    assert [engine._about(LOOSE, f"Port news\n{t}") for t in texts] == [True, False, True]


def test_stories_on_a_loose_topic_give_the_same_findings_through_the_engine() -> None:
    engine = Engine([LOOSE])
    published = datetime(2026, 3, 12, 9, tzinfo=UTC)
    text = "The dock strike at Harwick on 12 March 2026 idled 4,000 strikers, the union said."
    result = engine.process(
        Story("s1", "Wire", "Wire", "https://wire.example/s1", "Dock strike", text, published)
    )
    assert [str(f.kind) for f in result.findings] == ["new_claim"]
    assert re.search(r"4,000", result.findings[0].claim_text)
