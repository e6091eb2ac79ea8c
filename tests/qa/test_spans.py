"""The span decoder on hand-made logits: offsets, windows, no answer, ties, word boundaries."""

from __future__ import annotations

import numpy as np
import pytest

from qa.spans import (
    Candidate,
    Window,
    merge_candidates,
    shortest_within,
    snap_to_words,
    whole_names,
    window_candidates,
    without_stray_marks,
)

CONTEXT = "Hamada and Lambrecht joined online."
# [CLS] who ? [SEP] hamada and lambrecht joined online . [SEP]
WORDS = [(0, 6), (7, 10), (11, 20), (21, 27), (28, 34), (34, 35)]
OFFSETS = np.array([(0, 0), (0, 3), (3, 4), (0, 0), *WORDS, (0, 0)])
IN_CONTEXT = np.array([False] * 4 + [True] * 6 + [False])
WINDOW = Window(0, OFFSETS, IN_CONTEXT)


def logits(start: dict[int, float], end: dict[int, float], n: int = len(OFFSETS), null: float = 0.0):
    """Flat low logits, [CLS] at `null / 2` each, and the given tokens raised."""
    s, e = np.full(n, -10.0), np.full(n, -10.0)
    s[0] = e[0] = null / 2
    for i, v in start.items():
        s[i] = v
    for i, v in end.items():
        e[i] = v
    return s, e


def decode(start, end, window=WINDOW, context=CONTEXT, top_k=1, max_answer_tokens=30, shorten_within=0.0):
    return window_candidates(start, end, window, context, max_answer_tokens, top_k, shorten_within)


def text(candidate: Candidate, context: str = CONTEXT) -> str:
    return context[candidate.start : candidate.end]


def test_the_best_span_maps_to_its_characters():
    best = decode(*logits({4: 5.0}, {6: 5.0}))[0]
    assert text(best) == "Hamada and Lambrecht"
    assert (best.start, best.end) == (0, 20)


def test_margin_is_the_span_score_over_no_answer():
    best = decode(*logits({6: 3.0}, {6: 2.0}, null=1.5))[0]
    assert text(best) == "Lambrecht" and best.margin == pytest.approx(5.0 - 1.5)
    assert decode(*logits({6: 1.0}, {6: 1.0}, null=8.0))[0].margin == pytest.approx(-6.0)  # no answer wins


def test_question_and_special_tokens_are_never_an_answer():
    start, end = logits({1: 50.0, 6: 1.0}, {2: 50.0, 6: 1.0})  # the question scores highest
    assert [text(c) for c in decode(start, end, top_k=3)][0] == "Lambrecht"


def test_spans_end_after_they_start_and_are_not_too_long():
    backwards = decode(*logits({8: 9.0}, {4: 9.0}), top_k=3)  # "online" .. "Hamada" would run backwards
    assert all(c.start < c.end for c in backwards) and text(backwards[0]) in {"Hamada", "online"}
    start, end = logits({4: 5.0}, {9: 5.0, 5: 1.0})
    assert text(decode(start, end, max_answer_tokens=3)[0]) == "Hamada and"  # "Hamada ... online." is six tokens
    assert text(decode(start, end, max_answer_tokens=6)[0]) == "Hamada and Lambrecht joined online."


def test_alternatives_do_not_overlap_the_better_answer():
    start, end = logits({4: 5.0, 6: 4.9, 8: 1.0}, {6: 5.0, 4: 4.0, 8: 1.0})
    found = decode(start, end, top_k=3)
    assert [text(c) for c in found[:2]] == ["Hamada and Lambrecht", "online"]  # not "Lambrecht", "Hamada"


def test_a_span_is_read_as_the_shortest_span_inside_it_that_scores_nearly_as_well():
    start, end = logits({4: 5.0, 6: 4.8}, {6: 5.0, 4: 3.0}, null=2.0)  # "Lambrecht" 9.8 inside "Hamada and Lambrecht" 10
    assert text(decode(start, end)[0]) == "Hamada and Lambrecht"
    assert text(decode(start, end, shorten_within=0.1)[0]) == "Hamada and Lambrecht"
    tight = decode(start, end, top_k=3, shorten_within=0.4)
    assert text(tight[0]) == "Lambrecht" and tight[0].margin == pytest.approx(10.0 - 2.0)  # the whole span's margin
    assert "Hamada" not in [text(c) for c in tight]  # a piece of the answer as first found is no alternative


