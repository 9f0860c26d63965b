"""Engine benchmarks: stories per second through the engine alone and end to end (RSS documents
parsed by ``parse_feed``, then ``Service.ingest`` into SQLite), the issue-3 figure, and the
claim index against a brute-force scan.

Each function runs in its own process (see ``bot.bench``) and returns plain JSON-ready data.
"""

from __future__ import annotations

import dataclasses
import gc
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.adapters.feeds.parse import parse_feed
from bot.adapters.store import Store
from bot.bench.claims import Workload, make_story, make_workload, stories
from bot.bench.feedsite import render_rss
from bot.bench.report import Json, noise, peak_rss_mb, summary
from bot.config import Config
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.matching import (
    ClaimIndex,
    IndexedClaim,
    fit_rank,
    masked,
    quantity_key,
    similarity,
)
from bot.core.model import Figure, Story
from bot.core.reading import is_baseline_mention, keyword_regex, story_sentences
from bot.core.run import reference_figure
from bot.service import Service

WARMUP = 3
FEED_ITEMS = 20  # stories in one rendered feed document, about what a news feed carries


def settle() -> None:
    """Put what is loaded out of the collector's sight, as ``claimwatch run`` does once the
    claims are loaded (``gc.freeze()``): without it a full collection walks every claim and
    its index (about 0.3 s at 100,000 claims), and whether one lands in a timed batch decides
    its figure. Objects made after this point are collected as usual."""
    gc.freeze()


def bench_config(workload: Workload, folder: Path) -> Config:
    """A configuration of the workload's topics, no feeds, no channels, learning on."""
    return Config(
        folder=folder,
        topics=workload.topics,
        feeds=(),
        channels=(),
        learn_claims=frozenset(t.id for t in workload.topics),
    )


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


@dataclass(frozen=True)
class FeedDocument:
    """Some of a run's end-to-end stories, served as one RSS 2.0 document of one feed."""

    name: str
    url: str
    outlet: str
    served: tuple[Story, ...]  # the stories as rendered: the document's feed and outlet
    body: bytes


