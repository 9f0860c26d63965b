"""The engine: stories in, statements, sightings and findings out. Pure: no I/O, no clock.

For each story: find its origin (syndication); gate it by topic keywords; split it into
sentences; for each sentence read the attribution, the figures and the stance cues; match each
figure to the claim counting the same quantity (or learn a claim); match numberless refuting or
disputing sentences to claims by their words; judge each statement against what the claim
already knows from *other* origins. Copies of an earlier story add sightings, never findings.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from itertools import pairwise

from bot.core.attach import Attacher, reattach
from bot.core.attach_weights import ATTACH
from bot.core.attribution import (
    is_generic,
    parse_attribution,
    same_source,
    speaker,
)
from bot.core.clues import (
    BODY_SUBJECT,
    lead_body,
    members_named,
    names_event,
    proper_names,
    said_more,
)
from bot.core.compare import (
    BASELINE_PREFIX,
    Verdict,
    add_increment,
    already_said,
    corrects_earlier,
    explain,
    figures_agree,
    has_figure,
    is_more,
    is_stated_total,
    judge,
    out_of_scale,
    states_agreement,
)
from bot.core.cues import (
    is_capacity,
    is_increment,
    is_poll_share,
    is_sample,
)
from bot.core.events import sent_back_in
from bot.core.gate import Gate, Heard, claim_features, features
from bot.core.gate_weights import GATE
from bot.core.learning import claim_id_for, claim_text_for, in_topic
from bot.core.lexicon import (
    CASUALTY_KINDS,
    COUNTED,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    EVENTS,
    GENERIC_MEASURES,
    MEASURES,
    MODIFIER_EVENTS,
    PEOPLE_EVENTS,
    RESTATEMENT_CUES,
    SUBGROUPS,
)
from bot.core.matching import (
    NUMBERLESS_SCORE,
    ClaimIndex,
    IndexedClaim,
    masked,
    quantity_key,
)
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    Finding,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
    Statement,
    Story,
    StoryResult,
    Topic,
)
from bot.core.phrases import find_entities, find_phrases
from bot.core.provenance import SyndicationIndex
from bot.core.quantity import lemma
from bot.core.reading import (
    KeywordIndex,
    Sentence,
    keyword_regex,
    said_by,
    story_sentences,
    without_dates,
)
from bot.core.run import Reading, Run, Said, no_figure, outranked, read_sentence, reference_figure
from bot.core.scopes import is_open
from bot.core.stance import (
    cue_clause_span,
    cue_reaches,
    denied_proposition,
    find_cue,
    moved_to,
    repeats_denial,
)
from bot.core.words import words_of

log = logging.getLogger(__name__)

KEYWORD_GAP = 0  # words between two keywords that make one phrase ("rail strike")
HEARD_MEMO = 100_000  # (topic, source) answers of _heard kept
OFF_TOPIC_SCORE = 0.5  # a sentence far from topic keywords must say this much of the claim
SAID_OF_SHARE = 0.6  # a denied proposition's words a claim must hold to be the one denied
SAID_OF_WORDS = 3  # ... and at least this many of them
READ_CACHE = 4096  # sentences whose reading is remembered across stories


_same_source = lru_cache(maxsize=1 << 16)(same_source)  # pure, and asked of the same names
# pure too: claims' baselines share the few sources configured (one Attribution each)
_parse_attribution = lru_cache(maxsize=1 << 12)(parse_attribution)


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _moved_to(text: str, figure: Figure) -> bool:
    """`moved_to`, asked only when a "to" stands just before the figure ("rose to about 31")."""
    start = figure.span[0]
    return "to " in text[max(0, start - 40) : start] and moved_to(text, figure)


_INDEFINITE = re.compile(r"\ban?\s+$", re.I)
_OF_WHAT = re.compile(r"\s+of\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)", re.I)


def _figurative(text: str, word: re.Match[str]) -> bool:
    """An event word as a measure of plenty names no event: "a blast of 4,500 fireworks", "a
    flood of orders", "an explosion of colour" (not "a blast at the plant", "an explosion of a
    fuel tank")."""
    return bool(
        _INDEFINITE.search(text, max(0, word.start() - 4), word.start())
        and _OF_WHAT.match(text, word.end())
    )


