"""The engine: stories in, statements, sightings and findings out. Pure: no I/O, no clock.

For each story: find its origin (syndication); gate it by topic keywords; split it into
sentences; for each sentence read the attribution, the figures and the stance cues; match each
figure to the claim counting the same quantity (or learn a claim); match numberless refuting or
disputing sentences to claims by their words; judge each statement against what the claim
already knows from *other* origins. Copies of an earlier story add sightings, never findings.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from bot.core.attribution import (
    attribution_of,
    is_generic,
    parse_attribution,
    same_source,
    speaker,
)
from bot.core.compare import Verdict, explain, figures_agree, judge
from bot.core.counted import find_entities, find_phrases, is_increment
from bot.core.figures import extract_figures
from bot.core.learning import claim_id_for, claim_text_for, learnable
from bot.core.lexicon import EVENTS, UPDATE_CUES
from bot.core.matching import ClaimIndex, IndexedClaim, masked, similarity, tokens
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
from bot.core.provenance import SyndicationIndex
from bot.core.reading import (
    Sentence,
    is_baseline_mention,
    keyword_regex,
    said_by,
    story_sentences,
)
from bot.core.stance import cue_stance, find_cue

log = logging.getLogger(__name__)

OFF_TOPIC_SCORE = 0.5  # a sentence far from topic keywords must say this much of the claim
NUMBERLESS_SCORE = 0.6  # a sentence without a figure must say this much of the claim
NUMBERLESS_WORDS = 3  # ... and share at least this many of its words
BASELINE_PREFIX = "claim:"


def reference_figure(text: str) -> Figure | None:
    """The figure a claim's text states: the first one that counts something."""
    figures = extract_figures(text)
    counted = [f for f in figures if f.counted]
    candidates = counted or figures
    return candidates[0] if candidates else None


