"""The model as a coder: k-fold predictions never made by a model that saw the document, scored by annotator.agreement."""

from __future__ import annotations

import pytest

from annotator.agreement import corpus_unitizing_alpha, krippendorff_alpha, span_f1
from annotator.agreement.report_spans import span_report
from annotator.core.agreement_input import AgreementInput, CodedDocument, CodedSpan, LabelSpec, QuestionSpec
from annotator.recommend import (
    DETECTORS_CODER,
    MODEL_CODER,
    LabelledDocument,
    RecommenderError,
    assign_folds,
    cross_predict_answers,
    cross_predict_spans,
    with_detectors_as_coder,
    with_model_as_coder,
)
from tests.recommend.framing_sample import FRAMES, SPAN_LABELS, evaluation_articles


class SpyModel:
    """Records what each model instance was trained on and what it was asked to predict."""

    instances: list[SpyModel] = []

    def __init__(self) -> None:
        self.trained: list[str] = []
        self.predicted: list[str] = []
        SpyModel.instances.append(self)

    def fit(self, examples):
        self.trained = [text for text, _ in examples]
        return self

    def predict(self, text, min_confidence=0.5):
        self.predicted.append(text)
        return [] if not isinstance(min_confidence, float) else []


def test_assign_folds_is_deterministic_balanced_and_seeded():
    ids = [f"doc{i}" for i in range(23)] + ["doc3", "doc3"]
    folds = assign_folds(ids, 5, seed=7)
    assert folds == assign_folds(list(reversed(ids)), 5, seed=7)
    sizes = [list(folds.values()).count(k) for k in range(5)]
    assert len(folds) == 23 and max(sizes) - min(sizes) <= 1
    assert folds != assign_folds(ids, 5, seed=8)


def test_no_document_is_predicted_by_a_model_that_trained_on_it():
    SpyModel.instances = []
    docs = [LabelledDocument(f"d{i}", f"text of document {i}", ((0, 4, "x"),)) for i in range(11)]
    docs += [LabelledDocument("d3", "text of document 3", ((5, 7, "x"),))]  # a second coder of d3
    predicted = cross_predict_spans(docs, folds=4, seed=1, make_model=SpyModel)
    assert sorted(predicted) == sorted({d.id for d in docs})
    models = SpyModel.instances
    assert len(models) == 4
    for model in models:
        assert not set(model.predicted) & set(model.trained)
        # trained on every document of the other folds, each coder's version once
        assert len(model.trained) + sum(2 if t == "text of document 3" else 1 for t in model.predicted) == 12
    assert sorted(t for m in models for t in m.predicted) == sorted({d.text for d in docs})
    assert {p.fold for p in predicted.values()} == {0, 1, 2, 3}


def test_answers_are_predicted_out_of_fold_too():
    SpyModel.instances = []

    class SpyAnswers(SpyModel):
        def predict(self, text):
            self.predicted.append(text)
            return "legal", 1.0

    docs = [(f"d{i}", f"text {i}", "legal") for i in range(6)]
    result = cross_predict_answers(docs, folds=3, make_model=SpyAnswers)
    assert result == {f"d{i}": ("legal", 1.0) for i in range(6)}
    for model in SpyModel.instances:
        assert not set(model.predicted) & set(model.trained)


def test_too_few_documents_or_folds_are_our_error():
    with pytest.raises(RecommenderError, match="two documents"):
        cross_predict_spans([LabelledDocument("a", "t"), LabelledDocument("a", "t")])
    with pytest.raises(RecommenderError, match="two folds"):
        cross_predict_spans([LabelledDocument("a", "t"), LabelledDocument("b", "u")], folds=1)


