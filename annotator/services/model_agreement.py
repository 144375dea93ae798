"""The model and the detectors as coders: their agreement with each human, per label, on articles the model never trained on.

Before letting a model pre-annotate thousands of articles, a lead needs its agreement with each
annotator measured as the annotators' agreement with each other is. The model's spans and answers
for an article come from a model trained k-fold on the other articles only (annotator.recommend.
with_model_as_coder); the detectors need no training. Each machine is then compared with each
human over the articles that human coded (unitizing alpha, exact and overlap F1 per label, alpha on
each question), beside the humans' own agreement with each other on the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from annotator.agreement.report import build_report
from annotator.agreement.report_figures import Figure, undefined
from annotator.agreement.report_spans import SpanGroup
from annotator.agreement.report_tables import Table
from annotator.core.agreement_input import AgreementInput
from annotator.core.errors import ProjectError
from annotator.store import Project

MODEL = "recommender"  # the names the machines take as coders (annotator.recommend's MODEL_CODER, DETECTORS_CODER)
DETECTORS = "detectors"
DEFAULT_FOLDS = 5
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LabelScore:
    """Agreement on one label (None: all labels together) between two coders, or among the humans."""

    label: str | None
    name: str
    spans: dict[str, int]  # coder -> spans of this label
    alpha: Figure  # unitizing alpha
    exact_f1: Figure
    overlap_f1: Figure

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "name": self.name, "n_spans": self.spans, "unitizing_alpha": self.alpha.to_dict(),
                "exact_f1": self.exact_f1.to_dict(), "overlap_f1": self.overlap_f1.to_dict()}


@dataclass(frozen=True)
class QuestionScore:
    """Agreement on one document question between two coders, or among the humans."""

    question: str
    name: str
    units: int
    alpha: Figure
    percent: Figure

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "name": self.name, "n_units": self.units, "alpha": self.alpha.to_dict(),
                "percent_agreement": self.percent.to_dict()}


@dataclass(frozen=True)
class Comparison:
    """A machine (the model or the detectors) against one human, over the articles the human coded."""

    machine: str
    human: str
    documents: int
    labels: list[LabelScore]  # all labels first
    questions: list[QuestionScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"machine": self.machine, "human": self.human, "n_documents": self.documents,
                "labels": [s.to_dict() for s in self.labels], "questions": [q.to_dict() for q in self.questions]}


@dataclass(frozen=True)
class MachineAgreement:
    """The machines' agreement with each human, and the humans' with each other for reference."""

    folds: int
    machines: list[str]
    humans: list[str]
    comparisons: list[Comparison]
    among_humans: list[LabelScore]  # means over pairs of humans, all labels first
    among_humans_questions: list[QuestionScore]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"folds": self.folds, "machines": self.machines, "humans": self.humans,
                "comparisons": [c.to_dict() for c in self.comparisons],
                "among_humans": {"labels": [s.to_dict() for s in self.among_humans],
                                 "questions": [q.to_dict() for q in self.among_humans_questions]},
                "notes": self.notes}


def _pair(data: AgreementInput, human: str, machine: str) -> AgreementInput:
    """`data` narrowed to one human and one machine, over the articles both coded."""
    both = (human, machine)
    documents = [replace(d, coders=list(both), spans=[s for s in d.spans if s.annotator in both],
                         answers={q: {a: v for a, v in by.items() if a in both} for q, by in d.answers.items()})
                 for d in data.documents if human in d.coders and machine in d.coders]
    return replace(data, annotators=list(both), documents=documents)


def _label_scores(groups: Sequence[SpanGroup], data: AgreementInput, coders: Sequence[str] | None) -> list[LabelScore]:
    counts: dict[tuple[str, str | None], int] = {}
    for doc in data.documents:
        for span in doc.spans:
            for key in ((span.annotator, span.label), (span.annotator, None)):
                counts[key] = counts.get(key, 0) + 1
    people = list(coders) if coders is not None else list(data.annotators)
    scores = []
    for group in groups:
        if coders is not None:  # one pair: its own figures
            pair = group.pairs[0] if group.pairs else None
            exact = pair.exact_f1 if pair else undefined("no pair")
            overlap = pair.overlap_f1 if pair else undefined("no pair")
        else:  # the humans: means over their pairs
            summary = group.summary()
            exact, overlap = summary["exact_f1"], summary["overlap_f1"]
        scores.append(LabelScore(group.label, group.name, {c: counts.get((c, group.label), 0) for c in people},
                                 group.unitizing, exact, overlap))
    return scores


def _scores(data: AgreementInput, resamples: int, seed: int,
            pair: Sequence[str] | None) -> tuple[list[LabelScore], list[QuestionScore]]:
    report = build_report(data, resamples=resamples, seed=seed)
    labels = _label_scores([report.spans.overall] + list(report.spans.per_label), data, pair)
    questions = [QuestionScore(q.id, q.name, q.units, q.alpha, q.percent) for q in report.questions]
    return labels, questions


def _fold_models(project: Project, cancelled: Callable[[], bool] | None, progress: Progress | None, folds: int):
    """A span-model maker for the k-fold runs: the app's settings, cancellable, reporting each fold."""
    from annotator.recommend import SpanRecommender, SpanSettings

    settings = SpanSettings(loaded_terms=tuple(project.suggestions.loaded_terms()))
    made = [0]

    def make() -> SpanRecommender:
        model = SpanRecommender(settings=settings)
        fit = model.fit
        model.fit = lambda examples: fit(examples, cancelled=cancelled)  # type: ignore[method-assign]
        made[0] += 1
        if progress is not None:
            progress(made[0], folds, f"training the model without fold {made[0]} of {folds}")
        return model

    return make


