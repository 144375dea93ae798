"""The project file: creation, round trips, WAL, migrations from older schemas, refusal of foreign files."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import Document, Span, document_id_for
from annotator.store import Project
from annotator.store.schema import APPLICATION_ID, migrations, schema_version

TEXT = "Titre\n\nLe PDG « affirme » que 😀 tout va bien.\n"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_wal_version_and_application_id(tmp_path):
    path = tmp_path / "p.framing"
    Project.create(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_round_trip_of_documents_spans_labels_and_status(project, tmp_path):
    doc = Document(text=TEXT, title="Titre", outlet="Le Monde", url="https://example.org/a",
                   author="A. Auteur", published="2024-02-03", language="fr", filename="a.txt",
                   metadata={"section": "Monde", "n": 3})
    assert project.documents.add([doc]).added == [doc.id]
    start = TEXT.index("😀")
    span = Span(document_id=doc.id, annotator="bob", label_id="loaded_term", start=start, end=start + 1,
                text="😀", note="emoji", attributes={"stance": "critical"})
    project.spans.add(span)
    project.answers.set(doc.id, "bob", "tone", "negative")
    project.assignments.set_status("bob", doc.id, "done")
    project.close()
    again = Project.open(project.path)
    stored = again.documents.get(doc.id)
    assert stored == doc
    assert stored.id == document_id_for(TEXT)
    [read] = again.spans.of_document(doc.id)
    assert read == span
    assert again.answers.find(doc.id)[0].value == "negative"
    assert again.assignments.status("bob", doc.id) == "done"
    counts = again.counts()
    assert counts["labels"] == len(again.codebook.labels(include_retired=False))
    assert {k: v for k, v in counts.items() if k != "labels"} == {
        "documents": 1, "annotators": 1, "spans": 1, "document_labels": 1}
    again.close()


def test_same_text_twice_is_one_document(project):
    first = project.documents.add([Document(text=TEXT)])
    second = project.documents.add([Document(text=TEXT, title="other title")])
    assert first.added and second.added == [] and second.duplicates == first.added


@pytest.mark.parametrize("start,end,text", [(-1, 3, "x"), (5, 5, ""), (3, 2, ""), (0, 999, "x"), (0, 5, "wrong")])
def test_invalid_spans_are_refused_and_nothing_is_written(project, start, end, text):
    doc = project.documents.add([Document(text=TEXT)]).added[0]
    good = Span(document_id=doc, annotator="a", label_id="hedge", start=0, end=5, text="Titre")
    bad = Span(document_id=doc, annotator="a", label_id="hedge", start=start, end=end, text=text)
    with pytest.raises(InvalidSpan):
        project.spans.add_many([good, bad])
    assert project.spans.of_document(doc) == []  # the batch is all or nothing


def test_span_with_unknown_label_or_question_label_is_refused(project):
    doc = project.documents.add([Document(text=TEXT)]).added[0]
    with pytest.raises(InvalidSpan, match="unknown label"):
        project.spans.add(Span(document_id=doc, annotator="a", label_id="nope", start=0, end=5, text="Titre"))
    with pytest.raises(InvalidSpan, match="document-level question"):
        project.spans.add(Span(document_id=doc, annotator="a", label_id="tone", start=0, end=5, text="Titre"))


def test_update_keeps_text_in_step_with_offsets_and_delete_is_a_tombstone(project):
    doc = project.documents.add([Document(text=TEXT)]).added[0]
    span = Span(document_id=doc, annotator="a", label_id="hedge", start=0, end=5, text="Titre")
    project.spans.add(span)
    project.spans.update(span.id, start=7, end=9)
    assert project.spans.get(span.id).text == "Le"
    project.spans.delete(span.id)
    assert project.spans.of_document(doc) == [] and project.spans.get(span.id).deleted
    project.spans.restore(span.id)
    assert project.spans.of_document(doc)[0].text == "Le"


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 84])
def test_foreign_files_are_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "notes.framing"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(ProjectError):
        Project.open(path)
    assert digest(path) == before
    assert not (tmp_path / "notes.framing-wal").exists()


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = digest(path)
    with pytest.raises(ProjectError, match="not a Framing Annotator project"):
        Project.open(path)
    assert digest(path) == before


def test_newer_project_is_refused_untouched(tmp_path):
    path = tmp_path / "new.framing"
    Project.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    before = digest(path)
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(path)
    assert digest(path) == before


def test_missing_file_and_existing_target(tmp_path):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "absent.framing")
    Project.create(tmp_path / "x.framing").close()
    with pytest.raises(ProjectError, match="exists already"):
        Project.create(tmp_path / "x.framing")


def test_older_schema_is_upgraded_keeping_data(tmp_path):
    """A file made by the first release (only m001 applied) opens and is migrated in place."""
    names = [m.name for m in migrations._migrations]
    assert len(names) >= 2, "this test needs at least two migrations"
    path = tmp_path / "old.framing"
    conn = sqlite3.connect(path)
    db = Database(conn)
    migrations.apply(db, stop_before=names[1])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('project_id', 'old-project')")
    conn.execute(
        "INSERT INTO documents (id, position, title, text, length, imported) VALUES (?, 0, 't', ?, ?, 'now')",
        [document_id_for(TEXT), TEXT, len(TEXT)],
    )
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert project.schema_version == schema_version()
        assert project.project_id == "old-project"
        assert project.documents.get(document_id_for(TEXT)).text == TEXT
        applied = [r[0] for r in project.db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert applied == names


def test_every_write_is_visible_to_a_second_connection_at_once(project):
    """Saved at every action: another process sees the span without any save step."""
    doc = project.documents.add([Document(text=TEXT)]).added[0]
    project.spans.add(Span(document_id=doc, annotator="a", label_id="hedge", start=0, end=5, text="Titre"))
    with sqlite3.connect(project.path) as other:
        assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 1


def test_working_on_an_unassigned_document_brings_the_assignment_back(project):
    doc = project.documents.add([Document(text=TEXT)]).added[0]
    project.assignments.assign("bob", [doc])
    project.assignments.unassign("bob", [doc])
    assert project.assignments.progress().rows == []
    project.assignments.set_status("bob", doc, "in progress")
    [row] = project.assignments.progress().rows
    assert row.statuses == {"bob": "in progress"}


def test_coders_and_who_may_see_others(project):
    project.team.add("ana")
    with project.db.atomic():
        project.team.ensure("gold", by_adjudication=True)  # as adjudication does
    project.team.add("lee", role="lead")
    assert project.team.coders() == ["ana", "lee"]
    assert project.team.may_see_others("ana")
    project.team.set_blind_coding(True, by="lee")
    assert not project.team.may_see_others("ana") and project.team.may_see_others("lee")
