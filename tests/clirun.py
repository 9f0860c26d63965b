"""Running the real command line in a subprocess, as a user would."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.settings import SETTINGS

# What every subprocess run gets unless the test says otherwise: the HTTP server on a free
# loopback port (tests run side by side), and no story-age limit (the fixtures are from 2025).
TEST_ENV = {"PORT": "0", "CLAIMWATCH_HOST": "127.0.0.1", "CLAIMWATCH_MAX_STORY_AGE": "0"}
# Variables a CI machine or a developer's shell may set that would change what a run does: the
# bot's settings (DATABASE_URL above all: a shared database instead of the test's own file).
_INHERITED_NOT = {s.name for s in SETTINGS} | {
    "TELEGRAM_WEBHOOK_PORT",
    "COLUMNS",
    "LINES",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    *(p for base in ("HTTP", "HTTPS", "ALL") for p in (f"{base}_PROXY", f"{base.lower()}_proxy")),
}


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: this one's, without any claimwatch setting, a
    token or a colour switch, plus ``TEST_ENV`` and ``extra``."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in _INHERITED_NOT and not k.startswith(("CLAIMWATCH_", "TELEGRAM_", "SLACK_"))
    }
    environ.update(TEST_ENV)
    environ.update(extra)
    return environ


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def claimwatch(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> Run:
    environ = child_env(DATABASE_URL=f"sqlite:///{cwd}/state.db")
    environ["PYTHONIOENCODING"] = "utf-8"
    environ["COLUMNS"] = "120"
    environ.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@dataclass
class RunningBot:
    """A `claimwatch run` process: its stdout and stderr files, and a clean stop."""

    proc: subprocess.Popen[bytes]
    out: Path
    err: Path

    def wait_for(self, text: str, timeout: float, *, stream: str = "err") -> str:
        path = self.err if stream == "err" else self.out
        deadline = time.monotonic() + timeout
        content = ""
        while time.monotonic() < deadline:
            content = path.read_text(errors="replace") if path.exists() else ""
            if text in content:
                return content
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not seen in {path.name} within {timeout}s:\n{content}")

    def http_port(self, timeout: float = 60) -> int:
        """The port the bot's HTTP server listens on, from its log line (start it with
        ``PORT=0``, the default here: a port picked beforehand may be taken meanwhile)."""
        log = self.wait_for("HTTP server on ", timeout)
        found = re.search(r"HTTP server on [^\s:]+:(\d+)", log)
        assert found, log
        return int(found.group(1))

    def stop(self) -> int:
        """SIGTERM, as a process manager sends it; the exit status."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


@contextmanager
def running_bot(
    tmp_path: Path, *, claims: str, channels: str, feeds: str, env: dict[str, str] | None = None
) -> Iterator[RunningBot]:
    """Write a config folder and start `claimwatch run` on it with a fresh SQLite state."""
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "claims.yaml").write_text(claims)
    (config / "channels.yaml").write_text(channels)
    (config / "feeds.yaml").write_text(feeds)
    environ = child_env(DATABASE_URL=f"sqlite:///{tmp_path}/state.db", COLUMNS="120")
    environ.update(env or {})
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--config", str(config)],
            stdout=o, stderr=e, env=environ, cwd=tmp_path,
        )  # fmt: skip
        try:
            yield RunningBot(proc, out, err)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def feeds_yaml(url: str, interval: str = "10s") -> str:
    return f"feeds:\n  - url: {url}\n    name: Wire\n    interval: {interval}\n"


def eventually(check: Callable[[], bool], timeout: float) -> None:
    """Wait until ``check()`` holds (a fake server received something), or fail."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.2)
