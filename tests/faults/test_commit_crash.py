"""A crash in the middle of a commit: the story, its findings and their outbox rows are written
together or not at all, and the next poll (or the next process) processes the story."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.adapters.store import Store
from tests.clirun import child_env, claimwatch
from tests.faults.rig import (
    ANALYST,
    CONTRADICTION,
    DENIAL,
    DISPUTE,
    ORIGINAL,
    QUIET_AGE,
    Desk,
    Item,
    rss,
)
from tests.feedserver import FeedServer


class Crash(RuntimeError):
    """Raised from inside the store's transaction."""


@contextmanager
def crash_on(statement_start: str) -> Iterator[list[str]]:
    """Every engine raises Crash just before executing a statement starting so (in a
    transaction, after the statements before it ran); yields the statements it refused."""
    refused: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(statement_start):
            refused.append(statement)
            raise Crash(f"simulated crash before {statement_start}")

    sa.event.listen(sa.Engine, "before_cursor_execute", before)
    try:
        yield refused
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", before)


@pytest.mark.parametrize("restart", [False, True], ids=["same-process", "after-restart"])
@pytest.mark.parametrize("at", ["INSERT INTO OUTBOX", "INSERT INTO FINDINGS"])
def test_an_interrupted_record_leaves_nothing_and_the_story_comes_again(
    tmp_path: Path, feed_server: FeedServer, at: str, restart: bool
) -> None:
    feed_server.feed("/wire", rss(ORIGINAL))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    before = desk.stored().counts
    feed_server.touch("/wire", rss(ORIGINAL, DENIAL))

    with crash_on(at) as refused, pytest.raises(Crash):
        desk.poll()
    assert refused
    after_crash = desk.stored()
    assert after_crash.counts == before  # no story, finding or outbox row of the crashed one
    assert not [s for s in after_crash.stories if s.url.endswith("/w3")]
    assert desk.out.getvalue() == ""  # and nothing was said

    if restart:
        desk.restart()
    healed = desk.poll()
    assert healed.reports["Wire"].new_stories == 1
    assert healed.console.count(CONTRADICTION) == 1
    stored = desk.stored()
    assert stored.kinds()[-1] == "contradiction"
    assert (stored.counts["stories"], stored.counts["sent"], stored.counts["pending"]) == (2, 1, 0)
    desk.close()


def troops_story(n: int) -> Item:
    figure = 10_000 + 500 * (n % 37)
    return (
        f"b{n}",
        f"Report {n}: {figure:,} troops",
        f"North Korea will send {figure:,} more troops to Russia, officials in Seoul said in "
        f"report number {n}.",
        datetime(2025, 7, 11, tzinfo=UTC) + timedelta(minutes=n),
    )


BATCH = [ANALYST, DENIAL, *(troops_story(n) for n in range(120))]


def count_stories(state: str) -> int:
    """A cheap look at the file while it is being written (Store.open would migrate)."""
    with contextlib.closing(sqlite3.connect(state.removeprefix("sqlite:///"), timeout=5)) as db:
        return int(db.execute("SELECT count(*) FROM stories").fetchone()[0])


def outcome(state: str) -> tuple[dict[str, int], list[str]]:
    with Store.open(state) as store:
        return store.counts(), [str(p["kind"]) for _, p in store.findings_since(0)]


def test_sigkill_in_the_middle_of_a_large_batch_then_a_rerun_matches_an_uninterrupted_run(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    """`claimwatch poll` is SIGKILLed while it writes 122 stories; the next poll finishes the
    work, and the store ends as it would have without the crash."""
    feed_server.feed("/wire", rss(ORIGINAL))
    runs = {}
    for name in ("reference", "killed"):
        folder = tmp_path / name
        folder.mkdir()
        desk = Desk(folder, {"Wire": feed_server.url("/wire")})
        desk.poll()  # the baseline
        desk.close()
        runs[name] = (desk.folder, desk.url, folder)
    feed_server.touch("/wire", rss(ORIGINAL, *BATCH))

    config, state, cwd = runs["reference"]
    reference = claimwatch(
        "poll", "--config", str(config), "--state", state, cwd=cwd, env=QUIET_AGE
    )
    assert reference.code == 0, reference.err
    expected = outcome(state)
    assert expected[0]["stories"] == 123 and expected[0]["sent"] >= 2

    config, state, cwd = runs["killed"]
    env = child_env(**QUIET_AGE)
    poller = subprocess.Popen(
        [sys.executable, "-m", "bot", "poll", "--config", str(config), "--state", state],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    # Looked at while the poller is stopped (SIGSTOP), so the count seen is the state it is
    # killed in: a poller left running between the look and the kill could finish the batch
    # (and send its alerts) on a loaded machine.
    deadline = time.monotonic() + 90
    stories = 1
    while stories < 30 and time.monotonic() < deadline and poller.poll() is None:
        time.sleep(0.01)
        poller.send_signal(signal.SIGSTOP)
        stories = count_stories(state)
        if stories < 30:
            poller.send_signal(signal.SIGCONT)
    poller.send_signal(signal.SIGKILL)
    out, _ = poller.communicate(timeout=10)
    assert poller.returncode == -signal.SIGKILL
    assert 30 <= stories < 123  # killed mid-batch, before any alert went out
    assert CONTRADICTION not in out.decode()
    partial, _ = outcome(state)
    assert partial["pending"] <= partial["findings"] and partial["sent"] == 0

    rerun = claimwatch("poll", "--config", str(config), "--state", state, cwd=cwd, env=QUIET_AGE)
    assert rerun.code == 0, rerun.err
    assert rerun.out.count(CONTRADICTION) == 1 and rerun.out.count(DISPUTE) >= 1
    assert outcome(state) == expected
    assert f"{expected[0]['sent']} alert(s) delivered." in rerun.out
