"""M1: compressed bodies are inflated by hand, never past the cap; stacked encodings refused."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import httpx
import pytest

from bot.adapters.feeds import fetch
from tests.adapters.test_feeds import RSS
from tests.feedserver import FeedServer


def zeros_gzip(size: int) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 1_000_000
    return b"".join(co.compress(block) for _ in range(size // 1_000_000)) + co.flush()


def encoded(server: FeedServer, path: str, body: bytes, encoding: str) -> None:
    server.add(path, body, etag=False, headers=(("Content-Encoding", encoding),))


async def test_a_stacked_gzip_is_refused_unread(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    outer = gzip.compress(zeros_gzip(300_000_000), 9)  # 640 bytes on the wire, 300 MB inside
    encoded(server, "/bomb.xml", outer, "gzip, gzip")
    result = await fetch(client, server.url("/bomb.xml"), max_bytes=1_000_000)
    assert (result.status, result.error) == ("error", "unsupported Content-Encoding: gzip, gzip")
    assert result.content is None


@pytest.mark.parametrize("encoding", ["br", "compress", "gzip, br"])
async def test_an_encoding_we_do_not_inflate_by_hand_is_refused(
    server: FeedServer, client: httpx.AsyncClient, encoding: str
) -> None:
    encoded(server, "/x.xml", b"whatever", encoding)
    result = await fetch(client, server.url("/x.xml"))
    assert result.error == f"unsupported Content-Encoding: {encoding}"
    accepted = server.requests_for("/x.xml")[0].headers["accept-encoding"]
    assert accepted == "gzip, deflate"  # so a server has no reason to send those


async def test_a_gzip_bomb_never_inflates_much_past_the_cap(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    encoded(server, "/bomb.xml", zeros_gzip(200_000_000), "gzip")
    tracemalloc.start()
    try:
        result = await fetch(client, server.url("/bomb.xml"), max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (result.status, result.error) == ("error", "response over 1 MB")
    assert peak < 8_000_000, f"{peak:,} bytes allocated at the peak"  # a 64 kB chunk is 64 MB


@pytest.mark.parametrize(
    "encoding, body",
    [
        ("gzip", gzip.compress(RSS)),
        ("x-gzip", gzip.compress(RSS)),
        ("deflate", zlib.compress(RSS)),
        ("deflate", zlib.compress(RSS, wbits=-zlib.MAX_WBITS)),  # raw deflate, as IIS sends it
        ("identity", RSS),
        ("GZIP", gzip.compress(RSS)),
    ],
)
async def test_one_layer_of_gzip_or_deflate_is_decoded(
    server: FeedServer, client: httpx.AsyncClient, encoding: str, body: bytes
) -> None:
    encoded(server, "/ok.xml", body, encoding)
    result = await fetch(client, server.url("/ok.xml"), max_bytes=len(RSS))
    assert (result.status, result.content) == ("ok", RSS)


async def test_a_broken_gzip_body_is_an_error_not_a_crash(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    encoded(server, "/bad.xml", b"\x1f\x8b\x08\x00garbage" * 10, "gzip")
    result = await fetch(client, server.url("/bad.xml"))
    assert result.error == "could not decode the response body (bad Content-Encoding)"