def feed_documents(run: int, batch: Sequence[Story], items: int = FEED_ITEMS) -> list[FeedDocument]:
    """``batch`` as RSS documents of about ``items`` stories each (evenly split: 30 stories
    make two of 15), rendered by the polling bench's feed site. A feed has one outlet, so each
    story takes its document's feed name and the outlet of the document's first story."""
    count = max(1, -(-len(batch) // items))
    size = -(-len(batch) // count)
    documents: list[FeedDocument] = []
    for number, first in enumerate(range(0, len(batch), size)):
        name = f"bench-run{run}-feed{number}"
        chunk = batch[first : first + size]
        outlet = chunk[0].outlet
        served = tuple(dataclasses.replace(s, feed=name, outlet=outlet) for s in chunk)
        link = f"https://news.example/{name}"
        body = render_rss(name, link, served)
        documents.append(FeedDocument(name, f"{link}.xml", outlet, served, body))
    return documents


def parse(document: FeedDocument) -> list[Story]:
    """The document through ``parse_feed``, as ``Service`` parses a fetched body."""
    parsed = parse_feed(
        document.body, feed_name=document.name, outlet=document.outlet, base_url=document.url
    )
    if parsed.error or len(parsed.stories) != len(document.served):
        raise RuntimeError(f"{document.name}: {parsed.error or len(parsed.stories)} stories")
    return parsed.stories


def differences(served: Sequence[Story], parsed: Sequence[Story]) -> Json:
    """How the parsed stories differ from those rendered: a count of each field that differs,
    and how many texts differ only in whitespace."""
    fields: dict[str, int] = {}
    whitespace_only = 0
    for before, after in zip(served, parsed, strict=True):
        for field in dataclasses.fields(Story):
            if getattr(before, field.name) != getattr(after, field.name):
                fields[field.name] = fields.get(field.name, 0) + 1
        if before.text != after.text and before.text.split() == after.text.split():
            whitespace_only += 1
    identical = sum(before == after for before, after in zip(served, parsed, strict=True))
    return {
        "stories": len(served),
        "identical": identical,
        "fields_differing": fields,
        "texts_differing_in_whitespace_only": whitespace_only,
    }


def throughput(*, claims: int, runs: int, stories_per_run: int, words: int) -> Json:
    """Stories/s through the engine alone and end to end (``parse_feed`` of RSS documents, then
    Service.ingest of each parsed story into a SQLite file), the two taking every other story
    of a run. The documents are rendered before the timing, as a feed server would have them."""
    before = noise()
    workload = make_workload(claims)
    batches = list(stories(workload, WARMUP + 2 * runs * stories_per_run, words=words))
    warmup, batches = batches[:WARMUP], batches[WARMUP:]
    per_run = [
        batches[2 * run * stories_per_run : (2 * run + 2) * stories_per_run] for run in range(runs)
    ]
    documents = [feed_documents(run, batch[1::2]) for run, batch in enumerate(per_run)]
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        start = time.perf_counter()
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        service = Service(bench_config(workload, Path(tmp)), store)
        setup_s = time.perf_counter() - start
        try:
            for story in warmup:
                service.ingest(story, feed_url="bench://warmup")
            parse(feed_documents(-1, warmup)[0])  # feedparser's first call loads its modules
            settle()
            alone: list[float] = []
            stored: list[float] = []
            parse_ms: list[float] = []
            served: list[Story] = []
            parsed: list[Story] = []
            findings = statements = 0
            for batch, docs in zip(per_run, documents, strict=True):
                # the two alternate story by story, so that both meet the same engine state,
                # the same mix of stories and the same moments of a busy machine; a document
                # is parsed just before the first of its stories is stored
                engine_stories = iter(batch[0::2])
                alone_s = stored_s = parse_s = 0.0
                for document in docs:
                    start = time.perf_counter()
                    entries = parse(document)
                    parse_s += time.perf_counter() - start
                    served += document.served
                    parsed += entries
                    for entry in entries:
                        start = time.perf_counter()
                        result = service.engine.process(next(engine_stories))
                        alone_s += time.perf_counter() - start
                        findings += len(result.findings)
                        statements += len(result.statements)
                        start = time.perf_counter()
                        service.ingest(entry, feed_url=document.url)
                        stored_s += time.perf_counter() - start
                alone.append(_rate(stories_per_run, alone_s))
                stored.append(_rate(stories_per_run, stored_s + parse_s))
                parse_ms.append(parse_s * 1000 / stories_per_run)
            counts = store.counts()
        finally:
            gc.unfreeze()
            store.close()
    processed = runs * stories_per_run
    items = [len(d.served) for docs in documents for d in docs]
    return {
        "claims": claims,
        "topics": len(workload.topics),
        "words_per_story": words,
        "runs": runs,
        "stories_per_run": stories_per_run,
        "setup_s": setup_s,
        "engine_only": {"stories_per_s": summary(alone)},
        "with_store": {
            "stories_per_s": summary(stored),
            "includes": "parse_feed of RSS 2.0 documents + Service.ingest into SQLite",
        },
        "parse_ms_per_story": summary(parse_ms),
        "feed_documents": {
            "documents": len(items),
            "items_per_document": summary([float(n) for n in items]),
            "bytes_per_story": sum(len(d.body) for docs in documents for d in docs) / sum(items),
        },
        "parsed_as_served": differences(served, parsed),
        "findings_per_story": findings / processed if processed else 0.0,
        "statements_per_story": statements / processed if processed else 0.0,
        "store_counts": counts,
        "peak_rss_mb": peak_rss_mb(),
        "gc": "frozen after setup, as in claimwatch run",
        "noise": {"before": before, "after": noise()},
    }


# --- issue 3: one long story, and the index against brute force --------------------------------


def _long_stories(workload: Workload, count: int, words: int, seed: int) -> list[Story]:
    rng = random.Random(seed)
    topic_ids = list(workload.by_topic)
    return [
        make_story(rng, workload, rng.choice(topic_ids), words=words, serial=10_000 + i)
        for i in range(count)
    ]


def per_story_ms(workload: Workload, long_stories: Sequence[Story]) -> list[float]:
    """Engine.process (extract, match, compare; no store) per story, in ms."""
    engine = Engine(workload.topics)
    engine.process(long_stories[0])  # warm-up
    settle()
    times: list[float] = []
    for story in long_stories[1:]:
        start = time.perf_counter()
        engine.process(story)
        times.append((time.perf_counter() - start) * 1000)
    gc.unfreeze()
    return times


def _brute_best(
    claims: Sequence[IndexedClaim],
    scores: Sequence[float],
    topic: str,
    figure: Figure,
    topic_stems: frozenset[str],
) -> IndexedClaim | None:
    """ClaimIndex.best_for_figure's rule (`fit_rank`) over every claim, each already scored."""
    best: tuple[tuple[int, bool, float, str], IndexedClaim] | None = None
    key = quantity_key(figure)
    for claim, score in zip(claims, scores, strict=True):
        reference = claim.reference
        if claim.spec.topic != topic or reference is None or key is None:
            continue
        if reference.unit != figure.unit or quantity_key(reference) != key:
            continue
        fit = fit_rank(figure, claim, score, topic_stems)
        if fit is None:
            continue
        rank = (*fit, -score, claim.spec.id)
        if best is None or rank < best[0]:
            best = (rank, claim)
    return best[1] if best else None


def index_vs_brute(name: str, workload: Workload, long_stories: Sequence[Story]) -> Json:
    """For every counted figure of every gated sentence: the index's best claim and the
    brute-force best (every claim scored with the same rapidfuzz scorer, numbers masked)."""
    index = ClaimIndex()
    for t in workload.topics:  # as the engine does: where a topic's claims are placed
        index.name_topic(t.id, (t.name, *t.keywords))
    for claim in workload.claims:
        index.add(claim.spec, reference_figure(claim.spec.text))
    everything = index.all()
    gates = {t.id: keyword_regex(t.keywords) for t in workload.topics}
    index_ms: list[float] = []
    brute_ms: list[float] = []
    queries = same = found_index = found_brute = 0
    index_total = brute_total = 0.0
    for story in long_stories:
        whole = f"{story.title}\n{story.text}"
        topics = [topic for topic, gate in gates.items() if gate.search(whole)]
        if not topics:
            continue
        story_index = story_brute = 0.0
        story_queries = 0
        for sentence in story_sentences(story):
            figures = [
                f
                for f in extract_figures(sentence.text)
                if quantity_key(f) and not is_baseline_mention(sentence.text, f)
            ]
            if not figures:
                continue
            sentence_masked = masked(sentence.text)
            start = time.perf_counter()
            scores = [similarity(claim.masked, sentence_masked) for claim in everything]
            scored_s = time.perf_counter() - start
            for topic in topics:
                for figure in figures:
                    start = time.perf_counter()
                    hit = index.best_for_figure(topic, figure, sentence_masked)
                    story_index += time.perf_counter() - start
                    start = time.perf_counter()
                    brute = _brute_best(everything, scores, topic, figure, index.topic_stems(topic))
                    story_brute += time.perf_counter() - start
                    picked = hit[0].spec.id if hit else None
                    wanted = brute.spec.id if brute else None
                    queries += 1
                    story_queries += 1
                    same += picked == wanted
                    found_index += picked is not None
                    found_brute += wanted is not None
            story_brute += scored_s
        index_total += story_index
        brute_total += story_brute
        if story_queries:
            index_ms.append(story_index * 1000 / story_queries)
            brute_ms.append(story_brute * 1000 / story_queries)
    return {
        "name": name,
        "claims": len(workload.claims),
        "claims_per_topic": len(workload.claims) // max(1, len(workload.topics)),
        "stories": len(long_stories),
        "queries": queries,
        "index_found": found_index,
        "brute_found": found_brute,
        "index_ms_per_query": summary(index_ms),
        "brute_ms_per_query": summary(brute_ms),
        "speedup": brute_total / index_total if index_total else float("inf"),
        "agreement_pct": 100 * same / queries if queries else 100.0,
    }


def issue3(*, claims: int, words: int, timing_stories: int, brute_stories: int) -> Json:
    """The issue-3 figure (ms per long story) and the index-vs-brute comparison in two shapes:
    the usual one (50 claims a topic) and a dense one (10 topics) where the index must prune."""
    before = noise()
    sparse = make_workload(claims)
    timed = per_story_ms(sparse, _long_stories(sparse, timing_stories + 1, words, seed=31))
    shapes = [
        index_vs_brute(
            f"{len(sparse.topics)} topics × 50",
            sparse,
            _long_stories(sparse, brute_stories, words, 41),
        )
    ]
    dense = make_workload(claims, per_topic=max(1, claims // 10), seed=8)
    shapes.append(
        index_vs_brute(
            f"{len(dense.topics)} topics × {claims // len(dense.topics):,}",
            dense,
            _long_stories(dense, brute_stories, words, seed=43),
        )
    )
    return {
        "claims": claims,
        "words": words,
        "ms_per_story": summary(timed),
        "shapes": shapes,
        "peak_rss_mb": peak_rss_mb(),
        "noise": {"before": before, "after": noise()},
    }
