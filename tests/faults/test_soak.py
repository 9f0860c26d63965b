"""The soak run (slow tier: ``.venv/bin/pytest -m slow``): `claimwatch run` against many feeds
on the loopback server for SOAK_SECONDS (default 600; SOAK_FEEDS, default 500), with random
faults and content that keeps changing, delivering to the fake Telegram Bot API.

Faults, drawn per request: HTTP 500, 503 with Retry-After, a drip (a body sent in small
pieces over a few seconds), a server that never answers in time (past the 30 s deadline),
a malformed body (cut in half, or not XML at all); besides, most polls are 304s, and the fake
Bot API answers 429 now and then. While it runs, feeds gain stories with new troop figures.

At the end the churn and the faults stop, the outbox drains, the bot gets SIGTERM, and:
duplicates (messages Telegram got that no outbox row accounts for, or one alert twice) == 0;
losses (a finding routed to the channel without exactly one delivered message, a published
story never stored) == 0. It prints polls, findings, alerts, duplicates and losses.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import sqlalchemy as sa

from bot.adapters.store import create_engine
from bot.adapters.store import tables as t
from bot.adapters.telegram.fake import TOKEN, FakeBotAPI
from tests.clirun import running_bot
from tests.faults.rig import QUIET_AGE, outbox_rows
from tests.feedserver import FeedServer, Route, make_route
from tests.test_config import CLAIMS

SECONDS = float(os.environ.get("SOAK_SECONDS", "600"))
pytestmark = [pytest.mark.slow, pytest.mark.timeout(SECONDS + 900)]

CHAT = "500"  # a private chat: about one message a second
CHANNELS = f"""\
channels:
  - {{id: desk, platform: telegram, chat: "{CHAT}", topics: [dprk-troops],
     min_severity: new_figure}}
