"""``claimwatch chat`` through a pseudo-terminal: type a command, read the answer."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from bot.core.chart import png_size
from tests.clirun import child_env

ROOT = Path(__file__).resolve().parents[2]


def read_until(fd: int, marker: bytes, timeout: float = 60.0) -> str:
    out = b""
    deadline = time.monotonic() + timeout
    while marker not in out:
        left = deadline - time.monotonic()
        assert left > 0, f"no {marker!r} in {out.decode(errors='replace')[-2000:]}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    return out.decode("utf-8", errors="replace")


def test_chat_in_a_terminal(config_dir: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    charts = tmp_path / "charts"
    env = child_env(COLUMNS="120", PYTHONIOENCODING="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.chat.console_proc", str(config_dir),
         str(tmp_path / "chat.db"), str(charts)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    try:
        read_until(master, b"claimwatch> ")
        os.write(master, b"/claim troops killed\n")
        answer = read_until(master, b"claimwatch> ")
        assert "Claim dprk-troops/killed-or-wounded" in answer
        assert "6,000 (killed or wounded)" in answer
        assert "[chart: 1080×1080 PNG, saved to" in answer
        saved = sorted(charts.glob("*.png"))
        assert len(saved) == 1 and png_size(saved[0].read_bytes()) == (1080, 1080)

        os.write(master, b"/track dprk-troops 600 killed\n")  # the console user is an admin
        assert "Tracking dprk-troops-killed" in read_until(master, b"claimwatch> ")
        os.write(master, b"/nonsense\n")
        assert "Unknown command /nonsense" in read_until(master, b"claimwatch> ")
        os.write(master, b"/quit\n")
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)


def test_the_real_command_line_chat_over_a_replayed_state(tmp_path: Path) -> None:
    demo = ROOT / "bot" / "demo"
    state = f"sqlite:///{tmp_path}/state.db"
    env = child_env(COLUMNS="120", PYTHONIOENCODING="utf-8", DATABASE_URL=state)
    feeds = sorted(str(p) for p in demo.glob("*.xml"))
    replay = subprocess.run(
        [sys.executable, "-m", "bot", "replay", *feeds, "--config", str(demo), "--state", state],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert replay.returncode == 0, replay.stderr
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--config", str(demo), "--no-admin"],
        stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    try:
        read_until(master, b"claimwatch> ")
        os.write(master, b"/claim dprk-additional-troops\n")
        answer = read_until(master, b"claimwatch> ")
        assert "10,000 to 20,000" in answer and "25,000 to 30,000" in answer
        os.write(master, b"/addfeed https://example.org/feed.xml\n")
        assert "admin" in read_until(master, b"claimwatch> ").lower()
        os.write(master, b"/quit\n")
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
