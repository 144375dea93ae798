"""No two live spans of one annotator with the same label and offsets: the store refuses them, the
migration tombstones those an older version made, and merges skip them and say so."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from annotator.core.errors import DuplicateSpan
from annotator.core.model import Document, Span, document_id_for
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from annotator.store.schema import APPLICATION_ID, migrations

TEXT = "Big Tech said the « reform » would fail, claimed the minister."


@pytest.fixture
def doc(project) -> str:
    return project.documents.add([Document(text=TEXT)]).added[0]


def span(doc, label="loaded_term", start=0, end=8, annotator="alice") -> Span:
    return Span(document_id=doc, annotator=annotator, label_id=label, start=start, end=end, text=TEXT[start:end])


def test_an_exact_duplicate_is_refused_with_a_clear_message(project, doc):
    project.spans.add(span(doc))
    with pytest.raises(DuplicateSpan, match="alice already has a span labelled “Loaded term” on “Big Tech”"):
        project.spans.add(span(doc))
    project.spans.add(span(doc, label="hedge"))  # another label on the same words is fine
    project.spans.add(span(doc, annotator="bob"))  # and another annotator's
    assert project.spans.count() == 3


def test_editing_a_span_into_a_duplicate_and_restoring_over_one_are_refused(project, doc):
    first = span(doc)
    other = span(doc, label="hedge")
    project.spans.add_many([first, other])
    with pytest.raises(DuplicateSpan):
        project.spans.update(other.id, label_id="loaded_term")
    project.spans.delete(first.id)
    project.spans.add(span(doc))  # a deleted span does not count
    with pytest.raises(DuplicateSpan):
        project.spans.restore(first.id)
    assert project.spans.count() == 2


def test_accepting_a_suggestion_that_repeats_a_span_adds_nothing(project, doc):
    from annotator.suggest import Suggestion

    project.spans.add(span(doc))
    suggestion = Suggestion(kind="loaded_term", start=0, end=8, text="Big Tech", label_id="loaded_term")
    change = project.suggestions.accept(doc, "alice", [suggestion])
    assert change.spans == [] and project.spans.count() == 1
    assert project.suggestions.pending(doc, "alice", [suggestion]) == []


def old_file_with_duplicates(path) -> None:
    """A file at schema m007 (before the rule) holding two identical live spans and a third deleted one."""
    names = [m.name for m in migrations._migrations]
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m008_unique_live_spans")
    conn.execute(f"PRAGMA user_version = {names.index('m008_unique_live_spans')}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('project_id', 'old')")
    doc = document_id_for(TEXT)
    conn.execute("INSERT INTO documents (id, position, title, text, length, imported) VALUES (?, 0, 't', ?, ?, 'x')",
                 [doc, TEXT, len(TEXT)])
    conn.execute("INSERT INTO annotators (name, created) VALUES ('alice', 'x')")
    load = Project.create(path.with_name("codebook.framing"))
    load.codebook.install(load_preset("framing-devices"))
    load.close()
    conn.execute("ATTACH ? AS cb", [str(path.with_name("codebook.framing"))])
    conn.execute("INSERT INTO labels SELECT * FROM cb.labels")
    conn.commit()
    conn.execute("DETACH cb")
    for span_id, note, created, deleted in (("a", "", "2024-01-02", 0), ("b", "why", "2024-01-03", 0),
                                            ("c", "", "2024-01-01", 1), ("d", "", "2024-01-04", 0)):
        conn.execute('INSERT INTO spans (id, document_id, annotator, label_id, start, "end", text, note, origin, '
                     "created, updated, deleted) VALUES (?, ?, 'alice', 'loaded_term', 0, 8, 'Big Tech', ?, "
                     "'manual', ?, ?, ?)", [span_id, doc, note, created, created, deleted])
    conn.commit()
    conn.close()


def test_migration_keeps_one_of_the_duplicates_an_older_version_made(tmp_path):
    path = tmp_path / "old.framing"
    old_file_with_duplicates(path)
    with Project.open(path, backup=False) as project:
        live = project.spans.of_document(document_id_for(TEXT))
        assert [(s.id, s.note) for s in live] == [("b", "why")]  # the one with a note survives
        deleted = project.spans.of_document(document_id_for(TEXT), include_deleted=True)
        assert {s.id for s in deleted if s.deleted} == {"a", "c", "d"}
        with pytest.raises(DuplicateSpan):
            project.spans.add(span(document_id_for(TEXT)))


def test_merging_a_package_span_that_repeats_a_live_one_skips_it_and_reports_it(tmp_path):
    lead = tmp_path / "lead.framing"
    with Project.create(lead) as project:
        project.codebook.install(load_preset("framing-devices"))
        doc = project.documents.add([Document(text=TEXT)]).added[0]
        project.team.add("alice")
        project.assignments.assign("alice", [doc])
        project.packages.write("alice", tmp_path / "alice.framing")
        project.spans.add(span(doc))  # the lead recorded alice's span from her paper sheet
    with Project.open(tmp_path / "alice.framing", backup=False) as package:
        package.spans.add(span(doc))  # ...and alice made it in her package too
        package.spans.add(span(doc, label="hedge"))
    with Project.open(lead, backup=False) as project:
        report = project.merges.merge(tmp_path / "alice.framing")
        assert sorted((s.label_id, s.start, s.end) for s in project.spans.of_document(doc)) == [
            ("hedge", 0, 8), ("loaded_term", 0, 8)]
        assert report.spans.added == 1 and report.spans.duplicates == 1
        assert any("1 repeating a span already in the project" in line for line in report.summary_lines())
        again = project.merges.merge(tmp_path / "alice.framing")  # idempotent: nothing new, nothing fails
        assert again.spans.added == 0


def test_an_import_holding_the_same_span_twice_stores_it_once(tmp_path):
    from annotator.services.importing import import_paths

    path = tmp_path / "corpus.jsonl"
    record = {"text": TEXT, "title": "t", "spans": [
        {"start": 0, "end": 8, "label": "loaded_term"}, {"start": 0, "end": 8, "label": "loaded_term"}]}
    import json

    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.framing") as project:
        project.codebook.install(load_preset("framing-devices"))
        report = import_paths(project, [path], annotator="alice")
        assert project.spans.count() == 1 and report.repeated_spans == 1
        again = import_paths(project, [path], annotator="alice")
        assert project.spans.count() == 1 and again.repeated_spans == 2
