"""The model as a coder: k-fold predictions on documents it did not train on, ready for the agreement functions.

Before letting a model pre-annotate thousands of articles a lead wants its agreement with each
human on articles it never saw. `cross_predict_spans` and `cross_predict_answers` split the
documents into k folds (by document id, so two coders' versions of one article always share a
fold), train on k - 1 folds and predict the held-out one. `with_model_as_coder` and
`with_detectors_as_coder` add such predictions to an AgreementInput as one more annotator, so that
the agreement report (annotator.agreement) scores model against human per label, as it scores
humans against each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping, Sequence

from annotator.core.agreement_input import AgreementInput, CodedSpan
from annotator.recommend.document_model import DocumentRecommender
from annotator.recommend.examples import RecommenderError, SpanPrediction, SpanTriple
from annotator.recommend.span_model import SpanRecommender

MODEL_CODER = "recommender"
DETECTORS_CODER = "detectors"


@dataclass(frozen=True)
class LabelledDocument:
    """A document's text with one coder's spans (the same id may come once per coder)."""

    id: str
    text: str
    spans: tuple[SpanTriple, ...] = ()


@dataclass
class CrossPrediction:
    """What a model trained without this document proposes for it, and the fold it was held out in."""

    document_id: str
    fold: int
    spans: list[SpanPrediction] = field(default_factory=list)


def assign_folds(ids: Iterable[str], folds: int, seed: int = 0) -> dict[str, int]:
    """Each distinct id's fold (0..folds-1): ids shuffled with `seed`, then dealt round-robin."""
    unique = sorted(set(ids))
    random.Random(seed).shuffle(unique)
    return {doc_id: n % folds for n, doc_id in enumerate(unique)}


def _fold_count(ids: Iterable[str], folds: int) -> int:
    distinct = len(set(ids))
    if distinct < 2:
        raise RecommenderError("cross-validation needs at least two documents")
    if folds < 2:
        raise RecommenderError("cross-validation needs at least two folds")
    return min(folds, distinct)


def cross_predict_spans(documents: Sequence[LabelledDocument], folds: int = 5, seed: int = 0,
                        make_model: Callable[[], SpanRecommender] = SpanRecommender,
                        min_confidence: float = 0.5) -> dict[str, CrossPrediction]:
    """Per document id, the spans of a model fitted on the other folds only (never on this document)."""
    k = _fold_count([d.id for d in documents], folds)
    fold_of = assign_folds((d.id for d in documents), k, seed)
    out: dict[str, CrossPrediction] = {}
    for fold in range(k):
        training = [(d.text, list(d.spans)) for d in documents if fold_of[d.id] != fold]
        model = make_model().fit(training)
        for doc in documents:
            if fold_of[doc.id] == fold and doc.id not in out:
                out[doc.id] = CrossPrediction(doc.id, fold, model.predict(doc.text, min_confidence=min_confidence))
    return out


def cross_predict_answers(documents: Sequence[tuple[str, str, str]], folds: int = 5, seed: int = 0,
                          make_model: Callable[[], DocumentRecommender] = DocumentRecommender,
                          ) -> dict[str, tuple[str | None, float]]:
    """Per document id, the (answer, probability) of a model fitted on the other folds' (id, text, answer)."""
    k = _fold_count([doc_id for doc_id, _, _ in documents], folds)
    fold_of = assign_folds((doc_id for doc_id, _, _ in documents), k, seed)
    texts = {doc_id: text for doc_id, text, _ in documents}
    out: dict[str, tuple[str | None, float]] = {}
    for fold in range(k):
        model = make_model().fit([(text, value) for doc_id, text, value in documents if fold_of[doc_id] != fold])
        for doc_id, text in texts.items():
            if fold_of[doc_id] == fold:
                out[doc_id] = model.predict(text)
    return out


def _check_new_coder(data: AgreementInput, coder: str) -> None:
    if coder in data.annotators:
        raise RecommenderError(f"an annotator is already called {coder!r}; choose another name for the model")


