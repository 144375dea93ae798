"""What the recommenders learn from and return: checked examples, predicted spans, our error."""

from __future__ import annotations

import operator
from typing import Any, Iterable, NamedTuple

from annotator.core.errors import AnnotatorError

SpanTriple = tuple[int, int, str]


class RecommenderError(AnnotatorError, ValueError):
    """The examples given to a recommender cannot be learnt from; the message says which and why."""


class FitCancelled(Exception):
    """Fitting stopped because the caller asked it to (its `cancelled()` answered True)."""


class SpanPrediction(NamedTuple):
    """A span the model proposes: offsets in code points (end exclusive), label id, confidence in [0, 1]."""

    start: int
    end: int
    label: str
    confidence: float


def checked_span_examples(examples: Iterable[Any]) -> list[tuple[str, list[SpanTriple]]]:
    """`examples` as (text, [(start, end, label), ...]) with every span inside its text."""
    out: list[tuple[str, list[SpanTriple]]] = []
    for number, example in enumerate(examples, start=1):
        try:
            text, spans = example
        except (TypeError, ValueError):
            raise RecommenderError(f"example {number}: expected (text, spans)") from None
        if not isinstance(text, str):
            raise RecommenderError(f"example {number}: the text is not a string")
        checked: list[SpanTriple] = []
        for span in spans:
            try:
                start, end, label = span
                start, end = operator.index(start), operator.index(end)
            except (TypeError, ValueError):
                raise RecommenderError(f"example {number}: span {span!r} is not (start, end, label)") from None
            if not (0 <= start < end <= len(text)):
                raise RecommenderError(f"example {number}: span {span!r} does not fit a text of {len(text)} "
                                       "characters (offsets are code points, end exclusive)")
            if not isinstance(label, str) or not label:
                raise RecommenderError(f"example {number}: span {span!r} needs a label id")
            checked.append((start, end, label))
        out.append((text, checked))
    return out


def checked_document_examples(examples: Iterable[Any]) -> list[tuple[str, str]]:
    """`examples` as (text, value) pairs; examples without a value (None or "") are left out."""
    out: list[tuple[str, str]] = []
    for number, example in enumerate(examples, start=1):
        try:
            text, value = example
        except (TypeError, ValueError):
            raise RecommenderError(f"example {number}: expected (text, value)") from None
        if not isinstance(text, str):
            raise RecommenderError(f"example {number}: the text is not a string")
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise RecommenderError(f"example {number}: the value {value!r} is not a string (a choice id)")
        out.append((text, value))
    return out
