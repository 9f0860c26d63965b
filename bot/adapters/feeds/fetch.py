"""Fetching feeds and pages: conditional GET over httpx, local files, never raising.

``fetch`` and ``read_path`` turn every network, HTTP and file-system failure into a
``FetchResult`` with ``status="error"`` and a one-line ``error`` a person can read, so the
scheduler can back off without a traceback. Programming errors still raise.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import socket
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from bot import __version__
from bot.adapters import netguard

logger = logging.getLogger(__name__)

USER_AGENT = f"claimwatch/{__version__} (+https://github.com/claimwatch)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PERMANENT = frozenset({301, 308})
_RETRY_STATUSES = frozenset({429, 503})

Status = Literal["ok", "not_modified", "error"]


@dataclass(frozen=True)
class FetchResult:
    """What one fetch of a feed (URL or file) produced."""

    url: str  # the URL (or path) asked for
    status: Status
    content: bytes | None
    etag: str | None
    last_modified: str | None
    final_url: str | None  # after redirects
    permanent_redirect: bool  # a 301/308 happened on the way
    http_status: int | None
    retry_after_s: float | None
    error: str | None  # one line for a person: "connection refused", "HTTP 404", ...
    content_type: str | None = None  # media type without parameters, e.g. "text/html"
    permanent_url: str | None = None  # where the leading 301/308 redirects ended, if any


class _TooLarge(Exception):
    """The body grew past the cap while streaming."""


class _Unsupported(Exception):
    """A Content-Encoding we do not decode (stacked, or not gzip/deflate)."""


class _Refused(Exception):
    """The SSRF guard refused a URL on the way (the message says why)."""


MAX_REDIRECTS = 10


def is_url(location: str) -> bool:
    """True for an absolute http(s) URL; anything else is treated as a local path."""
    try:
        parts = urlsplit(location.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = 10_000_000,
    deadline_s: float = 30.0,
    guard: bool | None = None,
) -> FetchResult:
    """GET ``url`` conditionally, following redirects, within one overall deadline.

    ``deadline_s`` bounds the whole exchange (connect, headers and body), not just each read.
    The body is streamed and counted after decompression; past ``max_bytes`` the download is
    abandoned. Never raises for network or HTTP errors.

    ``guard`` (for feeds added by command) passes every hop through the SSRF guard
    (bot/adapters/netguard.py; the value says whether private addresses are allowed) and
    connects to the address that was checked, so a second DNS answer cannot differ.
    """
    return await _get(
        client,
        url,
        accept=FEED_ACCEPT,
        etag=etag,
        last_modified=last_modified,
        max_bytes=max_bytes,
        deadline_s=deadline_s,
        guard=guard,
    )


async def fetch_full_text(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int = 5_000_000,
    deadline_s: float = 20.0,
    allow_private: bool = False,
) -> str | None:
    """Fetch an article page and return its main text (see ``extract_main_text``), or None.

    A story's link is the feed's content, not its configuration (an aggregator prints any
    link), so every fetch passes the SSRF guard, each redirect hop too; ``allow_private`` says
    whether private addresses are allowed (``Service.allow_private_feeds``)."""
    from bot.adapters.html import extract_main_text  # keeps trafilatura off the feed path

    result = await _get(
        client,
        url,
        accept=PAGE_ACCEPT,
        etag=None,
        last_modified=None,
        max_bytes=max_bytes,
        deadline_s=deadline_s,
        guard=allow_private,
    )
    if result.status != "ok" or not result.content:
        logger.info("full text of %s not fetched: %s", url, result.error or "empty page")
        return None
    if result.content_type and result.content_type not in _HTML_TYPES:
        logger.info("full text of %s skipped: content type %s", url, result.content_type)
        return None
    return await asyncio.to_thread(extract_main_text, result.content, result.final_url or url)


def read_path(path: Path, *, max_bytes: int = 10_000_000) -> FetchResult:
    """Read a local feed file; never raises for file-system errors."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _error(name, f"file over {_human_bytes(max_bytes)}")
        with path.open("rb") as handle:
            content = handle.read(max_bytes + 1)
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return _error(name, f"file not found: {name}")
    except IsADirectoryError:
        return _error(name, f"is a directory, not a feed file: {name}")
    except PermissionError:
        return _error(name, f"permission denied: {name}")
    except OSError as exc:
        return _error(name, f"cannot read {name}: {exc.strerror or exc}")
    if len(content) > max_bytes:  # the file grew between stat and read
        return _error(name, f"file over {_human_bytes(max_bytes)}")
    return FetchResult(
        url=name,
        status="ok",
        content=content,
        etag=None,
        last_modified=formatdate(mtime, usegmt=True),
        final_url=name,
        permanent_redirect=False,
        http_status=None,
        retry_after_s=None,
        error=None,
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if bad."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    reference = now or datetime.now(UTC)
    return max((when - reference).total_seconds(), 0.0)


async def _get(
    client: httpx.AsyncClient,
    url: str,
    *,
    accept: str,
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
    deadline_s: float,
    guard: bool | None = None,
) -> FetchResult:
    if not is_url(url):
        return _error(url, "not an http(s) URL")
    # only what _read_capped decodes by hand, within the cap (httpx inflates whole chunks)
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(deadline_s):
            if guard is not None:
                return await _guarded_exchange(
                    client, url, headers, etag, last_modified, max_bytes, allow_private=guard
                )
            return await _exchange(client, url, headers, etag, last_modified, max_bytes)
    except _Refused as exc:
        logger.info("fetch %s refused: %s", url, exc)
        return _error(url, f"refused: {exc}")
    except TimeoutError:
        return _error(url, f"timed out after {deadline_s:g} s")
    except _TooLarge:
        return _error(url, f"response over {_human_bytes(max_bytes)}")
    except _Unsupported as exc:
        return _error(url, f"unsupported Content-Encoding: {exc}")
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
        message = _describe(exc)
        logger.debug("fetch %s failed: %s", url, message, exc_info=True)
        return _error(url, message)


async def _exchange(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
) -> FetchResult:
    async with client.stream("GET", url, headers=headers, follow_redirects=True) as response:
        return await _answer(url, response, etag, last_modified, max_bytes)


async def _guarded_exchange(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
    *,
    allow_private: bool,
) -> FetchResult:
    """Follow redirects by hand: check each hop, then connect to the address checked."""
    current = url
    permanent_url: str | None = None
    leading = True  # still in the leading run of permanent redirects
    moved = False
    for _ in range(MAX_REDIRECTS + 1):
        checked = await asyncio.to_thread(
            netguard.inspect_url, current, allow_private=allow_private
        )
        if checked.reason is not None:
            raise _Refused(checked.reason)
        request = _pinned_request(client, current, checked.addresses[0], headers)
        response = await client.send(request, stream=True, follow_redirects=False)
        try:
            location = response.headers.get("Location")
            if response.is_redirect and location:
                await response.aclose()
                target = urljoin(current, location.strip())
                permanent = response.status_code in _PERMANENT
                moved = moved or permanent
                leading = leading and permanent
                if leading:
                    permanent_url = target
                current = target
                continue
            return await _answer(
                url,
                response,
                etag,
                last_modified,
                max_bytes,
                final_url=current,
                moved=moved,
                permanent_url=permanent_url,
            )
        finally:
            await response.aclose()
    raise httpx.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")


def _pinned_request(
    client: httpx.AsyncClient, url: str, address: str, headers: dict[str, str]
) -> httpx.Request:
    """A request for ``url`` sent to ``address``: Host header and TLS SNI name the host."""
    logical = httpx.URL(url)
    pinned = logical.copy_with(host=address)
    host = logical.host
    netloc = f"[{host}]" if ":" in host else host
    if logical.port is not None:
        netloc += f":{logical.port}"
    extensions = {"sni_hostname": host} if logical.scheme == "https" else {}
    return client.build_request(
        "GET", pinned, headers={**headers, "Host": netloc}, extensions=extensions
    )


async def _answer(
    url: str,
    response: httpx.Response,
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
    *,
    final_url: str | None = None,
    moved: bool | None = None,
    permanent_url: str | None = None,
) -> FetchResult:
    """The result of the last response of an exchange (after redirects)."""
    where = None if moved is None else _Hops(final_url, moved, permanent_url)
    code = response.status_code
    if code == 304:
        await response.aread()  # drain the empty body so the connection is kept for reuse
        return _from_response(
            url,
            response,
            "not_modified",
            etag=response.headers.get("ETag") or etag,
            last_modified=response.headers.get("Last-Modified") or last_modified,
            where=where,
        )
    if not 200 <= code < 300:
        await _drain(response, 65_536)  # a small error page: read it, keep the connection
        retry = None
        if code in _RETRY_STATUSES:
            retry = parse_retry_after(response.headers.get("Retry-After"))
        return _from_response(
            url, response, "error", retry_after_s=retry, error=f"HTTP {code}", where=where
        )
    declared = response.headers.get("Content-Length", "")
    unencoded = "Content-Encoding" not in response.headers
    if unencoded and declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge  # say no before reading a byte of it
    return _from_response(
        url,
        response,
        "ok",
        content=await _read_capped(response, max_bytes),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        where=where,
    )


def _from_response(
    url: str,
    response: httpx.Response,
    status: Status,
    *,
    content: bytes | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    retry_after_s: float | None = None,
    error: str | None = None,
    where: _Hops | None = None,
) -> FetchResult:
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if where is None:  # httpx followed the redirects: read them from its history
        where = _Hops(
            str(response.url),
            any(step.status_code in _PERMANENT for step in response.history),
            _leading_permanent(response),
        )
    return FetchResult(
        url=url,
        status=status,
        content=content,
        etag=etag,
        last_modified=last_modified,
        final_url=where.final_url or str(response.url),
        permanent_redirect=where.moved,
        http_status=response.status_code,
        retry_after_s=retry_after_s,
        error=error,
        content_type=media_type or None,
        permanent_url=where.permanent_url,
    )


@dataclass(frozen=True)
class _Hops:
    """Where an exchange's redirects led (given when they were followed by hand)."""

    final_url: str | None
    moved: bool  # a 301/308 on the way
    permanent_url: str | None  # the end of the leading run of 301/308


def _leading_permanent(response: httpx.Response) -> str | None:
    """Where the redirects that were all 301/308 from the start led (None if the first wasn't)."""
    hops = [*response.history, response]
    found = None
    for step, following in itertools.pairwise(hops):
        if step.status_code not in _PERMANENT:
            break
        found = str(following.url)
    return found


_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, decoded by hand so that no more than ``max_bytes + 1`` is ever inflated
    (httpx inflates each network chunk whole: 64 kB of gzip is 64 MB of zeros). One layer
    of gzip or deflate only: a stacked encoding ("gzip, gzip") is refused."""
    declared = response.headers.get("Content-Encoding", "").lower().split(",")
    codings = [c for c in (part.strip() for part in declared) if c and c != "identity"]
    if len(codings) > 1 or (codings and codings[0] not in _WBITS):
        raise _Unsupported(", ".join(codings)[:100])
    wbits = _WBITS[codings[0]] if codings else None
    decoder = zlib.decompressobj(wbits) if wbits is not None else None
    chunks: list[bytes] = []
    total = 0
    started = False
    async for raw in response.aiter_raw():
        pending = raw
        while pending:
            if decoder is None:
                out, pending = pending, b""
            else:
                try:
                    out = decoder.decompress(pending, max_bytes - total + 1)
                except zlib.error as exc:
                    if started or wbits != zlib.MAX_WBITS:
                        raise httpx.DecodingError(str(exc)) from None
                    decoder, wbits = zlib.decompressobj(-zlib.MAX_WBITS), None  # raw deflate
                    continue
                pending = decoder.unconsumed_tail
            started = True
            total += len(out)
            if total > max_bytes:
                raise _TooLarge
            chunks.append(out)
    if decoder is not None:
        rest = decoder.flush()
        total += len(rest)
        if total > max_bytes:
            raise _TooLarge
        chunks.append(rest)
    return b"".join(chunks)


async def _drain(response: httpx.Response, limit: int) -> None:
    """Read (and forget) a small error page so the connection can be reused."""
    total = 0
    async for raw in response.aiter_raw():
        total += len(raw)
        if total > limit:
            return


def _describe(exc: BaseException) -> str:
    """One line for a person, from an httpx or OS error."""
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "redirected to a non-http(s) URL" if "://" in text else "unsupported URL"
    if isinstance(exc, httpx.InvalidURL):
        return f"invalid URL: {text}"
    if isinstance(exc, httpx.DecodingError):
        return "could not decode the response body (bad Content-Encoding)"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out (client timeout)"
    causes = _causes(exc)
    if "refused" in lowered or any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "connection refused"
    if any(isinstance(c, socket.gaierror) for c in causes):
        return "DNS lookup failed"
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "DNS lookup failed"
    if "certificate" in lowered or "ssl" in lowered:
        return f"TLS error: {_first_line(text)}"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {_first_line(text)}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke the HTTP exchange: {_first_line(text)}"
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return f"connection lost: {_first_line(text)}"
    return f"{type(exc).__name__}: {_first_line(text)}"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what caused it (httpx wraps httpcore wraps anyio wraps the OSError)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else "no detail"


def _human_bytes(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    if count >= 1_000:
        return f"{count / 1_000:g} kB"
    return f"{count} bytes"


def _error(url: str, message: str) -> FetchResult:
    return FetchResult(
        url=url,
        status="error",
        content=None,
        etag=None,
        last_modified=None,
        final_url=None,
        permanent_redirect=False,
        http_status=None,
        retry_after_s=None,
        error=message,
    )
