"""Leave-one-file-out cross-validation of re-attachment (bot/core/attach.py).

For each tune file: fit the attacher on the other files (threshold chosen inside them) and the
finding gate on the other files too (as scripts/cv_gate.py does), run the engine with both on
the held file, score it with bot/evaluation.py; sum. Printed beside the engine without
re-attachment (the same fold's gate) on the same folds, for all files and for the round-i files.

    .venv/bin/python scripts/cv_attach.py [--l2 3] [--cost 1] [--refit-gate]

The gate is fitted on the findings of the engine without re-attachment, as committed
(scripts/gate_training.py); --refit-gate re-fits each fold's gate on the findings of the engine
re-attaching with that fold's attacher (slower).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attach_training
from cv_gate import table
from gate_training import DEMO, NEWEST, collect, demo_file, run_file, train, training_files

from bot.evaluation import Report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=attach_training.ATTACH_L2, help="ridge")
    parser.add_argument("--cost", type=float, default=attach_training.WRONG_COST)
    parser.add_argument("--refit-gate", action="store_true", help="gate fitted per attacher")
    args = parser.parse_args()
    files = training_files()
    demo = demo_file()
    names = [f.id for f in files]
    data = collect([*files, demo], attach=None)
    pairs = attach_training.collect([*files, demo])
    base = {"all": Report(), "new": Report()}
    cv = {"all": Report(), "new": Report()}
    chosen = 0
    for corpus in files:
        others = [n for n in names if n != corpus.id] + [DEMO]
        gate = train(data, others)
        attacher = attach_training.train(pairs, others, l2=args.l2, cost=args.cost)
        chosen += attacher is not None
        new_gate = gate
        if args.refit_gate and attacher is not None:
            kept = [f for f in [*files, demo] if f.id != corpus.id]
            new_gate = train(collect(kept, attach=attacher), others)
        groups = ["all", "new"] if corpus.id in NEWEST else ["all"]
        for g in groups:
            run_file(corpus, gate, base[g], attach=None)
            run_file(corpus, new_gate, cv[g], attach=attacher)
    print(
        f"events {len(pairs.events)} (pairs {sum(len(e.rows) for e in pairs.events)}, "
        f"with the gold's claim among the candidates {sum(any(e.positive) for e in pairs.events)})"
        f"; L2 {args.l2}; wrong cost {args.cost}; attacher adopted in {chosen} of {len(files)} "
        f"folds; gate {'re-fitted per fold' if args.refit_gate else 'fitted without re-attachment'}"
    )
    print(table(f"all {len(files)} files", {"current": base["all"], "re-attach": cv["all"]}))
    print()
    print(table(f"{len(NEWEST)} round-i files", {"current": base["new"], "re-attach": cv["new"]}))


if __name__ == "__main__":
    main()
