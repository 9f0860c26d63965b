"""`claimwatch poll` over a real loopback feed server: a silent first poll, then one alert."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from tests.clirun import claimwatch
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS

CHANNELS = """\
channels:
  - id: desk
    platform: console
    topics: [dprk-troops]
    min_severity: new_figure
"""


def rss(*items: tuple[str, str, str, datetime]) -> str:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
        f"<link>https://wire.example/{guid}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text, when in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link><description>d</description>{body}</channel></rss>"
    )


ORIGINAL = (
    "w1",
    "North Korea to send up to 30,000 more troops to Russia",
    "North Korea will send 25,000 to 30,000 more troops to Russia, CNN reported on Wednesday, "
    "citing Ukrainian intelligence.",
    datetime(2025, 7, 2, 8, tzinfo=UTC),
)
ANALYST = (
    "w2",
    "Analyst doubts troop estimate",
    "North Korea is more likely to send 10,000 to 20,000 additional troops to Russia, an "
    "analyst at the Stimson Center said on Wednesday.",
    datetime(2025, 7, 9, 16, tzinfo=UTC),
)


def test_first_poll_learns_the_baseline_then_a_change_alerts_once(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        config = tmp_path / "config"
        config.mkdir()
        (config / "claims.yaml").write_text(CLAIMS)
        (config / "channels.yaml").write_text(CHANNELS)
        (config / "feeds.yaml").write_text(
            f"feeds:\n  - url: {server.url('/wire.rss')}\n    name: Wire\n    interval: 5m\n"
        )
        state = f"sqlite:///{tmp_path}/state.db"

        first = claimwatch("poll", "--config", str(config), "--state", state, cwd=tmp_path)
        assert first.code == 0, first.err
        assert "first poll, 2 stories learned as the baseline (no alerts)" in first.out
        assert "0 alert(s) delivered." in first.out

        unchanged = claimwatch("poll", "--config", str(config), "--state", state, cwd=tmp_path)
        assert unchanged.code == 0, unchanged.err
        assert "Wire: not_modified" in unchanged.out
        assert server.requests_for("/wire.rss")[-1].headers.get("if-none-match")

        later = (
            "w3",
            "GUR has no information on the 30,000 plan",
            "Ukraine's military intelligence, the GUR, said it had no information about plans "
            "by North Korea to increase its troop count in Russia to 30,000.",
            datetime(2025, 7, 10, 13, tzinfo=UTC),
        )
        server.touch("/wire.rss", rss(ORIGINAL, ANALYST, later))
        changed = claimwatch("poll", "--config", str(config), "--state", state, cwd=tmp_path)
        assert changed.code == 0, changed.err
        assert "Wire: ok, 1 new stories" in changed.out
        assert changed.out.count("‼ Contradiction") == 1
        assert "1 alert(s) delivered." in changed.out

        again = claimwatch("poll", "--config", str(config), "--state", state, cwd=tmp_path)
        assert "Contradiction" not in again.out  # delivered once
        assert "0 alert(s) delivered." in again.out


def poll_config(tmp_path: Path, *urls: str) -> Path:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "claims.yaml").write_text(CLAIMS)
    (config / "channels.yaml").write_text(CHANNELS)
    feeds = "".join(f"  - url: {url}\n    name: Feed{n}\n" for n, url in enumerate(urls, 1))
    (config / "feeds.yaml").write_text(f"feeds:\n{feeds}")
    return config


def test_every_feed_failing_exits_1_and_says_each_failure_once(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.status("/broken.rss", 500)
        server.status("/gone-for-now.rss", 503)
        config = poll_config(tmp_path, server.url("/broken.rss"), server.url("/gone-for-now.rss"))
        run = claimwatch("poll", "--config", str(config), cwd=tmp_path)
    assert run.code == 1, (run.out, run.err)
    # The temporary folder's name (pytest-500/...), log timestamps (…,503) and the server's
    # port (…:35003, in a URL if one is logged) may hold a status by chance: only what the run
    # says about the feeds is counted.
    said = (run.out + run.err).replace(str(tmp_path), "<tmp>").replace(server.base_url, "<url>")
    both = re.sub(r"\d{4}-\d\d-\d\d [\d:,]+", "<time>", said)
    for name, status in (("Feed1", "500"), ("Feed2", "503")):
        assert f"{name}: failed: " in run.out
        assert sum(status in line for line in both.splitlines()) == 1, both
        assert both.count(f"{name}:") == 1, both
    assert "claimwatch: every feed polled failed (2 of 2)" in run.err
    assert "Traceback" not in run.err


def test_some_feeds_failing_is_normal_and_exits_0(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL))
        server.status("/broken.rss", 500)
        config = poll_config(tmp_path, server.url("/wire.rss"), server.url("/broken.rss"))
        run = claimwatch("poll", "--config", str(config), cwd=tmp_path)
        assert run.code == 0, (run.out, run.err)
        assert "Feed1: first poll, 1 stories learned as the baseline" in run.out
        assert (run.out + run.err).count("Feed2:") == 1
        # the next poll skips the failed feed (it waits its backoff): nothing failed, still 0
        again = claimwatch("poll", "--config", str(config), cwd=tmp_path)
        assert again.code == 0, (again.out, again.err)
        assert "Feed2: skipped" in again.out


def test_poll_help_gives_the_exit_status(tmp_path: Path) -> None:
    run = claimwatch("poll", "--help", cwd=tmp_path)
    assert run.code == 0
    assert "1 when every feed polled failed" in " ".join(run.out.split())
