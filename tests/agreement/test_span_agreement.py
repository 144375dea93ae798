"""Span F1 (exact and overlap) and character kappa between two annotators."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import UndefinedAgreement, character_kappa, cohen_kappa, span_f1, span_scores
from annotator.agreement.spans import character_runs, character_table

A = [(0, 5, "x"), (6, 9, "y")]
B = [(0, 5, "x"), (6, 10, "y"), (12, 14, "x")]


def test_exact_f1_by_hand():
    assert span_f1(A, B, match="exact") == pytest.approx(2 * 1 / (2 + 3))
    scores = span_scores(A, B, "exact")
    assert (scores.precision, scores.recall) == (0.5, pytest.approx(1 / 3))


def test_overlap_f1_by_hand():
    scores = span_scores(A, B, "overlap")
    assert (scores.matched_a, scores.matched_b) == (2, 2)
    assert scores.f1 == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3))


def test_overlap_needs_the_same_label_and_a_shared_character():
    assert span_f1([(0, 5, "x")], [(0, 5, "y")], "overlap") == 0.0
    assert span_f1([(0, 5, "x")], [(5, 8, "x")], "overlap") == 0.0  # touching is not overlapping
    assert span_f1([(0, 5, "x")], [(4, 8, "x")], "overlap") == 1.0


def test_exact_matching_is_one_to_one():
    assert span_f1([(0, 5, "x"), (0, 5, "x")], [(0, 5, "x")], "exact") == pytest.approx(2 / 3)


def test_f1_is_symmetric():
    for match in ("exact", "overlap"):
        assert span_f1(A, B, match) == pytest.approx(span_f1(B, A, match))


def test_empty_sides():
    with pytest.raises(UndefinedAgreement, match="neither annotator"):
        span_f1([], [], "overlap")
    assert span_f1(A, [], "exact") == 0.0
    with pytest.raises(ValueError, match="unknown match"):
        span_f1(A, B, "fuzzy")


def test_character_kappa_by_hand():
    # 10 characters: x-x 4, x-O 1, O-O 5; p_o = .9, p_e = .5 * .4 + .5 * .6 = .5
    assert character_kappa([(0, 5, "x")], [(0, 4, "x")], 10) == pytest.approx(0.8)


def test_overlapping_labels_of_one_annotator_make_a_joint_category():
    runs = character_runs([(0, 5, "x"), (3, 6, "y")], 8)
    assert runs == [(0, 3, "x"), (3, 5, "x+y"), (5, 6, "y"), (6, 8, "O")]


def test_character_kappa_undefined_without_spans():
    with pytest.raises(UndefinedAgreement, match="no span was marked"):
        character_kappa([], [], 100)
    with pytest.raises(UndefinedAgreement, match="empty text"):
        character_kappa([], [], 0)
    with pytest.raises(ValueError, match="does not fit"):
        character_kappa([(0, 20, "x")], [], 10)


spans_strategy = st.lists(
    st.tuples(st.integers(0, 39), st.integers(1, 10), st.sampled_from("xyz")).map(
        lambda t: (t[0], min(40, t[0] + t[1]), t[2])),
    max_size=6,
)


def per_character(spans, length):
    labels = [set() for _ in range(length)]
    for start, end, label in spans:
        for i in range(start, end):
            labels[i].add(label)
    return ["+".join(sorted(s)) if s else "O" for s in labels]


@settings(max_examples=100, deadline=None)
@given(spans_strategy, spans_strategy)
def test_character_kappa_equals_kappa_over_explicit_characters(a, b):
    chars_a, chars_b = per_character(a, 40), per_character(b, 40)
    assert sum(character_table(a, b, 40).values()) == 40
    try:
        expected = cohen_kappa(chars_a, chars_b)
    except UndefinedAgreement:
        with pytest.raises(UndefinedAgreement):
            character_kappa(a, b, 40)
        return
    assert character_kappa(a, b, 40) == pytest.approx(expected, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(spans_strategy, spans_strategy)
def test_overlap_matches_a_brute_force_count(a, b):
    def matched(xs, ys):
        return sum(any(l1 == l2 and s1 < e2 and s2 < e1 for s2, e2, l2 in ys) for s1, e1, l1 in xs)

    scores = span_scores(a, b, "overlap")
    assert (scores.matched_a, scores.matched_b) == (matched(a, b), matched(b, a))
