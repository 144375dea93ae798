"""The model (k-fold) and the detectors as coders: their agreement with each annotator, per label and question."""

from __future__ import annotations

import json
import random

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Span
from annotator.recommend import FitCancelled, SpanRecommender
from annotator.services.model_agreement import machine_agreement, machines_table
from tests.services.labelled_project import fill_project


def _careless(project, ids, articles, name="carl", seed=3):
    """An annotator who marks random words with random labels."""
    rng = random.Random(seed)
    for doc_id, article in zip(ids, articles):
        spans = []
        for _ in range(8):
            start = rng.randrange(0, len(article.text) - 12)
            spans.append(Span(document_id=doc_id, annotator=name, label_id=rng.choice(["hedge", "loaded_term"]),
                              start=start, end=start + 6, text=article.text[start:start + 6]))
        project.spans.add_many(spans)


def test_the_model_agrees_with_careful_annotators_more_than_with_a_careless_one(project):
    ids, articles = fill_project(project, 12)
    _careless(project, ids, articles)
    result = machine_agreement(project, folds=3)
    assert result.machines == ["recommender", "detectors"] and result.humans == ["alice", "bob", "carl"]
    by = {(c.machine, c.human): c for c in result.comparisons}
    overall = {key: c.labels[0] for key, c in by.items()}
    assert overall[("recommender", "alice")].label is None and overall[("recommender", "alice")].spans["alice"] > 0
    assert overall[("recommender", "alice")].exact_f1.value > 0.5  # though it also learnt from carl
    assert overall[("recommender", "carl")].exact_f1.value < 0.2
    assert overall[("recommender", "alice")].alpha.value > overall[("recommender", "carl")].alpha.value
    # Per label, the same labels as the agreement report; the detectors answer no question.
    assert [s.label for s in by[("recommender", "bob")].labels][1:] == [l.id for l in project.codebook.labels()
                                                                         if l.kind == "span"]
    assert [q.question for q in by[("recommender", "bob")].questions] == ["source_type", "tone"]
    assert by[("detectors", "bob")].questions == []
    assert by[("detectors", "alice")].labels[0].spans["detectors"] > 0
    # The annotators among themselves, for reference.
    assert result.among_humans[0].label is None and set(result.among_humans[0].spans) == {"alice", "bob", "carl"}
    json.dumps(result.to_dict(), allow_nan=False)
    table = machines_table(result)
    assert len(table.rows) == len(result.among_humans) + sum(len(c.labels) + len(c.questions) for c in result.comparisons)


def test_the_model_never_predicts_an_article_it_trained_on(project, monkeypatch):
    ids, articles = fill_project(project, 9, annotators=("alice",))
    seen: list[set[str]] = []
    fitted = SpanRecommender.fit
    predicted = SpanRecommender.predict
    calls: list[tuple[set[str], str]] = []

    def fit(self, examples, cancelled=None):
        examples = list(examples)
        seen.append({text for text, _ in examples})
        self._texts = seen[-1]
        return fitted(self, examples, cancelled=cancelled)

    def predict(self, text, min_confidence=0.5):
        calls.append((self._texts, text))
        return predicted(self, text, min_confidence)

    monkeypatch.setattr(SpanRecommender, "fit", fit)
    monkeypatch.setattr(SpanRecommender, "predict", predict)
    machine_agreement(project, with_detectors=False, folds=3)
    assert len(seen) == 3 and len(calls) == 9
    assert all(text not in trained for trained, text in calls)
    assert {text for _, text in calls} == {a.text for a in articles}


def test_filters_errors_and_cancelling(project):
    with pytest.raises(ProjectError, match="no annotator"):
        machine_agreement(project)
    ids, articles = fill_project(project, 6)
    only_alice = machine_agreement(project, annotators=["alice"], labels=["hedge"], with_model=False)
    assert only_alice.humans == ["alice"] and [c.human for c in only_alice.comparisons] == ["alice"]
    assert [s.label for s in only_alice.comparisons[0].labels] == [None, "hedge"]
    assert "only one annotator" in only_alice.notes[0]
    with pytest.raises(ProjectError, match="two folds"):
        machine_agreement(project, folds=1)
    with pytest.raises(FitCancelled):
        machine_agreement(project, cancelled=lambda: True)



def test_with_one_article_the_model_is_not_scored_and_says_why(project):
    fill_project(project, 3, coded=1)
    result = machine_agreement(project)
    assert result.machines == ["detectors"] and "the model is not scored" in result.notes[0]
