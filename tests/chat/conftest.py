"""A Service over the demo feeds in a tmp config folder and a real SQLite file."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest

from bot.adapters.store import Store
from bot.config import Config, load_config
from bot.core.message import Message
from bot.service import FeedSource, Service, publication_order
from tests.clock import Clock

T0 = datetime(2025, 7, 20, 6, 30, tzinfo=UTC)  # 09:30 in Kyiv

CHANNELS = """
channels:
  - id: desk
    platform: console
    topics: [dprk-troops]
    min_severity: new_figure
    digest: {cron: "0 8 * * *", timezone: Europe/Kyiv}
    admins: [alice]
  - id: tg
    platform: telegram
    chat: "-1001"
    topics: [dprk-troops]
    min_severity: dispute
"""


class Recorder:
    """A sender that keeps what it was given."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.sent: list[tuple[str | None, Message]] = []

    async def send(self, chat: str | None, message: Message) -> str:
        self.sent.append((chat, message))
        return f"{self.platform}-{len(self.sent)}"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    with resources.as_file(resources.files("bot") / "demo") as demo:
        shutil.copytree(demo, folder)
    (folder / "channels.yaml").write_text(CHANNELS, encoding="utf-8")
    return folder


@pytest.fixture
def config(config_dir: Path) -> Config:
    return load_config(config_dir)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "claimwatch.db"


def ingest_demo(service: Service) -> int:
    """Run every demo story through the service; the number of findings."""

    async def read_all() -> list[tuple[FeedSource, list]]:  # type: ignore[type-arg]
        out = []
        for spec in service.config.feeds:
            source = FeedSource.of(spec)
            out.append((source, await service.read(source, None)))  # type: ignore[arg-type]
        return out

    findings = 0
    for source, story in publication_order(asyncio.run(read_all())):
        result = service.ingest(story, feed_url=source.location)
        findings += len(result.findings) if result else 0
    return findings


OpenService = Callable[..., Service]


@pytest.fixture
def open_service(config: Config, db_path: Path) -> Iterator[OpenService]:
    """open_service(clock=..., ingest=True) → a Service on the SQLite file (reopenable)."""
    stores: list[Store] = []

    def opener(*, clock: Clock | None = None, ingest: bool = False) -> Service:
        store = Store.open(f"sqlite:///{db_path}")
        stores.append(store)
        senders = {"console": Recorder("console"), "telegram": Recorder("telegram")}
        service = Service(config, store, senders=senders, now=clock or Clock(T0))
        if ingest:
            ingest_demo(service)
        return service

    yield opener
    for store in stores:
        store.close()
