"""Which channels a finding goes to: topic subscription and minimum severity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.model import Finding, FindingKind


@dataclass(frozen=True, slots=True)
class Route:
    """A channel's subscription, as the router sees it."""

    channel_id: str
    topics: frozenset[str]
    min_severity: FindingKind
    muted_claims: frozenset[str] = frozenset()


def route(finding: Finding, routes: Sequence[Route]) -> list[str]:
    """The ids of the channels that want this finding, in the order given."""
    return [
        r.channel_id
        for r in routes
        if finding.topic in r.topics
        and finding.severity >= r.min_severity.severity
        and finding.claim_id not in r.muted_claims
    ]
