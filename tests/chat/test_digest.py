"""Scheduled digests on a fixed clock: on schedule, skipped when nothing is new, one late
digest after downtime, never twice for one period (also across a reopen of the store)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.store import Store
from bot.chat import post_due_digests
from bot.config import Config
from bot.core.digest import Schedule, due, period_start
from bot.core.message import Message
from bot.service import Service
from tests.chat.conftest import T0, OpenService, Recorder, ingest_demo
from tests.clock import Clock

KYIV_8AM = datetime(2025, 7, 21, 5, 0, tzinfo=UTC)  # the desk's "0 8 * * *" Europe/Kyiv


def post(service: Service, at: datetime) -> int:
    """Queue the digests due at ``at``, then let the channels' senders post what waits."""

    async def queue_and_send() -> int:
        queued = await post_due_digests(service, at)
        await service.dispatch()
        return queued

    return asyncio.run(queue_and_send())


def digests(service: Service) -> list[tuple[str | None, Message]]:
    """The digests the console channel received (its alerts left out)."""
    sender = service.senders["console"]
    assert isinstance(sender, Recorder)
    return [(chat, message) for chat, message in sender.sent if message.kind == "digest"]


def test_period_start_and_due_are_pure() -> None:
    schedule = Schedule("0 8 * * 1-5", "Europe/Kyiv")
    monday = datetime(2025, 7, 21, 6, 0, tzinfo=UTC)
    assert period_start(schedule, monday) == datetime(2025, 7, 21, 5, 0, tzinfo=UTC)
    # Sunday: the latest weekday period is Friday's
    assert period_start(schedule, T0) == datetime(2025, 7, 18, 5, 0, tzinfo=UTC)
    assert due(schedule, None, monday).send is False
    last = datetime(2025, 7, 18, 5, 0, tzinfo=UTC)
    assert due(schedule, last, monday).send is True
    assert due(schedule, monday - timedelta(hours=1), monday).period is None


def test_digest_on_schedule_then_never_twice_then_skipped(open_service: OpenService) -> None:
    clock = Clock(T0)
    service = open_service(clock=clock)
    assert post(service, T0) == 0  # first sight: the current period starts silently
    ingest_demo(service)
    assert post(service, T0 + timedelta(hours=2)) == 0  # same period
    assert post(service, KYIV_8AM - timedelta(seconds=30)) == 0
    assert post(service, KYIV_8AM + timedelta(seconds=30)) == 1
    chat, message = digests(service)[0]
    assert chat is None and message.kind == "digest"
    text = message.plain()
    assert text.startswith("Digest — 21 Jul 2025")
    assert "1 contradiction, 2 disputes, 1 new figure, 2 new claims" in text
    assert message.image is not None
    assert post(service, KYIV_8AM + timedelta(minutes=5)) == 0  # never twice
    assert post(service, KYIV_8AM + timedelta(days=1, seconds=30)) == 0  # nothing new: skipped
    assert len(digests(service)) == 1


def test_one_late_digest_after_downtime(open_service: OpenService) -> None:
    service = open_service()
    post(service, T0)
    ingest_demo(service)
    back = KYIV_8AM + timedelta(days=3, hours=4)  # three periods missed
    assert post(service, back) == 1
    assert post(service, back + timedelta(minutes=1)) == 0
    assert len(digests(service)) == 1


def test_never_twice_for_one_period_across_a_reopen(open_service: OpenService) -> None:
    service = open_service()
    post(service, T0)
    ingest_demo(service)
    assert post(service, KYIV_8AM + timedelta(seconds=10)) == 1
    service.store.close()

    again = open_service()
    assert post(again, KYIV_8AM + timedelta(minutes=3)) == 0
    assert digests(again) == []


def test_muted_claims_are_left_out(open_service: OpenService) -> None:
    from bot.chat import answer

    service = open_service()
    post(service, T0)
    ingest_demo(service)
    for claim in ("dprk-additional-troops", "dprk-troops/troops-sent"):
        answer(service, f"/mute {claim}", channel_id="desk", user_id="bob")
    assert post(service, KYIV_8AM + timedelta(seconds=30)) == 1
    text = digests(service)[0][1].plain()
    assert "dprk-additional-troops" not in text and "dprk-troops/troops-sent" not in text
    assert "dprk-troops/killed-or-wounded" in text


def test_a_schedule_set_by_command_starts_at_the_next_time(open_service: OpenService) -> None:
    from bot.chat import answer

    service = open_service()
    post(service, T0)
    ingest_demo(service)
    answer(service, '/digest schedule "0 12 * * *" UTC', channel_id="desk", user_id="alice",
           now=T0)  # fmt: skip
    assert post(service, T0 + timedelta(minutes=1)) == 0
    noon = datetime(2025, 7, 20, 12, 0, 30, tzinfo=UTC)
    assert post(service, noon) == 1


@pytest.mark.parametrize(("max_age_days", "expected"), [(None, 1), (7, 0)])
def test_findings_on_stories_too_old_to_alert_on_stay_out_of_the_digest(
    config: Config, tmp_path: Path, max_age_days: int | None, expected: int
) -> None:
    """A first poll of a feed's 30-day backlog stores its findings but alerts on none; the
    next digest leaves them out too (with no age limit, the same findings make a digest)."""
    later = T0 + timedelta(days=30)
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    try:
        age = timedelta(days=max_age_days) if max_age_days is not None else None
        service = Service(
            config, store, senders={"console": Recorder("console")}, now=Clock(later),
            max_story_age=age,
        )  # fmt: skip
        assert post(service, later) == 0  # first sight
        assert ingest_demo(service) > 0  # the findings are stored either way
        assert store.counts()["findings"] > 0
        assert post(service, later + timedelta(days=1)) == expected
        assert len(digests(service)) == expected
    finally:
        store.close()
