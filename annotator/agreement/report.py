"""The agreement report: document-level questions and spans, built from plain data, printable as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.agreement.report_questions import QuestionReport, question_report
from annotator.agreement.report_spans import SpanReport, span_report
from annotator.core.agreement_input import AgreementInput

DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True)
class AgreementReport:
    """Agreement of a project's annotators; undefined figures are null with their reason."""

    annotators: list[str]
    documents: int
    filters: dict[str, Any]
    questions: list[QuestionReport]
    spans: SpanReport
    resamples: int
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "annotators": self.annotators,
            "n_documents": self.documents,
            "filters": self.filters,
            "bootstrap": {"resamples": self.resamples, "seed": self.seed, "confidence": 0.95},
            "questions": [q.to_dict() for q in self.questions],
            "spans": self.spans.to_dict(),
        }


def build_report(data: AgreementInput, *, resamples: int = DEFAULT_RESAMPLES, seed: int = 0) -> AgreementReport:
    """Compute every figure of the report from `data` (0 resamples: no confidence intervals)."""
    if resamples < 0:
        raise ValueError("resamples must be 0 (no intervals) or more")
    return AgreementReport(
        annotators=list(data.annotators),
        documents=sum(1 for d in data.documents if len(d.coders) >= 2),
        filters=dict(data.filters),
        questions=[question_report(data, q, resamples=resamples, seed=seed) for q in data.questions],
        spans=span_report(data, resamples=resamples, seed=seed),
        resamples=resamples,
        seed=seed,
    )
