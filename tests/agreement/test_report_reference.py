"""The linear-time span report gives the figures of the first, slow algorithm (reference_report.py)."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.agreement import UndefinedAgreement, unitizing_alpha
from annotator.agreement.report_spans import span_report
from annotator.agreement.unitizing import unitizing_parts
from annotator.core.agreement_input import AgreementInput, CodedDocument, CodedSpan, LabelSpec
from tests.agreement.reference_report import reference_span_report, reference_unitizing_parts

PEOPLE = ["ann", "bob", "cy", "dee", "eve"]
# "O" and "x+y" are spelled like the character categories "outside" and "x and y together"
LABELS = ["x", "y", "z", "O", "x+y"]


def assert_same(old, new, path=""):
    """Equal structure, keys in the same order, equal strings and ints, floats within 1e-12."""
    if isinstance(old, dict):
        assert isinstance(new, dict) and list(old) == list(new), path
        for key in old:
            assert_same(old[key], new[key], f"{path}/{key}")
    elif isinstance(old, list):
        assert isinstance(new, list) and len(old) == len(new), path
        for i, (a, b) in enumerate(zip(old, new)):
            assert_same(a, b, f"{path}[{i}]")
    elif isinstance(old, float) and isinstance(new, float):
        assert (math.isnan(old) and math.isnan(new)) or abs(old - new) <= 1e-12, (path, old, new)
    else:
        assert type(old) is type(new) and old == new, (path, old, new)


@st.composite
def coded_corpora(draw):
    rng = random.Random(draw(st.integers(0, 2**32)))
    people = PEOPLE[:draw(st.integers(1, 5))]
    labels = LABELS[:draw(st.integers(1, 5))]
    docs = []
    for d in range(draw(st.integers(0, 7))):
        length = rng.choice([0, 1, 3, 20, 200, 1000])
        coders = [p for p in people if rng.random() < 0.7]
        spans = []
        for coder in coders if length else []:
            for _ in range(rng.randint(0, 6)):
                start = rng.randrange(0, length)
                end = rng.randint(start + 1, min(length, start + rng.choice([1, 3, 10, 100])))
                spans.append(CodedSpan(coder, start, end, rng.choice(labels), rng.choice(["manual", "suggestion"])))
        for span in list(spans) if rng.random() < 0.3 else []:  # others mark the very same spans
            spans += [CodedSpan(c, span.start, span.end, span.label) for c in coders if rng.random() < 0.5]
        rng.shuffle(spans)
        docs.append(CodedDocument(f"d{d}", f"Article {d}", length, coders, spans))
    annotators = [p for p in people if any(p in doc.coders for doc in docs)]
    wanted = [LabelSpec(label, label.upper()) for label in labels if rng.random() < 0.9]
    return AgreementInput(annotators, docs, [], wanted)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coded_corpora())
def test_span_report_matches_the_first_algorithm(data):
    old = reference_span_report(data, resamples=0).to_dict()
    assert_same(old, span_report(data, resamples=0).to_dict())


@settings(max_examples=25, deadline=None)
@given(coded_corpora(), st.integers(0, 1000))
def test_bootstrap_intervals_match_the_first_algorithm(data, seed):
    old = reference_span_report(data, resamples=60, seed=seed).to_dict()
    assert_same(old, span_report(data, resamples=60, seed=seed).to_dict())


def test_a_realistic_corpus_matches_the_first_algorithm():
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from bench_agreement import report_input

    data = report_input(40, seed=7)
    data.documents[3].coders.remove("coder4")  # one article not coded by everyone
    data.documents[3].spans = [s for s in data.documents[3].spans if s.annotator != "coder4"]
    old = reference_span_report(data, resamples=100, seed=5)
    new = span_report(data, resamples=100, seed=5)
    assert_same(old.to_dict(), new.to_dict())
    # everything but the per-document character kappa (a mean of kappas summed another way) is bit for bit
    assert old.overall.to_dict() == new.overall.to_dict()
    assert [g.to_dict() for g in old.per_label] == [g.to_dict() for g in new.per_label]
    assert [d.unitizing for d in old.per_document] == [d.unitizing for d in new.per_document]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32))
def test_unitizing_parts_are_those_of_the_first_algorithm(seed):
    rng = random.Random(seed)
    annotators = PEOPLE[:rng.randint(2, 4)]
    docs = []
    for _ in range(rng.randint(1, 6)):
        length = rng.choice([0, 1, 5, 30, 200])
        spans = []
        for _ in range(rng.randint(0, 12) if length else 0):
            start = rng.randrange(0, length)
            spans.append((rng.choice(annotators), start, rng.randint(start + 1, length), rng.choice("xyz")))
        docs.append((length, spans))
    try:
        old = reference_unitizing_parts(docs, annotators)
    except UndefinedAgreement as exc:
        with pytest.raises(UndefinedAgreement, match=str(exc)):
            unitizing_parts(docs, annotators)
        return
    new = unitizing_parts(docs, annotators)
    assert new.annotators == old.annotators and np.array_equal(new.lengths, old.lengths)
    assert list(new.labels) == list(old.labels)
    for label, parts in old.labels.items():
        for name, value in vars(parts).items():
            mine = getattr(new.labels[label], name)
            assert mine.dtype == value.dtype and np.array_equal(mine, value), (label, name)


def test_no_room_for_chance_is_undefined_not_a_crash():
    # every character a one-character unit for both: u-alpha's expected disagreement is 0
    with pytest.raises(UndefinedAgreement, match="no disagreement is expected by chance"):
        unitizing_alpha([("a", 0, 1, "x"), ("b", 0, 1, "x")], 1)
    doc = CodedDocument("d", "One letter", 1, ["a", "b"], [CodedSpan("a", 0, 1, "x"), CodedSpan("b", 0, 1, "x")])
    report = span_report(AgreementInput(["a", "b"], [doc], [], [LabelSpec("x", "X")]), resamples=0)
    assert report.overall.unitizing.value is None and "by chance" in report.overall.unitizing.reason
    assert report.per_document[0].unitizing.value is None


def test_a_span_of_someone_who_did_not_code_the_document_is_refused():
    doc = CodedDocument("d", "Article", 10, ["a", "b"], [CodedSpan("c", 0, 2, "x")])
    with pytest.raises(ValueError, match="'c', who is not among the annotators"):
        span_report(AgreementInput(["a", "b"], [doc], [], [LabelSpec("x", "X")]), resamples=0)
    doc = CodedDocument("d", "Article", 10, ["a", "b"], [CodedSpan("a", 5, 12, "x")])
    with pytest.raises(ValueError, match="does not fit"):
        span_report(AgreementInput(["a", "b"], [doc], [], [LabelSpec("x", "X")]), resamples=0)


def first_cross_sums(parts, weights: np.ndarray) -> np.ndarray:
    """The first LabelParts.sums cross term: resamples along the rows, cumsum along them."""
    lengths, cross = parts.unit_lengths, np.zeros(len(weights))
    for lo in range(0, len(weights), 64):
        w = weights[lo:lo + 64]
        wg = w[:, parts.gap_docs]
        tail_len = np.concatenate([np.cumsum((wg * parts.gap_lengths)[:, ::-1], axis=1)[:, ::-1],
                                   np.zeros((len(w), 1))], axis=1)
        tail_count = np.concatenate([np.cumsum(wg[:, ::-1], axis=1)[:, ::-1], np.zeros((len(w), 1))], axis=1)
        room = tail_len[:, parts.first_gap] - (lengths - 1.0) * tail_count[:, parts.first_gap]
        cross[lo:lo + 64] = (w[:, parts.unit_docs] * lengths**2 * room).sum(axis=1)
    return cross


def test_bootstrap_sums_are_those_of_the_first_loop_bit_for_bit():
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from bench_agreement import report_input

    data = report_input(60, seed=3)
    corpus = [(d.length, [(s.annotator, s.start, s.end, s.label) for s in d.spans]) for d in data.documents]
    parts = unitizing_parts(corpus, data.annotators)
    rng = np.random.default_rng(1)
    weights = np.stack([np.bincount(rng.integers(0, 60, 60), minlength=60) for _ in range(150)]).astype(float)
    m, length = len(parts.annotators), weights @ parts.lengths
    for label in parts.labels.values():
        cross = first_cross_sums(label, weights)
        with np.errstate(divide="ignore", invalid="ignore"):
            numerator = (weights @ label.units - 1.0) / 3.0 * (weights @ label.unit_cubes) + cross
            expected = 2.0 / length * numerator / (m * length * (m * length - 1.0) - weights @ label.unit_pairs)
        assert np.array_equal(label.sums(weights, m, length)[1], expected, equal_nan=True)


def test_many_labels_and_a_long_article_match_the_first_algorithm():
    # over 62 labels the sets of labels covering a character take more than one 64-bit mask word
    rng = random.Random(4)
    labels = [f"label{i:02d}" for i in range(70)]
    docs = []
    for d, length in enumerate((5_000, 300)):
        coders = ["ann", "bob", "cy"]
        spans = []
        for _ in range(200 if d == 0 else 20):
            start = rng.randrange(0, length - 60)
            base = (start, start + rng.randint(1, 60), rng.choice(labels))
            for coder in coders:
                s, e, label = base if rng.random() < 0.6 else (start + 2, start + rng.randint(3, 60), rng.choice(labels))
                spans.append(CodedSpan(coder, s, e, label))
        docs.append(CodedDocument(f"d{d}", f"Article {d}", length, coders, spans))
    data = AgreementInput(["ann", "bob", "cy"], docs, [], [LabelSpec(x, x) for x in labels[:40]])
    assert_same(reference_span_report(data, resamples=0).to_dict(), span_report(data, resamples=0).to_dict())
