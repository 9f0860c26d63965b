"""Synthetic topics, claims and stories that look like the real ones, for the benchmarks.

Deterministic for a seed. Topics are named after invented countries (their keywords gate
stories); claims share one vocabulary across topics (troops, killed, sent, shells, places) so
the index meets the overlap it meets in real use; stories restate some of their topic's claims
with other figures and attributions, and carry filler sentences with numbers, numberless
background and a "related articles" tail.

Places are named from their own endings (-grad, -ovo, …), never a country's, and half the
stories name one neighbouring tracked country: a story passes about 1.5 topics' keyword gates
at any number of claims. (Until round 11 places were invented countries too, so at 100,000
claims, 2,000 countries, a story's places named 1.7 other tracked countries on average, a
collision rate no real desk's few hundred distinct topic names would see.)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.core.model import ClaimSpec, Story, Topic

CLAIMS_PER_TOPIC = 50
_SYLLABLES = [
    "var",
    "kel",
    "tor",
    "mir",
    "dan",
    "sol",
    "bra",
    "vek",
    "lun",
    "zar",
    "nor",
    "pel",
    "quin",
    "ros",
    "tav",
    "orm",
    "gad",
    "hel",
    "ist",
    "jor",
]
_ENDINGS = ("ia", "land", "istan", "ora", "enia", "ar")
_PLACE_ENDINGS = ("grad", "ovo", "burg", "stad", "polis", "sk")  # no country ends so
NEIGHBOURS = 3  # the tracked countries next to a topic's (by id), one of which a story may name
NEIGHBOUR_SHARE = 0.5  # the share of stories that name a neighbouring tracked country
_PLACES_A = ["north", "south", "east", "west", "upper", "lower", "old", "new", "port", "fort"]
_PLACES_B = [
    "ridge",
    "bay",
    "ford",
    "vale",
    "moor",
    "field",
    "haven",
    "crest",
    "marsh",
    "wood",
    "gate",
    "bridge",
    "hollow",
    "cliff",
    "mouth",
]
_SOURCES = (
    "military intelligence",
    "the defence ministry",
    "a senior official",
    "the interior ministry",
    "a UN agency",
    "local authorities",
    "the general staff",
    "an analyst at a think tank",
)
_OUTLETS = ("Wire One", "Daily Ledger", "Harbor Times", "Evening Post", "Courier", "Globe")

# (claim template, story-sentence templates): {a} actor, {p} place, {n} number
_FRAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "{a} will send {n} more troops to {p}",
        (
            "{a} would send about {n} additional soldiers to {p}, {src} said.",
            "{src} said {a} plans to deploy up to {n} more troops in {p}.",
        ),
    ),
    (
        "{a} has sent {n} troops to {p}",
        (
            "{a} has already sent some {n} troops to {p}, according to {src}.",
            "Around {n} soldiers from {a} have been deployed to {p}, {src} said.",
        ),
    ),
    (
        "{n} {a} soldiers killed in fighting near {p}",
        (
            "At least {n} {a} soldiers have been killed in fighting near {p}, {src} said.",
            "{src} said some {n} troops from {a} were killed near {p}.",
        ),
    ),
    (
        "{n} {a} troops killed or wounded near {p}",
        (
            "About {n} {a} troops have been killed or wounded near {p}, according to {src}.",
            "{src} estimated {n} casualties among {a} forces around {p}.",
        ),
    ),
    (
        "{a} has sent {n} artillery shells to {p}",
        (
            "{a} has shipped almost {n} artillery shells to {p}, {src} said.",
            "{src} said {a} supplied {n} artillery rounds to {p}.",
        ),
    ),
    (
        "{n} civilians displaced from {p} by fighting",
        (
            "More than {n} civilians have been displaced from {p}, {src} said.",
            "{src} said {n} people were forced from their homes in {p}.",
        ),
    ),
    (
        "{a} pledged {n} drones for units in {p}",
        (
            "{a} promised {n} drones for the units in {p}, {src} said.",
            "{src} said {a} had pledged as many as {n} drones for {p}.",
        ),
    ),
    (
        "{n} protesters arrested in {p}",
        (
            "Police in {p} arrested nearly {n} protesters, {src} said.",
            "{src} said {n} demonstrators were detained in {p}.",
        ),
    ),
    (
        "{a} fired {n} missiles at {p}",
        (
            "{a} launched some {n} missiles at {p} overnight, {src} said.",
            "{src} said {n} ballistic missiles from {a} struck {p}.",
        ),
    ),
    (
        "{n} {a} soldiers captured near {p}",
        (
            "About {n} {a} soldiers were captured near {p}, {src} said.",
            "{src} said {n} prisoners from {a} were taken near {p}.",
        ),
    ),
)
_REFUTES = (
    "{src} said it had no information about plans to send troops to {p}.",
    "Officials in {a} denied the report about {p}, calling it false.",
)
_FILLER = (
    "The city council approved a budget of ${n} million for roads and {m} new teachers.",
    "The ceasefire talks began on 12 March and lasted {m} days, officials said.",
    "Brigade {m} used 155mm guns in the exercise, which covered {m} km of coast.",
    "A record {n} runners finished the marathon in {p} on Sunday.",
    "Shares rose {m}% after the company said it would hire {n} workers.",
    "The museum in {p} drew {n} visitors last year, up from {m} the year before.",
)
_BACKGROUND = (
    "The troops were sent after months of fighting along the border with {p}.",
    "Analysts said the shells and drones had changed the course of the war near {p}.",
    "Diplomats in {a} said talks on a ceasefire would continue next week.",
    "Families of the killed and wounded gathered in {p} to demand answers.",
    "The government has not commented on the reports of more troops.",
    "Satellite images showed new depots near {p}, analysts said.",
)
_NEIGHBOUR = (
    "Officials in {b} said they were following the reports closely.",
    "Neighbouring {b} has not commented on the deployment, {src} said.",
)
_RELATED = "Related articles: {n} drones shot down over {p}; {m} killed in a blast in {p}."


@dataclass(frozen=True, slots=True)
class SyntheticClaim:
    spec: ClaimSpec
    frame: int  # index into _FRAMES
    actor: str
    place: str
    number: int


@dataclass(frozen=True)
class Workload:
    topics: tuple[Topic, ...]
    claims: tuple[SyntheticClaim, ...]
    by_topic: dict[str, tuple[SyntheticClaim, ...]]
    names: dict[str, str]  # topic id -> the country's name


def _name(rng: random.Random, endings: tuple[str, ...] = _ENDINGS) -> str:
    return ("".join(rng.choice(_SYLLABLES) for _ in range(2)) + rng.choice(endings)).title()


def _number(rng: random.Random) -> int:
    magnitude = rng.choice((100, 1_000, 1_000, 10_000, 100_000))
    return rng.randint(2, 60) * magnitude // 2


def _fmt(n: int) -> str:
    return f"{n:,}"


def make_workload(n_claims: int, *, per_topic: int = CLAIMS_PER_TOPIC, seed: int = 7) -> Workload:
    """`n_claims` claims in `n_claims / per_topic` topics (rounded up), same words across topics."""
    rng = random.Random(seed)
    n_topics = max(1, -(-n_claims // per_topic))
    names: list[str] = []
    taken: set[str] = set()
    while len(names) < n_topics:
        name = _name(rng)
        suffix = len(names) // 500  # keep names unique past the syllable space
        name = name if suffix == 0 else f"{name}{_SYLLABLES[suffix % len(_SYLLABLES)]}"
        if name not in taken:
            taken.add(name)
            names.append(name)
    places = [f"{rng.choice(_PLACES_A).title()} {_name(rng, _PLACE_ENDINGS)}" for _ in range(400)]
    topics: list[Topic] = []
    claims: list[SyntheticClaim] = []
    by_topic: dict[str, tuple[SyntheticClaim, ...]] = {}
    for t, name in enumerate(names):
        topic_id = f"t{t:05d}"
        count = min(per_topic, n_claims - t * per_topic)
        mine: list[SyntheticClaim] = []
        for c in range(count):
            frame = c % len(_FRAMES)
            place = rng.choice(places) + " " + rng.choice(_PLACES_B).title()
            number = _number(rng)
            text = _FRAMES[frame][0].format(a=name, p=place, n=_fmt(number))
            source = rng.choice(_SOURCES)
            spec = ClaimSpec(f"{topic_id}-c{c:03d}", topic_id, text[0].upper() + text[1:], source)
            mine.append(SyntheticClaim(spec, frame, name, place, number))
        keywords = (name, name + "n", name[:-1] + "ian")
        topics.append(Topic(topic_id, name, keywords, tuple(c.spec for c in mine)))
        by_topic[topic_id] = tuple(mine)
        claims.extend(mine)
    names_of = {topic.id: topic.name for topic in topics}
    return Workload(tuple(topics), tuple(claims), by_topic, names_of)


def _restate(rng: random.Random, claim: SyntheticClaim) -> str:
    template = rng.choice(_FRAMES[claim.frame][1])
    roll = rng.random()
    if roll < 0.5:
        number = claim.number  # the same figure: a corroboration
    elif roll < 0.8:
        number = max(1, int(claim.number * rng.uniform(1.2, 2.5)))  # another figure
    else:
        number = max(1, int(claim.number * rng.uniform(0.3, 0.7)))
    text = template.format(a=claim.actor, p=claim.place, n=_fmt(number), src=rng.choice(_SOURCES))
    return text[0].upper() + text[1:]


def _fill(rng: random.Random, template: str, claim: SyntheticClaim) -> str:
    text = template.format(
        a=claim.actor,
        p=claim.place,
        n=_fmt(_number(rng)),
        m=rng.randint(2, 90),
        src=rng.choice(_SOURCES),
    )
    return text[0].upper() + text[1:]


def _neighbour(rng: random.Random, workload: Workload, topic_id: str) -> str:
    """A numberless sentence naming one of the tracked countries next to ``topic_id``'s."""
    ids = list(workload.names)  # t00000, t00001, …: a topic's neighbours are the next ids
    other = ids[(int(topic_id[1:]) + rng.randint(1, NEIGHBOURS)) % len(ids)]
    if other == topic_id:  # two topics
        other = ids[(int(topic_id[1:]) + 1) % len(ids)]
    return rng.choice(_NEIGHBOUR).format(b=workload.names[other], src=rng.choice(_SOURCES))


