"""The sums behind u-alpha for a whole corpus at once: sections, pair disagreements and per-document alphas.

Works on a SpanCorpus (numpy arrays) one label at a time instead of walking documents one by one: every
annotator's sections (units and gaps) of the label are cut in one pass over the line of documents, and
the squared differences d2 of two annotators are summed per document in one pass per pair. See
unitizing.py for the formula; the sums here are those of its LabelParts, in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from annotator.agreement.span_corpus import MergedUnits, SpanCorpus, distinct


@dataclass(frozen=True)
class Sections:
    """Every annotator's units and gaps of one label, in the documents where someone marked it.

    Sorted by annotator and start; `start` and `end` are positions on the line of documents.
    """

    annotator: np.ndarray
    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    unit: np.ndarray
    present: np.ndarray  # per document: someone marked the label there

    @property
    def length(self) -> np.ndarray:
        return self.end - self.start


def cut_sections(corpus: SpanCorpus, units: MergedUnits, label: int) -> Sections:
    """Cut each annotator's line into units and gaps of `label`, in the documents where it occurs."""
    n_annotators, n_docs = len(corpus.annotators), len(corpus.lengths)
    lo, hi = np.searchsorted(corpus.label, [label, label + 1])
    present = np.zeros(n_docs, dtype=bool)
    present[corpus.doc[lo:hi]] = True
    present_doc = np.flatnonzero(present)
    u_lo, u_hi = np.searchsorted(units.label, [label, label + 1])
    line = max(corpus.total, 1)
    # each annotator has its own stretch of `line` positions: annotator * line + position
    tracks = np.arange(n_annotators)[:, None] * line
    unit_tracks = units.annotator[u_lo:u_hi] * line
    unit_keys = unit_tracks + units.start[u_lo:u_hi]
    points = distinct((tracks + corpus.starts[present_doc]).ravel(), (tracks + corpus.ends[present_doc]).ravel(),
                      unit_keys, unit_tracks + units.end[u_lo:u_hi])
    starts, ends = points[:-1], points[1:]
    annotator, position = np.divmod(starts, line)
    doc = np.searchsorted(corpus.ends, position, side="right")
    keep = doc < n_docs
    keep[keep] = present[doc[keep]]
    starts, ends, doc, annotator = starts[keep], ends[keep], doc[keep], annotator[keep]
    at = np.searchsorted(unit_keys, starts)
    unit = at < len(unit_keys)
    unit[unit] = unit_keys[at[unit]] == starts[unit]
    offset = annotator * line
    return Sections(annotator, doc, starts - offset, ends - offset, unit, present)


