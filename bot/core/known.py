"""What the engine knows of its claims, as the learned parts read it (bot/core/gate.py,
bot/core/attach.py): the claim index, the claims in the order added, each claim's sightings, its
current figure, and the sources heard on each topic. A frozen value over the engine's own live
collections (no copies): it sees every change the engine makes, and is only read through it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from bot.core.matching import ClaimIndex
from bot.core.model import Sighting


@dataclass(frozen=True)
class Known:
    """The engine's claims and what it holds of them (read-only: the engine writes them)."""

    index: ClaimIndex
    order: Sequence[str]  # claim ids in the order added
    sightings: Mapping[str, Sequence[Sighting]]  # claim id -> its sightings, in order recorded
    current: Mapping[str, Sighting]  # claim id -> its current figure
    voices: Mapping[str, Set[str]]  # topic id -> the sources heard on it
