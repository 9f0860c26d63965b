"""The command line: ``claimwatch <command>`` (also ``python -m bot``).

Bad input (a config mistake, a missing or broken feed) gets one clear line on stderr and exit
status 2, before anything is done; an unexpected failure gets one line and status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
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
import sqlalchemy as sa
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
from bot.config import CHANNELS_FILE, FEEDS_FILE, Config, ConfigError, load_config
from bot.core.render import render_alert
from bot.core.serialize import finding_to_dict
from bot.errors import ClaimwatchError
from bot.logfmt import stream_handler
from bot.service import FEED_FAILURE, FeedError, FeedSource, Service, publication_order
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
    handler = stream_handler(sys.stderr, settings.secrets)  # secrets masked, controls escaped
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic", "trafilatura"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # A 429 past its retries is logged by python-telegram-bot as an error with a traceback,
    # then raised to our sender, which handles it (the channel waits retry_after): not an error.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)


def _state_url(arg: str | None, settings: Settings) -> str:
    """The state's URL; a relative SQLite path made absolute, so that the log says which file
    holds the state (run from another folder, the default is a new, empty one)."""
    url = arg or str(settings.database_url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        path, sep, query = url.removeprefix("sqlite:///").partition("?")
        if path and path != ":memory:":
            return f"sqlite:///{Path(path).resolve()}{sep}{query}"
    return url


def _open_state(arg: str | None, settings: Settings) -> Store:
    """The state database of ``--state``, or else of ``DATABASE_URL`` (or its default)."""
    return _open_store(_state_url(arg, settings), "--state" if arg else "DATABASE_URL")


def _open_store(url: str, origin: str = "") -> Store:
    try:
        return Store.open(url)
    except Exception as exc:
        where = f" ({origin})" if origin else ""
        try:
            shown = sa.make_url(url).render_as_string(hide_password=True)
        except Exception:  # not a URL at all: say what one looks like, never echo it
            raise UsageError(
                f"cannot open the state database{where}: not a database URL "
                "(expected sqlite:///path/to/file.db or postgresql://user@host/db)"
            ) from None
        reason = getattr(exc, "orig", None) or exc  # the driver's own words, not SQLAlchemy's
        raise UsageError(f"cannot open the state database {shown}{where}: {reason}") from None


def _one_line(message: str) -> str:
    """A message as one line: a driver's hint or a YAML excerpt joined, SQLAlchemy's link cut."""
    lines = [line.strip() for line in message.splitlines()]
    kept = [line for line in lines if line and not line.startswith("(Background on this error")]
    return " ".join(kept)


def _notes(config: Config, settings: Settings) -> list[str]:
    """What would make the bot quietly do nothing: no feed, no channel, a channel whose
    platform has no token (its alerts would wait unseen)."""
    notes = []
    if not config.feeds:
        notes.append(f"no feeds in {FEEDS_FILE}: nothing is polled until one is added")
    if not config.channels:
        notes.append(f"no channels in {CHANNELS_FILE}: findings are stored, no alert is sent")
    connected = {
        "console": True,
        "telegram": bool(settings.telegram_bot_token),
        "slack": bool(settings.slack_bot_token),
    }
    token = {"telegram": "TELEGRAM_BOT_TOKEN", "slack": "SLACK_BOT_TOKEN"}
    return notes + [
        f"channel {channel.id} is on {channel.platform}, but {token[channel.platform]} is not "
        "set: its alerts wait in the outbox until it is"
        for channel in config.channels
        if not connected.get(channel.platform, True)
    ]


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
    for note in _notes(config, settings):
        out.write(f"note: {note}\n")
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
        store = _open_state(args.state, settings) if args.state else _throwaway(stack)
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
            out.write(f"{stories} {'story' if stories == 1 else 'stories'} replayed, ")
            out.write(f"{count} finding(s).\n")
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


def _throwaway(stack: ExitStack) -> Store:
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="claimwatch-"))
    return _open_store(f"sqlite:///{folder}/claimwatch.db")


def cmd_demo(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    started = time.perf_counter()
    with ExitStack() as stack:
        folder = stack.enter_context(resources.as_file(resources.files("bot") / "demo"))
        config = _load(Path(folder))
        store = _throwaway(stack)
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
    store = _open_state(args.state, settings)
    try:
        for note in _notes(config, settings):
            log.warning("%s", note)
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
            alerts_per_message=settings.alerts_per_message,
        )

        polled = failed = 0

        async def run() -> int:
            nonlocal polled, failed
            async with httpx.AsyncClient() as client:
                for spec in feed_specs(config, store):
                    report = await service.poll(spec, client)
                    polled += report.status != "skipped"
                    if report.status == "error":
                        failed += 1
                        out.write(f"{spec.name}: failed: {report.error}\n")
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

        failure_log = logging.getLogger("bot.service")
        once = _FailureOnce()
        failure_log.addFilter(once)  # the summary line above says it; `run` keeps the log line
        try:
            sent = asyncio.run(run())
        finally:
            failure_log.removeFilter(once)
        out.write(f"{sent} alert(s) delivered.\n")
    finally:
        store.close()
    if polled and failed == polled:
        print(f"claimwatch: every feed polled failed ({failed} of {failed})", file=sys.stderr)
        return 1
    return 0


class _FailureOnce(logging.Filter):
    """Drops the service's per-failure warning ("feed X: error (failure n; next poll in …)"):
    `poll` prints each feed's outcome once, on its summary line. Disabling a feed is still
    logged (that is news the summary line does not carry)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, FEED_FAILURE, False)