def pair_disagreement(sections: Sections, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum of d2 over the overlapping sections of annotators a and b: (documents, sums)."""
    (a_lo, b_lo), (a_hi, b_hi) = np.searchsorted(sections.annotator, [a, b]), np.searchsorted(
        sections.annotator, [a + 1, b + 1])
    a_end, b_end = sections.end[a_lo:a_hi], sections.end[b_lo:b_hi]
    ends = distinct(a_end, b_end)
    if not len(ends):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    i, j = np.searchsorted(a_end, ends) + a_lo, np.searchsorted(b_end, ends) + b_lo
    sa, ea, ua = sections.start[i], sections.end[i], sections.unit[i]
    sb, eb, ub = sections.start[j], sections.end[j], sections.unit[j]
    d2 = np.where(ua & ub, (sa - sb) ** 2 + (ea - eb) ** 2, 0)
    d2 += np.where(ua & ~ub & (sb <= sa) & (ea <= eb), (ea - sa) ** 2, 0)
    d2 += np.where(ub & ~ua & (sa <= sb) & (eb <= ea), (eb - sb) ** 2, 0)
    docs = sections.doc[i]
    heads = np.flatnonzero(np.concatenate([[True], docs[1:] != docs[:-1]]))
    return docs[heads], np.add.reduceat(d2, heads)


@dataclass(frozen=True)
class LabelSums:
    """One label's raw sums for LabelParts: per document d2, and the units and gaps in formula order."""

    observed: np.ndarray
    unit_lengths: np.ndarray
    unit_docs: np.ndarray
    gap_lengths: np.ndarray  # sorted by length (ties: by document, annotator, position)
    gap_docs: np.ndarray


def label_sums(sections: Sections, corpus: SpanCorpus, rank: np.ndarray, docs: np.ndarray,
               renumbered: np.ndarray, among: np.ndarray) -> LabelSums:
    """A label's sums over documents `docs` (renumbered[doc] = 0..) and the annotators with rank[a] >= 0.

    `among[doc]` is the sum of d2 over the pairs of those annotators. Units and gaps come in the order of
    a document-by-document walk (document, annotator, position): the order the formula sums them in.
    """
    mine = (rank[sections.annotator] >= 0) & (renumbered[sections.doc] >= 0)
    unit, gap = mine & sections.unit, mine & ~sections.unit
    # where nobody marked the label in a document, every coder has one gap: the whole document
    absent_doc = np.flatnonzero(~sections.present[docs] & (corpus.lengths[docs] > 0))
    m = int((rank >= 0).sum())
    u_doc, u_rank = renumbered[sections.doc[unit]], rank[sections.annotator[unit]]
    order = np.lexsort((sections.start[unit], u_rank, u_doc))
    g_doc = np.concatenate([renumbered[sections.doc[gap]], np.repeat(absent_doc, m)])
    g_rank = np.concatenate([rank[sections.annotator[gap]], np.tile(np.arange(m), len(absent_doc))])
    g_start = np.concatenate([sections.start[gap], np.zeros(len(absent_doc) * m, dtype=np.int64)])
    g_length = np.concatenate([sections.length[gap], np.repeat(corpus.lengths[docs][absent_doc], m)])
    g_order = np.lexsort((g_start, g_rank, g_doc, g_length))
    return LabelSums(observed=2.0 * among[docs], unit_lengths=sections.length[unit][order].astype(float),
                     unit_docs=u_doc[order].astype(np.int64), gap_lengths=g_length[g_order].astype(float),
                     gap_docs=g_doc[g_order].astype(np.int64))


def document_disagreements(sections: Sections, corpus: SpanCorpus, within: np.ndarray,
                           coders: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One label's observed and expected disagreement in each document among its coders, and where marked.

    `within[doc]` sums d2 over the pairs of the document's coders; `coders[doc]` counts them.
    """
    n_docs = len(corpus.lengths)
    mine = corpus.coded[sections.annotator, sections.doc]
    unit, gap = mine & sections.unit, mine & ~sections.unit
    u_doc, u_length = sections.doc[unit], sections.length[unit]
    lengths = u_length.astype(float)
    units = np.bincount(u_doc, minlength=n_docs).astype(float)
    cubes = np.bincount(u_doc, weights=2 * lengths**3 - 3 * lengths**2 + lengths, minlength=n_docs)
    pairs = np.bincount(u_doc, weights=lengths * (lengths - 1), minlength=n_docs)
    # sum over units of l^2 * sum over the same document's gaps g >= l of (g - l + 1)
    top = int(corpus.lengths.max(initial=0)) + 1
    g_code = sections.doc[gap] * top + sections.length[gap]
    order = np.argsort(g_code, kind="stable")
    g_code, g_length = g_code[order], sections.length[gap][order]
    tail = np.concatenate([np.cumsum(g_length[::-1])[::-1], [0]])
    lo, hi = np.searchsorted(g_code, u_doc * top + u_length), np.searchsorted(g_code, (u_doc + 1) * top)
    room = (tail[lo] - tail[hi]).astype(float) - (lengths - 1.0) * (hi - lo).astype(float)
    cross = np.bincount(u_doc, weights=lengths**2 * room, minlength=n_docs)
    length, m = corpus.lengths.astype(float), coders
    with np.errstate(divide="ignore", invalid="ignore"):
        numerator = (units - 1.0) / 3.0 * cubes + cross
        denominator = m * length * (m * length - 1.0) - pairs
        expected = 2.0 / length * numerator / denominator
        observed = (2.0 * within) / (m * (m - 1) * length**2)
    return observed, expected, units > 0


@dataclass
class CorpusUnitizing:
    """u-alpha sums of a corpus: per label over chosen documents and coders, and per document on its own."""

    labels: dict[str, LabelSums] = field(default_factory=dict)
    doc_observed: np.ndarray | None = None
    doc_expected: np.ndarray | None = None
    doc_marked: np.ndarray | None = None


def corpus_unitizing(corpus: SpanCorpus, units: MergedUnits, coders: np.ndarray, docs: np.ndarray,
                     per_document: bool = False) -> CorpusUnitizing:
    """Sums for u-alpha of documents `docs` among annotators `coders` (indices, in order).

    With `per_document`, also each document's own disagreements among its coders (corpus.coded), added up
    over labels in label order as UnitizingParts.estimate does.
    """
    n_annotators, n_docs = len(corpus.annotators), len(corpus.lengths)
    rank = np.full(n_annotators, -1)
    rank[coders] = np.arange(len(coders))
    renumbered = np.full(n_docs, -1)
    renumbered[docs] = np.arange(len(docs))
    chosen = set(int(c) for c in coders)
    out = CorpusUnitizing()
    if per_document:
        out.doc_observed, out.doc_expected = np.zeros(n_docs), np.zeros(n_docs)
        out.doc_marked = np.zeros(n_docs, dtype=bool)
        counts = corpus.coded.sum(axis=0)
    for label in range(len(corpus.labels)):
        sections = cut_sections(corpus, units, label)
        among, within = np.zeros(n_docs, dtype=np.int64), np.zeros(n_docs, dtype=np.int64)
        for a, b in combinations(range(n_annotators), 2):
            where, d2 = pair_disagreement(sections, a, b)
            if a in chosen and b in chosen:
                among[where] += d2
            if per_document:
                both = corpus.coded[a, where] & corpus.coded[b, where]
                within[where[both]] += d2[both]
        if sections.present[docs].any():
            out.labels[corpus.labels[label]] = label_sums(sections, corpus, rank, docs, renumbered, among)
        if per_document:
            observed, expected, marked = document_disagreements(sections, corpus, within, counts)
            out.doc_observed += np.where(marked, observed, 0.0)
            out.doc_expected += np.where(marked, expected, 0.0)
            out.doc_marked |= marked
    return out
