"""Mapping suggestion kinds onto a codebook's labels, and the attributes an accepted suggestion brings."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from annotator.core.model import AttributeDef, Label
from annotator.suggest.model import KINDS, Suggestion

# Label ids (in order of preference) a kind maps onto; names are tried after ids.
KIND_LABELS: dict[str, tuple[str, ...]] = {
    "direct_quote": ("direct_quote", "quote", "quotation", "direct_speech"),
    "scare_quote": ("scare_quote", "scare_quotes"),
    "cited_name": ("cited_name", "cited_names", "quoted_name", "title_or_slogan"),
    "attribution": ("attribution", "indirect_quote", "indirect_speech", "source"),
    "reporting_verb.neutral": ("reporting_verb.neutral", "reporting_verb"),
    "reporting_verb.loaded": ("reporting_verb.loaded", "reporting_verb"),
    "hedge": ("hedge", "hedging", "hedges"),
    "intensifier": ("intensifier", "intensifiers", "booster"),
    "distancing": ("distancing", "distancing_label", "distancing_labels"),
    "loaded_term": ("loaded_term", "loaded_terms", "loaded_language", "loaded_word"),
}


def _simple(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def label_for_kind(kind: str, labels: Iterable[Label]) -> str | None:
    """The id of the live span label a suggestion of `kind` becomes, or None when the codebook has none."""
    live = [label for label in labels if label.kind == "span" and not label.retired]
    by_id = {label.id: label for label in live}
    wanted = KIND_LABELS.get(kind, (kind,))
    for label_id in wanted:
        if label_id in by_id:
            return label_id
    simple = {_simple(w) for w in wanted}
    for label in live:
        if _simple(label.name) in simple or _simple(label.name).rstrip("s") in simple:
            return label.id
    return None


def kind_labels(labels: Iterable[Label]) -> dict[str, str | None]:
    """Every kind with the label it maps onto in this codebook (None where it has none)."""
    labels = list(labels)
    return {kind: label_for_kind(kind, labels) for kind in KINDS}


def with_codebook_labels(suggestions: Iterable[Suggestion], labels: Iterable[Label]) -> list[Suggestion]:
    """The suggestions with `label_id` set to this codebook's label for their kind ("" when none)."""
    mapping = kind_labels(labels)
    return [replace(s, label_id=mapping.get(s.kind) or "") for s in suggestions]


def span_attributes(suggestion: Suggestion, label_id: str, attributes: Iterable[AttributeDef]) -> dict[str, Any]:
    """Span attributes an accepted suggestion fills: the speaker, where the codebook has such an attribute."""
    if not suggestion.speaker:
        return {}
    for attribute in attributes:
        if attribute.id == "speaker" and attribute.type in ("text", "entity") \
                and (not attribute.labels or label_id in attribute.labels):
            return {"speaker": suggestion.speaker}
    return {}
