"""check-config: every mistake named by file, line, field and what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config, parse_duration
from bot.core.model import FindingKind

CLAIMS = """\
topics:
  - id: dprk-troops
    name: North Korean troops in Russia's war
    keywords: [North Korea, North Korean, Pyongyang, DPRK, Kim Jong Un]
    claims:
      - id: dprk-additional-troops
        text: North Korea will send 25,000 to 30,000 more troops to Russia
        source: Ukrainian intelligence, via CNN
        date: 2025-07-02
"""
FEEDS = """\
feeds:
  - url: https://example.org/world.rss
    name: Example World
    interval: 10m
  - url: local.xml
    name: Local file
    interval: 1h
    topics: [dprk-troops]
"""
CHANNELS = """\
channels:
  - id: desk
    platform: console
    topics: [dprk-troops]
    min_severity: new_figure
    digest: {cron: "0 8 * * *", timezone: Europe/Kyiv}
"""


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "feeds.yaml").write_text(FEEDS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "local.xml").write_text("<rss/>")
    return tmp_path


def error_of(folder: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(folder)
    return caught.value


def test_the_documented_example_loads(config_dir: Path) -> None:
    config = load_config(config_dir)
    assert [t.id for t in config.topics] == ["dprk-troops"]
    claim = next(config.claims)
    assert claim.id == "dprk-additional-troops"
    assert claim.date == "2025-07-02"
    assert config.feeds[0].interval_s == 600
    assert config.feeds[0].topics == ("dprk-troops",)  # default: every topic
    assert config.feeds[1].location == str((config_dir / "local.xml").resolve())
    assert config.channels[0].min_severity is FindingKind.NEW_FIGURE
    assert config.channels[0].digest_timezone == "Europe/Kyiv"


def test_the_shipped_examples_load() -> None:
    repo = Path(__file__).resolve().parent.parent
    config = load_config(repo / "config")
    assert config.topics and config.channels


def test_a_missing_file_is_named(config_dir: Path) -> None:
    (config_dir / "channels.yaml").unlink()
    err = error_of(config_dir)
    assert err.file.name == "channels.yaml"
    assert "file not found" in str(err)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    err = error_of(tmp_path / "nope")
    assert "config folder not found" in str(err)


def test_a_yaml_syntax_error_gives_its_line(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text("feeds:\n  - url: a.xml\n    name: [unclosed\n")
    err = error_of(config_dir)
    assert err.file.name == "feeds.yaml"
    assert err.line is not None and err.line >= 3
    assert "YAML syntax error" in str(err)


def test_an_unknown_key_gives_line_and_field(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text(
        FEEDS.replace("    interval: 1h\n", "    intervall: 1h\n")
    )
    err = error_of(config_dir)
    assert (err.file.name, err.line, err.field) == ("feeds.yaml", 7, "feeds[1].intervall")
    assert "unknown key" in err.message


def test_a_wrong_type_says_what_was_expected(config_dir: Path) -> None:
    (config_dir / "claims.yaml").write_text(
        CLAIMS.replace(
            "keywords: [North Korea, North Korean, Pyongyang, DPRK, Kim Jong Un]", "keywords: 42"
        )
    )
    err = error_of(config_dir)
    assert (err.line, err.field) == (4, "topics[0].keywords")
    assert "expected a list" in err.message


def test_a_bad_duration_is_explained(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text(FEEDS.replace("interval: 10m", "interval: soon"))
    err = error_of(config_dir)
    assert (err.line, err.field) == (4, "feeds[0].interval")
    assert "10m, 1h or 90s" in err.message


def test_an_unknown_severity_lists_the_choices(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS.replace("new_figure", "urgent"))
    err = error_of(config_dir)
    assert err.field == "channels[0].min_severity"
    assert "contradiction" in err.message and "'urgent'" in err.message


def test_an_unknown_topic_is_reported_where_it_is_used(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS.replace("[dprk-troops]", "[dprk-troop]"))
    err = error_of(config_dir)
    assert (err.line, err.field) == (4, "channels[0].topics[0]")
    assert "unknown topic 'dprk-troop'" in err.message


def test_a_missing_feed_file_is_reported(config_dir: Path) -> None:
    (config_dir / "local.xml").unlink()
    err = error_of(config_dir)
    assert (err.file.name, err.line) == ("feeds.yaml", 5)
    assert "feed file not found" in err.message


def test_duplicate_keys_and_ids_are_refused(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS + "    platform: slack\n")
    assert "duplicate key 'platform'" in str(error_of(config_dir))
    doubled = CHANNELS + textwrap.indent(CHANNELS.split("\n", 1)[1], "")
    (config_dir / "channels.yaml").write_text(doubled)
    assert "duplicate channel id 'desk'" in str(error_of(config_dir))


def test_a_chat_platform_needs_a_chat_id(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS.replace("console", "telegram"))
    err = error_of(config_dir)
    assert "needs `chat:`" in err.message


def test_a_bad_cron_and_time_zone_are_refused(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS.replace('"0 8 * * *"', '"every day"'))
    assert "cron" in error_of(config_dir).message
    (config_dir / "channels.yaml").write_text(CHANNELS.replace("Europe/Kyiv", "Mars/Olympus"))
    assert "unknown time zone" in error_of(config_dir).message


def test_only_http_urls_or_paths_are_feeds(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text(
        FEEDS.replace("https://example.org", "ftp://example.org")
    )
    assert "http(s) URL or a file path" in error_of(config_dir).message


def test_durations() -> None:
    assert parse_duration("90s") == 90
    assert parse_duration("10m") == 600
    assert parse_duration("1h") == 3600
    assert parse_duration(120) == 120
    with pytest.raises(ValueError):
        parse_duration("5s")


def test_a_list_with_every_entry_commented_out_is_empty(config_dir: Path) -> None:
    # What a newcomer does to switch off the example feeds: comment out every entry.
    (config_dir / "feeds.yaml").write_text("feeds:\n#  - url: https://example.org/world.rss\n")
    (config_dir / "channels.yaml").write_text("channels:\n")
    config = load_config(config_dir)
    assert (config.feeds, config.channels) == ((), ())


def test_no_topics_at_all_is_refused_in_words(config_dir: Path) -> None:
    for text in ("topics:\n", "topics: []\n"):
        (config_dir / "claims.yaml").write_text(text)
        err = error_of(config_dir)
        assert (err.line, err.field) == (1, "topics")
        assert err.message == "expected at least one entry, got none"


def test_too_short_values_are_explained_without_pydantic_wording(config_dir: Path) -> None:
    (config_dir / "claims.yaml").write_text(
        CLAIMS.replace("keywords: [North Korea,", "keywords: [N,")
    )
    err = error_of(config_dir)
    assert (err.line, err.field) == (4, "topics[0].keywords[0]")
    assert err.message == "expected text of at least 2 characters"
    (config_dir / "claims.yaml").write_text(
        CLAIMS.replace("name: North Korean troops in Russia's war", 'name: ""')
    )
    err = error_of(config_dir)
    assert (err.line, err.field, err.message) == (
        3,
        "topics[0].name",
        "expected some text, got an empty value",
    )


def test_a_file_that_is_not_utf8_gives_the_line_of_the_bad_byte(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_bytes(
        FEEDS.replace("Local file", "Le Monde é").encode("latin-1")
    )
    err = error_of(config_dir)
    assert (err.file.name, err.line) == ("feeds.yaml", 6)
    assert err.message == "not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_a_web_address_without_its_scheme_gets_a_hint(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text(FEEDS.replace("https://example.org", "example.org"))
    err = error_of(config_dir)
    assert (err.line, err.field) == (2, "feeds[0].url")
    assert "starts with https://, e.g. https://example.org/world.rss" in err.message
    (config_dir / "local.xml").unlink()  # a plain relative path gets no such hint
    (config_dir / "feeds.yaml").write_text(FEEDS)
    assert "https://" not in error_of(config_dir).message


def test_a_config_path_that_is_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    err = error_of(tmp_path / "claims.yaml")
    assert "not a folder" in str(err) and "CLAIMWATCH_CONFIG" in str(err)


def test_an_unclosed_bracket_or_quote_is_reported_where_it_opens(config_dir: Path) -> None:
    (config_dir / "claims.yaml").write_text(CLAIMS.replace("Kim Jong Un]", "Kim Jong Un"))
    err = error_of(config_dir)
    assert (err.file.name, err.line) == ("claims.yaml", 4)  # the keywords line, not the next
    assert err.message.endswith("the list opened here has no closing ]")
    (config_dir / "claims.yaml").write_text(CLAIMS.replace("text: North", 'text: "North'))
    err = error_of(config_dir)
    assert err.line == 7
    assert err.message.endswith("the quoted text opened here has no closing quote")


SLACK_CHANNEL = """\
  - id: factcheck
    platform: slack
    chat: C0123456789
    admins: [U0123456789]
