"""Editing the codebook of a real project file: no operation loses or orphans an annotation."""

from __future__ import annotations

import pytest

from annotator.core.errors import CodebookError, NotFound
from annotator.core.model import Document, Span
from annotator.store import Project

TEXT = ("Amazon claimed that the so-called « free speech » app was a danger, "
        "according to court filings. Parler was suspended.")


def _span(doc_id: str, annotator: str, label_id: str, phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(document_id=doc_id, annotator=annotator, label_id=label_id,
                start=start, end=start + len(phrase), text=phrase)


@pytest.fixture
def annotated(project: Project) -> Project:
    """The default-codebook project with spans by two annotators (one deleted) and answers."""
    doc = Document(text=TEXT, title="Parler")
    project.documents.add([doc])
    project.spans.add_many([
        _span(doc.id, "alice", "loaded_term", "danger"),
        _span(doc.id, "alice", "naming", "so-called"),
        _span(doc.id, "bob", "loaded_term", "free speech"),
        _span(doc.id, "bob", "reporting_verb.loaded", "claimed"),
        _span(doc.id, "alice", "agentless_passive", "was suspended"),
    ])
    gone = _span(doc.id, "bob", "loaded_term", "app")
    project.spans.add(gone)
    project.spans.delete(gone.id)
    project.answers.set(doc.id, "alice", "tone", "negative")
    project.answers.set(doc.id, "bob", "source_type", "legal")
    project.doc_id = doc.id  # type: ignore[attr-defined]
    return project


def all_span_rows(project: Project) -> dict[str, tuple]:
    """Every span (deleted ones too) by id: what must survive any codebook edit."""
    return {s.id: (s.document_id, s.annotator, s.start, s.end, s.text, s.deleted)
            for s in project.spans.of_document(project.doc_id, include_deleted=True)}


def reopened(project: Project) -> Project:
    path = project.path
    project.close()
    return Project.open(path)


def test_rename_keeps_id_and_every_span(annotated):
    before = all_span_rows(annotated)
    version = annotated.codebook.version()
    change = annotated.labels.rename("loaded_term", "Charged word", "Mot chargé")
    assert change.labels == ["loaded_term"]
    proj = reopened(annotated)
    proj.doc_id = annotated.doc_id
    label = proj.codebook.label("loaded_term")
    assert (label.name, label.name_fr) == ("Charged word", "Mot chargé")
    assert all_span_rows(proj) == before
    assert proj.codebook.version() == version + 1
    assert proj.codebook.history()[-1]["change"] == "label loaded_term renamed to 'Charged word'"
    proj.close()


def test_rename_refuses_an_empty_name(annotated):
    with pytest.raises(CodebookError, match="needs a name"):
        annotated.labels.rename("hedge", "  ")


def test_merge_moves_every_span_and_retires_the_merged_label(annotated):
    before = all_span_rows(annotated)
    moved = [s.id for s in annotated.spans.of_document(annotated.doc_id, include_deleted=True) if s.label_id == "loaded_term"]
    versions = {s.id: s.codebook_version for s in annotated.spans.of_document(annotated.doc_id, include_deleted=True)}
    change = annotated.labels.merge("loaded_term", "naming")
    assert sorted(change.spans) == sorted(moved) and len(moved) == 3
    spans = annotated.spans.of_document(annotated.doc_id, include_deleted=True)
    assert all_span_rows(annotated) == before  # same spans, same offsets, same deletions
    assert {s.id for s in spans if s.label_id == "naming"} == set(moved) | {
        s.id for s in spans if s.text == "so-called"}
    assert {s.id: s.codebook_version for s in spans} == versions  # still "made under" their version
    merged = annotated.codebook.label("loaded_term")
    assert merged.retired and merged.shortcut == ""
    assert "naming" in annotated.codebook.current().attribute("stance").labels
    entry = annotated.codebook.history()[-1]
    assert entry["details"]["kept"] == "naming" and sorted(entry["details"]["spans"]) == sorted(moved)
    # The codebook of the version a span was made under still names its original label.
    assert annotated.codebook.at(versions[moved[0]]).label("loaded_term").retired is False


def test_merge_moves_sub_labels_and_refuses_nonsense(annotated):
    annotated.labels.merge("reporting_verb", "attribution")
    assert annotated.codebook.label("reporting_verb.loaded").parent == "attribution"
    with pytest.raises(CodebookError, match="into itself"):
        annotated.labels.merge("hedge", "hedge")
    with pytest.raises(CodebookError, match="cannot be merged"):
        annotated.labels.merge("hedge", "tone")
    with pytest.raises(CodebookError, match="no label 'ghost'"):
        annotated.labels.merge("hedge", "ghost")


def test_merge_into_a_sub_label_lifts_the_family(annotated):
    annotated.labels.merge("reporting_verb", "reporting_verb.loaded")
    assert annotated.codebook.label("reporting_verb.loaded").parent is None
    assert annotated.codebook.label("reporting_verb.neutral").parent is None


def test_merging_questions_folds_answers_and_stops_on_a_conflict(annotated):
    doc = annotated.doc_id
    annotated.answers.set(doc, "bob", "tone", "positive")
    # alice answered tone only, bob answered both: bob's answers differ, so the merge stops whole.
    with pytest.raises(CodebookError, match="different answers to the two questions by bob"):
        annotated.labels.merge("source_type", "tone")
    assert annotated.codebook.label("source_type").retired is False
    assert {a.question for a in annotated.answers.find(doc)} == {"tone", "source_type"}
    annotated.answers.set(doc, "bob", "tone", "")  # bob clears his tone answer
    change = annotated.labels.merge("source_type", "tone")
    answers = {(a.annotator, a.value) for a in annotated.answers.find(doc) if a.question == "tone"}
    assert answers == {("alice", "negative"), ("bob", "legal")}
    assert "legal" in [c.id for c in annotated.codebook.label("tone").choices]
    assert annotated.codebook.label("tone").choices[-1].id == "unsure"
    assert change.document_labels


def test_retire_hides_label_and_keeps_spans(annotated):
    before = all_span_rows(annotated)
    change = annotated.labels.retire("reporting_verb")
    assert set(change.labels) == {"reporting_verb", "reporting_verb.neutral", "reporting_verb.loaded"}
    live = {label.id for label in annotated.codebook.labels(include_retired=False)}
    assert "reporting_verb.loaded" not in live
    assert all_span_rows(annotated) == before
    assert annotated.codebook.usage("reporting_verb.loaded").spans == 1


def test_unretire_brings_back_parents_and_clears_a_taken_shortcut(annotated):
    annotated.labels.retire("reporting_verb")
    annotated.labels.set_shortcut("hedge", "k")  # the retired loaded reporting verb's key
    change = annotated.labels.unretire("reporting_verb.loaded")
    assert set(change.labels) == {"reporting_verb.loaded", "reporting_verb"}
    assert change.details["shortcuts_cleared"] == ["reporting_verb.loaded: k"]
    assert annotated.codebook.label("reporting_verb.loaded").shortcut == ""
    assert annotated.codebook.label("reporting_verb.neutral").retired  # a sibling stays retired


def test_shortcut_conflicts_are_refused_with_the_owner_named(annotated):
    with pytest.raises(CodebookError) as caught:
        annotated.labels.set_shortcut("hedge", "Q")
    assert "'Direct quote' (direct_quote)" in str(caught.value)
    assert annotated.codebook.label("hedge").shortcut == "h"
    with pytest.raises(CodebookError, match="is not a key the article text catches"):
        annotated.labels.set_shortcut("hedge", "qq")
    annotated.labels.set_shortcut("hedge", "")
    annotated.labels.set_shortcut("intensifier", "h")
    assert annotated.codebook.label("intensifier").shortcut == "h"


def test_recolour_and_describe(annotated):
    annotated.labels.recolour("hedge", "#cc6677")
    assert annotated.codebook.label("hedge").color == "#CC6677"
    with pytest.raises(CodebookError, match="#RRGGBB"):
        annotated.labels.recolour("hedge", "pink")
    annotated.labels.describe("hedge", description_fr="Atténue.")
    label = annotated.codebook.label("hedge")
    assert label.description_fr == "Atténue." and label.description.startswith("A word that softens")


def test_move_changes_parent_and_order(annotated):
    annotated.labels.move("hedge", "reporting_verb", 0)
    children = [l.id for l in annotated.codebook.labels() if l.parent == "reporting_verb"]
    assert children == ["hedge", "reporting_verb.neutral", "reporting_verb.loaded"]
    annotated.labels.move("hedge", None, 0)
    assert annotated.codebook.labels()[0].id == "hedge" and annotated.codebook.label("hedge").parent is None
    with pytest.raises(CodebookError, match="under itself"):
        annotated.labels.move("reporting_verb", "reporting_verb.loaded")
    assert [l.position for l in annotated.codebook.labels()] == list(range(len(annotated.codebook.labels())))


def test_create_label_picks_id_colour_and_place(annotated):
    change = annotated.labels.create("Irony", parent="loaded_term")
    label = annotated.codebook.label(change.labels[0])
    assert label.id == "loaded_term.irony" and label.parent == "loaded_term"
    used = {l.color for l in annotated.codebook.labels() if l.id != label.id}
    assert label.color not in used
    with pytest.raises(CodebookError, match="already used by label"):
        annotated.labels.create("Other", shortcut="q")


def test_delete_only_when_unused(annotated):
    with pytest.raises(CodebookError, match="used by 2 spans, 1 deleted span;"):
        annotated.labels.delete("loaded_term")
    with pytest.raises(CodebookError, match="sub-label"):
        annotated.labels.delete("reporting_verb")
    annotated.labels.create("Spare")
    annotated.labels.delete("spare")
    with pytest.raises(NotFound):
        annotated.codebook.label("spare")
    annotated.labels.merge("loaded_term", "naming")
    annotated.labels.delete("loaded_term")  # unused once merged
    assert "loaded_term" not in annotated.codebook.current().attribute("stance").labels


def test_deleting_the_only_label_of_an_attribute_removes_the_attribute(project):
    project.labels.create("Solo")
    project.db.execute("UPDATE attributes SET labels = '[\"solo\"]' WHERE id = 'speaker'")
    change = project.labels.delete("solo")
    assert change.details["attributes_removed"] == ["speaker"]
    assert "speaker" not in [a.id for a in project.codebook.attributes()]


def test_a_refused_merge_changes_nothing(annotated):
    history = annotated.codebook.history()
    before = all_span_rows(annotated)
    labels = annotated.codebook.labels()
    annotated.answers.set(annotated.doc_id, "bob", "tone", "positive")
    with pytest.raises(CodebookError):
        annotated.labels.merge("source_type", "tone")
    assert annotated.codebook.history() == history
    assert annotated.codebook.labels() == labels
    assert all_span_rows(annotated) == before


def test_every_edit_is_a_numbered_version_with_a_snapshot(annotated):
    start = annotated.codebook.version()
    annotated.labels.rename("hedge", "Softener")
    annotated.labels.retire("intensifier")
    annotated.labels.move("hedge", None, 0)
    history = annotated.codebook.history()
    assert [h["version"] for h in history][-3:] == [start + 1, start + 2, start + 3]
    assert annotated.codebook.at(start + 1).label("hedge").name == "Softener"
    assert not annotated.codebook.at(start + 1).label("intensifier").retired
    assert annotated.codebook.at(start + 2).label("intensifier").retired
    assert annotated.codebook.at(start + 3).version == str(start + 3)
    with pytest.raises(NotFound):
        annotated.codebook.at(999)
