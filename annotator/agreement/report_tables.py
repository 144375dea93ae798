"""The agreement report as plain tables (for views and CSV), pairwise matrices, and documents ranked by disagreement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_figures import Figure
from annotator.agreement.report_spans import DocumentSpans, SpanGroup

SPAN_MEASURES = {"exact_f1": "exact F1", "overlap_f1": "overlap F1", "character_kappa": "character kappa"}
COHEN_PREFIX = "cohen:"


@dataclass(frozen=True)
class Table:
    """A header and rows of plain values; an undefined figure is an empty cell next to its reason."""

    name: str
    header: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class PairMeasure:
    """A coefficient shown for every pair of annotators: a span measure or one question's Cohen's kappa."""

    key: str
    title: str


@dataclass(frozen=True)
class Matrix:
    """Annotator x annotator figures of one measure; the diagonal is None."""

    measure: PairMeasure
    annotators: list[str]
    values: list[list[Figure | None]]


def _cells(figure: Figure | None) -> list[Any]:
    if figure is None:
        return ["", ""]
    return ["" if figure.value is None else figure.value, figure.reason or ""]


def _interval(figure: Figure) -> list[Any]:
    return ["" if figure.low is None else figure.low, "" if figure.high is None else figure.high]


def questions_table(report: AgreementReport) -> Table:
    """One row per document-level question: alpha with its interval, Fleiss' kappa, percent agreement."""
    header = ["question_id", "question", "level", "n_coders", "n_units", "n_values", "alpha", "alpha_reason",
              "alpha_ci_low", "alpha_ci_high", "fleiss_kappa", "fleiss_reason", "percent_agreement",
              "percent_reason", "note"]
    rows = [[q.id, q.name, q.level, len(q.coders), q.units, q.values, *_cells(q.alpha), *_interval(q.alpha),
             *_cells(q.fleiss), *_cells(q.percent), q.note] for q in report.questions]
    return Table("questions", header, rows)


def span_groups(report: AgreementReport) -> list[SpanGroup]:
    """All labels together first, then each label."""
    return [report.spans.overall] + list(report.spans.per_label)


def labels_table(report: AgreementReport) -> Table:
    """One row for all labels and one per label: unitizing alpha with its interval and pairwise means."""
    header = ["label_id", "label", "n_spans", "u_alpha", "u_alpha_reason", "u_alpha_ci_low", "u_alpha_ci_high",
              "mean_exact_f1", "exact_f1_reason", "mean_overlap_f1", "overlap_f1_reason",
              "mean_character_kappa", "character_kappa_reason"]
    rows = []
    for group in span_groups(report):
        summary = group.summary()
        rows.append([group.label or "", group.name, group.spans, *_cells(group.unitizing),
                     *_interval(group.unitizing), *_cells(summary["exact_f1"]), *_cells(summary["overlap_f1"]),
                     *_cells(summary["character_kappa"])])
    return Table("labels", header, rows)


def pair_measures(report: AgreementReport) -> list[PairMeasure]:
    """The measures a pairwise heatmap can show: the span measures, then each question's Cohen's kappa."""
    measures = [PairMeasure(key, f"Spans: {title}") for key, title in SPAN_MEASURES.items()]
    for q in report.questions:
        if len(q.coders) >= 2:
            weights = f", {q.cohen_weights} weights" if q.cohen_weights else ""
            measures.append(PairMeasure(COHEN_PREFIX + q.id, f"{q.name}: Cohen's kappa{weights}"))
    return measures


def pair_matrix(report: AgreementReport, measure: str, label: str | None = None) -> Matrix:
    """Annotator x annotator figures of `measure` (a key of `pair_measures`); `label` picks one span label."""
    found = next((m for m in pair_measures(report) if m.key == measure), None)
    if found is None:
        raise ValueError(f"no pairwise measure {measure!r} in this report")
    if measure.startswith(COHEN_PREFIX):
        question = next(q for q in report.questions if q.id == measure[len(COHEN_PREFIX):])
        return Matrix(found, list(question.cohen.annotators), [list(row) for row in question.cohen.values])
    group = next((g for g in span_groups(report) if g.label == label), None)
    if group is None:
        raise ValueError(f"no span label {label!r} in this report")
    names = list(report.spans.coders)
    index = {name: i for i, name in enumerate(names)}
    values: list[list[Figure | None]] = [[None] * len(names) for _ in names]
    for pair in group.pairs:
        figure = getattr(pair, measure)
        values[index[pair.a]][index[pair.b]] = values[index[pair.b]][index[pair.a]] = figure
    return Matrix(found, names, values)


def pairs_table(matrix: Matrix) -> Table:
    """A pairwise matrix in long form, one row per ordered pair of different annotators."""
    rows = []
    for i, a in enumerate(matrix.annotators):
        for j, b in enumerate(matrix.annotators):
            figure = matrix.values[i][j]
            if i != j and figure is not None:
                rows.append([a, b, "" if figure.n is None else figure.n, *_cells(figure)])
    return Table("pairs", ["annotator_a", "annotator_b", "n", matrix.measure.key, "reason"], rows)


def confusion_table(report: AgreementReport, names: dict[str, str] | None = None) -> Table:
    """Overlapping spans of two annotators by label pair (a symmetric table of counts)."""
    names = names or {}
    labels = [names.get(label, label) for label in report.spans.confusion_labels]
    rows = [[label, *counts] for label, counts in zip(labels, report.spans.confusion)]
    return Table("confusion", ["label", *labels], rows)


def _sort_value(figure: Figure) -> tuple[bool, float]:
    return (figure.value is None, figure.value if figure.value is not None else 0.0)


def rank_by_disagreement(documents: list[DocumentSpans]) -> list[DocumentSpans]:
    """Documents where annotators diverge most first: lowest unitizing alpha, then lowest mean exact F1.

    Documents whose alpha is not defined come after those where it is (as in `annotator agreement`).
    """
    return sorted(documents, key=lambda d: (_sort_value(d.unitizing), _sort_value(d.exact_f1), d.title, d.id))


def documents_table(report: AgreementReport) -> Table:
    """The documents coded by two or more, ranked by disagreement, with their figures."""
    header = ["rank", "document_id", "title", "coders", "u_alpha", "u_alpha_reason", "mean_exact_f1",
              "exact_f1_reason", "mean_overlap_f1", "overlap_f1_reason", "mean_character_kappa",
              "character_kappa_reason"]
    rows = []
    for rank, doc in enumerate(rank_by_disagreement(list(report.spans.per_document)), start=1):
        coders = "; ".join(f"{a} ({doc.spans.get(a, 0)})" for a in doc.coders)
        rows.append([rank, doc.id, doc.title, coders, *_cells(doc.unitizing), *_cells(doc.exact_f1),
                     *_cells(doc.overlap_f1), *_cells(doc.character_kappa)])
    return Table("documents", header, rows)
