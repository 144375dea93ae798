"""Files a merge refuses, each with a clear message, and the project left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from annotator.store.schema import schema_version
from tests.store.team_helpers import add_span, article, full_dump, make_lead


@pytest.fixture
def lead(tmp_path) -> Path:
    return make_lead(tmp_path / "lead.framing", documents=6)


@pytest.fixture
def package(lead, tmp_path) -> Path:
    out = tmp_path / "ana.framing"
    with Project.open(lead) as proj:
        proj.packages.write("ana", out)
    with Project.open(out) as pkg:
        doc = pkg.assignments.of_annotator("ana")[0].document_id
        add_span(pkg, doc, "ana", 4, 9)
    return out


def refused(lead: Path, source: Path | str, *fragments: str) -> None:
    """Merging `source` raises a ProjectError naming it and the reason; neither file is touched."""
    before = full_dump(lead)
    source_bytes = Path(source).read_bytes() if Path(source).is_file() else None
    with Project.open(lead) as proj:
        with pytest.raises(ProjectError) as caught:
            proj.merges.merge(source)
    message = str(caught.value)
    assert Path(source).name in message
    for fragment in fragments:
        assert fragment in message
    assert full_dump(lead) == before
    if source_bytes is not None:
        assert Path(source).read_bytes() == source_bytes


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(str(path))
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_another_project_is_refused(lead, tmp_path):
    other = tmp_path / "other.framing"
    with Project.create(other) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        proj.documents.add([Document(text="A different article altogether.")])
    refused(lead, other, "another project", "nothing was changed")


def test_another_project_sharing_documents_is_merged(lead, tmp_path):
    """A colleague's own project on the same articles: matched by content hash, so it merges."""
    other = tmp_path / "colleague.framing"
    with Project.create(other) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        proj.documents.add([article(0), Document(text="An article only the colleague has.")])
        span_id = add_span(proj, article(0).id, "dora", 2, 5)
    with Project.open(lead) as proj:
        report = proj.merges.merge(other)
        assert report.documents_skipped == [article(0).id] and len(report.documents_added) == 1
        assert report.annotators_added == ["dora"]
        assert proj.spans.get(span_id).annotator == "dora"


def test_a_newer_schema_is_refused(lead, package):
    sql(package, f"PRAGMA user_version = {schema_version() + 1}")
    refused(lead, package, "newer version")


def test_an_unknown_upgrade_is_refused(lead, package):
    sql(package, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('framing-annotator', 'm999_from_the_future', '2030-01-01')")
    refused(lead, package, "newer version")


def test_a_truncated_file_is_refused(lead, package):
    data = package.read_bytes()
    package.write_bytes(data[: len(data) // 3])
    refused(lead, package, "damaged")


def test_a_file_with_a_corrupted_page_is_refused(lead, package):
    conn = sqlite3.connect(str(package))
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
    conn.close()
    data = bytearray(package.read_bytes())
    start = (root - 1) * page_size
    data[start : start + 16] = b"\xff" * 16  # the b-tree page header of the spans table
    package.write_bytes(bytes(data))
    refused(lead, package, "damaged")


def test_a_text_file_is_refused(lead, tmp_path):
    notes = tmp_path / "notes.framing"
    notes.write_text("not a database", encoding="utf-8")
    refused(lead, notes, "not a Framing Annotator project")


def test_a_foreign_database_is_refused(lead, tmp_path):
    foreign = tmp_path / "foreign.db"
    sql(foreign, "CREATE TABLE things (x)")
    refused(lead, foreign, "not a Framing Annotator project")


def test_a_missing_file_is_refused(lead, tmp_path):
    refused(lead, tmp_path / "nowhere.framing", "no such")


def test_the_project_itself_is_refused(lead):
    refused(lead, lead, "the project itself")


def test_the_project_under_another_name_is_refused(lead, tmp_path):
    link = tmp_path / "same-file.framing"
    os.link(lead, link)
    refused(lead, link, "the project itself")
    refused(lead, Path(os.path.relpath(lead)), "the project itself")


def test_a_span_that_does_not_fit_its_text_refuses_the_whole_file(lead, package, tmp_path):
    """One bad span among good work: nothing of the file is merged, not even its new document."""
    extra = Document(text="A document the package brings along.")
    conn = sqlite3.connect(str(package))
    with conn:
        conn.execute("INSERT INTO documents (id, position, text, length, imported) VALUES (?, 99, ?, ?, 'x')",
                     [extra.id, extra.text, len(extra.text)])
        conn.execute("UPDATE spans SET text = 'tampered'")
    conn.close()
    refused(lead, package, "damaged", "does not match")


def test_a_document_whose_text_does_not_match_its_hash_is_refused(lead, package):
    sql(package, "INSERT INTO documents (id, position, text, length, imported) "
                 "VALUES ('0000', 99, 'some text', 9, 'x')")
    refused(lead, package, "damaged", "does not match its text")


def test_an_older_file_is_upgraded_in_a_copy_and_merged(lead, package):
    """A package written before the team upgrade (m003) merges; the package itself stays old."""
    sql(package, "DROP TABLE merge_log", "DROP INDEX conflicts_object",
        "ALTER TABLE assignments DROP COLUMN removed",
        "DELETE FROM _sqlite_migrations WHERE name = 'm003_team_merging'",
        f"PRAGMA user_version = {schema_version() - 1}")
    before = package.read_bytes()
    with Project.open(lead) as proj:
        report = proj.merges.merge(package)
    assert report.spans.added == 1
    assert package.read_bytes() == before