def cmd_run(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """The long-running bot: a poll job per feed and the outbox dispatcher."""
    from bot.platforms import runners_for, senders_for
    from bot.scheduler import run_forever

    config = _load(args.config)
    store = _open_state(args.state, settings)
    try:
        try:
            store.lock_for_run()
        except AlreadyRunning as exc:
            raise UsageError(f"{exc}; not starting a second one") from None
        for note in _notes(config, settings):
            log.warning("%s", note)
        service = Service(
            config,
            store,
            senders=senders_for(settings, out),
            max_story_age=settings.max_story_age,
            delivery_concurrency=settings.delivery_concurrency,
            alerts_per_message=settings.alerts_per_message,
        )
        try:
            runners = runners_for(service, settings)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        # The claims and their index live as long as the process: out of the collector's sight,
        # a full collection no longer walks all of them (about 0.3 s at 100,000 claims).
        gc.freeze()
        try:
            asyncio.run(
                run_forever(
                    service,
                    runners=runners,
                    per_host=settings.fetch_per_host,
                    concurrency=settings.fetch_concurrency,
                )
            )
        except ClaimwatchError as exc:  # a platform refused the bot at start (a bad token)
            raise UsageError(str(exc)) from None
    finally:
        store.close()
    return 0


def cmd_extract(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, run_extract, stdin_text

    try:
        return run_extract(stdin_text("extract"), out, sys.stderr, jsonl=args.jsonl)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_stance(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, run_stance, stdin_text

    if not args.jsonl and not args.claim:  # before waiting for text that would not be used
        raise UsageError("--claim TEXT is required (or use --jsonl with a claim per line)")
    try:
        return run_stance(stdin_text("stance"), out, sys.stderr, claim=args.claim, jsonl=args.jsonl)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_eval(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    from bot.tools import InputError, default_corpus, run_eval

    try:
        corpus = args.corpus or default_corpus()
        if not corpus.exists():
            raise UsageError(f"{corpus}: corpus not found")
        return run_eval(corpus, out, split=args.split)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def cmd_chat(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """The console as a full chat: commands typed here reach the same handlers."""
    from bot.chat import run_chat

    config = _load(args.config)
    known = [channel.id for channel in config.channels]
    if args.channel and args.channel not in (*known, "console") and ":" not in args.channel:
        raise UsageError(
            f"--channel {args.channel}: no such channel in {config.folder / 'channels.yaml'} "
            f"(channels: {', '.join(known) or 'none'}; or telegram:<chat id>, slack:<channel id>)"
        )
    store = _open_state(args.state, settings)
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
    p.epilog = (
        "Prints one line per feed. Exit status: 0 when at least one feed answered (some"
        " failing is normal), 1 when every feed polled failed, 2 on bad input."
    )
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
        default=None,
        metavar="CORPUS",
        help="a corpus folder or file (default: tests/eval/stories of the checkout)",
    )
    p.add_argument("--split", choices=["tune", "holdout"], help="only this part of the corpus")
    p.set_defaults(func=cmd_eval)
    p = add("bench", "time the engine, the store and polling on this machine", with_config=False)
    p.add_argument("--quick", action="store_true", help="a tenth of the size, under two minutes")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("bench-results.json"),
        metavar="FILE",
        help="where to write the results as JSON (default: bench-results.json)",
    )
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
        print(f"claimwatch: error: {_one_line(str(exc))}", file=sys.stderr)
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
            f"claimwatch: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(set CLAIMWATCH_LOG_LEVEL=DEBUG for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
