"""``python -m bot.bench [--quick] [--out FILE]``, and ``section NAME JSON`` for one section
(what ``run_bench`` starts in a child process: its JSON result is the last line on stdout)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.bench import DEFAULT_OUT, run_bench, run_section


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args[:1] == ["section"] and len(args) == 3:
        result = run_section(args[1], json.loads(args[2]))
        print(json.dumps(result, default=str), flush=True)
        return 0
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    options = parser.parse_args(args)
    return run_bench(quick=options.quick, out=options.out, stream=sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
