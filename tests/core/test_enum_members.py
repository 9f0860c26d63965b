"""`bot.core.enum_members` holds each member of the core's enums under its own name, as the
same object (the modules that import them compare with `is`)."""

from __future__ import annotations

from bot.core import enum_members
from bot.core.model import FindingKind, Hedge, Stance


def test_every_member_is_a_constant_of_its_own_name() -> None:
    for kind in (Hedge, Stance, FindingKind):
        for member in kind:
            assert getattr(enum_members, member.name) is member


def test_the_constants_are_the_members_and_nothing_else() -> None:
    names = {name for name in vars(enum_members) if name.isupper()}
    members = {member.name for kind in (Hedge, Stance, FindingKind) for member in kind}
    assert names == members
