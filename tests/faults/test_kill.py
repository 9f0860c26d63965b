"""`kill -9` between send and mark-sent, with a real `claimwatch run` and the fake Bot API.

The fake server holds its answer to the first sendMessage (the alerts waiting then, as one
message); while it is held the test SIGKILLs the bot, then lets the server finish (Telegram got
the message; the bot never learned its id). After a restart every alert has arrived, only those
of the message in flight have arrived twice, and every outbox row is marked sent with a message
id Telegram gave, the rows of one message with the same id.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bot.adapters.store import Store
from bot.adapters.store import tables as t
from bot.adapters.store.engine import create_engine
from bot.adapters.telegram.fake import TOKEN, FakeBotAPI, parse_html
from bot.adapters.telegram.render import to_html
from bot.core.render import render_alert
from tests.clirun import eventually, feeds_yaml, running_bot
from tests.faults.rig import ANALYST, DENIAL, LATER, ORIGINAL, QUIET_AGE, outbox_rows, rss
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS

CHAT = "100"  # a private chat: about one message a second
CHANNELS = f"""\
channels:
  - {{id: desk, platform: telegram, chat: "{CHAT}", topics: [dprk-troops],
     min_severity: new_figure}}
"""


class HoldingBotAPI(FakeBotAPI):
    """Holds the answer to the ``hold_at``-th sendMessage until ``release`` is set."""

    def __init__(self, hold_at: int) -> None:
        super().__init__()
        self.hold_at = hold_at
        self.held = threading.Event()
        self.release = threading.Event()
        self._count = 0
        self._count_lock = threading.Lock()

    def _api_sendMessage(self, params: dict[str, str], files: dict[str, bytes]) -> Any:
        with self._count_lock:
            self._count += 1
            hold = self._count == self.hold_at
        if hold:
            self.held.set()
            self.release.wait(60)
        return super()._api_sendMessage(params, files)


def alone(url: str) -> dict[int, str]:
    """Each outbox row's alert as Telegram shows it when it goes alone, by row id."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            query = sa.select(t.outbox.c.id, t.findings.c.payload).join(
                t.findings, t.findings.c.id == t.outbox.c.finding_id
            )
            rows = conn.execute(query).all()
    finally:
        engine.dispose()
    return {row.id: parse_html(to_html(render_alert(row.payload))[0]) for row in rows}


def test_kill_9_between_send_and_mark_sent_loses_nothing(tmp_path: Path) -> None:
    state = f"sqlite:///{tmp_path}/state.db"
    telegram = HoldingBotAPI(hold_at=1)
    with FeedServer() as feeds, telegram:
        feeds.feed("/wire.rss", rss(ORIGINAL))
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.base_url, **QUIET_AGE}
        config = {
            "claims": CLAIMS,
            "channels": CHANNELS,
            "feeds": feeds_yaml(feeds.url("/wire.rss")),
        }
        with running_bot(tmp_path, env=env, **config) as bot:
            bot.wait_for("(baseline)", 60)
            feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL, *LATER))
            assert telegram.held.wait(60), "no alert was ever sent"
            # The dispatcher also runs every 2 s, so on a slow machine the first alerts can go
            # out while the poll still writes: kill only once it has written them all.
            bot.wait_for(f"polled Wire: ok, {2 + len(LATER)} new", 60)
            bot.proc.send_signal(signal.SIGKILL)
            assert bot.proc.wait(10) == -signal.SIGKILL
        telegram.release.set()  # Telegram delivers it; the bot is not there to hear the id
        eventually(lambda: len(telegram.sent_to(CHAT)) == 1, 30)

        killed = outbox_rows(state)
        alerts = len(killed)  # the poll wrote them all before the dispatcher ran
        assert alerts >= 3
        assert [r.status for r in killed].count("sent") == 0  # the first message was in flight
        with Store.open(state) as store:
            assert store.counts()["pending"] == alerts

        with running_bot(tmp_path, env=env, **config) as bot:
            with Store.open(state) as store:
                eventually(lambda: store.counts()["pending"] == 0, 60)
            assert bot.stop() == 0
        assert "Traceback" not in bot.err.read_text()

    shown = [parse_html(s.text) for s in telegram.sent_to(CHAT)]
    texts = alone(state)
    assert len(texts) == alerts
    in_flight = {row for row, text in texts.items() if text in shown[0]}
    assert in_flight  # the held message carried at least one alert
    for row, text in texts.items():  # every alert arrived; only those in flight twice
        assert sum(text in message for message in shown) == (2 if row in in_flight else 1)

    rows = outbox_rows(state)
    assert [r.status for r in rows] == ["sent"] * alerts  # nothing lost
    delivered_ids = {str(s.message_id) for s in telegram.sent_to(CHAT)}
    assert {r.message_id for r in rows} <= delivered_ids
    assert str(telegram.sent_to(CHAT)[0].message_id) not in {r.message_id for r in rows}
    assert len({r.finding_id for r in rows}) == alerts
