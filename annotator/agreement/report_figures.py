"""The building blocks of an agreement report: a figure that is a number or an honest null with a reason."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from annotator.agreement.errors import UndefinedAgreement


@dataclass(frozen=True)
class Figure:
    """One reported value; `value` is None exactly when the coefficient is undefined, and `reason` says why."""

    value: float | None
    reason: str | None = None
    low: float | None = None
    high: float | None = None
    n: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "reason": self.reason}
        if self.low is not None:
            out["ci95"] = [self.low, self.high]
        if self.n is not None:
            out["n"] = self.n
        out.update(self.details)
        return out


def undefined(reason: str, n: int | None = None) -> Figure:
    """A figure that cannot be computed, with the reason."""
    return Figure(None, reason, n=n)


def measure(compute: Callable[..., float], *args: Any, n: int | None = None, **kwargs: Any) -> Figure:
    """Run a coefficient; an UndefinedAgreement becomes a null figure carrying its message."""
    try:
        value = float(compute(*args, **kwargs))
    except UndefinedAgreement as exc:
        return undefined(str(exc), n)
    if math.isnan(value):
        return undefined("the computation gave no number for this data", n)
    return Figure(value, n=n)


def mean_of(figures: list[Figure], what: str) -> Figure:
    """The mean of the defined figures (e.g. over pairs of annotators), or null when none is defined."""
    values = [f.value for f in figures if f.value is not None]
    if not values:
        reasons = sorted({f.reason for f in figures if f.reason})
        return undefined(f"no pair of annotators gives a defined {what}"
                         + (f" ({reasons[0]})" if len(reasons) == 1 else ""))
    return Figure(sum(values) / len(values), n=len(values))


@dataclass(frozen=True)
class PairMatrix:
    """A coefficient for every pair of annotators (the diagonal is left empty)."""

    annotators: list[str]
    values: list[list[Figure | None]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators,
            "values": [[None if f is None else f.to_dict() for f in row] for row in self.values],
        }
