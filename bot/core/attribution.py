"""Who says it, and through whom: "CNN, citing Ukrainian intelligence" -> Ukrainian intelligence,
via CNN.

Rules, tried in order: "X, citing Y"; "according to Y"; a speech verb and its speaker ("X said",
"X told lawmakers", "..., said X"), strong verbs (said, told) before weak ones (expects);
"X told <Outlet>" adds the outlet as `via`. `same_source` says whether two attributions name
the same speaker ("South Korea's National Intelligence Service (NIS)" and "the NIS").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from bot.core.model import Attribution
from bot.core.trie import first_char_guard, trie_pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
    r"accusations?|suggestions?|rumou?rs?|findings|it|them|this|that)\b"
)
_PUT_AT = re.compile(  # an object before "at": "losses put at $1.4bn" is a headline's passive
    r"\s+(?!at\b)[^.;:]{1,80}?\bat\s+(?:(?:about|around|some|roughly|approximately|nearly|"
    r"almost|more than|over|at least|up to|as many as|between|fewer than|less than|under|"
    r"just over|just under)\s+)?"
    r"(?:US\$|\$|€|£)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several|"
    r"hundreds|thousands|dozens|tens)\b)",
    re.I,
)
PRONOUNS = _words("he she it they we i you who which that this there one")
AUDIENCES = _words(
    "lawmakers reporters journalists parliament legislators press briefing media members "
    "parliamentarians interrogators"
)
_CLAUSE_WORDS = _words("that as while because which when if after before and but so since where")
_RELATIVE = _words("who which whose whom")
_APPOSITIVE_RELATIVES = _RELATIVE | {"that"}
_AUXILIARIES = _words(
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
# Speakers named only by a common noun ("the report said") stand for the story's last named one.
GENERIC_SPEAKERS = _words(
    "report reports agency official officials spokesman spokeswoman spokesperson ministry "
    "assessment statement analyst analysts source sources document he she they it department "
    "office bureau service authority authorities"
)
_DOCUMENT_PREFIX = re.compile(
    r"^(?:an?\s+|the\s+)?(?:new\s+|latest\s+|early\s+|own\s+)?(?:assessment|reports?|statement|"
    r"estimates?|figures|data|analysis|study|briefing|review|survey|count|tally|audit|"
    r"investigation)\s+(?:by|from|of)\s+",
    re.I,
)
_GIVEN_BY = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:figures|results|data|numbers|estimates?|statistics|count|tally|"
    r"reports?|statements?)\s+(?:[a-z]+\s+){0,2}?(?:published|released|issued|compiled|given|"
    r"gathered|filed|provided)\s+(?:on\s+\w+\s+|late\s+\w+\s+)?by\s+",
    re.I,
)
_BY_NAME = re.compile(r"^.*?\bby\s+(?=(?:the\s+)?[A-Z])")
_OF_WHAT = re.compile(r"\s+of\s+(?=[a-z])")
_DOCUMENT_SUFFIX = re.compile(r"\s+(?:figures|data|estimates?)$", re.I)
_DOCUMENT_SUFFIX_WORDS = ("figures", "data", "estimate", "estimates")  # all `_DOCUMENT_SUFFIX` ends
_ARTICLES = ("the ", "a ", "an ")

# "citing security", "citing privacy concerns": a reason given, not a source
_CITING = re.compile(
    r"\bciting\s+(?!(?:(?:the|a|an|its|their)\s+)?(?:[a-z-]+\s+){0,2}?(?:reasons?|security|"
    r"safety|privacy|confidentiality|concerns?|grounds|sensitivity|sensitivities|costs?|weather|"
    r"delays?|investigation|inquiry)(?:[,.;:]|\s+(?:and|or)\b|\s*$))"
    r"(?P<src>[^,.;:]+?)(?=\s+(?:as saying|that)\b|[,.;:]|$)",
    re.I,
)
# What a speaker cites may be a document, not another speaker: "the union said, citing
# redundancy letters", "citing its own analysis of smart-meter data". The speaker stays the source.
_DOCUMENT = re.compile(
    r"(?:(?:its|their|his|her|the|a|an)\s+)?(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:letters?|records?|"
    r"data|documents?|logs?|analysis|analyses|review|surveys?|statistics|footage|images|"
    r"photographs|photos|registers?|lists?|notes|minutes|files|e-?mails|messages|papers|study|"
    r"audit|calculations|modelling|modeling|readings|invoices|receipts|slips|manifests|"
    r"ledgers?|accounts|filings?)\b",
    re.I,
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;:]+?)(?=\s+that\b|[,.;:]|$)", re.I)
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
_ANY_VERB = re.compile(r"\b(?:" + STRONG_VERBS + "|" + WEAK_VERBS + r")\b", re.I)
_TOLD_OUTLET = re.compile(r"\btold\s+(?P<via>(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)")
_AFTER_VERB = re.compile(r"\s*(?P<src>[^,.;:]+?)(?=[,.;:]|$)")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
_NONSPACE = re.compile(r"\S+")


def attribution_of(sentence: str) -> Attribution:
    """The attribution of one sentence (source, and the outlet it came through)."""
    return attribution_span(sentence)[0]


def attribution_span(sentence: str) -> tuple[Attribution, list[tuple[int, int]]]:
    """The attribution and the character spans of the names in it."""
    spans: list[tuple[int, int]] = []
    # an ASCII text lower-cased keeps its positions: the regexes below need a word it may lack
    low = sentence.lower() if sentence.isascii() else None
    m = _CITING.search(sentence) if low is None or "citing" in low else None
    if m:
        spans.append(m.span("src"))
        outlet = _subject_before(sentence, m.start()) or _speaker(sentence, m.span(), low)
        if outlet:
            spans.append(outlet[1])
        cited = _cited(m.group("src"))
        if _DOCUMENT.match(cited) or cited.lower().startswith(("its ", "their ")):
            citer = _speaker(sentence, m.span(), low) or outlet  # "citing customs records"
            if citer:  # "citing its branches": its own finding
                return Attribution(citer[0]), [m.span("src"), citer[1]]
        return Attribution(cited, outlet[0] if outlet else None), spans
    m = _ACCORDING.search(sentence) if low is None or "according to" in low else None
    if m:
        spans.append(m.span("src"))
        cited = _cited(m.group("src"))
        if _DOCUMENT.match(cited):  # "X said ..., according to damage surveys its teams did"
            said = _speaker(sentence, m.span(), low)
            if said:
                return Attribution(said[0]), [said[1]]
        return Attribution(cited), spans
    found = _speaker(sentence, None, low) or _agent(sentence) or _document_owner(sentence)
    if found is None:
        return Attribution(), spans
    source, span = found
    spans.append(span)
    via = None
    told = _TOLD_OUTLET.search(sentence, span[1])
    if told and told.group("via").lower().removeprefix("the ") not in AUDIENCES:
        via = _clean(told.group("via"))
        spans.append(told.span("via"))
    return Attribution(source, via), spans


# The agent of a passive speech verb: "it was announced by the interior ministry", "figures
# released on Friday by the statistics office".
# A document speaks for whoever made or saw it: "the operator's departure logs showed", "the
# commission's preliminary count gave", "delivery records seen by the Capital Courier show".
_DOCUMENT_NOUNS = (
    r"(?:logs?|records?|bulletin|count|tally|figures|data|analysis|report|statement|survey|"
    r"review|estimate|register|list|database|documents?|footage|images|letters?|filings?)"
)
_DOCUMENT_SHOWS = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?"
    + _DOCUMENT_NOUNS
    + r"\s+(?:showed|shows|show|gave|gives|put|puts|found|finds|recorded|listed|counted)\b"
)
_OWNER = re.compile(r"(?P<src>(?:[A-Z][\w.&-]*\s+){0,5}?[A-Za-z][\w.&-]*)$")
_SEEN_DOCUMENT = re.compile(
    _DOCUMENT_NOUNS + r"\s+(?:seen|obtained|reviewed)\s+by\s+(?P<src>(?:the\s+)?[A-Z][\w.&'’-]*"
    r"(?:\s+[A-Z][\w.&'’-]*){0,5})"
)


def _document_owner(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """Who a document that "shows" a figure belongs to, or who saw it."""
    if " by " in sentence and (m := _SEEN_DOCUMENT.search(sentence)):
        span = m.span("src")
    elif ("'" in sentence or "’" in sentence) and (shows := _DOCUMENT_SHOWS.search(sentence)):
        owner = _OWNER.search(sentence, max(0, shows.start() - 80), shows.start())
        if not owner:
            return None
        span = owner.span("src")
    else:
        return None
    name = _clean(sentence[span[0] : span[1]])
    if not name or name.split()[0].lower() in PRONOUNS | _ARTICLES_WORDS or _DIGIT.search(name):
        return None
    return name, span


_BY_AGENT = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+)?|\b(?:figures|data|results|"
    r"estimates?|statistics|numbers|count|tally|report|statement)\s+)"
    r"(?:announced|reported|published|released|issued|given|confirmed|stated|estimated|"
    r"compiled|provided|disclosed|revealed|put out|counted|recorded)\s+"
    r"(?:(?:on|late on|early on|earlier on)\s+\w+\s+|(?:earlier|later|yesterday|today)\s+)?"
    r"by\s+",
    re.I,
)


def _agent(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The one who gave a figure or a statement named after a passive verb ("was announced by
    the ministry")."""
    if " by " not in sentence:
        return None
    m = _BY_AGENT.search(sentence)
    agent = _AGENT.match(sentence, m.end()) if m else None
    if agent is None:
        return None
    name = _clean(agent.group("src"))
    if not name or name.split()[0].lower() in PRONOUNS or _DIGIT.search(name):
        return None
    return name, agent.span("src")


