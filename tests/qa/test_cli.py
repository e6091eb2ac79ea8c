"""The `qa` command, called in-process through its entry point."""

import json

import pytest

from index.documents import bundled_article
from qa.cli import main


def test_ask_json_prints_a_grounded_answer(capsys):
    assert main(["ask", "Who joined online?", "--json"]) == 0
    row = json.loads(capsys.readouterr().out.strip())
    assert set(row) >= {"answer", "score", "document", "start", "end", "evidence"}
    assert row["answer"] == "Yasukazu Hamada and Christine Lambrecht"
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
