"""The engine: stories in, statements, sightings and findings out. Pure: no I/O, no clock.

For each story: find its origin (syndication); gate it by topic keywords; split it into
sentences; for each sentence read the attribution, the figures and the stance cues; match each
figure to the claim counting the same quantity (or learn a claim); match numberless refuting or
disputing sentences to claims by their words; judge each statement against what the claim
already knows from *other* origins. Copies of an earlier story add sightings, never findings.

This module holds the `Engine`'s public surface (construction, `restore`, `track`, `untrack`,
`claims`, `sightings`, `process`) and the reading of a story's topics and sentences. Its parts:
bot/core/state.py (the state they share, baselines and `moves_current`), bot/core/topical.py
(what a story is about and who speaks in it), bot/core/judging.py (judging a figure against a
claim, learning a claim), bot/core/targets.py (the claim a numberless denial speaks of) and
bot/core/known.py (what the learned parts, gate.py and attach.py, read of the claims).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from bot.core.attach import Attacher, reattach
from bot.core.attach_weights import ATTACH
from bot.core.attribution import is_generic
from bot.core.carried import carry_counted
from bot.core.clues import lead_body, names_event, proper_names, said_more
from bot.core.compare import (
    corrects_earlier,
    figures_agree,
    has_figure,
    is_more,
    is_stated_total,
    states_agreement,
)
from bot.core.cues import is_capacity, is_increment, is_poll_share, is_sample
from bot.core.enum_members import DISPUTES as _DISPUTES
from bot.core.enum_members import NEUTRAL as _NEUTRAL
from bot.core.enum_members import REFUTES as _REFUTES
from bot.core.gate import Gate
from bot.core.gate_weights import GATE
from bot.core.judging import Judging
from bot.core.known import Known
from bot.core.learning import in_topic, not_the_events
from bot.core.matching import (
    NUMBERLESS_SCORE,
    PLANNED,
    ClaimIndex,
    IndexedClaim,
    deed,
    masked,
    quantity_key,
    told_apart,
)
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    Sighting,
    Story,
    StoryResult,
    Topic,
)
from bot.core.phrases import find_entities
from bot.core.provenance import SyndicationIndex
from bot.core.reading import (
    KeywordIndex,
    Sentence,
    keyword_regex,
    story_sentences,
    without_dates,
)
from bot.core.run import Reading, Run, Said, read_sentence
from bot.core.scopes import is_open
from bot.core.stance import cue_clause_span, cue_reaches, denied_proposition, repeats_denial
from bot.core.state import baseline, moves_current
from bot.core.targets import counted_of, named_quantity, quoted_current, refuted_quantity, said_of
from bot.core.topical import Topical

__all__ = ["Engine", "moves_current"]

log = logging.getLogger(__name__)

OFF_TOPIC_SCORE = 0.5  # a sentence far from topic keywords must say this much of the claim
READ_CACHE = 4096  # sentences whose reading is remembered across stories

# A numberless doubt or denial of "the figure" speaks of the figure the story gave last.
_ANAPHOR = re.compile(
    r"\b(?:the|that|this|its|their|his|her)\s+(?:[a-z]+\s+)?(?:figure|estimate|number|count|"
    r"toll|tally|total|forecast|claim)\b"
)
# The doer of a passive ("had been hit by Dorland's rockets"): what did the denied act, not
# what it befell, so no claim counting rockets is what a denial of the hit takes back.
_BY_AGENT = re.compile(
    r"\b((?:been|was|were|being)\s+[a-z]+)\s+by"
    r"(?:\s+(?!(?:on|in|at|near|during|after|before|and|or|when|while)\b)[\w'’-]+){1,4}"
)


class Engine(Topical, Judging):
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
        self._topic_at = defaultdict(list)  # topic id -> its places
        for i, t in enumerate(self._topics):
            self._topic_at[t.id].append(i)
        self._learn = learn_claims
        self._gates = {t.id: keyword_regex(t.keywords) for t in self._topics}
        self._entities = {}  # topic id -> the entities its keywords name
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
        self._order = []
        # claim id -> its sightings (a tuple while it holds one: most claims only ever hold
        # their baseline, and a list costs twice as much)
        self._sightings = {}
        self._last_speaker = None  # `_speaker_of`'s last answer
        self._current = {}  # claim id -> its current figure (rule 1)
        self._voices = defaultdict(set)  # topic id -> sources heard on it
        self._heard_order = defaultdict(list)  # the same, in order heard
        self._known = Known(self._index, self._order, self._sightings, self._current, self._voices)
        self._places = defaultdict(set)  # topic id -> names in its stories
        self._outlets = set()  # outlets' names are no place of any topic
        self._heard_memo = {}  # (topic, source) -> _heard
        self._bodies_memo = {}  # see _bodies
        self._syndication = SyndicationIndex()
        self._reader = lru_cache(maxsize=READ_CACHE)(read_sentence)
        for topic in self._topics:
            for spec in topic.claims:
                spec = spec if spec.topic == topic.id else replace(spec, topic=topic.id)
                claim = self._add_claim(spec)
                self._hear(spec)
                if claim.reference is not None:
                    self._current[spec.id] = self._add_sighting(spec.id, baseline(claim))
        # topics with common words among their keywords ("strike", "flood")
        self._loose = [t for t in self._topics if any(k[:1].islower() for k in t.keywords)]

    @property
    def known(self) -> Known:
        """What the engine knows of its claims, as its learned parts read it (live)."""
        return self._known

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

    def track(self, spec: ClaimSpec) -> None:
        """Start matching a claim added by command (`/track`); its own figure is the baseline."""
        if spec.id in self._index:
            return
        claim = self._add_claim(spec)
        self._hear(spec)
        if claim.reference is not None:
            self._current[spec.id] = self._add_sighting(spec.id, baseline(claim))

    def untrack(self, claim_id: str) -> None:
        """Stop matching a claim (`/untrack`); what was seen of it stays in the store."""
        if self._index.remove(claim_id) is not None:
            self._order.remove(claim_id)
            self._current.pop(claim_id, None)

    def claims(self) -> list[ClaimSpec]:
        return [claim.spec for claim in map(self._index.get, self._order) if claim is not None]

    def sightings(self, claim_id: str) -> list[Sighting]:
        return list(self._sightings.get(claim_id, ()))

    # --- processing ------------------------------------------------------------------------

    def process(self, story: Story) -> StoryResult:
        origin = self._syndication.origin_of(story)
        run = Run(story, origin, origin != story.key, self._reader)
        whole = f"{story.title}\n{story.text}"
        self._outlets.add(story.outlet.lower())
        named = self._keywords.topics_in(whole)
        # the story without its dates, read once for all the topics that ask (`_about`, `_anchor`)
        dateless = without_dates(whole) if self._loose else None
        about = named | {
            t.id for t in self._loose if t.id not in named and self._about(t, whole, dateless)
        }
        # the topics it is about in configured order, without a pass over all of them
        places = sorted(i for topic_id in about for i in self._topic_at.get(topic_id, ()))
        topics = [self._topics[i] for i in places]
        for topic in topics:
            self._anchor(run, topic, whole, dateless)
        if topics:
            sentences = story_sentences(story)
            # read once for every topic: a bare figure's kind is the story's (`_carried`)
            readings = _carried([run.read(s.text) for s in sentences], sentences)
            for topic in topics:
                own = topic.id in named and not run.copy
                self._process_topic(run, topic, sentences, readings, own)
        return StoryResult(
            story=story,
            origin_key=origin,
            statements=tuple(run.statements),
            findings=tuple(run.findings),
            new_claims=tuple(run.new_claims),
            sightings=tuple(run.sightings),
        )

    def _process_topic(
        self,
        run: Run,
        topic: Topic,
        sentences: list[Sentence],
        readings: list[Reading],
        named: bool = False,
    ) -> None:
        gate = self._gates[topic.id]
        entities = self._entities.get(topic.id)
        if entities is None:
            entities = {hit.value for hit in find_entities(" ; ".join(topic.keywords))}
            self._entities[topic.id] = entities
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
            if not reading.matched and reading.cue is _NEUTRAL:
                continue  # nothing to match or judge: `_process_sentence` would return at once
            topical = named or self._heard(topic.id, attribution)
            near = topical or sentence.paragraph in said_in
            self._process_sentence(
                run, topic, sentence, reading, attribution, topical, near, entities
            )

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
        if not reading.matched and (cue is _NEUTRAL or not near):
            return  # no figure to match ("up from 4,000" is the old value), no cue to judge
        agrees = states_agreement(text)  # asked twice below: read once
        if cue is _DISPUTES and reading.matched and agrees:
            cue = _NEUTRAL  # "its own tally showed 1,137, matching the prosecutors'"
        revision = reading.revision or (bool(reading.matched) and corrects_earlier(text))
        said = Said(text, attribution, cue, reading.evidence, reading.update, revision)
        matched = False
        earlier: dict[str, Figure] = {}  # claim id -> this sentence's last figure for it
        figures = reading.matched  # not the old values ("up from 4,000", "the rest of the …")
        hits = [self._index.best_for_figure(topic.id, f, sentence_masked) for f in figures]
        if any(hits):
            hits = [  # "2,000 passengers were allowed off" is not the passengers who fell ill
                None if h is not None and told_apart(text, f, h[0]) else h
                for f, h in zip(figures, hits, strict=True)
            ]
        if agrees:  # "13% higher ..., confirming the council's estimate"
            hits = [self._agreed(run, topic.id, f, h) for f, h in zip(figures, hits, strict=True)]
        summed = (
            _total_follows_increment(text, figures, hits)
            if len(figures) > 1 and (" to " in text or "total" in text)  # "bringing ... to 23"
            else set()
        )
        # "repeated that the report of 440 bodies was 'staged'": a denial said to be repeated
        # is old news with its figure as without one (README rule 2; the numberless path
        # below): the figures it denies are read, and judged against no claim
        repeated = (
            cue is _REFUTES and bool(reading.evidence) and repeats_denial(text, reading.evidence)
        )
        totals: set[int] = set()  # stated totals (an increment before made them)
        bases: dict[int, int] = {}  # what an increment was added to -> the increment
        for i, (figure, hit) in enumerate(zip(figures, hits, strict=True)):
            value = (figure.low, figure.high, figure.unit)
            if sentence.title and said_more(run.body_values.get(value), figure):
                continue  # the headline restates, in fewer words, a figure the body gave
            if i in bases or i in summed:
                continue  # "a further 57, on top of the 412 it reported": the reference point
            if hit is not None and self._said_otherwise(run, hit[0].spec.id, figure, said):
                continue  # "200,000 hectares infested ... 45,000 sprayed": a part, or another
            if hit is not None and repeated and cue_reaches(text, reading.evidence, figure.span[0]):
                matched = True
                continue
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
                    elif step.revision:  # "about 470,000, up from the 410,000": from there
                        added_to = _baseline_after(reading, figure)
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
                and not not_the_events(text, figure)
            ):
                run.body_values[value] = figure
                further = is_increment(text, figure.span[0])
                back = self._restated(run, topic.id, figure, further, text) or (
                    self._attach
                    and reattach(self._known, self._attach, run, topic.id, figure, said)
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
                    # "a further 148 officers": an increment presupposes a count reported
                    # before, in a story the engine did not learn it from: a change (rule 7);
                    # not one still planned ("will send an additional 30,000 troops": a plan)
                    moved = (further and deed(text, figure) != PLANNED) or (
                        said.revision
                        and any(
                            old.unit == figure.unit and old.period == figure.period
                            for old in reading.figures
                            if old not in reading.matched and old.span[0] != figure.span[0]
                        )
                    )  # "51 had now been arrested, up from 36": a change, told as one (not
                    # "3.9% in February from 4.4% in January": another period, README rule 6)
                    self._learn_claim(run, topic, figure, text, attribution, moved)
        if not matched and cue is _DISPUTES and near:
            matched = self._set_against(run, topic, sentence, reading, said, hits)
        if matched or cue is _NEUTRAL or not near:
            return
        if any(f.qualifier for f, h in zip(figures, hits, strict=True) if h is None):
            return  # "denied that 400 jobs at its wire plant would go": that place's, no claim's
        if sentence.title and any(f.statement.stance is cue for f in run.findings):
            return  # the headline of a denial the body already reported
        if repeated:
            return  # "again denied", "repeated that ... was not true": nothing new (rule 2)
        # the clause the cue speaks of, without the topic's names: every claim of the topic
        # shares those ("the Kessel Hills wildfire"), so they say nothing of which one
        start, end = cue_clause_span(text, reading.evidence) if reading.evidence else (0, len(text))
        scope = self._names[topic.id].sub(" ", _BY_AGENT.sub(r"\1", text[start:end]))
        hit = (
            quoted_current(self._index, self._current, topic.id, reading, start, end)
            or named_quantity(self._index, topic.id, scope)
            or counted_of(self._index, topic.id, scope)
            or self._index.best_for_words(topic.id, scope, masked(scope))
        )
        if hit is None and cue is _REFUTES and reading.evidence:
            hit = said_of(
                self._index,
                topic.id,
                self._names[topic.id].sub(" ", denied_proposition(text, reading.evidence)),
            )
        if hit is None and cue is _REFUTES:
            refuted = refuted_quantity(self._index, topic.id, text, reading.evidence, figures, hits)
            if refuted is not None:  # "a report that 1 million had crossed was untrue"
                self._judge(run, refuted[0], refuted[1], said, NUMBERLESS_SCORE, sentence.title)
                return
        if hit is None and run.last_claim and _ANAPHOR.search(scope):
            last = self._index.get(run.last_claim)  # "the figure was exaggerated"
            if last is not None and last.spec.topic == topic.id:
                hit = (last, NUMBERLESS_SCORE)
        if hit is not None and _other_unit_in(figures, hits, hit[0], start, end):
            return  # "called false a claim that 50% of doctors had left": that share's, no count's
        if hit is not None:
            self._judge(run, hit[0], None, said, hit[1], sentence.title)

    def _agreed(
        self, run: Run, topic_id: str, figure: Figure, hit: tuple[IndexedClaim, float] | None
    ) -> tuple[IndexedClaim, float] | None:
        """The claim a figure said to agree with another's estimate ("confirming the World Food
        Council's estimate") is about: the one claim of the topic, of the figure's unit, whose
        current figure (from another story) it agrees with, when the claim the words found
        (if any) holds a figure it does not agree with. A sentence that says it confirms an
        estimate gives that estimate's quantity, whatever measure word it uses."""
        if hit is not None:
            current = self._current.get(hit[0].spec.id)
            if current is None or not has_figure(current) or figures_agree(figure, current.figure):
                return hit
        agreeing = [
            claim
            for claim_id, current in self._current.items()
            if current.origin_key != run.origin
            and has_figure(current)
            and current.figure.unit == figure.unit
            and figures_agree(figure, current.figure)
            and (claim := self._index.get(claim_id)) is not None
            and claim.spec.topic == topic_id
        ]
        return (agreeing[0], NUMBERLESS_SCORE) if len(agreeing) == 1 else hit

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


