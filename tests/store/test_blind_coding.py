"""Blind coding holds on every reading path: a coder reads only their own work, the lead everyone's.

One project, three people (lea the lead, sam and noor coders) who each left spans, answers, memos and
statuses, plus a gold span; each test reads it through one path as sam, as lea and as nobody.
"""

from __future__ import annotations

import csv

import pytest

from annotator.core.errors import NotPermitted
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.store import Project

TEXT = "Le ministre a affirmé que la « réforme » était juste. Les syndicats dénoncent une trahison."


@pytest.fixture
def team_file(tmp_path):
    path = tmp_path / "blind.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        doc = project.documents.add([Document(text=TEXT, title="Réforme")]).added[0]
        project.team.add("lea", role="lead")
        for name in ("sam", "noor"):
            project.team.add(name)
            project.assignments.assign(name, [doc])
            project.spans.add(Span(document_id=doc, annotator=name, label_id="scare_quote", start=31, end=38,
                                   text=TEXT[31:38]))
            project.answers.set(doc, name, "source_type", "official")
            project.memos.set(doc, name, f"memo by {name}")
            project.assignments.set_status(name, doc, "done")
        project.spans.add(Span(document_id=doc, annotator="noor", label_id="reporting_verb", start=12, end=20,
                               text=TEXT[12:20]))
        first = project.spans.of_document(doc, "sam")[0]
        project.adjudication.accept_span(first.id, curator="lea")
        project.team.set_blind_coding(True, by="lea")
    return path


def open_as(path, viewer):
    return Project.open(path, backup=False, viewer=viewer)


def doc_id(project):
    return project.documents.ids()[0]


def test_the_rule_itself(team_file):
    with open_as(team_file, "sam") as project:
        assert project.team.visible_annotators() == ["sam"]
        assert project.team.visible_annotators("lea") == ["lea", "sam", "noor"]
        assert project.team.visible_annotators("noor") == ["noor"]
        seen = project.team.visibility()
        assert seen.allows("sam") and not seen.allows("noor") and not seen.allows("lea") and not seen.sees_gold
        with pytest.raises(NotPermitted, match="sam sees only their own work, not noor's work"):
            seen.check(["noor"])
        project.team.identify(None)
        assert project.team.visible_annotators() == []


def test_agreement_data(team_file):
    with open_as(team_file, "sam") as project:
        data = project.agreement.data()
        assert data.annotators == ["sam"]
        assert {s.annotator for d in data.documents for s in d.spans} == {"sam"}
        assert {a for d in data.documents for by in d.answers.values() for a in by} == {"sam"}
        assert project.agreement.document_coders() == {doc_id(project): ["sam"]}
        with pytest.raises(NotPermitted):
            project.agreement.data(annotators=["sam", "noor"])
    with open_as(team_file, "lea") as project:
        assert project.agreement.data().annotators == ["sam", "noor"]


def test_export_queries(team_file):
    with open_as(team_file, "sam") as project:
        doc = doc_id(project)
        assert {r.annotator for r in project.exports.iter_spans()} == {"sam"}
        assert {r.annotator for r in project.exports.iter_spans(["sam", "noor"], gold=True)} == {"sam"}
        assert project.exports.span_count(None, gold=True) == 1
        assert {s.annotator for s in project.exports.document_spans(doc, ["noor"], gold=True)} == set()
        assert {a.annotator for a in project.exports.iter_answers(None, gold=True)} == {"sam"}
        assert not project.exports.has_gold(doc)
    with open_as(team_file, "lea") as project:
        assert {r.annotator for r in project.exports.iter_spans(gold=True)} == {"sam", "noor", "gold"}


def test_exporting_service(team_file, tmp_path):
    with open_as(team_file, "sam") as project:
        report = export_project(project, "csv", tmp_path / "sam.csv")
        with pytest.raises(NotPermitted):
            export_project(project, "csv", tmp_path / "noor.csv", annotators=["noor"])
        with pytest.raises(NotPermitted):
            export_project(project, "csv", tmp_path / "gold.csv", gold=True)
        export_project(project, "csv", tmp_path / "docs.csv", table="documents")
    with open(tmp_path / "sam.csv", encoding="utf-8") as handle:
        assert {row["annotator"] for row in csv.DictReader(handle)} == {"sam"}
    assert report.spans == 1
    with open(tmp_path / "docs.csv", encoding="utf-8") as handle:
        assert [c for c in next(csv.reader(handle)) if c.startswith("status_")] == ["status_sam"]
    assert not (tmp_path / "noor.csv").exists() and not (tmp_path / "gold.csv").exists()


def test_progress_and_statuses(team_file):
    with open_as(team_file, "sam") as project:
        progress = project.assignments.progress()
        assert progress.annotators == ["sam"] and all(set(r.statuses) == {"sam"} for r in progress.rows)
        assert project.assignments.statuses(doc_id(project)) == {"sam": "done"}
        with pytest.raises(NotPermitted):
            project.assignments.progress(["noor"])
    with open_as(team_file, "lea") as project:
        assert project.assignments.progress().annotators == ["sam", "noor"]


def test_everyones_spans_answers_and_memos(team_file):
    """What the lead's overlay, the disagreement browser and code retrieval read: everyone's work on a document."""
    with open_as(team_file, "sam") as project:
        doc = doc_id(project)
        assert {s.annotator for s in project.spans.of_document(doc)} == {"sam"}
        assert {a.annotator for a in project.answers.find(doc)} == {"sam"}
        assert [m.annotator for m in project.memos.find(doc)] == ["sam"]
    with open_as(team_file, "lea") as project:
        doc = doc_id(project)
        assert {s.annotator for s in project.spans.of_document(doc)} == {"sam", "noor", "gold"}
        assert [m.annotator for m in project.memos.find(doc)] == ["noor", "sam"]


def test_nobody_identified_sees_nothing_while_blind_and_everything_otherwise(team_file):
    with open_as(team_file, None) as project:
        doc = doc_id(project)
        assert project.spans.of_document(doc) == [] and list(project.exports.iter_spans()) == []
        assert project.agreement.data().annotators == []
        with pytest.raises(NotPermitted, match="--as NAME"):
            project.team.require_visible(["sam"])
        project.team.set_blind_coding(False, by="lea")
        assert {s.annotator for s in project.spans.of_document(doc)} == {"sam", "noor", "gold"}
        project.team.identify("sam")
        assert project.team.visible_annotators() == ["lea", "sam", "noor"]
        assert {r.annotator for r in project.exports.iter_spans(gold=True)} == {"sam", "noor", "gold"}


def test_a_reopened_project_is_read_by_the_same_person_on_a_connection_of_its_own(team_file):
    import threading

    from annotator.store import backup as backups

    with open_as(team_file, "sam") as window_project:
        found: dict = {}

        def background() -> None:  # as the app's background work does: reopened on the worker's thread
            with window_project.reopen() as project:
                found["viewer"] = project.team.viewer
                found["annotators"] = {s.annotator for s in project.spans.of_document(doc_id(project))}
                found["own connection"] = project.conn is not window_project.conn

        worker = threading.Thread(target=background)
        worker.start()
        worker.join()
    assert found == {"viewer": "sam", "annotators": {"sam"}, "own connection": True}
    assert backups.list_backups(team_file) == []  # no backup made by reopening
    with window_project.reopen() as again:  # the window's project closed meanwhile: still the same person
        assert again.team.viewer == "sam" and again.team.visible_annotators() == ["sam"]