"""
SOURCES = [
    "Ukrainian intelligence",
    "a South Korean lawmaker",
    "Seoul's spy agency",
    "an analyst at the Stimson Center",
    "Kyiv",
    "US officials",
]
HEDGES = ["{}", "about {}", "up to {}", "at least {}", "nearly {}"]  # of a figure drawn each time
DENIAL = (
    "Ukraine's military intelligence said it had no information about plans by North Korea to "
    "increase its troop count in Russia to 30,000."
)
KEEP = 5  # stories a feed carries: the newest first


@dataclass
class Faults:
    """Chances per request; ``on`` False answers every request cleanly."""

    on: bool = True
    error_500: float = 0.03
    busy_503: float = 0.01
    drip: float = 0.01
    hang: float = 0.001
    malformed: float = 0.01
    seen: Counter[str] = field(default_factory=Counter)


class SoakSite:
    """``/soak/<i>.xml`` for i < feeds: RSS whose content changes, with faults per request."""

    def __init__(self, feeds: int, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.faults = Faults()
        self.stories: list[list[tuple[str, str, str, datetime]]] = [
            [self._story(i, 0, background=True)] for i in range(feeds)
        ]
        self.published = feeds  # every story ever put in a feed
        self.serial = [0] * feeds
        self.polls = 0

    def _story(
        self, feed: int, n: int, *, background: bool = False
    ) -> tuple[str, str, str, datetime]:
        guid = f"soak-{feed}-{n}"
        if background:
            text = "North Korean officials met Russian envoys in Pyongyang on Monday."
        elif self.rng.random() < 0.05:
            text = DENIAL
        else:
            figure = self.rng.choice(HEDGES).format(f"{self.rng.randrange(4, 160) * 250:,}")
            source = self.rng.choice(SOURCES)
            text = f"North Korea will send {figure} more troops to Russia, {source} said."
        return guid, f"Feed {feed} story {n}", text, datetime.now(UTC)

    def change(self, count: int) -> None:
        with self.lock:
            for feed in self.rng.sample(range(len(self.stories)), count):
                items = self.stories[feed]
                self.serial[feed] += 1
                items.insert(0, self._story(feed, self.serial[feed]))
                del items[KEEP:]
                self.published += 1

    def body(self, feed: int) -> bytes:
        items = "".join(
            f"<item><guid isPermaLink='false'>{guid}</guid><title>{escape(title)}</title>"
            f"<link>https://soak.example/{guid}</link><pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{escape(text)}</description></item>"
            for guid, title, text, when in self.stories[feed]
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Soak {feed}</title>{items}</channel></rss>"
        ).encode()

    def answer(self, path: str, headers: dict[str, str]) -> Route | None:
        try:
            feed = int(path.removeprefix("/soak/").removesuffix(".xml"))
        except ValueError:
            return None
        with self.lock:
            if not 0 <= feed < len(self.stories):
                return None
            self.polls += 1
            body = self.body(feed)
            draw = self.rng.random() if self.faults.on else 1.0
        f = self.faults
        kinds = [("500", f.error_500), ("503", f.busy_503), ("drip", f.drip),
                 ("hang", f.hang), ("malformed", f.malformed)]  # fmt: skip
        for kind, chance in kinds:
            if draw < chance:
                f.seen[kind] += 1
                return self._fault(kind, body)
            draw -= chance
        return make_route(body, last_modified=None, send_last_modified=False)

    def _fault(self, kind: str, body: bytes) -> Route:
        if kind in ("500", "503"):
            headers = (("Retry-After", "5"),) if kind == "503" else ()
            return make_route(b"<html>busy</html>", status=int(kind), etag=False, headers=headers)
        if kind == "drip":  # a few seconds in small pieces: slow, but within the deadline
            return make_route(body, chunk_size=max(1, len(body) // 4), chunk_delay_s=0.7)
        if kind == "hang":  # past the fetch's 30 s deadline
            return make_route(body, delay_s=40.0)
        if self.rng.random() < 0.5:  # cut in half: what is left may still hold entries
            return make_route(body[: len(body) // 2], etag=False)
        return make_route(b"<rss><channel><<<< not xml", etag=False)


def count(url: str, table: sa.Table) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def test_soak(tmp_path: Path) -> None:
    seconds = SECONDS
    feeds = int(os.environ.get("SOAK_FEEDS", "500"))
    interval = os.environ.get("SOAK_INTERVAL", "60s")
    changes_per_s = float(os.environ.get("SOAK_CHANGES_PER_S", "0.5"))
    state = f"sqlite:///{tmp_path}/state.db"
    site = SoakSite(feeds)
    with FeedServer() as server, FakeBotAPI() as telegram:
        server.dynamic("/soak/", site.answer)
        lines = [
            f"  - {{url: {server.url(f'/soak/{i}.xml')}, name: Soak {i}, interval: {interval}}}\n"
            for i in range(feeds)
        ]
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.base_url,
            # every feed is on one loopback host; in real use they are spread over many
            "CLAIMWATCH_FETCH_PER_HOST": "16",
            **QUIET_AGE,
        }
        feeds_yaml = "feeds:\n" + "".join(lines)
        started = time.monotonic()
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds_yaml, env=env
        ) as bot:
            bot.wait_for("claimwatch running", 120)
            rate_limited = 0
            next_change = time.monotonic() + 30  # after the first, silent, polls
            while time.monotonic() - started < seconds:
                assert bot.proc.poll() is None, bot.err.read_text()[-3000:]
                now = time.monotonic()
                if now >= next_change:
                    site.change(max(1, round(changes_per_s * 5)))
                    next_change = now + 5
                    if site.rng.random() < 0.1:
                        telegram.rate_limit(CHAT, retry_after=2)
                        rate_limited += 1
                time.sleep(0.5)
            site.faults.on = False
            churn_s = time.monotonic() - started

            # drain: every published story stored, every routed alert sent
            deadline = time.monotonic() + max(180.0, 3 * _seconds(interval))
            stories = pending = -1
            while time.monotonic() < deadline:
                stories = count(state, t.stories)
                rows = outbox_rows(state)
                pending = sum(1 for r in rows if r.status != "sent")
                if stories >= site.published and pending == 0:
                    break
                time.sleep(2)
            drain_s = time.monotonic() - started - churn_s
            assert bot.stop() == 0
        log = bot.err.read_text()

    rows = outbox_rows(state)
    findings = count(state, t.findings)
    sent = telegram.sent_to(CHAT)
    by_id = Counter(str(s.message_id) for s in sent)
    texts = Counter(s.text for s in sent)
    accounted = {r.message_id for r in rows if r.status == "sent"}
    duplicates = sum(1 for s in sent if str(s.message_id) not in accounted)
    duplicates += sum(n - 1 for n in texts.values() if n > 1)
    losses = sum(1 for r in rows if r.status != "sent" or by_id.get(str(r.message_id)) != 1)
    missing_stories = max(0, site.published - count(state, t.stories))
    losses += missing_stories
    report = {
        "seconds": round(churn_s),
        "drain_s": round(drain_s),
        "feeds": feeds,
        "polls": site.polls,
        "faults": dict(site.faults.seen),
        "telegram_429s": rate_limited,
        "stories_published": site.published,
        "stories_stored": count(state, t.stories),
        "findings": findings,
        "alerts": len(rows),
        "delivered": len(sent),
        "duplicates": duplicates,
        "losses": losses,
        "tracebacks": log.count("Traceback"),
        "errors_logged": sum(1 for line in log.splitlines() if " ERROR " in line),
    }
    print("\nSOAK " + " ".join(f"{k}={v}" for k, v in report.items()))
    (tmp_path.parent / "soak-report.txt").write_text(repr(report) + "\n")
    assert site.polls > feeds
    assert duplicates == 0
    assert losses == 0, report


def _seconds(interval: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    return float(interval[:-1]) * units[interval[-1]]
