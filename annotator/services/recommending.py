"""The model that learns from the project: what it learns from, training, storing it, and its recommendations.

One set of models per scope: under blind coding an annotator who may not see the others' work gets
a model learnt from their own work only (scope = their name); everyone else shares the model learnt
from every annotator (scope ""). A span model (annotator.recommend.SpanRecommender) learns from
each annotator's spans in each article they coded; a document model per single-choice question
learns from the answers. Models are stored in the project file as compressed JSON (`to_bytes`),
never pickled, with a stamp of the annotations they saw so that a stale model is noticed.

Recommendations travel as suggestions (annotator.suggest.Suggestion) of kind "recommender:<label>"
and origin "recommender", so they are pending, accepted, rejected and undone exactly like the
detectors' (services/suggestions.py combines both).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from annotator.core.errors import ProjectError
from annotator.core.model import RECOMMENDER_ORIGIN, Document, Label, now_iso
from annotator.store import Project
from annotator.store.recommender_models import EVERYONE, StoredModel
from annotator.suggest import Suggestion

if TYPE_CHECKING:  # the models load numpy and scikit-learn: imported where used, so the CLI starts fast
    from annotator.recommend.cross_validation import LabelledDocument
    from annotator.recommend.document_model import DocumentRecommender
    from annotator.recommend.span_model import SpanRecommender
    from annotator.recommend.text_features import TextCache

SPANS_PART = "spans"
QUESTION_PART = "question:"  # + the question's id
RECOMMENDATION_KIND = "recommender:"  # + the label id: the suggestion kind of the model's spans
MIN_SPAN_ARTICLES = 3  # the span model learns once this many articles have a span (or are marked done)
MIN_ANSWERS = 4  # a question's model learns once this many answers, of two different choices at least, exist
DEFAULT_MIN_CONFIDENCE = 0.5


def recommendation_kind(label_id: str) -> str:
    """The suggestion kind of the model's spans of one label (its decisions are kept under it)."""
    return RECOMMENDATION_KIND + label_id


def is_recommendation(kind: str) -> bool:
    """True for the kind of a span the model recommends (not one of the detectors' kinds)."""
    return kind.startswith(RECOMMENDATION_KIND)


@dataclass
class TrainingSet:
    """What the models of one scope learn from, read from the project (plain data: safe on another thread)."""

    scope: str
    spans: list[LabelledDocument] = field(default_factory=list)  # one per (article, annotator)
    answers: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # question -> (doc, text, value)
    loaded_terms: tuple[str, ...] = ()
    stamp: str = ""

    @property
    def span_articles(self) -> int:
        """How many distinct articles the span model would learn from."""
        return len({d.id for d in self.spans})


@dataclass
class Recommenders:
    """The trained models of one scope, and what they learnt from."""

    scope: str = EVERYONE
    spans: SpanRecommender | None = None
    questions: dict[str, DocumentRecommender] = field(default_factory=dict)
    examples: dict[str, int] = field(default_factory=dict)  # part -> articles (or answers) learnt from
    details: dict[str, dict] = field(default_factory=dict)  # part -> label span counts, answer counts
    stamp: str = ""
    trained: str = ""
    seconds: float = 0.0

    @property
    def empty(self) -> bool:
        """True when nothing was learnt yet (too few annotations)."""
        return self.spans is None and not self.questions

    def to_stored(self) -> list[StoredModel]:
        """The models as rows of the project file (their bytes from `to_bytes`)."""
        from annotator.recommend.document_model import MODEL_KIND as DOCUMENT_MODEL_KIND
        from annotator.recommend.span_model import MODEL_KIND as SPAN_MODEL_KIND

        rows = []
        if self.spans is not None:
            rows.append(StoredModel(self.scope, SPANS_PART, SPAN_MODEL_KIND, self.examples.get(SPANS_PART, 0),
                                    self.details.get(SPANS_PART, {}), self.stamp, self.trained, self.seconds,
                                    self.spans.to_bytes()))
        for question, model in sorted(self.questions.items()):
            part = QUESTION_PART + question
            rows.append(StoredModel(self.scope, part, DOCUMENT_MODEL_KIND, self.examples.get(part, 0),
                                    self.details.get(part, {}), self.stamp, self.trained, self.seconds,
                                    model.to_bytes()))
        return rows

    @classmethod
    def from_stored(cls, stored: Sequence[StoredModel]) -> Recommenders:
        """Models rebuilt from stored rows (ModelDataError when bytes are damaged or of a newer app)."""
        from annotator.recommend import DocumentRecommender, SpanRecommender

        models = cls(scope=stored[0].scope if stored else EVERYONE)
        for row in stored:
            if row.part == SPANS_PART:
                models.spans = SpanRecommender.from_bytes(row.data)
            elif row.part.startswith(QUESTION_PART):
                models.questions[row.part[len(QUESTION_PART):]] = DocumentRecommender.from_bytes(row.data)
            else:
                continue
            models.examples[row.part], models.details[row.part] = row.examples, dict(row.details)
            models.stamp, models.trained, models.seconds = row.stamp, row.trained, row.seconds
        return models


