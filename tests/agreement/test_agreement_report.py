"""The agreement report built from plain data: questions, spans, confusion, nulls with reasons."""

from __future__ import annotations

import json

import pytest

from annotator.agreement import cohen_kappa, corpus_unitizing_alpha, krippendorff_alpha, unitizing_alpha
from annotator.agreement.report import build_report
from annotator.core.agreement_input import AgreementInput, CodedDocument, CodedSpan, LabelSpec, QuestionSpec
from annotator.store import Project
from tests.agreement.agreement_project import build_project

TONE = QuestionSpec("tone", "Tone", "ordinal", ("negative", "neutral", "positive", "unsure"))
TOPIC = QuestionSpec("topic", "Topic", "nominal", ("politics", "economy", "unsure"))
LABELS = [LabelSpec("x", "Ex"), LabelSpec("y", "Why"), LabelSpec("z", "Zed")]


def doc(i, coders, spans, answers, length=100):
    return CodedDocument(f"d{i}", f"Doc {i}", length, coders, [CodedSpan(*s) for s in spans], answers)


def small_input():
    docs = [
        doc(0, ["a", "b"], [("a", 0, 10, "x"), ("b", 0, 10, "x"), ("a", 20, 30, "y"), ("b", 22, 30, "x")],
            {"tone": {"a": "negative", "b": "neutral"}, "topic": {"a": "politics", "b": "politics"}}),
        doc(1, ["a", "b"], [("a", 5, 15, "x"), ("b", 5, 15, "x")],
            {"tone": {"a": "positive", "b": "positive"}, "topic": {"a": "economy", "b": "politics"}}),
        doc(2, ["a"], [("a", 1, 4, "x")], {"tone": {"a": "unsure"}}),
    ]
    return AgreementInput(["a", "b"], docs, [TONE, TOPIC], LABELS, {"done_only": False})


def test_question_figures_match_the_coefficients():
    report = build_report(small_input(), resamples=200, seed=3)
    tone = report.questions[0]
    assert tone.level == "ordinal" and tone.left_out == 1  # a's "unsure" has no place on the scale
    assert tone.alpha.value == pytest.approx(krippendorff_alpha([[0, 2, None], [1, 2, None]], "ordinal"))
    assert tone.alpha.low is not None and tone.alpha.low <= tone.alpha.value <= tone.alpha.high
    kappa = tone.cohen.values[0][1]
    assert kappa.value == pytest.approx(cohen_kappa([0, 2], [1, 2], weights="linear", labels=[0, 1, 2]))
    assert tone.cohen.values[0][0] is None
    topic = report.questions[1]
    assert topic.percent.value == pytest.approx(0.5)
    assert topic.fleiss.n == 2


def test_undefined_figures_are_null_with_a_reason():
    data = small_input()
    data.documents[1].answers["topic"] = {"a": "politics", "b": "politics"}  # no variation left
    report = build_report(data, resamples=0)
    topic = report.questions[1]
    assert topic.alpha.value is None and "variation" in topic.alpha.reason
    out = report.to_dict()["questions"][1]["alpha"]
    assert out["value"] is None and out["reason"]
    zed = next(g for g in report.spans.per_label if g.label == "z")
    assert zed.unitizing.value is None and zed.unitizing.reason
    assert zed.summary()["exact_f1"].value is None


def test_span_figures_over_complete_documents():
    report = build_report(small_input(), resamples=0)
    spans = report.spans
    assert spans.complete_documents == 2  # d2 was coded by a alone
    doc0 = [("a", 0, 10, "x"), ("b", 0, 10, "x"), ("a", 20, 30, "y"), ("b", 22, 30, "x")]
    doc1 = [("a", 5, 15, "x"), ("b", 5, 15, "x")]
    assert spans.overall.unitizing.value == pytest.approx(
        corpus_unitizing_alpha([(100, doc0), (100, doc1)], ["a", "b"]).alpha)
    # observed disagreement is a sum over documents: laying them end to end gives the same
    laid = unitizing_alpha(doc0 + [(w, s + 100, e + 100, lab) for w, s, e, lab in doc1], 200, ["a", "b"])
    y = next(g for g in spans.per_label if g.label == "y")
    assert y.unitizing.details["observed"] == pytest.approx(laid.per_label["y"].observed)
    pair = spans.overall.pairs[0]
    assert (pair.a, pair.b, pair.documents) == ("a", "b", 2)
    assert pair.exact_f1.value == pytest.approx(2 * 2 / (3 + 3))


def test_confusion_and_per_document():
    report = build_report(small_input(), resamples=0)
    names, counts = report.spans.confusion_labels, report.spans.confusion
    x, y, none = names.index("x"), names.index("y"), names.index("(no span)")
    assert counts[x][y] == counts[y][x] == 1          # a's y at 20-30 against b's x at 22-30
    assert counts[x][x] == 2
    assert counts[x][none] == 0
    first = report.spans.per_document[0]
    assert first.id == "d0" and first.spans == {"a": 2, "b": 2}
    assert len(report.spans.per_document) == 2        # d2 has one coder only


def test_fewer_than_two_annotators():
    data = AgreementInput(["a"], [doc(0, ["a"], [("a", 0, 5, "x")], {"tone": {"a": "negative"}})],
                          [TONE], LABELS)
    report = build_report(data)
    assert report.questions[0].alpha.value is None
    assert report.spans.overall.unitizing.value is None
    json.dumps(report.to_dict())


def test_report_of_a_real_project_is_reproducible(tmp_path):
    with Project.open(build_project(tmp_path / "p.framing")) as project:
        data = project.agreement.data()
    first = build_report(data, resamples=300, seed=11).to_dict()
    again = build_report(data, resamples=300, seed=11).to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert first["spans"]["origins"]["bob"] == {"manual": 5, "suggestion": 4}
