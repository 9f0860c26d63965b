"""The SSRF guard: URLs refused by /addfeed, and every redirect hop checked when fetching."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot import chat
from bot.adapters import feeds
from bot.adapters.netguard import check_url, inspect_url, is_public
from bot.adapters.store import Store
from bot.config import load_config
from bot.core.message import Message
from bot.service import Service
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS

CHANNELS = """\
channels:
  - id: desk
    platform: console
    topics: [dprk-troops]
    admins: [alice]
"""
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    "<link>https://wire.example/</link><description>d</description>"
    "<item><guid>a1</guid><title>t</title><link>https://wire.example/a1</link>"
    "<description>x</description></item></channel></rss>"
)


@pytest.fixture
def service(tmp_path: Path) -> Service:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "claims.yaml").write_text(CLAIMS)
    (folder / "channels.yaml").write_text(CHANNELS)
    (folder / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    return Service(load_config(folder), store)


def text_of(messages: list[Message] | None) -> str:
    assert messages is not None
    return "\n".join(m.title + "\n" + "\n".join(line.text for line in m.lines) for m in messages)


def addfeed(service: Service, url: str) -> str:
    return text_of(chat.answer(service, f"/addfeed {url}", channel_id="desk", user_id="alice"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/feed",
        "http://[::ffff:127.0.0.1]/",
        "http://2130706433/",
        "http://127.1/",
        "http://0.0.0.0/",
        "http://[::1]/rss",
        "http://100.64.0.1/",
        "http://10.1.2.3/rss",
        "http://192.168.1.1/rss",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8080/rss",
    ],
)
def test_addfeed_refuses_non_public_addresses(service: Service, url: str) -> None:
    reply = addfeed(service, url)
    assert "Feed not added" in reply
    assert "non-public address" in reply
    assert not [f for f in service.store.chat_feeds() if f.active]
    assert service.store.feed_state(url) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1:70/_x"])
def test_addfeed_refuses_other_schemes(service: Service, url: str) -> None:
    assert "is not an http(s) URL" in addfeed(service, url)
    assert service.store.feed_state(url) is None


def test_addfeed_accepts_a_public_address_and_an_unresolved_name(service: Service) -> None:
    assert "Feed added" in addfeed(service, "http://93.184.216.34/rss.xml")
    assert "Feed added" in addfeed(service, "https://news.invalid/rss.xml")
    urls = {f.url for f in service.store.chat_feeds() if f.active}
    assert urls == {"http://93.184.216.34/rss.xml", "https://news.invalid/rss.xml"}


def test_addfeed_of_loopback_allowed_by_configuration(service: Service) -> None:
    service.allow_private_feeds = True
    assert "Feed added" in addfeed(service, "http://localhost:9/rss")


def test_check_url_reasons() -> None:
    assert check_url("http://93.184.216.34/", allow_private=False) is None
    assert check_url("http://localhost/", allow_private=True) is None
    refused = check_url("http://localhost/", allow_private=False)
    assert refused is not None and "localhost resolves to a non-public address" in refused
    assert check_url("ftp://93.184.216.34/", allow_private=False) is not None
    assert check_url("http:///path", allow_private=False) == "the URL has no host"
    unresolved = inspect_url("http://nowhere.invalid/", allow_private=False)
    assert unresolved.unresolved and unresolved.reason is not None
    assert check_url("http://nowhere.invalid/", allow_private=False, allow_unresolved=True) is None
    assert not is_public("::ffff:10.0.0.1")
    assert not is_public("2002:7f00:1::1")  # 6to4 around 127.0.0.1
    assert not is_public("224.0.0.1")
    assert is_public("2606:4700::1111")


def test_guarded_fetch_refuses_a_private_first_hop() -> None:
    with FeedServer() as server:
        server.feed("/rss.xml", RSS)

        async def go() -> feeds.FetchResult:
            async with httpx.AsyncClient() as client:
                return await feeds.fetch(client, server.url("/rss.xml"), guard=False)

        result = asyncio.run(go())
        assert result.status == "error"
        assert result.error is not None and result.error.startswith("refused: ")
        assert server.requests_for("/rss.xml") == []  # never connected


def test_guarded_fetch_checks_every_redirect_hop() -> None:
    with FeedServer() as server:
        server.redirect("/to-file", "file:///etc/passwd", code=302)
        server.redirect("/to-gopher", "gopher://127.0.0.1:70/_x", code=301)

        async def go(path: str) -> feeds.FetchResult:
            async with httpx.AsyncClient() as client:
                return await feeds.fetch(client, server.url(path), guard=True)

        for path in ("/to-file", "/to-gopher"):
            result = asyncio.run(go(path))
            assert result.status == "error"
            assert result.error is not None and "only http(s) URLs are allowed" in result.error
            assert len(server.requests_for(path)) == 1


def test_guarded_fetch_connects_to_the_checked_address_with_the_host_named() -> None:
    with FeedServer() as server:
        server.feed("/rss.xml", RSS)
        server.redirect("/old", "/mid", code=301)
        server.redirect("/mid", "/rss.xml", code=302)
        url = f"http://localhost:{server.port}/old"

        async def go() -> feeds.FetchResult:
            async with httpx.AsyncClient() as client:
                return await feeds.fetch(client, url, guard=True)

        result = asyncio.run(go())
        assert result.status == "ok", result.error
        assert result.content is not None and b"<guid>a1</guid>" in result.content
        assert result.final_url == f"http://localhost:{server.port}/rss.xml"
        assert result.permanent_redirect
        assert result.permanent_url == f"http://localhost:{server.port}/mid"
        assert server.requests_for("/rss.xml")[-1].headers["host"] == f"localhost:{server.port}"