def no_figure(claim: IndexedClaim) -> Figure:
    """The placeholder figure of a numberless statement (empty text, never a reference)."""
    counted = claim.reference.counted if claim.reference else None
    return Figure(0.0, float("inf"), Hedge.VAGUE, "", counted=counted)


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@dataclass
class _Run:
    """What one `process` call has gathered so far."""

    story: Story
    origin: str
    copy: bool
    statements: list[Statement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    new_claims: list[ClaimSpec] = field(default_factory=list)
    sightings: list[tuple[str, Sighting]] = field(default_factory=list)
    seen: set[tuple[str, float, float, str]] = field(default_factory=set)
    claims_seen: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Said:
    """One sentence's words: text, attribution and stance cues."""

    text: str
    attribution: Attribution
    cue: Stance
    evidence: str
    update: bool  # framed as an update ("now", "up from")


class Engine:
    """Claims, their sightings and recent story fingerprints, in memory."""

    def __init__(self, topics: Sequence[Topic], *, learn_claims: bool = True) -> None:
        self._topics = list(topics)
        self._learn = learn_claims
        self._gates = {t.id: keyword_regex(t.keywords) for t in self._topics}
        self._index = ClaimIndex()
        self._order: list[str] = []
        self._sightings: dict[str, list[Sighting]] = defaultdict(list)
        self._syndication = SyndicationIndex()
        for topic in self._topics:
            for spec in topic.claims:
                spec = spec if spec.topic == topic.id else replace(spec, topic=topic.id)
                claim = self._add_claim(spec)
                if claim.reference is not None:
                    self._sightings[spec.id].append(_baseline(claim))

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
            if sighting not in self._sightings[claim_id]:
                self._sightings[claim_id].append(sighting)
        for story, origin in stories:
            self._syndication.remember_story(story, origin)

    def claims(self) -> list[ClaimSpec]:
        return [claim.spec for claim in map(self._index.get, self._order) if claim is not None]

    def sightings(self, claim_id: str) -> list[Sighting]:
        return list(self._sightings.get(claim_id, ()))

    def _add_claim(self, spec: ClaimSpec) -> IndexedClaim:
        claim = self._index.add(spec, reference_figure(spec.text))
        self._order.append(spec.id)
        return claim

    # --- processing ------------------------------------------------------------------------

    def process(self, story: Story) -> StoryResult:
        origin = self._syndication.origin_of(story)
        run = _Run(story, origin, copy=origin != story.key)
        whole = f"{story.title}\n{story.text}"
        topics = [t for t in self._topics if self._gates[t.id].search(whole)]
        if topics:
            sentences = story_sentences(story)
            for topic in topics:
                self._process_topic(run, topic, sentences)
        return StoryResult(
            story=story,
            origin_key=origin,
            statements=tuple(run.statements),
            findings=tuple(run.findings),
            new_claims=tuple(run.new_claims),
            sightings=tuple(run.sightings),
        )

    def _process_topic(self, run: _Run, topic: Topic, sentences: list[Sentence]) -> None:
        gate = self._gates[topic.id]
        entities = {hit.value for hit in find_entities(" ; ".join(topic.keywords))}
        said_in = {s.paragraph for s in sentences if gate.search(s.text)}
        if 0 in said_in:
            said_in.add(1)  # the lead paragraph continues the title
        last_named = Attribution()
        for sentence in sentences:
            attribution = attribution_of(sentence.text)
            if is_generic(attribution) and (last_named.source or last_named.via):
                attribution = last_named  # "the report said" -> the report named before
            elif (attribution.source or attribution.via) and not sentence.title:
                last_named = attribution
            topical = bool(gate.search(sentence.text))
            near = topical or sentence.paragraph in said_in
            self._process_sentence(run, topic, sentence, attribution, topical, near, entities)

    def _process_sentence(
        self,
        run: _Run,
        topic: Topic,
        sentence: Sentence,
        attribution: Attribution,
        topical: bool,
        near: bool,
        entities: set[str],
    ) -> None:
        text = sentence.text
        figures = extract_figures(text)
        sentence_masked = masked(text)
        cue, evidence = cue_stance(text)
        said = _Said(text, attribution, cue, evidence, bool(find_cue(text, UPDATE_CUES)))
        matched = False
        earlier: dict[str, Figure] = {}  # claim id -> this sentence's last figure for it
        for figure in figures:
            if is_baseline_mention(text, figure):
                continue  # "up from 4,000", "rather than the 30,000": the old value
            hit = self._index.best_for_figure(topic.id, figure, sentence_masked)
            if hit is not None:
                claim, score = hit
                if near or score >= OFF_TOPIC_SCORE:
                    matched = True
                    step = said
                    if is_increment(text, figure.span[0]):  # a further 4,000: a new total
                        figure = self._total(claim.spec.id, figure, text, earlier)
                        step = replace(said, update=True)
                    earlier[claim.spec.id] = figure
                    self._judge(run, claim, figure, step, score, sentence.title)
            elif self._may_learn(run, sentence, topical, cue) and _in_topic(figure, entities):
                self._learn_claim(run, topic, figure, text, attribution)
        if matched or cue is Stance.NEUTRAL or not near:
            return
        if sentence.title and any(f.statement.stance is cue for f in run.findings):
            return  # the headline of a denial the body already reported
        best: tuple[tuple[float, bool, int], IndexedClaim] | None = None
        words = set(tokens(text)) - {"#"}
        events = {hit.value for hit in find_phrases(text, EVENTS)}
        for claim in self._index.candidates(topic.id, words):
            score = similarity(claim.masked, sentence_masked)
            shared = len(words & set(claim.masked.split()))
            same_event = bool(claim.reference and claim.reference.event in events)
            rank = (score, same_event, shared)
            if (
                score >= NUMBERLESS_SCORE
                and shared >= NUMBERLESS_WORDS
                and (best is None or rank > best[0])
            ):
                best = (rank, claim)
        if best is not None:
            self._judge(run, best[1], None, said, best[0][0], sentence.title)

    def _total(
        self, claim_id: str, increment: Figure, text: str, earlier: dict[str, Figure]
    ) -> Figure:
        """ "11,000 last year and a further 4,000": the increment becomes a total (15,000)."""
        base = earlier.get(claim_id)
        if base is None:
            supports = [
                s.figure
                for s in self._sightings[claim_id]
                if s.stance is Stance.SUPPORTS and s.figure.text
            ]
            base = supports[-1] if supports else None
        if base is None or math.isinf(base.high):
            return increment
        start = text.lower().rfind(" ", 0, max(0, increment.span[0] - 1))
        start = text.lower().rfind(" ", 0, max(0, start)) + 1  # "a further 4,000"
        return replace(
            increment,
            low=base.low + increment.low,
            high=base.high + increment.high,
            text=text[start : increment.span[1]],
            span=(start, increment.span[1]),
        )

    def _may_learn(self, run: _Run, sentence: Sentence, topical: bool, cue: Stance) -> bool:
        """Claims are learned from original body sentences naming the topic, said plainly."""
        return (
            self._learn
            and topical
            and not run.copy
            and not sentence.title
            and cue is Stance.NEUTRAL
        )

    def _judge(
        self,
        run: _Run,
        claim: IndexedClaim,
        figure: Figure | None,
        said: _Said,
        score: float,
        title: bool,
    ) -> None:
        story = run.story
        claim_id = claim.spec.id
        if title and claim_id in run.claims_seen:
            return  # the headline restates the body's report
        run.claims_seen.add(claim_id)
        known = [
            s
            for s in self._sightings[claim_id]
            if s.origin_key != run.origin and s.story_key == s.origin_key  # originals only
        ]
        if figure is not None and not any(s.stance is Stance.SUPPORTS for s in known):
            known = []  # only this story's own figures so far: nothing to compare with
        verdict = None
        if known:
            verdict = judge(figure, said.cue, known, story.published, update_cue=said.update)
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
        self._record(run, claim_id, sighting)
        if run.copy or verdict is None:
            return
        if verdict.kind is FindingKind.NEW_CLAIM:
            verdict = replace(verdict, kind=FindingKind.NEW_FIGURE)
        who = speaker(said.attribution, story.outlet)
        if self._already_said(known, who, shown, stance):
            return  # the same source said it before: nothing new
        if verdict.kind is FindingKind.CONTRADICTION:
            figure = None  # the refuted number is what is denied, not a new figure
        sources = self._independent(claim_id, shown, stance)
        self._emit(run, claim, statement, figure, verdict, said.evidence, sources)

    def _record(self, run: _Run, claim_id: str, sighting: Sighting) -> None:
        key = (claim_id, sighting.figure.low, sighting.figure.high, str(sighting.stance))
        if key in run.seen:
            return
        run.seen.add(key)
        self._sightings[claim_id].append(sighting)
        run.sightings.append((claim_id, sighting))

    @staticmethod
    def _already_said(known: list[Sighting], who: str, figure: Figure, stance: Stance) -> bool:
        """Whether a non-baseline sighting from the same speaker said the same thing."""
        for s in known:
            if s.origin_key.startswith(BASELINE_PREFIX) or s.stance is not stance:
                continue
            if not same_source(speaker(s.attribution, s.outlet), who):
                continue
            if not figure.text or not s.figure.text or figures_agree(figure, s.figure):
                return True
        return False

    def _independent(self, claim_id: str, figure: Figure, stance: Stance) -> int:
        """Distinct origins (syndicated copies count once, baselines not at all) that said this."""
        origins = {
            s.origin_key
            for s in self._sightings[claim_id]
            if not s.origin_key.startswith(BASELINE_PREFIX)
            and s.stance is stance
            and (not figure.text or not s.figure.text or figures_agree(figure, s.figure))
        }
        return max(1, len(origins))

    def _emit(
        self,
        run: _Run,
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
        for i, other in enumerate(run.findings):
            if other.claim_id == finding.claim_id:
                if finding.severity > other.severity:
                    run.findings[i] = finding
                return
        run.findings.append(finding)

    def _learn_claim(
        self, run: _Run, topic: Topic, figure: Figure, sentence: str, attribution: Attribution
    ) -> None:
        story = run.story
        claim_id = claim_id_for(topic.id, figure, self._index)
        spec = ClaimSpec(
            id=claim_id,
            topic=topic.id,
            text=claim_text_for(figure, sentence),
            source=str(attribution) if attribution.source or attribution.via else story.outlet,
            date=story.published.date().isoformat() if story.published else None,
        )
        claim = self._add_claim(spec)
        run.new_claims.append(spec)
        run.claims_seen.add(claim_id)
        statement = Statement(sentence, (figure,), attribution, Stance.SUPPORTS, claim_id, 1.0)
        run.statements.append(statement)
        sighting = Sighting(
            figure, attribution, story.outlet, story.url, story.published, story.key, run.origin
        )
        self._record(run, claim_id, sighting)
        verdict = Verdict(FindingKind.NEW_CLAIM, Stance.SUPPORTS, None)
        self._emit(run, claim, statement, figure, verdict, "", 1)


def _in_topic(figure: Figure, entities: set[str]) -> bool:
    """A learnable figure whose parties, when known, include one of the topic's entities."""
    if not learnable(figure):
        return False
    parties = {p for p in (figure.actor, figure.recipient) if p}
    return not parties or not entities or bool(parties & entities)


def _baseline(claim: IndexedClaim) -> Sighting:
    spec = claim.spec
    assert claim.reference is not None
    attribution = parse_attribution(spec.source)
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