class Engine:
    """Claims, their sightings and recent story fingerprints, in memory."""

    def __init__(
        self,
        topics: Sequence[Topic],
        *,
        learn_claims: bool = True,
        gate: Gate | None = GATE,
        attach: Attacher | None = ATTACH,
    ) -> None:
        self._topics = list(topics)
        self._gate = gate  # the learned verdict on each finding (bot/core/gate.py); None: all
        self._attach = attach  # the learned re-attachment (bot/core/attach.py); None: learn
        self._topic_at: dict[str, list[int]] = defaultdict(list)  # topic id -> its places
        for i, t in enumerate(self._topics):
            self._topic_at[t.id].append(i)
        self._learn = learn_claims
        self._gates = {t.id: keyword_regex(t.keywords) for t in self._topics}
        self._entities: dict[str, set[str]] = {}  # topic id -> the entities its keywords name
        self._names = {
            t.id: keyword_regex([k for k in t.keywords if k.strip()[:1].isupper()])
            for t in self._topics
        }
        # the topic's common words name its event ("cholera", "outbreak"); its names, places
        self._event_words = {
            t.id: keyword_regex([k for k in t.keywords if k.strip()[:1].islower()])
            for t in self._topics
            if any(k.strip()[:1].islower() for k in t.keywords)
        }
        # topics whose common words name an event, not only quantities ("inflation", "jobs")
        self._eventful = {
            t.id
            for t in self._topics
            if any(names_event(k.strip()) for k in t.keywords if k.strip()[:1].islower())
        }
        self._keywords = KeywordIndex(self._topics)
        self._index = ClaimIndex()
        for t in self._topics:  # the topic's own words name no place of one claim's things
            self._index.name_topic(t.id, [t.name, *t.keywords])
        self._order: list[str] = []
        # claim id -> its sightings (a tuple while it holds one: most claims only ever hold
        # their baseline, and a list costs twice as much)
        self._sightings: dict[str, tuple[Sighting] | list[Sighting]] = {}
        self._last_speaker: tuple[Said, str] | None = None  # `_speaker_of`'s last answer
        self._current: dict[str, Sighting] = {}  # claim id -> its current figure (rule 1)
        self._voices: dict[str, set[str]] = defaultdict(set)  # topic id -> sources heard on it
        self._heard_order: dict[str, list[str]] = defaultdict(list)  # the same, in order heard
        self._places: dict[str, set[str]] = defaultdict(set)  # topic id -> names in its stories
        self._outlets: set[str] = set()  # outlets' names are no place of any topic
        self._heard_memo: dict[tuple[str, str], tuple[int, bool]] = {}  # (topic, source) -> _heard
        self._bodies_memo: dict[str, tuple[int, list[tuple[str, str]]]] = {}  # see _bodies
        self._syndication = SyndicationIndex()
        self._reader = lru_cache(maxsize=READ_CACHE)(read_sentence)
        for topic in self._topics:
            for spec in topic.claims:
                spec = spec if spec.topic == topic.id else replace(spec, topic=topic.id)
                claim = self._add_claim(spec)
                self._hear(spec)
                if claim.reference is not None:
                    self._current[spec.id] = self._add_sighting(spec.id, _baseline(claim))
        # topics with common words among their keywords ("strike", "flood")
        self._loose = [t for t in self._topics if any(k[:1].islower() for k in t.keywords)]

    # --- state ---------------------------------------------------------------------------

    def restore(
        self,
        claims: Iterable[ClaimSpec],
        sightings: Iterable[tuple[str, Sighting]],
        stories: Iterable[tuple[Story, str]] = (),
    ) -> None:
        """Reload learned claims, sightings and recent stories after a restart."""
        for spec in claims:
            if spec.id not in self._index:
                self._add_claim(spec)
        for claim_id, sighting in sightings:
            if sighting not in self._sightings.get(claim_id, ()):
                self._add_sighting(claim_id, sighting)
            claim = self._index.get(claim_id)
            if claim is not None and sighting.attribution.source:
                self._add_voice(claim.spec.topic, sighting.attribution.source)  # as _record
            if moves_current(self._current.get(claim_id), sighting):
                self._current[claim_id] = sighting  # a new figure, as `_judge` made it current
        for story, origin in stories:
            self._syndication.remember_story(story, origin)
            self._outlets.add(story.outlet.lower())
            if origin == story.key:  # an original: the places it names on its topics
                self._learn_places(story)

    def _learn_places(self, story: Story) -> None:
        """The places an original story naming a topic names in its sentences on the topic, as
        `_process_topic` gathers them (for `restore`: `_about` and `_anchor` read them)."""
        named = self._keywords.topics_in(f"{story.title}\n{story.text}")
        if not named:
            return
        sentences = story_sentences(story)
        for topic_id in sorted(named & self._gates.keys()):
            gate = self._gates[topic_id]
            for sentence in sentences:
                if not sentence.title and gate.search(self._reader(sentence.text).dateless):
                    self._places[topic_id].update(proper_names(sentence.text))

    def track(self, spec: ClaimSpec) -> None:
        """Start matching a claim added by command (`/track`); its own figure is the baseline."""
        if spec.id in self._index:
            return
        claim = self._add_claim(spec)
        self._hear(spec)
        if claim.reference is not None:
            self._current[spec.id] = self._add_sighting(spec.id, _baseline(claim))

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

    def untrack(self, claim_id: str) -> None:
        """Stop matching a claim (`/untrack`); what was seen of it stays in the store."""
        if self._index.remove(claim_id) is not None:
            self._order.remove(claim_id)
            self._current.pop(claim_id, None)

    def claims(self) -> list[ClaimSpec]:
        return [claim.spec for claim in map(self._index.get, self._order) if claim is not None]

    def sightings(self, claim_id: str) -> list[Sighting]:
        return list(self._sightings.get(claim_id, ()))

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

    # --- processing ------------------------------------------------------------------------

    def process(self, story: Story) -> StoryResult:
        origin = self._syndication.origin_of(story)
        run = Run(story, origin, origin != story.key, self._reader)
        whole = f"{story.title}\n{story.text}"
        self._outlets.add(story.outlet.lower())
        named = self._keywords.topics_in(whole)
        about = named | {t.id for t in self._loose if t.id not in named and self._about(t, whole)}
        # the topics it is about in configured order, without a pass over all of them
        places = sorted(i for topic_id in about for i in self._topic_at.get(topic_id, ()))
        topics = [self._topics[i] for i in places]
        for topic in topics:
            self._anchor(run, topic, whole)
        if topics:
            sentences = story_sentences(story)
            for topic in topics:
                self._process_topic(run, topic, sentences, topic.id in named and not run.copy)
        return StoryResult(
            story=story,
            origin_key=origin,
            statements=tuple(run.statements),
            findings=tuple(run.findings),
            new_claims=tuple(run.new_claims),
            sightings=tuple(run.sightings),
        )

    def _process_topic(
        self, run: Run, topic: Topic, sentences: list[Sentence], named: bool = False
    ) -> None:
        gate = self._gates[topic.id]
        entities = self._entities.get(topic.id)
        if entities is None:
            entities = {hit.value for hit in find_entities(" ; ".join(topic.keywords))}
            self._entities[topic.id] = entities
        readings = [run.read(s.text) for s in sentences]
        gated = [bool(gate.search(r.dateless)) for r in readings]
        if named:  # an original story naming the topic: the places it names are the topic's
            for sentence, said in zip(sentences, gated, strict=True):
                if said and not sentence.title:
                    self._places[topic.id].update(proper_names(sentence.text))
        said_in = {s.paragraph for s, g in zip(sentences, gated, strict=True) if g}
        if 0 in said_in:
            said_in.add(1)  # the lead paragraph continues the title
        last_named, named_in = Attribution(), -1
        members: dict[str, Attribution] = {}  # "its chief executive, Maren Holt" -> the airline
        lead = lead_body(sentences)
        for sentence, reading, named in zip(sentences, readings, gated, strict=True):
            attribution = reading.attribution
            if not sentence.title:
                body = last_named if last_named.source or last_named.via else lead
                attribution = self._speaks_for(topic.id, sentence.text, attribution, body, members)
            generic = (
                reading.generic if attribution is reading.attribution else is_generic(attribution)
            )
            if generic and (last_named.source or last_named.via):
                attribution = last_named  # "the report said" -> the report named before
            elif not (attribution.source or attribution.via) and sentence.paragraph == named_in:
                attribution = last_named  # reported speech goes on until the paragraph ends
            elif (attribution.source or attribution.via) and not sentence.title:
                last_named, named_in = attribution, sentence.paragraph
            if not reading.matched and reading.cue is Stance.NEUTRAL:
                continue  # nothing to match or judge: `_process_sentence` would return at once
            topical = named or self._heard(topic.id, attribution)
            near = topical or sentence.paragraph in said_in
            self._process_sentence(
                run, topic, sentence, reading, attribution, topical, near, entities
            )

    def _speaks_for(
        self,
        topic_id: str,
        text: str,
        attribution: Attribution,
        last_named: Attribution,
        members: dict[str, Attribution],
    ) -> Attribution:
        """Who a sentence speaks for (README rule 2: "a spokesman speaks for the body he
        represents"): a person named as "its chief executive, Maren Holt" speaks for the body
        named before, in this sentence and the story's later ones ("Holt said"); a sentence
        without attribution whose subject is a body already heard on the topic ("The Calveran
        Coast Guard ended its search, with 34 dead") gives that body's figures."""
        source = attribution.source
        for name, at in members_named(text):
            own = source is not None and same_source(source, name)
            body = last_named if own or not source else attribution
            subject = BODY_SUBJECT.match(text)
            if own and subject and subject.end() <= at:
                body = Attribution(source=subject.group(1))  # "The Air Force ..., its spokesman"
            if body.source and not same_source(body.source, name):
                members[name.lower()] = body
                members[name.split()[-1].lower()] = body
                if own and source is not None:
                    members[source.lower()] = body  # "Chief executive Anders Kolm said"
        if source and not attribution.via and source.lower() in members:
            return members[source.lower()]
        if source or attribution.via:
            return attribution
        bodies = self._bodies(topic_id)
        if not bodies:
            return attribution
        low = text.lower().removeprefix("the ")
        for voice, opening in bodies:
            if low.startswith(opening):
                return Attribution(source=voice)
        return attribution

    def _bodies(self, topic_id: str) -> list[tuple[str, str]]:
        """The topic's voices that may open a sentence as its subject, in name order, each
        with the opening it is said by: a name of two words or more ("Calveran Coast Guard",
        not "number of"), lower-cased, without "the ", and a space. Kept until the topic hears
        a new voice (voices are only ever added)."""
        voices = self._voices.get(topic_id, ())
        kept = self._bodies_memo.get(topic_id)
        if kept is not None and kept[0] == len(voices):
            return kept[1]
        bodies: list[tuple[str, str]] = []
        for voice in sorted(voices):
            name = voice.lower().removeprefix("the ")
            if voice[:1].isupper() and len(name.split()) >= 2:
                bodies.append((voice, name + " "))
        self._bodies_memo[topic_id] = (len(voices), bodies)
        return bodies

    def _anchor(self, run: Run, topic: Topic, whole: str) -> None:
        """What a story may teach the topic (claims are learned only from its own event): a
        story naming none of the topic's names ("Harrowmere", "Kessa") and no two keywords
        together ("dock strike") teaches nothing, as a common keyword alone lets a decoy in ("a
        jailbreak game", "the coast guard approved a ferry lane"); one naming one place and no
        event word teaches no counts ("the Moreni half marathon"); a thing the lexicon does not
        know ("12 guards", "48,700 rejected ballots") is learned only from a story naming the
        event, as nothing else ties it to the topic ("45,000 fans in Pyongyang")."""
        rx = self._names[topic.id]
        names = {m.group(0).lower() for m in rx.finditer(whole)}
        if rx.pattern != _NEVER and not names and not self._keyword_phrase(topic, whole):
            run.unnamed.add(topic.id)
            if self._at_known_place(topic, without_dates(whole)):
                run.placed[topic.id] = len(self._heard_order.get(topic.id, ()))
        words = self._event_words.get(topic.id)
        if words is None or topic.id not in self._eventful:
            run.unknown.add(topic.id)  # no event word to tie unknown things to the topic
        if words is not None and not any(not _figurative(whole, m) for m in words.finditer(whole)):
            run.unknown.add(topic.id)
            if topic.id in self._eventful:
                run.unevented.add(topic.id)  # money and rates need the event named
            if len(names) < 2:
                run.eventless.add(topic.id)

    def _keyword_phrase(self, topic: Topic, text: str) -> bool:
        """Two of the topic's keywords together: "rail strike", "rail strikers"."""
        hits = [
            (m.start(), m.end(), m.group(0).lower()) for m in self._gates[topic.id].finditer(text)
        ]
        return any(
            first != second and len(text[end:start].split()) <= KEYWORD_GAP
            for (_, end, first), (start, _, second) in pairwise(hits)
        )

    def _about(self, topic: Topic, whole: str) -> bool:
        """A story that names none of the topic's names is still about it when two of its
        keywords go together ("rail strike", "rail strikers") or when it names a source already
        heard on the topic ("the State Emergency Service"), or when it says two of them and a
        place the topic's own stories named ("the mayor of Alba" on a fire and evacuations); a
        lone common word ("a lightning strike", "a flood of orders") is not enough."""
        text = without_dates(whole)
        hits = [
            (m.start(), m.end(), m.group(0).lower()) for m in self._gates[topic.id].finditer(text)
        ]
        if not hits:
            return False
        for (_, end, first), (start, _, second) in pairwise(hits):
            if first != second and len(text[end:start].split()) <= KEYWORD_GAP:
                return True
        low = text.lower()
        if any(
            len(voice.split()) >= 2 and voice.lower() in low
            for voice in self._voices.get(topic.id, ())
        ):
            return True
        return self._at_known_place(topic, text, hits)

    def _at_known_place(
        self, topic: Topic, text: str, hits: list[tuple[int, int, str]] | None = None
    ) -> bool:
        """Two of the topic's keywords and a place its own stories named ("police detained
        2,300 for crossing the border from Dulmek ... an asylum claim"): the topic's event, as
        much as its name would say (`_about`, and what a story may teach: `_anchor`)."""
        if hits is None:
            hits = [
                (m.start(), m.end(), m.group(0).lower())
                for m in self._gates[topic.id].finditer(text)
            ]
        if len({word for _, _, word in hits}) < 2:
            return False
        places = self._places.get(topic.id, set()) - self._outlets
        return any(place in places for place in proper_names(text))

    def _vouched(self, run: Run, topic_id: str, attribution: Attribution) -> bool:
        """A story that names none of the topic's names but two of its keywords and a place its
        stories named teaches it what a source it had heard before this story says ("the
        interior ministry said" police detained 2,300 crossing the border from Dulmek): its
        own voice on its own event. A decoy's new voice (a game studio, a ferry operator) does
        not, even where the decoy says the same words and places."""
        heard = run.placed.get(topic_id)
        source = attribution.source
        if heard is None or not source or is_generic(attribution):
            return False
        return any(_same_source(source, v) for v in self._heard_order[topic_id][:heard])

    def _heard(self, topic_id: str, attribution: Attribution) -> bool:
        """Whether a source already heard on the topic says it: the State Emergency Service on
        houses damaged speaks of its floods even in a sentence that does not name them."""
        source = attribution.source
        if not source:
            return False
        voices = self._heard_order.get(topic_id, ())
        # voices are only ever added: a yes stays a yes, a no holds until the topic hears more,
        # and then only the voices heard since need asking about
        key = (topic_id, source)
        memo = self._heard_memo.get(key)
        if memo is not None and (memo[1] or memo[0] == len(voices)):
            return memo[1]
        since = 0 if memo is None else memo[0]
        heard = any(_same_source(source, known) for known in voices[since:])
        if len(self._heard_memo) >= HEARD_MEMO:
            self._heard_memo.clear()
        self._heard_memo[key] = (len(voices), heard)
        return heard

    def _process_sentence(
        self,
        run: Run,
        topic: Topic,
        sentence: Sentence,
        reading: Reading,
        attribution: Attribution,
        topical: bool,
        near: bool,
        entities: set[str],
    ) -> None:
        text = sentence.text
        sentence_masked, cue = reading.masked, reading.cue
        if not reading.matched and (cue is Stance.NEUTRAL or not near):
            return  # no figure to match ("up from 4,000" is the old value), no cue to judge
        if cue is Stance.DISPUTES and reading.matched and states_agreement(text):
            cue = Stance.NEUTRAL  # "its own tally showed 1,137, matching the prosecutors'"
        revision = reading.revision or (bool(reading.matched) and corrects_earlier(text))
        said = Said(text, attribution, cue, reading.evidence, reading.update, revision)
        matched = False
        earlier: dict[str, Figure] = {}  # claim id -> this sentence's last figure for it
        figures = reading.matched  # not the old values ("up from 4,000", "the rest of the …")
        hits = [self._index.best_for_figure(topic.id, f, sentence_masked) for f in figures]
        totals: set[int] = set()  # stated totals (an increment before made them)
        bases: dict[int, int] = {}  # what an increment was added to -> the increment
        for i, (figure, hit) in enumerate(zip(figures, hits, strict=True)):
            value = (figure.low, figure.high, figure.unit)
            if sentence.title and said_more(run.body_values.get(value), figure):
                continue  # the headline restates, in fewer words, a figure the body gave
            if i in bases:
                continue  # "a further 57, on top of the 412 it reported": the reference point
            if hit is not None and self._said_otherwise(run, hit[0].spec.id, figure, said):
                continue  # "200,000 hectares infested ... 45,000 sprayed": a part, or another
            if hit is not None:
                claim, score = hit
                further = is_increment(text, figure.span[0])
                later = next(
                    (j for j in range(i + 1, len(hits)) if (h := hits[j]) and h[0] is claim), None
                )
                more = later is not None and not further and is_more(text, figure)
                base: Figure | None = None
                if (further or more) and later is not None:
                    if is_stated_total(text, figure, figures[later]):
                        # "a further 14, bringing the number of dead to 23", "Two more died,
                        # bringing the toll to 16": the total, with the increment its support
                        totals.add(later)
                        continue
                    if further:
                        base = figures[later]  # "a further 96, after more than 400 were held"
                        bases[later] = i
                increment = further  # alone, "30,000 more troops" is the thing counted
                if near or score >= OFF_TOPIC_SCORE:
                    matched = True
                    step = said
                    added_to: Figure | None = None
                    if i in totals or (
                        not step.revision and self._moved(run, claim.spec.id, figure, text)
                    ):
                        # the total is the figure cited (README, shipwreck-04); "the number
                        # missing has fallen to 210": the count moved, said so
                        step = replace(said, update=True, revision=True)
                    elif increment:  # a further 4,000: a new total
                        figure, added_to = self._total(claim.spec.id, figure, text, earlier, base)
                        step = replace(said, update=True, revision=True)
                    earlier[claim.spec.id] = figure
                    if not sentence.title:
                        run.body_values[value] = figure
                    self._judge(run, claim, figure, step, score, sentence.title, added_to)
            elif (
                self._may_learn(run, sentence, near, cue)
                and (topic.id not in run.unnamed or self._vouched(run, topic.id, attribution))
                and (topic.id not in run.eventless or figure.unit != "count")
                and (topic.id not in run.unevented or figure.unit == "count")
                and (topic.id not in run.unknown or not is_open(figure))
                and in_topic(figure, topical, entities)
                and not is_capacity(text, figure.span[0])
                and not is_sample(text, figure.span[0], figure.span[1])
                and not is_poll_share(text, figure.unit)
            ):
                run.body_values[value] = figure
                further = is_increment(text, figure.span[0])
                back = self._restated(run, topic.id, figure, further) or (
                    self._attach and reattach(self, self._attach, run, topic.id, figure, said)
                )
                if back:  # an existing claim's figure after all: judged against it
                    matched = True
                    step, added_to = said, None
                    if further:  # "a further three deaths": a new total of that claim's
                        figure, added_to = self._total(back[0].spec.id, figure, text, earlier)
                        step = replace(said, update=True, revision=True)
                    earlier[back[0].spec.id] = figure
                    self._judge(run, back[0], figure, step, back[1], sentence.title, added_to)
                else:
                    moved = said.revision and any(
                        old.unit == figure.unit and old.period == figure.period
                        for old in reading.figures
                        if old not in reading.matched and old.span[0] != figure.span[0]
                    )  # "51 had now been arrested, up from 36": a change, told as one (not
                    # "3.9% in February from 4.4% in January": another period, README rule 6)
                    self._learn_claim(run, topic, figure, text, attribution, moved)
        if not matched and cue is Stance.DISPUTES and near:
            matched = self._set_against(run, topic, sentence, reading, said, hits)
        if matched or cue is Stance.NEUTRAL or not near:
            return
        if any(f.qualifier for f, h in zip(figures, hits, strict=True) if h is None):
            return  # "denied that 400 jobs at its wire plant would go": that place's, no claim's
        if sentence.title and any(f.statement.stance is cue for f in run.findings):
            return  # the headline of a denial the body already reported
        if cue is Stance.REFUTES and repeats_denial(text, reading.evidence):
            return  # "again denied", "repeated that ... was not true": nothing new (rule 2)
        # the clause the cue speaks of, without the topic's names: every claim of the topic
        # shares those ("the Kessel Hills wildfire"), so they say nothing of which one
        start, end = cue_clause_span(text, reading.evidence) if reading.evidence else (0, len(text))
        scope = self._names[topic.id].sub(" ", _BY_AGENT.sub(r"\1", text[start:end]))
        hit = (
            self._quoted_current(topic.id, reading, start, end)
            or self._named_quantity(topic.id, scope)
            or self._counted_of(topic.id, scope)
            or self._index.best_for_words(topic.id, scope, masked(scope))
        )
        if hit is None and cue is Stance.REFUTES and reading.evidence:
            hit = self._said_of(
                topic.id, self._names[topic.id].sub(" ", denied_proposition(text, reading.evidence))
            )
        if hit is None and cue is Stance.REFUTES:
            refuted = self._refuted_quantity(topic.id, text, reading.evidence, figures, hits)
            if refuted is not None:  # "a report that 1 million had crossed was untrue"
                self._judge(run, refuted[0], refuted[1], said, NUMBERLESS_SCORE, sentence.title)
                return
        if hit is None and run.last_claim and _ANAPHOR.search(scope):
            last = self._index.get(run.last_claim)  # "the figure was exaggerated"
            if last is not None and last.spec.topic == topic.id:
                hit = (last, NUMBERLESS_SCORE)
        if hit is not None:
            self._judge(run, hit[0], None, said, hit[1], sentence.title)

    def _set_against(
        self,
        run: Run,
        topic: Topic,
        sentence: Sentence,
        reading: Reading,
        said: Said,
        hits: list[tuple[IndexedClaim, float] | None],
    ) -> bool:
        """A figure given against a claim's current figure disputes that claim, whatever it
        counts ("put the crowd at 55,000, calling the police estimate of about 48,000 far too
        low"): the old value quoted (README rule 8's baseline) names the claim. Whether a
        figure matching no claim was judged so."""
        for old in reading.figures:
            if old in reading.matched:
                continue
            named = [
                claim
                for claim_id, current in self._current.items()
                if (claim := self._index.get(claim_id)) is not None
                and claim.spec.topic == topic.id
                and (current.figure.low, current.figure.high, current.figure.unit)
                == (old.low, old.high, old.unit)
            ]
            if len(named) != 1:
                continue  # no claim, or several, hold that figure now
            for figure, own in zip(reading.matched, hits, strict=True):
                if own is None and figure.unit == old.unit and not figures_agree(figure, old):
                    self._judge(run, named[0], figure, said, NUMBERLESS_SCORE, sentence.title)
                    return True
        return False

    def _refuted_quantity(
        self,
        topic_id: str,
        text: str,
        cue: str,
        figures: Sequence[Figure],
        hits: Sequence[tuple[IndexedClaim, float] | None],
    ) -> tuple[IndexedClaim, Figure] | None:
        """The claim a refuted figure that fits no claim's frame is a figure for ("a report that
        1 million migrants had crossed was untrue", "a report that 40 people had survived"): a
        rumour's figure carries its own words ("crossed", "survived"), so it is judged by what
        it counts: the one claim of the topic counting that thing, or, of several, the one
        naming no narrower group or event than the topic's own count."""
        for figure, hit in zip(figures, hits, strict=True):
            key = quantity_key(figure)
            if hit is not None or key is None or not cue_reaches(text, cue, figure.span[0]):
                continue
            pool = [c for c in self._index.by_counted(topic_id, key, figure.unit) if c.reference]
            if len(pool) > 1:
                pool = [
                    c
                    for c in pool
                    if c.reference is not None
                    and c.reference.scope in (None, figure.scope)
                    and c.reference.event is None
                    and c.reference.qualifier is None
                ]
            if len(pool) == 1:
                return pool[0], figure
        return None

    def _quoted_current(
        self, topic_id: str, reading: Reading, start: int, end: int
    ) -> tuple[IndexedClaim, float] | None:
        """The claim whose current figure a numberless doubt or denial quotes as what it doubts
        ("said the company's figure of about 40 sick crew members was far too low"): the old
        value in the cue's clause names the one claim holding that figure now."""
        for old in reading.figures:
            if old in reading.matched or not start <= old.span[0] < end:
                continue
            named = [
                claim
                for claim_id, current in self._current.items()
                if current.figure.text
                and (claim := self._index.get(claim_id)) is not None
                and claim.spec.topic == topic_id
                and (current.figure.low, current.figure.high, current.figure.unit)
                == (old.low, old.high, old.unit)
            ]
            if len(named) == 1:
                return named[0], NUMBERLESS_SCORE
        return None

    def _said_of(self, topic_id: str, proposition: str) -> tuple[IndexedClaim, float] | None:
        """The claim a denial without a figure takes back, by what it says is untrue: the one
        claim whose words hold most of the denied proposition's ("reports that negotiators had
        paid the gunmen were untrue": the claim learned from "negotiators paid the gunmen
        €2 million"), at least SAID_OF_SHARE of them and SAID_OF_WORDS or more, and more than
        any other claim. A denial of something no claim says gives nothing."""
        words = set(words_of(masked(proposition)))
        if len(words) < SAID_OF_WORDS:
            return None
        ranked = sorted(
            (
                (len(words.intersection(claim.words)), claim.spec.id, claim)
                for claim in self._index.candidates(topic_id, words)
            ),
            key=lambda t: (-t[0], t[1]),
        )
        if not ranked or ranked[0][0] < max(SAID_OF_WORDS, SAID_OF_SHARE * len(words)):
            return self._scope_said(topic_id, proposition, words)
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None  # two claims say it as much: too unsure to say which
        return ranked[0][2], NUMBERLESS_SCORE

    def _scope_said(
        self, topic_id: str, proposition: str, words: set[str]
    ) -> tuple[IndexedClaim, float] | None:
        """The one claim whose counted group the denied proposition names, as the ones the
        denied act befell, not as its doer: "hospitals had turned patients away" (the patients
        turned away), "2,000 workers were still trapped"; not "police had used live rounds"
        (the police acted: a count of injured police is not denied)."""
        low = proposition.lower()
        said = words | {lemma(w) for w in words}  # "the viaduct's piers": a claim's "pier"
        named = [
            c
            for c in self._index.candidates(topic_id, words)
            if c.reference is not None
            and c.reference.scope
            and set(c.reference.scope.split()) <= said
            and not _DOER.search(low.split(c.reference.scope.split()[-1], 1)[-1][:40])
        ]
        return (named[0], NUMBERLESS_SCORE) if len(named) == 1 else None

    def _counted_of(self, topic_id: str, scope: str) -> tuple[IndexedClaim, float] | None:
        """The claim a numberless denial or doubt names by the count it rejects: "the
        association's count of people who had fled", "its estimate of how many people had
        fallen ill", "Dorland's account of the troops already sent": what those counted did
        names the quantity (fled: displaced; sent, not pledged); when it names only people,
        the topic's count of people naming no narrower group or event."""
        m = _COUNT_OF.search(scope)
        if m is None:
            return None
        after = scope[m.end() : m.end() + 80]
        kinds = {h.value for h in find_phrases(after, COUNTED)}
        if len(kinds - {"people"}) == 1:
            kinds -= {"people"}
        if len(kinds) != 1:
            return None
        pool = self._index.by_counted(topic_id, kinds.pop(), "count")
        events = {h.value for h in find_phrases(after, EVENTS) if h.phrase not in MODIFIER_EVENTS}
        if events:  # "its account of the troops already sent": the troops sent, not pledged
            pool = [
                c
                for c in pool
                if c.reference is not None
                and c.reference.event in events
                and c.reference.scope is None
            ]
        elif len(pool) > 1:
            pool = [
                c
                for c in pool
                if c.reference is not None
                and c.reference.scope is None
                and c.reference.event in (None, "casualties")
                and c.reference.qualifier is None
            ]
        return (pool[0], NUMBERLESS_SCORE) if len(pool) == 1 else None

    def _named_quantity(self, topic_id: str, scope: str) -> tuple[IndexedClaim, float] | None:
        """The one claim a numberless clause names by what it says of the quantity: what befell
        the people ("how many had been crammed onto the boat": the number aboard), what a
        rate or an amount measures ("its flights were back on schedule": punctuality) or the
        noun of a thing the lexicon does not know ("no evidence of ballot stuffing"). More
        telling than shared words, which every claim of a story has ("the boat", "Kessa")."""
        events = {
            h.value for h in find_phrases(scope, EVENTS) if h.phrase not in MODIFIER_EVENTS
        } & PEOPLE_EVENTS
        sent_back = sent_back_in(scope.lower())
        if sent_back:
            events.add(sent_back[0])  # "pushing migrants back": the people pushed back
        measures = {h.value for h in find_phrases(scope, MEASURES)} - GENERIC_MEASURES
        named: list[IndexedClaim] = []
        for counted in ("people", "prisoners") if events else ():
            named += [
                c
                for c in self._index.by_counted(topic_id, counted, "count")
                if c.reference is not None and c.reference.event in events
            ]
        for measure in sorted(measures):
            for unit in _MEASURED_UNITS:
                named += self._index.by_counted(topic_id, measure, unit)
        groups = {h.value for h in find_phrases(scope, SUBGROUPS)}
        tolls = (
            {h.value for h in find_phrases(scope, COUNTED)} & CASUALTY_KINDS if groups else set()
        )
        for toll in sorted(tolls):  # "reports of guards' deaths": the guards killed, not others
            named += [
                c
                for c in self._index.by_counted(topic_id, toll, "count")
                if c.reference is not None and c.reference.scope in groups
            ]
        things = self._index.by_counted(topic_id, "units", "count")
        if things:  # "no evidence of ballot stuffing": the one claim counting ballots
            nouns = {lemma(w) for w in _WORD.findall(scope.lower())}
            named += [
                c
                for c in things
                if c.reference is not None
                and is_open(c.reference)
                and (c.reference.scope or "").split()[-1] in nouns
            ]
        if len(named) != 1:
            return None
        return named[0], NUMBERLESS_SCORE

    def _moved(self, run: Run, claim_id: str, figure: Figure, text: str) -> bool:
        """ "The number missing has fallen to 210": a count said to have moved is an update
        (README rule 3), asked only where it can change the verdict: the figure disagrees with
        the claim's current figure from another story."""
        start = figure.span[0]
        if "to " not in text[max(0, start - 40) : start]:
            return False  # no "rose to", "has fallen to" before it
        current = self._current.get(claim_id)
        return (
            current is not None
            and current.origin_key != run.origin
            and has_figure(current)
            and not figures_agree(figure, current.figure)
            and moved_to(text, figure)
        )

    def _restated(
        self, run: Run, topic_id: str, figure: Figure, further: bool = False
    ) -> tuple[IndexedClaim, float] | None:
        """The one claim of the topic counting the same thing whose current figure (from
        another story) this figure gives again: "officers had attended eleven deaths linked to
        the blackout" is the eleven deaths already tracked, not a new quantity; or, for an
        increment ("a further three deaths"), adds to."""
        if not figure.counted or figure.hedge is Hedge.VAGUE:
            return None
        same = []
        for claim in self._index.by_counted(topic_id, figure.counted, figure.unit):
            current = self._current.get(claim.spec.id)
            if (
                current is not None
                and current.origin_key != run.origin
                and has_figure(current)
                and current.figure.event == figure.event
                and (further or figures_agree(figure, current.figure))
            ):
                same.append(claim)
        return (same[0], NUMBERLESS_SCORE) if len(same) == 1 else None

    def _speaker_of(self, run: Run, said: Said) -> str:
        """`speaker` of a sentence's attribution, asked once a sentence (it reads names)."""
        held = self._last_speaker
        if held is not None and held[0] is said:
            return held[1]
        who = speaker(said.attribution, run.story.outlet)
        self._last_speaker = (said, who)
        return who

    def _said_otherwise(self, run: Run, claim_id: str, figure: Figure, said: Said) -> bool:
        """Whether this story's source already gave the claim another figure: one source does
        not give two values of one quantity in one report unless it says it revises one, so
        the second is another quantity ("about 200,000 hectares infested ... had sprayed
        about 45,000 hectares"; "2,000 passengers allowed off ... its count of 412 sick")."""
        sightings = self._sightings.get(claim_id)
        if not sightings or sightings[-1].origin_key != run.origin:
            return False  # the claim has no figure from this story yet
        if run.copy or said.revision or said.cue is not Stance.NEUTRAL:
            return False
        who: str | None = None
        for s in reversed(sightings):
            if s.origin_key != run.origin:
                break  # this story's sightings of the claim come last
            if not s.figure.text or s.stance is not Stance.SUPPORTS:
                continue
            if figures_agree(figure, s.figure):
                return False  # it restates one of them
            if who is None:
                who = self._speaker_of(run, said)
            if _same_source(speaker(s.attribution, s.outlet), who):
                # unless it adds to it or says the count moved ("rose to 31 overnight")
                return not (is_increment(said.text, figure.span[0]) or _moved_to(said.text, figure))
        return False

    def _total(
        self,
        claim_id: str,
        increment: Figure,
        text: str,
        earlier: dict[str, Figure],
        base: Figure | None = None,
    ) -> tuple[Figure, Figure | None]:
        """ "11,000 last year and a further 4,000": the increment becomes a total (15,000),
        added to the `base` the sentence names ("on top of the 412"), else to this sentence's
        earlier figure for the claim, else to its current figure. With what it was added to."""
        if base is None:
            current = self._current.get(claim_id)
            base = earlier.get(claim_id) or (
                current.figure if current and current.figure.text else None
            )
        total = add_increment(base, increment, text)
        return total, (base if total is not increment else None)

    def _may_learn(self, run: Run, sentence: Sentence, near: bool, cue: Stance) -> bool:
        """Claims are learned from original body sentences of a paragraph naming the topic,
        said plainly (and, by the caller, from stories that name the topic's event, of what
        happened rather than what could: not "the boat can carry up to 600")."""
        return (
            self._learn and near and not run.copy and not sentence.title and cue is Stance.NEUTRAL
        )

    def _judge(
        self,
        run: Run,
        claim: IndexedClaim,
        figure: Figure | None,
        said: Said,
        score: float,
        title: bool,
        added_to: Figure | None = None,
    ) -> None:
        story = run.story
        claim_id = claim.spec.id
        if title and claim_id in run.claims_seen and not _headline_refutes(run, claim_id, said):
            return  # the headline restates the body's report
        if (
            said.cue is Stance.REFUTES
            and figure is not None
            and not cue_reaches(said.text, said.evidence, figure.span[0])
        ):  # "said a report of €9bn was false, and repeated that 410,000 ...": not a denial
            said = replace(said, cue=Stance.NEUTRAL)  # of the figure outside its clause
        run.claims_seen.add(claim_id)
        if figure is not None:
            run.last_claim = claim_id
        current = self._current.get(claim_id)
        if current is not None and current.origin_key == run.origin:
            current = None  # only this story's own figures so far: nothing to compare with
        who = speaker(said.attribution, story.outlet)
        verdict = None
        if current is not None:
            own = figure is not None and _same_source(
                speaker(current.attribution, current.outlet), who
            )  # the current figure's own source (a configured claim's too) revises it
            verdict = judge(
                figure,
                said.cue,
                [current],
                story.published,
                update_cue=said.revision,
                own_source=own,
                framed=said.update,
                added_to=added_to,
            )
            if (
                figure is not None
                and verdict.kind in (FindingKind.DISPUTE, FindingKind.NEW_FIGURE)
                and said.cue is Stance.NEUTRAL
                and not said.revision
                and has_figure(current)
                and out_of_scale(figure, current.figure)
            ):
                return  # another quantity, not this claim's: no finding and no sighting
        stance = verdict.stance if verdict else Stance.SUPPORTS
        if verdict is None and said.cue is not Stance.NEUTRAL:
            stance = said.cue
        shown = figure or no_figure(claim)
        statement = Statement(
            said.text, (figure,) if figure else (), said.attribution, stance, claim_id, score
        )
        run.statements.append(statement)
        sighting = Sighting(
            shown,
            said.attribution,
            story.outlet,
            story.url,
            story.published,
            story.key,
            run.origin,
            stance,
        )
        before = Heard.of(self, claim.spec.topic, claim_id, said.attribution)
        self._record(run, claim_id, sighting)
        if run.copy or verdict is None:
            return
        if verdict.kind is FindingKind.NEW_CLAIM:
            verdict = replace(verdict, kind=FindingKind.NEW_FIGURE)
        if verdict.kind is FindingKind.NEW_FIGURE:
            self._current[claim_id] = sighting
        if outranked(run, claim_id, verdict.kind):
            return  # _emit would keep the story's earlier, as severe finding for the claim
        latest = self._current.get(claim_id)
        since = latest.published if latest and stance is Stance.REFUTES else None
        known = [
            s
            for s in self._sightings.get(claim_id, ())
            if s.origin_key != run.origin and s.story_key == s.origin_key  # originals only
        ]  # (the sighting just recorded is this origin's: never among them)
        if already_said(known, who, shown, stance, since):
            return  # the same source said it before: nothing new
        if verdict.kind is FindingKind.CORROBORATION and find_cue(said.text, RESTATEMENT_CUES):
            return  # "stands by its estimate": the claim's source again, not a new one
        if (
            self._gate is not None
            and verdict.kind is not FindingKind.NEW_FIGURE  # its sighting is the current figure
            and figure is not None  # doubt without a figure: four in the corpus, too few to learn
            and not self._gate.keep(
                verdict.kind,
                claim_id,
                lambda: features(self, run, claim, figure, said, score, current, before),
            )
        ):
            return  # the gate judged it a false alert: the sighting stays, nothing is said
        if verdict.kind is FindingKind.CONTRADICTION:
            figure = None  # the refuted number is what is denied, not a new figure
        sources = self._independent(claim_id, shown, stance)
        self._emit(run, claim, statement, figure, verdict, said.evidence, sources)

    def _record(self, run: Run, claim_id: str, sighting: Sighting) -> None:
        key = (claim_id, sighting.figure.low, sighting.figure.high, sighting.stance)
        if key in run.seen:
            return
        run.seen.add(key)
        self._add_sighting(claim_id, sighting)
        run.sightings.append((claim_id, sighting))
        claim = self._index.get(claim_id)
        if claim is not None and sighting.attribution.source:
            self._add_voice(claim.spec.topic, sighting.attribution.source)

    def _independent(self, claim_id: str, figure: Figure, stance: Stance) -> int:
        """Distinct speakers that said this (a syndicated copy or the same speaker quoted by
        another outlet counts once; configured baselines not at all)."""
        speakers: list[str] = []
        for s in self._sightings.get(claim_id, ()):
            if s.origin_key.startswith(BASELINE_PREFIX) or s.stance is not stance:
                continue
            if figure.text and s.figure.text and not figures_agree(figure, s.figure):
                continue
            name = speaker(s.attribution, s.outlet)
            if not any(_same_source(name, known) for known in speakers):
                speakers.append(name)
        return max(1, len(speakers))

    def _emit(
        self,
        run: Run,
        claim: IndexedClaim,
        statement: Statement,
        figure: Figure | None,
        verdict: Verdict,
        evidence: str,
        sources: int,
    ) -> None:
        """Add a finding, keeping one per claim per story: the most severe, else the first."""
        who = said_by(statement.attribution, run.story)
        finding = Finding(
            kind=verdict.kind,
            topic=claim.spec.topic,
            claim_id=claim.spec.id,
            claim_text=claim.spec.text,
            statement=statement,
            story=run.story,
            figure=figure,
            previous=verdict.previous,
            explanation=explain(verdict, figure, who, evidence, sources),
            may_be_update=verdict.may_be_update,
            origin_key=run.origin,
            independent_sources=sources,
        )
        at = run.finding_at.get(finding.claim_id)
        if at is not None:
            if finding.severity > run.findings[at].severity:
                run.findings[at] = finding
            return
        run.finding_at[finding.claim_id] = len(run.findings)
        run.findings.append(finding)

    def _learn_claim(
        self,
        run: Run,
        topic: Topic,
        figure: Figure,
        sentence: str,
        attribution: Attribution,
        moved: bool = False,
    ) -> None:
        """A claim for a quantity no claim covers, its figure the current one. Announced as a
        new claim; as a new figure when the sentence gives it as a change from an earlier
        value it names (`moved`: "51 arrested, up from 36"): the quantity was reported before,
        in stories the engine did not learn it from."""
        story = run.story
        claim_id = claim_id_for(topic.id, figure, self._index)
        silent = self._gate is not None and not self._gate.keep(
            FindingKind.NEW_CLAIM,
            claim_id,
            lambda: claim_features(self, run, topic.id, figure, sentence, attribution),
        )
        if silent and self._gate is not None and self._gate.drop_claims:
            return  # a figure judged no quantity of the topic's: not learned
        spec = ClaimSpec(
            id=claim_id,
            topic=topic.id,
            text=claim_text_for(figure, sentence),
            source=str(attribution) if attribution.source or attribution.via else story.outlet,
            date=story.published.date().isoformat() if story.published else None,
        )
        claim = self._add_claim(spec)
        run.new_claims.append(spec)
        run.last_claim = claim_id
        run.claims_seen.add(claim_id)
        statement = Statement(sentence, (figure,), attribution, Stance.SUPPORTS, claim_id, 1.0)
        run.statements.append(statement)
        sighting = Sighting(
            figure, attribution, story.outlet, story.url, story.published, story.key, run.origin
        )
        self._record(run, claim_id, sighting)
        self._current[claim_id] = sighting
        if not silent:
            kind = FindingKind.NEW_FIGURE if moved else FindingKind.NEW_CLAIM
            verdict = Verdict(kind, Stance.SUPPORTS, None)
            self._emit(run, claim, statement, figure, verdict, "", 1)


