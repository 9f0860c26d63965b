"""``claimwatch bench``: how fast the engine, the store and polling are, on this machine.

    run_bench(quick=False, out=Path("bench-results.json"), stream=sys.stdout)

Each section (engine at 1k/10k/100k claims, the issue-3 figure with the index-vs-brute-force
comparison, polling 2k feeds and 10k feeds with 100k claims (also the memory figure),
delivery through the fake Telegram and Slack servers, feed change → message through
``run_forever``) runs in its own Python process, so the peak resident memory of one does not
hide another's; the parent collects their JSON, prints a table and writes
``bench-results.json``. ``quick`` runs the same
sections at a tenth of the size, and runs the sections that mostly wait (rate-limited delivery,
the poll interval) side by side. Nothing here asserts a speed: targets are reported as met or
not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from bot.bench.report import Json, code_fingerprint, machine, noise, table

DEFAULT_OUT = Path("bench-results.json")
SCHEMA = "claimwatch-bench/1"
TARGET_STORIES_PER_S = 300
TARGET_SPEEDUP = 50
TARGET_AGREEMENT_PCT = 99
TARGET_FEEDS = 10_000
TARGET_CYCLE_S = 300  # 10,000 feeds on a 5-minute cycle …
TARGET_CORES = 1.0  # … using less than one core
TARGET_RSS_MB = 500  # with 10,000 feeds and 100,000 claims
TARGET_CLAIMS = 100_000
TARGET_BEYOND_INTERVAL_S = 2.0  # feed change → message, beyond the poll interval
WAITING = frozenset({"delivery", "end_to_end"})  # sections bound by sleeps, not CPU

__all__ = ["DEFAULT_OUT", "delivery_tables", "plan", "run_bench", "run_section"]


def plan(quick: bool) -> list[tuple[str, Json]]:
    """The sections and their parameters; quick is a tenth of the size."""
    tenth = 10 if quick else 1
    engine = [(1_000, 5, 100), (10_000, 5, 60), (100_000, 3, 30)]
    sections: list[tuple[str, Json]] = [
        (
            "engine",
            {
                "claims": claims // tenth,
                "runs": runs,
                "stories_per_run": max(3, per_run // tenth),
                "words": 200,
            },
        )
        for claims, runs, per_run in engine
    ]
    sections.append(
        (
            "issue3",
            {
                "claims": 10_000 // tenth,
                "words": 800,
                "timing_stories": 5 if quick else 10,
                "brute_stories": 2 if quick else 3,
            },
        )
    )
    # the big one stores its (silent, empty-feed) baseline directly: the small one times it.
    # The big one is also the memory figure: 10,000 feeds polled with 100,000 claims tracked.
    sections += [
        (
            "polling",
            {
                "feeds": feeds // tenth,
                "claims": claims // tenth if claims > 1_000 else claims,
                "cycles": cycles if not quick else max(2, cycles - 2),
                "seeded_baseline": seeded,
            },
        )
        for feeds, claims, cycles, seeded in (
            (2_000, 1_000, 5, False),
            (TARGET_FEEDS, TARGET_CLAIMS, 3, True),
        )
    ]
    # fanout: every chat follows every topic; desk: each chat its own topics (a story's alerts
    # go to one chat, paced at 1/s there, other chats' alerts alongside): the backlog is
    # (quick, full) alerts, spread over several chats in both cases
    deliveries = [("telegram", "fanout", 40, 400), ("slack", "fanout", 40, 400)]
    deliveries.append(("telegram", "desk", 40, 60))
    sections += [
        (
            "delivery",
            {
                "platform": platform,
                "routing": routing,
                "channels": 20,
                "backlog": quick_backlog if quick else backlog,
                "steady_s": 1.5 if quick else 20.0,
                "runs": 2 if quick else 3,
            },
        )
        for platform, routing, quick_backlog, backlog in deliveries
    ]
    sections.append(
        (
            "end_to_end",
            {
                "feeds": 20 if quick else 40,
                "claims": 1_000,
                "interval_s": 3 if quick else 10,
                "rounds": 2 if quick else 3,
                "channels": 20,
                "drain_s": 8.0 if quick else 30.0,
            },
        )
    )
    return sections


def run_section(name: str, params: Json) -> Json:
    """Run one section in this process (``python -m bot.bench section NAME JSON`` calls this)."""
    if name == "engine":
        from bot.bench.engine import throughput

        return throughput(**params)
    if name == "issue3":
        from bot.bench.engine import issue3

        return issue3(**params)
    if name == "polling":
        from bot.bench.polling import polling

        return polling(**params)
    if name == "delivery":
        from bot.bench.delivery import delivery

        return delivery(**params)
    if name == "end_to_end":
        from bot.bench.delivery import end_to_end

        return end_to_end(**params)
    raise ValueError(f"unknown bench section {name!r}")


def _start(name: str, params: Json) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "bot.bench", "section", name, json.dumps(params)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def _finish(name: str, params: Json, child: subprocess.Popen[str]) -> Json:
    out, _ = child.communicate()
    lines = out.strip().splitlines()
    if child.returncode != 0 or not lines:
        return {"error": f"section {name} {params} exited with status {child.returncode}"}
    result: Json = json.loads(lines[-1])
    return result


def _in_subprocess(name: str, params: Json) -> Json:
    return _finish(name, params, _start(name, params))


def _batches(
    sections: Sequence[tuple[str, Json]], side_by_side: bool
) -> list[list[tuple[str, Json]]]:
    """One section a batch; with ``side_by_side``, consecutive WAITING sections share one."""
    batches: list[list[tuple[str, Json]]] = []
    for name, params in sections:
        if side_by_side and name in WAITING and batches and batches[-1][-1][0] in WAITING:
            batches[-1].append((name, params))
        else:
            batches.append([(name, params)])
    return batches


def _targets(results: Json) -> dict[str, str]:
    verdicts: dict[str, str] = {}
    engine = [row for row in results["engine"] if "error" not in row]
    if engine:
        biggest = max(engine, key=lambda row: row["claims"])
        smallest = min(engine, key=lambda row: row["claims"])
        rate = biggest["with_store"]["stories_per_s"][
            "median"
        ]  # parse + engine + store: the issue's
        alone = biggest["engine_only"]["stories_per_s"]["median"]
        met = "met" if rate >= TARGET_STORIES_PER_S else "NOT met"
        verdicts[f"≥ {TARGET_STORIES_PER_S} stories/s at {biggest['claims']:,} claims"] = (
            f"{met} ({rate:,.1f} end to end: parse, engine, store; {alone:,.1f} engine only)"
        )
        base = smallest["with_store"]["stories_per_s"]["median"]
        if smallest is not biggest and base > 0:
            share = rate / base
            verdicts[f"at {biggest['claims']:,} claims ≥ half of {smallest['claims']:,}"] = (
                f"{'met' if share >= 0.5 else 'NOT met'} ({share:.0%}, end to end)"
            )
    issue = results.get("issue3") or {}
    for shape in issue.get("shapes", []):
        speed, agree = shape["speedup"], shape["agreement_pct"]
        verdicts[f"index ≥ {TARGET_SPEEDUP}× brute force, {shape['name']}"] = (
            f"{'met' if speed >= TARGET_SPEEDUP else 'NOT met'} ({speed:,.0f}×)"
        )
        verdicts[f"same best match ≥ {TARGET_AGREEMENT_PCT}%, {shape['name']}"] = (
            f"{'met' if agree >= TARGET_AGREEMENT_PCT else 'NOT met'} ({agree:.1f}% of "
            f"{shape['queries']})"
        )
    verdicts.update(_operating_targets(results))
    return verdicts


_SMALL = "not judged at this size"


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _operating_targets(results: Json) -> dict[str, str]:
    """Polling CPU, memory and change → message, against the issue's targets."""
    verdicts: dict[str, str] = {}
    polled = [row for row in results.get("polling", []) if row.get("cores_at_5min_cycle")]
    if polled:
        row = max(polled, key=lambda r: r["feeds"])
        cores = row["cores_at_5min_cycle"]
        name = f"{TARGET_FEEDS:,} feeds on a 5-minute cycle < {TARGET_CORES:g} core"
        verdict = _met(cores < TARGET_CORES) if row["feeds"] >= TARGET_FEEDS else _SMALL
        verdicts[name] = f"{verdict} ({cores:.3f} cores at {row['feeds']:,} feeds)"
    if polled:
        row = max(polled, key=lambda r: (r["feeds"], r["claims"]))
        peak = row["peak_rss_mb"]
        full = row["feeds"] >= TARGET_FEEDS and row["claims"] >= TARGET_CLAIMS
        verdicts[
            f"< {TARGET_RSS_MB} MB with {TARGET_FEEDS:,} feeds and {TARGET_CLAIMS:,} claims"
        ] = (
            f"{_met(peak < TARGET_RSS_MB) if full else _SMALL} ({peak:,.0f} MB peak, "
            f"{row.get('rss_at_end_mb') or 0:,.0f} MB at the end, at {row['feeds']:,} feeds, "
            f"{row['claims']:,} claims)"
        )
    for row in results.get("end_to_end", []):
        beyond = row.get("beyond_interval_p99_s")
        if beyond is None:
            continue
        waiting = row["changes_with_alerts"] - row["changes_alerted"]
        ok = beyond <= TARGET_BEYOND_INTERVAL_S and not waiting
        late = (
            f"; {waiting} changes' alerts still waiting {row['drain_s']:g} s on" if waiting else ""
        )
        verdicts[f"change → message ≤ {TARGET_BEYOND_INTERVAL_S:g} s beyond the poll interval"] = (
            f"{_met(ok)} (p99 {beyond:+.1f} s, p50 {row['beyond_interval_p50_s']:+.1f} s, "
            f"interval {row['poll_interval_s']} s{late})"
        )
    return verdicts


