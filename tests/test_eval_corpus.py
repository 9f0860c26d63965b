"""The labelled corpus is consistent: gold figures occur verbatim, findings name gold figures."""

from __future__ import annotations

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
