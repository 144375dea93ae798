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

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from annotator.agreement.errors import UndefinedAgreement

Span = tuple[str, int, int, str]  # (annotator, start, end, label)


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


def _merged(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _sections(units: list[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    sections, position = [], 0
    for start, end in units:
        if start > position:
            sections.append((position, start, False))
        sections.append((start, end, True))
        position = end
    if position < length:
        sections.append((position, length, False))
    return sections


def _pair_disagreement(a: list[tuple[int, int, bool]], b: list[tuple[int, int, bool]]) -> int:
    """Sum of d2 over the overlapping sections of two annotators (each pair once)."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        sa, ea, unit_a = a[i]
        sb, eb, unit_b = b[j]
        if unit_a and unit_b:
            total += (sa - sb) ** 2 + (ea - eb) ** 2
        elif unit_a:
            if sb <= sa and ea <= eb:
                total += (ea - sa) ** 2
        elif unit_b:
            if sa <= sb and eb <= ea:
                total += (eb - sb) ** 2
        if ea <= eb:
            i += 1
        if eb <= ea:
            j += 1
    return total


def _unit_gap_term(units: np.ndarray, gaps: np.ndarray) -> float:
    """sum over units of l^2 * sum over gaps g >= l of (g - l + 1)."""
    if not len(units) or not len(gaps):
        return 0.0
    g = np.sort(gaps.astype(float))
    suffix = np.concatenate([np.cumsum(g[::-1])[::-1], [0.0]])
    lengths = units.astype(float)
    first = np.searchsorted(g, lengths, side="left")
    count = len(g) - first
    room = suffix[first] - count * (lengths - 1.0)
    return float((lengths**2 * room).sum())


@dataclass
class LabelParts:
    """One label's contribution from each document: every sum of the u-alpha formula, kept apart."""

    observed: np.ndarray          # sum over ordered pairs of annotators of d2, per document
    units: np.ndarray             # number of units, per document
    unit_pairs: np.ndarray        # sum of l (l - 1), per document
    unit_cubes: np.ndarray        # sum of 2 l^3 - 3 l^2 + l, per document
    unit_lengths: list[np.ndarray]
    gap_lengths: list[np.ndarray]
    _cross: np.ndarray | None = field(default=None, repr=False)

    def cross(self) -> np.ndarray:
        """cross[d, e]: the unit-in-gap term for units of document d and gaps of document e."""
        if self._cross is None:
            k = len(self.units)
            doc_of_unit = np.concatenate([np.full(len(u), d) for d, u in enumerate(self.unit_lengths)])
            lengths = np.concatenate(self.unit_lengths) if k else np.zeros(0)
            matrix = np.zeros((k, k))
            for e, gaps in enumerate(self.gap_lengths):
                if not len(gaps) or not len(lengths):
                    continue
                g = np.sort(gaps.astype(float))
                suffix = np.concatenate([np.cumsum(g[::-1])[::-1], [0.0]])
                first = np.searchsorted(g, lengths, side="left")
                room = suffix[first] - (len(g) - first) * (lengths - 1.0)
                matrix[:, e] = np.bincount(doc_of_unit, weights=lengths**2 * room, minlength=k)
            self._cross = matrix
        return self._cross


@dataclass
class UnitizingParts:
    """A corpus prepared for u-alpha: per label and per document parts, ready to be re-weighted."""

    annotators: tuple[str, ...]
    lengths: np.ndarray
    labels: dict[str, LabelParts]

    def estimate(self, weights: np.ndarray | None = None) -> UnitizingResult:
        """u-alpha of the corpus, or of a resample in which document d appears weights[d] times."""
        m = len(self.annotators)
        w = np.ones(len(self.lengths)) if weights is None else np.asarray(weights, dtype=float)
        length = float(w @ self.lengths)
        per_label: dict[str, LabelAlpha] = {}
        for label, parts in self.labels.items():
            n_units = float(w @ parts.units)
            if n_units == 0:
                continue
            if weights is None:
                cross = _unit_gap_term(np.concatenate(parts.unit_lengths), np.concatenate(parts.gap_lengths))
            else:
                cross = float(w @ parts.cross() @ w)
            numerator = (n_units - 1.0) / 3.0 * float(w @ parts.unit_cubes) + cross
            denominator = m * length * (m * length - 1.0) - float(w @ parts.unit_pairs)
            expected = 2.0 / length * numerator / denominator
            observed = float(w @ parts.observed) / (m * (m - 1) * length**2)
            per_label[label] = LabelAlpha(1.0 - observed / expected, observed, expected, int(round(n_units)))
        if not per_label:
            raise UndefinedAgreement("unitizing alpha is not defined: no annotator marked any span")
        observed = sum(p.observed for p in per_label.values())
        expected = sum(p.expected for p in per_label.values())
        return UnitizingResult(1.0 - observed / expected, observed, expected, per_label,
                               self.annotators, int(length))


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


def unitizing_parts(documents: Sequence[tuple[int, Iterable[Span]]],
                    annotators: Sequence[str] | None = None) -> UnitizingParts:
    """Prepare documents, each (text_length, spans), for u-alpha and its bootstrap."""
    docs = [(int(length), list(spans)) for length, spans in documents]
    chosen = _annotator_list(docs, annotators)
    if not docs or sum(length for length, _ in docs) <= 0:
        raise UndefinedAgreement("unitizing alpha is not defined for an empty text")
    labels = sorted({span[3] for _, spans in docs for span in spans}, key=str)
    k = len(docs)
    parts = {
        label: LabelParts(np.zeros(k), np.zeros(k), np.zeros(k), np.zeros(k),
                          [np.zeros(0)] * k, [np.zeros(0)] * k)
        for label in labels
    }
    for d, (length, spans) in enumerate(docs):
        grouped: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for annotator, start, end, label in spans:
            if not (0 <= start < end <= length):
                raise ValueError(f"span {start}-{end} does not fit a text of {length} characters")
            grouped[label][annotator].append((int(start), int(end)))
        for label, by_annotator in grouped.items():
            p = parts[label]
            sections = {a: _sections(_merged(by_annotator.get(a, [])), length) for a in chosen}
            observed = 0
            for x in range(len(chosen)):
                for y in range(x + 1, len(chosen)):
                    observed += _pair_disagreement(sections[chosen[x]], sections[chosen[y]])
            units = np.array([e - s for secs in sections.values() for s, e, u in secs if u], dtype=float)
            gaps = np.array([e - s for secs in sections.values() for s, e, u in secs if not u], dtype=float)
            p.observed[d] = 2.0 * observed
            p.units[d] = len(units)
            p.unit_pairs[d] = float((units * (units - 1)).sum())
            p.unit_cubes[d] = float((2 * units**3 - 3 * units**2 + units).sum())
            p.unit_lengths[d] = units
            p.gap_lengths[d] = gaps
        for label in labels:
            if label not in grouped:  # every annotator has one gap: the whole document
                parts[label].gap_lengths[d] = np.full(len(chosen), float(length)) if length else np.zeros(0)
    return UnitizingParts(chosen, np.array([length for length, _ in docs], dtype=float), parts)


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
