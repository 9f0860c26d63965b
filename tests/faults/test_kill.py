"""`kill -9` between send and mark-sent, with a real `claimwatch run` and the fake Bot API.

The fake server holds its answer to one sendMessage; while it is held the test SIGKILLs the
bot, then lets the server finish (Telegram got the message; the bot never learned its id).
After a restart every alert has arrived, only the one in flight may have arrived twice, and
every outbox row is marked sent with a message id Telegram gave.
"""

from __future__ import annotations

import signal
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from bot.adapters.store import Store
from bot.adapters.telegram.fake import TOKEN, FakeBotAPI
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


def test_kill_9_between_send_and_mark_sent_loses_nothing(tmp_path: Path) -> None:
    state = f"sqlite:///{tmp_path}/state.db"
    telegram = HoldingBotAPI(hold_at=2)
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
            assert telegram.held.wait(60), "the second alert was never sent"
            # The dispatcher also runs every 2 s, so on a slow machine the first two alerts
            # can go out while the poll still writes: kill only once it has written them all.
            bot.wait_for(f"polled Wire: ok, {2 + len(LATER)} new", 60)
            bot.proc.send_signal(signal.SIGKILL)
            assert bot.proc.wait(10) == -signal.SIGKILL
        telegram.release.set()  # Telegram delivers it; the bot is not there to hear the id
        eventually(lambda: len(telegram.sent_to(CHAT)) == 2, 30)

        killed = outbox_rows(state)
        alerts = len(killed)  # the poll wrote them all before the dispatcher ran
        assert alerts >= 3
        assert [r.status for r in killed].count("sent") == 1  # the first; the second in flight
        with Store.open(state) as store:
            assert store.counts()["pending"] == alerts - 1

        with running_bot(tmp_path, env=env, **config) as bot:
            eventually(lambda: len(telegram.sent_to(CHAT)) >= alerts + 1, 60)
            with Store.open(state) as store:
                eventually(lambda: store.counts()["pending"] == 0, 30)
            assert bot.stop() == 0
        assert "Traceback" not in bot.err.read_text()

    texts = Counter(s.text for s in telegram.sent_to(CHAT))
    assert len(texts) == alerts  # every alert arrived
    repeated = [text for text, n in texts.items() if n > 1]
    assert len(repeated) == 1 and texts[repeated[0]] == 2  # only the one in flight, twice
    held_text = telegram.sent_to(CHAT)[1].text
    assert repeated == [held_text]

    rows = outbox_rows(state)
    assert [r.status for r in rows] == ["sent"] * alerts  # nothing lost
    delivered_ids = {str(s.message_id) for s in telegram.sent_to(CHAT)}
    assert {r.message_id for r in rows} <= delivered_ids
    assert len({r.finding_id for r in rows}) == alerts
