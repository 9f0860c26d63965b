"""CPU milliseconds of `Engine.process` per 800-word story with N tracked claims.

Usage: python scripts/time_story.py N [STORIES] [ROOT]. Prints the median, mean and minimum over
STORIES fresh stories (40 by default) after one warm-up story, using the bench's generated
claims and stories (bot/bench). ROOT runs another checkout's engine (for before/after pairs,
run alternately). A quick look, not the benchmark: `make bench` is the measure of record.
"""

from __future__ import annotations

import statistics
import sys
import time

root = sys.argv[3] if len(sys.argv) > 3 else None
if root:
    sys.path.insert(0, root)

from bot.bench.claims import make_workload  # noqa: E402
from bot.bench.engine import _long_stories  # noqa: E402
from bot.core.engine import Engine  # noqa: E402

claims = int(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
workload = make_workload(claims)
stories = _long_stories(workload, count + 1, 800, seed=31)
started = time.process_time()
engine = Engine(workload.topics)
setup = time.process_time() - started
engine.process(stories[0])
times = []
for story in stories[1:]:
    started = time.process_time()
    engine.process(story)
    times.append((time.process_time() - started) * 1000)
print(
    f"{root or '.'} claims={claims} setup_s={setup:.2f} median_ms={statistics.median(times):.2f} "
    f"mean_ms={statistics.mean(times):.2f} min_ms={min(times):.2f}"
)
