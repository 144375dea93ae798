"""Bootstrap intervals: reproducible with a seed, centred where they should be."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement import (
    UndefinedAgreement,
    bootstrap_alpha,
    bootstrap_unitizing_alpha,
    corpus_unitizing_alpha,
    krippendorff_alpha,
)

N = None
FOUR_CODERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


@pytest.mark.parametrize("method", ["hayes-krippendorff", "units"])
def test_same_seed_same_interval(method):
    first = bootstrap_alpha(FOUR_CODERS, "interval", resamples=500, seed=7, method=method)
    again = bootstrap_alpha(FOUR_CODERS, "interval", resamples=500, seed=7, method=method)
    other = bootstrap_alpha(FOUR_CODERS, "interval", resamples=500, seed=8, method=method)
    assert (first.low, first.high) == (again.low, again.high)
    assert (first.low, first.high) != (other.low, other.high)
    assert first.estimate == pytest.approx(krippendorff_alpha(FOUR_CODERS, "interval"))
    assert first.low <= first.estimate <= first.high


def test_hayes_krippendorff_resamples_centre_on_the_observed_disagreement():
    interval = bootstrap_alpha(FOUR_CODERS, "nominal", resamples=20000, seed=1)
    # each draw's expected d2 is D_o, so the mean of alpha* is alpha itself
    assert interval.samples.mean() == pytest.approx(interval.estimate, abs=0.005)
    assert 0 <= interval.probability_below(0.667) <= 1
    assert interval.probability_below(2.0) == 1.0


def test_unit_bootstrap_of_perfect_agreement_is_one():
    interval = bootstrap_alpha([[1, 2, 3, 1, 2], [1, 2, 3, 1, 2]], method="units", resamples=200)
    assert (interval.low, interval.high) == (1.0, 1.0)


def test_bad_arguments():
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_alpha(FOUR_CODERS, confidence=95)
    with pytest.raises(ValueError, match="method"):
        bootstrap_alpha(FOUR_CODERS, method="jackknife")
    with pytest.raises(UndefinedAgreement):
        bootstrap_alpha([[1, 1], [1, 1]])


def corpus(seed: int, n_docs: int = 12):
    rng = np.random.default_rng(seed)
    docs = []
    for _ in range(n_docs):
        length = int(rng.integers(200, 400))
        spans = []
        for start in range(0, length - 30, 40):
            label = "xy"[int(rng.integers(0, 2))]
            for who in "abc":
                if rng.random() < 0.85:
                    jitter = int(rng.integers(-3, 4))
                    spans.append((who, max(0, start + jitter), start + 20, label))
        docs.append((length, spans))
    return docs


def test_unitizing_bootstrap_is_reproducible_and_brackets_the_estimate():
    docs = corpus(3)
    first = bootstrap_unitizing_alpha(docs, ["a", "b", "c"], resamples=300, seed=5)
    again = bootstrap_unitizing_alpha(docs, ["a", "b", "c"], resamples=300, seed=5)
    assert (first.overall.low, first.overall.high) == (again.overall.low, again.overall.high)
    assert first.overall.estimate == pytest.approx(corpus_unitizing_alpha(docs, ["a", "b", "c"]).alpha)
    assert first.overall.low <= first.overall.estimate <= first.overall.high
    assert set(first.per_label) == {"x", "y"}
    assert first.per_label["x"].low <= first.per_label["x"].high


def test_unitizing_bootstrap_needs_two_documents():
    with pytest.raises(UndefinedAgreement, match="two documents"):
        bootstrap_unitizing_alpha(corpus(1, n_docs=1), ["a", "b", "c"])
