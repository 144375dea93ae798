"""Bootstrap confidence intervals for Krippendorff's alpha and for unitizing alpha, seeded and reproducible.

Coding data, method "hayes-krippendorff" (the default): the algorithm behind Hayes & Krippendorff (2007)
and Krippendorff's "Algorithm for bootstrapping a distribution of alpha" (2006, revised 2011). The
expected disagreement D_e of the data is held fixed; each resample draws, with replacement, as many pairs
of values as the data hold pairs of values from the same unit (sum of m_u (m_u - 1) / 2), each pair (c, k)
with probability o[c, k] / n from the coincidence matrix, and gives alpha* = 1 - mean(d2) / D_e.
Gwet (2015) notes that this interval tends to be narrow; method "units" resamples whole units instead
(a percentile bootstrap in Efron's sense) and recomputes alpha, which is usually wider.

Unitizing alpha: documents are resampled with replacement and u-alpha recomputed, overall and per label.

Intervals are percentile intervals. The same seed always gives the same interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from annotator.agreement._values import reliability_counts
from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.krippendorff import check_defined, coincidences_from_counts
from annotator.agreement.unitizing import Span, UnitizingParts, unitizing_parts

METHODS = ("hayes-krippendorff", "units")


@dataclass(frozen=True)
class BootstrapInterval:
    """A point estimate with its percentile bootstrap interval."""

    estimate: float
    low: float
    high: float
    confidence: float
    resamples: int
    method: str
    seed: int
    samples: np.ndarray

    def probability_below(self, threshold: float) -> float:
        """Share of resamples below `threshold` (e.g. 0.667 or 0.8): the risk of not reaching it."""
        return float((self.samples < threshold).mean())


def _interval(estimate: float, samples: np.ndarray, confidence: float, method: str,
              seed: int) -> BootstrapInterval:
    if not len(samples):
        raise UndefinedAgreement("no resample gave a defined value, so there is no interval")
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(samples, [tail, 1.0 - tail])
    return BootstrapInterval(estimate, float(low), float(high), confidence, len(samples), method, seed, samples)


def _check(confidence: float, resamples: int) -> None:
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie between 0 and 1, e.g. 0.95")
    if resamples < 1:
        raise ValueError("resamples must be at least 1")


def bootstrap_alpha(data: Any, level: str = "nominal", *, resamples: int = 1000, confidence: float = 0.95,
                    seed: int = 0, method: str = "hayes-krippendorff",
                    order: Sequence[Any] | None = None) -> BootstrapInterval:
    """Krippendorff's alpha of coders x units `data` with a bootstrap confidence interval."""
    _check(confidence, resamples)
    if method not in METHODS:
        raise ValueError(f"unknown bootstrap method {method!r}: use {' or '.join(METHODS)}")
    categories, counts = reliability_counts(data, order if level == "ordinal" else None)
    co = coincidences_from_counts(categories, counts, level)
    check_defined(co)
    estimate = 1.0 - co.observed / co.expected
    rng = np.random.default_rng(seed)
    if method == "hayes-krippendorff":
        probabilities = (co.matrix / co.n).ravel()
        distances = co.distances.ravel()
        draws = rng.multinomial(co.pairs, probabilities, size=resamples)
        samples = 1.0 - (draws @ distances) / co.pairs / co.expected
        return _interval(estimate, samples, confidence, method, seed)
    pairable = counts[counts.sum(axis=1) >= 2]
    values = []
    for _ in range(resamples):
        picked = pairable[rng.integers(0, len(pairable), len(pairable))]
        resampled = coincidences_from_counts(categories, picked, level)
        try:
            check_defined(resampled)
        except UndefinedAgreement:
            continue  # a resample without variation has no alpha; it is left out
        values.append(1.0 - resampled.observed / resampled.expected)
    return _interval(estimate, np.array(values), confidence, method, seed)


@dataclass(frozen=True)
class UnitizingIntervals:
    """Bootstrap intervals of u-alpha over all labels and for each label."""

    overall: BootstrapInterval
    per_label: dict[str, BootstrapInterval | None]


def bootstrap_unitizing_alpha(documents: Sequence[tuple[int, Iterable[Span]]],
                              annotators: Sequence[str] | None = None, *, resamples: int = 1000,
                              confidence: float = 0.95, seed: int = 0) -> UnitizingIntervals:
    """u-alpha of a corpus of (text_length, spans) documents with intervals from resampled documents.

    A label's interval is None when fewer than half of the resamples contain the label.
    """
    _check(confidence, resamples)
    return bootstrap_unitizing_parts(unitizing_parts(documents, annotators), resamples=resamples,
                                     confidence=confidence, seed=seed)


def bootstrap_unitizing_parts(parts: UnitizingParts, *, resamples: int = 1000, confidence: float = 0.95,
                              seed: int = 0) -> UnitizingIntervals:
    """Intervals of u-alpha for a corpus already prepared by unitizing_parts (see bootstrap_unitizing_alpha)."""
    _check(confidence, resamples)
    if len(parts.lengths) < 2:
        raise UndefinedAgreement("a bootstrap over documents needs at least two documents")
    point = parts.estimate()
    rng = np.random.default_rng(seed)
    k = len(parts.lengths)
    weights = np.stack([np.bincount(rng.integers(0, k, k), minlength=k) for _ in range(resamples)]).astype(float)
    overall_all, per_label_all = parts.estimate_many(weights)
    overall = overall_all[~np.isnan(overall_all)]
    per_label = {label: values[~np.isnan(values)] for label, values in per_label_all.items()
                 if label in point.per_label}
    method = "documents"
    return UnitizingIntervals(
        overall=_interval(point.alpha, overall, confidence, method, seed),
        per_label={
            label: _interval(point.per_label[label].alpha, values, confidence, method, seed)
            if len(values) >= resamples / 2 else None
            for label, values in per_label.items()
        },
    )
