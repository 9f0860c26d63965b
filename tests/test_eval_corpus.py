"""The labelled corpus is consistent: gold figures occur verbatim, findings name gold figures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_eval_corpus_is_consistent() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_eval_corpus.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK: no errors" in run.stdout
    # floors, not pins: files may be added, never silently lost (10 files, 122 stories today)
    counts = {
        name: re.search(pattern, run.stdout, re.M)
        for name, pattern in {
            "files": r"^files (\d+) ",
            "tune": r"'tune': (\d+)",
            "holdout": r"'holdout': (\d+)",
            "stories": r"^  stories: (\d+)$",
        }.items()
    }
    found = {name: int(m[1]) for name, m in counts.items() if m}
    floors = {"files": 10, "tune": 8, "holdout": 2, "stories": 120}
    assert all(found.get(name, 0) >= floor for name, floor in floors.items()), run.stdout
