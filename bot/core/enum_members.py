"""The members of the core's enums (`Hedge`, `Stance`, `FindingKind`) as module constants.

Under Python 3.11 each read of `Stance.NEUTRAL` goes through `EnumType.__getattr__`'s slot
(about 0.25 µs; an 800-word story read 2,150 of them, round 17), a module constant in a few
nanoseconds. The modules that read members on their hot paths import these by name (`from
bot.core.enum_members import NEUTRAL as _NEUTRAL`): an imported name is a module global of the
importer, read as cheaply. They are the same objects as the members (`NEUTRAL is
Stance.NEUTRAL`).
"""

from __future__ import annotations

from typing import Final

from bot.core.model import FindingKind, Hedge, Stance

EXACT: Final = Hedge.EXACT
ABOUT: Final = Hedge.ABOUT
UP_TO: Final = Hedge.UP_TO
ALMOST: Final = Hedge.ALMOST
AT_LEAST: Final = Hedge.AT_LEAST
FEWER_THAN: Final = Hedge.FEWER_THAN
RANGE: Final = Hedge.RANGE
VAGUE: Final = Hedge.VAGUE

SUPPORTS: Final = Stance.SUPPORTS
DISPUTES: Final = Stance.DISPUTES
REFUTES: Final = Stance.REFUTES
NEUTRAL: Final = Stance.NEUTRAL
UNRELATED: Final = Stance.UNRELATED

NEW_CLAIM: Final = FindingKind.NEW_CLAIM
CORROBORATION: Final = FindingKind.CORROBORATION
NEW_FIGURE: Final = FindingKind.NEW_FIGURE
DISPUTE: Final = FindingKind.DISPUTE
CONTRADICTION: Final = FindingKind.CONTRADICTION
