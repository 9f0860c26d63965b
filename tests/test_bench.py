"""The benchmark harness runs end to end at a tiny size and writes well-formed results.

Speed is never asserted here: only that every section ran, counted what it should, and that
the JSON and the table carry the figures.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx

from bot.bench import run_bench
from bot.bench.claims import make_workload, stories
from bot.bench.feedsite import FeedServer
from bot.core.engine import Engine, reference_figure

TINY = [
    ("engine", {"claims": 60, "runs": 2, "stories_per_run": 2, "words": 80}),
    ("issue3", {"claims": 60, "words": 200, "timing_stories": 2, "brute_stories": 1}),
    ("polling", {"feeds": 20, "claims": 60, "cycles": 2}),
    ("polling", {"feeds": 10, "claims": 60, "cycles": 2, "seeded_baseline": True}),
]


def _median(stats: dict[str, float]) -> float:
    assert stats["min"] <= stats["median"] <= stats["max"]
    return stats["median"]


def test_tiny_bench_writes_results_and_a_table(tmp_path: Path) -> None:
    out = tmp_path / "bench-results.json"
    printed = io.StringIO()

    status = run_bench(quick=True, out=out, stream=printed, sections=TINY)

    assert status == 0, printed.getvalue()
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["schema"] == "claimwatch-bench/1"
    assert results["errors"] == []
    assert results["machine"]["cpu_count"] >= 1
    assert results["noise"]["n"] == 7

    (engine,) = results["engine"]
    assert (engine["claims"], engine["topics"]) == (60, 2)
    assert engine["engine_only"]["stories_per_s"]["n"] == 2
    assert _median(engine["with_store"]["stories_per_s"]) > 0
    assert engine["store_counts"]["stories"] >= 4  # warm-up and timed stories were stored
    assert engine["statements_per_story"] > 0  # the synthetic stories do speak to claims
    assert engine["peak_rss_mb"] > 0

    issue = results["issue3"]
    assert _median(issue["ms_per_story"]) > 0
    assert [shape["claims"] for shape in issue["shapes"]] == [60, 60]
    for shape in issue["shapes"]:
        assert shape["queries"] > 0
        assert 0 <= shape["agreement_pct"] <= 100

    polled, seeded = results["polling"]
    assert polled["changed_per_cycle"] == 4  # a fifth of 20 feeds
    assert polled["changed_feeds_ingested"] == 8  # every change of both cycles was stored
    assert polled["errors"] == 0
    assert polled["baseline"] == "first Service.poll of every feed"
    assert _median(polled["latency_p50_ms"]) <= _median(polled["latency_p99_ms"])
    assert seeded["changed_feeds_ingested"] == 4
    assert seeded["baseline"] == "seeded in the store"

    table = printed.getvalue()
    assert "Engine, stories/s" in table
    assert "Index vs brute force" in table
    assert "Polling through Service.poll" in table
    assert f"written: {out}" in table


def test_synthetic_claims_state_a_counted_figure_and_stories_restate_them() -> None:
    workload = make_workload(120)

    assert len(workload.topics) == 3
    assert len({c.spec.id for c in workload.claims}) == 120
    counted = [reference_figure(c.spec.text) for c in workload.claims]
    assert sum(1 for f in counted if f is not None and f.counted) >= 110
    engine = Engine(workload.topics, learn_claims=False)
    matched = sum(
        1
        for story in stories(workload, 10, words=120)
        for statement in engine.process(story).statements
        if statement.claim_id
    )
    assert matched >= 10


async def test_feed_server_answers_304_until_a_cycle_changes_feeds() -> None:
    server = FeedServer(feeds=10, claims=60)
    try:
        async with httpx.AsyncClient() as client:
            first = await client.get(f"{server.base}/f/3.xml")
            etag = first.headers["etag"]
            again = await client.get(f"{server.base}/f/3.xml", headers={"If-None-Match": etag})
            cycle = (await client.post(f"{server.base}/_cycle")).json()
            after = [
                await client.get(f"{server.base}/f/{i}.xml", headers={"If-None-Match": f'"{i}-0"'})
                for i in range(10)
            ]
            missing = await client.get(f"{server.base}/nope")
    finally:
        server.close()

    assert first.status_code == 200 and b"<rss" in first.content
    assert again.status_code == 304
    assert cycle == {"cycle": 1, "changed": 2, "cpu_s": cycle["cpu_s"]}
    changed = [r for r in after if r.status_code == 200]
    assert len(changed) == 2 and all(b"<item>" in r.content for r in changed)
    assert missing.status_code == 404