def machine_agreement(project: Project, annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None,
                      done_only: bool = False, with_model: bool = True, with_detectors: bool = True,
                      folds: int = DEFAULT_FOLDS, seed: int = 0, resamples: int = 0,
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> MachineAgreement:
    """Score the model (k-fold) and the detectors against each human of `project` (filters as the
    agreement report's), per label and per question. Slow on a large project: the model is
    trained `folds` times. FitCancelled when `cancelled()` answers True."""
    from annotator.recommend import RecommenderError, with_detectors_as_coder, with_model_as_coder

    if folds < 2:
        raise ProjectError("cross-validation needs at least two folds")
    data = project.agreement.data(annotators=list(annotators) if annotators else None,
                                  labels=list(labels) if labels else None, done_only=done_only)
    humans = [a for a in data.annotators if a not in (MODEL, DETECTORS)]
    if not humans:
        raise ProjectError("no annotator has coded an article yet: there is nothing to compare the machines with")
    texts = {doc.id: project.documents.text(doc.id) for doc in data.documents}
    languages = {doc.id: project.documents.get(doc.id).language[:2].lower() or None for doc in data.documents}
    notes: list[str] = []
    machines: list[str] = []
    scored = data
    if with_model:
        try:
            scored = with_model_as_coder(scored, texts, folds=folds, seed=seed, coder=MODEL,
                                         make_span_model=_fold_models(project, cancelled, progress, folds))
            machines.append(MODEL)
        except RecommenderError as exc:
            notes.append(f"the model is not scored: {exc}")
    if with_detectors:
        if progress is not None:
            progress(0, 0, "running the detectors")
        scored = with_detectors_as_coder(scored, texts, coder=DETECTORS, language=languages.get)
        machines.append(DETECTORS)
    if progress is not None:
        progress(0, 0, "comparing with each annotator")
    comparisons = []
    for machine in machines:
        for human in humans:
            if cancelled is not None and cancelled():
                from annotator.recommend import FitCancelled

                raise FitCancelled()
            pair = _pair(scored, human, machine)
            label_scores, question_scores = _scores(pair, resamples, seed, (human, machine))
            if machine == DETECTORS:  # the detectors answer no question
                question_scores = []
            comparisons.append(Comparison(machine, human, len(pair.documents), label_scores, question_scores))
    among, among_questions = _scores(data, resamples, seed, None) if len(humans) >= 2 else ([], [])
    if len(humans) < 2:
        notes.append("only one annotator: there is no human agreement to compare with")
    return MachineAgreement(folds, machines, humans, comparisons, among, among_questions, notes)


def _cells(figure: Figure) -> list[Any]:
    return ["" if figure.value is None else figure.value, figure.reason or ""]


def machines_table(result: MachineAgreement) -> Table:
    """The comparisons as one plain table (for CSV): who against whom, per label then per question."""
    header = ["coder_a", "coder_b", "n_documents", "label_or_question", "name", "n_spans_a", "n_spans_b",
              "alpha", "alpha_reason", "exact_f1", "exact_f1_reason", "overlap_f1", "overlap_f1_reason"]
    rows: list[list[Any]] = []
    for s in result.among_humans:
        rows.append(["annotators", "annotators", "", s.label or "", s.name, sum(s.spans.values()), "",
                     *_cells(s.alpha), *_cells(s.exact_f1), *_cells(s.overlap_f1)])
    for c in result.comparisons:
        for s in c.labels:
            rows.append([c.human, c.machine, c.documents, s.label or "", s.name, s.spans.get(c.human, 0),
                         s.spans.get(c.machine, 0), *_cells(s.alpha), *_cells(s.exact_f1), *_cells(s.overlap_f1)])
        for q in c.questions:
            rows.append([c.human, c.machine, c.documents, q.question, q.name, q.units, q.units, *_cells(q.alpha),
                         "", "", "", ""])
    return Table("machines", header, rows)
