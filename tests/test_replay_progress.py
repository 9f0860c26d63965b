"""A long replay shows its progress on a terminal, and nothing extra when its output is piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.clirun import child_env, claimwatch
from tests.test_demo import DEMO

STORIES = 60


def long_feed(folder: Path) -> Path:
    items = "".join(
        f"<item><title>Update {n}</title><guid>long-{n}</guid>"
        f"<pubDate>Mon, 01 Sep 2025 {n // 60:02d}:{n % 60:02d}:00 GMT</pubDate>"
        f"<description>Officials said {100 + n} people were evacuated.</description></item>"
        for n in range(STORIES)
    )
    feed = folder / "long.xml"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>{items}'
        "</channel></rss>"
    )
    return feed


def test_a_replay_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    feed = long_feed(tmp_path)
    controller, terminal = pty.openpty()
    env = {
        **child_env(),
        "DATABASE_URL": f"sqlite:///{tmp_path}/s.db",
        "COLUMNS": "120",
        "NO_COLOR": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "replay", str(feed), "--config", str(DEMO)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the other end closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(controller)
    assert proc.returncode == 0
    assert b"replaying" in shown
    assert f"{STORIES}/{STORIES} stories".encode() in shown  # it reached the end
    assert f"{STORIES} stories replayed".encode() in out  # the result itself is unchanged


def test_a_piped_replay_writes_no_progress(tmp_path: Path) -> None:
    run = claimwatch("replay", str(long_feed(tmp_path)), "--config", str(DEMO), cwd=tmp_path)
    assert run.code == 0, run.err
    assert f"{STORIES} stories replayed" in run.out
    assert "replaying" not in run.err and "stories" not in run.err
