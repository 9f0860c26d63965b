"""The demo feeds (bot/demo) give exactly the findings bot/demo/expected.yaml lists."""

from __future__ import annotations

import calendar
import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import yaml

from bot.core.attribution import same_source
from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Story, StoryResult, Topic

DEMO = Path(__file__).resolve().parents[2] / "bot" / "demo"


def crude_text(markup: str) -> str:
    markup = re.sub(r"(?i)</(p|div|li|h\d)>|<br\s*/?>", "\n\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).strip()


def load_topics() -> list[Topic]:
    config = yaml.safe_load((DEMO / "claims.yaml").read_text())
    return [
        Topic(
            id=t["id"],
            name=t["name"],
            keywords=tuple(t["keywords"]),
            claims=tuple(
                ClaimSpec(c["id"], t["id"], c["text"], c.get("source"), _date(c.get("date")))
                for c in t.get("claims", ())
            ),
        )
        for t in config["topics"]
    ]


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def load_stories() -> list[Story]:
    stories = []
    for path in sorted(DEMO.glob("*.xml")):
        parsed = feedparser.parse(str(path))
        outlet = parsed.feed.get("title", path.stem).split(" — ")[0]
        for entry in parsed.entries:
            body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            stories.append(
                Story(
                    key=entry.get("id") or entry.link,
                    feed=path.stem,
                    outlet=outlet,
                    url=entry.get("link", ""),
                    title=entry.get("title", ""),
                    text=crude_text(body),
                    published=datetime.fromtimestamp(calendar.timegm(when), UTC),
                )
            )
    return sorted(stories, key=lambda s: s.published or datetime.min.replace(tzinfo=UTC))


def run_demo() -> tuple[dict[str, Any], list[StoryResult]]:
    expected = yaml.safe_load((DEMO / "expected.yaml").read_text())
    engine = Engine(load_topics())
    return expected, [engine.process(story) for story in load_stories()]


def test_stories_come_in_the_expected_order() -> None:
    expected, results = run_demo()
    assert [r.story.key for r in results] == expected["order"]


def test_syndicated_copies_point_to_their_original() -> None:
    expected, results = run_demo()
    origins = {r.story.key: r.origin_key for r in results if r.origin_key != r.story.key}
    assert origins == expected["syndication"]


def test_exactly_the_expected_findings() -> None:
    expected, results = run_demo()
    learned: dict[str, str] = {}  # learned_as -> the engine's claim id
    got = []
    for result in results:
        for f in result.findings:
            got.append((result.story.key, str(f.kind), f.claim_id, f.figure))
    want = expected["findings"]
    assert len(got) == len(want)
    for (story, kind, claim_id, figure), item in zip(got, want, strict=True):
        assert (story, kind) == (item["story"], item["kind"])
        if item["claim"] == "learned":
            assert learned.setdefault(item["learned_as"], claim_id) == claim_id
        else:
            assert claim_id == item["claim"]
        if item["figure"] is None:
            assert figure is None
        else:
            assert figure is not None
            assert (figure.text, str(figure.hedge)) == (item["figure"], item["hedge"])
            low, high = item["nominal"]
            assert figure.low <= low and high <= figure.high
    assert len(set(learned.values())) == len(learned)


def test_previous_figures_and_updates() -> None:
    expected, results = run_demo()
    findings = [f for r in results for f in r.findings]
    for f, item in zip(findings, expected["findings"], strict=True):
        if item["previous"] is not None:
            assert f.previous is not None and f.previous.figure.text == item["previous"]
        assert f.may_be_update == bool(item.get("may_be_update", False))


def test_attributions_name_the_speaker() -> None:
    expected, results = run_demo()
    findings = [f for r in results for f in r.findings]
    for f, item in zip(findings, expected["findings"], strict=True):
        said, wanted = str(f.statement.attribution), item["attribution"]
        names = re.findall(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*", wanted)
        assert (
            said.lower() in wanted.lower()
            or same_source(f.statement.attribution.source or "", wanted)
            or any(name in said for name in names if name not in ("A", "An", "The"))
        ), (said, wanted)


def test_stories_that_give_nothing() -> None:
    expected, results = run_demo()
    silent = {r.story.key for r in results if not r.findings}
    assert set(expected["none_from"]) <= silent
