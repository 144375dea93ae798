"""Krippendorff's alpha for coded units at the nominal, ordinal, interval and ratio levels.

Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability". For each unit u with
m_u >= 2 values, every ordered pair of its values (from different coders) adds 1/(m_u - 1) to the
coincidence matrix o[c, k]; n_c are its margins and n their sum (the number of pairable values).
Then

    alpha = 1 - D_o / D_e,  D_o = sum o[c,k] d2(c,k) / n,  D_e = sum n_c n_k d2(c,k) / (n (n - 1))

with the squared difference d2 of the level: nominal 0 or 1; ordinal (sum_{g=c..k} n_g - (n_c+n_k)/2)^2;
interval (c - k)^2; ratio ((c - k) / (c + k))^2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from annotator.agreement._values import reliability_counts
from annotator.agreement.errors import UndefinedAgreement

LEVELS = ("nominal", "ordinal", "interval", "ratio")


@dataclass(frozen=True)
class Coincidences:
    """The coincidence matrix of some reliability data, with what alpha needs besides it."""

    categories: list[Any]
    matrix: np.ndarray          # o[c, k]
    distances: np.ndarray       # d2(c, k) at the chosen level
    pairable_units: int         # units with at least two values
    pairs: int                  # pairs of values from the same unit: sum of m_u (m_u - 1) / 2

    @property
    def n(self) -> float:
        """The number of pairable values."""
        return float(self.matrix.sum())

    @property
    def observed(self) -> float:
        """Observed disagreement D_o."""
        return float((self.matrix * self.distances).sum() / self.n)

    @property
    def expected(self) -> float:
        """Expected disagreement D_e."""
        margins = self.matrix.sum(axis=1)
        n = self.n
        return float(margins @ self.distances @ margins / (n * (n - 1)))


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")


def level_distances(categories: Sequence[Any], margins: np.ndarray, level: str) -> np.ndarray:
    """The matrix of squared differences d2(c, k) between categories at `level`."""
    _check_level(level)
    n_cat = len(categories)
    if level == "nominal":
        return 1.0 - np.eye(n_cat)
    if level == "ordinal":
        cumulative = np.cumsum(margins)
        # sum of n_g for g from c to k (c <= k), minus half of the two end categories
        between = cumulative[None, :] - cumulative[:, None] + margins[:, None]
        upper = between - (margins[:, None] + margins[None, :]) / 2.0
        upper = np.triu(upper)
        return (upper + upper.T) ** 2
    try:
        values = np.asarray(categories, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{level} data must be numbers; got {list(categories)[:3]!r}...") from None
    diff = values[:, None] - values[None, :]
    if level == "interval":
        return diff**2
    if (values < 0).any():
        raise ValueError("ratio data must not be negative")
    total = values[:, None] + values[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(total == 0, 0.0, diff / np.where(total == 0, 1.0, total))
    return ratio**2


def coincidences(data: Any, level: str = "nominal", order: Sequence[Any] | None = None) -> Coincidences:
    """Build the coincidence matrix of coders x units data (None or NaN for a missing value)."""
    _check_level(level)
    categories, counts = reliability_counts(data, order if level == "ordinal" else None)
    return coincidences_from_counts(categories, counts, level)


def coincidences_from_counts(categories: list[Any], counts: np.ndarray, level: str) -> Coincidences:
    """The coincidence matrix from value counts per unit (units x categories)."""
    per_unit = counts.sum(axis=1)
    pairable = per_unit >= 2
    paired = counts[pairable]
    m = per_unit[pairable]
    weighted = paired / (m - 1.0)[:, None]
    matrix = weighted.T @ paired - np.diag(weighted.sum(axis=0)) if len(paired) else np.zeros(
        (len(categories), len(categories)))
    margins = matrix.sum(axis=1)
    return Coincidences(
        categories=list(categories),
        matrix=matrix,
        distances=level_distances(categories, margins, level),
        pairable_units=int(pairable.sum()),
        pairs=int((m * (m - 1) / 2).sum()),
    )


def check_defined(co: Coincidences) -> None:
    """Raise UndefinedAgreement when alpha cannot be computed from these coincidences."""
    if co.pairable_units == 0:
        raise UndefinedAgreement(
            "alpha is not defined: no unit has values from two or more coders, so no pair of values "
            "can be compared"
        )
    used = [c for c, n_c in zip(co.categories, co.matrix.sum(axis=1)) if n_c > 0]
    if len(used) < 2:
        raise UndefinedAgreement(
            f"alpha is not defined: all {co.n:g} pairable values are {used[0]!r}; without any variation "
            "agreement beyond chance cannot be measured"
        )


def krippendorff_alpha(data: Any, level: str = "nominal", *, order: Sequence[Any] | None = None) -> float:
    """Krippendorff's alpha of `data` (one row per coder, one column per unit, None for missing).

    `level` is "nominal", "ordinal", "interval" or "ratio". Ordinal values are ranked in their natural
    sort order unless `order` lists them from lowest to highest. Units with fewer than two values are
    not pairable and are left out. Raises UndefinedAgreement when no unit is pairable or all pairable
    values are the same.
    """
    co = coincidences(data, level, order)
    check_defined(co)
    return 1.0 - co.observed / co.expected
