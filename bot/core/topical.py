"""What a story is about, and who speaks in it, on each topic: whether a story that names
none of a topic's names is still about it (`_about`: two keywords together, a voice already
heard, a place the topic's stories named), what it may teach the topic (`_anchor`), whether a
source speaks for a body or was heard on the topic before (`_speaks_for`, `_heard`,
`_vouched`), and the places a topic's original stories name (`_learn_places`). Methods of the
`Engine` (a mixin over `EngineState`): they read the topics' keyword patterns, voices, places
and memos.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.core.attribution import is_generic, same_source
from bot.core.clues import BODY_SUBJECT, members_named, proper_names, titled_named
from bot.core.model import Attribution, Story, Topic
from bot.core.names import word_set
from bot.core.reading import keyword_regex, story_sentences, without_dates
from bot.core.run import Run
from bot.core.state import EngineState, same_source_memo

KEYWORD_GAP = 0  # words between two keywords that make one phrase ("rail strike")
HEARD_MEMO = 100_000  # (topic, source) answers of _heard kept
_NEVER = keyword_regex([]).pattern  # the pattern of no keywords, which matches nothing
_INDEFINITE = re.compile(r"\ban?\s+$", re.I)
_BUSINESS = frozenset({"company", "firm"})  # a speaker that is the business the story is about
# A sentence whose subject is "It" or "They" doing something, not "It was the worst storm":
# the speaker of the sentence before (the body named before, else the lead's) goes on.
_ACTING_PRONOUN = re.compile(
    r"(?:It|They)\s+(?!(?:is|was|were|are|will\s+be|would\s+be|could\s+be|may\s+be|"
    r"might\s+be|has\s+been|have\s+been|had\s+been|seems?|seemed|remains?|remained|took|"
    r"takes?|comes?|came|means?|meant)\b)[a-z]"
)
# An office named after a service's trade: "Chief Fire Officer Dana Marek", "fire chief Anneke
# Roos", "Police chief Oskar Brenn", "the city's police chief, Commander Rasa Oduya".
_TRADE_OFFICE = re.compile(
    r"\b(?:[Cc]hief\s+)?(?P<trade>[Ff]ire|[Pp]olice)\s+(?:[Oo]fficer|[Cc]hief|[Cc]ommissioner)\b"
    r"(?:,?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}))?"
)
# Words that make a voice a person of a body, not the body ("police spokeswoman Ilse Varga").
_PERSON_ROLES = word_set(
    "spokesman spokeswoman spokesperson chief officer commander commissioner inspector "
    "official officials"
)
_OF_WHAT = re.compile(r"\s+of\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)", re.I)


def _figurative(text: str, word: re.Match[str]) -> bool:
    """An event word as a measure of plenty names no event: "a blast of 4,500 fireworks", "a
    flood of orders", "an explosion of colour" (not "a blast at the plant", "an explosion of a
    fuel tank")."""
    return bool(
        _INDEFINITE.search(text, max(0, word.start() - 4), word.start())
        and _OF_WHAT.match(text, word.end())
    )