def make_story(
    rng: random.Random,
    workload: Workload,
    topic_id: str,
    *,
    words: int,
    serial: int,
    key: str | None = None,
) -> Story:
    """A story about `topic_id` of about `words` words: claim restatements among filler."""
    claims = workload.by_topic[topic_id]
    lead = rng.choice(claims)
    sentences: list[str] = [_restate(rng, lead)]
    count = len(sentences[0].split())
    while count < words:
        claim = rng.choice(claims)
        roll = rng.random()
        if roll < 0.35:
            sentence = _restate(rng, claim)
        elif roll < 0.4:
            sentence = _fill(rng, rng.choice(_REFUTES), claim)
        elif roll < 0.7:
            sentence = _fill(rng, rng.choice(_FILLER), claim)
        else:
            sentence = _fill(rng, rng.choice(_BACKGROUND), claim)
        sentences.append(sentence)
        count += len(sentence.split())
    if len(workload.names) > 1 and rng.random() < NEIGHBOUR_SHARE:
        sentences.insert(rng.randint(1, len(sentences)), _neighbour(rng, workload, topic_id))
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    paragraphs.append(_fill(rng, _RELATED, lead))
    title = f"{lead.actor}: " + _FRAMES[lead.frame][0].format(
        a=lead.actor, p=lead.place, n=_fmt(lead.number)
    )
    published = datetime(2025, 7, 1, tzinfo=UTC) + timedelta(minutes=serial)
    slug = f"{topic_id}-{serial}"
    return Story(
        key=key or f"bench:{slug}",
        feed=f"feed-{serial % 50}",
        outlet=rng.choice(_OUTLETS),
        url=f"https://news.example/{slug}",
        title=title,
        text="\n\n".join(paragraphs),
        published=published,
    )


def filler_story(rng: random.Random, key: str, *, words: int) -> Story:
    """A story no topic gate lets through (city news), as the old items of a feed."""
    sentences: list[str] = []
    count = 0
    while count < words:
        text = rng.choice(_FILLER).format(
            p="the harbour district", n=_fmt(_number(rng)), m=rng.randint(2, 90)
        )
        sentences.append(text)
        count += len(text.split())
    return Story(
        key=key,
        feed="city",
        outlet=rng.choice(_OUTLETS),
        url=f"https://news.example/{key}",
        title=f"City notes {key}",
        text=" ".join(sentences),
        published=datetime(2025, 6, 1, tzinfo=UTC),
    )


def stories(
    workload: Workload, count: int, *, words: int, seed: int = 11, start: int = 0
) -> Iterator[Story]:
    """`count` stories about random topics of the workload."""
    rng = random.Random(seed)
    topic_ids = list(workload.by_topic)
    for i in range(count):
        yield make_story(rng, workload, rng.choice(topic_ids), words=words, serial=start + i)
