"""Krippendorff's unitizing alpha (u-alpha) for spans laid on a continuum of characters.

Krippendorff (1995), "On the reliability of unitizing continuous data", and Content Analysis (2004),
section 11.7. m annotators each cut a text of L characters into units. Each label c is judged on its own:
for annotator i, the text is a sequence of sections g with start b_cig, length l_cig and w_cig = 1 for
a unit of label c, 0 for a gap (any stretch without such a unit). For a pair of sections of different
annotators i and j the squared difference is

    d2 = (b_cig - b_cjh)^2 + (b_cig + l_cig - b_cjh - l_cjh)^2   both are units and they overlap
    d2 = l_cig^2                                                   unit g lies wholly inside gap h
    d2 = l_cjh^2                                                   unit h lies wholly inside gap g
    d2 = 0                                                         otherwise

    observed  uD_oc = sum_i sum_{j != i} sum_g sum_h d2 / (m (m - 1) L^2)

    expected  uD_ec = (2 / L) * sum_i sum_g w_cig [ (N_c - 1)/3 * (2 l^3 - 3 l^2 + l)
                         + l^2 * sum_j sum_h (1 - w_cjh) (l_cjh - l + 1) [l_cjh >= l] ]     (l = l_cig)
                      / ( m L (m L - 1) - sum_i sum_g w_cig l_cig (l_cig - 1) )

with N_c the number of units of label c over all annotators; the inner sum runs over every gap of every
annotator that is at least as long as the unit. Then alpha_c = 1 - uD_oc / uD_ec and, over all labels,
u-alpha = 1 - sum_c uD_oc / sum_c uD_ec.

Choices of ours, where the published method is silent:
- One annotator's overlapping spans of the same label are merged into one unit (the method assumes
  they never overlap); touching spans stay two units. Spans of different labels may overlap freely.
- A corpus (corpus_unitizing_alpha) is a continuum made of its documents laid end to end, except that
  no section runs across a document boundary: a gap ends where its document ends. This makes every sum
  above a sum over documents, which the bootstrap over documents relies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.span_corpus import SpanColumns, SpanCorpus, build_corpus
from annotator.agreement.unitizing_sections import LabelSums, corpus_unitizing

Span = tuple[str, int, int, str]  # (annotator, start, end, label)
NO_CHANCE = ("unitizing alpha is not defined: every character is a one-character unit for every annotator, "
             "so no disagreement is expected by chance")


@dataclass(frozen=True)
class LabelAlpha:
    """Unitizing alpha of one label with its observed and expected disagreement."""

    alpha: float
    observed: float
    expected: float
    units: int


@dataclass(frozen=True)
class UnitizingResult:
    """u-alpha over all labels, and per label."""

    alpha: float
    observed: float
    expected: float
    per_label: dict[str, LabelAlpha]
    annotators: tuple[str, ...]
    text_length: int


@dataclass
class LabelParts:
    """One label's sums of the u-alpha formula, kept per document so that documents can be re-weighted."""

    observed: np.ndarray          # per document: sum over ordered pairs of annotators of d2
    units: np.ndarray             # per document: number of units
    unit_pairs: np.ndarray        # per document: sum of l (l - 1)
    unit_cubes: np.ndarray        # per document: sum of 2 l^3 - 3 l^2 + l
    unit_lengths: np.ndarray      # every unit's length ...
    unit_docs: np.ndarray         # ... and document
    gap_lengths: np.ndarray       # every gap's length, sorted ...
    gap_docs: np.ndarray          # ... and document
    first_gap: np.ndarray         # per unit: index of the first gap at least as long

    def sums(self, weights: np.ndarray, m: int, length: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Observed and expected disagreement for each row of document weights (NaN if no unit)."""
        n_units = weights @ self.units
        lengths = self.unit_lengths
        cross = np.zeros(len(weights))
        if len(lengths) and len(self.gap_lengths):
            # sum over units of w l^2 * sum over gaps g >= l of w (g - l + 1), a chunk of rows at once
            chunk = max(1, min(CHUNK, CHUNK_NUMBERS // (len(self.gap_lengths) + len(lengths))))
            for lo in range(0, len(weights), chunk):
                w = weights[lo:lo + chunk]
                wg = w[:, self.gap_docs]
                tail_len = np.concatenate([np.cumsum((wg * self.gap_lengths)[:, ::-1], axis=1)[:, ::-1],
                                           np.zeros((len(w), 1))], axis=1)
                tail_count = np.concatenate([np.cumsum(wg[:, ::-1], axis=1)[:, ::-1],
                                             np.zeros((len(w), 1))], axis=1)
                room = tail_len[:, self.first_gap] - (lengths - 1.0) * tail_count[:, self.first_gap]
                cross[lo:lo + chunk] = (w[:, self.unit_docs] * lengths**2 * room).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            numerator = (n_units - 1.0) / 3.0 * (weights @ self.unit_cubes) + cross
            denominator = m * length * (m * length - 1.0) - weights @ self.unit_pairs
            expected = 2.0 / length * numerator / denominator
            observed = (weights @ self.observed) / (m * (m - 1) * length**2)
        absent = (n_units == 0) | (length == 0)
        return np.where(absent, np.nan, observed), np.where(absent, np.nan, expected)


CHUNK = 64  # resamples handled together at most ...
CHUNK_NUMBERS = 4_000_000  # ... and fewer when a chunk would need more numbers than this per array


@dataclass
class UnitizingParts:
    """A corpus prepared for u-alpha: per label and per document parts, ready to be re-weighted."""

    annotators: tuple[str, ...]
    lengths: np.ndarray
    labels: dict[str, LabelParts]

    def estimate_many(self, weights: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """u-alpha overall and per label for each row of document weights (NaN where not defined)."""
        weights = np.atleast_2d(np.asarray(weights, dtype=float))
        m = len(self.annotators)
        length = weights @ self.lengths
        total_observed, total_expected = np.zeros(len(weights)), np.zeros(len(weights))
        per_label: dict[str, np.ndarray] = {}
        for label, parts in self.labels.items():
            observed, expected = parts.sums(weights, m, length)
            with np.errstate(divide="ignore", invalid="ignore"):
                per_label[label] = 1.0 - observed / expected
            total_observed += np.nan_to_num(observed)
            total_expected += np.nan_to_num(expected)
        with np.errstate(divide="ignore", invalid="ignore"):
            overall = np.where(total_expected > 0, 1.0 - total_observed / total_expected, np.nan)
        return overall, per_label

    def estimate(self, weights: np.ndarray | None = None) -> UnitizingResult:
        """u-alpha of the corpus, or of a resample in which document d appears weights[d] times."""
        m = len(self.annotators)
        w = np.ones((1, len(self.lengths))) if weights is None else np.asarray(weights, dtype=float)[None, :]
        length = w @ self.lengths
        per_label: dict[str, LabelAlpha] = {}
        for label, parts in self.labels.items():
            observed, expected = parts.sums(w, m, length)
            if np.isnan(expected[0]):
                continue
            per_label[label] = LabelAlpha(float(1.0 - observed[0] / expected[0]), float(observed[0]),
                                          float(expected[0]), int(round(float(w[0] @ parts.units))))
        if not per_label:
            raise UndefinedAgreement("unitizing alpha is not defined: no annotator marked any span")
        observed = sum(p.observed for p in per_label.values())
        expected = sum(p.expected for p in per_label.values())
        if not expected:
            raise UndefinedAgreement(NO_CHANCE)
        return UnitizingResult(1.0 - observed / expected, observed, expected, per_label,
                               self.annotators, int(length[0]))


def _annotator_list(documents: Sequence[tuple[int, Sequence[Span]]],
                    annotators: Sequence[str] | None) -> tuple[str, ...]:
    seen = list(dict.fromkeys(span[0] for _, spans in documents for span in spans))
    if annotators is None:
        chosen = tuple(seen)
        if len(chosen) < 2:
            who = f"only {chosen[0]!r} marked spans" if chosen else "nobody marked a span"
            raise UndefinedAgreement(
                f"unitizing alpha needs at least two annotators: {who} (list every annotator taking "
                "part, including those who marked nothing)"
            )
        return chosen
    chosen = tuple(dict.fromkeys(annotators))
    stray = [a for a in seen if a not in chosen]
    if stray:
        raise ValueError(f"spans of annotator {stray[0]!r}, who is not among the annotators {list(chosen)!r}")
    if len(chosen) < 2:
        raise UndefinedAgreement("unitizing alpha needs at least two annotators")
    return chosen


def label_parts(sums: LabelSums, k: int) -> LabelParts:
    """A label's parts from its raw sums over k documents."""
    lengths, docs = sums.unit_lengths, sums.unit_docs
    return LabelParts(
        observed=sums.observed,
        units=np.bincount(docs, minlength=k).astype(float),
        unit_pairs=np.bincount(docs, weights=lengths * (lengths - 1), minlength=k),
        unit_cubes=np.bincount(docs, weights=2 * lengths**3 - 3 * lengths**2 + lengths, minlength=k),
        unit_lengths=lengths, unit_docs=docs, gap_lengths=sums.gap_lengths, gap_docs=sums.gap_docs,
        first_gap=np.searchsorted(sums.gap_lengths, lengths, side="left"),
    )


def corpus_parts(corpus: SpanCorpus, coders: np.ndarray, docs: np.ndarray,
                 sums: dict[str, LabelSums]) -> UnitizingParts:
    """u-alpha parts of documents `docs` of a grouped corpus among annotators `coders` (indices, in order)."""
    return UnitizingParts(tuple(corpus.annotators[c] for c in coders), corpus.lengths[docs].astype(float),
                          {label: label_parts(s, len(docs)) for label, s in sums.items()})


def unitizing_parts(documents: Sequence[tuple[int, Iterable[Span]]],
                    annotators: Sequence[str] | None = None) -> UnitizingParts:
    """Prepare documents, each (text_length, spans), for u-alpha and its bootstrap."""
    docs = [(int(length), list(spans)) for length, spans in documents]
    chosen = _annotator_list(docs, annotators)
    if not docs or sum(length for length, _ in docs) <= 0:
        raise UndefinedAgreement("unitizing alpha is not defined for an empty text")
    spans = [span for _, doc_spans in docs for span in doc_spans]
    columns = SpanColumns(doc=[d for d, (_, doc_spans) in enumerate(docs) for _ in doc_spans],
                          annotator=[s[0] for s in spans], start=[s[1] for s in spans], end=[s[2] for s in spans],
                          label=[s[3] for s in spans])
    corpus = build_corpus([length for length, _ in docs], columns, chosen,
                          np.ones((len(chosen), len(docs)), dtype=bool))
    coders, every = np.arange(len(chosen)), np.arange(len(docs))
    sums = corpus_unitizing(corpus, corpus.merged_units(), coders, every)
    return corpus_parts(corpus, coders, every, sums.labels)


def unitizing_alpha(spans: Iterable[Span], text_length: int,
                    annotators: Sequence[str] | None = None) -> UnitizingResult:
    """Krippendorff's u-alpha of (annotator, start, end, label) spans over a text of `text_length`.

    `annotators` lists everyone taking part, including those who marked no span (default: those who
    marked one). Raises UndefinedAgreement with fewer than two annotators, an empty text or no span.
    """
    return unitizing_parts([(text_length, list(spans))], annotators).estimate()


def corpus_unitizing_alpha(documents: Sequence[tuple[int, Iterable[Span]]],
                           annotators: Sequence[str] | None = None) -> UnitizingResult:
    """u-alpha over several documents, each (text_length, spans), coded by the same annotators."""
    return unitizing_parts(documents, annotators).estimate()
