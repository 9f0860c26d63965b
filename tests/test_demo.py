"""The demo and replay, end to end: the sample story gives exactly its expected findings."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tests.clirun import claimwatch
from tests.feedserver import FeedServer

DEMO = Path(str(resources.files("bot") / "demo"))
EXPECTED: dict[str, Any] = yaml.safe_load((DEMO / "expected.yaml").read_text())
CONFIGURED = {
    claim["id"]
    for topic in yaml.safe_load((DEMO / "claims.yaml").read_text())["topics"]
    for claim in topic.get("claims", [])
}
FEED_FILES = [
    DEMO / entry["url"] for entry in yaml.safe_load((DEMO / "feeds.yaml").read_text())["feeds"]
]


def key(finding: dict[str, Any]) -> tuple[str, str, str, str]:
    claim = finding["claim"] if finding["claim"] in CONFIGURED else "learned"
    figure = finding.get("figure")
    text = figure if isinstance(figure, str) or figure is None else figure["text"]
    return (finding["story"], finding["kind"], claim, text or "")


def assert_same_findings(actual: list[dict[str, Any]]) -> None:
    got = [key({**f, "story": f["story_key"]}) for f in actual]
    want = [key(f) for f in EXPECTED["findings"]]
    unmatched = list(got)
    missing = []
    for w in want:
        hit = next(
            (g for g in unmatched if g[:3] == w[:3] and (w[3] in g[3] or g[3] in w[3])), None
        )
        if hit is None:
            missing.append(w)
        else:
            unmatched.remove(hit)
    assert (missing, unmatched) == ([], []), "missing findings / false findings"
    silent = set(EXPECTED.get("none_from", []))
    assert not [f for f in actual if f["story_key"] in silent]


def test_replay_of_the_sample_feeds_gives_exactly_the_expected_findings(tmp_path: Path) -> None:
    run = claimwatch("replay", *map(str, FEED_FILES), "--config", str(DEMO), "--json", cwd=tmp_path)
    assert run.code == 0, run.err
    findings = [json.loads(line) for line in run.out.splitlines()]
    assert_same_findings(findings)
    for f in findings:  # the --json contract
        assert {
            "kind",
            "topic",
            "claim",
            "figure",
            "previous",
            "stance",
            "attribution",
            "outlet",
            "url",
            "published",
            "sentence",
        } <= f.keys()
        if f["figure"] is not None:
            assert {"low", "high", "hedge", "text"} <= f["figure"].keys()


def test_replay_over_http_from_a_loopback_server(tmp_path: Path) -> None:
    with FeedServer() as server:
        urls = []
        for path in FEED_FILES:
            server.feed(f"/{path.name}", path.read_bytes())
            urls.append(server.url(f"/{path.name}"))
        run = claimwatch("replay", *urls, "--config", str(DEMO), "--json", cwd=tmp_path)
        assert run.code == 0, run.err
        assert_same_findings([json.loads(line) for line in run.out.splitlines()])
        assert {r.path for r in server.requests} == {f"/{p.name}" for p in FEED_FILES}


def test_the_demo_prints_the_expected_alerts_and_a_digest(tmp_path: Path) -> None:
    run = claimwatch("demo", cwd=tmp_path)
    assert run.code == 0, run.err
    desk = EXPECTED["desk"]
    marks = {
        "new_figure": "▲ New figure",
        "dispute": "≠ Disputed figure",
        "contradiction": "‼ Contradiction",
    }
    for kind, title in marks.items():
        assert run.out.count(title) == sum(1 for a in desk if a["kind"] == kind), kind
    assert "✓ Corroborated" not in run.out  # below the desk's min_severity: digest only
    assert f"{len(desk)} alerts on the console channel" in run.out
    digest = run.out.split("Digest", 1)[1]
    assert "1 contradiction, 2 disputes" in digest and "corroborated" in digest
    assert "Traceback" not in run.err
