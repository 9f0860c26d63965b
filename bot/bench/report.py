"""Statistics, machine facts, a noise estimate and the printed table of a benchmark run."""

from __future__ import annotations

import hashlib
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Json = dict[str, Any]


def summary(values: Sequence[float]) -> Json:
    """Median with its spread (min, max, quartiles) of several runs."""
    if not values:
        return {"n": 0, "median": None, "min": None, "max": None, "q1": None, "q3": None}
    ordered = sorted(values)
    q1, q3 = (ordered[0], ordered[-1])
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "q1": q1,
        "q3": q3,
    }


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _fixed_loop() -> float:
    start = time.perf_counter()
    total = 0
    for i in range(300_000):
        total += i * i % 7
    elapsed = time.perf_counter() - start
    assert total >= 0
    return elapsed


def noise(repeats: int = 7) -> Json:
    """Times of a fixed pure-Python loop: its spread says how steady this machine is now."""
    times = [_fixed_loop() * 1000 for _ in range(repeats)]
    stats = summary(times)
    stats["spread_pct"] = 100 * (stats["max"] - stats["min"]) / stats["median"]
    return stats


def code_fingerprint() -> str:
    """A short hash of bot/core's sources: results of the same code share it."""
    core = Path(__file__).resolve().parent.parent / "core"
    digest = hashlib.sha256()
    for path in sorted(core.rglob("*.py")):
        digest.update(path.relative_to(core).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> Json:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


# --- the table --------------------------------------------------------------------------------


def _fmt(stats: Json | None, digits: int = 1, scale: float = 1.0) -> str:
    if not stats or stats.get("median") is None:
        return "-"
    med, low, high = (stats[k] * scale for k in ("median", "min", "max"))
    return f"{med:,.{digits}f} ({low:,.{digits}f}–{high:,.{digits}f})"


def table(results: Json) -> str:
    """The results as aligned text: median (min–max) of the runs."""
    lines: list[str] = []
    m = results["machine"]
    lines.append(
        f"claimwatch bench{' --quick' if results['quick'] else ''}: {m['cpu_count']} CPUs "
        f"({m['cpu_model']}), Python {m['python']}; noise (fixed loop spread) "
        f"{results['noise']['spread_pct']:.1f}%; total {results['duration_s']:.0f} s"
    )
    lines.append(f"figures: median (min–max) of the runs; bot/core {results['core_fingerprint']}")
    lines += [f"ERROR: {error}" for error in results.get("errors", [])]
    lines.append("")
    lines.append(
        "Engine, stories/s (one process; end to end: RSS documents parsed, then stored in a real"
        " SQLite file)"
    )
    head = f"{'claims':>8} {'topics':>6} {'words':>5}  {'engine only':>24}  {'end to end':>24}"
    head += f"  {'parse ms/story':>20}"
    lines += [head + f"  {'setup s':>8}  {'peak MB':>7}", "-" * (len(head) + 19)]
    for row in results.get("engine", []):
        lines.append(
            f"{row['claims']:>8,} {row['topics']:>6,} {row['words_per_story']:>5}  "
            f"{_fmt(row['engine_only']['stories_per_s']):>24}  "
            f"{_fmt(row['with_store']['stories_per_s']):>24}  "
            f"{_fmt(row.get('parse_ms_per_story'), 2):>20}  "
            f"{row['setup_s']:>8.1f}  {row['peak_rss_mb']:>7.0f}"
        )
    issue = results.get("issue3")
    if issue:
        lines.append("")
        lines.append(
            f"Issue 3: extract + match + compare, {issue['words']}-word story, "
            f"{issue['claims']:,} claims: {_fmt(issue['ms_per_story'])} ms/story "
            f"(peak {issue['peak_rss_mb']:.0f} MB)"
        )
        lines.append("Index vs brute force (every sentence scored against every claim)")
        head = f"{'shape':<22} {'queries':>7}  {'index ms/q':>20}  {'brute ms/q':>22}"
        lines += [head + f"  {'speedup':>8}  {'agree %':>7}", "-" * (len(head) + 19)]
        for shape in issue["shapes"]:
            lines.append(
                f"{shape['name']:<22} {shape['queries']:>7}  "
                f"{_fmt(shape['index_ms_per_query'], 3):>20}  "
                f"{_fmt(shape['brute_ms_per_query'], 1):>22}  "
                f"{shape['speedup']:>7.0f}×  {shape['agreement_pct']:>7.1f}"
            )
    if results.get("polling"):
        lines.append("")
        lines.append("Polling through Service.poll (loopback server, ETag/304, change → stored)")
        head = f"{'feeds':>7} {'changed':>7}  {'feeds/s':>22}  {'CPU s/cycle':>20}"
        head += f"  {'p50 ms':>22}  {'p99 ms':>22}"
        lines += [head + f"  {'peak MB':>7}", "-" * (len(head) + 9)]
        for row in results["polling"]:
            lines.append(
                f"{row['feeds']:>7,} {row['changed_per_cycle']:>7,}  "
                f"{_fmt(row['feeds_per_s'], 0):>22}  {_fmt(row['cpu_s_per_cycle'], 1):>20}  "
                f"{_fmt(row['latency_p50_ms'], 0):>22}  {_fmt(row['latency_p99_ms'], 0):>22}  "
                f"{row['peak_rss_mb']:>7.0f}"
            )
    targets = results.get("targets")
    if targets:
        lines.append("")
        lines.append("Targets (reported, not asserted):")
        for name, verdict in targets.items():
            lines.append(f"  {name}: {verdict}")
    return "\n".join(lines)
