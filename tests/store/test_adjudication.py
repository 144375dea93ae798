"""The gold layer: accepting spans and answers, agreed spans in one step, edits, and what stays unchanged."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.agreement.report import build_report
from annotator.core.errors import InvalidSpan, ProjectError
from annotator.store import Project
from tests.agreement.agreement_project import TEXTS, build_project, mark


@pytest.fixture
def project_file(tmp_path):
    return build_project(tmp_path / "three.framing")


def gold_rows(path):
    """The gold spans as the SQLite file holds them, read by a separate connection."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            'SELECT document_id, label_id, start, "end", text, origin FROM spans '
            "WHERE annotator = 'gold' AND deleted = 0 ORDER BY document_id, start").fetchall()


def span_of(project, doc, who, label):
    return next(s for s in project.spans.of_document(doc, who) if s.label_id == label)


def test_accepting_a_span_copies_it_into_gold_with_its_source(project_file):
    with Project.open(project_file) as project:
        doc = project.documents.ids()[0]
        source = span_of(project, doc, "carol", "direct_quote")
        change = project.adjudication.accept_span(source.id, curator="lead")
        [gold_id] = change.spans
        assert change.documents == [doc] and change.details["accepted"] == 1
        gold = project.spans.get(gold_id)
        assert (gold.annotator, gold.origin, gold.label_id) == ("gold", "adjudication", "direct_quote")
        assert gold.id != source.id and (gold.start, gold.end, gold.text) == (source.start, source.end, source.text)
        record = project.adjudication.gold_source(gold_id)
        assert (record.how, record.sources, record.annotators, record.curator) == \
            ("accepted", [source.id], ["carol"], "lead")
        # The same span again is not added twice.
        again = project.adjudication.accept_span(source.id)
        assert not again and again.details == {"accepted": 0, "already_in_gold": 1, "gold": gold_id}
    start, end = mark(TEXTS[0], "necessary step")
    assert gold_rows(project_file) == [(doc, "direct_quote", start, end, "necessary step", "adjudication")]


def test_accept_refuses_gold_and_deleted_spans(project_file):
    with Project.open(project_file) as project:
        doc = project.documents.ids()[0]
        source = span_of(project, doc, "alice", "loaded_term")
        [gold_id] = project.adjudication.accept_span(source.id).spans
        with pytest.raises(ProjectError, match="already part of the gold"):
            project.adjudication.accept_span(gold_id)
        project.spans.delete(source.id)
        with pytest.raises(ProjectError, match="deleted"):
            project.adjudication.accept_span(source.id)
        with pytest.raises(ProjectError, match="no span"):
            project.adjudication.accept_span("nope")


@pytest.mark.parametrize("threshold, expected", [
    (1.0, {0: ["said"], 1: ["reportedly"], 2: ["said"], 3: ["denied"]}),
    (2 / 3, {0: ["said", "'necessary step'"], 1: ["reportedly"], 2: ["claimed", "said"], 3: ["denied"]}),
])
def test_accept_agreed_spans_in_one_step(project_file, threshold, expected):
    with Project.open(project_file) as project:
        ids = project.documents.ids()
        change = project.adjudication.accept_agreed_spans(threshold=threshold, curator="lead")
        assert change.details["accepted"] == sum(len(v) for v in expected.values())
        assert change.documents == ids
        record = project.adjudication.gold_source(change.spans[0])
        assert record.how == "agreed" and record.annotators == ["alice", "bob", "carol"]
    rows = gold_rows(project_file)
    for index, phrases in expected.items():
        found = [r[4] for r in rows if r[0] == ids[index]]
        assert sorted(found) == sorted(phrases)
    assert {r[5] for r in rows} == {"adjudication"}


def test_accept_agreed_skips_spans_already_in_gold_and_follows_filters(project_file):
    with Project.open(project_file) as project:
        ids = project.documents.ids()
        said = span_of(project, ids[0], "alice", "reporting_verb")
        project.adjudication.accept_span(said.id)
        change = project.adjudication.accept_agreed_spans([ids[0]], threshold=1.0)
        assert change.details == {"accepted": 0, "already_in_gold": 1, "threshold": 1.0}
        # Only alice and bob: the scare quote is now agreed by all of them.
        change = project.adjudication.accept_agreed_spans([ids[0]], threshold=1.0, annotators=["alice", "bob"])
        assert [project.spans.get(i).text for i in change.spans] == ["'necessary step'"]
        # A label filter leaves other labels alone.
        assert not project.adjudication.accept_agreed_spans([ids[2]], threshold=2 / 3, labels=["hedge"])
        # done only: carol's third document is in progress, so alice and bob decide there.
        change = project.adjudication.accept_agreed_spans([ids[2]], threshold=1.0, done_only=True)
        assert sorted(project.spans.get(i).text for i in change.spans) == ["claimed", "said"]
        assert project.adjudication.accept_agreed_spans([], threshold=1.0).details["accepted"] == 0
        with pytest.raises(ProjectError, match="unknown annotator"):
            project.adjudication.accept_agreed_spans(annotators=["zoe"])
        with pytest.raises(ValueError, match="threshold"):
            project.adjudication.accept_agreed_spans(threshold=0)


