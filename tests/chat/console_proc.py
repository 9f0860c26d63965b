"""``python -m tests.chat.console_proc CONFIG_DIR DB_FILE``: the demo stories ingested, then
``run_chat`` on the terminal (stdin/stdout), as ``claimwatch chat`` will run it."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.adapters.store import Store
from bot.chat import run_chat
from bot.config import load_config
from bot.service import Service
from tests.chat.conftest import T0, ingest_demo
from tests.clock import Clock


def main() -> int:
    config_dir, db_file, charts = sys.argv[1:4]
    with Store.open(f"sqlite:///{db_file}") as store:
        service = Service(load_config(Path(config_dir)), store, now=Clock(T0))
        ingest_demo(service)
        return run_chat(service, input=sys.stdin, output=sys.stdout, chart_dir=Path(charts))


if __name__ == "__main__":
    raise SystemExit(main())