def _fmt(stats: Json | None, digits: int = 1, scale: float = 1.0) -> str:
    if not stats or stats.get("median") is None:
        return "-"
    med, low, high = (stats[k] * scale for k in ("median", "min", "max"))
    return f"{med:,.{digits}f} ({low:,.{digits}f}–{high:,.{digits}f})"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def delivery_tables(results: Json) -> list[str]:
    """Memory, delivery and end-to-end rows of the printed table."""
    lines: list[str] = []
    if results.get("polling"):
        lines += ["", "Memory of the polling runs: feeds polled with claims tracked (resident MB)"]
        head = f"{'feeds':>7} {'claims':>8}  {'setup s':>8}  {'peak at setup':>13}  {'peak':>6}"
        head += f"  {'at end':>6}"
        lines += [head, "-" * len(head)]
        for row in results["polling"]:
            lines.append(
                f"{row['feeds']:>7,} {row['claims']:>8,}  {row['setup_s']:>8.1f}  "
                f"{row['setup_rss_mb']:>13.0f}  {row['peak_rss_mb']:>6.0f}  "
                f"{row.get('rss_at_end_mb') or 0:>6.0f}"
            )
    if results.get("delivery"):
        lines += ["", "Delivery through the fake servers, rate limits on (alert = one message)"]
        head = f"{'platform':<9} {'chats':>5} {'routing':>7}  {'alerts/s (backlog)':>22}  {'at':>5}"
        head += f"  {'finding → message p50 ms':>26}  {'p99 ms':>24}  {'peak MB':>7}"
        lines += [head, "-" * len(head)]
        for row in results["delivery"]:
            lines.append(
                f"{row['platform']:<9} {row['channels']:>5} {row['routing']:>7}  "
                f"{_fmt(row['alerts_per_s']):>22}  "
                f"{row['steady_alerts_per_s'] or 0:>5.1f}  {_fmt(row['latency_p50_ms'], 0):>26}  "
                f"{_fmt(row['latency_p99_ms'], 0):>24}  {row['peak_rss_mb']:>7.0f}"
            )
        lines.append("  at: alerts/s offered while latency was measured (half the backlog rate);")
        lines.append(
            "  fanout: a finding goes to every chat; desk: each chat follows its own topics"
        )
    if results.get("end_to_end"):
        lines += ["", "Feed change → first message at the fake Telegram server (run_forever)"]
        head = f"{'feeds':>6} {'interval s':>10} {'changes':>8} {'alerts':>7} {'alerted':>8}"
        head += f"  {'p50 s':>6} {'p99 s':>6}  {'beyond interval p50':>20} {'p99':>6}"
        head += f"  {'stored p50':>10} {'p99':>6}  {'peak MB':>7}"
        lines += [head, "-" * len(head)]
        for row in results["end_to_end"]:
            lines.append(
                f"{row['feeds']:>6,} {row['poll_interval_s']:>10} {row['changes']:>8} "
                f"{row['changes_with_alerts']:>7} {row['changes_alerted']:>8}  "
                f"{_seconds(row['change_to_message_p50_s']):>6} "
                f"{_seconds(row['change_to_message_p99_s']):>6}  "
                f"{_seconds(row['beyond_interval_p50_s']):>20} "
                f"{_seconds(row['beyond_interval_p99_s']):>6}  "
                f"{_seconds(row.get('change_to_stored_p50_s')):>10} "
                f"{_seconds(row.get('change_to_stored_p99_s')):>6}  {row['peak_rss_mb']:>7.0f}"
            )
        lines.append("  stored: change → its alerts written to the outbox (polled, engine, store)")
    return lines


