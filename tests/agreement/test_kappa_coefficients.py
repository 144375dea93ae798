"""Cohen's kappa, Scott's pi and Fleiss' kappa against published worked examples."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement import UndefinedAgreement, cohen_kappa, fleiss_kappa, krippendorff_alpha, scott_pi


def from_table(table, categories):
    """Two coders' values reproducing a contingency table (rows: coder A, columns: coder B)."""
    a, b = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [categories[i]] * count
            b += [categories[j]] * count
    return a, b


def test_cohen_1960_table():
    # Cohen (1960), Table 1 as proportions of 200 cases: p_o = .70, p_c = .41, kappa = .49.
    a, b = from_table([[88, 14, 18], [10, 40, 10], [2, 6, 12]], ["1", "2", "3"])
    assert round(cohen_kappa(a, b), 2) == 0.49
    assert cohen_kappa(a, b) == pytest.approx((0.70 - 0.41) / (1 - 0.41))


def test_artstein_poesio_2008_kappa_and_pi():
    # Artstein & Poesio (2008), section 2: 100 utterances coded Stat / IReq / Chck, A_o = 0.88,
    # kappa = 0.8013 (A_e = 0.396) and pi = 0.7995 (A_e = 0.4014).
    a, b = from_table([[46, 6, 0], [0, 32, 0], [0, 6, 10]], ["Stat", "IReq", "Chck"])
    assert round(cohen_kappa(a, b), 4) == 0.8013
    assert round(scott_pi(a, b), 4) == 0.7995


def test_scott_pi_equals_two_coder_alpha_up_to_sample_size():
    a, b = from_table([[46, 6, 0], [0, 32, 0], [0, 6, 10]], ["Stat", "IReq", "Chck"])
    n = 2 * len(a)
    pi = scott_pi(a, b)
    # alpha = 1 - (n - 1)/n * (1 - pi) for two coders and no missing values
    assert krippendorff_alpha([a, b]) == pytest.approx(1 - (n - 1) / n * (1 - pi))


def test_sas_example_unweighted_and_linear():
    # The SAS PROC FREQ example used by statsmodels: kappa 0.4842, linear weighted kappa 0.4701.
    a, b = from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]], [1, 2, 3])
    assert round(cohen_kappa(a, b), 4) == 0.4842
    assert round(cohen_kappa(a, b, weights="linear"), 4) == 0.4701


ANXIETY_RATER2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4]
ANXIETY_RATER3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2]


@pytest.mark.parametrize("weights, printed", [
    (None, -0.006289308), ("linear", 0.1459075), ("quadratic", 0.2520325),
])
def test_irr_anxiety_weighted_kappa(weights, printed):
    # R irr's `anxiety` data, raters 2 and 3; irr::kappa2(anxiety[, 2:3], ...) uses the categories present (1, 2, 3, 4, 6) by position.
    kappa = cohen_kappa(ANXIETY_RATER2, ANXIETY_RATER3, weights=weights, labels=[1, 2, 3, 4, 6])
    assert kappa == pytest.approx(printed, abs=5e-7)


def test_labels_set_the_weight_positions():
    with_gap = cohen_kappa(ANXIETY_RATER2, ANXIETY_RATER3, weights="linear", labels=[1, 2, 3, 4, 5, 6])
    without = cohen_kappa(ANXIETY_RATER2, ANXIETY_RATER3, weights="linear", labels=[1, 2, 3, 4, 6])
    assert with_gap != pytest.approx(without)
    with pytest.raises(ValueError, match="not in the given category order"):
        cohen_kappa([1, 2], [2, 7], labels=[1, 2, 3])


def test_cohen_kappa_leaves_out_units_missing_from_either_coder():
    assert cohen_kappa(["x", "y", None, "x"], ["x", "y", "y", None]) == pytest.approx(1.0)


def test_cohen_kappa_undefined_cases():
    with pytest.raises(UndefinedAgreement, match="same category"):
        cohen_kappa(["a", "a", "a"], ["a", "a", "a"])
    with pytest.raises(UndefinedAgreement, match="no unit"):
        cohen_kappa(["a", None], [None, "b"])
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa(["a"], ["a", "b"])
    with pytest.raises(ValueError, match="unknown weights"):
        cohen_kappa(["a", "b"], ["a", "b"], weights="cubic")
    with pytest.raises(UndefinedAgreement):
        scott_pi(["a", "a"], ["a", "a"])


# Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses (as in R irr's `diagnoses`): kappa = .430.
DIAGNOSES = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]


def test_fleiss_1971_diagnoses():
    coders_by_units = np.array(DIAGNOSES).T
    assert round(fleiss_kappa(coders_by_units), 3) == 0.430
    assert fleiss_kappa(coders_by_units) == pytest.approx(0.4302445, abs=5e-8)  # irr::kappam.fleiss


def test_fleiss_wikipedia_fourteen_raters():
    # The worked example of Fleiss' kappa on Wikipedia: 10 subjects, 14 raters, 5 categories: 0.210.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    units = [[c for c, n in enumerate(row) for _ in range(n)] for row in table]
    assert round(fleiss_kappa(np.array(units).T), 3) == 0.210


def test_fleiss_undefined_and_incomplete():
    with pytest.raises(UndefinedAgreement, match="complete data"):
        fleiss_kappa([["a", "b"], ["a", None]])
    with pytest.raises(UndefinedAgreement, match="same category"):
        fleiss_kappa([["a", "a"], ["a", "a"], ["a", "a"]])
    with pytest.raises(UndefinedAgreement, match="two coders"):
        fleiss_kappa([["a", "b"]])


def test_fleiss_equals_scott_pi_for_two_coders():
    a, b = from_table([[46, 6, 0], [0, 32, 0], [0, 6, 10]], ["Stat", "IReq", "Chck"])
    assert fleiss_kappa([a, b]) == pytest.approx(scott_pi(a, b))
