"""Follow-ups on documents other than the article: how a chat reads them where nothing was tuned.

    python eval/elsewhere.py ../shared/data/squad/dev-v2.0.json.gz ../shared/data/squad/dev-v1.1.json.gz \
        ../shared/data/squad/train-v1.1.json.gz [--conversations FILE]

Each conversation in eval/elsewhere_conversations.jsonl names a SQuAD article (dev, and for blind-20 to
blind-138 two each of train-v1.1's, which the reader was trained on: those sets measure how follow-ups are
read); its first five paragraphs (or as many as the conversation's `paragraphs` says) are the document. The chat goes on from its own answers, as a person's would;
every follow-up with a `read_as` list is checked against it (compared as the article eval
compares, without articles or punctuation), so a wrong answer before it can cost it. Each last turn is
right when its answer reaches F1 0.5 against the gold answers; the wrong ones are listed. The sets were written blind, each
before its first run and after the fixes the ones before led to ("blind-1" to "blind-138"); the
README says which figures were blind.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from qa import QABot, Reader
from qa_index.embedder import Embedder
from qa.evaluation.metrics import best_scores, normalize_answer
from qa.squad import load_squad

CONVERSATIONS = Path(__file__).with_name("elsewhere_conversations.jsonl")
PARAGRAPHS = 5


def documents(squad: list[str], titles: dict[str, int]) -> dict[str, str]:
    """The first paragraphs of each named article (as many as `titles` says), as one text; an article
    in several files is read from the first that has it."""
    paragraphs: dict[str, list[str]] = {}
    for path in squad:
        found_here: dict[str, list[str]] = defaultdict(list)
        for example in load_squad(path):
            found = found_here[example.title]
            if example.context not in found and len(found) < titles.get(example.title, 0):
                found.append(example.context)
        for title, found in found_here.items():
            paragraphs.setdefault(title, found)
    return {title: "\n\n".join(paragraphs[title]) for title in titles if title in paragraphs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("squad", nargs="+", help="the SQuAD files the conversations' articles come from")
    parser.add_argument("--conversations", type=Path, default=CONVERSATIONS)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.conversations.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted: dict[str, int] = defaultdict(int)  # a set may ask about more than the first paragraphs
    for row in rows:
        wanted[row["title"]] = max(wanted[row["title"]], row.get("paragraphs", PARAGRAPHS))
    texts = documents(args.squad, wanted)
    missing = sorted(set(wanted) - set(texts))
    if missing:  # the articles of blind-20 to blind-138 are in train-v1.1 only
        print(f"skipped the conversations on {', '.join(missing)}: in none of the files given")
        rows = [row for row in rows if row["title"] in texts]
    # one reader and one embedder for every article's bot: a pair apiece held over 20 GB for all the sets
    reader, embedder = Reader.load(), Embedder()
    bots = {
        title: QABot.from_texts({title: text}, reader=reader, embedder=embedder, cache_dir=False)
        for title, text in texts.items()
    }
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # read right, follow-ups, last right, conversations
    for row in rows:
        chat, counts, answer = bots[row["title"]].chat(), tally[row["set"]], None
        for turn in row["turns"]:
            before, answer = answer, chat.ask(turn["question"])
            if "read_as" in turn:
                right = normalize_answer(answer.read_as) in {normalize_answer(r) for r in turn["read_as"]}
                counts[0] += right
                counts[1] += 1
                if not right:
                    said = before.text if before is not None else None
                    print(f"{row['id']}: {turn['question']!r} (after {said!r}) read as {answer.read_as!r}")
        last_right = best_scores(answer.text or "", turn["answers"])[1] >= 0.5
        counts[2] += last_right
        if not last_right:
            print(f"{row['id']}: last turn {turn['question']!r} answered {answer.text!r}, expected {turn['answers'][0]!r}")
        counts[3] += 1
    for name, (read, follow_ups, last, conversations) in sorted(tally.items()):
        print(f"{name}: follow-ups read as meant {read}/{follow_ups}, last turns right {last}/{conversations}")


if __name__ == "__main__":
    main()
