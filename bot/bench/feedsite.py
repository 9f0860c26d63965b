"""The loopback feed server of the polling benchmark, in its own process.

``python -m bot.bench.feedsite --feeds N --claims C`` prints ``PORT <n>`` and serves until its
stdin closes. It speaks just enough HTTP/1.1 with keep-alive: ``GET /f/<i>.xml`` answers the
feed with a strong ETag, or 304 when ``If-None-Match`` matches; ``POST /_cycle`` changes about a
fifth of the feeds (each gets a new on-topic story at the top) and answers
``{"cycle": k, "changed": m, "cpu_s": ...}``; ``POST /_change/<i>`` changes feed ``i`` alone and
answers ``{"feed": i, "version": v}``. A feed starts empty; after a change it carries its newest
story and the one before it, each published when its change was made (so a bot that ignores
old stories still alerts on them). It imports only the story generator, so it starts fast.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from bot.bench.claims import Workload, make_story, make_workload
from bot.core.model import Story

CHANGED_SHARE = 0.2
STORY_WORDS = 120


def render_rss(title: str, link: str, items: Sequence[Story]) -> bytes:
    """An RSS 2.0 document of ``items``, newest first as given: each story's key as a
    non-permalink guid, its URL, publication date, and text (escaped) as the description."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        + "".join(_item(s) for s in items)
        + "</channel></rss>"
    ).encode()


def _item(story: Story) -> str:
    when = format_datetime(story.published) if story.published else ""
    return (
        f"<item><title>{escape(story.title)}</title><link>{escape(story.url)}</link>"
        f'<guid isPermaLink="false">{escape(story.key)}</guid><pubDate>{when}</pubDate>'
        f"<description>{escape(story.text)}</description></item>"
    )


class FeedSite:
    """N feeds; each has a version, bumped when the feed changes."""

    def __init__(self, feeds: int, workload: Workload, *, seed: int = 5) -> None:
        self.workload = workload
        self.versions = [0] * feeds
        self.cycle = 0
        self._topic_ids = list(workload.by_topic)
        self._seed = seed
        self._bodies: dict[int, tuple[int, bytes]] = {}
        self._changed_at: dict[tuple[int, int], datetime] = {}  # (feed, version) → when

    def etag(self, feed: int) -> str:
        return f'"{feed}-{self.versions[feed]}"'

    def _story(self, feed: int, version: int) -> Story:
        rng = random.Random(self._seed * 1_000_003 + feed * 1_009 + version)
        key = f"bench-feed{feed}-v{version}"
        topic = self._topic_ids[(feed + version) % len(self._topic_ids)]
        serial = feed * 1_000 + version
        story = make_story(rng, self.workload, topic, words=STORY_WORDS, serial=serial, key=key)
        when = self._changed_at.get((feed, version))
        return dataclasses.replace(story, published=when) if when else story

    def body(self, feed: int) -> bytes:
        version = self.versions[feed]
        cached = self._bodies.get(feed)
        if cached and cached[0] == version:
            return cached[1]
        items = [self._story(feed, v) for v in range(version, max(0, version - 2), -1)]
        xml = render_rss(f"Bench feed {feed}", f"https://news.example/{feed}", items)
        self._bodies[feed] = (version, xml)
        return xml

    def change(self, feed: int) -> int:
        """Put a new story at the top of ``feed``; its new version."""
        if not 0 <= feed < len(self.versions):
            raise IndexError(feed)
        self.versions[feed] += 1
        self._changed_at[(feed, self.versions[feed])] = datetime.now(UTC).replace(microsecond=0)
        return self.versions[feed]

    def next_cycle(self, share: float = CHANGED_SHARE) -> int:
        self.cycle += 1
        rng = random.Random(self.cycle)
        changed = rng.sample(range(len(self.versions)), round(share * len(self.versions)))
        for feed in changed:
            self.change(feed)
        return len(changed)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readline()
                if not request:
                    break
                headers: dict[str, str] = {}
                while True:
                    line = await reader.readline()
                    if line in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                parts = request.decode("latin-1").split()
                path = parts[1] if len(parts) > 1 else "/"
                writer.write(self._answer(path, headers))
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    def _answer(self, path: str, headers: dict[str, str]) -> bytes:
        if path == "/_cycle":
            changed = self.next_cycle()
            body = json.dumps(
                {"cycle": self.cycle, "changed": changed, "cpu_s": time.process_time()}
            ).encode()
            return _response(200, body, "application/json")
        if path.startswith("/_change/"):
            try:
                feed = int(path.removeprefix("/_change/"))
                version = self.change(feed)
            except (ValueError, IndexError):
                return _response(404, b"no such feed", "text/plain")
            body = json.dumps({"feed": feed, "version": version}).encode()
            return _response(200, body, "application/json")
        if path.startswith("/f/") and path.endswith(".xml"):
            try:
                feed = int(path[3:-4])
                etag = self.etag(feed)
            except (ValueError, IndexError):
                return _response(404, b"no such feed", "text/plain")
            if headers.get("if-none-match") == etag:
                return _response(304, b"", None, etag=etag)
            return _response(200, self.body(feed), "application/rss+xml", etag=etag)
        return _response(404, b"not found", "text/plain")


def _response(status: int, body: bytes, content_type: str | None, etag: str | None = None) -> bytes:
    reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
    head = [f"HTTP/1.1 {status} {reason}", "Connection: keep-alive"]
    if etag:
        head.append(f"ETag: {etag}")
    if content_type:
        head.append(f"Content-Type: {content_type}")
    if status != 304:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def host(number: int) -> str:
    """The loopback address of the bench's ``number``-th host: 127.0.0.1, 127.0.0.2, …"""
    return f"127.0.{number // 254}.{1 + number % 254}"


async def serve(feeds: int, claims: int, hosts: int = 1) -> None:
    """Serve until stdin closes; the first line on stdout is ``PORT <n>``.

    With ``hosts`` > 1 the same site answers on that many loopback addresses (same port), so
    that a poller's per-host cap sees a feed list spread over many sites, as real ones are.
    """
    site = FeedSite(feeds, make_workload(claims))
    first = await asyncio.start_server(site.handle, host(0), 0, backlog=1024)
    port = first.sockets[0].getsockname()[1]
    servers = [first] + [
        await asyncio.start_server(site.handle, host(n), port, backlog=256) for n in range(1, hosts)
    ]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, sys.stdin.read)  # the poller closes our stdin to stop us
    finally:
        for server in servers:
            server.close()


class FeedServer:
    """The server process: started by the poller, stopped when the poller is done."""

    def __init__(self, feeds: int, claims: int, hosts: int = 1) -> None:
        command = [sys.executable, "-m", "bot.bench.feedsite", "--feeds", str(feeds)]
        command += ["--claims", str(claims), "--hosts", str(hosts)]
        self.hosts = hosts
        self._proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "PORT":
            self.close()
            raise RuntimeError(f"the bench feed server did not start: {line!r}")
        self.port = int(line[1])
        self.base = f"http://{host(0)}:{self.port}"

    def feed_url(self, feed: int) -> str:
        """Feed ``feed``'s URL, on host ``feed % hosts``."""
        return f"http://{host(feed % self.hosts)}:{self.port}/f/{feed}.xml"

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The bench feed server (loopback only).")
    parser.add_argument("--feeds", type=int, required=True)
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--hosts", type=int, default=1, help="loopback addresses to answer on")
    args = parser.parse_args(argv)
    asyncio.run(serve(args.feeds, args.claims, args.hosts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