def _with_coder(data: AgreementInput, coder: str, spans: Mapping[str, list[SpanTriple]],
                answers: Mapping[str, dict[str, str]]) -> AgreementInput:
    _check_new_coder(data, coder)
    documents = []
    for doc in data.documents:
        if doc.id not in spans and doc.id not in answers:
            documents.append(doc)
            continue
        new_spans = doc.spans + [CodedSpan(coder, s, e, label, origin="model") for s, e, label in spans.get(doc.id, [])]
        new_answers = {q: dict(by_coder) for q, by_coder in doc.answers.items()}
        for question, value in answers.get(doc.id, {}).items():
            new_answers.setdefault(question, {})[coder] = value
        documents.append(replace(doc, coders=doc.coders + [coder], spans=new_spans, answers=new_answers))
    return replace(data, annotators=data.annotators + [coder], documents=documents)


def with_model_as_coder(data: AgreementInput, texts: Mapping[str, str], folds: int = 5, seed: int = 0,
                        coder: str = MODEL_CODER, min_confidence: float = 0.5,
                        make_span_model: Callable[[], SpanRecommender] = SpanRecommender,
                        make_document_model: Callable[[], DocumentRecommender] = DocumentRecommender,
                        ) -> AgreementInput:
    """`data` with the recommender added as an annotator of every document whose text is in `texts`.

    Its spans and answers for a document come from models trained, k-fold, on the other documents
    only: every human's spans (one example per coder) and answers. Questions with several answers
    at once are left out. The agreement report then scores the model against each human.
    """
    _check_new_coder(data, coder)
    coded = [doc for doc in data.documents if doc.id in texts]
    if len({doc.id for doc in coded}) < 2:
        raise RecommenderError("the model needs at least two coded documents with their text to be scored")
    labelled = [LabelledDocument(doc.id, texts[doc.id],
                                 tuple((s.start, s.end, s.label) for s in doc.spans if s.annotator == who))
                for doc in coded for who in doc.coders]
    predicted = cross_predict_spans(labelled, folds, seed, make_span_model, min_confidence)
    spans = {doc_id: [(p.start, p.end, p.label) for p in found.spans] for doc_id, found in predicted.items()}
    answers: dict[str, dict[str, str]] = {}
    for question in data.questions:
        if question.multiple:
            continue
        given = [(doc.id, texts[doc.id], value) for doc in coded
                 for value in doc.answers.get(question.id, {}).values() if value]
        if len({doc_id for doc_id, _, _ in given}) < 2:
            continue
        k = min(folds, len({doc_id for doc_id, _, _ in given}))
        for doc_id, (value, _) in cross_predict_answers(given, k, seed, make_document_model).items():
            if value is not None:
                answers.setdefault(doc_id, {})[question.id] = value
    return _with_coder(data, coder, spans, answers)


def with_detectors_as_coder(data: AgreementInput, texts: Mapping[str, str], coder: str = DETECTORS_CODER,
                            language: Callable[[str], str | None] | None = None) -> AgreementInput:
    """`data` with the app's detectors added as an annotator of every document whose text is in `texts`.

    Each suggestion becomes a span of the codebook label its kind maps onto (kinds without such a
    label are left out). `language(document_id)` may give "fr" or "en" (guessed when None).
    """
    from annotator.core.model import Label
    from annotator.suggest import suggest
    from annotator.suggest.labels import kind_labels

    _check_new_coder(data, coder)
    mapping = kind_labels([Label(id=spec.id, name=spec.name) for spec in data.labels])
    spans: dict[str, list[SpanTriple]] = {}
    for doc in data.documents:
        if doc.id in texts:
            found = suggest(texts[doc.id], language=language(doc.id) if language else None)
            spans[doc.id] = [(s.start, s.end, mapping[s.kind]) for s in found if mapping.get(s.kind)]
    return _with_coder(data, coder, spans, {})

