"""Two writers at once on one SQLite file: two processes polling a feed each and writing their
stories, findings and outbox rows (one of them a `claimwatch poll`, which also delivers; the
other a bare writer, as a second deliverer is refused by the run lock). No "database is
locked", no lost row, each alert shown once."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bot.adapters.store import Store
from bot.config import load_config
from bot.service import Service
from tests.clirun import child_env
from tests.faults.rig import (
    ANALYST,
    CONTRADICTION,
    DENIAL,
    LATER,
    ORIGINAL,
    QUIET_AGE,
    Desk,
    Item,
    rss,
)
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS

CHANNELS = """\
channels:
  - {id: desk, platform: console, topics: [dprk-troops], min_severity: new_figure}
"""
STORIES = 80


def stories(prefix: str) -> list[Item]:
    start = datetime(2025, 7, 3, tzinfo=UTC)
    return [
        (
            f"{prefix}{n}",
            f"{prefix} background {n}",
            f"North Korea will send 25,000 to 30,000 more troops to Russia, the {prefix} desk "
            "repeated, citing Ukrainian intelligence.",
            start + timedelta(minutes=n),
        )
        for n in range(STORIES)
    ]


WRITER = """
import asyncio, sys
import httpx
from bot.adapters.store import Store
from bot.config import load_config
from bot.service import Service

async def main(folder: str, state: str) -> None:
    with Store.open(state) as store:
        service = Service(load_config(folder), store)
        async with httpx.AsyncClient() as client:
            for spec in service.config.feeds:
                report = await service.poll(spec, client)
                print(f"first poll, {report.new_stories} stories learned as the baseline"
                      if report.baseline else f"{report.new_stories} new stories")

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def poll_both(configs: list[Path], state: str, cwd: Path) -> list[tuple[int, str, str]]:
    """`claimwatch poll` on the first folder and a bare writer on the second, at once."""
    env = child_env(**QUIET_AGE)
    commands = [
        [sys.executable, "-m", "bot", "poll", "--config", str(configs[0]), "--state", state],
        [sys.executable, "-c", WRITER, str(configs[1]), state],
    ]
    procs = [
        subprocess.Popen(
            command,
            cwd=cwd,
            env={**env, "PYTHONPATH": str(Path(__file__).parents[2])},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append((proc.returncode, out, err))
    return done


def test_two_processes_writing_one_sqlite_file_lose_nothing(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    state = f"sqlite:///{tmp_path}/state.db"
    configs = []
    for name in ("a", "b"):
        feed_server.feed(f"/{name}.rss", rss(ORIGINAL, *stories(name)))
        folder = tmp_path / name
        folder.mkdir()
        (folder / "claims.yaml").write_text(CLAIMS)
        (folder / "channels.yaml").write_text(CHANNELS)
        (folder / "feeds.yaml").write_text(
            f"feeds:\n  - {{url: {feed_server.url(f'/{name}.rss')}, name: Wire {name}}}\n"
        )
        configs.append(folder)
    Store.open(state).close()  # the schema exists before the race (each would migrate it, too)

    learned = 0
    for code, out, err in poll_both(configs, state, tmp_path):
        assert code == 0, err
        assert "locked" not in err and "Traceback" not in err
        found = re.search(r"first poll, (\d+) stories learned as the baseline", out)
        assert found, out
        learned += int(found.group(1))
    # ORIGINAL is in both feeds: whoever commits first writes it. Both may count it as new
    # (Service.ingest checks has_story, then Store.record finds it written meanwhile).
    assert learned in (2 * STORIES + 1, 2 * STORIES + 2)

    with Store.open(state) as store:
        counts = store.counts()
    assert counts["stories"] == 2 * STORIES + 1  # ORIGINAL is in both feeds: one story
    assert counts["feeds"] == 2

    # Both feeds now carry the denial, each under its own guid; the poll delivers both.
    for name in ("a", "b"):
        denial = (f"{name}-denial", *DENIAL[1:])
        feed_server.touch(f"/{name}.rss", rss(ORIGINAL, *stories(name), denial))
    results = poll_both(configs, state, tmp_path)
    shown = 0
    for code, out, err in results:
        assert code == 0, err
        assert "locked" not in err and "Traceback" not in err
        shown += out.count(CONTRADICTION)
    with Store.open(state) as store:
        counts = store.counts()
    assert counts["stories"] == 2 * STORIES + 3
    assert counts["dead"] == 0
    assert shown == counts["sent"] >= 1  # each alert the poll delivered, shown once


def test_two_processes_delivering_from_one_state_post_each_alert_once(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.feed("/wire", rss(ORIGINAL))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    feed_server.touch("/wire", rss(ORIGINAL, ANALYST, DENIAL, *LATER))
    with Store.open(desk.url) as store:  # alerts recorded, not yet sent (as after a crash)
        service = Service(load_config(desk.folder), store)
        asyncio.run(poll_only(service))
    desk.close()
    waiting = desk.stored().counts["pending"]
    assert waiting >= 3

    results = poll_both([desk.folder, desk.folder], desk.url, tmp_path)
    shown = 0
    for code, out, err in results:
        assert code == 0 or "already running" in err, err
        shown += out.count("╭")  # one panel per alert
    stored = desk.stored().counts
    assert (stored["pending"], stored["sent"]) == (0, waiting)  # nothing lost
    assert shown == waiting  # and nothing posted twice


async def poll_only(service: Service) -> None:
    async with httpx.AsyncClient() as client:
        for spec in service.config.feeds:
            await service.poll(spec, client)