def test_accept_agreed_is_one_transaction(project_file, monkeypatch):
    with Project.open(project_file) as project:
        calls = {"n": 0}
        original = project.adjudication._write_gold

        def failing(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 3:
                raise RuntimeError("disk full")
            return original(*args, **kwargs)

        monkeypatch.setattr(project.adjudication, "_write_gold", failing)
        with pytest.raises(RuntimeError):
            project.adjudication.accept_agreed_spans(threshold=1.0)
    assert gold_rows(project_file) == []


def test_the_curator_adds_edits_and_deletes_gold_spans(project_file):
    with Project.open(project_file) as project:
        doc = project.documents.ids()[1]
        start, end = mark(TEXTS[1], "tear gas")
        [gold_id] = project.adjudication.add_span(doc, "loaded_term", start, end, note="curator", curator="lead").spans
        assert project.adjudication.gold_source(gold_id).how == "added"
        project.adjudication.update_span(gold_id, label_id="hedge")
        assert [(s.label_id, s.text) for s in project.adjudication.gold_spans(doc)] == [("hedge", "tear gas")]
        assert project.adjudication.gold_span_counts() == {doc: 1}
        with pytest.raises(InvalidSpan):
            project.adjudication.add_span(doc, "hedge", 5, 5000)
        alices = span_of(project, doc, "alice", "hedge")
        with pytest.raises(ProjectError, match="not to the gold standard"):
            project.adjudication.delete_span(alices.id)
        with pytest.raises(ProjectError, match="not to the gold standard"):
            project.adjudication.update_span(alices.id, label_id="loaded_term")
        change = project.adjudication.delete_span(gold_id)
        assert change.spans == [gold_id]
        assert project.adjudication.gold_spans(doc) == [] and project.adjudication.gold_span_counts() == {}
    assert gold_rows(project_file) == []


def test_gold_answers(project_file):
    with Project.open(project_file) as project:
        ids = project.documents.ids()
        project.adjudication.accept_answer(ids[1], "source_type", "carol")
        project.adjudication.set_answer(ids[1], "tone", "negative")
        assert project.adjudication.gold_answers(ids[1]) == {"source_type": "media", "tone": "negative"}
        with pytest.raises(ProjectError, match="no answer"):
            project.adjudication.accept_answer(ids[3], "tone", "carol")
        change = project.adjudication.accept_agreed_answers(threshold=1.0)
        # All three agree on source type in documents 1 and 3, alice and bob (the only coders) in 4;
        # tone: all agree in document 3 only. Document 2 already has gold answers.
        assert change.details["accepted"] == 4
        assert project.adjudication.gold_answers(ids[0]) == {"source_type": "official"}
        assert project.adjudication.gold_answers(ids[2]) == {"source_type": "official", "tone": "neutral"}
        assert project.adjudication.gold_answers(ids[3]) == {"source_type": "corporate"}
        project.adjudication.set_answer(ids[1], "tone", "")
        assert project.adjudication.gold_answers(ids[1]) == {"source_type": "media"}


def test_coders_follow_the_agreement_report_rule(project_file):
    with Project.open(project_file) as project:
        for kwargs in ({}, {"done_only": True}, {"annotators": ["bob", "carol"]}):
            data = project.agreement.data(**kwargs)
            assert project.agreement.document_coders(**kwargs) == {d.id: d.coders for d in data.documents}


def test_the_gold_layer_leaves_the_agreement_report_unchanged_and_exports_as_gold(project_file):
    with Project.open(project_file) as project:
        before = build_report(project.agreement.data(), resamples=0).to_dict()
        project.adjudication.accept_agreed_spans(threshold=2 / 3)
        project.adjudication.accept_agreed_answers(threshold=2 / 3)
        project.adjudication.add_span(project.documents.ids()[1], "loaded_term", *mark(TEXTS[1], "tear gas"))
        after = build_report(project.agreement.data(), resamples=0).to_dict()
        assert after == before
        gold = list(project.exports.iter_spans(annotators=[], gold=True))
        assert len(gold) == 7 and {row.annotator for row in gold} == {"gold"}
        assert project.exports.span_count(gold=False) == project.spans.count() - 7
