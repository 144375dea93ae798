"""Span-level agreement between two annotators: exact and overlap F1, and character-level kappa.

Spans are (start, end, label) triples with `end` exclusive.

- Exact match: a span of A matches a span of B with the same start, end and label (one to one).
  F1 = 2 matches / (|A| + |B|).
- Overlap match (lenient): a span counts as matched when it shares at least one character with a span
  of the other annotator that has the same label. Precision = matched spans of A / |A|, recall =
  matched spans of B / |B|, F1 their harmonic mean.
- Character kappa: every character takes the label of the span covering it, "O" when none covers it,
  and labels joined by "+" (sorted) when one annotator's spans of different labels overlap there;
  Cohen's kappa over the characters. Computed from runs of characters, never one character at a time.
"""

from __future__ import annotations

import bisect
import operator
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.kappa import kappa_from_table

OUTSIDE = "O"
MATCHES = ("exact", "overlap")

SpanTriple = tuple[int, int, str]


@dataclass(frozen=True)
class SpanScores:
    """Agreement of two annotators' spans: counts, precision (A against B), recall and F1."""

    match: str
    n_a: int
    n_b: int
    matched_a: int
    matched_b: int

    @property
    def precision(self) -> float | None:
        return self.matched_a / self.n_a if self.n_a else None

    @property
    def recall(self) -> float | None:
        return self.matched_b / self.n_b if self.n_b else None

    @property
    def f1(self) -> float:
        if self.n_a == 0 and self.n_b == 0:
            raise UndefinedAgreement("span F1 is not defined: neither annotator marked a span")
        if self.match == "exact":
            return 2 * self.matched_a / (self.n_a + self.n_b)
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _triples(spans: Iterable[Sequence]) -> list[SpanTriple]:
    out = []
    for span in spans:
        start, end, label = span
        try:
            start, end = operator.index(start), operator.index(end)
        except TypeError:
            raise ValueError(f"span {tuple(span)!r} needs whole-number offsets") from None
        if start >= end:
            raise ValueError(f"span {tuple(span)!r} needs start < end")
        out.append((start, end, label))
    return out


def _overlapped(spans: list[SpanTriple], others: list[SpanTriple]) -> int:
    """How many of `spans` share a character with a span of `others` that has the same label."""
    by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for start, end, label in others:
        by_label[label].append((start, end))
    index: dict[str, tuple[list[int], list[int]]] = {}
    for label, items in by_label.items():
        items.sort()
        starts = [s for s, _ in items]
        furthest, ends = -1, []
        for _, e in items:
            furthest = max(furthest, e)
            ends.append(furthest)
        index[label] = (starts, ends)
    matched = 0
    for start, end, label in spans:
        if label not in index:
            continue
        starts, ends = index[label]
        k = bisect.bisect_left(starts, end)  # spans of the other annotator that start before this one ends
        if k and ends[k - 1] > start:
            matched += 1
    return matched


def span_scores(spans_a: Iterable[Sequence], spans_b: Iterable[Sequence], match: str = "exact") -> SpanScores:
    """Counts, precision, recall and F1 of A's spans against B's (see the module notes for `match`)."""
    if match not in MATCHES:
        raise ValueError(f"unknown match {match!r}: use 'exact' or 'overlap'")
    a, b = _triples(spans_a), _triples(spans_b)
    if match == "exact":
        common = sum((Counter(a) & Counter(b)).values())
        return SpanScores(match, len(a), len(b), common, common)
    return SpanScores(match, len(a), len(b), _overlapped(a, b), _overlapped(b, a))


def span_f1(spans_a: Iterable[Sequence], spans_b: Iterable[Sequence], match: str = "exact") -> float:
    """F1 between two annotators' (start, end, label) spans, matched "exact"ly or by "overlap".

    Raises UndefinedAgreement when neither annotator marked a span; one empty side gives 0.0.
    """
    return span_scores(spans_a, spans_b, match).f1


def character_runs(spans: Iterable[Sequence], text_length: int) -> list[tuple[int, int, str]]:
    """Cut [0, text_length) into runs of characters sharing one category (label, "O" or "a+b")."""
    triples = sorted(_triples(spans))
    for start, end, _ in triples:
        if start < 0 or end > text_length:
            raise ValueError(f"span {start}-{end} does not fit a text of {text_length} characters")
    runs: list[tuple[int, int, str]] = []
    position = 0
    if all(triples[i][0] >= triples[i - 1][1] for i in range(1, len(triples))):
        for start, end, label in triples:  # no two spans overlap: runs alternate with "O"
            if start > position:
                runs.append((position, start, OUTSIDE))
            runs.append((start, end, label))
            position = end
        if position < text_length:
            runs.append((position, text_length, OUTSIDE))
        return runs
    points: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start, end, label in triples:
        points[start].append((1, label))
        points[end].append((-1, label))
    active: Counter[str] = Counter()
    for point in sorted(set(points) | {text_length}):
        if point > position:
            labels = sorted(active)
            runs.append((position, point, "+".join(labels) if labels else OUTSIDE))
            position = point
        for step, label in points.get(point, ()):
            active[label] += step
            if not active[label]:
                del active[label]
    return runs


def character_table(spans_a: Iterable[Sequence], spans_b: Iterable[Sequence],
                    text_length: int) -> Counter[tuple[str, str]]:
    """How many characters each pair of categories (A's, B's) covers."""
    runs_a, runs_b = character_runs(spans_a, text_length), character_runs(spans_b, text_length)
    table: Counter[tuple[str, str]] = Counter()
    i = j = 0
    position = 0
    while i < len(runs_a) and j < len(runs_b):
        end = min(runs_a[i][1], runs_b[j][1])
        table[(runs_a[i][2], runs_b[j][2])] += end - position
        position = end
        if runs_a[i][1] == end:
            i += 1
        if runs_b[j][1] == end:
            j += 1
    return table


def kappa_of_character_table(table: Counter[tuple[str, str]]) -> float:
    """Cohen's kappa from a character table made by character_table (or several added up)."""
    categories = sorted({a for a, _ in table} | {b for _, b in table})
    if len(categories) == 1:
        only = categories[0]
        what = "no span was marked" if only == OUTSIDE else f"everything is {only!r}"
        raise UndefinedAgreement(
            f"character kappa is not defined: every character is {only!r} for both annotators ({what})"
        )
    index = {c: i for i, c in enumerate(categories)}
    matrix = np.zeros((len(categories), len(categories)))
    for (a, b), count in table.items():
        matrix[index[a], index[b]] += count
    return kappa_from_table(matrix)


def character_kappa(spans_a: Iterable[Sequence], spans_b: Iterable[Sequence], text_length: int) -> float:
    """Cohen's kappa over the characters of a text of `text_length`, each taking its label or "O"."""
    if text_length <= 0:
        raise UndefinedAgreement("character kappa is not defined for an empty text")
    return kappa_of_character_table(character_table(spans_a, spans_b, text_length))
