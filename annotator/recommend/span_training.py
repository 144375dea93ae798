"""Fitting the span recommender's per-label token classifiers (scikit-learn's logistic regression), within a budget."""

from __future__ import annotations

import warnings
from typing import Callable

import numpy as np
from scipy import sparse

from annotator.recommend.examples import FitCancelled

# The logit of a model that saw one class only: it answers that class with probability 1 - 6e-6.
CONSTANT_LOGIT = 12.0
# L-BFGS stops when the gradient falls below this: 3e-4 scored as 1e-4 (scikit-learn's default) on our
# sample and fits two to three times faster.
SOLVER_TOLERANCE = 3e-4


def sample_rows(sentence_of: np.ndarray, positive: np.ndarray, max_rows: int,
                rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Rows to train on, with weights that keep the estimate unbiased.

    Every token is kept when there are at most `max_rows`. Otherwise whole sentences are drawn: up
    to half the budget from sentences holding a positive token, the rest from the others, each
    kept row weighted by 1 / its sentence's chance of being drawn.
    """
    total = len(sentence_of)
    if total <= max_rows:
        return np.arange(total), np.ones(total, dtype=np.float64)
    sentences = int(sentence_of.max()) + 1
    has_positive = np.zeros(sentences, dtype=bool)
    has_positive[sentence_of[positive]] = True
    in_positive = has_positive[sentence_of]
    n_positive = int(in_positive.sum())
    rate_positive = min(1.0, (max_rows / 2) / n_positive) if n_positive else 1.0
    kept_positive = min(n_positive, max_rows / 2)
    n_negative = total - n_positive
    rate_negative = min(1.0, (max_rows - kept_positive) / n_negative) if n_negative else 1.0
    rate = np.where(has_positive, rate_positive, rate_negative)
    drawn = rng.random(sentences) < rate
    rows = np.flatnonzero(drawn[sentence_of])
    return rows, 1.0 / rate[sentence_of[rows]]


def fit_binary(matrix: sparse.csr_matrix, target: np.ndarray, weights: np.ndarray,
               regularisation: float) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2 logistic regression of `target` (bool) on `matrix` rows.

    Only the columns some row uses are given to the solver (the others' weights stay 0, as the
    L2 penalty would leave them). A target of one class gives a constant model (zero weights,
    bias of ±CONSTANT_LOGIT).
    """
    width = matrix.shape[1]
    coefficients = np.zeros(width, dtype=np.float32)
    if target.all() or not target.any():
        return coefficients, CONSTANT_LOGIT if target.all() else -CONSTANT_LOGIT
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    used = np.unique(matrix.indices)
    compact = sparse.csr_matrix((matrix.data, np.searchsorted(used, matrix.indices), matrix.indptr),
                                shape=(matrix.shape[0], len(used)))
    model = LogisticRegression(C=regularisation, max_iter=300, tol=SOLVER_TOLERANCE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(compact, target, sample_weight=weights / weights.mean())
    coefficients[used] = model.coef_[0]
    return coefficients, float(model.intercept_[0])


def fit_label_models(build_matrix: Callable[[np.ndarray], sparse.csr_matrix], inside: np.ndarray,
                     begins: np.ndarray, sentence_of: np.ndarray, regularisation: float, max_rows: int,
                     seed: int, cancelled: Callable[[], bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For each label (a column of `inside`/`begins`), an "inside a span" and a "begins a span" model.

    The rows each model trains on are drawn first; `build_matrix(keep)` then builds the design matrix
    of the kept tokens only. Returns weights (columns x 2 labels) and biases (2 labels), label j's
    inside model in column 2j and its begin model in 2j + 1. The begin model is fitted on the tokens
    inside spans only: it tells where a run of inside tokens splits into two spans. `cancelled()` is
    asked before each label's models; FitCancelled is raised when it answers True.
    """
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    rng = np.random.default_rng(seed)
    labels = inside.shape[1]
    plans = []
    keep = np.zeros(len(sentence_of), dtype=bool)
    for j in range(labels):
        rows, row_weights = sample_rows(sentence_of, inside[:, j], max_rows, rng)
        begin_rows = np.flatnonzero(inside[:, j])
        if len(begin_rows) > max_rows:
            begin_rows = np.sort(rng.choice(begin_rows, max_rows, replace=False))
        plans.append((rows, row_weights, begin_rows))
        keep[rows] = True
        keep[begin_rows] = True
    matrix = build_matrix(keep)
    position = np.cumsum(keep) - 1
    weights = np.zeros((matrix.shape[1], 2 * labels), dtype=np.float32)
    biases = np.zeros(2 * labels, dtype=np.float32)
    # One BLAS thread: L-BFGS works on vectors too small to gain from threads, and a background
    # fit should leave the other cores to the app (measured: 2-3 times faster on a busy 2-core machine).
    with threadpool_limits(limits=1, user_api="blas"):
        for j, (rows, row_weights, begin_rows) in enumerate(plans):
            if cancelled is not None and cancelled():
                raise FitCancelled()
            weights[:, 2 * j], biases[2 * j] = fit_binary(matrix[position[rows]], inside[rows, j], row_weights,
                                                          regularisation)
            weights[:, 2 * j + 1], biases[2 * j + 1] = fit_binary(
                matrix[position[begin_rows]], begins[begin_rows, j], np.ones(len(begin_rows)), regularisation)
    return weights, biases
