"""The SSRF guard for feeds added by chat command: http(s) only, every address public.

``check_url`` resolves the host (``socket.getaddrinfo``, so ``2130706433``, ``127.1`` and
``[::ffff:127.0.0.1]`` come out as the loopback address they are) and refuses the URL when any
resolved address is not global (loopback, private, link-local, shared 100.64/10, 0.0.0.0,
multicast, reserved...), unless private addresses are allowed. ``inspect_url`` also returns
the addresses checked, so that a fetch can connect to exactly those (no DNS rebinding).
Feeds from feeds.yaml are trusted and never pass through here.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Checked:
    """What the guard found about one URL: ``reason`` None means it may be fetched."""

    host: str
    port: int
    addresses: tuple[str, ...]  # the resolved addresses, in getaddrinfo's order
    reason: str | None
    unresolved: bool = False  # the host did not resolve (``reason`` says so)


def inspect_url(url: str, *, allow_private: bool) -> Checked:
    """Check ``url`` and return the addresses it resolved to (never raises)."""
    url = url.strip()
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in url):
        return Checked("", 0, (), "the URL holds whitespace or control characters")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        return Checked("", 0, (), f"invalid URL: {exc}")
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        return Checked("", 0, (), f"only http(s) URLs are allowed, not “{scheme or '?'}:”")
    host = parts.hostname or ""
    if not host:
        return Checked("", 0, (), "the URL has no host")
    port = port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        return Checked(host, port, (), f"host {host} does not resolve ({exc})", unresolved=True)
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        return Checked(host, port, (), f"host {host} does not resolve", unresolved=True)
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                return Checked(
                    host, port, addresses, f"{host} resolves to a non-public address ({address})"
                )
    return Checked(host, port, addresses, None)


def check_url(url: str, *, allow_private: bool, allow_unresolved: bool = False) -> str | None:
    """None when ``url`` may be fetched, else a one-line reason.

    ``allow_unresolved`` accepts a host that does not resolve now (nothing can be reached
    through it; every fetch checks again)."""
    checked = inspect_url(url, allow_private=allow_private)
    if checked.unresolved and allow_unresolved:
        return None
    return checked.reason


# NAT64's well-known prefix (RFC 6052): a gateway turns it into the IPv4 address in the last
# 32 bits, so it is judged as that address. The local-use prefix (RFC 8215) is a network's own
# translator, where the IPv4 bits sit wherever its operator chose: never public, and neither
# are IPv4-compatible addresses (deprecated, RFC 4291).
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NEVER_PUBLIC = (ipaddress.ip_network("64:ff9b:1::/48"), ipaddress.ip_network("::/96"))


def is_public(address: str) -> bool:
    """True for a globally routable address; an IPv6 address that carries an IPv4 one
    (mapped, 6to4, Teredo, NAT64) is judged as that IPv4 address too."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in _NEVER_PUBLIC):
            return False
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public(str(embedded)):
            return False
    return bool(ip.is_global) and not ip.is_multicast
