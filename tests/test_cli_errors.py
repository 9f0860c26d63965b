"""Bad input gets one clear line on stderr and exit status 2 — never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clirun import Run, claimwatch
from tests.feedserver import ClosedPort
from tests.test_config import CHANNELS, CLAIMS

RSS_EMPTY = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Empty</title><link>https://e.example/</link>
<description>nothing yet</description></channel></rss>
"""
HTML_PAGE = "<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "claims.yaml").write_text(CLAIMS)
    (folder / "feeds.yaml").write_text("feeds: []\n")
    (folder / "channels.yaml").write_text(CHANNELS)
    return folder


def one_line_error(run: Run) -> str:
    assert run.code == 2, (run.code, run.out, run.err)
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    assert lines[0].startswith("claimwatch: error: ")
    return lines[0]


def test_check_config_accepts_a_good_folder(config_dir: Path) -> None:
    run = claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    assert run.code == 0, run.err
    assert "OK — 1 topic(s), 1 claim(s), 0 feed(s), 1 channel(s)" in run.out


def test_a_missing_config_file(config_dir: Path) -> None:
    (config_dir / "claims.yaml").unlink()
    line = one_line_error(
        claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "claims.yaml: file not found" in line


def test_a_yaml_syntax_error(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text("channels:\n  - id: desk\n   platform: x\n")
    line = one_line_error(
        claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "channels.yaml:3: YAML syntax error" in line


def test_an_unknown_key(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(CHANNELS.replace("min_severity", "min_severty"))
    line = one_line_error(
        claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "channels.yaml:5: channels[0].min_severty: unknown key" in line


def test_a_wrong_type(config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text(
        "feeds:\n  - url: a.xml\n    name: A\n    full_text: maybe\n"
    )
    (config_dir / "a.xml").write_text(RSS_EMPTY)
    line = one_line_error(
        claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "feeds.yaml:4: feeds[0].full_text: expected a bool" in line


def test_replay_refuses_a_bad_config_before_doing_anything(config_dir: Path) -> None:
    (config_dir / "claims.yaml").write_text("topics: [}\n")
    feed = config_dir / "feed.xml"
    feed.write_text(RSS_EMPTY)
    line = one_line_error(
        claimwatch("replay", str(feed), "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "claims.yaml:1: YAML syntax error" in line


def test_a_feed_path_that_does_not_exist(config_dir: Path) -> None:
    line = one_line_error(
        claimwatch("replay", "nowhere.xml", "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "nowhere.xml: file not found" in line


def test_a_file_that_is_not_a_feed(config_dir: Path) -> None:
    page = config_dir.parent / "page.html"
    page.write_text(HTML_PAGE)
    line = one_line_error(
        claimwatch("replay", str(page), "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "page.html: not a feed" in line


def test_an_empty_feed(config_dir: Path) -> None:
    feed = config_dir.parent / "empty.xml"
    feed.write_text(RSS_EMPTY)
    line = one_line_error(
        claimwatch("replay", str(feed), "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert "empty.xml: empty feed" in line


def test_an_unreachable_url(config_dir: Path) -> None:
    with ClosedPort() as refused:  # held, so nothing else can be listening there meanwhile
        url = f"http://127.0.0.1:{refused.port}/feed.xml"
        line = one_line_error(
            claimwatch("replay", url, "--config", str(config_dir), cwd=config_dir.parent)
        )
    assert url in line
    assert "refused" in line.lower() or "connect" in line.lower()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("notaurl", "(DATABASE_URL): not a database URL (expected sqlite:///"),
        ("mysql://db.example/claims", "mysql://db.example/claims (DATABASE_URL): unsupported"),
    ],
)
def test_a_bad_database_url_names_the_setting(config_dir: Path, url: str, expected: str) -> None:
    run = claimwatch(
        "poll", "--config", str(config_dir), cwd=config_dir.parent, env={"DATABASE_URL": url}
    )
    assert expected in one_line_error(run)


def test_an_unreachable_database_is_one_line_without_its_password(config_dir: Path) -> None:
    with ClosedPort() as refused:  # held, so nothing else can be listening there meanwhile
        url = f"postgresql://desk:hunter2hunter2@127.0.0.1:{refused.port}/claims"
        line = one_line_error(
            claimwatch("poll", "--config", str(config_dir), "--state", url, cwd=config_dir.parent)
        )
    assert f"postgresql://desk:***@127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}" in line
    assert "(--state): connection failed" in line
    assert "hunter2" not in line
    assert "sqlalche.me" not in line  # SQLAlchemy's "Background on this error" link


def test_the_log_says_which_sqlite_file_is_the_state(config_dir: Path) -> None:
    db = config_dir.parent / "desk.db"
    run = claimwatch(
        "poll",
        "--config",
        str(config_dir),
        cwd=config_dir.parent,
        env={"DATABASE_URL": f"sqlite:///{db}"},
    )
    assert run.code == 0, run.err
    assert f"store opened: sqlite:///{db}\n" in run.err  # not "store opened: ***"
    # a relative path (the default is state/claimwatch.db) is shown as the file it is
    run = claimwatch(
        "poll",
        "--config",
        str(config_dir),
        cwd=config_dir.parent,
        env={"DATABASE_URL": "sqlite:///state/claimwatch.db"},
    )
    assert run.code == 0, run.err
    where = (config_dir.parent / "state" / "claimwatch.db").resolve()
    assert f"store opened: sqlite:///{where}\n" in run.err
    assert where.is_file()


def test_a_chat_platform_without_its_token_is_pointed_out(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text(
        CHANNELS + "  - id: tg\n    platform: telegram\n    chat: -1001234567890\n"
    )
    check = claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    assert check.code == 0, check.err
    note = (
        "channel tg is on telegram, but TELEGRAM_BOT_TOKEN is not set: "
        "its alerts wait in the outbox until it is"
    )
    assert f"note: {note}" in check.out
    assert "channel desk" not in check.out  # the console needs no token
    poll = claimwatch("poll", "--config", str(config_dir), cwd=config_dir.parent)
    assert poll.code == 0, poll.err
    assert f"WARNING bot.cli: {note}" in poll.err
    with_token = claimwatch(
        "check-config",
        "--config",
        str(config_dir),
        cwd=config_dir.parent,
        env={"TELEGRAM_BOT_TOKEN": "123456:ABCDEF"},
    )
    assert with_token.code == 0, with_token.err
    assert "TELEGRAM_BOT_TOKEN" not in with_token.out


def test_a_config_that_would_quietly_do_nothing_says_so(config_dir: Path) -> None:
    (config_dir / "channels.yaml").write_text("channels:\n#  - id: desk\n")
    run = claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent)
    assert run.code == 0, run.err
    assert run.out.splitlines()[1:] == [
        "note: no feeds in feeds.yaml: nothing is polled until one is added",
        "note: no channels in channels.yaml: findings are stored, no alert is sent",
    ]


def test_an_unknown_log_level_is_refused(config_dir: Path) -> None:
    run = claimwatch(
        "check-config",
        "--config",
        str(config_dir),
        cwd=config_dir.parent,
        env={"CLAIMWATCH_LOG_LEVEL": "verbose"},
    )
    line = one_line_error(run)
    assert "CLAIMWATCH_LOG_LEVEL: expected DEBUG, INFO, WARNING or ERROR, got 'verbose'" in line


def test_the_default_config_folder_missing_says_how_to_point_at_one(tmp_path: Path) -> None:
    line = one_line_error(claimwatch("check-config", cwd=tmp_path))
    assert "config: config folder not found" in line
    assert "--config DIR or set CLAIMWATCH_CONFIG" in line


def test_a_corpus_that_is_not_yaml_is_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n```sh\nmake demo\n```\n")
    line = one_line_error(claimwatch("eval", str(notes), cwd=tmp_path))
    assert str(notes) in line


def test_eval_of_a_file_that_is_not_a_corpus_says_what_was_expected(tmp_path: Path) -> None:
    text = tmp_path / "notes.yaml"
    text.write_text("just some words\n")
    line = one_line_error(claimwatch("eval", str(text), cwd=tmp_path))
    assert f"{text}: found the text “just some words”" in line
    assert "expected a corpus file: a YAML mapping with id, topic" in line
    assert "TypeError" not in line and "string indices" not in line
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n  - {name: a, url: 'https://a.example/rss'}\n")
    line = one_line_error(claimwatch("eval", str(feeds), cwd=tmp_path))
    assert f"{feeds}: found a mapping of feeds but no stories" in line
    assert "KeyError" not in line


def test_eval_of_a_broken_story_names_its_number_line_and_key(tmp_path: Path) -> None:
    corpus = tmp_path / "small.yaml"
    corpus.write_text(
        "id: small\n"
        "topic: {id: t, name: T, keywords: [troops], claims: []}\n"
        "stories:\n"
        "  - {key: s1, outlet: Wire, text: 'No figures.'}\n"
        "  - key: s2\n"
        "    outlet: Wire\n"
        "    figures:\n"
        "      - {text: '600', low: many}\n"
    )
    line = one_line_error(claimwatch("eval", str(corpus), cwd=tmp_path))
    assert line.endswith(
        f"{corpus}: story #2 (line 5, key s2): figure #1 low: expected a number,"
        " found the text “many”"
    )
    corpus.write_text(corpus.read_text().replace("    outlet: Wire\n", ""))
    line = one_line_error(claimwatch("eval", str(corpus), cwd=tmp_path))
    assert line.endswith(f"{corpus}: story #2 (line 5, key s2): 'outlet' is missing")


def test_eval_finds_its_corpus_from_any_folder(tmp_path: Path) -> None:
    run = claimwatch("eval", "--split", "holdout", cwd=tmp_path)
    assert run.code == 0, run.err
    assert "F1" in run.out and "holdout" not in run.err


def test_one_story_is_a_story(config_dir: Path) -> None:
    feed = config_dir.parent / "one.xml"
    feed.write_text(
        RSS_EMPTY.replace(
            "</channel>",
            "<item><title>Troops</title><guid>1</guid><description>North Korea sent 11,000 "
            "troops to Russia.</description></item></channel>",
        )
    )
    run = claimwatch("replay", str(feed), "--config", str(config_dir), cwd=config_dir.parent)
    assert run.code == 0, run.err
    assert "1 story replayed, 1 finding(s)." in run.out


def test_chat_as_a_channel_that_does_not_exist_is_refused(config_dir: Path) -> None:
    line = one_line_error(
        claimwatch("chat", "--config", str(config_dir), "--channel", "dsek", cwd=config_dir.parent)
    )
    assert "--channel dsek: no such channel in" in line and "(channels: desk;" in line


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"TELEGRAM_WEBHOOK_URL": "http://bot.example.org/tg", "TELEGRAM_WEBHOOK_SECRET": "ok"},
            "TELEGRAM_WEBHOOK_URL: Telegram posts updates only to an https:// URL",
        ),
        (
            {"TELEGRAM_WEBHOOK_SECRET": "my secret!"},
            "TELEGRAM_WEBHOOK_SECRET: expected 1 to 256 of A-Z, a-z, 0-9, _ and -",
        ),
        ({"TELEGRAM_BOT_TOKEN": "my-bot-password"}, "TELEGRAM_BOT_TOKEN: expected the token"),
        (
            {"SLACK_BOT_TOKEN": "xapp-1-A0-my-bot-password"},
            "SLACK_BOT_TOKEN: this is an app-level token (xapp-…); it goes in SLACK_APP_TOKEN",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-my-bot-password"},
            "SLACK_APP_TOKEN: expected an app-level token (xapp-…",
        ),
    ],
)
def test_a_setting_the_platform_would_refuse_is_named_at_start_without_showing_it(
    config_dir: Path, env: dict[str, str], expected: str
) -> None:
    run = claimwatch("check-config", "--config", str(config_dir), cwd=config_dir.parent, env=env)
    line = one_line_error(run)
    assert expected in line
    assert "my secret" not in line and "my-bot-password" not in line  # never echoed
