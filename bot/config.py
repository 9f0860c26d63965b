"""Loading and validating the three YAML files in the config folder.

``claims.yaml`` (topics and their claims), ``feeds.yaml`` (what to poll) and ``channels.yaml``
(where alerts go). Every mistake becomes a :class:`ConfigError` that names the file, the line,
the field and what was expected, so the command line can print one clear line and exit.
Secrets never live here: tokens come from the environment (see ``bot.settings``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.core.model import ClaimSpec, FindingKind, Topic

CLAIMS_FILE = "claims.yaml"
FEEDS_FILE = "feeds.yaml"
CHANNELS_FILE = "channels.yaml"

Loc = tuple[str | int, ...]


class ConfigError(Exception):
    """A mistake in a config file: which file, which line, which field, what was expected."""

    def __init__(self, file: Path, message: str, *, line: int | None = None, field: str = ""):
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        where = f"{file}:{line}" if line else str(file)
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")


# --- YAML with line numbers -------------------------------------------------------------------


def _load_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Parse ``path``; return the data and a map from each value's location to its line."""
    if not path.is_file():
        raise ConfigError(path, "file not found" if not path.exists() else "not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            path,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            line=raw[: exc.start].count(b"\n") + 1,
        ) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        message = f"YAML syntax error: {exc.problem}"
        unclosed = _UNCLOSED.get(str(exc.context))
        if unclosed and exc.context_mark is not None and exc.context_mark.line + 1 != line:
            # an unclosed [ { or quote is noticed lines later: point at where it opens
            message += (
                f" at line {line}; the {unclosed[0]} opened here has no closing {unclosed[1]}"
            )
            line = exc.context_mark.line + 1
        raise ConfigError(path, message, line=line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, f"YAML error: {exc}") from None
    lines: dict[Loc, int] = {}
    if node is None:
        return None, lines
    return _construct(path, node, (), lines), lines


_UNCLOSED = {
    "while parsing a flow sequence": ("list", "]"),
    "while parsing a flow mapping": ("mapping", "}"),
    "while scanning a quoted scalar": ("quoted text", "quote"),
}