_AGENT = re.compile(
    r"(?P<src>[\w'’.&-]+(?:\s+[\w'’.&-]+){0,7}?)"
    r"(?=\s+(?:that|who|which|on|in|at|after|before|as|and|but|to|from|last|this|was|were|is|"
    r"are|had|has|have|would|will)\b|[,.;:]|$)"
)


_BARE_VERBS = frozenset({"deny", "confirm", "dismiss", "reject", "refute", "dispute", "question"})
_PASSIVE_AUX = _words("was were been being is are be")
_PASSIVE_ADVERBS = _words("now still also already not widely first initially later since")
# A word after which a verb form is a noun or an adjective ("the number of confirmed dead",
# "declined to comment on reports that") or an infinitive ("declined to say"): nobody speaks.
_MODIFIER_WORDS = _words(
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


def _speaker(
    sentence: str, exclude: tuple[int, int] | None = None, low: str | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The speaker of the first speech verb that has one; `low` is the sentence lower-cased
    when it is ASCII (the verbs are then found in it, at the same positions)."""
    verb_regexes = (_STRONG, _WEAK) if low is None else (_STRONG_LOW, _WEAK_LOW)
    for verbs in verb_regexes:
        for verb in verbs.finditer(sentence if low is None else low):
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
            apposed = _apposed(sentence, verb.start()) if before_verb.endswith(",") else None
            if apposed:  # "Dr Kaia Stenn, its medical director, said": the name before
                return apposed
            if before_verb.rstrip("\"'”’").endswith(","):  # ', said X
                found = _subject_after(sentence, verb.end())
            joined = verb.group(0).lower() == "saying" or _AND_BEFORE.search(
                sentence, max(0, verb.start() - 12), verb.start()
            )
            if not found and joined:
                found = _sentence_subject(sentence)  # "X apologised ... and said"
            found = found or _subject_before(sentence, verb.start())
            if found:
                return found
    return None


_PARTICIPLE_PHRASE = re.compile(
    r"\s*(?:run|led|owned|backed|funded|chaired|founded|based|set up|hired|appointed|named|"
    r"headed|operated|managed|supported|[a-z]+ed)\s+(?:by|in|at|on|to|with|for)\s"
)
# "Dr Kaia Stenn, its medical director, said", "Its president, Mara Ilvesk, said": a name and
# its role, both before the verb (what follows the verb is what was said)
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
        role = i == 1 and words[0].lower() in _ARTICLES_WORDS  # "the airline based in Venn"
        if _VERBISH & {w.lower() for w in words} or len(words) > (12 if role else 8):
            return None
        if words[0].lower() in PRONOUNS:
            return None
        if not role and any(w.islower() and w.endswith("ed") for w in words):
            return None
    # the part that says whom the speaker speaks for ("chief executive of Cirrane") is the
    # source (README rule 2); else the part that names someone (capitals after its first word)
    body = [bool(_SPEAKS_FOR.search(part)) for part in parts]
    if _PARTICIPLE_PHRASE.match(parts[1]):  # "The crisis centre, run by the Red Cross, said"
        group = "first"
    elif body[0] != body[1]:
        group = "first" if body[0] else "second"
    else:
        first_named = any(w[:1].isupper() for w in parts[0].split()[1:])
        second_named = any(w[:1].isupper() for w in parts[1].split())
        group = "second" if second_named and not first_named else "first"
    name = _clean(m.group(group))
    if group == "first" and _ACRONYM.fullmatch(parts[1].strip()):
        return f"{name} ({parts[1].strip()})", m.span()  # "Ukraine's intelligence agency, GUR,"
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
_POSSESSIVES = _words("its their his her our my")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ARTICLES_WORDS = _words("the a an its his her their")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$")
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
    name = _clean(m.group("src"))
    if not name or name.split()[0].lower() in PRONOUNS or _DIGIT.search(name):
        return None
    return name, m.span("src")


def _subject_after(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    m = _AFTER_VERB.match(sentence, pos)
    if not m:
        return None
    end = m.end("src")
    time = _TIME_AFTER_NAME.search(sentence, m.start("src"), end)  # "said the ministry on Monday"
    if time and time.start() > m.start("src"):
        end = time.start()
    name = _clean(sentence[m.start("src") : end])
    if not name or name.split()[0].lower() in PRONOUNS or len(name.split()) > 8:
        return None
    if name.split()[0].lower() in ("on", "in", "at", "that", "last", "this", "earlier"):
        return None
    if name.split()[0].lower() in AUDIENCES:
        return None  # "..., told reporters in the capital": who is told, not who tells
    if _DIGIT.search(name) or _VERBISH & {w.lower() for w in name.split()}:
        return None  # "..., said 600 were killed" is a clause, not a name
    if any(w.islower() and w.endswith("ed") for w in name.split()[1:]):
        return None  # "..., said several patients remained in care": a clause

    return name, (m.start("src"), end)


_TIME_END_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night "
    "week weekend month year past"
)


def _time_at_end(text: str) -> re.Match[str] | None:
    """`_TIME_AFTER_NAME` at the end of `text`, when its last words can hold a time."""
    if text[text.rfind(" ") + 1 :].lower() not in _TIME_END_WORDS:
        return None  # every `_TIME_AFTER_NAME` ends with one of these words
    return _TIME_AFTER_NAME.search(text, max(0, len(text) - 40))


def _subject_before(sentence: str, pos: int) -> tuple[str, tuple[int, int]] | None:
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
        and (words[1].group(0).lower() in _ARTICLES_WORDS or words[1].group(0)[:1].isupper())
    ):  # "..., which the minister said", "which Lirevia's health ministry says": its own subject
        words = words[1:]
    elif words and words[0].group(0).lower() in _RELATIVE and cut > 0:
        return _subject_before(sentence, cut)  # "The official, who spoke ..., said"
    if cut > 0 and head[cut] == "," and words:
        if len(words) == 1 and words[0].group(0).isdigit():
            return _subject_before(sentence, cut)  # "Jonas Ekberg, 61, said": an age
        if _PARTICIPLE_PHRASE.match(head, cut + 1):
            return _subject_before(sentence, cut)  # "The crisis centre, run by the Red Cross,"
        if words[0].group(0).lower() in ("a", "an", "the") and any(
            w.group(0).lower() in _APPOSITIVE_RELATIVES for w in words[1:]
        ):  # "Skyport Handling, the firm that loads its aircraft, said": the name before
            return _subject_before(sentence, cut)
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        word = w.group(0).lower().strip("\"'“”")
        if word == "than":
            return None  # "far fewer had arrived than the ministry said": not the speaker
        if word in _CLAUSE_WORDS or len(kept) >= 8:
            break
        kept.insert(0, w)
    if kept and kept[0].group(0).lower() == "saying":
        return None  # "..., saying depots had reported": a clause, not a name
    lows = [w.group(0).lower() for w in kept]
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
    if not kept:
        return None
    last = kept[-1].group(0)
    if last.islower() and last.endswith("ed"):
        return None  # "Hydro Norte dismissed claims that": a verb, and "claims" is a noun
    if (
        len(kept) > 1
        and kept[0].group(0).lower() in _POSSESSIVES
        and _DOCUMENT.match(head, cut + 1 + kept[1].start())
    ):
        return None  # "Its analysis of images put ...": the one named before, not a new name
    start, end = cut + 1 + kept[0].start(), cut + 1 + kept[-1].end()
    span = head[start:end]  # "Final results published by the commission put ...": the maker
    name = _cited(span) if " by " in span else _clean(span)
    if not name or name.lower() in PRONOUNS or not _LETTER.search(name):
        return None
    if _DIGIT.search(name) or any(w.lower() in PRONOUNS for w in name.split()[1:]):
        return None
    return name, (start, end)


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


def _cited(text: str) -> str:
    """The name of a source cited ("according to ...", "citing ..."): `_clean`, and the maker
    of a document named by what it made ("figures published by the defence ministry", "a review
    by the Plains Mail of wage slips", "an analysis of satellite images by the Eastbank
    Observer")."""
    given = _GIVEN_BY.match(text.strip()) if " by " in text else None
    if given:
        text = text.strip()[given.end() :]
    document = _DOCUMENT_PREFIX.match(text.strip().strip("\"'“”‘’").strip())
    name = _clean(text)
    if document:
        of = _OF_WHAT.search(name)
        if of:
            name = name[: of.start()]
        by = _BY_NAME.search(name)
        if by:
            name = _clean(name[by.end() :])
    return name


def _clean(text: str) -> str:
    text = text.strip().strip("\"'“”‘’").strip()
    prefix = _DOCUMENT_PREFIX.match(text)  # anchored at the start: at most one match
    if prefix:
        text = text[prefix.end() :]
    lowered = text.lower()
    if not text.isascii() or lowered.endswith(_DOCUMENT_SUFFIX_WORDS):
        text = _DOCUMENT_SUFFIX.sub("", text)
        lowered = text.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    return text.strip()


# Words before a generic speaker that do not say which one it is ("a senior official", "the
# same agency"); any other word does ("the interior ministry", "the finance ministry").
UNSPECIFIC = _words(
    "the a an this that senior junior top unnamed anonymous same other another one two three "
    "several some its his her their whose government"
)


def is_generic(attribution: Attribution) -> bool:
    """ "the report", "the official", "the agency": a speaker named only by a common noun, which
    stands for the last one named. "The interior ministry" names its ministry: not generic."""
    if not attribution.source:
        return False
    words = attribution.source.split()
    return (
        len(words) <= 3
        and words[-1].lower() in GENERIC_SPEAKERS
        and all(w[:1].islower() for w in words)
        and all(w.lower() in UNSPECIFIC for w in words[:-1])
    )


def parse_attribution(text: str | None) -> Attribution:
    """ "Ukrainian intelligence, via CNN" -> Attribution("Ukrainian intelligence", "CNN")."""
    if not text:
        return Attribution()
    m = re.match(r"^(?P<src>.+?),?\s+via\s+(?P<via>.+)$", text.strip())
    if m:
        return Attribution(m.group("src").strip(), m.group("via").strip())
    return Attribution(text.strip())


# --- identity of speakers ------------------------------------------------------------------

SAME_NAME = 90  # rapidfuzz token_sort_ratio above which two speaker names are the same


ALIAS_CACHE = 4096  # speaker names whose aliases are remembered
SAME_CACHE = 16_384  # pairs of speaker names whose sameness is remembered


def aliases(name: str) -> set[str]:
    """Normalised forms of a speaker's name: the name, its parenthesised acronym, its initials."""
    return set(_aliases(name))


@lru_cache(maxsize=ALIAS_CACHE)
def _aliases(name: str) -> frozenset[str]:
    out: set[str] = set()
    for inner in re.findall(r"\(([^)]+)\)", name):
        out.add(_norm(inner))
    bare = re.sub(r"\([^)]*\)", " ", name)
    out.add(_norm(bare))
    for acronym in re.findall(r"\b[A-Z]{2,6}\b", bare):
        if acronym not in _PLACE_ACRONYMS:
            out.add(acronym.lower())
    owner = re.split(r"['’]s\s+", bare, maxsplit=1)  # "South Korea's Joint Chiefs of Staff"
    capitals = re.findall(r"\b[A-Z][a-z]+", owner[-1])
    if len(capitals) >= 2:
        out.add("".join(w[0] for w in capitals).lower())
    out |= _ministry(bare)
    return frozenset(a for a in out if a)


_MINISTRY = re.compile(
    r"\b(?:(?P<field>(?:[A-Z][a-z]+\s+){1,2})(?:Minister|Ministry|Secretary)"
    r"|(?:Minister|Ministry|Secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:[A-Z][a-z]+\s*){1,2}))"
)


def _ministry(name: str) -> set[str]:
    """A minister speaks for the ministry (README rule 2): "Justice Minister Aldo Verin", "the
    Minister of Health" and "the Ministry of Health" all also name "justice ministry" or
    "health ministry"."""
    out = set()
    for m in _MINISTRY.finditer(name):
        field = _norm(m.group("field") or m.group("of") or "")
        if field and field not in ("prime", "deputy", "chief", "the", "former"):
            out.add(f"{field} ministry")
    return out


_VERBISH = _words(
    "is are was were be been has have had will would could may might can should must shall "
    "did does do"
)
_PLACE_ACRONYMS = _words("US UK EU UN UAE USA")


def _norm(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.lower())
    words = [w for w in re.findall(r"[a-z0-9]+", name) if w not in ("the", "a", "an", "of")]
    return " ".join(words)


def speaker(attribution: Attribution, outlet: str) -> str:
    """The name that identifies who says it: the source, else the outlet it came through."""
    return attribution.source or attribution.via or f"outlet: {outlet}"


def same_source(a: str, b: str) -> bool:
    """Whether two speaker names (from `speaker`) name the same speaker: a shared alias, a
    near-identical spelling, or one name inside the other ("the union" and "the Rail Workers'
    Union", "Veyra Telecom" and "Veyra Telecom's chief executive")."""
    return _same_source(a, b)


@lru_cache(maxsize=SAME_CACHE)
def _same_source(a: str, b: str) -> bool:
    left, right = _aliases(a), _aliases(b)
    if left & right:
        return True
    if any(_inside(x, y) or _inside(y, x) for x in left for y in right):
        return True
    return any(
        len(x) > 3 and len(y) > 3 and fuzz.token_sort_ratio(x, y) >= SAME_NAME
        for x in left
        for y in right
    )


def _inside(short: str, long: str) -> bool:
    """All the words of `short` are words of `long`: two or more of them, or one distinctive
    word (not a generic speaker such as "officials" or "ministry")."""
    words, within = short.split(), long.split()
    if not words or len(words) >= len(within) or not set(words) <= set(within):
        return False
    return len(words) >= 2 or (len(words[0]) >= 5 and words[0] not in GENERIC_SPEAKERS)