@pytest.fixture(scope="module")
def coded():
    """24 articles coded by two humans: ana marks the gold spans, ben misses every fifth; both answer the frame."""
    articles = evaluation_articles(24, seed=5, unseen_share=0.0)
    documents = []
    for a in articles:
        ben = [s for k, s in enumerate(a.spans) if k % 5 != 4]
        spans = [CodedSpan("ana", s, e, label) for s, e, label in a.spans]
        spans += [CodedSpan("ben", s, e, label) for s, e, label in ben]
        documents.append(CodedDocument(a.id, a.id, len(a.text), ["ana", "ben"], spans,
                                       {"frame": {"ana": a.frame, "ben": a.frame}}))
    data = AgreementInput(["ana", "ben"], documents, [QuestionSpec("frame", "Primary frame", choices=FRAMES)],
                          [LabelSpec(label, label) for label in SPAN_LABELS])
    return data, {a.id: a.text for a in articles}


@pytest.fixture(scope="module")
def with_model(coded):
    data, texts = coded
    return with_model_as_coder(data, texts, folds=3, seed=0)


def test_the_model_joins_as_one_more_coder(coded, with_model):
    data, _ = coded
    assert with_model.annotators == ["ana", "ben", MODEL_CODER]
    assert data.annotators == ["ana", "ben"]  # the input is left as it was
    for before, after in zip(data.documents, with_model.documents):
        assert after.coders == ["ana", "ben", MODEL_CODER]
        assert [s for s in after.spans if s.annotator != MODEL_CODER] == before.spans
        assert all(s.origin == "model" for s in after.spans if s.annotator == MODEL_CODER)
        assert after.answers["frame"][MODEL_CODER] in FRAMES
    with pytest.raises(RecommenderError, match="already called"):
        with_model_as_coder(with_model, coded[1], folds=3)


def test_agreement_report_scores_model_against_each_human_per_label(with_model):
    report = span_report(with_model, resamples=0)
    by_label = {group.label: group for group in report.per_label}
    for label in ("scare_quote", "loaded_term", "direct_quote"):
        pairs = {(p.a, p.b): p for p in by_label[label].pairs}
        model_vs_ana = pairs[("ana", MODEL_CODER)]
        assert model_vs_ana.documents == 24
        assert model_vs_ana.exact_f1.value > 0.7, label
        # the same figure from span_f1 itself, over the documents laid end to end
        model, ana, offset = [], [], 0
        for doc in with_model.documents:
            model += [(s.start + offset, s.end + offset, s.label) for s in doc.spans
                      if s.annotator == MODEL_CODER and s.label == label]
            ana += [(s.start + offset, s.end + offset, s.label) for s in doc.spans
                    if s.annotator == "ana" and s.label == label]
            offset += doc.length
        assert model_vs_ana.exact_f1.value == pytest.approx(span_f1(ana, model))
    assert by_label["scare_quote"].unitizing.value is not None


def test_unitizing_alpha_between_model_and_human(with_model):
    corpus = [(doc.length, [(s.annotator, s.start, s.end, s.label) for s in doc.spans
                            if s.annotator in ("ana", MODEL_CODER)]) for doc in with_model.documents]
    result = corpus_unitizing_alpha(corpus, ["ana", MODEL_CODER])
    assert result.per_label["scare_quote"].alpha > 0.6


def test_krippendorff_alpha_between_the_answer_model_and_a_human():
    """60 articles, 5 folds: the frame the model gives articles it never saw, against the coder's."""
    articles = evaluation_articles(60, seed=6, unseen_share=0.0)
    predicted = cross_predict_answers([(a.id, a.text, a.frame) for a in articles], folds=5)
    human, model = [a.frame for a in articles], [predicted[a.id][0] for a in articles]
    assert krippendorff_alpha([human, model], "nominal") > 0.4
    assert krippendorff_alpha([human, human], "nominal") == 1.0


def test_the_detectors_join_as_a_coder_with_codebook_labels(coded):
    data, texts = coded
    scored = with_detectors_as_coder(data, texts, language=lambda doc_id: None)
    assert scored.annotators[-1] == DETECTORS_CODER
    labels = {s.label for doc in scored.documents for s in doc.spans if s.annotator == DETECTORS_CODER}
    assert labels and labels <= set(SPAN_LABELS)
    report = span_report(scored, resamples=0)
    pairs = {(p.a, p.b): p for p in next(g for g in report.per_label if g.label == "scare_quote").pairs}
    assert pairs[("ana", DETECTORS_CODER)].exact_f1.value > 0.5