def _construct(path: Path, node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader(" ").construct_object(key_node)
            if not isinstance(key, str | int):
                raise ConfigError(
                    path, "keys must be plain words", line=key_node.start_mark.line + 1
                )
            if key in out:
                raise ConfigError(
                    path,
                    f"duplicate key {key!r}",
                    line=key_node.start_mark.line + 1,
                    field=_dotted((*loc, key)),
                )
            out[key] = _construct(path, value_node, (*loc, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(path, item, (*loc, i), lines) for i, item in enumerate(node.value)]
    loader = yaml.SafeLoader("")
    return loader.construct_object(node, deep=True)


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- The schema -------------------------------------------------------------------------------

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$")
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
# "news.example.org/rss.xml", "www.bbc.co.uk/news/rss": a host name without its scheme
_LOOKS_LIKE_HOST = re.compile(r"^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.IGNORECASE)


def parse_duration(value: Any) -> int:
    """``"10m"`` → 600 seconds; a bare number is seconds."""
    if isinstance(value, bool):
        raise ValueError("expected a duration like 10m, 1h or 90s")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"expected a duration like 10m, 1h or 90s, got {value!r}")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 10:
        raise ValueError("a poll interval under 10 seconds would hammer the server")
    return int(seconds)


Duration = Annotated[int, BeforeValidator(parse_duration)]
Ident = Annotated[str, Field(pattern=_ID, max_length=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ClaimConfig(_Strict):
    id: Ident
    text: str = Field(min_length=3, max_length=1000)
    source: str | None = None
    date: dt.date | None = None


class TopicConfig(_Strict):
    id: Ident
    name: str = Field(min_length=1)
    keywords: list[Annotated[str, Field(min_length=2)]] = Field(min_length=1)
    claims: list[ClaimConfig] = Field(default_factory=list)
    learn_claims: bool = True


def _none_is_empty(value: Any) -> Any:
    """``feeds:`` with every entry commented out is an empty list, not a mistake."""
    return [] if value is None else value


class ClaimsFile(_Strict):
    topics: Annotated[list[TopicConfig], BeforeValidator(_none_is_empty)] = Field(min_length=1)


class FeedConfig(_Strict):
    url: str = Field(min_length=1, description="http(s) URL, or a path relative to feeds.yaml")
    name: str = Field(min_length=1)
    interval: Duration = 600
    topics: list[str] | None = None
    full_text: bool = False
    outlet: str | None = None

    @field_validator("url")
    @classmethod
    def _http_or_path(cls, value: str) -> str:
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://", value)
        if scheme and scheme.group(1).lower() not in ("http", "https", "file"):
            raise ValueError(f"expected an http(s) URL or a file path, got {value!r}")
        return value


class FeedsFile(_Strict):
    feeds: Annotated[list[FeedConfig], BeforeValidator(_none_is_empty)] = Field(
        default_factory=list
    )


class DigestConfig(_Strict):
    cron: str
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (expected e.g. Europe/Kyiv)") from None
        return value

    @model_validator(mode="after")
    def _valid_cron(self) -> DigestConfig:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(self.cron, timezone=self.timezone)
        except ValueError as exc:
            raise ValueError(f"cron: expected 5 fields like '0 8 * * *' ({exc})") from None
        return self


class ChannelConfig(_Strict):
    id: Ident
    platform: Literal["console", "telegram", "slack"]
    chat: str | int | None = None
    topics: list[str] | None = None
    min_severity: FindingKind = FindingKind.NEW_FIGURE
    digest: DigestConfig | None = None
    admins: list[str | int] = Field(default_factory=list)

    @model_validator(mode="after")
    def _chat_needed(self) -> ChannelConfig:
        if self.platform != "console" and self.chat in (None, ""):
            raise ValueError(f"a {self.platform} channel needs `chat:` (the chat or channel id)")
        return self

    @field_validator("admins")
    @classmethod
    def _slack_admins_name_their_team(
        cls, value: list[str | int], info: ValidationInfo
    ) -> list[str | int]:
        # Slack users are told apart by workspace: a bare member id would never match
        if info.data.get("platform") == "slack":
            for admin in value:
                if ":" not in str(admin):
                    raise ValueError(
                        f"a Slack admin is TEAM:USER, e.g. T0123456789:{admin} "
                        "(the workspace id, a colon, the member id)"
                    )
        return value


class ChannelsFile(_Strict):
    channels: Annotated[list[ChannelConfig], BeforeValidator(_none_is_empty)] = Field(
        default_factory=list
    )


# --- The loaded configuration -----------------------------------------------------------------


@dataclass(frozen=True)
class FeedSpec:
    name: str
    location: str  # an http(s) URL or an absolute file path
    interval_s: int
    topics: tuple[str, ...]
    full_text: bool
    outlet: str


@dataclass(frozen=True)
class ChannelSpec:
    id: str
    platform: str
    chat: str | None
    topics: tuple[str, ...]
    min_severity: FindingKind
    digest_cron: str | None
    digest_timezone: str
    admins: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    folder: Path
    topics: tuple[Topic, ...]
    feeds: tuple[FeedSpec, ...]
    channels: tuple[ChannelSpec, ...]
    learn_claims: frozenset[str]  # topic ids that learn claims

    @property
    def claims(self) -> Iterator[ClaimSpec]:
        for topic in self.topics:
            yield from topic.claims


M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], path: Path) -> tuple[M, dict[Loc, int]]:
    data, lines = _load_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(path, "expected a mapping at the top (e.g. `feeds:`)", line=1)
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        err = exc.errors()[0]
        loc: Loc = tuple(err["loc"])
        raise ConfigError(
            path, _explain(err), line=_line_of(lines, loc), field=_dotted(loc) or "(top)"
        ) from None


def _line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


_WANTED = {
    "list": "a list, e.g. [a, b]",
    "dict": "a mapping (key: value lines)",
    "string": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "a boolean (true or false)",
    "date": "a date like 2025-07-02",
}


def _explain(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; see the example files in config/)"
    if kind == "missing":
        return "required key is missing"
    if kind == "literal_error":
        return f"expected one of {err['ctx']['expected']}, got {err['input']!r}"
    if kind == "enum":
        return f"expected one of {err['ctx']['expected']}, got {err['input']!r}"
    if kind in ("too_short", "too_long"):
        least = kind == "too_short"
        limit = err["ctx"]["min_length" if least else "max_length"]
        if least and limit == 1:
            return "expected at least one entry, got none"
        got = err["ctx"].get("actual_length")
        return f"expected at {'least' if least else 'most'} {limit} entries, got {got}"
    if kind in ("string_too_short", "string_too_long"):
        least = kind == "string_too_short"
        limit = err["ctx"]["min_length" if least else "max_length"]
        if least and limit == 1:
            return "expected some text, got an empty value"
        return f"expected text of at {'least' if least else 'most'} {limit} characters"
    if kind == "string_pattern_mismatch":
        return f"expected letters, digits, '-', '_' or '.', got {err['input']!r}"
    base = kind.removesuffix("_type").removesuffix("_parsing").removesuffix("_from_datetime")
    if base in _WANTED and kind != base:
        return f"expected {_WANTED[base]}, got {err['input']!r}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return msg


def load_config(folder: Path) -> Config:
    """Read and cross-check claims.yaml, feeds.yaml and channels.yaml in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        problem = "not a folder" if folder.exists() else "config folder not found"
        raise ConfigError(
            folder,
            f"{problem} (the folder holding {CLAIMS_FILE}, {FEEDS_FILE} and {CHANNELS_FILE}: "
            "give --config DIR or set CLAIMWATCH_CONFIG)",
        )
    claims_path, feeds_path, channels_path = (
        folder / CLAIMS_FILE,
        folder / FEEDS_FILE,
        folder / CHANNELS_FILE,
    )
    claims, claim_lines = _validate(ClaimsFile, claims_path)
    feeds, feed_lines = _validate(FeedsFile, feeds_path)
    channels, channel_lines = _validate(ChannelsFile, channels_path)

    topic_ids: set[str] = set()
    claim_ids: set[str] = set()
    topics: list[Topic] = []
    for i, tc in enumerate(claims.topics):
        if tc.id in topic_ids:
            raise ConfigError(
                claims_path,
                f"duplicate topic id {tc.id!r}",
                line=_line_of(claim_lines, ("topics", i, "id")),
                field=f"topics[{i}].id",
            )
        topic_ids.add(tc.id)
        specs = []
        for j, cc in enumerate(tc.claims):
            if cc.id in claim_ids:
                raise ConfigError(
                    claims_path,
                    f"duplicate claim id {cc.id!r}",
                    line=_line_of(claim_lines, ("topics", i, "claims", j, "id")),
                    field=f"topics[{i}].claims[{j}].id",
                )
            claim_ids.add(cc.id)
            specs.append(
                ClaimSpec(
                    id=cc.id,
                    topic=tc.id,
                    text=cc.text,
                    source=cc.source,
                    date=cc.date.isoformat() if cc.date else None,
                )
            )
        topics.append(Topic(tc.id, tc.name, tuple(tc.keywords), tuple(specs)))

    def check_topics(path: Path, lines: dict[Loc, int], loc: Loc, names: list[str]) -> None:
        for k, name in enumerate(names):
            if name not in topic_ids:
                known = ", ".join(sorted(topic_ids))
                raise ConfigError(
                    path,
                    f"unknown topic {name!r} (topics in {CLAIMS_FILE}: {known})",
                    line=_line_of(lines, (*loc, k)),
                    field=_dotted((*loc, k)),
                )

    feed_specs: list[FeedSpec] = []
    seen_feeds: set[str] = set()
    for i, fc in enumerate(feeds.feeds):
        check_topics(feeds_path, feed_lines, ("feeds", i, "topics"), fc.topics or [])
        location = _feed_location(fc.url, folder)
        if "://" not in location and not Path(location).is_file():
            hint = ""
            if _LOOKS_LIKE_HOST.match(fc.url):
                hint = f" (a web feed's URL starts with https://, e.g. https://{fc.url})"
            raise ConfigError(
                feeds_path,
                f"feed file not found: {location}{hint}",
                line=_line_of(feed_lines, ("feeds", i, "url")),
                field=f"feeds[{i}].url",
            )
        if location in seen_feeds:
            raise ConfigError(
                feeds_path,
                f"feed listed twice: {fc.url}",
                line=_line_of(feed_lines, ("feeds", i, "url")),
                field=f"feeds[{i}].url",
            )
        seen_feeds.add(location)
        feed_specs.append(
            FeedSpec(
                name=fc.name,
                location=location,
                interval_s=fc.interval,
                topics=tuple(fc.topics or sorted(topic_ids)),
                full_text=fc.full_text,
                outlet=fc.outlet or fc.name,
            )
        )

    channel_specs: list[ChannelSpec] = []
    seen_channels: set[str] = set()
    for i, ch in enumerate(channels.channels):
        check_topics(channels_path, channel_lines, ("channels", i, "topics"), ch.topics or [])
        if ch.id in seen_channels:
            raise ConfigError(
                channels_path,
                f"duplicate channel id {ch.id!r}",
                line=_line_of(channel_lines, ("channels", i, "id")),
                field=f"channels[{i}].id",
            )
        seen_channels.add(ch.id)
        channel_specs.append(
            ChannelSpec(
                id=ch.id,
                platform=ch.platform,
                chat=None if ch.chat is None else str(ch.chat),
                topics=tuple(ch.topics or sorted(topic_ids)),
                min_severity=ch.min_severity,
                digest_cron=ch.digest.cron if ch.digest else None,
                digest_timezone=ch.digest.timezone if ch.digest else "UTC",
                admins=tuple(str(a) for a in ch.admins),
            )
        )
    return Config(
        folder=folder,
        topics=tuple(topics),
        feeds=tuple(feed_specs),
        channels=tuple(channel_specs),
        learn_claims=frozenset(tc.id for tc in claims.topics if tc.learn_claims),
    )


def _feed_location(url: str, folder: Path) -> str:
    """An http(s) URL as it is; a path (or file:// URL) made absolute against the folder."""
    if url.lower().startswith(("http://", "https://")):
        return url
    path = Path(url.removeprefix("file://")).expanduser()
    return str((folder / path).resolve())
