"""The command line: ``claimwatch <command>`` (also ``python -m bot``).

Bad input (a config mistake, a missing or broken feed) gets one clear line on stderr and exit
status 2, before anything is done; an unexpected failure gets one line and status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path
from typing import IO

import httpx
from rich.console import Console as RichConsole
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from bot import __version__
from bot.adapters.console import ConsoleChannel
from bot.adapters.store import AlreadyRunning, Store
from bot.config import Config, ConfigError, load_config
from bot.core.render import render_alert
from bot.core.serialize import finding_to_dict
from bot.service import FeedError, FeedSource, Service, publication_order
from bot.settings import Settings

log = logging.getLogger("bot.cli")

EXIT_BAD_INPUT = 2
PROGRESS_FROM = 50  # stories; a shorter replay is over before a bar would help


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def _setup_logging(settings: Settings, *, quiet: bool = False) -> None:
    level = getattr(logging, settings.log_level, logging.INFO)
    if quiet and level > logging.DEBUG:
        level = logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Redact(settings.secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic", "trafilatura"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # A 429 past its retries is logged by python-telegram-bot as an error with a traceback,
    # then raised to our sender, which handles it (the channel waits retry_after): not an error.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)


class _Redact(logging.Filter):
    """Replaces every secret value in a log record with ***."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            for secret in self.secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


def _state_url(arg: str | None, settings: Settings) -> str:
    return arg or str(settings.database_url)


def _open_store(url: str) -> Store:
    try:
        return Store.open(url)
    except Exception as exc:
        raise UsageError(f"cannot open the state database: {exc}") from None


def _load(folder: Path) -> Config:
    return load_config(folder)


# --- commands -------------------------------------------------------------------------------


def cmd_check_config(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    config = _load(args.config)
    claims = sum(len(t.claims) for t in config.topics)
    out.write(
        f"{config.folder}: OK — {len(config.topics)} topic(s), {claims} claim(s), "
        f"{len(config.feeds)} feed(s), {len(config.channels)} channel(s)\n"
    )
    return 0


async def _read_all(
    service: Service, sources: Sequence[FeedSource]
) -> list[tuple[FeedSource, list]]:  # type: ignore[type-arg]
    async with httpx.AsyncClient() as client:
        batches = []
        for source in sources:
            try:
                batches.append((source, await service.read(source, client)))
            except FeedError as exc:
                raise UsageError(str(exc)) from None
        return batches


def cmd_replay(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    config = _load(args.config)
    with ExitStack() as stack:
        url = args.state or _throwaway_state(stack)
        store = _open_store(url)
        stack.callback(store.close)
        service = Service(config, store)
        sources = [_source_for(location) for location in args.feeds]
        batches = asyncio.run(_read_all(service, sources))
        console = ConsoleChannel(out) if not args.json else None
        ordered = publication_order(batches)
        progress = stack.enter_context(_progress(len(ordered), "replaying"))
        count = stories = 0
        for source, story in ordered:
            result = service.ingest(story, feed_url=source.location, deliver=False)
            progress.advance()
            if result is None:
                continue
            stories += 1
            for finding in result.findings:
                count += 1
                if args.json:
                    out.write(json.dumps(finding_to_dict(finding), ensure_ascii=False) + "\n")
                elif console is not None:
                    console.console.print(console.render(render_alert(finding_to_dict(finding))))
        if not args.json:
            out.write(f"{stories} stories replayed, {count} finding(s).\n")
    return 0


class _Progress:
    """Stories done out of the total, as a live bar on stderr when stderr is a terminal (a long
    replay is minutes of work); nothing at all otherwise, so scripts and pipes see only output."""

    def __init__(self, bar: Progress | None, task: TaskID | None) -> None:
        self._bar, self._task = bar, task

    def advance(self) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)


@contextmanager
def _progress(total: int, what: str) -> Iterator[_Progress]:
    err = RichConsole(stderr=True)
    if not err.is_terminal or total < PROGRESS_FROM:
        yield _Progress(None, None)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("stories"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        yield _Progress(bar, bar.add_task(what, total=total))


def _source_for(location: str) -> FeedSource:
    if location.lower().startswith(("http://", "https://")):
        name = location.rstrip("/").rsplit("/", 1)[-1] or location
        return FeedSource(name, location, "")  # the outlet is the feed's own title
    path = Path(location).expanduser()
    if not path.exists():
        raise UsageError(f"{location}: file not found")
    return FeedSource(path.stem, str(path.resolve()), "")


def _throwaway_state(stack: ExitStack) -> str:
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="claimwatch-"))
    return f"sqlite:///{folder}/claimwatch.db"


