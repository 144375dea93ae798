"""The model's recommendations over many articles at once: what is pending for an annotator, and applying the sure ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from annotator.core.errors import ProjectError
from annotator.core.model import RECOMMENDER_ORIGIN
from annotator.services.recommending import (
    DEFAULT_MIN_CONFIDENCE,
    AnswerRecommendation,
    Recommenders,
    load,
    recommend_answers,
    training_scope,
)
from annotator.services.suggestions import accept, detector_setup, pending
from annotator.store import Project
from annotator.suggest import Suggestion


@dataclass
class ArticleRecommendations:
    """What the model proposes to one annotator in one article and they have not decided on yet."""

    document_id: str
    title: str
    spans: list[Suggestion] = field(default_factory=list)
    answers: list[AnswerRecommendation] = field(default_factory=list)  # questions they have not answered


@dataclass
class Applied:
    """What applying recommendations wrote."""

    spans: int = 0
    answers: int = 0
    documents: int = 0


def stored_models_for(project: Project, annotator: str) -> Recommenders:
    """The stored models offered to `annotator` (their own under blind coding); refused when none was trained."""
    models = load(project, training_scope(project, annotator))
    if models is None or models.empty:
        raise ProjectError("the project has no trained model yet; run `annotator train PROJECT` first")
    return models


def pending_recommendations(project: Project, annotator: str, document_ids: Iterable[str], models: Recommenders,
                            min_confidence: float = DEFAULT_MIN_CONFIDENCE, spans: bool = True,
                            answers: bool = True) -> Iterator[ArticleRecommendations]:
    """Per article, the model's spans `annotator` has not accepted, rejected or marked alike (a detector's
    suggestion of the same label on the same words stands for the model's), and its answers to the
    questions they have not answered; articles with nothing to propose are skipped."""
    setup = detector_setup(project, models, min_confidence)
    labels = list(setup.labels)
    for document_id in document_ids:
        found = ArticleRecommendations(document_id, "")
        document = None
        if spans and models.spans is not None:
            found.spans = [s for s in pending(project, document_id, annotator, setup=setup)
                           if s.origin == RECOMMENDER_ORIGIN]
        if answers and models.questions:
            document = project.documents.get(document_id)
            given = {a.question for a in project.answers.find(document_id, annotator)}
            found.answers = [r for r in recommend_answers(document, models, labels, min_confidence)
                             if r.question not in given]
        if found.spans or found.answers:
            found.title = (document or project.documents.get(document_id)).title
            yield found


def apply_recommendations(project: Project, annotator: str, found: ArticleRecommendations, above: float) -> Applied:
    """Accept the article's span recommendations of confidence >= `above` as `annotator`'s spans (origin
    "recommender", one transaction) and record its answers of probability >= `above`."""
    done = Applied()
    sure = [s for s in found.spans if s.confidence >= above]
    if sure:
        done.spans = len(accept(project, found.document_id, annotator, sure).spans)
    for answer in found.answers:
        if answer.confidence >= above:
            project.answers.set(found.document_id, annotator, answer.question, answer.value)
            done.answers += 1
    done.documents = int(bool(done.spans or done.answers))
    return done
