"""`record`: a frozen dataclass to the type checker, built without the frozen dataclass's cost.

A frozen dataclass's `__init__` sets each field through `object.__setattr__` (to get past its
own `__setattr__`, which raises): about 1,500 instructions a field under Python 3.11, so a
ten-field value costs about 16,000 to build against 3,400 for the same slots dataclass
unfrozen. The engine builds hundreds of these values a story.

`@record` makes a slots dataclass with the frozen one's equality and field hash
(`unsafe_hash=True` is the hash `frozen=True` gives), and declares it frozen to the type checker
(`dataclass_transform(frozen_default=True)`): mypy, strict on `bot/`, rejects an assignment to
a field, and `dataclasses.replace` makes a changed copy as before. What it gives up is the
`FrozenInstanceError` at run time: nothing in the code assigns to these values, and mypy is
what keeps it so. A named tuple was measured too: as cheap to build (4,300), but its fields are
read through a descriptor Python 3.11 does not specialise, and the reads cost more than the
build saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True, slots=True)` to the type checker; see the module's note."""
    return dataclass(slots=True, unsafe_hash=True)(cls)
