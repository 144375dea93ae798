"""Recommenders that learn from a project's annotations: spans, document answers, what to annotate next.

The public names below load on first use, so `import annotator.recommend` stays cheap (the command
line's --help must not wait for numpy, scipy or scikit-learn); scikit-learn itself is imported only
when a model is fitted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "SpanRecommender": "span_model",
    "SpanSettings": "span_model",
    "DocumentRecommender": "document_model",
    "DocumentSettings": "document_model",
    "StringMatcher": "string_matcher",
    "SpanPrediction": "examples",
    "RecommenderError": "examples",
    "FitCancelled": "examples",
    "ModelDataError": "serialise",
    "RankedDocument": "active",
    "rank_by_uncertainty": "active",
    "LabelledDocument": "cross_validation",
    "CrossPrediction": "cross_validation",
    "assign_folds": "cross_validation",
    "cross_predict_spans": "cross_validation",
    "cross_predict_answers": "cross_validation",
    "with_model_as_coder": "cross_validation",
    "with_detectors_as_coder": "cross_validation",
    "MODEL_CODER": "cross_validation",
    "DETECTORS_CODER": "cross_validation",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from annotator.recommend.active import RankedDocument, rank_by_uncertainty
    from annotator.recommend.cross_validation import (
        DETECTORS_CODER,
        MODEL_CODER,
        CrossPrediction,
        LabelledDocument,
        assign_folds,
        cross_predict_answers,
        cross_predict_spans,
        with_detectors_as_coder,
        with_model_as_coder,
    )
    from annotator.recommend.document_model import DocumentRecommender, DocumentSettings
    from annotator.recommend.examples import FitCancelled, RecommenderError, SpanPrediction
    from annotator.recommend.serialise import ModelDataError
    from annotator.recommend.span_model import SpanRecommender, SpanSettings
    from annotator.recommend.string_matcher import StringMatcher


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'annotator.recommend' has no attribute {name!r}")
    from annotator.recommend import (  # noqa: F401 - all at once, on first use
        active,
        cross_validation,
        document_model,
        examples,
        serialise,
        span_model,
        string_matcher,
    )

    value = getattr(locals()[module], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
