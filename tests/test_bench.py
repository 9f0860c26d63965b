"""The benchmark harness runs end to end at a tiny size and writes well-formed results.

Speed is never asserted here: only that every section ran, counted what it should, and that
the JSON and the table carry the figures.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import httpx

from bot.bench import delivery_tables, run_bench
from bot.bench.claims import make_workload, stories
from bot.bench.delivery import delivery, end_to_end
from bot.bench.engine import differences, feed_documents, parse
from bot.bench.feedsite import FeedServer
from bot.core.engine import Engine
from bot.core.reading import keyword_regex
from bot.core.run import reference_figure

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
    # end to end includes parsing: the stored stories went through parse_feed as RSS documents
    assert engine["with_store"]["includes"].startswith("parse_feed of RSS 2.0 documents")
    assert engine["parse_ms_per_story"]["n"] == 2
    assert _median(engine["parse_ms_per_story"]) > 0
    assert engine["feed_documents"]["documents"] == 2  # one small document a run
    assert engine["parsed_as_served"] == {
        "stories": 4,
        "identical": 4,
        "fields_differing": {},
        "texts_differing_in_whitespace_only": 0,
    }

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
    assert polled["baseline"] == "first poll of every feed"
    assert polled["hosts"] == 20  # one loopback host a feed, up to 50
    assert _median(polled["latency_p50_ms"]) <= _median(polled["latency_p99_ms"])
    assert seeded["changed_feeds_ingested"] == 4
    assert seeded["baseline"] == "seeded in the store"

    table = printed.getvalue()
    assert "Engine, stories/s (one process; end to end: RSS documents parsed" in table
    assert "parse ms/story" in table
    assert "stories/s at 60 claims: NOT met" in table or "stories/s at 60 claims: met" in table
    assert "end to end: parse, engine, store" in table
    assert "Index vs brute force" in table
    assert "Polling through Service.poll" in table
    assert f"written: {out}" in table


def test_end_to_end_documents_parse_back_to_the_stories_they_serve() -> None:
    """The end-to-end figure's stories are what parse_feed makes of the rendered documents:
    every field, text byte for byte (paragraph breaks too), in documents of about 20 items
    that each carry one feed's name and outlet."""
    workload = make_workload(120)
    batch = list(stories(workload, 41, words=200))

    documents = feed_documents(0, batch[:30])

    assert [len(d.served) for d in documents] == [15, 15]  # 30 stories: two of about 20
    assert [s.key for d in documents for s in d.served] == [s.key for s in batch[:30]]
    for document in documents:
        assert document.body.startswith(
            b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
        )
        assert {(s.feed, s.outlet) for s in document.served} == {(document.name, document.outlet)}
        parsed = parse(document)
        assert parsed == list(document.served)
        assert all("\n\n" in story.text for story in parsed)
        assert differences(document.served, parsed)["identical"] == 15
    first = documents[0].served[0]
    spaced = dataclasses.replace(first, text=first.text.replace("\n\n", "\n \n"))
    report = differences([spaced], [first])
    assert report["fields_differing"] == {"text": 1}
    assert report["texts_differing_in_whitespace_only"] == 1
    assert [len(d.served) for d in feed_documents(1, batch)] == [14, 14, 13]


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


def gated_topics(claims: int, count: int) -> list[set[str]]:
    """For each of ``count`` synthetic stories: the topics whose keyword gate it passes."""
    workload = make_workload(claims)
    gates = {topic.id: keyword_regex(topic.keywords) for topic in workload.topics}
    return [
        {topic for topic, gate in gates.items() if gate.search(f"{story.title}\n{story.text}")}
        for story in stories(workload, count, words=200)
    ]


def test_synthetic_places_never_name_a_tracked_country_so_more_claims_gate_no_more_topics() -> None:
    """A story names its own topic, and half the time one neighbouring tracked country, at any
    number of claims (until round 11 its places were invented countries too: at 100,000 claims
    a story passed 2.7 topics' gates against 1.0 at 1,000)."""
    small, large = gated_topics(1_000, 60), gated_topics(10_000, 60)
    for gated in (small, large):
        assert all(1 <= len(topics) <= 2 for topics in gated)
        assert 15 <= sum(len(topics) == 2 for topics in gated) <= 45
    workload = make_workload(10_000)
    countries = {k.lower() for topic in workload.topics for k in topic.keywords}
    places = {word.lower() for claim in workload.claims for word in claim.place.split()}
    assert places and not places & countries


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


