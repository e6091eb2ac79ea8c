"""Training windows: answer targets on the right tokens, [CLS] for unanswerable ones, negatives without the answer."""

from __future__ import annotations

import pytest
from transformers import AutoTokenizer

from qa.squad import SquadExample
from qa.training.features import build_features, make_negatives
from qa.training.trainer import default_encoder

CONTEXT = (
    "The Danube is the second-longest river in Europe. It rises in the Black Forest and flows "
    "into the Black Sea after passing through ten countries, among them Austria and Hungary, "
    "and four capital cities: Vienna, Bratislava, Budapest and Belgrade."
)


def _example(question: str, answer: str | None, example_id: str = "q") -> SquadExample:
    if answer is None:
        return SquadExample(id=example_id, title="Danube", question=question, context=CONTEXT)
    return SquadExample(
        id=example_id, title="Danube", question=question, context=CONTEXT,
        answers=(answer,), answer_starts=(CONTEXT.index(answer),),
    )


@pytest.fixture(scope="module")
def tokenizer():
    return AutoTokenizer.from_pretrained(default_encoder())


@pytest.mark.parametrize("max_length", [32, 48, 256])
def test_targets_point_at_the_answer_tokens(tokenizer, max_length):
    examples = [_example("Which capital comes last?", "Belgrade"), _example("Where does it rise?", "the Black Forest")]
    features = build_features(examples, tokenizer, max_length=max_length, stride=8)
    assert len(features) == 2  # one window per question, even where the paragraph needs several
    for ids, start, end, ex in zip(features.input_ids, features.start_positions, features.end_positions, examples):
        assert len(ids) <= max_length
        assert tokenizer.decode(ids[start : end + 1]) == ex.answers[0].lower()


def test_unanswerable_window_targets_cls(tokenizer):
    features = build_features([_example("Who named the river?", None)], tokenizer, max_length=48, stride=8)
    assert (features.start_positions.tolist(), features.end_positions.tolist()) == ([0], [0])


def test_negatives_never_hold_the_answer():
    delta = "The delta lies in Romania and Ukraine."
    other = SquadExample(
        id="o", title="Danube", question="What is the delta?", context=delta,
        answers=("Romania",), answer_starts=(delta.index("Romania"),),
    )
    examples = [_example(f"Question {i}?", answer, f"q{i}") for i, answer in enumerate(["Vienna", "ten", "Europe"])]
    sources = {ex.id: ex for ex in examples + [other]}
    negatives = make_negatives(list(sources.values()), ratio=1.0, seed=0)
    assert negatives, "ratio 1.0 must build negatives"
    for neg in negatives:
        source = sources[neg.id.removesuffix("_neg")]
        assert neg.is_impossible and neg.question == source.question
        assert not any(answer in neg.context for answer in source.answers)


def test_swapped_negatives_ask_about_a_name_or_number_the_paragraph_never_mentions():
    delta = "The delta of the river lies in Romania and Ukraine, and covers 4,152 square kilometres."
    examples = [
        _example("How many countries does the river in Europe pass through?", "ten", "q1"),
        _example("Which capital of Austria does the river pass?", "Vienna", "q2"),
        SquadExample(
            id="d", title="Danube", question="How large is the delta in Romania?", context=delta,
            answers=("4,152 square kilometres",), answer_starts=(delta.index("4,152"),),
        ),
    ]
    sources = {ex.id: ex for ex in examples}
    negatives = make_negatives(examples, ratio=1.0, seed=0, swapped=1.0)
    swapped = [neg for neg in negatives if neg.question != sources[neg.id.removesuffix("_neg")].question]
    assert swapped, "every question here shares a name with its paragraph"
    for neg in swapped:
        source = sources[neg.id.removesuffix("_neg")]
        assert neg.is_impossible and neg.context == source.context
        before, after = source.question.split(), neg.question.split()
        new = [w for w in after if w not in before]
        assert new and not any(w.rstrip("?") in neg.context for w in new)
    assert make_negatives(examples, ratio=1.0, seed=0) == make_negatives(examples, ratio=1.0, seed=0, swapped=0.0)


def test_a_tokenizer_without_token_types_gets_zero_types(tokenizer):
    plain = AutoTokenizer.from_pretrained(default_encoder(), model_input_names=["input_ids", "attention_mask"])
    examples = [_example("Where does it rise?", "the Black Forest")]
    with_types = build_features(examples, tokenizer, max_length=48, stride=8)
    features = build_features(examples, plain, max_length=48, stride=8)
    assert features.input_ids == with_types.input_ids and any(with_types.token_type_ids[0])
    assert features.token_type_ids == [[0] * len(features.input_ids[0])]
