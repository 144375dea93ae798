"""Framing-device detectors: pure functions from text to candidate spans."""

from annotator.suggest.engine import guess_language, suggest, suggest_for_document
from annotator.suggest.labels import kind_labels, label_for_kind, span_attributes, with_codebook_labels
from annotator.suggest.lexicons import LexiconError, load_lexicons
from annotator.suggest.model import DEFAULT_LABELS, KINDS, Quotation, Suggestion
from annotator.suggest.quotes import find_hashtags, find_quotations

__all__ = [
    "DEFAULT_LABELS", "KINDS", "LexiconError", "Quotation", "Suggestion", "find_hashtags", "find_quotations", "guess_language",
    "kind_labels", "label_for_kind", "load_lexicons", "span_attributes", "suggest", "suggest_for_document",
    "with_codebook_labels",
]