# --- polling through the scheduler's job, delivery, change → message, memory ------------------


def test_feed_server_changes_one_feed_and_answers_on_several_loopback_hosts() -> None:
    server = FeedServer(feeds=4, claims=60, hosts=2)
    try:
        with httpx.Client() as client:
            changed = client.post(f"{server.base}/_change/1").json()
            on_second_host = client.get(server.feed_url(1))
            untouched = client.get(server.feed_url(2), headers={"If-None-Match": '"2-0"'})
            no_such = client.post(f"{server.base}/_change/9")
    finally:
        server.close()

    assert server.feed_url(1).startswith("http://127.0.0.2:")
    assert changed == {"feed": 1, "version": 1}
    assert on_second_host.status_code == 200
    assert b"bench-feed1-v1" in on_second_host.content
    assert untouched.status_code == 304
    assert no_such.status_code == 404


def test_delivery_bench_sends_every_alert_through_each_fake() -> None:
    for platform in ("telegram", "slack"):
        result = delivery(platform=platform, channels=3, backlog=6, steady_s=1.0, runs=1)

        assert result["platform"] == platform
        assert result["dead"] == 0
        assert result["alerts_sent"] == result["alerts_queued"] >= 6
        assert result["alerts_timed"] == result["alerts_sent"] - result["backlog_alerts_queued"]
        assert _median(result["alerts_per_s"]) > 0
        assert 0 < _median(result["latency_p50_ms"]) <= _median(result["latency_p99_ms"])
        assert result["peak_rss_mb"] > 0


def test_end_to_end_bench_times_each_change_to_its_message() -> None:
    result = end_to_end(feeds=4, claims=60, interval_s=2, rounds=2, channels=2)

    assert result["changes"] == 2  # a quarter of the feeds in each of two intervals
    assert 1 <= result["changes_alerted"] <= result["changes_with_alerts"] <= 2
    assert result["alerts_delivered"] >= result["changes_alerted"]
    assert result["pending_at_end"] == 0 and result["dead"] == 0
    p50, p99 = result["change_to_message_p50_s"], result["change_to_message_p99_s"]
    assert 0 < p50 <= p99
    assert result["beyond_interval_p50_s"] == p50 - 2
    *_, row, note = delivery_tables({"end_to_end": [result]})
    assert note.startswith("  stored: change → its alerts written")
    expected = ["4", "2", "2", str(result["changes_with_alerts"]), str(result["changes_alerted"])]
    assert row.split()[:5] == expected


def test_memory_and_delivery_figures_reach_the_results_and_the_table(tmp_path: Path) -> None:
    out = tmp_path / "bench-results.json"
    printed = io.StringIO()
    sections = [
        ("polling", {"feeds": 10, "claims": 120, "cycles": 1, "seeded_baseline": True}),
        (
            "delivery",
            {"platform": "telegram", "channels": 2, "backlog": 2, "steady_s": 0.1, "runs": 1},
        ),
        (
            "delivery",
            {"platform": "slack", "channels": 2, "backlog": 2, "steady_s": 0.1, "runs": 1},
        ),
    ]

    status = run_bench(quick=True, out=out, stream=printed, sections=sections)

    assert status == 0, printed.getvalue()
    results = json.loads(out.read_text(encoding="utf-8"))
    (memory,) = results["polling"]
    assert (memory["feeds"], memory["claims"]) == (10, 120)
    assert memory["peak_rss_mb"] >= memory["setup_rss_mb"] > 0
    assert memory["changed_feeds_ingested"] == 2  # a fifth of 10 feeds, one cycle
    assert memory["rss_at_end_mb"] > 0
    assert not memory["side_by_side"]
    assert [(row["platform"], row["side_by_side"]) for row in results["delivery"]] == [
        ("telegram", True),
        ("slack", True),
    ]  # quick: the sections that wait run side by side
    table = printed.getvalue()
    assert "Memory of the polling runs" in table
    assert "Delivery through the fake servers" in table
    assert "telegram      2  fanout" in table
    assert "< 500 MB with 10,000 feeds and 100,000 claims: not judged at this size" in table
