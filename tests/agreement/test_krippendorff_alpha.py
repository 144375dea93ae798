"""Krippendorff's alpha against Krippendorff (2011) and the `krippendorff` package."""

from __future__ import annotations

import krippendorff as reference
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import UndefinedAgreement, krippendorff_alpha
from annotator.agreement.krippendorff import coincidences

N = None
# Krippendorff (2011), section C: 4 observers, 12 units, missing values.
FOUR_CODERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


@pytest.mark.parametrize("level, printed", [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_four_coders_twelve_units(level, printed):
    assert round(krippendorff_alpha(FOUR_CODERS, level), 3) == printed


def test_four_coders_coincidence_matrix():
    # Krippendorff (2011) prints the nominal coincidences; n.. = 40 pairable values.
    co = coincidences(FOUR_CODERS, "nominal")
    assert co.categories == [1, 2, 3, 4, 5]
    assert co.n == pytest.approx(40)
    assert co.matrix.sum(axis=1) == pytest.approx([9, 13, 10, 5, 3])
    assert co.matrix[0, 0] == pytest.approx(7)
    assert co.matrix[0, 1] == pytest.approx(4 / 3)
    assert co.pairable_units == 11


def test_binary_two_observers():
    # Krippendorff (2011), section A: binary data, two observers, no missing data: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert round(krippendorff_alpha([a, b]), 3) == 0.095


def test_nominal_two_observers_letters():
    # Krippendorff (2011), section B: nominal data, two observers: alpha = 0.692.
    a = "a a b b d c c c e d d a".split()
    b = "b a b b b c c c e d d d".split()
    assert round(krippendorff_alpha([a, b]), 3) == 0.692


def test_string_ordinal_values_follow_the_given_order():
    low_high = [["low", "mid", "high", "mid"], ["low", "high", "high", "mid"]]
    numbers = [[0, 1, 2, 1], [0, 2, 2, 1]]
    assert krippendorff_alpha(low_high, "ordinal", order=["low", "mid", "high"]) == pytest.approx(
        krippendorff_alpha(numbers, "ordinal"))
    # alphabetical order (high < low < mid) would give another value
    assert krippendorff_alpha(low_high, "ordinal") != pytest.approx(
        krippendorff_alpha(numbers, "ordinal"))


def test_perfect_agreement_is_one():
    assert krippendorff_alpha([[1, 2, 3, None], [1, 2, 3, 4]], "interval") == pytest.approx(1.0)


def test_nan_and_none_both_mean_missing():
    with_nan = np.array([[1, 2, np.nan, 3], [1, 3, 2, 3]], dtype=float)
    with_none = [[1, 2, None, 3], [1, 3, 2, 3]]
    assert krippendorff_alpha(with_nan) == pytest.approx(krippendorff_alpha(with_none))


@pytest.mark.parametrize("data, why", [
    ([[1, None, 3], [None, 2, None]], "no unit"),
    ([[2, 2, 2], [2, 2, None]], "no variation"),
    ([[None, None], [None, None]], "no unit"),
])
def test_undefined_cases_raise_with_a_reason(data, why):
    with pytest.raises(UndefinedAgreement) as info:
        krippendorff_alpha(data)
    assert "not defined" in str(info.value)
    if why == "no variation":
        assert "variation" in str(info.value)


def test_unknown_level_and_ragged_rows_are_refused():
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([[1, 2], [1, 2]], "cardinal")
    with pytest.raises(ValueError, match="one value per unit"):
        krippendorff_alpha([[1, 2, 3], [1, 2]])


def test_ratio_refuses_negative_values():
    with pytest.raises(ValueError, match="negative"):
        krippendorff_alpha([[-1, 2], [1, 2]], "ratio")


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(8))
def test_matches_the_krippendorff_package_on_random_data(level, seed):
    rng = np.random.default_rng(seed)
    coders, units = rng.integers(2, 7), rng.integers(5, 200)
    data = rng.integers(0, rng.integers(2, 9), size=(coders, units)).astype(float)
    data[rng.random(data.shape) < 0.3] = np.nan
    expected = reference.alpha(reliability_data=data, level_of_measurement=level)
    assert krippendorff_alpha(data, level) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(1, 6)), min_size=6, max_size=6),
                min_size=2, max_size=5),
       st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_matches_the_package_or_both_find_it_undefined(rows, level):
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        ours = krippendorff_alpha(rows, level)
    except UndefinedAgreement:
        pairable = (np.sum(~np.isnan(data), axis=0) >= 2)
        values = data[:, pairable][~np.isnan(data[:, pairable])]
        assert not pairable.any() or len(set(values)) < 2
        return
    assert ours == pytest.approx(reference.alpha(reliability_data=data, level_of_measurement=level), abs=1e-9)
