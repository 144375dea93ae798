"""Counts behind the pairwise span figures (exact and overlap F1, character kappa) for a whole corpus at once.

For two annotators, everything spans.py computes from their spans laid end to end is counted here in
one numpy pass per pair: per label over the documents both coded, and per document. The counts give the
same figures as span_scores and character_kappa (see span_pair_figures in report_spans.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from annotator.agreement.span_corpus import MergedUnits, SpanCorpus, distinct
from annotator.agreement.spans import OUTSIDE

BITS = 62  # labels per mask word


@dataclass(frozen=True)
class CategoryRuns:
    """One annotator's line cut where the set of labels covering a character changes (and at documents)."""

    end: np.ndarray
    category: np.ndarray  # index into PairCounter.categories
    doc: np.ndarray


@dataclass(frozen=True)
class PairCounts:
    """Two annotators' span counts: per label over the documents both coded (shape labels) and per document."""

    shared: np.ndarray           # per document: both coded it
    shared_length: int           # characters of those documents
    n_a: np.ndarray              # spans of A (per label)
    n_b: np.ndarray
    exact: np.ndarray            # spans matched exactly, one to one
    overlap_a: np.ndarray        # spans of A sharing a character with a span of B of the same label
    overlap_b: np.ndarray
    covered_a: np.ndarray        # characters covered by a span of A
    covered_b: np.ndarray
    covered_both: np.ndarray
    table: Counter               # (category of A, category of B) -> characters, all labels together
    doc_n_a: np.ndarray          # the same per document, all labels together
    doc_n_b: np.ndarray
    doc_exact: np.ndarray
    doc_overlap_a: np.ndarray
    doc_overlap_b: np.ndarray
    doc_agreeing: np.ndarray     # characters of the same category for both
    doc_chance: np.ndarray       # sum over categories of A's characters x B's characters
    doc_category: np.ndarray     # a category of each document, naming it when it is the only one