def test_a_span_read_tightly_does_not_stop_inside_a_name():
    context = "Named after Mount Kenya Park, Bay Area's stadium."
    # [CLS] q [SEP] named after mount kenya park , bay area 's stadium . [SEP]
    words = [(0, 5), (6, 11), (12, 17), (18, 23), (24, 28), (28, 29), (30, 33), (34, 38), (38, 40), (41, 48), (48, 49)]
    offsets = np.array([(0, 0), (0, 1), (0, 0), *words, (0, 0)])
    window = Window(0, offsets, np.array([False] * 3 + [True] * len(words) + [False]))
    start, end = logits({5: 5.0}, {7: 5.0, 5: 4.9}, n=len(offsets))  # "Mount" 9.9 inside "Mount Kenya Park" 10
    tight = decode(start, end, window=window, context=context, shorten_within=0.4)[0]
    assert text(tight, context) == "Mount Kenya Park"  # not "Mount": the name is read whole


@pytest.mark.parametrize(
    "tight, outer, whole",
    [
        ("Mount", "Mount Kenya Park", "Mount Kenya Park"),
        ("Mount", "Mount Kenya Park, Bay", "Mount Kenya Park"),  # punctuation ends a name
        ("Bay", "Bay Area's stadium", "Bay Area"),  # and so does a possessive
        ("Bay", "Bay Areas' stadium", "Bay Areas"),  # a plural's too
        ("The", "The Republic", "The"),  # "The" starts no name here
        ("named", "named after Mount", "named"),  # a lower-case word is in none
    ],
)
def test_whole_names(tight, outer, whole):
    context = f"x {outer} y"
    start = context.index(tight)
    got = whole_names(context, start, start + len(tight), context.index(outer) + len(outer))
    assert context[got[0] : got[1]] == whole


@pytest.mark.parametrize(
    "span, shown",
    [
        ('Aid Korea"', "Aid Korea"),  # its opening quote is outside the span
        ('"Korean Conflict', "Korean Conflict"),
        ('the term "Korean Conflict"', 'the term "Korean Conflict"'),  # a pair inside stays
        ("Edinburgh (Scotland)", "Edinburgh (Scotland)"),
        ("1847)", "1847"),
        ("(née Symonds", "née Symonds"),
        ("\u201cAggression\u201d", "\u201cAggression\u201d"),
        ("Aggression\u201d", "Aggression"),
        ('"', '"'),  # a lone mark is left to the caller, not emptied
    ],
)
def test_without_stray_marks(span, shown):
    context = f"x {span} y"
    start = context.index(span)
    got = without_stray_marks(context, start, start + len(span))
    assert context[got[0] : got[1]] == shown


@pytest.mark.parametrize(
    "context, span, shown",
    [
        ('Troup\'s "(Get Your Kicks on) Route 66", later', "Get Your Kicks on) Route 66", "(Get Your Kicks on) Route 66"),
        ("the Battle of (the) Somme and", "the Battle of (the", "the Battle of (the)"),
        ("in (a) Route 66 b", "a) Route 66", "(a) Route 66"),
    ],
)
def test_a_bracket_closed_inside_takes_its_opening_just_outside(context, span, shown):
    start = context.index(span)
    got = without_stray_marks(context, start, start + len(span))
    assert context[got[0] : got[1]] == shown


@pytest.mark.parametrize(
    "span, shown",
    [
        ('Aid Korea"', '"Aid Korea"'),  # its partner right before it is taken in
        ('cellular" and "humoral"', '"cellular" and "humoral"'),
        ("(née Symonds", "(née Symonds)"),
    ],
)
def test_without_stray_marks_takes_a_partner_next_to_it(span, shown):
    context = f"x {shown} y"
    start = context.index(span)
    got = without_stray_marks(context, start, start + len(span))
    assert context[got[0] : got[1]] == shown


def test_shortest_within_prefers_the_shortest_then_the_better_scoring():
    start = np.array([3.0, 2.9, 2.95, -np.inf])
    end = np.array([-np.inf, 1.0, 3.0, 2.0])
    assert shortest_within(start, end, 0, 2, 0.0) == (0, 2)
    assert shortest_within(start, end, 0, 2, 0.1) == (2, 2)  # 5.95 against 6.0: one token
    assert shortest_within(start, end, 0, 3, 1.5) == (2, 2)  # [0, 3] scores 5.0; "-inf" starts are never read
    assert shortest_within(start, end, 1, 1, 9.0) == (1, 1)