def cmd_demo(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    started = time.perf_counter()
    with ExitStack() as stack:
        folder = stack.enter_context(resources.as_file(resources.files("bot") / "demo"))
        config = _load(Path(folder))
        store = _open_store(_throwaway_state(stack))
        stack.callback(store.close)
        console = ConsoleChannel(out)
        service = Service(config, store, senders={"console": console})
        console.console.rule("claimwatch demo — a developing story, replayed from sample feeds")
        sources = [FeedSource.of(spec) for spec in config.feeds]
        batches = asyncio.run(_read_all(service, sources))
        total = findings = 0
        for source, story in publication_order(batches):
            result = service.ingest(story, feed_url=source.location, deliver=True)
            if result is not None:
                total += 1
                findings += len(result.findings)
        alerts = asyncio.run(service.dispatch(limit=1000))
        digest = service.digest()
        if digest is not None:
            console.console.rule("Digest")
            asyncio.run(console.send(None, digest))
        elapsed = time.perf_counter() - started
        out.write(
            f"\n{total} stories from {len(sources)} feeds, {findings} findings, "
            f"{alerts} alerts on the console channel, in {elapsed:.1f}s.\n"
        )
    return 0


def cmd_poll(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Poll every configured feed once, then deliver what waits in the outbox."""
    from bot.chat import feed_specs

    config = _load(args.config)
    store = _open_store(_state_url(args.state, settings))
    try:
        try:  # one deliverer per state: a poll beside a run would post the outbox twice
            store.lock_for_run()
        except AlreadyRunning as exc:
            raise UsageError(f"{exc}; not polling beside it") from None
        console = ConsoleChannel(out)
        service = Service(
            config,
            store,
            senders={"console": console},
            max_story_age=settings.max_story_age,
            delivery_concurrency=settings.delivery_concurrency,
        )

        async def run() -> int:
            async with httpx.AsyncClient() as client:
                for spec in feed_specs(config, store):
                    report = await service.poll(spec, client)
                    if report.status == "error":
                        out.write(f"{spec.name}: {report.error}\n")
                    elif report.status == "skipped":
                        out.write(f"{spec.name}: skipped ({report.error})\n")
                    elif report.baseline:
                        out.write(
                            f"{spec.name}: first poll, {report.new_stories} stories "
                            "learned as the baseline (no alerts)\n"
                        )
                    else:
                        out.write(
                            f"{spec.name}: {report.status}, {report.new_stories} new "
                            f"stories, {report.findings} findings\n"
                        )
            return await service.dispatch()

        sent = asyncio.run(run())
        out.write(f"{sent} alert(s) delivered.\n")
    finally:
        store.close()
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """The long-running bot: a poll job per feed and the outbox dispatcher."""
    from bot.platforms import runners_for, senders_for
    from bot.scheduler import run_forever

    config = _load(args.config)
    store = _open_store(_state_url(args.state, settings))
    try:
        try:
            store.lock_for_run()
        except AlreadyRunning as exc:
            raise UsageError(f"{exc}; not starting a second one") from None
        service = Service(
            config,
            store,
            senders=senders_for(settings, out),
            max_story_age=settings.max_story_age,
            delivery_concurrency=settings.delivery_concurrency,
        )
        try:
            runners = runners_for(service, settings)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        asyncio.run(
            run_forever(
                service,
                runners=runners,
                per_host=settings.fetch_per_host,
                concurrency=settings.fetch_concurrency,
            )
        )
    finally:
        store.close()
    return 0


def cmd_extract(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, run_extract

    try:
        return run_extract(sys.stdin, out, sys.stderr, jsonl=args.jsonl)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_stance(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, run_stance

    try:
        return run_stance(sys.stdin, out, sys.stderr, claim=args.claim, jsonl=args.jsonl)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_eval(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, run_eval

    if not args.corpus.exists():
        raise UsageError(f"{args.corpus}: corpus not found")
    try:
        return run_eval(args.corpus, out, split=args.split)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_chat(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """The console as a full chat: commands typed here reach the same handlers."""
    from bot.chat import run_chat

    config = _load(args.config)
    store = _open_store(_state_url(args.state, settings))
    try:
        service = Service(config, store, senders={"console": ConsoleChannel(out)})
        return run_chat(
            service,
            input=sys.stdin,
            output=out,
            user=args.user,
            admin=not args.no_admin,
            channel_id=args.channel,
        )
    finally:
        store.close()


def cmd_bench(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.bench import run_bench

    return run_bench(quick=args.quick, out=args.out, stream=out)


# --- entry point ----------------------------------------------------------------------------


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimwatch",
        description="Watches news feeds for new figures and contradictions in tracked claims.",
    )
    parser.add_argument("--version", action="version", version=f"claimwatch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help: str, with_config: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        if with_config:
            p.add_argument(
                "--config",
                type=Path,
                default=settings.config_dir,
                metavar="DIR",
                help=f"config folder (default: {settings.config_dir})",
            )
        return p

    add("check-config", "validate claims.yaml, feeds.yaml and channels.yaml").set_defaults(
        func=cmd_check_config
    )
    p = add("demo", "run the bundled sample feeds through the whole path", with_config=False)
    p.set_defaults(func=cmd_demo)
    p = add("replay", "process the stories of feeds in publication order and print findings")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed file paths or http(s) URLs")
    p.add_argument(
        "--state", metavar="URL", help="record into this database (default: a throwaway one)"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per finding")
    p.set_defaults(func=cmd_replay)
    p = add("poll", "poll every configured feed once and deliver the alerts")
    p.add_argument("--state", metavar="URL", help="state database URL (default: DATABASE_URL)")
    p.set_defaults(func=cmd_poll)
    p = add("chat", "use the bot from the terminal: type /help, /claims, /claim …")
    p.add_argument("--state", metavar="URL", help="state database URL (default: DATABASE_URL)")
    p.add_argument("--channel", metavar="ID", help="act as this channel (default: the first)")
    p.add_argument("--user", default="console", metavar="ID", help="your user id")
    p.add_argument("--no-admin", action="store_true", help="act as a user who is not an admin")
    p.set_defaults(func=cmd_chat)
    p = add("extract", "print the figures of a text read on stdin", with_config=False)
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='one {"id", "text"} a line in, one {"id", "figures"} a line out',
    )
    p.set_defaults(func=cmd_extract)
    p = add("stance", "the stance of a text (stdin) toward a claim", with_config=False)
    p.add_argument("--claim", metavar="TEXT", help="the claim's text")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='one {"id", "claim", "text"} a line in, one {"id", "stance", "score", '
        '"evidence"} a line out',
    )
    p.set_defaults(func=cmd_stance)
    p = add("eval", "measure the engine on a labelled corpus", with_config=False)
    p.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=Path("tests/eval/stories"),
        metavar="CORPUS",
        help="a corpus folder or file (default: tests/eval/stories)",
    )
    p.add_argument("--split", choices=["tune", "holdout"], help="only this part of the corpus")
    p.set_defaults(func=cmd_eval)
    p = add("bench", "time the engine, the store and polling on this machine", with_config=False)
    p.add_argument("--quick", action="store_true", help="a tenth of the size, under two minutes")
    p.add_argument("--out", type=Path, default=Path("bench-results.json"), metavar="FILE")
    p.set_defaults(func=cmd_bench)
    p = add("run", "run the bot: poll feeds on their schedule and deliver alerts")
    p.add_argument("--state", metavar="URL", help="state database URL (default: DATABASE_URL)")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None) -> int:
    out = out or sys.stdout
    try:
        settings = Settings.from_env(os.environ)
    except ValueError as exc:
        print(f"claimwatch: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    parser = build_parser(settings)
    args = parser.parse_args(argv)
    _setup_logging(settings, quiet=args.command not in ("run", "poll"))
    try:
        return int(args.func(args, settings, out))
    except (ConfigError, UsageError) as exc:
        print(f"claimwatch: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (`claimwatch replay ... | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("claimwatch: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log.debug("unexpected failure", exc_info=True)
        print(
            f"claimwatch: internal error: {type(exc).__name__}: {exc} "
            "(set CLAIMWATCH_LOG_LEVEL=DEBUG for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
