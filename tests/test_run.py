"""`claimwatch run`: polls on schedule, delivers, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.feedserver import FeedServer
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, CHANNELS, ORIGINAL, rss

DENIAL = (
    "w3",
    "GUR has no information on the 30,000 plan",
    "Ukraine's military intelligence, the GUR, said it had no information about plans by North "
    "Korea to increase its troop count in Russia to 30,000.",
    ORIGINAL[3].replace(day=10),
)


def wait_for(path: Path, text: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text(errors="replace") if path.exists() else ""
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not seen in {path.name} within {timeout}s:\n{content}")


def test_run_polls_delivers_and_stops_on_sigterm(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        config = tmp_path / "config"
        config.mkdir()
        (config / "claims.yaml").write_text(CLAIMS)
        (config / "channels.yaml").write_text(CHANNELS)
        (config / "feeds.yaml").write_text(
            f"feeds:\n  - url: {server.url('/wire.rss')}\n    name: Wire\n    interval: 10s\n"
        )
        out, err = tmp_path / "out.txt", tmp_path / "err.txt"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/state.db", "COLUMNS": "120"}
        with out.open("w") as o, err.open("w") as e:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(config)],
                stdout=o,
                stderr=e,
                env=env,
                cwd=tmp_path,
            )
            try:
                wait_for(err, "(baseline)", 20)
                server.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
                wait_for(out, "‼ Contradiction", 30)
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=20) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
        log = err.read_text()
        assert "stopping: unsent alerts stay in the outbox" in log
        assert "Traceback" not in log
        assert out.read_text().count("‼ Contradiction") == 1
