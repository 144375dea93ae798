"""Shared helpers for reliability data: missing values, category order, value counts per unit."""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np


def is_missing(value: Any) -> bool:
    """True for None and NaN, the two spellings of "this coder gave no value"."""
    if value is None:
        return True
    try:
        return isinstance(value, (float, np.floating)) and math.isnan(value)
    except TypeError:
        return False


def category_order(values: Sequence[Any], order: Sequence[Any] | None = None) -> list[Any]:
    """The distinct values in a stable order: `order` when given, else sorted, else first-seen."""
    if order is not None:
        known = list(order)
        if len(set(known)) != len(known):
            raise ValueError("the category order lists a value twice")
        unknown = [v for v in dict.fromkeys(values) if v not in set(known)]
        if unknown:
            raise ValueError(f"value {unknown[0]!r} is not in the given category order {known!r}")
        return known
    distinct = list(dict.fromkeys(values))
    try:
        return sorted(distinct)
    except TypeError:
        return distinct


def reliability_counts(data: Any, order: Sequence[Any] | None = None) -> tuple[list[Any], np.ndarray]:
    """Turn coders x units data into (categories, counts) with counts[u, c] = coders giving value c to unit u.

    Numeric arrays take a vectorised path (NaN is missing); anything else is read value by value
    (None or NaN is missing).
    """
    arr = np.asarray(data, dtype=object) if not isinstance(data, np.ndarray) else data
    if arr.ndim != 2:
        if arr.ndim == 1 and arr.dtype == object and len(arr) and all(hasattr(r, "__len__") for r in arr):
            raise ValueError("every coder's row must have one value per unit (rows differ in length)")
        raise ValueError("reliability data must have one row per coder and one column per unit")
    n_units = arr.shape[1]
    numeric = arr.dtype.kind in "biuf"
    if not numeric and order is None:
        flat = [v for v in arr.ravel() if not is_missing(v)]
        if flat and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                        for v in flat):
            arr = np.array([[np.nan if is_missing(v) else float(v) for v in row] for row in arr], dtype=float)
            numeric = True
    if numeric:
        values = arr.astype(float)
        present = ~np.isnan(values)
        units = np.nonzero(present)[1]
        categories, codes = np.unique(values[present], return_inverse=True)
        if order is not None:
            cats = category_order(list(categories), order)
            lookup = {float(v): i for i, v in enumerate(cats)}
            codes = np.array([lookup[float(v)] for v in categories])[codes]
            categories = np.array(cats)
        cat_list = categories.tolist()
    else:
        present_pairs = [(u, v) for row in arr for u, v in enumerate(row) if not is_missing(v)]
        cat_list = category_order([v for _, v in present_pairs], order)
        lookup = {v: i for i, v in enumerate(cat_list)}
        units = np.fromiter((u for u, _ in present_pairs), dtype=np.int64, count=len(present_pairs))
        codes = np.fromiter((lookup[v] for _, v in present_pairs), dtype=np.int64, count=len(present_pairs))
    n_cat = len(cat_list)
    counts = np.bincount(units * n_cat + codes, minlength=n_units * n_cat) if n_cat else np.zeros(0)
    return cat_list, counts.reshape(n_units, n_cat).astype(float)
