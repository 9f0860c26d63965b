"""claimwatch: watches news feeds for new figures and contradictions in tracked claims."""

from __future__ import annotations

__version__ = "0.1.0"
