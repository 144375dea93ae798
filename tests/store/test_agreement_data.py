"""project.agreement.data: who coded which document, with which spans and answers, under filters."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Span
from annotator.store import Project
from tests.agreement.agreement_project import TEXTS, build_project, mark


@pytest.fixture
def project_file(tmp_path):
    return build_project(tmp_path / "three.framing")


def test_coders_per_document(project_file):
    with Project.open(project_file) as project:
        data = project.agreement.data()
    assert data.annotators == ["alice", "bob", "carol"]  # dave only has a "todo" status
    assert [d.coders for d in data.documents] == [["alice", "bob", "carol"]] * 3 + [["alice", "bob"]]
    first = data.documents[0]
    assert first.length == len(TEXTS[0])
    assert {(s.annotator, s.label) for s in first.spans} >= {("carol", "direct_quote"), ("bob", "scare_quote")}
    assert first.answers["source_type"] == {"alice": "official", "bob": "official", "carol": "official"}
    assert {q.id: q.level for q in data.questions} == {"source_type": "nominal", "tone": "ordinal"}
    assert data.questions[1].choices[:3] == ("negative", "neutral", "positive")


def test_done_only_drops_documents_not_marked_done(project_file):
    with Project.open(project_file) as project:
        data = project.agreement.data(done_only=True)
    # carol's third document is only "in progress"
    assert data.documents[2].coders == ["alice", "bob"]
    assert all(s.annotator != "carol" for s in data.documents[2].spans)
    assert "carol" not in data.documents[2].answers.get("source_type", {})


def test_filters_by_annotator_and_label(project_file):
    with Project.open(project_file) as project:
        data = project.agreement.data(annotators=["alice", "carol"], labels=["hedge", "tone"])
    assert data.annotators == ["alice", "carol"]
    assert [label.id for label in data.labels] == ["hedge"]
    assert [q.id for q in data.questions] == ["tone"]
    assert {s.label for d in data.documents for s in d.spans} == {"hedge"}
    assert all("bob" not in d.coders for d in data.documents)
    assert data.filters == {"annotators": ["alice", "carol"], "labels": ["hedge", "tone"], "done_only": False,
                            "roll_up": False}


def test_unknown_names_are_refused(project_file):
    with Project.open(project_file) as project:
        with pytest.raises(ProjectError, match="unknown annotator 'zoe'"):
            project.agreement.data(annotators=["zoe"])
        with pytest.raises(ProjectError, match="unknown label or question 'nope'"):
            project.agreement.data(labels=["nope"])


def test_deleted_and_adjudicated_spans_are_left_out(project_file):
    with Project.open(project_file) as project:
        doc = project.documents.ids()[3]
        start, end = mark(TEXTS[3], "spokesperson")
        gold = Span(document_id=doc, annotator="alice", label_id="naming", start=start, end=end,
                    text=TEXTS[3][start:end], origin="adjudication")
        project.spans.add_many([gold], by_adjudication=True)  # only adjudication may
        victim = next(s for s in project.spans.of_document(doc, "bob") if s.label_id == "loaded_term")
        project.spans.delete(victim.id)
        data = project.agreement.data()
    labels = {(s.annotator, s.label) for s in data.documents[3].spans}
    assert ("alice", "naming") not in labels
    assert ("bob", "loaded_term") not in labels
    assert ("bob", "reporting_verb") in labels


def test_roll_up_counts_sub_labels_as_their_parent(tmp_path):
    """Reporting verb = neutral + loaded: with roll_up the parent gets its children's spans and figures."""
    from annotator.agreement.report import build_report
    from tests.store.test_blind_coding import TEXT
    from annotator.core.model import Document
    from annotator.io.codebook_files import load_preset

    path = tmp_path / "roll.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        doc = project.documents.add([Document(text=TEXT)]).added[0]
        start = TEXT.index("affirmé")
        for who, label in (("ana", "reporting_verb.neutral"), ("ben", "reporting_verb.loaded")):
            project.spans.add(Span(document_id=doc, annotator=who, label_id=label, start=start, end=start + 7,
                                   text=TEXT[start:start + 7]))
        plain = project.agreement.data()
        rolled = project.agreement.data(roll_up=True)
        only = project.agreement.data(labels=["reporting_verb"], roll_up=True)
    assert {s.label for d in plain.documents for s in d.spans} == {"reporting_verb.neutral", "reporting_verb.loaded"}
    assert {s.label for d in rolled.documents for s in d.spans} == {"reporting_verb"}
    assert "reporting_verb.neutral" not in [label.id for label in rolled.labels]
    assert [label.id for label in only.labels] == ["reporting_verb"] and only.filters["roll_up"]
    groups = {g.label: g for g in build_report(rolled, resamples=0).spans.per_label}
    assert groups["reporting_verb"].spans == 2 and groups["reporting_verb"].unitizing.value == pytest.approx(1.0)
    before = {g.label: g for g in build_report(plain, resamples=0).spans.per_label}
    assert before["reporting_verb"].unitizing.value is None  # nobody used the parent itself
