"""The `qa` command, called in-process through its entry point."""

import io
import json
import sys

import pytest

from qa_index.documents import bundled_article
from qa.cli import main


def test_ask_json_prints_a_grounded_answer(capsys):
    assert main(["ask", "Who joined online?", "--json"]) == 0
    row = json.loads(capsys.readouterr().out.strip())
    assert set(row) >= {"answer", "score", "document", "start", "end", "evidence"}
    assert row["answer"].endswith("Yasukazu Hamada and Christine Lambrecht")
    assert bundled_article().text[row["start"] : row["end"]] == row["answer"]


def test_ask_plain_text_shows_evidence(capsys):
    assert main(["ask", "Who joined online?"]) == 0
    out = capsys.readouterr().out
    assert "Yasukazu Hamada and Christine Lambrecht" in out and "Evidence" in out


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_2_with_a_message(capsys, question):
    assert main(["ask", question]) == 2
    assert "empty" in capsys.readouterr().err


def test_ask_over_a_document(tmp_path, capsys):
    doc = tmp_path / "memo.txt"
    doc.write_text("The budget meeting moved to Tuesday. Priya Raman will present the figures.")
    assert main(["ask", "Who will present the figures?", "--doc", str(doc), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"] == "Priya Raman"


def test_index_reports_chunks_and_skips_bad_files(tmp_path, capsys):
    good, bad = tmp_path / "a.md", tmp_path / "b.txt"
    good.write_text("# A\n\nOne sentence. Two sentences.")
    bad.write_bytes(b"\x00\x00binary")
    assert main(["index", str(good), str(bad)]) == 0
    captured = capsys.readouterr()
    assert "indexed 1 document(s)" in captured.out and "b.txt" in captured.err


@pytest.mark.parametrize(
    ("argv", "separate"),
    [(["Who", "joined", "online?"], True), (["Who joined online?", "Who is the Prime Minister of Japan?"], False)],
)
def test_ask_hints_when_an_unquoted_question_is_split(capsys, argv, separate):
    assert main(["ask", *argv, "--json"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == len(argv)
    assert ("separate question" in captured.err) is separate


def _squad_file(tmp_path, data) -> str:
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(data))
    return str(path)


def _paragraph(*qas) -> dict:
    return {"context": "The tower was designed by Gustave Eiffel in 1887.", "qas": list(qas)}


ANSWERABLE = {"id": "q1", "question": "Who designed the tower?", "answers": [{"text": "Gustave Eiffel", "answer_start": 26}]}
UNANSWERABLE = {"id": "q2", "question": "Who painted the tower?", "answers": [], "is_impossible": True}
GOOD_SQUAD = {"data": [{"title": "Tower", "paragraphs": [_paragraph(ANSWERABLE)]}]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"data": [{"title": "Tower"}]}, "missing field 'paragraphs'"),
        ({"data": [{"paragraphs": [_paragraph({"id": "q1", "answers": []})]}]}, "missing field 'question'"),
        ({"data": [{"paragraphs": "not a list"}]}, "not SQuAD JSON"),
        ({"data": []}, "no questions"),
    ],
)
def test_eval_squad_refuses_a_malformed_file(tmp_path, capsys, data, message):
    assert main(["eval", "squad", _squad_file(tmp_path, data)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_eval_squad_refuses_a_limit_below_one(tmp_path, capsys, limit):
    assert main(["eval", "squad", _squad_file(tmp_path, GOOD_SQUAD), "--limit", limit]) == 2
    assert "limit must be 1 or more" in capsys.readouterr().err


def test_eval_squad_refuses_baseline_with_open_book(tmp_path, capsys):
    assert main(["eval", "squad", _squad_file(tmp_path, GOOD_SQUAD), "--retrieval", "--baseline"]) == 2
    captured = capsys.readouterr()
    assert "--baseline" in captured.err and "--retrieval" in captured.err and captured.out == ""


BRIDGE = {
    "title": "Bridge",
    "paragraphs": [{
        "context": "The bridge was designed by Joseph Strauss in 1933.",
        "qas": [{"id": "q3", "question": "Who designed the bridge?", "answers": [{"text": "Joseph Strauss", "answer_start": 27}]}],
    }],
}


def test_open_book_at_corpus_scale_and_per_article(tmp_path, capsys):
    questions = _squad_file(tmp_path, GOOD_SQUAD)
    distractors = tmp_path / "distractors.json"
    distractors.write_text(json.dumps({"data": [BRIDGE]}))
    assert main(["eval", "squad", questions, "--retrieval", "--distractors", str(distractors), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["n"] == 1 and row["recall_at_k"] == 100.0 and row["f1"] == 100.0
    both = tmp_path / "both.json"
    both.write_text(json.dumps({"data": GOOD_SQUAD["data"] + [BRIDGE]}))
    assert main(["eval", "squad", str(both), "--retrieval", "--per-article", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["f1"] == 100.0
    assert main(["eval", "squad", str(both), "--per-article"]) == 2
    assert "add --retrieval" in capsys.readouterr().err


def test_eval_squad_on_a_file_without_answerable_questions(tmp_path, capsys):
    data = {"data": [{"title": "Tower", "paragraphs": [_paragraph(UNANSWERABLE)]}]}
    assert main(["eval", "squad", _squad_file(tmp_path, data), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["n"] == 1 and "no_ans_acc" in row and "has_ans_f1" not in row


def test_eval_article_on_a_given_question_set(tmp_path, capsys):
    questions = tmp_path / "set.jsonl"
    rows = [
        {"id": "q1", "question": "How many Eurofighter jets did Germany send to Japan?", "answers": ["three"],
         "answerable": True, "type": "how many", "split": "test"},
        {"id": "q2", "question": "Who won the cup final?", "answers": ["Real Madrid"], "answerable": True, "type": "who",
         "split": "test"},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows))
    conversations = tmp_path / "chats.jsonl"
    turns = [
        {"question": "Who is Japan's defense minister?", "answers": ["Yasukazu Hamada"], "answerable": True},
        {"question": "And Germany?", "answers": ["Christine Lambrecht"], "answerable": True,
         "read_as": "Who is Germany's defense minister?"},
    ]
    conversations.write_text(json.dumps({"id": "c1", "kind": "ellipsis", "split": "test", "turns": turns}))
    argv = ["eval", "article", "--questions", str(questions), "--conversations", str(conversations)]
    assert main([*argv, "--reports", str(tmp_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"test"}, "only the halves the sets have"
    test = scores["test"]
    assert test["n"] == 2 and test["recall_at_k"] == 50 and test["f1"] == 50 and test["n_conversations"] == 1
    assert 0 <= test["ece"] <= 1
    assert "retrieval" in (tmp_path / "article-eval.md").read_text()


@pytest.mark.parametrize("command", [["eval", "article"], ["bench"]])
@pytest.mark.parametrize("content", [None, "", "\n\n"])
def test_missing_or_empty_question_set_exits_2_naming_it(tmp_path, capsys, command, content):
    questions = tmp_path / "set.jsonl"
    if content is not None:
        questions.write_text(content)
    assert main([*command, "--questions", str(questions)]) == 2
    assert str(questions) in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "module", "extra"),
    [
        (["serve"], "gradio", "app"),
        (["eval", "article", "--questions", "no-such-set.jsonl"], "matplotlib", "report"),
        (["bench", "--questions", "no-such-set.jsonl"], "haystack", "bench"),
        (["eval", "squad", "no-such-file.json", "--baseline"], "haystack", "bench"),
    ],
)
def test_missing_extra_exits_2_naming_it(monkeypatch, capsys, command, module, extra):
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "qa.page", None)  # a missed check fails here instead of starting a server
    assert main(command) == 2
    assert f"pip install '.[{extra}]'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "code", "stream", "expected"),
    [
        (["ask", "Who joined online?", "--json"], 0, "stdout", 'Yasukazu Hamada and Christine Lambrecht"'),
        (["ask", " "], 2, "stderr", "qa: error: the question is empty"),
    ],
)
def test_the_installed_command_flushes_its_output_and_keeps_its_exit_code(args, code, stream, expected):
    """`qa` (qa.cli:run) ends the process without the interpreter's teardown: nothing may be lost on the way."""
    import subprocess

    command = f"import sys; sys.argv = ['qa', *{args!r}]; from qa.cli import run; run()"
    done = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True, timeout=300)
    assert done.returncode == code
    assert expected in getattr(done, stream)


@pytest.mark.parametrize("store", ["store.db", "faiss-store"])
def test_index_into_a_store_then_ask_and_chat_from_it(tmp_path, capsys, monkeypatch, store):
    if store.endswith(".db"):
        pytest.importorskip("milvus_lite", reason="Milvus Lite needs the milvus extra")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "article.txt").write_bytes(bundled_article().text.encode())
    uri = str(tmp_path / store)
    assert main(["index", str(folder), "--store", uri]) == 0
    assert "1 added, 0 replaced, 0 unchanged" in capsys.readouterr().out
    assert main(["index", str(folder), "--store", uri]) == 0
    assert "0 added, 0 replaced, 1 unchanged, 0 removed, 0 failed; 0 chunks embedded" in capsys.readouterr().out
    assert main(["ask", "Who joined online?", "--store", uri, "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["answer"].endswith("Yasukazu Hamada and Christine Lambrecht")
    assert row["document"] == f"{folder.as_posix()}/article.txt" and row["paragraph"] == 3
    # a typo is corrected toward the words of the chunks the question retrieves as typed
    assert main(["ask", "What did Germny send to Japan?", "--store", uri, "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["read_as"] == "What did Germany send to Japan?" and "Eurofighter" in row["answer"]
    # and an abbreviation toward the long form those chunks write
    assert main(["ask", "How many days did the G7 ministerial meeting run?", "--store", uri, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["read_as"] == "How many days did the Group of Seven ministerial meeting run?"
    # and an office toward the name those chunks give it
    assert main(["ask", "Who is Germany's top diplomat?", "--store", uri, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"] == "Annalena Baerbock"
    monkeypatch.setattr(sys, "stdin", io.StringIO("Who is Japan's foreign minister?\nWhere did he meet his German counterpart?\n"))
    assert main(["chat", "--store", uri]) == 0
    assert "Munster" in capsys.readouterr().out


def test_a_store_with_documents_or_prune_without_a_store_is_refused(tmp_path, capsys):
    assert main(["ask", "Who?", "--store", str(tmp_path / "s.db"), "--doc", "a.txt"]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["index", str(tmp_path), "--prune"]) == 2
    assert "--prune needs --store" in capsys.readouterr().err
    assert main(["ask", "Who?", "--store", str(tmp_path / "nothing-here")]) == 2
    assert "qa index" in capsys.readouterr().err
