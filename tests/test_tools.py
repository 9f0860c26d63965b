"""extract, stance and eval from the command line, as a journalist or a script uses them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.clirun import child_env

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=child_env(PYTHONIOENCODING="utf-8"),
        check=False,
        timeout=120,
    )


def test_extract_explains_each_figure() -> None:
    run = cli("extract", stdin="Some 600 soldiers were killed, the ministry said.")
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        '"600" — about: 540 to 660 · counted: killed · event: casualties · said by: ministry\n'
    )


def test_extract_words_open_ended_and_fractional_figures() -> None:
    run = cli("extract", stdin="At least 30,000 troops may follow. Prices rose 8.5% in May.")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        '"30,000" — at least: 30,000 or more · counted: troops · said by: unattributed',
        '"8.5%" — exact: 8.5 (percent) · counted: ? · said by: unattributed',
    ]


def test_extract_jsonl_in_bulk_with_a_bad_line_reported_and_skipped() -> None:
    lines = [
        json.dumps({"id": "a", "text": "North Korea will send up to 30,000 troops, CNN said."}),
        "this is not json",
        json.dumps({"id": "b", "text": "No numbers here."}),
    ]
    run = cli("extract", "--jsonl", stdin="\n".join(lines) + "\n")
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    (figure,) = out[0]["figures"]
    assert (figure["low"], figure["high"], figure["hedge"]) == (0, 30000, "up_to")
    assert figure["counted"] == "troops"
    text = json.loads(lines[0])["text"]
    assert text[figure["span"][0] : figure["span"][1]] == figure["text"]
    assert out[1]["figures"] == []
    assert "stdin:2: not a JSON object" in run.stderr


def test_stance_of_a_denial_and_jsonl() -> None:
    claim = "North Korea will send 25,000 to 30,000 more troops to Russia"
    denial = "GUR said it had no information about plans to increase the troop count to 30,000."
    run = cli("stance", "--claim", claim, stdin=denial)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("refutes")
    rows = [
        {"id": 1, "claim": claim, "text": denial},
        {"id": 2, "claim": claim, "text": "The ministry did not deny the report."},
    ]
    run = cli("stance", "--jsonl", stdin="\n".join(json.dumps(r) for r in rows))
    assert run.returncode == 0, run.stderr
    out = {o["id"]: o for o in map(json.loads, run.stdout.splitlines())}
    assert out[1]["stance"] == "refutes" and out[1]["evidence"]
    assert out[2]["stance"] != "refutes"


def test_stance_needs_a_claim() -> None:
    run = cli("stance", stdin="text")
    assert run.returncode == 2
    assert "--claim TEXT is required" in run.stderr


def test_eval_prints_scores_per_kind_and_lists_misses() -> None:
    run = cli("eval", "tests/eval/stories", "--split", "tune")
    assert run.returncode == 0, run.stderr
    for kind in ("new_claim", "corroboration", "new_figure", "dispute", "contradiction"):
        assert kind in run.stdout
    assert "figures" in run.stdout and "counted" in run.stdout


def test_eval_of_a_missing_corpus() -> None:
    run = cli("eval", "no/such/folder")
    assert run.returncode == 2
    assert "corpus not found" in run.stderr


def test_an_empty_stdin_is_an_error_not_a_silent_nothing() -> None:
    for args in (("extract",), ("stance", "--claim", "North Korea sent 11,000 troops")):
        run = cli(*args, stdin=" \n")
        assert run.returncode == 2, (args, run.stdout)
        assert (
            run.stderr == "claimwatch: error: stdin: no text (pipe a story in, e.g. < story.txt)\n"
        )
        assert run.stdout == ""


def test_a_stray_non_utf8_byte_is_read_not_a_crash() -> None:
    # PYTHONIOENCODING=utf-8 is what a UTF-8 locale gives: strict decoding of stdin.
    env = child_env(PYTHONIOENCODING="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "extract"],
        input="Le Monde: North Korea sent 11,000 troops to Russia, Seoul said.".encode("latin-1")
        + b" \xe9t\xe9 \xff\n",
        capture_output=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert '"11,000" — exact: 10,780 to 11,220 · counted: troops' in run.stdout.decode()


def test_on_a_terminal_extract_says_how_to_end_the_text() -> None:
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "extract"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=child_env(),
    )
    os.close(terminal)
    os.write(controller, b"Some 600 soldiers were killed, the ministry said.\n\x04")
    out, err = proc.communicate(timeout=120)
    os.close(controller)
    assert proc.returncode == 0, err
    assert b"reading text from the terminal; end it with Ctrl-D" in err
    assert out.startswith('"600" — about: 540 to 660'.encode())
