"""Instructions a story of `Engine.process`, counted by callgrind (load does not sway it).

Usage: python scripts/count_instructions.py [ROOT] [CLAIMS] [STORIES]. Runs the interpreter
twice under callgrind over the bench's 800-word stories (bot/bench) with CLAIMS tracked claims
(10,000 by default): once building the engine and reading one warm-up story, once reading
STORIES more (40 by default). Prints the difference over STORIES: the instructions one story
costs. ROOT runs another checkout's engine, for before/after pairs. Between runs of one tree it
moves by about 1.5%. Needs valgrind on the PATH; a measuring tool, not a test.

The child mode (`--child ROOT CLAIMS STORIES`) is what runs under valgrind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

_TOTAL = re.compile(r"^summary:\s+(\d+)", re.MULTILINE)


def _child(root: str, claims: int, stories: int) -> None:
    sys.path.insert(0, root)
    from bot.bench.claims import make_workload
    from bot.bench.engine import _long_stories
    from bot.core.engine import Engine

    workload = make_workload(claims)
    texts = _long_stories(workload, 41, 800, seed=31)
    engine = Engine(workload.topics)
    engine.process(texts[0])
    for story in texts[1 : 1 + stories]:
        engine.process(story)


def _count(root: str, claims: int, stories: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--child",
                root,
                str(claims),
                str(stories),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with open(out, encoding="utf-8") as handle:
            found = _TOTAL.search(handle.read())
    if found is None:
        raise SystemExit(f"callgrind wrote no summary line to {out}")
    return int(found.group(1))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on the PATH (apt install valgrind)")
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
    claims = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    stories = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    base = _count(root, claims, 0)
    full = _count(root, claims, stories)
    print(
        f"{root} claims={claims} stories={stories} "
        f"instructions_per_story={(full - base) / stories / 1e6:.2f}M setup={base / 1e6:.0f}M"
    )


if __name__ == "__main__":
    main()