def _target_lines(targets: dict[str, str]) -> list[str]:
    if not targets:
        return []
    return ["", "Targets (reported, not asserted):"] + [
        f"  {name}: {verdict}" for name, verdict in targets.items()
    ]


def run_bench(
    *,
    quick: bool,
    out: Path = DEFAULT_OUT,
    stream: IO[str] = sys.stdout,
    sections: Sequence[tuple[str, Json]] | None = None,
) -> int:
    """Run every section (``plan(quick)`` unless given), print the table to ``stream``, write
    the JSON to ``out``.

    Returns 0, or 1 when a section failed (its error is in the JSON and the table omits it).
    """
    started = time.perf_counter()
    results: dict[str, Any] = {
        "schema": SCHEMA,
        "quick": quick,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "core_fingerprint": code_fingerprint(),  # sha256 of bot/core/*.py, to compare runs
        "noise": noise(),
        "engine": [],
        "issue3": None,
        "polling": [],
        "delivery": [],
        "end_to_end": [],
        "errors": [],
    }
    chosen = plan(quick) if sections is None else sections
    for batch in _batches(chosen, side_by_side=quick):
        section_start = time.perf_counter()
        children = []
        for name, params in batch:
            print(f"bench: {name} {json.dumps(params)} ...", file=stream, flush=True)
            children.append(_start(name, params))
        for (name, params), child in zip(batch, children, strict=True):
            result = _finish(name, params, child)
            result["wall_s"] = time.perf_counter() - section_start
            result["side_by_side"] = len(batch) > 1
            if "error" in result:
                results["errors"].append(result["error"])
                print(f"bench: {result['error']}", file=stream, flush=True)
                continue
            if name == "issue3":
                results["issue3"] = result
            else:
                results[name].append(result)
    results["duration_s"] = time.perf_counter() - started
    if code_fingerprint() != results["core_fingerprint"]:
        results["errors"].append("bot/core changed during the run: the figures mix two versions")
    results["targets"] = _targets(results)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("", file=stream)
    print(table({**results, "targets": None}), file=stream)
    print("\n".join(delivery_tables(results)), file=stream)
    print("\n".join(_target_lines(results["targets"])), file=stream)
    print(f"\nwritten: {out}", file=stream, flush=True)
    return 1 if results["errors"] else 0