# -- reading what the models learn from ------------------------------------------------------------

def training_scope(project: Project, annotator: str | None) -> str:
    """Whose work the model offered to `annotator` learns from: everyone's (""), or under blind coding,
    for an annotator who may not see the others' work, their own only (their name)."""
    if annotator and not project.team.may_see_others(annotator):
        return annotator
    return EVERYONE


def training_set(project: Project, scope: str = EVERYONE) -> TrainingSet:
    """Every article an annotator coded (a span, or marked done), with their spans of live span labels,
    and every answer to a live single-choice question; only `scope`'s work when it names an annotator.
    The adjudicated gold standard is not learnt from (it repeats the annotators' work)."""
    from annotator.recommend import LabelledDocument

    stamp = project.models.annotations_stamp(scope or None)
    if scope and scope not in project.team.coders():
        return TrainingSet(scope, stamp=stamp)
    # Everyone's work, not only the coders agreement compares by default (those with assignments).
    data = project.agreement.data(annotators=[scope] if scope else (project.team.coders() or None))
    labels = project.codebook.labels()
    span_labels = {l.id for l in labels if l.kind == "span" and not l.retired}
    questions = {l.id: {c.id for c in l.choices} for l in labels
                 if l.kind == "document" and not l.retired and not l.multiple and len(l.choices) >= 2}
    training = TrainingSet(scope, loaded_terms=tuple(project.suggestions.loaded_terms()), stamp=stamp)
    for doc in data.documents:
        text: str | None = None
        # "done" counts whether or not the document was assigned (an annotator may finish one they opened)
        done = {name for name, status in project.assignments.statuses(doc.id).items() if status == "done"}
        for coder in doc.coders:
            spans = tuple((s.start, s.end, s.label) for s in doc.spans if s.annotator == coder and s.label in span_labels)
            if spans or coder in done:
                text = text if text is not None else project.documents.text(doc.id)
                training.spans.append(LabelledDocument(doc.id, text, spans))
        for question, by_coder in doc.answers.items():
            for value in by_coder.values():
                if value in questions.get(question, ()):
                    text = text if text is not None else project.documents.text(doc.id)
                    training.answers.setdefault(question, []).append((doc.id, text, value))
    return training


# -- training ----------------------------------------------------------------------------------------

def train(training: TrainingSet, cache: TextCache | None = None,
          cancelled: Callable[[], bool] | None = None) -> Recommenders:
    """Fit the models `training` allows (plain data in and out: safe off the GUI thread).

    `cache` keeps prepared texts between trainings (a retraining then reads only new texts); it must
    not be shared by two trainings at once. `cancelled()` stops the work (FitCancelled is raised).
    """
    from annotator.recommend import DocumentRecommender, FitCancelled, SpanRecommender, SpanSettings
    from annotator.recommend.text_features import TextCache

    began = time.perf_counter()
    models = Recommenders(scope=training.scope, stamp=training.stamp, trained=now_iso())
    if training.span_articles >= MIN_SPAN_ARTICLES:
        settings = SpanSettings(loaded_terms=training.loaded_terms)
        model = SpanRecommender(settings=settings, cache=cache if cache is not None else TextCache())
        models.spans = model.fit([(d.text, list(d.spans)) for d in training.spans], cancelled=cancelled)
        counts: dict[str, int] = {}
        for doc in training.spans:
            for _, _, label in doc.spans:
                counts[label] = counts.get(label, 0) + 1
        models.examples[SPANS_PART] = training.span_articles
        models.details[SPANS_PART] = {"labels": dict(sorted(counts.items())),
                                      "examples": len(training.spans)}
    for question, given in sorted(training.answers.items()):
        values = [value for _, _, value in given]
        if len(values) < MIN_ANSWERS or len(set(values)) < 2:
            continue
        if cancelled is not None and cancelled():
            raise FitCancelled()
        part = QUESTION_PART + question
        models.questions[question] = DocumentRecommender().fit([(text, value) for _, text, value in given])
        models.examples[part] = len({doc_id for doc_id, _, _ in given})
        models.details[part] = {"answers": {v: values.count(v) for v in sorted(set(values))}}
    models.seconds = time.perf_counter() - began
    return models