def _other_unit_in(
    figures: Sequence[Figure],
    hits: Sequence[tuple[IndexedClaim, float] | None],
    claim: IndexedClaim,
    start: int,
    end: int,
) -> bool:
    """Whether the clause a cue speaks of holds a figure no claim took, in another unit than
    the claim its words found: the doubt or denial is of that figure ("a claim that 50% of
    doctors had left" is no figure of the 6,850 doctors who emigrated), not of the claim."""
    reference = claim.reference
    return reference is not None and any(
        h is None and f.unit != reference.unit and start <= f.span[0] < end
        for f, h in zip(figures, hits, strict=True)
    )


def _total_follows_increment(
    text: str, figures: Sequence[Figure], hits: list[tuple[IndexedClaim, float] | None]
) -> set[int]:
    """ "A further four people were admitted ..., bringing to 23 the number it has admitted":
    the stated total counts what the increment counts, so the two are one claim's, whichever
    of them the words found a claim for (README rule 7; the caller cites the total). The
    increments neither found a claim for: the total alone speaks (is judged or learned)."""
    summed: set[int] = set()
    for i, figure in enumerate(figures):
        if not (is_increment(text, figure.span[0]) or is_more(text, figure)):
            continue
        key = quantity_key(figure)
        for j in range(i + 1, len(figures)):
            total = figures[j]
            if quantity_key(total) != key or total.unit != figure.unit:
                continue
            if is_stated_total(text, figure, total):
                if hits[i] is not None:
                    hits[j] = hits[i]
                elif hits[j] is not None:
                    hits[i] = hits[j]
                else:
                    summed.add(i)
            break
    return summed


