"""Percent agreement: the share of agreeing pairs of values within units, averaged over units."""

from __future__ import annotations

from typing import Any

from annotator.agreement._values import reliability_counts
from annotator.agreement.errors import UndefinedAgreement


def percent_agreement(data: Any) -> float:
    """Mean over units with at least two values of (agreeing pairs / pairs), between 0 and 1.

    `data` has one row per coder and one column per unit, None for a missing value. It is not
    corrected for chance: report it beside a chance-corrected coefficient, never instead of one.
    """
    _, counts = reliability_counts(data)
    per_unit = counts.sum(axis=1)
    pairable = per_unit >= 2
    if not pairable.any():
        raise UndefinedAgreement(
            "percent agreement is not defined: no unit has values from two or more coders"
        )
    m = per_unit[pairable]
    agreeing = (counts[pairable] * (counts[pairable] - 1)).sum(axis=1)
    return float((agreeing / (m * (m - 1))).mean())
