"""M7 and M3: NAT64 and IPv4-compatible addresses judged by the IPv4 inside; odd URLs refused."""

from __future__ import annotations

import pytest

from bot.adapters.netguard import check_url, is_public
from bot.service import Service
from tests.test_netguard import addfeed, service

__all__ = ["service"]  # the fixture, shared with tests/test_netguard.py


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b:1::808:808",  # the local-use prefix: a network's own translator
        "::127.0.0.1",  # IPv4-compatible (deprecated)
        "::8.8.8.8",
    ],
)
def test_addresses_that_reach_inside_through_nat64_are_not_public(address: str) -> None:
    assert not is_public(address)
    assert check_url(f"http://[{address}]/", allow_private=False) is not None


def test_nat64_of_a_public_address_is_public() -> None:
    assert is_public("64:ff9b::808:808")  # 8.8.8.8
    assert check_url("http://[64:ff9b::808:808]/", allow_private=False) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/feed\n2026-11-24 12:00:00,000 CRITICAL bot.service: rotated",
        "https://news.example/feed\rx",
        "https://news.example/a\x85b",
        "https://news.example/\u202egnp.exe",
    ],
)
def test_addfeed_refuses_a_url_with_controls(service: Service, url: str) -> None:
    reply = addfeed(service, f'"{url}"')
    assert "Feed not added" in reply and "whitespace or control characters" in reply
    assert not [f for f in service.store.chat_feeds() if f.active]
