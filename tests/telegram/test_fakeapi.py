"""The fake Bot API itself under load: a burst of new connections is served, not reset, and a
fault in the fake is answered (500, recorded) instead of dropping the connection."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Message
from bot.errors import ChatGone

BURST = 100  # connections opened at once (the bot's pool is 16; the bench runs more)


async def test_a_burst_of_new_connections_is_served_not_reset(fake_api: FakeBotAPI) -> None:
    url = f"{fake_api.base_url}{fake_api.token}/sendMessage"
    limits = httpx.Limits(max_connections=BURST, max_keepalive_connections=BURST)
    async with httpx.AsyncClient(limits=limits, timeout=20.0) as client:

        async def send(n: int) -> int:
            answer = await client.post(url, data={"chat_id": str(1000 + n), "text": f"#{n}"})
            return answer.status_code

        codes = await asyncio.gather(*(send(n) for n in range(BURST)), return_exceptions=True)
    failed = [c for c in codes if c != 200]
    assert failed == [], f"{len(failed)} of {BURST} failed, e.g. {failed[0]!r}"
    assert sorted(s.text for s in fake_api.sent) == sorted(f"#{n}" for n in range(BURST))
    assert fake_api.faults == []


async def test_a_fault_in_the_fake_is_answered_and_the_connection_kept(
    fake_api: FakeBotAPI,
) -> None:
    url = f"{fake_api.base_url}{fake_api.token}/sendMessage"
    async with httpx.AsyncClient(timeout=10.0) as client:
        broken = await client.post(
            url, content=b"{not json", headers={"content-type": "application/json"}
        )
        assert broken.status_code == 500
        assert broken.json()["description"].startswith("Internal Server Error")
        fine = await client.post(url, data={"chat_id": "100", "text": "after"})
        assert fine.status_code == 200 and fine.json()["result"]["text"] == "after"
    assert len(fake_api.faults) == 1 and fake_api.faults[0].startswith("JSONDecodeError")


async def test_a_username_chat_is_not_found_rather_than_a_crash(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    with pytest.raises(ChatGone, match=r"(?i)chat not found"):
        await sender.send("@no_such_channel", Message("hello"))
    assert fake_api.faults == [] and fake_api.sent == []
