"""Fit re-attachment on the labelled corpus's tune split and write bot/core/attach_weights.py.

    .venv/bin/python scripts/train_attach.py [--check]

With --check it writes nothing and exits 1 when the committed weights differ from a fresh fit.
Re-fit the finding gate afterwards (scripts/train_gate.py): its findings depend on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from attach_training import WEIGHTS, fitted_module
from gate_training import training_files, write_or_check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, don't write")
    args = parser.parse_args()
    return write_or_check(WEIGHTS, fitted_module(training_files()), check=args.check)


if __name__ == "__main__":
    sys.exit(main())