"""


def test_a_slack_admin_without_its_team_is_refused(config_dir: Path) -> None:
    # Slack commands arrive from TEAM:USER; a bare member id would never be an admin.
    (config_dir / "channels.yaml").write_text(CHANNELS + SLACK_CHANNEL)
    err = error_of(config_dir)
    assert (err.file.name, err.line, err.field) == ("channels.yaml", 10, "channels[1].admins")
    assert "a Slack admin is TEAM:USER, e.g. T0123456789:U0123456789" in err.message
    fixed = SLACK_CHANNEL.replace("[U0123456789]", '["T0123456789:U0123456789"]')
    (config_dir / "channels.yaml").write_text(CHANNELS + fixed)
    assert load_config(config_dir).channels[1].admins == ("T0123456789:U0123456789",)


def test_the_commented_examples_load_once_uncommented(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parent.parent / "config"
    for name in ("claims.yaml", "feeds.yaml"):
        (tmp_path / name).write_text((repo / name).read_text())
    text = (repo / "channels.yaml").read_text()
    examples = [
        line.replace("  # ", "  ", 1)
        for line in text.splitlines()
        if line.startswith(("  # - id:", "  #   "))
    ]
    (tmp_path / "channels.yaml").write_text(text + "\n".join(examples) + "\n")
    config = load_config(tmp_path)
    assert [c.platform for c in config.channels] == ["console", "telegram", "slack"]
    assert config.channels[2].admins == ("T0123456789:U0123456789",)