def _baseline_after(reading: Reading, figure: Figure) -> Figure | None:
    """The old value a revised figure is measured from, named right after it ("about 470,000
    depositors, up from the 410,000 first counted"; "almost €3.7bn, not the €3.2bn first
    reported"): the figure moved from there, so when that is the claim's latest figure the new
    one is an update however wide the two hedges (`judge`'s `added_to`, README rules 3 and 7)."""
    key = quantity_key(figure)
    old = next((f for f in reading.figures if f.span[0] > figure.span[0]), None)
    if old is None or old in reading.matched or old.unit != figure.unit:
        return None  # the next figure is a new one of its own, or of another unit
    return old if quantity_key(old) in (None, key) else None


def _carried(readings: list[Reading], sentences: list[Sentence]) -> list[Reading]:
    """The readings with a bare figure given the counted kind of the earlier figure of the
    story the text ties it to (`carry_counted`), in the sentence before it at the furthest."""
    carried = carry_counted(
        [s.text for s in sentences], [s.title for s in sentences], [r.figures for r in readings]
    )
    out = []
    for reading, figures in zip(readings, carried, strict=True):
        if figures == reading.figures:
            out.append(reading)
            continue
        new = {id(old): figure for old, figure in zip(reading.figures, figures, strict=True)}
        matched = tuple(new.get(id(figure), figure) for figure in reading.matched)
        out.append(replace(reading, figures=figures, matched=matched))
    return out
