"""The engine's state: what every part of the `Engine` reads and writes (the topics, the
claim index, sightings, current figures, the voices heard on each topic, the places its stories
named), the few methods that add to it, and the plain helpers that rebuild it: a configured
claim's baseline sighting and whether a stored sighting was its claim's current figure
(`moves_current`, for `Engine.restore`). `Engine` (bot/core/engine.py) sets the state up; the
mixins bot/core/topical.py and bot/core/judging.py read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache

from bot.core.attach import Attacher
from bot.core.attribution import parse_attribution, same_source
from bot.core.compare import BASELINE_PREFIX, figures_agree
from bot.core.gate import Gate
from bot.core.known import Known
from bot.core.matching import ClaimIndex, IndexedClaim
from bot.core.model import ClaimSpec, Sighting, Stance, Topic
from bot.core.provenance import SyndicationIndex
from bot.core.reading import KeywordIndex
from bot.core.run import Reading, Said, reference_figure

same_source_memo = lru_cache(maxsize=1 << 16)(same_source)  # pure, and asked of the same names
# pure too: claims' baselines share the few sources configured (one Attribution each)
_parse_attribution = lru_cache(maxsize=1 << 12)(parse_attribution)


class EngineState:
    """The state the engine's parts share (set up by `Engine.__init__`)."""

    _topics: list[Topic]
    _gate: Gate | None  # the learned verdict on each finding (bot/core/gate.py); None: all
    _attach: Attacher | None  # the learned re-attachment (bot/core/attach.py); None: learn
    _topic_at: dict[str, list[int]]  # topic id -> its places
    _learn: bool
    _gates: dict[str, re.Pattern[str]]
    _entities: dict[str, set[str]]  # topic id -> the entities its keywords name
    _names: dict[str, re.Pattern[str]]
    _event_words: dict[str, re.Pattern[str]]
    _eventful: set[str]
    _keywords: KeywordIndex
    _index: ClaimIndex
    _order: list[str]
    # claim id -> its sightings (a tuple while it holds one: most claims only ever hold
    # their baseline, and a list costs twice as much)
    _sightings: dict[str, tuple[Sighting] | list[Sighting]]
    _last_speaker: tuple[Said, str] | None  # `_speaker_of`'s last answer
    _current: dict[str, Sighting]  # claim id -> its current figure (rule 1)
    _voices: dict[str, set[str]]  # topic id -> sources heard on it
    _heard_order: dict[str, list[str]]  # the same, in order heard
    _places: dict[str, set[str]]  # topic id -> names in its stories
    _outlets: set[str]  # outlets' names are no place of any topic
    _heard_memo: dict[tuple[str, str], tuple[int, bool]]  # (topic, source) -> _heard
    _bodies_memo: dict[str, tuple[int, list[tuple[str, str]]]]  # see _bodies
    _syndication: SyndicationIndex
    _reader: Callable[[str], Reading]
    _loose: list[Topic]
    _known: Known  # the above as the learned parts read it

    def _hear(self, spec: ClaimSpec) -> None:
        """A configured claim's source is a voice of its topic."""
        source = _parse_attribution(spec.source).source
        if source:
            self._add_voice(spec.topic, source)

    def _add_voice(self, topic_id: str, source: str) -> None:
        """A source heard on a topic (voices are only ever added, and kept in the order heard
        as well, so that `_heard` compares a source only with the voices new since it asked)."""
        voices = self._voices[topic_id]
        if source not in voices:
            voices.add(source)
            self._heard_order[topic_id].append(source)

    def _add_sighting(self, claim_id: str, sighting: Sighting) -> Sighting:
        held = self._sightings.get(claim_id)
        if held is None:
            self._sightings[claim_id] = (sighting,)
        elif isinstance(held, tuple):
            self._sightings[claim_id] = [*held, sighting]
        else:
            held.append(sighting)
        return sighting

    def _add_claim(self, spec: ClaimSpec) -> IndexedClaim:
        claim = self._index.add(spec, reference_figure(spec.text))
        self._order.append(spec.id)
        return claim


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def moves_current(current: Sighting | None, sighting: Sighting) -> bool:
    """Whether a stored sighting was made its claim's current figure when it was recorded
    (`_judge`, `_learn_claim`), so that `restore` rebuilds the current figures the running
    engine held: a figure learned, or an original story's supporting figure that differs from
    the current one of another story (a new figure); not a corroboration (it agrees), a
    syndicated copy, or a second figure of the current figure's own story."""
    if sighting.stance is not Stance.SUPPORTS or not sighting.figure.text:
        return False
    if current is None:
        return True
    return (
        sighting.story_key == sighting.origin_key
        and sighting.origin_key != current.origin_key
        and not figures_agree(sighting.figure, current.figure)
    )


def baseline(claim: IndexedClaim) -> Sighting:
    spec = claim.spec
    assert claim.reference is not None
    attribution = _parse_attribution(spec.source)
    key = BASELINE_PREFIX + spec.id
    return Sighting(
        figure=claim.reference,
        attribution=attribution,
        outlet="",
        url="",
        published=_date(spec.date),
        story_key=key,
        origin_key=key,
    )
