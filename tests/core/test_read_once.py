"""The quick tests that let reading a sentence skip a regex (perf 15a) say what the regex says:
on news sentences, at every position, wherever the regex would match, the test lets it run."""

from __future__ import annotations

from bot.core import figures, frames, phrases, speakers, words
from bot.core.lexicon import ENTITIES

SENTENCES = [
    "Rescuers recovered the bodies of a further four villagers on Tuesday, the governor said.",
    "The army said it had killed 320 fighters and captured another 41 in the offensive.",
    "Gunmen shot dead 12 people and wounded all 30 passengers aboard the bus.",
    "The deaths of 88 civilians, including 14 children, were confirmed by the hospital.",
    "Tests have confirmed 212 of the cases, and doctors diagnosed a further 17 on Friday.",
    "Forces fire up to 20,000 shells a day and launched 40 drones overnight, officials said.",
    "The toll rose to 131, up from the 46 reported by the fire service; not 41, as first said.",
    "Severin Mining's figure of 41 was well above the official estimate of about 30.",
    "Output was 3.1 million tonnes against a forecast of 3.4 million tonnes, versus 2.9 in May.",
    "Imports came to $14bn vs. the expected $12bn, against the average of 11.",
    "Leona Park, 52, said she had waited since March; a boy, 10, and a girl, 8, were hurt.",
    "The company laid off 8,000 workers, compared with 5,000 last year, but hired 300 more.",
    "Dorland now holds five Varnian soldiers and about 1,100 civilians remain in captivity.",
    "The jet carried 78 people – not 71 – when it crashed near the airport.",
    "Officials said that 2,000 homes were damaged · 300 destroyed, while 40 schools closed.",
    "The Fund approved An Additional 250 million dollars and a fresh 40 million in loans.",
    "Among them were 61 stranded hikers, of whom 14 were taken to hospital.",
    "(killed 300) and injured 41, the report said, though the count is disputed.",
    "A video watched more than 4 million times shows 200,000 people at the march.",
    "The ministry put the crowd at 35,000, than the 50,000 the organisers claimed.",
    "Police   arrested    another   76    protesters overnight.",
    "Évacués : 1 200 personnes, selon la préfecture; a further 300 in Zürich.",
]


def _positions(text: str) -> range:
    return range(len(text) + 1)


def test_clause_breaks_are_the_regex_matches() -> None:
    found = 0
    for sentence in SENTENCES:
        low = sentence.lower()
        expected = [m.start() for m in frames._CLAUSE_BREAK.finditer(low)]
        assert frames._clause_breaks(low) == expected, sentence
        found += len(expected)
    assert found >= 5


def test_age_apposition_needs_a_comma_at_the_end() -> None:
    found = 0
    for sentence in SENTENCES:
        for start in _positions(sentence):
            before = sentence[max(0, start - 40) : start]
            if figures._AGE_APPOSITION.search(before):
                found += 1
                assert "," in before[-3:], (sentence, start)
    assert found >= 3  # "Park, ", "boy, ", "girl, "


def test_scan_has_a_list_for_each_table() -> None:
    found = phrases._scan("the army said 300 troops were killed in the north")
    assert len(found) == len(phrases._SCANNED)
    assert [h.phrase for h in found[0]] == ["troops", "killed"]


def test_tokens_join_entities_as_before() -> None:
    text = "The U.S. Army said 300 more troops would go to Poland, NATO confirmed."
    low = text.lower()
    pieces, last = [], 0
    for hit in phrases.find_phrases(text, ENTITIES):  # what `tokens` read the entities with
        pieces += [low[last : hit.start], f" {hit.value} "]
        last = hit.end
    joined = "".join([*pieces, low[last:]])
    assert phrases.entity_hits(low) == phrases.find_phrases(text, ENTITIES) != []
    assert words.tokens(text) == [
        t for t in (words._token(w) for w in words._TOKEN.findall(joined)) if t
    ]
    assert words.tokens("no entity here, 300 troops") == ["entity", "here", "#", "troops"]


SPOKEN = [
    "Analysts said Zaristar supplied 1,479 artillery rounds, the ministry reported on Monday.",
    "The agency, which estimates the toll at 300, told reporters it was saying nothing more.",
    "Officials expected 2,000 arrivals but put the figure at 1,500, a spokesman says.",
    "A group called Nullwave claimed the attack; police dismissed reports that 40 died.",
    "The mayor, who had previously denied the figure, later confirmed 61 deaths.",
    "Saying the count was incomplete, the ministry revised it and warned of more.",
    "Nobody speaks here: the bridge carries 40,000 cars a day across the river.",
]


def test_one_scan_finds_the_strong_verbs_then_the_weak() -> None:
    found = 0
    for sentence in SPOKEN + SENTENCES:
        low = sentence.lower() if sentence.isascii() else None
        expected = [
            (m.start(), m.group(0).lower())
            for rx in (speakers._STRONG, speakers._WEAK)
            for m in rx.finditer(sentence)
        ]
        got = [(m.start(), m.group(0).lower()) for m in speakers._verbs_in(sentence, low)]
        assert got == expected, sentence
        found += len(expected)
    assert found >= 20
    said = "Officials expected 2,000 arrivals but put the figure at 1,500, a spokesman says."
    assert [m.group(0) for m in speakers._verbs_in(said, said.lower())] == [
        "says",
        "expected",
        "put",
    ]


def test_speakers_found_by_the_one_scan() -> None:
    said = [speakers.speaker(text, None, text.lower()) for text in SPOKEN]
    assert [found[0] if found else None for found in said] == [
        "Analysts",
        "agency",
        "spokesman",
        "group called Nullwave",
        "mayor",
        "ministry",
        None,
    ]
    text = "Officials from the Sabrel Fire and Rescue Service said 40 were hurt."
    assert speakers.subject_before(text, text.index(" said")) == (
        "Officials from the Sabrel Fire and Rescue Service",
        (0, 49),
    )
    text = "The firemen and the police said 40 were hurt."
    assert speakers.subject_before(text, text.index(" said")) == ("police", (16, 26))
