"""Judging one figure (or a numberless doubt) against a claim, and learning a claim: the
`Engine`'s methods that read and write the claims' sightings and current figures. `_judge`
compares a statement with the claim's current figure from other origins and asks the gate
(bot/core/gate.py) before a finding is emitted; `_learn_claim` adds a claim for a quantity no
claim covers; `_total` makes an increment a total; `_moved`, `_restated` and `_said_otherwise`
decide whether a figure updates, restates or is another quantity than a claim's; `_emit` keeps
one finding per claim per story. A mixin over `EngineState`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from bot.core.attribution import speaker
from bot.core.compare import (
    BASELINE_PREFIX,
    Verdict,
    add_increment,
    already_said,
    counts_done,
    counts_fuller,
    counts_now,
    counts_remaining,
    counts_running,
    explain,
    figures_agree,
    has_figure,
    in_state,
    judge,
    out_of_scale,
    settles_between,
)
from bot.core.cues import is_increment
from bot.core.enum_members import CONTRADICTION as _CONTRADICTION
from bot.core.enum_members import CORROBORATION as _CORROBORATION
from bot.core.enum_members import DISPUTE as _DISPUTE
from bot.core.enum_members import NEUTRAL as _NEUTRAL
from bot.core.enum_members import NEW_CLAIM as _NEW_CLAIM
from bot.core.enum_members import NEW_FIGURE as _NEW_FIGURE
from bot.core.enum_members import REFUTES as _REFUTES
from bot.core.enum_members import SUPPORTS as _SUPPORTS
from bot.core.enum_members import VAGUE as _VAGUE
from bot.core.gate import Heard, claim_features, features
from bot.core.learning import claim_id_for, claim_text_for
from bot.core.lexicon import RESTATEMENT_CUES
from bot.core.matching import NUMBERLESS_SCORE, RATE, IndexedClaim, told_apart
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    Finding,
    Sighting,
    Stance,
    Statement,
    Topic,
)
from bot.core.reading import Sentence, said_by
from bot.core.run import Run, Said, no_figure, outranked
from bot.core.stance import cue_reaches, find_cue, moved_to
from bot.core.state import EngineState, same_source_memo


def _moved_to(text: str, figure: Figure) -> bool:
    """`moved_to`, asked only when a "to" stands just before the figure ("rose to about 31")."""
    start = figure.span[0]
    return "to " in text[max(0, start - 40) : start] and moved_to(text, figure)


# A second verb of one subject, joined by "and" ("defended the count of 14.98 million and again
# rejected claims that ..."): what it denies is its own object, after it
_AND_VERB = re.compile(r"\band\s+(?:(?:again|also|then|once\s+more|[a-z]+ly)\s+)*$", re.IGNORECASE)


def _own_object_after(text: str, evidence: str, figure: Figure) -> bool:
    """Whether a denial's verb follows the figure as a second predicate of the subject ("The
    ministry confirmed 40 deaths and denied reports of looting"): the figure is what the first
    verb said, not what the second denies."""
    if not evidence or " and " not in text:
        return False
    end = figure.span[1]
    at = text.lower().find(evidence.lower(), end)
    return at >= 0 and bool(_AND_VERB.search(text, end, at))


def _headline_refutes(run: Run, claim_id: str, said: Said) -> bool:
    """A headline that refutes what the body only disputes ("Hackers claim 2 million records;
    hospital group says 'false'" over a body giving the hackers' figure): the story's finding
    on the claim is the refutation, the most severe (README rule 9)."""
    at = run.finding_at.get(claim_id)
    return said.cue is _REFUTES and at is not None and run.findings[at].kind is _DISPUTE


class Judging(EngineState):
    """The `Engine`'s judging of statements against claims, and its learning of claims."""

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
        self, run: Run, topic_id: str, figure: Figure, further: bool = False, text: str = ""
    ) -> tuple[IndexedClaim, float] | None:
        """The one claim of the topic counting the same thing whose current figure (from
        another story) this figure gives again: "officers had attended eleven deaths linked to
        the blackout" is the eleven deaths already tracked, not a new quantity; or, for an
        increment ("a further three deaths"), adds to."""
        if not figure.counted or figure.hedge is _VAGUE:
            return None
        same = []
        for claim in self._index.by_counted(topic_id, figure.counted, figure.unit):
            current = self._current.get(claim.spec.id)
            if (
                current is not None
                and current.origin_key != run.origin
                and has_figure(current)
                and (
                    current.figure.event == figure.event
                    or (further and figure.event is None)  # "a further four brought out alive"
                )
                and (further or figures_agree(figure, current.figure))
                and (current.figure.period == RATE) == (figure.period == RATE)
                and not (text and told_apart(text, figure, claim))
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
        if run.copy or said.revision or said.cue is not _NEUTRAL:
            return False
        who: str | None = None
        for s in reversed(sightings):
            if s.origin_key != run.origin:
                break  # this story's sightings of the claim come last
            if not s.figure.text or s.stance is not _SUPPORTS:
                continue
            if figures_agree(figure, s.figure):
                return False  # it restates one of them
            if who is None:
                who = self._speaker_of(run, said)
            if same_source_memo(speaker(s.attribution, s.outlet), who):
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
        return self._learn and near and not run.copy and not sentence.title and cue is _NEUTRAL

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
            said.cue is _REFUTES
            and figure is not None
            and not cue_reaches(said.text, said.evidence, figure.span[0])
        ) or (
            said.cue is _REFUTES
            and figure is not None
            and _own_object_after(said.text, said.evidence, figure)
        ):  # "said a report of €9bn was false, and repeated that 410,000 ...": not a denial
            said = replace(said, cue=_NEUTRAL)  # of the figure outside its clause
        run.claims_seen.add(claim_id)
        if figure is not None:
            run.last_claim = claim_id
        current = self._current.get(claim_id)
        if current is not None and current.origin_key == run.origin:
            current = None  # only this story's own figures so far: nothing to compare with
        who = speaker(said.attribution, story.outlet)
        verdict = None
        if current is not None:
            own = figure is not None and same_source_memo(
                speaker(current.attribution, current.outlet), who
            )  # the current figure's own source (a configured claim's too) revises it
            running = figure is not None and (
                (figure.unit == "count" and counts_running(claim.spec.text))
                or counts_now(said.text, figure)  # "have now fallen ill": where it got to
            )
            judged = partial(
                judge,
                figure,
                said.cue,
                [current],
                story.published,
                update_cue=said.revision,
                own_source=own,
                framed=said.update
                or (
                    figure is not None and (counts_fuller(said.text) or settles_between(said.text))
                ),
                added_to=added_to,
                remaining=figure is not None
                and figure.unit == "count"
                and in_state(claim.spec.text)
                and counts_remaining(said.text, figure),
            )
            verdict = judged(running=running)
            if (
                verdict.kind is _DISPUTE
                and figure is not None
                and not running
                and counts_done(said.text, figure)
            ):  # "was back in service": work done, asked only of what would be a dispute
                verdict = judged(running=True)
            if (
                figure is not None
                and verdict.kind in (_DISPUTE, _NEW_FIGURE)
                and said.cue is _NEUTRAL
                and not said.revision
                and has_figure(current)
                and out_of_scale(figure, current.figure)
            ):
                return  # another quantity, not this claim's: no finding and no sighting
        stance = verdict.stance if verdict else _SUPPORTS
        if verdict is None and said.cue is not _NEUTRAL:
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
        before = Heard.of(self._known, claim.spec.topic, claim_id, said.attribution)
        self._record(run, claim_id, sighting)
        if run.copy or verdict is None:
            return
        if verdict.kind is _NEW_CLAIM:
            verdict = replace(verdict, kind=_NEW_FIGURE)
        if verdict.kind is _NEW_FIGURE:
            self._current[claim_id] = sighting
        if outranked(run, claim_id, verdict.kind):
            return  # _emit would keep the story's earlier, as severe finding for the claim
        latest = self._current.get(claim_id)
        since = latest.published if latest and stance is _REFUTES else None
        known = [
            s
            for s in self._sightings.get(claim_id, ())
            if s.origin_key != run.origin and s.story_key == s.origin_key  # originals only
        ]  # (the sighting just recorded is this origin's: never among them)
        moved_from = verdict.kind is _NEW_FIGURE and added_to is not None
        if not moved_from and already_said(known, who, shown, stance, since):
            return  # the same source said it before: nothing new (not a figure it says moved
            # from what it said: "Some 86%, up from 78%" is news however wide "some" is)
        if verdict.kind is _CORROBORATION and find_cue(said.text, RESTATEMENT_CUES):
            return  # "stands by its estimate": the claim's source again, not a new one
        if (
            self._gate is not None
            and verdict.kind is not _NEW_FIGURE  # its sighting is the current figure
            and figure is not None  # doubt without a figure: four in the corpus, too few to learn
            and not self._gate.keep(
                verdict.kind,
                claim_id,
                lambda: features(self._known, run, claim, figure, said, score, current, before),
            )
        ):
            return  # the gate judged it a false alert: the sighting stays, nothing is said
        if verdict.kind is _CONTRADICTION:
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
            if not any(same_source_memo(name, known) for known in speakers):
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
            _NEW_CLAIM,
            claim_id,
            lambda: claim_features(self._known, run, topic.id, figure, sentence, attribution),
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
        statement = Statement(sentence, (figure,), attribution, _SUPPORTS, claim_id, 1.0)
        run.statements.append(statement)
        sighting = Sighting(
            figure, attribution, story.outlet, story.url, story.published, story.key, run.origin
        )
        self._record(run, claim_id, sighting)
        self._current[claim_id] = sighting
        if not silent:
            kind = _NEW_FIGURE if moved else _NEW_CLAIM
            verdict = Verdict(kind, _SUPPORTS, None)
            self._emit(run, claim, statement, figure, verdict, "", 1)
