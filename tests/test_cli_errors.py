"""Bad input gets one clear line on stderr and exit status 2 — never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.clirun import Run, claimwatch
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
    url = f"http://127.0.0.1:{free_port()}/feed.xml"
    line = one_line_error(
        claimwatch("replay", url, "--config", str(config_dir), cwd=config_dir.parent)
    )
    assert url in line
    assert "refused" in line.lower() or "connect" in line.lower()