# A capitalised word that goes on into a name: "Doctor Vantage", "Coup de Grace".
_NAME_GOES_ON = re.compile(r"\s+(?:(?:de|del|la|le|du|von|van|of|the)\s+)?[A-Z][a-z]")
# A capitalised word before, which makes the event word part of a name it does not open ("the
# Vessen Viaduct", "the Open Graves Forensic Initiative"); an article opening a sentence is none.
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|Its|This|That)\s)[A-Z][\w'’-]*[^\S\n]+$")


def _in_name(text: str, word: re.Match[str]) -> bool:
    """An event word opening a proper name names that thing, not the event: "the television
    series Doctor Vantage", "Coup de Grace, which opened in January". A name it closes or sits
    inside is still of its kind or on the event ("the Vessen Viaduct", "the Open Graves Forensic
    Initiative"), and one it does not go on from is the word itself ("Coup attempt crushed",
    "Grave 14"); a headline in capitals says nothing."""
    found = word.group(0)
    if not found[:1].isupper() or found.isupper():
        return False
    if not _NAME_GOES_ON.match(text, word.end()):
        return False
    if _NAME_BEFORE.search(text, max(0, word.start() - 40), word.start()):
        return False
    return not _title_case(text, word.start())


_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _title_case(text: str, at: int) -> bool:
    """Whether the line holding `at` capitalises every word of four letters or more, as a
    headline in title case does ("Strike Halts Port", "Flood Toll Rises To 41"): its capitals
    say nothing of a name, as a headline in capitals says nothing."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _LONG_WORD.findall(text, start, len(text) if end < 0 else end)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


class Topical(EngineState):
    """The `Engine`'s reading of what a story is about and who speaks in it, per topic."""

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
        Coast Guard ended its search, with 34 dead") gives that body's figures. A person named
        with an office ("Interior Minister Halina Voss") is that office in the story's later
        sentences ("Voss told reporters"); "the company" is the body named before, else the
        lead's, and so is a sentence's "It" or "They" that acts ("It could not rule out")."""
        source = attribution.source
        for name, titled in titled_named(text):  # "Interior Minister Halina Voss": a later "Voss"
            for key in (name.lower(), name.split()[-1].lower()):
                members.setdefault(key, Attribution(source=titled))
        if "ire " in text or "olice " in text:  # "Chief Fire Officer Dana Marek": the service
            self._trade_members(topic_id, text, source, members)
        if source and last_named.source and source.lower().removeprefix("the ") in _BUSINESS:
            return last_named  # "The company said": the company named before, or the lead's
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
        if last_named.source and _ACTING_PRONOUN.match(text):
            return last_named  # "It could not rule out that ...": the speaker before goes on
        bodies = self._bodies(topic_id)
        if not bodies:
            return attribution
        low = text.lower().removeprefix("the ")
        for voice, opening in bodies:
            if low.startswith(opening):
                return Attribution(source=voice)
        return attribution

    def _trade_members(
        self, topic_id: str, text: str, source: str | None, members: dict[str, Attribution]
    ) -> None:
        """An officer named after a service's trade speaks for the one body of that trade
        heard on the topic (README rule 2): "Chief Fire Officer Dana Marek" (and a later
        "Marek said", or "the fire chief") for "the Saltbridge Fire and Rescue Service",
        "police chief Oskar Brenn" for "Velk regional police"."""
        for m in _TRADE_OFFICE.finditer(text):
            trade = m.group("trade").lower()
            voices = sorted(
                (
                    v
                    for v in self._voices.get(topic_id, ())
                    if trade in (words := v.lower().split()) and not _PERSON_ROLES & set(words)
                ),
                key=len,
            )  # the bodies of that trade ("Tarnholm Police", "police"), not their people
            if not voices or not all(same_source_memo(v, voices[-1]) for v in voices):
                continue  # no body of that trade heard, or two different ones
            body = Attribution(source=voices[-1])
            name = m.group("name")
            if name:
                members.setdefault(name.lower(), body)
                members.setdefault(name.split()[-1].lower(), body)
            office, said_by = m.group(0).lower(), (source or "").lower()
            if said_by and (office in said_by or said_by in office):
                members.setdefault(said_by, body)  # "the fire chief said", "Chief Fire ..."

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

    def _anchor(self, run: Run, topic: Topic, whole: str, dateless: str | None = None) -> None:
        """What a story may teach the topic (claims are learned only from its own event): a
        story naming none of the topic's names ("Harrowmere", "Kessa") and no two keywords
        together ("dock strike") teaches nothing, as a common keyword alone lets a decoy in ("a
        jailbreak game", "the coast guard approved a ferry lane"); one naming one place and no
        event word teaches no counts ("the Moreni half marathon"); a thing the lexicon does not
        know ("12 guards", "48,700 rejected ballots") is learned only from a story naming the
        event, as nothing else ties it to the topic ("45,000 fans in Pyongyang"). `dateless` is
        `without_dates(whole)` when the caller has it."""
        rx = self._names[topic.id]
        names = {m.group(0).lower() for m in rx.finditer(whole)}
        if rx.pattern != _NEVER and not names and not self._keyword_phrase(topic, whole):
            run.unnamed.add(topic.id)
            if self._at_known_place(topic, without_dates(whole) if dateless is None else dateless):
                run.placed[topic.id] = len(self._heard_order.get(topic.id, ()))
        words = self._event_words.get(topic.id)
        if words is None or topic.id not in self._eventful:
            run.unknown.add(topic.id)  # no event word to tie unknown things to the topic
        if words is not None and not any(
            not _figurative(whole, m) and not _in_name(whole, m) for m in words.finditer(whole)
        ):
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

    def _about(self, topic: Topic, whole: str, dateless: str | None = None) -> bool:
        """A story that names none of the topic's names is still about it when two of its
        keywords go together ("rail strike", "rail strikers") or when it names a source already
        heard on the topic ("the State Emergency Service"), or when it says two of them and a
        place the topic's own stories named ("the mayor of Alba" on a fire and evacuations); a
        lone common word ("a lightning strike", "a flood of orders") is not enough. `dateless`
        is `without_dates(whole)` when the caller has it (read once a story, not once a topic)."""
        text = without_dates(whole) if dateless is None else dateless
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
        return any(same_source_memo(source, v) for v in self._heard_order[topic_id][:heard])

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
        heard = any(same_source_memo(source, known) for known in voices[since:])
        if len(self._heard_memo) >= HEARD_MEMO:
            self._heard_memo.clear()
        self._heard_memo[key] = (len(voices), heard)
        return heard
