"""H2: a `full_text` feed's links pass the SSRF guard; a link to an inside address is not read."""

from __future__ import annotations

from pathlib import Path

import httpx

from bot.adapters.feeds import fetch_full_text
from bot.adapters.store import Store
from bot.config import load_config
from bot.service import FeedSource, Service
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS

SECRET_PAGE = (
    "<html><body><article><h1>internal</h1><p>"
    + "INTERNAL-SECRET: db password hunter2 for 600 troops. " * 5
    + "</p></article></body></html>"
)


def aggregator(link: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Agg</title>
<item><title>North Korean troops</title><link>{link}</link><guid>g1</guid>
<description>short teaser</description></item></channel></rss>"""


async def test_a_link_to_an_inside_address_is_not_fetched(tmp_path: Path) -> None:
    with FeedServer() as inside:
        inside.page("/admin/secrets", SECRET_PAGE)
        inside.redirect("/hop", "/admin/secrets", code=302)
        (tmp_path / "claims.yaml").write_text(CLAIMS)
        (tmp_path / "channels.yaml").write_text("channels: []\n")
        (tmp_path / "feeds.yaml").write_text("feeds: []\n")
        with Store.open(f"sqlite:///{tmp_path}/state.db") as store:
            service = Service(load_config(tmp_path), store)
            stories = []
            async with httpx.AsyncClient(trust_env=False) as client:
                for path in ("/admin/secrets", "/hop"):
                    feed = tmp_path / "agg.xml"  # a feeds.yaml feed: trusted, its links not
                    feed.write_text(aggregator(inside.url(path)))
                    source = FeedSource("agg", str(feed), "Agg", full_text=True)
                    stories += await service.read(source, client)
        assert inside.requests == []
    assert [s.text for s in stories] == ["short teaser", "short teaser"]
    assert all("hunter2" not in s.text for s in stories)


async def test_fetch_full_text_refuses_private_addresses_unless_allowed() -> None:
    with FeedServer() as server:
        server.page("/a.html", SECRET_PAGE)
        async with httpx.AsyncClient(trust_env=False) as client:
            assert await fetch_full_text(client, server.url("/a.html")) is None
            assert server.requests == []
            allowed = await fetch_full_text(client, server.url("/a.html"), allow_private=True)
    assert allowed is not None and "hunter2" in allowed
