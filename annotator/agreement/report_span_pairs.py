"""Pairwise span figures of the report from PairCounts: per label group over shared documents, and per document.

The figures are those of spans.py (span_scores, character_kappa) on the same spans; the per-document
ones are computed for all documents of a pair at once.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Sequence

import numpy as np

from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.report_figures import Figure, mean_of, measure, undefined
from annotator.agreement.span_pairs import PairCounts
from annotator.agreement.spans import OUTSIDE, SpanScores, kappa_of_character_table

NO_SPAN_MARKED = "span F1 is not defined: neither annotator marked a span"
EMPTY_TEXT = "character kappa is not defined for an empty text"
NO_CHANCE = ("kappa is not defined: both coders used one and the same category for every unit, so the "
             "agreement expected by chance is already complete")


def _kappa(table: Counter, length: int) -> float:
    if length <= 0:
        raise UndefinedAgreement(EMPTY_TEXT)
    return kappa_of_character_table(table)


def group_figures(counts: PairCounts, label: int | None, name: str | None,
                  n: int) -> tuple[Figure, Figure, Figure]:
    """Exact F1, overlap F1 and character kappa over the shared documents: all labels, or label (index, id)."""
    if label is None:
        n_a, n_b, exact = int(counts.n_a.sum()), int(counts.n_b.sum()), int(counts.exact.sum())
        over_a, over_b = int(counts.overlap_a.sum()), int(counts.overlap_b.sum())
        table = counts.table
    elif label < 0:  # a label nobody marked
        n_a = n_b = exact = over_a = over_b = 0
        table = Counter({(OUTSIDE, OUTSIDE): counts.shared_length})
    else:
        n_a, n_b, exact = int(counts.n_a[label]), int(counts.n_b[label]), int(counts.exact[label])
        over_a, over_b = int(counts.overlap_a[label]), int(counts.overlap_b[label])
        both = int(counts.covered_both[label])
        only_a, only_b = int(counts.covered_a[label]) - both, int(counts.covered_b[label]) - both
        table = Counter()
        for cell, chars in (((name, name), both), ((name, OUTSIDE), only_a), ((OUTSIDE, name), only_b),
                            ((OUTSIDE, OUTSIDE), counts.shared_length - only_a - only_b - both)):
            if chars:
                table[cell] += chars
    return (measure(lambda: SpanScores("exact", n_a, n_b, exact, exact).f1, n=n),
            measure(lambda: SpanScores("overlap", n_a, n_b, over_a, over_b).f1, n=n),
            measure(_kappa, table, counts.shared_length, n=n))


class DocumentPairValues:
    """One pair's per-document exact F1, overlap F1 and character kappa as lists (None: undefined)."""

    def __init__(self, counts: PairCounts, lengths: np.ndarray, categories: Sequence[str]):
        n = counts.doc_n_a + counts.doc_n_b
        marked = n > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            exact = (2 * counts.doc_exact) / n
            precision = np.where(counts.doc_n_a > 0, counts.doc_overlap_a / counts.doc_n_a, 0.0)
            recall = np.where(counts.doc_n_b > 0, counts.doc_overlap_b / counts.doc_n_b, 0.0)
            overlap = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
            square = lengths * lengths
            chance = (square - counts.doc_chance) / square
            kappa = 1.0 - ((lengths - counts.doc_agreeing) / lengths) / chance
        one = counts.doc_chance == square
        kappa_defined = (lengths > 0) & ~one & (chance > 1e-15)
        self.exact = np.where(marked, exact, np.nan).tolist()
        self.overlap = np.where(marked, overlap, np.nan).tolist()
        self.kappa = np.where(kappa_defined, kappa, np.nan).tolist()
        self._lengths, self._one, self._category, self._categories = lengths, one, counts.doc_category, categories

    def kappa_reason(self, doc: int) -> str:
        """Why character kappa is not defined in document `doc`."""
        if self._lengths[doc] <= 0:
            return EMPTY_TEXT
        if self._one[doc]:
            only = self._categories[int(self._category[doc])]
            what = "no span was marked" if only == OUTSIDE else f"everything is {only!r}"
            return f"character kappa is not defined: every character is {only!r} for both annotators ({what})"
        return NO_CHANCE


def _mean(values: list[float], reasons: list[str], what: str) -> Figure:
    defined = [v for v in values if v == v]  # NaN marks an undefined figure
    if defined:
        return Figure(sum(defined) / len(defined), n=len(defined))
    return mean_of([undefined(r) for r in reasons], what)


def document_means(doc: int, coders: Sequence[int],
                   pairs: dict[tuple[int, int], DocumentPairValues]) -> tuple[Figure, Figure, Figure]:
    """Means over the document's pairs of coders of exact F1, overlap F1 and character kappa."""
    exact, overlap, kappa, kappa_reasons = [], [], [], []
    for a, b in combinations(coders, 2):
        values = pairs[(a, b) if a < b else (b, a)]
        exact.append(values.exact[doc])
        overlap.append(values.overlap[doc])
        kappa.append(values.kappa[doc])
        if values.kappa[doc] != values.kappa[doc]:
            kappa_reasons.append(values.kappa_reason(doc))
    return (_mean(exact, [NO_SPAN_MARKED] * len(exact), "exact F1"),
            _mean(overlap, [NO_SPAN_MARKED] * len(overlap), "overlap F1"),
            _mean(kappa, kappa_reasons, "character kappa"))
