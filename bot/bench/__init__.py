"""``claimwatch bench``: how fast the engine, the store and polling are, on this machine.

    run_bench(quick=False, out=Path("bench-results.json"), stream=sys.stdout)

Each section (engine at 1k/10k/100k claims, the issue-3 figure with the index-vs-brute-force
comparison, polling 2k/10k feeds) runs in its own Python process, so the peak resident memory
of one does not hide another's; the parent collects their JSON, prints a table and writes
``bench-results.json``. ``quick`` runs the same sections at a tenth of the size. Nothing here
asserts a speed: targets are reported as met or not.
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

__all__ = ["DEFAULT_OUT", "plan", "run_bench", "run_section"]


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
    # the big one stores its (silent, empty-feed) baseline directly: the small one times it
    sections += [
        (
            "polling",
            {
                "feeds": feeds // tenth,
                "claims": 1_000,
                "cycles": cycles,
                "seeded_baseline": seeded,
            },
        )
        for feeds, cycles, seeded in ((2_000, 5, False), (10_000, 3, True))
    ]
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
    raise ValueError(f"unknown bench section {name!r}")


def _in_subprocess(name: str, params: Json) -> Json:
    command = [sys.executable, "-m", "bot.bench", "section", name, json.dumps(params)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"error": f"section {name} {params} exited with status {done.returncode}"}
    result: Json = json.loads(lines[-1])
    return result


def _targets(results: Json) -> dict[str, str]:
    verdicts: dict[str, str] = {}
    engine = [row for row in results["engine"] if "error" not in row]
    if engine:
        biggest = max(engine, key=lambda row: row["claims"])
        rate = biggest["engine_only"]["stories_per_s"]["median"]
        met = "met" if rate >= TARGET_STORIES_PER_S else "NOT met"
        verdicts[f"≥ {TARGET_STORIES_PER_S} stories/s at {biggest['claims']:,} claims"] = (
            f"{met} ({rate:,.1f} engine only)"
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
    return verdicts


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
        "errors": [],
    }
    for name, params in plan(quick) if sections is None else sections:
        print(f"bench: {name} {json.dumps(params)} ...", file=stream, flush=True)
        section_start = time.perf_counter()
        result = _in_subprocess(name, params)
        result["wall_s"] = time.perf_counter() - section_start
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
    print(table(results), file=stream)
    print(f"\nwritten: {out}", file=stream, flush=True)
    return 1 if results["errors"] else 0
