"""`@record` values behave as the frozen dataclasses they replaced: equal and hashed by their
fields, copied with changes by `dataclasses.replace`, no `__dict__`. (That a field is never
assigned is mypy's to check: `record` declares them frozen to it.)"""

from __future__ import annotations

import dataclasses
import pickle

from bot.core.record import record


@record
class _Point:
    x: int
    label: str = "a"


@dataclasses.dataclass(frozen=True, slots=True)
class _FrozenPoint:
    x: int
    label: str = "a"


def test_equal_and_hashed_by_fields_as_a_frozen_dataclass() -> None:
    assert _Point(1) == _Point(1, "a")
    assert _Point(1) != _Point(2)
    assert hash(_Point(1, "b")) == hash(_FrozenPoint(1, "b"))
    assert len({_Point(1), _Point(1), _Point(2)}) == 2


def test_replace_copies_with_changes() -> None:
    point = _Point(1)
    moved = dataclasses.replace(point, x=5)
    assert (point, moved) == (_Point(1), _Point(5))
    assert [f.name for f in dataclasses.fields(moved)] == ["x", "label"]


def test_slots_repr_and_pickle() -> None:
    point = _Point(3, "c")
    assert not hasattr(point, "__dict__")
    assert repr(point) == "_Point(x=3, label='c')"
    assert pickle.loads(pickle.dumps(point)) == point