class PairCounter:
    """Prepares a corpus once (span ids, runs of categories) and counts any pair of annotators."""

    def __init__(self, corpus: SpanCorpus, units: MergedUnits):
        self.corpus, self.units = corpus, units
        self.line = max(corpus.total, 1)
        order = np.lexsort((corpus.end, corpus.start, corpus.label))
        changed = np.ones(len(order), dtype=bool)
        changed[1:] = ((np.diff(corpus.start[order]) != 0) | (np.diff(corpus.end[order]) != 0)
                       | (np.diff(corpus.label[order]) != 0))
        self.span_id = np.empty(len(order), dtype=np.int64)
        self.span_id[order] = np.cumsum(changed) - 1
        self.id_label, self.id_doc = corpus.label[order][changed], corpus.doc[order][changed]
        self.categories: list[str] = []
        self._category_index: dict[str, int] = {}
        self.runs = [self._category_runs(a) for a in range(len(corpus.annotators))]

    def _category(self, name: str) -> int:
        if name not in self._category_index:
            self._category_index[name] = len(self.categories)
            self.categories.append(name)
        return self._category_index[name]

    def _category_runs(self, annotator: int) -> CategoryRuns:
        corpus, units = self.corpus, self.units
        mine = units.annotator == annotator
        label, start, end = units.label[mine], units.start[mine], units.end[mine]
        points = distinct(np.zeros(1, dtype=np.int64), corpus.ends, start, end)
        size = len(points) - 1
        masks = np.zeros((max(1, -(-len(corpus.labels) // BITS)), size), dtype=np.int64)
        for value in distinct(label):
            chosen = label == value
            step = (np.bincount(np.searchsorted(points, start[chosen]), minlength=size + 1)
                    - np.bincount(np.searchsorted(points, end[chosen]), minlength=size + 1))
            masks[value // BITS][np.cumsum(step)[:size] > 0] |= np.int64(1) << np.int64(value % BITS)
        if len(masks) == 1:
            rows, category = np.unique(masks[0], return_inverse=True)
            rows = rows[:, None]
        else:
            rows, category = np.unique(masks.T, axis=0, return_inverse=True)
        names = []
        for row in rows:
            labels = [corpus.labels[w * BITS + bit] for w, word in enumerate(row) for bit in range(BITS)
                      if int(word) >> bit & 1]
            names.append("+".join(labels) if labels else OUTSIDE)
        ids = np.array([self._category(name) for name in names], dtype=np.int64)
        return CategoryRuns(points[1:], ids[category.reshape(-1)] if size else np.zeros(0, dtype=np.int64),
                            np.searchsorted(corpus.ends, points[:-1], side="right"))

    def count(self, a: int, b: int) -> PairCounts:
        """Counts for annotators a and b over the documents both coded."""
        corpus = self.corpus
        n_labels, n_docs = len(corpus.labels), len(corpus.lengths)
        shared = corpus.coded[a] & corpus.coded[b]
        in_a = np.flatnonzero((corpus.annotator == a) & shared[corpus.doc])
        in_b = np.flatnonzero((corpus.annotator == b) & shared[corpus.doc])
        exact, doc_exact = self._exact(in_a, in_b, n_labels, n_docs)
        hit_a, hit_b = self._overlapping(in_a, in_b), self._overlapping(in_b, in_a)
        covered_a, covered_b, both = self._covered(a, b, shared)
        doc_agreeing, doc_chance, doc_category, table = self._characters(a, b, shared)
        labels_a, labels_b = corpus.label[in_a], corpus.label[in_b]
        docs_a, docs_b = corpus.doc[in_a], corpus.doc[in_b]
        return PairCounts(
            shared=shared, shared_length=int(corpus.lengths[shared].sum()),
            n_a=np.bincount(labels_a, minlength=n_labels), n_b=np.bincount(labels_b, minlength=n_labels),
            exact=exact, overlap_a=np.bincount(labels_a[hit_a], minlength=n_labels),
            overlap_b=np.bincount(labels_b[hit_b], minlength=n_labels),
            covered_a=covered_a, covered_b=covered_b, covered_both=both, table=table,
            doc_n_a=np.bincount(docs_a, minlength=n_docs), doc_n_b=np.bincount(docs_b, minlength=n_docs),
            doc_exact=doc_exact, doc_overlap_a=np.bincount(docs_a[hit_a], minlength=n_docs),
            doc_overlap_b=np.bincount(docs_b[hit_b], minlength=n_docs),
            doc_agreeing=doc_agreeing, doc_chance=doc_chance, doc_category=doc_category,
        )

    def _exact(self, in_a: np.ndarray, in_b: np.ndarray, n_labels: int,
               n_docs: int) -> tuple[np.ndarray, np.ndarray]:
        ids_a, count_a = np.unique(self.span_id[in_a], return_counts=True)
        ids_b, count_b = np.unique(self.span_id[in_b], return_counts=True)
        common, at_a, at_b = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
        matched = np.minimum(count_a[at_a], count_b[at_b])
        return (np.bincount(self.id_label[common], weights=matched, minlength=n_labels).astype(np.int64),
                np.bincount(self.id_doc[common], weights=matched, minlength=n_docs).astype(np.int64))

    def _overlapping(self, mine: np.ndarray, others: np.ndarray) -> np.ndarray:
        """Which of `mine` share a character with a span of `others` of the same label."""
        corpus, line = self.corpus, self.line
        shift_m, shift_o = corpus.label[mine] * line, corpus.label[others] * line
        starts_o = corpus.start[others] + shift_o
        furthest = np.maximum.accumulate(corpus.end[others] + shift_o) if len(others) else np.zeros(0, np.int64)
        k = np.searchsorted(starts_o, corpus.end[mine] + shift_m, side="left")
        hit = k > 0
        hit[hit] = furthest[k[hit] - 1] > corpus.start[mine][hit] + shift_m[hit]
        return hit

    def _covered(self, a: int, b: int, shared: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Characters covered per label by A, by B and by both, over the shared documents."""
        units, line, n_labels = self.units, self.line, len(self.corpus.labels)
        ua, ub = units.annotator == a, units.annotator == b
        sa, ea = units.start[ua] + units.label[ua] * line, units.end[ua] + units.label[ua] * line
        sb, eb = units.start[ub] + units.label[ub] * line, units.end[ub] + units.label[ub] * line
        keep_a, keep_b = shared[units.doc[ua]], shared[units.doc[ub]]
        covered_a = np.bincount(units.label[ua][keep_a], weights=(ea - sa)[keep_a], minlength=n_labels)
        covered_b = np.bincount(units.label[ub][keep_b], weights=(eb - sb)[keep_b], minlength=n_labels)
        cumulative = np.concatenate([[0], np.cumsum(eb - sb)])
        lo, hi = np.searchsorted(eb, sa, side="right"), np.searchsorted(sb, ea, side="left")
        some = hi > lo
        inside = np.zeros(len(sa), dtype=np.int64)
        first, last = lo[some], hi[some] - 1
        inside[some] = (cumulative[hi[some]] - cumulative[lo[some]] - np.maximum(0, sa[some] - sb[first])
                        - np.maximum(0, eb[last] - ea[some]))
        both = np.bincount(units.label[ua][keep_a], weights=inside[keep_a], minlength=n_labels)
        return covered_a.astype(np.int64), covered_b.astype(np.int64), both.astype(np.int64)

    def _characters(self, a: int, b: int, shared: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, Counter]:
        """Per document agreeing characters, chance products and a category; the corpus character table."""
        n_docs, k = len(self.corpus.lengths), max(1, len(self.categories))
        ra, rb = self.runs[a], self.runs[b]
        ends = distinct(ra.end, rb.end)
        i, j = np.searchsorted(ra.end, ends), np.searchsorted(rb.end, ends)
        length = np.diff(np.concatenate([[0], ends]))
        doc = ra.doc[i]
        keep = shared[doc]
        ca, cb, doc, length = ra.category[i][keep], rb.category[j][keep], doc[keep], length[keep]
        same = ca == cb
        agreeing = np.bincount(doc[same], weights=length[same], minlength=n_docs).astype(np.int64)
        cells, where = np.unique(ca * k + cb, return_inverse=True)
        counts = np.bincount(where.reshape(-1), weights=length).astype(np.int64)
        table = Counter({(self.categories[c // k], self.categories[c % k]): int(n) for c, n in zip(cells, counts)})
        margin_a, sum_a = np.unique(doc * k + ca, return_inverse=True)
        margin_b, sum_b = np.unique(doc * k + cb, return_inverse=True)
        sum_a = np.bincount(sum_a.reshape(-1), weights=length).astype(np.int64)
        sum_b = np.bincount(sum_b.reshape(-1), weights=length).astype(np.int64)
        common, at_a, at_b = np.intersect1d(margin_a, margin_b, assume_unique=True, return_indices=True)
        chance = np.zeros(n_docs, dtype=np.int64)
        np.add.at(chance, common // k, sum_a[at_a] * sum_b[at_b])
        category = np.full(n_docs, -1, dtype=np.int64)
        present, first = np.unique(doc, return_index=True)
        category[present] = ca[first]  # the first run's category of each document
        return agreeing, chance, category, table


def confusion(corpus: SpanCorpus, a: int, b: int, rows: np.ndarray, size: int) -> np.ndarray:
    """Overlapping spans of annotators a and b in the documents both coded, counted by pair of labels.

    `rows[label]` is the label's row in the size x size result (-1: left out); the last row counts spans
    that overlap no span of the other annotator. Symmetric: a pair of overlapping spans with labels x and y
    adds one to [x, y] and one to [y, x] (one to [x, x] when the labels are the same).
    """
    shared = corpus.coded[a] & corpus.coded[b]
    valid = shared[corpus.doc] & (rows[corpus.label] >= 0)
    in_a = np.flatnonzero(valid & (corpus.annotator == a))
    in_b = np.flatnonzero(valid & (corpus.annotator == b))
    row_a, row_b = rows[corpus.label[in_a]], rows[corpus.label[in_b]]
    by_end, by_start = np.argsort(corpus.end[in_a], kind="stable"), np.argsort(corpus.start[in_a], kind="stable")
    ends_a, starts_a = corpus.end[in_a][by_end], corpus.start[in_a][by_start]
    pairs = np.zeros((size, size), dtype=np.int64)
    for label in distinct(corpus.label[in_b]):
        theirs = in_b[corpus.label[in_b] == label]
        starts, ends = np.sort(corpus.start[theirs]), np.sort(corpus.end[theirs])
        # spans of b starting before one of a ends, less those ending before it starts: the overlapping ones
        before_end = np.searchsorted(starts, ends_a, side="left")
        before_start = np.searchsorted(ends, starts_a, side="right")
        pairs[:, rows[label]] += (np.bincount(row_a[by_end], weights=before_end, minlength=size)
                                  - np.bincount(row_a[by_start], weights=before_start, minlength=size)).astype(np.int64)
    counts = pairs + pairs.T - np.diag(np.diag(pairs))
    for mine, others, row in ((in_a, in_b, row_a), (in_b, in_a, row_b)):
        order = others[np.argsort(corpus.start[others], kind="stable")]
        furthest = np.maximum.accumulate(corpus.end[order]) if len(order) else np.zeros(0, dtype=np.int64)
        k = np.searchsorted(corpus.start[order], corpus.end[mine], side="left")
        hit = k > 0
        hit[hit] = furthest[k[hit] - 1] > corpus.start[mine][hit]
        alone = np.bincount(row[~hit], minlength=size)
        counts[:, -1] += alone
        counts[-1, :] += alone
    return counts
