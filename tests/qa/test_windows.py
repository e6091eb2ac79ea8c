"""Windows: settings, the tokenizer's windows and offsets, padding."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qa import QAError
from qa.reader import SHIPPED_READER
from qa.windows import WindowEncoder, WindowSettings, as_asked, load_tokenizer, padded_batches

CONTEXT = " ".join(f"Sentence {i} says that the ministers met in Munster on Thursday." for i in range(60))


@pytest.fixture(scope="module")
def encoder() -> WindowEncoder:
    tokenizer, pad_id = load_tokenizer(SHIPPED_READER)
    return WindowEncoder(tokenizer, WindowSettings(max_length=96, stride=32, max_question_tokens=32), pad_id)


def test_windows_are_what_transformers_makes_of_the_pair(encoder):
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(str(SHIPPED_READER))(
        ["Where did they meet?"], [CONTEXT], truncation="only_second", max_length=96, stride=32,
        return_overflowing_tokens=True, return_offsets_mapping=True,
    )
    encoded = encoder.encode([("Where did they meet?", CONTEXT)])
    assert len(encoded.windows) == len(reference["input_ids"]) > 5
    assert encoded.input_ids == reference["input_ids"]
    for k, window in enumerate(encoded.windows):
        assert window.offsets.tolist() == [list(o) for o in reference["offset_mapping"][k]]
        assert window.in_context.tolist() == [s == 1 for s in reference.sequence_ids(k)]


def test_every_window_holds_the_question_and_at_most_max_length_tokens(encoder):
    encoded = encoder.encode([("Where did they meet?", CONTEXT), ("Who?", "Hamada.")])
    assert [w.context for w in encoded.windows][-1] == 1
    for ids, window in zip(encoded.input_ids, encoded.windows):
        assert len(ids) <= 96
        assert ids[:6] == encoded.input_ids[0][:6] or window.context == 1


def test_windows_overlap_so_no_answer_is_cut_in_two(encoder):
    windows = encoder.encode([("Where did they meet?", CONTEXT)]).windows
    for first, second in zip(windows, windows[1:]):
        assert first.offsets[first.in_context][-1][1] > second.offsets[second.in_context][0][0]


@pytest.mark.parametrize("typed", ["where did they meet", "  Where did they meet  "])
def test_a_question_typed_without_its_question_mark_is_read_with_one(encoder, typed):
    assert encoder.encode([(typed, CONTEXT)]).input_ids == encoder.encode([("Where did they meet?", CONTEXT)]).input_ids


def test_a_question_ending_in_other_punctuation_is_read_as_typed():
    assert as_asked("Name the ministers.") == "Name the ministers."
    assert as_asked("Who joined online?!") == "Who joined online?!"


@pytest.mark.parametrize("typed", ["And where did they meet?", "and where did they meet", "So, where did they meet?"])
def test_a_chats_leading_and_is_not_read(encoder, typed):
    assert encoder.encode([(typed, CONTEXT)]).input_ids == encoder.encode([("Where did they meet?", CONTEXT)]).input_ids


def test_a_word_that_only_starts_like_and_is_kept():
    assert as_asked("Andes peaks, how high?") == "Andes peaks, how high?"
    assert as_asked("So-called talks: where?") == "So-called talks: where?"


def test_an_overlong_question_is_cut_with_a_warning(encoder):
    with pytest.warns(UserWarning, match="longer than 32 tokens"):
        encoded = encoder.encode([("why " * 100, "Because.")])
    assert sum(not flag for flag in encoded.windows[0].in_context) <= 32 + 3


def test_batches_pad_similar_lengths_together(encoder):
    encoded = encoder.encode([("Who?", "Hamada."), ("Where did they meet?", CONTEXT)])
    seen = []
    for rows, arrays in padded_batches(encoded, batch_size=4, pad_id=encoder.pad_id):
        seen += rows
        assert arrays["input_ids"].shape == arrays["attention_mask"].shape == arrays["token_type_ids"].shape
        assert arrays["input_ids"].dtype == np.int64 and len(rows) <= 4
        for r, i in enumerate(rows):
            n = len(encoded.input_ids[i])
            assert arrays["attention_mask"][r].sum() == n and arrays["input_ids"][r, :n].tolist() == encoded.input_ids[i]
    assert sorted(seen) == list(range(len(encoded.windows)))


def test_a_short_window_reads_shorter_questions_instead_of_failing():
    tokenizer, pad_id = load_tokenizer(SHIPPED_READER)
    small = WindowEncoder(tokenizer, WindowSettings(max_length=64, stride=32), pad_id)
    assert small.settings.question_limit == 28
    with pytest.warns(UserWarning, match="longer than 28 tokens"):
        encoded = small.encode([("why " * 40, CONTEXT)])
    assert all(len(ids) <= 64 for ids in encoded.input_ids) and len(encoded.windows) > 1


def test_settings_come_from_the_model_and_can_be_overridden(tmp_path):
    (tmp_path / "reader.json").write_text(json.dumps({"max_length": 200, "stride": 50}))
    assert WindowSettings.load(tmp_path) == WindowSettings(max_length=200, stride=50)
    assert WindowSettings.load(tmp_path, stride=20).stride == 20
    assert WindowSettings.load(tmp_path / "elsewhere") == WindowSettings()
    (tmp_path / "reader.json").write_text("{broken")
    with pytest.raises(QAError, match="broken reader settings"):
        WindowSettings.load(tmp_path)


@pytest.mark.parametrize(
    "settings",
    [dict(max_length=8), dict(stride=-1), dict(stride=384), dict(max_answer_tokens=0), dict(max_question_tokens=0)],
)
def test_impossible_settings_are_refused(settings):
    with pytest.raises(QAError):
        WindowSettings(**settings)
