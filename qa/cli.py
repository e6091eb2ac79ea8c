"""The `qa` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import sys

from qa.errors import QAError


def _train_reader(args: argparse.Namespace) -> None:
    from qa.training.trainer import ReaderTrainer, TrainConfig

    overrides = {k: v for k, v in vars(args).items() if k in TrainConfig.__dataclass_fields__ and v is not None}
    final = ReaderTrainer(TrainConfig(**overrides)).train(resume=args.resume)
    print(f"trained reader saved to {final}")


def _add_train_reader(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-reader", help="fine-tune an extractive reader on SQuAD")
    p.add_argument("data", help="SQuAD JSON: a path (.json or .json.gz) or an http(s) URL")
    p.add_argument("--output-dir", dest="output_dir")
    p.add_argument("--base-model", dest="base_model", help="encoder name or path (default: bundled all-MiniLM-L6-v2)")
    p.add_argument("--max-length", dest="max_length", type=int)
    p.add_argument("--stride", type=int)
    p.add_argument("--batch-size", dest="batch_size", type=int)
    p.add_argument("--learning-rate", dest="learning_rate", type=float)
    p.add_argument("--epochs", type=float)
    p.add_argument("--max-questions", dest="max_questions", type=int)
    p.add_argument("--negative-ratio", dest="negative_ratio", type=float)
    p.add_argument("--freeze-layers", dest="freeze_layers", type=int)
    p.add_argument("--checkpoint-every", dest="checkpoint_every", type=int)
    p.add_argument("--seed", type=int)
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --output-dir")
    p.set_defaults(func=_train_reader)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Extractive question answering over your documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_train_reader(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
