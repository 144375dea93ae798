"""Decisions on suggestions persist in the project file; accepting makes spans; loaded terms per project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import Document, Span
from annotator.store import Project
from annotator.suggest import suggest_for_document

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "lyon-stationnement-fr.txt"


@pytest.fixture
def doc(project) -> Document:
    document = Document(text=SAMPLE.read_text(encoding="utf-8"), language="fr", title="Lyon")
    project.documents.add([document])
    return document


def pending(project, doc, annotator="alice", kind=None):
    found = suggest_for_document(doc, project.codebook.labels(), project.suggestions.loaded_terms(), project.suggestions.removed_loaded_terms())
    return [s for s in project.suggestions.pending(doc.id, annotator, found) if kind is None or s.kind == kind]


def test_accept_makes_a_suggestion_span_and_persists(project, doc):
    scare = pending(project, doc, kind="scare_quote")[0]
    assert scare.text == "ville apaisée"
    change = project.suggestions.accept_one(doc.id, "alice", scare)
    (span,) = project.spans.of_document(doc.id, "alice")
    assert change.spans == [span.id] and change.documents == [doc.id]
    assert (span.label_id, span.origin, span.text, span.start, span.end) == (
        "scare_quote", "suggestion", "ville apaisée", scare.start, scare.end)
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        (decision,) = reopened.suggestions.decisions(doc.id, "alice")
        assert (decision.decision, decision.label_id, decision.span_id) == ("accepted", "scare_quote", span.id)
        assert scare.key not in {s.key for s in pending(reopened, doc)}


def test_rejected_stays_rejected_after_reopening(project, doc):
    quote = pending(project, doc, kind="direct_quote")[0]
    change = project.suggestions.reject_one(doc.id, "alice", quote)
    assert change.details == {"rejected": 1} and change.spans == []
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        assert quote.key not in {s.key for s in pending(reopened, doc)}
        assert quote.key in {s.key for s in pending(reopened, doc, annotator="bob")}, "decisions are per annotator"
        assert reopened.spans.of_document(doc.id) == []


def test_accept_with_another_label_and_attributes(project, doc):
    quote = pending(project, doc, kind="direct_quote")[0]
    project.suggestions.accept_one(doc.id, "alice", quote, label_id="naming", attributes={"speaker": "Martine Roux"},
                              note="checked")
    (span,) = project.spans.of_document(doc.id)
    assert (span.label_id, span.attributes, span.note) == ("naming", {"speaker": "Martine Roux"}, "checked")
    assert project.suggestions.decisions(doc.id)[0].label_id == "naming"


def test_accept_all_of_one_kind_is_one_transaction(project, doc):
    quotes = pending(project, doc, kind="direct_quote")
    change = project.suggestions.accept(doc.id, "alice", quotes)
    assert len(change.spans) == len(quotes) == 6
    assert pending(project, doc, kind="direct_quote") == []
    again = project.suggestions.accept(doc.id, "alice", quotes)
    assert again.spans == [] and len(project.spans.of_document(doc.id)) == 6, "accepting twice adds nothing"


def test_a_failing_batch_leaves_nothing(project, doc):
    quotes = pending(project, doc, kind="direct_quote")
    with pytest.raises(InvalidSpan):
        project.suggestions.accept(doc.id, "alice", quotes, label_id="no_such_label")
    assert project.spans.of_document(doc.id) == [] and project.suggestions.decisions(doc.id) == []


def test_a_kind_without_a_label_must_be_given_one(project, doc):
    project.labels.retire("distancing")  # the codebook then has no label for this kind
    distancing = pending(project, doc, kind="distancing")[0]
    assert distancing.label_id == ""
    with pytest.raises(ProjectError, match="no label for suggestions of kind 'distancing'"):
        project.suggestions.accept_one(doc.id, "alice", distancing)
    project.suggestions.accept_one(doc.id, "alice", distancing, label_id="loaded_term")
    assert project.spans.of_document(doc.id)[0].text == "prétendu"


def test_reject_all_and_reject_after_accept_deletes_the_span(project, doc):
    hedges = pending(project, doc, kind="hedge")
    project.suggestions.accept_one(doc.id, "alice", hedges[0])
    change = project.suggestions.reject(doc.id, "alice", hedges)
    assert change.details == {"rejected": len(hedges)} and len(change.spans) == 1
    assert project.spans.of_document(doc.id) == []
    assert {d.decision for d in project.suggestions.decisions(doc.id)} == {"rejected"}
    assert project.suggestions.decision_counts("alice") == {("hedge", "rejected"): len(hedges)}


def test_forget_a_decision_brings_the_suggestion_back(project, doc):
    scare = pending(project, doc, kind="scare_quote")[0]
    project.suggestions.accept_one(doc.id, "alice", scare)
    change = project.suggestions.forget_one(doc.id, "alice", *scare.key)
    assert len(change.spans) == 1 and project.spans.of_document(doc.id) == []
    assert scare.key in {s.key for s in pending(project, doc)}
    assert not project.suggestions.forget_one(doc.id, "alice", *scare.key)


def test_a_span_made_by_hand_hides_the_same_suggestion(project, doc):
    scare = pending(project, doc, kind="scare_quote")[0]
    project.spans.add(Span(document_id=doc.id, annotator="alice", label_id="scare_quote", start=scare.start,
                          end=scare.end, text=scare.text))
    assert scare.key not in {s.key for s in pending(project, doc)}


def test_unknown_document_is_refused(project):
    with pytest.raises(ProjectError, match="unknown document"):
        project.suggestions.reject("nope", "alice", [])


def test_loaded_terms_are_per_project_and_editable(project, doc):
    assert project.suggestions.loaded_terms() == []
    project.suggestions.add_loaded_term("  piétons   dépensent ")
    project.suggestions.add_loaded_term("gentrification", language="fr")
    project.suggestions.remove_loaded_term("racket")
    assert project.suggestions.loaded_terms() == ["gentrification", "piétons dépensent"]
    assert project.suggestions.removed_loaded_terms() == ["racket"]
    terms = [s.text for s in pending(project, doc, kind="loaded_term")]
    assert "piétons dépensent" in terms and "racket" not in terms
    project.suggestions.add_loaded_term("RACKET")
    assert project.suggestions.removed_loaded_terms() == [], "terms are compared without case"
    with pytest.raises(ProjectError):
        project.suggestions.add_loaded_term("   ")


def test_decisions_table_checks_its_values(project, doc):
    project.team.add("alice")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        project.db.execute(
            "INSERT INTO suggestion_decisions (document_id, annotator, kind, start, \"end\", decision, time) "
            "VALUES (?, 'alice', 'hedge', 0, 1, 'maybe', 'now')", [doc.id])
