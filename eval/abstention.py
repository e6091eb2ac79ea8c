"""How well the reader tells answerable from unanswerable questions.

    python eval/abstention.py ../shared/data/squad/dev-v2.0.json.gz ../shared/data/squad/dev-v1.1.json.gz

On the held-out half of dev-v2.0 (the half calibration never sees): the ROC AUC of the
reader's margin (best span over no answer) between answerable and unanswerable
questions, and HasAns F1 / NoAns accuracy at a range of margin thresholds. Then the
share of questions the reader abstains on at its calibrated threshold, for SQuAD 2.0's
crowd-written unanswerable questions and for negatives built the way training builds
them, from dev-v1.1 text the reader never trained on.
"""

from __future__ import annotations

import argparse
from typing import Sequence

import numpy as np
from sklearn.metrics import roc_auc_score

from qa import Reader
from qa.squad import SquadExample, load_squad, spread
from qa.training.calibration import decision_scores, fit_calibration, reader_decisions, split_by_article
from qa.training.features import make_negatives


def separation(reader: Reader, examples: Sequence[SquadExample]) -> None:
    """AUC of the margin, and the HasAns/NoAns trade-off as the abstain threshold moves."""
    decisions = reader_decisions(reader, examples)
    margins, f1, answerable = decisions.margins, decisions.f1, ~decisions.impossible
    print(f"held-out dev-v2.0: {len(examples)} questions, ROC AUC of the margin {roc_auc_score(answerable, margins):.3f}")
    for pct in range(0, 90, 10):
        answered = margins >= np.percentile(margins, pct)
        has_ans = 100 * np.where(answered, f1, 0.0)[answerable].mean()
        print(f"  abstain on the lowest {pct:2d}%: HasAns F1 {has_ans:5.1f}  NoAns acc {100 * (~answered)[~answerable].mean():5.1f}")
    best = decision_scores(decisions, fit_calibration(decisions))
    print(f"  at the threshold with the best F1 (fitted on these questions, an upper bound): {best}")


def rejection(reader: Reader, label: str, examples: Sequence[SquadExample]) -> None:
    abstained = [r.abstained for r in reader.read_batch([(e.question, e.context) for e in examples])]
    print(f"  {label}: abstains on {100 * np.mean(abstained):.1f}% of {len(examples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev_v2")
    parser.add_argument("dev_v1")
    parser.add_argument("--limit", type=int, default=1000, help="dev-v1.1 questions to build negatives from")
    parser.add_argument("--v2-limit", type=int, help="held-out dev-v2.0 questions to use (default: all)")
    parser.add_argument("--reader", help="a reader folder or name (default: the shipped reader)")
    args = parser.parse_args()
    reader = Reader.load(args.reader)
    _, held_out = split_by_article(load_squad(args.dev_v2))
    held_out = spread(held_out, args.v2_limit)
    separation(reader, held_out)
    print("at the reader's calibrated decision (abstain where 'no answer' is the more likely):")
    rejection(reader, "SQuAD 2.0 unanswerable (held out)", [e for e in held_out if e.is_impossible])
    source = spread(load_squad(args.dev_v1), args.limit)
    rejection(reader, "built: answer sentences removed or another paragraph", make_negatives(source, 1.0, seed=0))
    rejection(reader, "built: a name or number swapped", make_negatives(source, 1.0, seed=0, swapped=1.0))


if __name__ == "__main__":
    main()
