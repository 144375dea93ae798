"""Exact-match alignment of annotators' spans and answers, and which of them enough annotators agree on."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from annotator.core.model import Span

# Below this many annotators nothing is "agreed": one person's span is not an agreement.
MIN_AGREEING = 2


@dataclass
class AlignedSpan:
    """One stretch of text with one label, and the span each annotator marked there (exact match)."""

    start: int
    end: int
    label: str
    text: str
    by_annotator: dict[str, Span] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    @property
    def annotators(self) -> list[str]:
        return list(self.by_annotator)

    def support(self, coders: Iterable[str]) -> list[str]:
        """Those of `coders` who marked exactly this span."""
        return [a for a in coders if a in self.by_annotator]


def required_count(threshold: float, coders: int) -> int:
    """How many of `coders` annotators must mark a span for it to count as agreed at `threshold`.

    `threshold` is a share of the document's annotators, 0 < threshold <= 1 (1 = all of them,
    2/3 = two of three). Agreement always needs at least two annotators.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"the agreement threshold must be a share between 0 (excluded) and 1, not {threshold!r}")
    # A small tolerance so that 2/3 of 3 annotators is 2, not 3 through rounding.
    return max(MIN_AGREEING, math.ceil(threshold * coders - 1e-9))


def align_spans(spans: Iterable[Span]) -> list[AlignedSpan]:
    """Group spans by exact (start, end, label), in text order; an annotator's duplicates count once."""
    groups: dict[tuple[int, int, str], AlignedSpan] = {}
    for span in spans:
        key = (span.start, span.end, span.label_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = AlignedSpan(span.start, span.end, span.label_id, span.text)
        group.by_annotator.setdefault(span.annotator, span)
    return [groups[k] for k in sorted(groups)]


def agreed_spans(spans: Iterable[Span], coders: Sequence[str], threshold: float = 1.0) -> list[AlignedSpan]:
    """The aligned spans that at least `threshold` share of `coders` marked exactly (same start, end, label).

    Spans of anyone not in `coders` are ignored; with fewer than two coders nothing is agreed.
    """
    coders = list(dict.fromkeys(coders))
    if len(coders) < MIN_AGREEING:
        return []
    needed = required_count(threshold, len(coders))
    chosen = set(coders)
    aligned = align_spans(s for s in spans if s.annotator in chosen)
    return [group for group in aligned if len(group.by_annotator) >= needed]


def agreed_answer(answers: Mapping[str, str], coders: Sequence[str], threshold: float = 1.0) -> str | None:
    """The answer at least `threshold` share of `coders` gave to a question, or None.

    `answers` maps annotator to answer (several answers joined by "|" compare as a set); empty
    answers and annotators outside `coders` are ignored.
    """
    coders = list(dict.fromkeys(coders))
    if len(coders) < MIN_AGREEING:
        return None
    needed = required_count(threshold, len(coders))
    counts: dict[str, int] = {}
    for annotator in coders:
        value = answers.get(annotator) or ""
        normal = "|".join(sorted(filter(None, value.split("|"))))
        if normal:
            counts[normal] = counts.get(normal, 0) + 1
    best = [value for value, n in counts.items() if n >= needed]
    # Two different answers can both reach a low threshold (e.g. 2 of 4 each): then nothing is agreed.
    return best[0] if len(best) == 1 else None