def test_equal_scores_go_to_the_earlier_then_the_shorter_span():
    start, end = logits({4: 2.0, 6: 2.0}, {4: 2.0, 6: 2.0})
    found = decode(start, end, top_k=2)
    assert [text(c) for c in found] == ["Hamada", "Lambrecht"]


def test_an_answer_never_runs_across_a_paragraph_break():
    context = "Talks\n\nHamada joined."
    offsets = np.array([(0, 0), (0, 5), (7, 13), (14, 20), (20, 21), (0, 0)])
    window = Window(0, offsets, np.array([False, True, True, True, True, False]))
    start, end = logits({1: 9.0, 2: 1.0}, {3: 9.0, 2: 1.0}, n=6)
    assert [text(c, context) for c in decode(start, end, window, context, top_k=2)] == ["Hamada joined", "Talks"]


def test_an_answer_never_runs_from_one_bracketed_aside_into_the_next():
    context = "Hamada (R) and Lambrecht (L) joined."
    # [CLS] q [SEP] hamada ( r ) and lambrecht ( l ) joined . [SEP]
    words = [(0, 6), (7, 8), (8, 9), (9, 10), (11, 14), (15, 24), (25, 26), (26, 27), (27, 28), (29, 35), (35, 36)]
    offsets = np.array([(0, 0), (0, 1), (0, 0), *words, (0, 0)])
    window = Window(0, offsets, np.array([False] * 3 + [True] * len(words) + [False]))
    start, end = logits({5: 9.0, 10: 2.0}, {10: 9.0, 8: 1.0}, n=len(offsets))  # "R) and Lambrecht (L" is best
    assert text(decode(start, end, window, context)[0], context) == "L"
    start, end = logits({3: 9.0}, {10: 9.0}, n=len(offsets))  # a span that holds both asides whole is fine
    assert text(decode(start, end, window, context)[0], context) == "Hamada (R) and Lambrecht (L)"  # its bracket closed


@pytest.mark.parametrize(
    ("start", "end", "snapped"),
    [
        (0, 3, "Lambrecht"),  # the model stopped at a word piece
        (3, 9, "Lambrecht"),
        (0, 9, "Lambrecht"),
        (0, 10, "Lambrecht"),  # a trailing blank is dropped
        (10, 13, "von"),
        (9, 13, "von"),  # a leading blank is dropped
        (11, 16, "von Berlin"),
    ],
)
def test_spans_snap_to_whole_words(start, end, snapped):
    context = "Lambrecht von Berlin"
    s, e = snap_to_words(context, start, end)
    assert context[s:e] == snapped


def test_word_pieces_decode_to_the_whole_word():
    context = "Christine Lambrecht."
    # [CLS] q [SEP] christine lam ##bre ##cht . [SEP]
    offsets = np.array([(0, 0), (0, 3), (0, 0), (0, 9), (10, 13), (13, 16), (16, 19), (19, 20), (0, 0)])
    window = Window(0, offsets, np.array([False, False, False, True, True, True, True, True, False]))
    start, end = logits({4: 5.0}, {5: 5.0}, n=9)  # "Lambre", cut inside the word
    assert text(decode(start, end, window, context)[0], context) == "Lambrecht"
    assert text(decode(start, end, window, context)[0], context) != "Lambrecht."


def test_punctuation_is_not_pulled_into_a_word():
    s, e = snap_to_words("joined online.", 7, 13)
    assert (s, e) == (7, 13)


def test_windows_merge_one_answer_once_at_its_best_margin():
    first = [Candidate(0, 20, 4.0), Candidate(28, 34, 1.0)]
    second = [Candidate(0, 20, 6.0), Candidate(11, 20, 5.0), Candidate(21, 27, 0.5)]  # overlapping window
    merged = merge_candidates(first + second, top_k=3)
    assert merged == [Candidate(0, 20, 6.0), Candidate(28, 34, 1.0), Candidate(21, 27, 0.5)]
    assert merge_candidates(first + second, top_k=1) == [Candidate(0, 20, 6.0)]
    assert merge_candidates([], top_k=2) == []


def test_a_window_of_only_question_tokens_gives_nothing():
    window = Window(0, OFFSETS, np.zeros(len(OFFSETS), dtype=bool))
    assert decode(*logits({}, {}), window=window, top_k=3) == []
