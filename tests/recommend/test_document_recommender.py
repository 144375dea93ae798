"""The document recommender: its contract with few examples, calibrated probabilities as scikit-learn's, storage."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from annotator.recommend import DocumentRecommender, DocumentSettings, ModelDataError, RecommenderError
from annotator.recommend.document_model import document_terms


def test_no_example_predicts_nothing():
    model = DocumentRecommender().fit([])
    assert model.predict("Any text.") == (None, 0.0)
    assert model.probabilities("Any text.") == {}
    assert model.uncertainty("Any text.") == 1.0


def test_one_answer_only_is_predicted_with_certainty():
    model = DocumentRecommender().fit([("The court ruled.", "legal"), ("The judge spoke.", "legal"), ("No answer", None)])
    assert model.predict("Anything at all.") == ("legal", 1.0)
    assert model.uncertainty("Anything at all.") == 1.0  # nothing to choose between: it has learnt nothing


def test_an_answer_given_once_leaves_probabilities_uncalibrated_but_valid():
    examples = [("The court ruled on the contract.", "legal"), ("The judge upheld the ruling.", "legal"),
                ("Interest rates rose again.", "economic")]
    model = DocumentRecommender().fit(examples)
    assert not model.calibrated
    value, confidence = model.predict("The appeals court ruled.")
    assert value == "legal" and 0.5 < confidence < 1.0
    assert sum(model.probabilities("The appeals court ruled.").values()) == pytest.approx(1.0)


def test_texts_without_words_give_the_answers_shares():
    model = DocumentRecommender().fit([("", "a"), ("...", "b"), ("", "a"), ("!", "a")])
    assert model.probabilities("Some words now.") == pytest.approx({"a": 0.75, "b": 0.25})
    again = DocumentRecommender.from_bytes(model.to_bytes())
    assert again.predict("Anything.") == pytest.approx(("a", 0.75))
    three = DocumentRecommender().fit([("", "a"), ("", "b"), ("", "c"), ("", "c")])
    assert three.probabilities("x") == pytest.approx({"a": 0.25, "b": 0.25, "c": 0.5})


def test_accuracy_beats_the_majority_answer(frame_model, train_sample, test_sample):
    assert frame_model.calibrated
    majority = Counter(a.frame for a in train_sample).most_common(1)[0][0]
    accuracy = np.mean([frame_model.predict(a.text)[0] == a.frame for a in test_sample])
    baseline = np.mean([majority == a.frame for a in test_sample])
    assert accuracy > baseline + 0.3


@pytest.mark.parametrize("question", ["frame", "tone"])
def test_probabilities_are_scikit_learns_calibrated_ones(train_sample, test_sample, question):
    """Our numpy predictions from the stored arrays equal CalibratedClassifierCV.predict_proba."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold
    from sklearn.svm import LinearSVC

    examples = [(a.text, getattr(a, question)) for a in train_sample]
    model = DocumentRecommender().fit(examples)
    texts, answers = [t for t, _ in examples], [v for _, v in examples]
    vectorizer = TfidfVectorizer(analyzer=document_terms, sublinear_tf=True, max_features=50_000)
    matrix = vectorizer.fit_transform(texts)
    folds = StratifiedKFold(min(5, min(Counter(answers).values())), shuffle=True, random_state=0)
    reference = CalibratedClassifierCV(LinearSVC(C=0.5, random_state=0), method="sigmoid", cv=folds,
                                       ensemble=False).fit(matrix, answers)
    expected = reference.predict_proba(vectorizer.transform([a.text for a in test_sample[:10]]))
    ours = np.array([[model.probabilities(a.text)[v] for v in reference.classes_] for a in test_sample[:10]])
    np.testing.assert_allclose(ours, expected, atol=1e-9)


def test_binary_questions_work_both_ways(train_sample):
    examples = [(a.text, "yes" if a.tone == "negative" else "no") for a in train_sample]
    model = DocumentRecommender().fit(examples)
    assert model.values == ["no", "yes"] and model.calibrated
    p = model.probabilities(train_sample[0].text)
    assert set(p) == {"no", "yes"} and sum(p.values()) == pytest.approx(1.0)


def test_round_trip_and_determinism(frame_model, train_sample, test_sample):
    again = DocumentRecommender.from_bytes(frame_model.to_bytes())
    for a in test_sample[:5]:
        assert again.probabilities(a.text) == frame_model.probabilities(a.text)
    refit = DocumentRecommender().fit([(a.text, a.frame) for a in train_sample])
    assert refit.to_bytes() == frame_model.to_bytes()
    assert DocumentRecommender.from_bytes(DocumentRecommender().fit([]).to_bytes()).predict("x") == (None, 0.0)
    other = DocumentRecommender(DocumentSettings(regularisation=0.1)).fit([(a.text, a.frame) for a in train_sample])
    assert DocumentRecommender.from_bytes(other.to_bytes()).settings.regularisation == 0.1


def test_damaged_bytes_are_refused(frame_model):
    import json
    import zlib

    document = json.loads(zlib.decompress(frame_model.to_bytes()))
    document["coefficients"]["shape"] = [1, 1]
    with pytest.raises(ModelDataError):
        DocumentRecommender.from_bytes(zlib.compress(json.dumps(document).encode()))
    with pytest.raises(ModelDataError):
        DocumentRecommender.from_bytes(b"not a model")


def test_answers_must_be_choice_ids():
    with pytest.raises(RecommenderError, match="example 1.*not a string"):
        DocumentRecommender().fit([("text", 3)])
