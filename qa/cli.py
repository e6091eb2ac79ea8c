"""The `qa` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from qa_index.errors import QAError

if TYPE_CHECKING:
    from qa.evaluation.article_eval import EvalQuestion


def _train_reader(args: argparse.Namespace) -> None:
    from qa.training.trainer import ReaderTrainer, TrainConfig

    overrides = {k: v for k, v in vars(args).items() if k in TrainConfig.__dataclass_fields__ and v is not None}
    final = ReaderTrainer(TrainConfig(**overrides)).train(resume=args.resume)
    print(f"trained reader saved to {final}")


def _add_train_reader(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-reader", help="fine-tune an extractive reader on SQuAD")
    p.add_argument(
        "data", nargs="+",
        help="SQuAD JSON files (.json, .json.gz or an http(s) URL), each PATH or PATH:WEIGHT "
        "(0.3 keeps a random 30%% of its questions, 2 takes each twice)",
    )
    p.add_argument("--output-dir", dest="output_dir")
    p.add_argument("--base-model", dest="base_model", help="encoder name or path (default: bundled all-MiniLM-L6-v2)")
    p.add_argument("--max-length", dest="max_length", type=int)
    p.add_argument("--stride", type=int)
    p.add_argument("--batch-size", dest="batch_size", type=int)
    p.add_argument("--learning-rate", dest="learning_rate", type=float)
    p.add_argument("--epochs", type=float)
    p.add_argument("--max-questions", dest="max_questions", type=int)
    p.add_argument(
        "--max-answerable", dest="max_answerable", type=int,
        help="keep at most N answerable questions (drawn at random) and every unanswerable one",
    )
    p.add_argument("--negative-ratio", dest="negative_ratio", type=float)
    p.add_argument(
        "--swapped-negatives", dest="swapped_negatives", type=float,
        help="share of negatives made by swapping a name or number in the question (default 0)",
    )
    p.add_argument("--freeze-layers", dest="freeze_layers", type=int)
    p.add_argument("--checkpoint-every", dest="checkpoint_every", type=int)
    p.add_argument("--seed", type=int)
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --output-dir")
    p.set_defaults(func=_train_reader)


def _bot(args: argparse.Namespace):
    from qa.bot import BotSettings, QABot

    share = {} if args.unanswerable_share is None else {"unanswerable_share": args.unanswerable_share}
    settings = BotSettings(top_k=args.top_k, retrieval=args.retrieval, progress=sys.stderr.isatty(), **share)
    kwargs = {"reader": args.reader, "embedder": args.embedder, "settings": settings}
    if args.store:
        if args.doc:
            raise QAError("give --store or --doc, not both: a store answers from what `qa index` put in it")
        return QABot.open(args.store, **kwargs)
    if not args.doc:
        return QABot(**kwargs)
    bot = QABot.from_paths(args.doc, **kwargs)
    for error in bot.load_errors:
        print(f"qa: skipped {error}", file=sys.stderr)
    return bot


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.as_dict(), ensure_ascii=False))
        return
    if answer.read_as != answer.question:
        print(f"Read as: {answer.read_as}")
    if answer.abstained:
        print(f"The document does not say ({answer.confidence}: {answer.score:.0%} that it holds no answer).")
        if answer.evidence:
            print(f"Closest sentence [{answer.document}]: {answer.evidence}")
        return
    check = ", check the evidence" if answer.confidence == "not sure" else ""
    print(f"{answer.text}  ({answer.confidence}{check}: {answer.score:.0%})")
    print(f"Evidence [{answer.document} {answer.start}:{answer.end}]: {answer.evidence}")


def _ask(args: argparse.Namespace) -> None:
    if len(args.question) > 1 and not any(q.rstrip().endswith("?") for q in args.question[:-1]):
        print('qa: note: each argument is asked as a separate question; quote each one: qa ask "Who joined online?"',
              file=sys.stderr)
    bot = _bot(args)
    for answer in bot.ask_many(args.question):
        _print_answer(answer, args.json)


def _chat(args: argparse.Namespace) -> None:
    """A conversation in the terminal: each line a question, follow-ups read in the light of earlier turns."""
    chat = _bot(args).warm_up().chat()
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask about the document; follow-up questions may say he, she, it, they, 'And Germany?' or 'Why?'. "
              "An empty line or Ctrl-D ends.")
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            break
        if not line.strip():
            if interactive:
                break
            continue
        try:
            _print_answer(chat.ask(line), args.json)
        except QAError as exc:
            print(f"qa: error: {exc}", file=sys.stderr)
        sys.stdout.flush()


def _index(args: argparse.Namespace) -> None:
    """With --store, index incrementally into that store; without, build the cache that `--doc` reuses."""
    from qa_index.chunking import ChunkingSettings
    from qa_index.embedder import Embedder
    from qa_index.indexing import index_into
    from qa_index.stores import IndexSettings
    from qa.bot import BotSettings, QABot

    progress = sys.stderr.isatty()
    if args.store is None:
        if args.prune:
            raise QAError("--prune needs --store: the cache holds one index per set of documents")
        bot = QABot.from_paths(args.paths, embedder=args.embedder, settings=BotSettings(progress=progress))
        for error in bot.load_errors:
            print(f"qa: skipped {error}", file=sys.stderr)
        print(f"indexed {len(bot.documents)} document(s) into {bot.store.count()} chunks: {bot.index_dir}")
        return
    settings = IndexSettings(ChunkingSettings(max_words=args.max_words), kind=args.kind)
    report = index_into(args.store, args.paths, Embedder(args.embedder), settings, prune=args.prune, progress=progress)
    for error in report.failed:
        print(f"qa: skipped {error}", file=sys.stderr)
    print(f"{args.store}: {report.summary()}")


def _eval_squad(args: argparse.Namespace) -> None:
    from qa.evaluation.squad_eval import evaluate, reader_predictor
    from qa.reader import Reader
    from qa.squad import load_squad, spread

    if args.retrieval and args.baseline:
        raise QAError("--baseline reads each question against its own paragraph, so it cannot be compared "
                      "with --retrieval (open book): drop one of them")
    if args.baseline:
        _require_extra("bench", "haystack")
    if (args.distractors or args.store or args.per_article) and not args.retrieval:
        raise QAError("--distractors, --store and --per-article are for open book: add --retrieval")
    if args.per_article and (args.distractors or args.store):
        raise QAError("--per-article searches each question's own article: it takes no --distractors or --store")
    corpus = load_squad(args.path)
    examples = spread(corpus, args.limit)
    allow_abstain = any(ex.is_impossible for ex in examples)
    reader = Reader.load(args.reader)
    if args.retrieval:
        from qa_index.folders import default_cache_dir
        from qa.bot import BotSettings
        from qa.evaluation.open_book import evaluate_open_book, evaluate_per_article

        settings = BotSettings(top_k=args.top_k, unanswerable_share=args.unanswerable_share, progress=True)
        if args.per_article:
            scores = evaluate_per_article(examples, reader, corpus, settings=settings)
        else:
            scores = evaluate_open_book(
                examples, reader, corpus=corpus, settings=settings, store=args.store, cache_dir=default_cache_dir(),
                distractors=[load_squad(path) for path in args.distractors],
            )
        result = {"ours": scores.as_dict()}
    else:
        result = {"ours": evaluate(examples, reader_predictor(reader, allow_abstain)).as_dict()}
    peers: list[str] = []
    if args.baseline:
        from qa.evaluation.baseline import PEER_PRECISIONS, HaystackReader

        for precision in PEER_PRECISIONS:  # its default and its other setting, timed in this run
            peers.append(f"haystack {precision}")
            result[peers[-1]] = evaluate(examples, HaystackReader(reader, precision).predictor()).as_dict()
        fastest = max(peers, key=lambda name: result[name]["questions_per_s"])
        result["speedup"] = result["ours"]["questions_per_s"] / result[peers[0]]["questions_per_s"]
        result["speedup_vs_best"] = result["ours"]["questions_per_s"] / result[fastest]["questions_per_s"]
        result["baseline_best"] = fastest
    if args.json:
        extra = {"baseline": result[peers[0]], "baseline_best": result[result["baseline_best"]]} if peers else {}
        print(json.dumps(result["ours"] | extra | {k: result[k] for k in ("speedup", "speedup_vs_best") if k in result}))
        return
    mode = "open book" if args.retrieval else "paragraph level" + (", abstention on" if allow_abstain else "")
    if args.distractors:
        mode += f", with the paragraphs of {', '.join(args.distractors)} as distractors"
    if args.per_article:
        mode += ", each question within its own article"
    print(f"{args.path}: {len(examples):,} questions, {mode}; our reader runs {reader.backend.name}")
    for name in ["ours", *peers]:
        print(f"  {name:14s} " + "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result[name].items()))
    if peers:
        print(f"  speed-up over Haystack: {result['speedup_vs_best']:.2f}x against its fastest ({result['baseline_best']}), "
              f"{result['speedup']:.2f}x against its default (fp32)")


def _require_extra(extra: str, module: str) -> None:
    """Refuse up front, naming the pip extra, when an optional dependency is missing (not after minutes of work)."""
    if importlib.util.find_spec(module) is None:
        raise QAError(f"this command needs the {extra} extra ({module} is not installed): "
                      f"pip install '.[{extra}]' (or 'qa-chatbot[{extra}]')")


def _questions(args: argparse.Namespace) -> list[EvalQuestion]:
    """The article's question set from --questions, else the repository's."""
    from qa.evaluation.article_eval import QUESTIONS, load_questions

    return load_questions(args.questions or QUESTIONS)


def _eval_article(args: argparse.Namespace) -> None:
    from qa.evaluation.article_eval import CONVERSATIONS, evaluate_article, load_conversations, write_report

    _require_extra("report", "matplotlib")
    questions = _questions(args)
    conversations = load_conversations(args.conversations or CONVERSATIONS)
    halves = evaluate_article(_bot(args), questions, conversations)
    report = write_report(halves, Path(args.reports))
    if args.json:
        print(json.dumps({name: half.as_dict() for name, half in halves.items()}))
        return
    for name, half in halves.items():
        print(f"{name}: " + "  ".join(
            f"{k}={v:.3f}" if k in ("ece", "ece_by_chance", "brier") else f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in half.as_dict().items() if k != "split"
        ))
        for o in half.misses:
            read = f" (read as {o.read_as!r})" if o.read_as != o.question else ""
            print(f"  miss [{o.cause}] {o.id} {o.question!r}{read}: expected {o.expected or '(no answer)'}, got {o.got!r}")
    print(f"report: {report}")


def _bench(args: argparse.Namespace) -> None:
    from qa.evaluation.bench import run_bench

    _require_extra("bench", "haystack")
    result = run_bench(_questions(args), rounds=args.rounds).as_dict()
    if args.json:
        print(json.dumps(result))
        return
    best = result["baseline_best_precision"]
    print(f"{result['questions']} questions on the bundled article (all timed in this run, interleaved)")
    print(f"  ours ({result['backend']})  p50 {result['p50_ms']:.1f} ms  p95 {result['p95_ms']:.1f} ms  F1 {result['f1']:.1f}")
    for precision, p50 in result["baseline_p50_ms_by_precision"].items():
        print(f"  retrieval + Haystack's reader, {precision}  p50 {p50:.1f} ms" + ("  (its fastest here)" if precision == best else ""))
    print(f"  Haystack F1: {result['baseline_f1']:.1f} (fp32)" + (f", {result['baseline_best_f1']:.1f} ({best})" if best != "fp32" else ""))
    print(f"  speed-up end to end: {result['speedup_vs_best']:.2f}x against Haystack's fastest ({best}), "
          f"{result['speedup']:.2f}x against its default (fp32)")
    print(f"  reading alone, same chunks: ours p50 {result['read_p50_ms']:.1f} ms, Haystack {result['baseline_best_read_p50_ms']:.1f} ms "
          f"({best}): {result['read_speedup_vs_best']:.2f}x; against fp32 {result['read_speedup']:.2f}x")
    print(f"  cold start {result['cold_start_s']:.2f} s   index build {result['index_build_s']:.2f} s   "
          f"peak RSS {result['peak_rss_mb']:.0f} MB")


def _serve(args: argparse.Namespace) -> None:
    _require_extra("app", "gradio")
    from qa import page

    page.main(
        ["--host", args.host, "--port", str(args.port)]
        + (["--share"] if args.share else [])
        + (["--store", args.store] if args.store else [])
    )


def _ship_reader(args: argparse.Namespace) -> None:
    from pathlib import Path

    from qa.training.ship import ship_reader

    scores = ship_reader(Path(args.model_dir), args.dev_v1, args.dev_v2, dest=Path(args.dest), limit=args.limit)
    print(json.dumps(scores, indent=2))


def _average_readers(args: argparse.Namespace) -> None:
    from pathlib import Path

    from qa.training.soup import average_readers

    soup = average_readers([Path(d) for d in args.model_dirs], Path(args.output_dir), with_base=args.with_base)
    print(f"averaged reader saved to {soup}")


def _add_bot_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", action="append", default=[], help="a .txt/.md/.pdf/.docx/.html file (repeatable)")
    p.add_argument("--store", help="answer from a store `qa index --store` built (folder, *.db or http(s)://)")
    p.add_argument("--reader", help="a Hugging Face QA model name or path (default: the shipped reader)")
    p.add_argument("--embedder", help="a sentence-transformers model name or path (default: all-MiniLM-L6-v2)")
    p.add_argument("--top-k", dest="top_k", type=int, default=3, help="chunks to read per question")
    p.add_argument("--retrieval", choices=["fused", "dense"], default="fused")
    _add_share_option(p, "a chat's, BotSettings' default")


def _add_share_option(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument(
        "--unanswerable-share", dest="unanswerable_share", type=float,
        help=f"the share of questions the documents cannot answer, which scores and abstention assume (default: {default})",
    )


def _add_questions_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--questions", type=Path, help="the article's JSONL question set (default: the repository's eval/article.jsonl)"
    )


def build_parser() -> argparse.ArgumentParser:
    from qa.reader import SHIPPED_READER

    parser = argparse.ArgumentParser(prog="qa", description="Extractive question answering over your documents.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ask", help="answer questions over the bundled article or your documents")
    p.add_argument("question", nargs="+", help='quote each question: qa ask "Who joined online?"; '
                   "every argument is asked as a separate question")
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    _add_bot_options(p)
    p.set_defaults(func=_ask)

    p = sub.add_parser("chat", help="a conversation in the terminal: one question a line, follow-ups understood")
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    _add_bot_options(p)
    p.set_defaults(func=_chat)

    p = sub.add_parser("index", help="index files and folders into a store (or the cache --doc uses)")
    p.add_argument("paths", nargs="+", help="files and folders (.txt .md .pdf .docx .html), walked recursively")
    p.add_argument(
        "--store", help="a FAISS folder, a Milvus Lite file (*.db) or a Milvus server (http(s)://host:port); "
        "unchanged documents are skipped, changed ones replaced",
    )
    p.add_argument("--prune", action="store_true", help="remove from the store documents not found under PATH")
    p.add_argument("--embedder")
    p.add_argument("--kind", choices=["flat", "hnsw"], default="flat", help="vector index of a new store")
    p.add_argument("--max-words", dest="max_words", type=int, default=80, help="chunk size of a new store")
    p.set_defaults(func=_index)

    evals = sub.add_parser("eval", help="measure quality").add_subparsers(dest="suite", required=True)
    p = evals.add_parser("squad", help="EM/F1 on a SQuAD file (.json or .json.gz)")
    p.add_argument("path")
    p.add_argument("--limit", type=int, help="only N questions, spread evenly over the file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--baseline", action="store_true", help="also read through Haystack's reader, same model")
    p.add_argument("--retrieval", action="store_true", help="open book: retrieve from all paragraphs, then read")
    p.add_argument(
        "--distractors", nargs="+", default=[], metavar="FILE",
        help="with --retrieval: SQuAD files whose paragraphs are indexed beside PATH's (corpus scale)",
    )
    p.add_argument("--store", help="with --retrieval: index into this store (folder, *.db, http(s)://) and answer from it")
    p.add_argument("--per-article", dest="per_article", action="store_true",
                   help="with --retrieval: each question searches only its own article's paragraphs")
    p.add_argument("--reader", help="reader model name or path (default: the shipped reader)")
    p.add_argument("--top-k", dest="top_k", type=int, default=3)
    _add_share_option(p, "the share the calibration was fitted at, SQuAD 2.0 dev's")
    p.set_defaults(func=_eval_squad)

    p = evals.add_parser("article", help="the bundled article's question and conversation sets, dev and test halves")
    p.add_argument("--json", action="store_true")
    _add_questions_option(p)
    p.add_argument(
        "--conversations", type=Path,
        help="the article's JSONL conversation set (default: the repository's eval/article_conversations.jsonl)",
    )
    p.add_argument("--reports", default="reports", help="where the Markdown report and plot go")
    _add_bot_options(p)
    p.set_defaults(func=_eval_article)

    p = sub.add_parser("bench", help="latency, cold start, index build and memory against Haystack's reader")
    p.add_argument("--json", action="store_true")
    p.add_argument("--rounds", type=int, default=2, help="passes over the article's question set")
    _add_questions_option(p)
    p.set_defaults(func=_bench)

    p = sub.add_parser("serve", help="start the chat page (same as python app.py)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--share", action="store_true", help="also open a public Gradio link (off by default)")
    p.add_argument("--store", help="answer from a store `qa index --store` built (folder, *.db or http(s)://)")
    p.set_defaults(func=_serve)

    _add_train_reader(sub)
    p = sub.add_parser("ship-reader", help="calibrate a trained reader and store it in the package")
    p.add_argument("model_dir", help="a trained model directory, e.g. outputs/reader/final")
    p.add_argument("--dev-v1", dest="dev_v1", required=True, help="SQuAD v1.1 dev file, to measure")
    p.add_argument("--dev-v2", dest="dev_v2", required=True, help="SQuAD v2.0 dev file, to calibrate and measure")
    p.add_argument("--dest", default=str(SHIPPED_READER), help="where the shipped model goes (default: in the package)")
    p.add_argument("--limit", type=int, help="only N questions per dev file, for a dry run")
    p.set_defaults(func=_ship_reader)

    p = sub.add_parser("average-readers", help="average readers fine-tuned from the same model (a model soup)")
    p.add_argument("model_dirs", nargs="+", help="trained model directories, e.g. outputs/run-a/final")
    p.add_argument("--output-dir", dest="output_dir", required=True)
    p.add_argument(
        "--with-base", action="store_true",
        help="average in the model the runs were fine-tuned from too (one run and its start is a soup)",
    )
    p.set_defaults(func=_average_readers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings.simplefilter("default", UserWarning)
    try:
        args.func(args)
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return 2
    return 0


def run() -> None:
    """The `qa` command: `main`, then an exit that skips the interpreter's teardown of torch and
    transformers, which takes about a second after the answer is printed. Output is flushed
    and logging shut down first; every file the commands write is closed by then."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    run()
