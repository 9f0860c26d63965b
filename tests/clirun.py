"""Running the real command line in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def claimwatch(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> Run:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_"))}
    environ.setdefault("DATABASE_URL", f"sqlite:///{cwd}/state.db")
    environ["PYTHONIOENCODING"] = "utf-8"
    environ["COLUMNS"] = "120"
    environ.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)