_NEVER = keyword_regex([]).pattern  # the pattern of no keywords, which matches nothing
_MEASURED_UNITS = (
    "percent",
    *sorted(set(CURRENCY_PREFIX.values()) | set(CURRENCY_WORDS.values())),
)

# A numberless doubt or denial of "the figure" speaks of the figure the story gave last.
_ANAPHOR = re.compile(
    r"\b(?:the|that|this|its|their|his|her)\s+(?:[a-z]+\s+)?(?:figure|estimate|number|count|"
    r"toll|tally|total|forecast|claim)\b"
)
_WORD = re.compile(r"[a-z][a-z-]+")
# The doer of a passive ("had been hit by Dorland's rockets"): what did the denied act, not
# what it befell, so no claim counting rockets is what a denial of the hit takes back.
_BY_AGENT = re.compile(
    r"\b((?:been|was|were|being)\s+[a-z]+)\s+by"
    r"(?:\s+(?!(?:on|in|at|near|during|after|before|and|or|when|while)\b)[\w'’-]+){1,4}"
)
# A group followed by an active verb did the act ("police had used", "troops fired"): the doer.
_DOER = re.compile(r"^\w*\s+(?:had\s+|have\s+|has\s+|did\s+)?(?!been\b)[a-z]+ed\b")
# "the association's count of people who had fled", "its estimate of how many had fallen ill"
_COUNT_OF = re.compile(
    r"\b(?:count|estimate|figure|number|tally|toll|total|account)s?\s+of\s+"
    r"(?:how\s+many|the\s+)?",
    re.IGNORECASE,
)


def _headline_refutes(run: Run, claim_id: str, said: Said) -> bool:
    """A headline that refutes what the body only disputes ("Hackers claim 2 million records;
    hospital group says 'false'" over a body giving the hackers' figure): the story's finding
    on the claim is the refutation, the most severe (README rule 9)."""
    at = run.finding_at.get(claim_id)
    return (
        said.cue is Stance.REFUTES
        and at is not None
        and run.findings[at].kind is FindingKind.DISPUTE
    )


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


def _baseline(claim: IndexedClaim) -> Sighting:
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
