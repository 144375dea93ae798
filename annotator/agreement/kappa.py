"""Cohen's kappa (unweighted and weighted), Scott's pi and Fleiss' kappa for nominal coding data.

Cohen (1960) and Cohen (1968) for weighted kappa: kappa = 1 - sum w p_o / sum w p_e with disagreement
weights w (0/1, |i - j| or (i - j)^2 over positions in the category order) and p_e the product of the two
coders' own margins. Scott's pi uses the pooled margins of both coders. Fleiss (1971) generalises pi to
any fixed number of coders per unit.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from annotator.agreement._values import category_order, is_missing, reliability_counts
from annotator.agreement.errors import UndefinedAgreement

WEIGHTS = (None, "linear", "quadratic")


def _paired(a: Sequence[Any], b: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    if len(a) != len(b):
        raise ValueError(f"the two coders must rate the same units: {len(a)} values against {len(b)}")
    pairs = [(x, y) for x, y in zip(a, b) if not is_missing(x) and not is_missing(y)]
    if not pairs:
        raise UndefinedAgreement("not defined: no unit has a value from both coders")
    return [x for x, _ in pairs], [y for _, y in pairs]


def contingency_table(a: Sequence[Any], b: Sequence[Any],
                      labels: Sequence[Any] | None = None) -> tuple[list[Any], np.ndarray]:
    """(categories, table) with table[i, j] = units coded categories[i] by a and categories[j] by b."""
    xs, ys = _paired(a, b)
    categories = category_order(xs + ys, labels)
    index = {c: i for i, c in enumerate(categories)}
    k = len(categories)
    codes = np.fromiter((index[x] * k + index[y] for x, y in zip(xs, ys)), dtype=np.int64, count=len(xs))
    return categories, np.bincount(codes, minlength=k * k).reshape(k, k).astype(float)


def disagreement_weights(size: int, weights: str | None) -> np.ndarray:
    """Disagreement weights between category positions: 0/1, |i - j| or (i - j)^2."""
    if weights not in WEIGHTS:
        raise ValueError(f"unknown weights {weights!r}: use None, 'linear' or 'quadratic'")
    positions = np.arange(size, dtype=float)
    diff = np.abs(positions[:, None] - positions[None, :])
    if weights is None:
        return (diff > 0).astype(float)
    return diff if weights == "linear" else diff**2


def kappa_from_table(table: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Cohen's kappa of a square contingency table with disagreement weights (default 0/1)."""
    table = np.asarray(table, dtype=float)
    total = table.sum()
    if total <= 0:
        raise UndefinedAgreement("kappa is not defined: there is no unit rated by both coders")
    w = disagreement_weights(len(table), None) if weights is None else weights
    observed = table / total
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    expected_disagreement = float((w * expected).sum())
    if expected_disagreement <= 1e-15:
        raise UndefinedAgreement(
            "kappa is not defined: both coders used one and the same category for every unit, so the "
            "agreement expected by chance is already complete"
        )
    return 1.0 - float((w * observed).sum()) / expected_disagreement


def cohen_kappa(a: Sequence[Any], b: Sequence[Any], weights: str | None = None,
                labels: Sequence[Any] | None = None) -> float:
    """Cohen's kappa between two coders' values for the same units (None marks a missing value).

    `weights` is None (nominal), "linear" or "quadratic"; weights use positions in `labels`, the
    category order (default: the sorted values seen). Units missing from either coder are left out.
    """
    categories, table = contingency_table(a, b, labels)
    return kappa_from_table(table, disagreement_weights(len(categories), weights))


def scott_pi(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Scott's pi between two coders: chance agreement from the categories' pooled proportions."""
    _, table = contingency_table(a, b)
    total = table.sum()
    observed = np.trace(table) / total
    pooled = (table.sum(axis=0) + table.sum(axis=1)) / (2 * total)
    expected = float((pooled**2).sum())
    if expected >= 1 - 1e-15:
        raise UndefinedAgreement(
            "pi is not defined: both coders used one and the same category for every unit"
        )
    return (observed - expected) / (1 - expected)


def fleiss_kappa(data: Any) -> float:
    """Fleiss' kappa for coders x units data in which every coder rated every unit."""
    rows = np.asarray(data, dtype=object) if not isinstance(data, np.ndarray) else data
    if rows.ndim != 2:
        raise ValueError("Fleiss' kappa needs one row per coder and one column per unit")
    n_coders, n_units = rows.shape
    if n_coders < 2:
        raise UndefinedAgreement("Fleiss' kappa is not defined for fewer than two coders")
    if n_units == 0:
        raise UndefinedAgreement("Fleiss' kappa is not defined: there is no unit")
    for coder in range(n_coders):
        for unit in range(n_units):
            if is_missing(rows[coder, unit]):
                raise UndefinedAgreement(
                    f"Fleiss' kappa needs complete data: unit {unit + 1} has no value from coder {coder + 1}"
                )
    _, counts = reliability_counts(rows)
    per_unit_agreement = ((counts**2).sum(axis=1) - n_coders) / (n_coders * (n_coders - 1))
    observed = float(per_unit_agreement.mean())
    proportions = counts.sum(axis=0) / (n_units * n_coders)
    expected = float((proportions**2).sum())
    if expected >= 1 - 1e-15:
        raise UndefinedAgreement(
            "Fleiss' kappa is not defined: every coder gave every unit the same category"
        )
    return (observed - expected) / (1 - expected)
