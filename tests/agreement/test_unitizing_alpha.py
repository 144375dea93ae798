"""Krippendorff's unitizing alpha against Krippendorff (1995, 2004) and hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import UndefinedAgreement, corpus_unitizing_alpha, unitizing_alpha
from annotator.agreement.unitizing import unitizing_parts

# Krippendorff (2004), Content Analysis, 2nd ed., p. 254: a continuum from 150 to 450, observers i and j,
# values c and k; units as (observer, begin, length, value). Shifted to start at 0.
K2004 = [("i", 225, 70, "c"), ("i", 370, 30, "c"), ("j", 220, 80, "c"), ("j", 355, 20, "c"),
         ("j", 400, 20, "c"), ("i", 180, 60, "k"), ("i", 300, 50, "k"), ("j", 180, 60, "k"),
         ("j", 300, 50, "k")]
K2004_SPANS = [(who, b - 150, b - 150 + length, value) for who, b, length, value in K2004]


def test_krippendorff_2004_per_value():
    result = unitizing_alpha(K2004_SPANS, 300)
    c, k = result.per_label["c"], result.per_label["k"]
    assert (round(c.observed, 4), round(c.expected, 4), round(c.alpha, 4)) == (0.0144, 0.0532, 0.7286)
    assert (round(k.observed, 4), round(k.expected, 4), round(k.alpha, 4)) == (0.0, 0.0490, 1.0)


def test_krippendorff_2004_overall():
    result = unitizing_alpha(K2004_SPANS, 300)
    # The book prints 0.8591, computed from the rounded disagreements: 1 - .0144 / (.0532 + .0490).
    assert round(1 - 0.0144 / (0.0532 + 0.0490), 4) == 0.8591
    assert result.alpha == pytest.approx(0.8591, abs=5e-4)
    assert result.alpha == pytest.approx(1 - result.observed / result.expected)


def krippendorff_1995(stretch: int):
    """The four pairs of observers of Krippendorff (1995, p. 57), one value each (A-D), on 24 units."""
    units = [
        (2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
        (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"), (5, 1, 1, "B"),
        (6, 3, 1, "B"), (9, 1, 1, "B"),
        (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"), (0, 2, 1, "C"), (4, 4, 1, "C"),
        (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
        (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"), (0, 4, 1, "D"),
        (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D"),
    ]
    spans = [(str(who), b * stretch, (b + length) * stretch, value) for b, length, who, value in units]
    return unitizing_alpha(spans, 24 * stretch, ["0", "1"])


def test_krippendorff_1995_observed_disagreement():
    observed = {label: v.observed for label, v in krippendorff_1995(1).per_label.items()}
    assert observed == pytest.approx({"A": 0.03125, "B": 2.26736, "C": 0.02778, "D": 0.38715}, abs=1e-5)


def test_krippendorff_1995_alpha_on_a_fine_continuum():
    # On a continuum cut fine enough to be continuous. The paper's expected disagreements carry a small
    # slip (DKPro Agreement's tests note it too); A and D match to print, B and C to 0.02.
    result = krippendorff_1995(50_000).per_label
    assert round(result["A"].alpha, 3) == 0.553
    assert round(result["D"].alpha, 3) == 0.066
    assert result["A"].expected == pytest.approx(0.06990, abs=5e-5)
    assert result["D"].expected == pytest.approx(0.41445, abs=5e-5)
    assert result["B"].alpha == pytest.approx(-0.926, abs=0.02)
    assert result["C"].alpha == pytest.approx(0.679, abs=0.02)


def test_one_unit_against_nothing_by_hand():
    # L = 10; a marks [0, 5), b marks nothing. Observed: the unit lies in b's gap: 2 * 5^2 / (2 * 1 * 100).
    # Expected: N_c = 1 so the first term is 0; gaps 5 (a) and 10 (b) are >= 5: l^2 * ((5-5+1) + (10-5+1))
    # = 175, times 2 / L = 35, over m L (m L - 1) - l (l - 1) = 20 * 19 - 20 = 360.
    result = unitizing_alpha([("a", 0, 5, "x")], 10, annotators=["a", "b"])
    assert result.per_label["x"].observed == pytest.approx(0.25)
    assert result.per_label["x"].expected == pytest.approx(35 / 360)
    assert result.alpha == pytest.approx(1 - 0.25 / (35 / 360))


def test_identical_annotators_agree_perfectly():
    spans = [(who, s, e, lab) for who in "abc" for s, e, lab in [(0, 4, "x"), (10, 30, "y"), (12, 14, "x")]]
    result = unitizing_alpha(spans, 50)
    assert result.alpha == 1.0
    assert all(v.alpha == 1.0 and v.observed == 0 for v in result.per_label.values())


def test_annotators_who_marked_nothing_count_when_listed():
    spans = [("a", 0, 5, "x"), ("b", 0, 5, "x")]
    assert unitizing_alpha(spans, 20).alpha == 1.0
    assert unitizing_alpha(spans, 20, annotators=["a", "b", "c"]).alpha < 0.5
    with pytest.raises(UndefinedAgreement, match="only 'a'"):
        unitizing_alpha([("a", 0, 5, "x")], 20)
    with pytest.raises(ValueError, match="not among the annotators"):
        unitizing_alpha(spans, 20, annotators=["a", "z"])


def test_undefined_without_spans_or_text():
    with pytest.raises(UndefinedAgreement, match="no annotator marked any span"):
        unitizing_alpha([], 100, annotators=["a", "b"])
    with pytest.raises(UndefinedAgreement, match="empty text"):
        unitizing_alpha([], 0, annotators=["a", "b"])
    with pytest.raises(ValueError, match="does not fit"):
        unitizing_alpha([("a", 5, 50, "x")], 20, annotators=["a", "b"])


def test_overlapping_spans_of_one_annotator_and_label_are_merged():
    merged = unitizing_alpha([("a", 0, 8, "x"), ("b", 0, 8, "x")], 20)
    split = unitizing_alpha([("a", 0, 5, "x"), ("a", 3, 8, "x"), ("b", 0, 8, "x")], 20)
    assert split.alpha == merged.alpha == 1.0
    touching = unitizing_alpha([("a", 0, 4, "x"), ("a", 4, 8, "x"), ("b", 0, 8, "x")], 20)
    assert touching.alpha < 1.0  # touching spans stay two units


def test_labels_are_judged_separately():
    base = [("a", 0, 5, "x"), ("b", 1, 5, "x")]
    with_y = base + [("a", 10, 12, "y"), ("b", 10, 13, "y")]
    assert unitizing_alpha(with_y, 30).per_label["x"] == unitizing_alpha(base, 30).per_label["x"]


def test_one_document_corpus_equals_the_text():
    assert corpus_unitizing_alpha([(300, K2004_SPANS)]) == unitizing_alpha(K2004_SPANS, 300)


def test_reweighting_all_documents_once_gives_the_estimate():
    docs = [(300, K2004_SPANS), (40, [("i", 0, 10, "c"), ("j", 2, 10, "c")]), (25, [("j", 5, 9, "k")])]
    parts = unitizing_parts(docs, ["i", "j"])
    direct, weighted = parts.estimate(), parts.estimate(np.ones(3))
    assert weighted.alpha == pytest.approx(direct.alpha, abs=1e-12)
    # a document counted twice is the same as the document appearing twice
    doubled = unitizing_parts(docs + [docs[1]], ["i", "j"]).estimate()
    assert parts.estimate(np.array([1.0, 2.0, 1.0])).alpha == pytest.approx(doubled.alpha, abs=1e-12)


annotated = st.lists(
    st.tuples(st.sampled_from("ab"), st.integers(0, 59), st.integers(1, 15), st.sampled_from("xy")).map(
        lambda t: (t[0], t[1], min(60, t[1] + t[2]), t[3])),
    min_size=1, max_size=8,
)


@settings(max_examples=80, deadline=None)
@given(annotated)
def test_alpha_is_at_most_one_and_symmetric_in_annotators(spans):
    swapped = [({"a": "b", "b": "a"}[w], s, e, l) for w, s, e, l in spans]
    result = unitizing_alpha(spans, 60, ["a", "b"])
    assert result.alpha <= 1.0 + 1e-12
    assert unitizing_alpha(swapped, 60, ["a", "b"]).alpha == pytest.approx(result.alpha, abs=1e-12)
    copied = [(w2, s, e, l) for (w, s, e, l) in spans if w == "a" for w2 in ("a", "b")]
    if copied:
        assert unitizing_alpha(copied, 60, ["a", "b"]).alpha == 1.0


def test_many_resamples_at_once_equal_one_at_a_time():
    docs = [(300, K2004_SPANS), (40, [("i", 0, 10, "c"), ("j", 2, 10, "c")]), (25, [("j", 5, 9, "k")])]
    parts = unitizing_parts(docs, ["i", "j"])
    weights = np.array([[1, 2, 0], [0, 0, 3], [3, 0, 0], [1, 1, 1]], dtype=float)
    overall, per_label = parts.estimate_many(weights)
    for row, w in enumerate(weights):
        one = parts.estimate(w)
        assert overall[row] == pytest.approx(one.alpha, abs=1e-12)
        for label in ("c", "k"):
            if label in one.per_label:
                assert per_label[label][row] == pytest.approx(one.per_label[label].alpha, abs=1e-12)
            else:
                assert np.isnan(per_label[label][row])