def save(project: Project, models: Recommenders) -> None:
    """Store the models of their scope in the project file, replacing the previous ones."""
    project.models.save(models.scope, models.to_stored(), models.stamp)


def load(project: Project, scope: str = EVERYONE) -> Recommenders | None:
    """The stored models of `scope`, or None when none was trained (ModelDataError when damaged)."""
    stored = project.models.load(scope)
    return Recommenders.from_stored(stored) if stored else None


def is_stale(project: Project, models: Recommenders | None) -> bool:
    """True when the annotations changed since `models` learnt from them (or there are no models)."""
    return models is None or models.stamp != project.models.annotations_stamp(models.scope or None)


def train_project(project: Project, scope: str = EVERYONE) -> Recommenders:
    """Read what `scope`'s models learn from, fit them and store them (the command line's `train`)."""
    models = train(training_set(project, scope))
    if models.empty:
        raise ProjectError(
            f"too few annotations to learn from: the span model needs spans in at least {MIN_SPAN_ARTICLES} "
            f"articles, a question's model at least {MIN_ANSWERS} answers (two different choices or more)")
    save(project, models)
    return models


# -- recommending ------------------------------------------------------------------------------------

def recommend_spans(document: Document, models: Recommenders | None, labels: Iterable[Label],
                    min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[Suggestion]:
    """The model's spans for `document` as suggestions (origin "recommender"), live span labels only."""
    if models is None or models.spans is None:
        return []
    live = {l.id for l in labels if l.kind == "span" and not l.retired}
    learnt = models.examples.get(SPANS_PART, 0)
    text = document.text
    return [Suggestion(recommendation_kind(p.label), p.start, p.end, text[p.start:p.end], p.label, p.confidence,
                       f"recommended by the model learnt from {learnt} annotated articles "
                       f"(confidence {p.confidence:.0%})", origin=RECOMMENDER_ORIGIN)
            for p in models.spans.predict(text, min_confidence=min_confidence) if p.label in live]


@dataclass(frozen=True)
class AnswerRecommendation:
    """The answer the model proposes to a document question, with its probability."""

    question: str
    value: str
    confidence: float


def recommend_answers(document: Document, models: Recommenders | None, labels: Iterable[Label],
                      min_confidence: float = 0.0) -> list[AnswerRecommendation]:
    """The model's answer to each live single-choice question it learnt, at least `min_confidence` sure."""
    if models is None:
        return []
    questions = {l.id: {c.id for c in l.choices} for l in labels if l.kind == "document" and not l.retired}
    out = []
    for question, model in sorted(models.questions.items()):
        value, confidence = model.predict(document.text)
        if value is not None and value in questions.get(question, ()) and confidence >= min_confidence:
            out.append(AnswerRecommendation(question, value, confidence))
    return out


# -- active learning -----------------------------------------------------------------------------------

RANK_LIMIT = 2000  # at most this many articles are ranked (in list order), to bound the work
RANK_BATCH = 50


def ranking_candidates(project: Project, annotator: str, limit: int = RANK_LIMIT) -> list[str]:
    """The articles `annotator` may go to next, as "next document not done" sees them: every article
    they have not marked done, in list order, at most `limit`."""
    done = project.assignments.documents_with_status(annotator, "done")
    return [doc_id for doc_id in project.documents.ids() if doc_id not in done][:max(0, limit)]


def rank_by_model_uncertainty(project: Project, annotator: str, models: Recommenders | None,
                              limit: int = RANK_LIMIT, cancelled: Callable[[], bool] | None = None) -> list[str] | None:
    """`annotator`'s next articles, the one the models are least sure about first (active learning);
    None when `cancelled()` answered True. Without a model the list order stays."""
    from annotator.recommend import rank_by_uncertainty

    uncertain = ([models.spans] if models and models.spans else []) + (list(models.questions.values()) if models else [])
    ids = ranking_candidates(project, annotator, limit)
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    scored: list[tuple[float, int, str]] = []
    for first in range(0, len(ids), RANK_BATCH):
        if cancelled is not None and cancelled():
            return None
        batch = [(doc_id, project.documents.text(doc_id)) for doc_id in ids[first:first + RANK_BATCH]]
        scored += [(-r.uncertainty, position[r.id], r.id) for r in rank_by_uncertainty(batch, uncertain)]
    return [doc_id for _, _, doc_id in sorted(scored)]
