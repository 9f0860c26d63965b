"""`claimwatch run`: polls on schedule, delivers, and stops cleanly on SIGTERM."""

from __future__ import annotations

from pathlib import Path

from tests.clirun import claimwatch, feeds_yaml, running_bot
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


def test_run_polls_delivers_and_stops_on_sigterm(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        feeds = feeds_yaml(server.url("/wire.rss"))
        with running_bot(tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds) as bot:
            bot.wait_for("(baseline)", 60)
            server.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            bot.wait_for("‼ Contradiction", 30, stream="out")
            assert bot.stop() == 0
        log = bot.err.read_text()
        assert "stopping: unsent alerts stay in the outbox" in log
        assert "Traceback" not in log
        assert bot.out.read_text().count("‼ Contradiction") == 1


def test_a_second_run_on_the_same_state_refuses_to_start(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL))
        feeds = feeds_yaml(server.url("/wire.rss"))
        with running_bot(tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds) as bot:
            bot.wait_for("claimwatch running", 60)
            second = claimwatch(
                "run", "--config", str(tmp_path / "config"), cwd=tmp_path,
                env={"DATABASE_URL": f"sqlite:///{tmp_path}/state.db"},
            )  # fmt: skip
            assert second.code == 2
            assert "is already running on this state" in second.err
            assert "not starting a second one" in second.err
            assert bot.proc.poll() is None  # the first one goes on
            assert bot.stop() == 0
        # once it has stopped, the state is free again
        with running_bot(tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds) as again:
            again.wait_for("claimwatch running", 60)
            assert again.stop() == 0
