"""Leave-one-file-out cross-validation of the finding gate (bot/core/gate.py).

For each corpus file: fit the gate on the other files (thresholds chosen inside them), and the
engine's re-attachment too (bot/core/attach.py, scripts/attach_training.py), run the engine
with both on the held file, score it with bot/evaluation.py; sum. Printed beside the
ungated rules engine on the same files, for all files and for the newest tune files alone
(round f), and the in-sample score of the gate fitted on every file.

    .venv/bin/python scripts/cv_gate.py [--drop-claims]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attach_training
from gate_training import (
    BETA,
    DEMO,
    GATED,
    L2,
    NEWEST,
    collect,
    demo_file,
    run_file,
    train,
    training_files,
)

from bot.core.gate import Gate
from bot.evaluation import KINDS, Report


def table(title: str, reports: dict[str, Report]) -> str:
    names = list(reports)
    head = f"{title:<15}" + "".join(f"{n + ' P/R/F1 (tp fp fn)':>34}" for n in names)
    lines = [head]
    for kind in KINDS:
        row = f"{kind:<15}"
        for n in names:
            s = reports[n].findings[kind]
            cell = f"{s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f} ({s.tp} {s.fp} {s.fn})"
            row += f"{cell:>34}"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop-claims", action="store_true", help="don't learn rejected claims")
    parser.add_argument("--all-kinds", action="store_true", help="gate every kind")
    parser.add_argument("--no-demo", action="store_true", help="don't train on bot/demo")
    parser.add_argument("--beta", type=float, default=BETA, help="thresholds maximise F-beta")
    parser.add_argument("--l2", type=float, default=L2, help="ridge penalty")
    args = parser.parse_args()
    files = training_files()  # the tune split: held-out files are never looked at here
    data = collect([*files, demo_file()])
    pairs = attach_training.collect([*files, demo_file()])
    names = [f.id for f in files]
    drop = args.drop_claims
    kinds = KINDS if args.all_kinds else GATED
    extra = [] if args.no_demo else [DEMO]
    rules = {"all": Report(), "new": Report()}
    cv = {"all": Report(), "new": Report()}
    for corpus in files:
        gate = train(
            data,
            [n for n in names if n != corpus.id] + extra,
            drop_claims=drop,
            l2=args.l2,
            kinds=kinds,
            beta=args.beta,
        )
        attacher = attach_training.train(pairs, [n for n in names if n != corpus.id] + [DEMO])
        groups = ["all", "new"] if corpus.id in NEWEST else ["all"]
        for g in groups:
            run_file(corpus, None, rules[g], attach=attacher)
            run_file(corpus, gate, cv[g], attach=attacher)
    final: Gate = train(
        data,
        [*names, *extra],
        drop_claims=drop,
        l2=args.l2,
        kinds=kinds,
        beta=args.beta,
    )
    inside = Report()
    for corpus in files:
        run_file(corpus, final, inside)
    print(
        f"lr; examples {len(data.examples)}; gated {', '.join(kinds)}; "
        "rejected new_claim "
        f"{'dropped' if drop else 'learned silently'}; L2 {args.l2}; F-beta {args.beta}; "
        f"demo {'trained on' if extra else 'not used'}"
    )
    every = {"rules": rules["all"], "cv": cv["all"], "in-sample": inside}
    print(table(f"all {len(files)} files", every))
    print()
    print(table(f"{len(NEWEST)} round-i files", {"rules": rules["new"], "cv": cv["new"]}))


if __name__ == "__main__":
    main()
