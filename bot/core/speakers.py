"""The speaker of a speech verb: the verbs, strong (said, told) before weak (expects), and
the noun phrase that speaks them: before the verb ("X said", "X on Monday rejected"), after
it ("..., said X"), the sentence's subject ("X apologised and said", "..., saying") or a
name and its role ("X, the Y, said"). Verbs that speak of nobody ("were reported", "so-called",
"put the harvest at risk") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.core.names import ARTICLES_WORDS, DIGIT, DOCUMENT, PRONOUNS, cited, clean, word_set
from bot.core.trie import first_char_guard, trie_pattern

STRONG_VERBS = (
    "said|says|say|told|tells|reported|reports|stated|states|announced|claimed|claims|wrote|"
    "writes|added|confirmed|confirms|denied|denies|insisted|disclosed|revealed|briefed"
)
WEAK_VERBS = (
    "estimated|estimates|assessed|assesses|believes|warned|expects|expected|noted|cited|repeated|"
    "revised|revises|raised|lowered|corrected|updated|saying|counted|calculated|reckoned|"
    "projected|forecast|predicted|fined|dismissed|rejected|refuted|disputed|retracted|"
    "questioned|dismisses|rejects|refutes|disputes|called|calls|described|describes|put|puts"
)
# Verbs that speak only of a statement or a figure: "called the report false", "described the
# figure as exaggerated", "put the crowd at about 35,000"; not "a group called Nullwave",
# "called for calm", "described the scene", "put the harvest at risk".
_OBJECT_VERBS = frozenset({"called", "calls", "described", "describes"})
_ESTIMATE_VERBS = frozenset({"put", "puts"})
_STATEMENT_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|these|those|this|that|such|all|both)\s+)?"
    r"(?:[\w'’.-]+\s+){0,4}?(?:reports?|claims?|figures?|estimates?|counts?|tally|tallies|"
    r"toll|account|accounts|story|stories|allegations?|statements?|numbers?|data|assessment|"
    r"accusations?|suggestions?|rumou?rs?|findings|posts?|videos?|articles?|messages?|it|them|"
    r"this|that)(?![\w-])"
)
_PUT_AT = re.compile(  # an object before "at": "losses put at $1.4bn" is a headline's passive
    r"\s+(?!at\b)[^.;:]{1,80}?\bat\s+(?:(?:about|around|some|roughly|approximately|nearly|"
    r"almost|more than|over|at least|up to|as many as|between|fewer than|less than|under|"
    r"just over|just under)\s+)?"
    r"(?:US\$|\$|€|£)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several|"
    r"hundreds|thousands|dozens|tens)\b)",
    re.I,
)
AUDIENCES = word_set(
    "lawmakers reporters journalists parliament legislators press briefing media members "
    "parliamentarians interrogators"
)
_CLAUSE_WORDS = word_set("that as while because which when if after before and but so since where")
_RELATIVE = word_set("who which whose whom")
_APPOSITIVE_RELATIVES = _RELATIVE | {"that"}
_AUXILIARIES = word_set(
    "also reportedly previously has had have did does do not would will could may might later "
    "then again separately both jointly already yesterday today tonight now formally publicly "
    "officially flatly firmly strongly swiftly quickly categorically repeatedly initially first "
    "earlier once never"
)
# A time said between a speaker and the verb: "Vallmora Resorts on Monday evening rejected".
_TIME_AFTER_NAME = re.compile(
    r"\s+in\s+the\s+past$|"
    r"\s+(?:(?:late|early|earlier|later)\s+)?(?:on|by|this|last)\s+(?:the\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|"
    r"night|week|weekend|month|year)(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_STRONG = re.compile(
    first_char_guard(STRONG_VERBS.split("|")) + r"\b(?:" + STRONG_VERBS + r")\b", re.I
)
_WEAK = re.compile(first_char_guard(WEAK_VERBS.split("|")) + r"\b(?:" + WEAK_VERBS + r")\b", re.I)
# The same verbs, as tries over a lower-cased ASCII text (the same positions, one path per
# position instead of one attempt per verb)
_STRONG_LOW = re.compile(
    first_char_guard(STRONG_VERBS.split("|"))
    + r"\b(?:"
    + trie_pattern(STRONG_VERBS.split("|"))
    + r")\b"
)
_WEAK_LOW = re.compile(
    first_char_guard(WEAK_VERBS.split("|"))
    + r"\b(?:"
    + trie_pattern(WEAK_VERBS.split("|"))
    + r")\b"
)
# Both kinds of verb, for one scan of a lower-cased ASCII sentence (`_verbs_in`).
_STRONG_SET = frozenset(STRONG_VERBS.split("|"))
_VERBS_LOW = re.compile(
    first_char_guard([*STRONG_VERBS.split("|"), *WEAK_VERBS.split("|")])
    + r"\b(?:"
    + trie_pattern([*STRONG_VERBS.split("|"), *WEAK_VERBS.split("|")])
    + r")\b"
)


def _verbs_in(sentence: str, low: str | None) -> Iterator[re.Match[str]]:
    """What `_STRONG`, then `_WEAK`, find in `sentence` (`low` lower-cased, when it is ASCII).

    In `low`, one scan for both kinds: every verb is one word of letters, so a match is a whole
    word, the word where each regex of its own kind matches; the strong ones are yielded as they
    are met (most sentences' speaker is the first), the weak ones kept for after the scan."""
    if low is None:
        yield from _STRONG.finditer(sentence)
        yield from _WEAK.finditer(sentence)
        return
    weak = []
    for verb in _VERBS_LOW.finditer(low):
        if verb.group(0) in _STRONG_SET:
            yield verb
        else:
            weak.append(verb)
    yield from weak


_ANY_VERB = re.compile(r"\b(?:" + STRONG_VERBS + "|" + WEAK_VERBS + r")\b", re.I)
_AFTER_VERB = re.compile(r"\s*(?P<src>[^,.;:]+?)(?=[,.;:]|$)")
_LETTER = re.compile(r"[A-Za-z]")
_NONSPACE = re.compile(r"\S+")
_VERBISH = word_set(
    "is are was were be been has have had will would could may might can should must shall "
    "did does do"
)


_BARE_VERBS = frozenset({"deny", "confirm", "dismiss", "reject", "refute", "dispute", "question"})
_PASSIVE_AUX = word_set("was were been being is are be")
_PASSIVE_ADVERBS = word_set("now still also already not widely first initially later since")
# A word after which a verb form is a noun or an adjective ("the number of confirmed dead",
# "declined to comment on reports that") or an infinitive ("declined to say"): nobody speaks.
_MODIFIER_WORDS = word_set(
    "of the a an its their his her to on about amid despite after following over against with "
    "for in these those such any"
)


def _adverb(word: str) -> bool:
    """ "now", "widely": a word between an auxiliary and a participle ("are now expected")."""
    return word in _PASSIVE_ADVERBS or (word.endswith("ly") and word.isalpha())


def _previous_words(sentence: str, pos: int) -> list[str]:
    """The (at most two) words right before `pos`, lower-cased, when whitespace precedes it;
    else none (each check on them is of a word, a space, then the verb)."""
    if pos == 0 or not sentence[pos - 1].isspace():
        return []
    start = max(0, pos - 30)
    words = sentence[start:pos].lower().split()
    if start and not sentence[start - 1].isspace() and words:
        words = words[1:]  # a word cut by the window
    return words[-2:]


def speaker(
    sentence: str, exclude: tuple[int, int] | None = None, low: str | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The speaker of the first speech verb that has one; `low` is the sentence lower-cased
    when it is ASCII (the verbs are then found in it, at the same positions)."""
    for verb in _verbs_in(sentence, low):
        if exclude and exclude[0] <= verb.start() < exclude[1]:
            continue
        prev = _previous_words(sentence, verb.start())
        if prev and (
            prev[-1] in _PASSIVE_AUX
            or (len(prev) > 1 and prev[-2] in _PASSIVE_AUX and _adverb(prev[-1]))
        ):
            continue  # "new ruptures were reported", "are now expected": nobody speaks
        if prev and prev[-1] in _MODIFIER_WORDS:
            continue  # "the number of confirmed dead", "declined to say": not a speech verb
        if prev and prev[-1].endswith(("'s", "’s", "s'", "s’")):
            continue  # "the ministry's revised toll": an adjective after a possessive
        word = verb.group(0).lower()
        if prev and word.endswith("s") and (_is_verb_word(prev[-1]) or prev[-1] in _BARE_VERBS):
            continue  # "dismissed reports that", "denied claims": a noun after a verb
        if sentence.startswith(" by ", verb.end()):
            continue  # "the share announced by its rivals": a participle, not a speaker's verb
        if word in _OBJECT_VERBS and (
            sentence[verb.start() - 1 : verb.start()] == "-"  # "so-called"
            or not _STATEMENT_OBJECT.match(sentence, verb.end())
        ):
            continue  # "a group called Nullwave", "called for calm": no statement judged
        if word in _ESTIMATE_VERBS and not _PUT_AT.match(sentence, verb.end()):
            continue  # "put the harvest at risk": no figure put on anything
        found = None
        if word == "saying":  # "..., saying the ruins were": who says is the sentence's subject
            found = _sentence_subject(sentence)
            if found:
                return found
            continue
        before_verb = sentence[: verb.start()].rstrip()
        if before_verb.endswith(","):
            apposed = _apposed(sentence, verb.start())
        elif "," in before_verb[-70:]:  # "X, head of Y, on Monday again rejected"
            lead = _lead_end(sentence, verb.start())
            apposed = _apposed(sentence, lead) if sentence[:lead].rstrip().endswith(",") else None
        else:
            apposed = None
        if apposed:  # "Dr Kaia Stenn, its medical director, said": the name before
            return apposed
        if before_verb.rstrip("\"'”’").endswith(","):  # ', said X
            found = _subject_after(sentence, verb.end())
        joined = verb.group(0).lower() == "saying" or _AND_BEFORE.search(
            sentence, max(0, verb.start() - 20), verb.start()
        )
        if not found and joined:  # "X ... and said"; "X, head of Y, ... and again rejected"
            opening = _APPOSED_OPENING.match(sentence, 0, verb.start())
            role = opening and _apposed(sentence, opening.end())
            found = (
                (role if role and _SPEAKS_FOR.search(role[0]) else None)  # whom a role speaks for
                or _sentence_subject(sentence)
                or _opening_name(sentence)
            )
        found = found or subject_before(sentence, verb.start())
        if (
            not found
            and len(prev) == 2
            and prev[-1] in ("it", "they")
            and prev[0] in ("that", "which", "as")
        ):
            found = _pronoun_subject(sentence, prev[-1])  # "... images that it says show"
        if found:
            return found
    return None


_TRAILING_WORD = re.compile(r"\s+([A-Za-z]+)$")


def _lead_end(sentence: str, pos: int) -> int:
    """Where the words before a speech verb at `pos` end once a time and adverbs said between
    the speaker and the verb are left out: "Maren Holt, head of the office, on Wednesday again
    rejected" -> after "office,". The apposed name and role stand before it."""
    end = pos
    for _ in range(4):
        head = sentence[:end].rstrip()
        if head.endswith(",") or "," not in head[-70:]:
            break  # the role's comma is here, or nowhere near: nothing to leave out
        time = _TIME_AFTER_NAME.search(head, max(0, len(head) - 45))
        if time:
            end = time.start()
            continue
        word = _TRAILING_WORD.search(head)
        if word and word.group(1).lower() in _AUXILIARIES:
            end = word.start()
            continue
        break
    return end


# A sentence opening with a name, maybe after an article and what it is: "The environmental
# group Halvic Watch on Sunday gave ..."
_OPENING_NAME = re.compile(
    r"(?P<src>(?:The\s+)?(?:[a-z-]+\s+){0,3}?(?:[A-Z][\w'’&-]+\s+){0,4}[A-Z][\w'’&-]+)(?=\s+[a-z])"
)


def _pronoun_subject(sentence: str, pronoun: str) -> tuple[str, tuple[int, int]] | None:
    """Whom "it" or "they" of a clause ("that it says") stands for: the name the sentence opens
    with ("The environmental group Halvic Watch gave prosecutors images that it says show")."""
    found = _opening_name(sentence)
    if found and pronoun == "it" and found[0].endswith("s") and found[0].split()[-1].islower():
        return None  # "it" is not "Hundreds of employees"
    return found


def _opening_name(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The name of two words or more a sentence opens with, before a lower-case word (its
    verb, whatever its form): "Mayor Jonas Thall read out ...", "The environmental group
    Halvic Watch on Sunday gave ..."."""
    m = _OPENING_NAME.match(sentence)
    if m is None:
        return None
    name = clean(m.group("src"))
    words = name.split()
    first = words[0].lower() if words else ""
    if len(words) < 2 or first in PRONOUNS or first in _OPENING_WORDS or DIGIT.search(name):
        return None  # "In Lorsa crowds gathered", "On Monday the ministry": not a name
    return name, m.span("src")


# A preposition after a participle that opens a phrase: "compiled from", "based on", "seen by".
_PARTICIPLE_LINKS = word_set("from by on in at with for to into through")
_OPENING_WORDS = word_set(
    "in on at after before during since for from with by as under over across near inside "
    "outside until when while if although though despite amid last this next every"
)


_PARTICIPLE_PHRASE = re.compile(
    r"\s*(?:run|led|owned|backed|funded|chaired|founded|based|set up|hired|appointed|named|"
    r"headed|operated|managed|supported|[a-z]+ed)\s+(?:by|in|at|on|to|with|for)\s"
    r"|\s*[a-z]{2,}ing\s+(?:in|at|on|to|with|for|from|after)\s"
)  # "Holt, speaking at the fairgrounds in Wexham, said": what she did, not who she is
# "Dr Kaia Stenn, its medical director, said", "Its president, Mara Ilvesk, said": a name and
# its role, both before the verb (what follows the verb is what was said)
_APPOSED_OPENING = re.compile(r"[A-Z][^,;:\d\"“”]{0,60}?,\s+[^,;:\d\"“”]{1,60}?,\s*")
_APPOSED = re.compile(
    r"(?P<first>[A-Z][^,;:\d\"“”]{0,60}?),\s+(?P<second>[^,;:\d\"“”]{1,60}?),\s*$"
)


def _apposed(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The speaker of a sentence that opens with a name and its role ("X, the Y, said")."""
    m = _APPOSED.match(sentence, 0, pos)
    if not m:
        return None
    parts = [m.group("first"), m.group("second")]
    for i, part in enumerate(parts):
        words = part.split()
        role = i == 1 and words[0].lower() in ARTICLES_WORDS  # "the airline based in Venn"
        if _VERBISH & {w.lower() for w in words} or len(words) > (12 if role else 8):
            return None
        if words[0].lower() in PRONOUNS:
            return None
        if not role and any(w.islower() and w.endswith("ed") for w in words):
            return None
    role_of = _BODY_ROLE.match(parts[0].strip())
    if role_of and parts[1].strip()[:1].isupper():  # "A ministry spokesman, Karim Osk, said"
        start = m.start("first") + role_of.start("body")
        return role_of.group("body"), (start, start + len(role_of.group("body")))
    owned = _OWNED_ROLE.match(parts[0].strip())
    if owned:  # "The civil protection agency's director, Tomas Arveld,": the agency speaks
        name = clean(owned.group("owner"))
        start = m.start("first") + owned.start("owner")
        return name, (start, start + len(owned.group("owner")))
    # the part that says whom the speaker speaks for ("chief executive of Cirrane") is the
    # source (README rule 2); else the part that names someone (capitals after its first word)
    body = [bool(_SPEAKS_FOR.search(part)) for part in parts]
    if _PARTICIPLE_PHRASE.match(parts[1]):  # "The crisis centre, run by the Red Cross, said"
        group = "first"
    elif body[0] != body[1]:
        group = "first" if body[0] else "second"
    elif (
        parts[1].split()[0].lower() in ("the", "a", "an")
        and parts[0].split()[0].lower() not in ARTICLES_WORDS
    ):
        group = "first"  # "Halvix, the Kellport-based exchange, said": a name, then what it is
    else:
        first_named = any(w[:1].isupper() for w in parts[0].split()[1:])
        second_named = any(w[:1].isupper() for w in parts[1].split())
        group = "second" if second_named and not first_named else "first"
    name = clean(m.group(group))
    short = _THE.sub("", parts[1].strip())
    if group == "first" and _ACRONYM.fullmatch(short):
        return f"{name} ({short})", m.span()  # "Ukraine's intelligence agency, (the) GUR,"
    return (name, m.span(group)) if name else None


# A role that says whom its holder speaks for: "chief executive of Cirrane", "Orrin's mayor"
_SPEAKS_FOR = re.compile(
    r"^(?:(?:the|its|their|an?|[A-Z][\w-]*['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:chief|head|chair|"
    r"chairman|chairwoman|chairperson|spokesman|spokeswoman|spokesperson|director|president|"
    r"minister|secretary|official|executive|manager|commander|governor|mayor|leader|founder|"
    r"coordinator|officer|administrator|ambassador|envoy|adviser|advisor|economist|analyst|"
    r"engineer|inspector|prosecutor)\s+(?:of|for|at)\s+(?:the\s+)?[A-Z]"
    r"|^[A-Z][\w-]*['’]s\s"
)
# A role owned by a body described in two words or more, before the holder's name: "the civil
# protection agency's director", "the regional fire service's spokesman" (not "the company's
# chief executive": one common noun names no body, and the story's body is found elsewhere)
_OWNED_ROLE = re.compile(
    r"(?:[Tt]he\s+)?(?P<owner>(?![Tt]he\s)(?:[\w-]+\s+){1,3}[\w-]+)['’]s\s+(?:[\w-]+\s+){0,2}?(?:chief|"
    r"head|chair|chairman|chairwoman|chairperson|spokesman|spokeswoman|spokesperson|director|"
    r"president|secretary|official|executive|manager|commander|governor|leader|coordinator|"
    r"officer|administrator)(?:\s+of\s+[\w-]+)?$"
)
# A person's role in a body named by a common noun, before the name: "A ministry spokesman,
# Karim Osk, said" speaks for the ministry (the one named before), not for himself.
_BODY_ROLE = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?P<body>(?:[a-z-]+\s+)?(?:ministry|agency|department|police|army|"
    r"navy|company|government|council|union|authority|service))\s+(?:spokesman|spokeswoman|"
    r"spokesperson|official)$"
)
_POSSESSIVES = word_set("its their his her our my")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_THE = re.compile(r"^the\s+")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:(?:also|again|later|then|separately)\s+)?$")
_SUBJECT = re.compile(
    r"\s*(?P<src>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,7}?)"
    r"(?=,|\s+(?:has|have|had|was|were|is|are|did|also|could|would|should|can|will|may|might|"
    r"must|does|\w+ed)\b)"
)


def _sentence_subject(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase a sentence opens with, up to its first comma or verb: the speaker of a
    speech verb joined by "and" to the main one ("X apologised ... and said")."""
    m = _SUBJECT.match(sentence)
    if m and m.group("src").split()[0].lower().endswith("ing"):
        comma = sentence.find(",", m.start("src"))  # "Speaking to reporters, Voss said"
        m = _SUBJECT.match(sentence, comma + 1) if comma > 0 else None
    if not m:
        return None
    end = m.end("src")
    time = _time_at_end(m.group("src"))  # "Seabright Cruises on Tuesday called": the name
    if time:
        end = m.start("src") + time.start()
    name = clean(sentence[m.start("src") : end])
    if not name or name.split()[0].lower() in PRONOUNS or DIGIT.search(name):
        return None
    if name.lower() in _TIME_END_WORDS:
        return None  # "Wednesday": a time, no one's name
    return name, (m.start("src"), end)


def _subject_after(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    m = _AFTER_VERB.match(sentence, pos)
    if not m:
        return None
    end = m.end("src")
    time = _TIME_AFTER_NAME.search(sentence, m.start("src"), end)  # "said the ministry on Monday"
    if time and time.start() > m.start("src"):
        end = time.start()
    name = clean(sentence[m.start("src") : end])
    if not name or name.split()[0].lower() in PRONOUNS or len(name.split()) > 8:
        return None
    if name.split()[0].lower() in ("on", "in", "at", "that", "last", "this", "earlier"):
        return None
    if name.split()[0].lower() in AUDIENCES:
        return None  # "..., told reporters in the capital": who is told, not who tells
    if DIGIT.search(name) or _VERBISH & {w.lower() for w in name.split()}:
        return None  # "..., said 600 were killed" is a clause, not a name
    if any(w.islower() and w.endswith("ed") for w in name.split()[1:]):
        return None  # "..., said several patients remained in care": a clause

    return name, (m.start("src"), end)


_TIME_END_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night "
    "week weekend month year past"
)


def _time_at_end(text: str) -> re.Match[str] | None:
    """`_TIME_AFTER_NAME` at the end of `text`, when its last words can hold a time."""
    if text[text.rfind(" ") + 1 :].lower() not in _TIME_END_WORDS:
        return None  # every `_TIME_AFTER_NAME` ends with one of these words
    return _TIME_AFTER_NAME.search(text, max(0, len(text) - 40))


# A name after "by" that ends a clause: the agent a relative pronoun after it refers to.
_AGENT_BEFORE = re.compile(
    r"\bby\s+(?P<src>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’.&-]*)*)$"
)


def subject_before(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase just before `pos`, back to a comma or a clause word (at most 8 words)."""
    head = sentence[:pos].rstrip().rstrip(",").rstrip()
    while True:  # "Vallmora Resorts on Monday evening (again) rejected": the name, not the time
        time = _time_at_end(head)
        if time:
            head = head[: time.start()]
        space = head.rfind(" ")
        if space > 0 and head[space + 1 :] in _AUXILIARIES:  # "also", not "Dalvora Today"
            head = head[:space].rstrip()
        elif not time:
            break
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("\u201c"))
    words = list(_NONSPACE.finditer(head[cut + 1 :]))
    if (
        len(words) >= 2
        and words[0].group(0).lower() in _RELATIVE
        and (words[1].group(0).lower() in ARTICLES_WORDS or words[1].group(0)[:1].isupper())
    ):  # "..., which the minister said", "which Lirevia's health ministry says": its own subject
        words = words[1:]
    elif words and words[0].group(0).lower() in _RELATIVE and cut > 0:
        agent = _AGENT_BEFORE.search(head, max(0, cut - 80), cut) if " by " in head else None
        if agent:  # "disputed by Darsk Rights Watch, which says": the relative's antecedent
            return clean(agent.group("src")), agent.span("src")
        return subject_before(sentence, cut)  # "The official, who spoke ..., said"
    if cut > 0 and head[cut] == "," and words:
        if len(words) == 1 and words[0].group(0).isdigit():
            return subject_before(sentence, cut)  # "Jonas Ekberg, 61, said": an age
        if _PARTICIPLE_PHRASE.match(head, cut + 1):
            return subject_before(sentence, cut)  # "The crisis centre, run by the Red Cross,"
        if words[0].group(0).lower() in ("a", "an", "the") and any(
            w.group(0).lower() in _APPOSITIVE_RELATIVES for w in words[1:]
        ):  # "Skyport Handling, the firm that loads its aircraft, said": the name before
            return subject_before(sentence, cut)
    kept: list[re.Match[str]] = []  # the words kept, last first until reversed below
    lows: list[str] = []  # the same, lower-cased
    for j in range(len(words) - 1, -1, -1):
        w = words[j]
        low = w.group(0).lower()
        word = low.strip("\"'“”")
        if word == "than":
            return None  # "far fewer had arrived than the ministry said": not the speaker
        if len(kept) >= 8:
            break
        if word in _CLAUSE_WORDS and not (word == "and" and _joins_name(words, j, kept[-1:])):
            break  # "the UN Relief and Supply Agency", "Fire and Rescue Service": one name
        kept.append(w)
        lows.append(low)
    kept.reverse()
    lows.reverse()
    if lows and lows[0] == "saying":
        return None  # "..., saying depots had reported": a clause, not a name
    if lows and lows[-1] in _APPOSITIVE_RELATIVES:
        return None  # "spoke to stewards who said": the relative's antecedent, not found here
    for i in range(1, len(kept)):
        if lows[i] in _APPOSITIVE_RELATIVES or (  # "senior managers who have seen it told"
            _is_verb_word(lows[i]) and not _naming(kept, i)  # "CNN reported on Monday, citing"
        ):
            kept, lows = kept[:i], lows[:i]
            break
    while kept and lows[-1] in _AUXILIARIES and kept[-1].group(0).islower():
        kept.pop()
        lows.pop()
    for i in range(len(kept) - 2, -1, -1):  # "A flood of orders has lifted the shipyard, which"
        if lows[i] in _VERBISH:
            kept, lows = kept[i + 1 :], lows[i + 1 :]
            break
    if len(kept) > 2:  # "Norvale Petrochem on Wednesday" before a verb cut above
        span = head[cut + 1 + kept[0].start() : cut + 1 + kept[-1].end()]
        time = _time_at_end(span)
        if time:
            kept = [w for w in kept if w.start() - kept[0].start() < time.start()]
    if not kept or (len(kept) == 1 and lows[0].strip("\"'“”,") in _TIME_END_WORDS):
        return None  # "... on Wednesday called a post ..." cut to "Wednesday": a time, no name
    last = kept[-1].group(0)
    if last.islower() and last.endswith("ed"):
        return None  # "Hydro Norte dismissed claims that": a verb, and "claims" is a noun
    if (
        len(lows) > 1
        and lows[0].endswith("ed")
        and kept[0].group(0).islower()
        and (lows[1] in _PARTICIPLE_LINKS)
    ):
        return None  # "..., compiled from head teachers' absence reports,": a participle

    if (
        len(kept) > 1
        and kept[0].group(0).lower() in _POSSESSIVES
        and DOCUMENT.match(head, cut + 1 + kept[1].start())
    ):
        return None  # "Its analysis of images put ...": the one named before, not a new name
    start, end = cut + 1 + kept[0].start(), cut + 1 + kept[-1].end()
    span = head[start:end]  # "Final results published by the commission put ...": the maker
    name = cited(span) if " by " in span else clean(span)
    if not name or name.lower() in PRONOUNS or not _LETTER.search(name):
        return None
    if DIGIT.search(name) or any(w.lower() in PRONOUNS for w in name.split()[1:]):
        return None
    return name, (start, end)


def _joins_name(words: list[re.Match[str]], j: int, kept: list[re.Match[str]]) -> bool:
    """Whether the "and" at `words[j]` joins two capitalised words of one name ("the
    Ministry of Energy and Mines", "the Sabrel Fire and Rescue Service"), not two clauses."""
    return (
        j > 0
        and bool(kept)
        and kept[0].group(0)[:1].isupper()
        and words[j - 1].group(0)[:1].isupper()
    )


_VERB_WORDS = frozenset(f"{STRONG_VERBS}|{WEAK_VERBS}".split("|"))


def _naming(words: list[re.Match[str]], i: int) -> bool:
    """ "A hacking group called Nullwave": "called" names what comes before it."""
    return (
        words[i].group(0).lower() in _OBJECT_VERBS
        and i + 1 < len(words)
        and words[i + 1].group(0)[:1].isupper()
    )


def _is_verb_word(word: str) -> bool:
    """`_ANY_VERB.fullmatch(word)`, by a set lookup when the word is ASCII."""
    if word.isascii():
        return word.lower() in _VERB_WORDS
    return _ANY_VERB.fullmatch(word) is not None
