"""Store-level guards found by review: refused texts, span checks, notes kept, a busy project file."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

import annotator.store.project as project_module
from annotator.cli.main import cli
from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project


@pytest.mark.parametrize("text, words", [
    ("\ufeffTitle\n\nBody.", "byte order mark"),
    ("Title\r\n\r\nBody.", "carriage return"),
    ("Title\n\nBody \x00 with NUL.", "NUL"),
    ("Title\n\nBody \x07 with a bell.", "U+0007"),
])
def test_add_documents_refuses_text_qt_would_shift_and_adds_nothing(project, text, words):
    good = Document(text="A fine article.", title="Fine")
    bad = Document(text=text, title="Broken article")
    with pytest.raises(ProjectError, match=re.escape(words)) as refused:
        project.documents.add([good, bad])
    assert "Broken article" in str(refused.value)
    assert project.documents.ids() == []


def test_add_documents_refuses_a_lone_surrogate_before_hashing(project):
    # Document() cannot hash such a text, so a caller can only reach the store with an explicit id.
    bad = Document(text="Half an emoji: \ud83d.", title="Surrogate", id="0" * 64)
    with pytest.raises(ProjectError, match="lone surrogate"):
        project.documents.add([bad])
    assert project.documents.ids() == []


def test_span_checks_use_the_stored_length_not_a_count_of_the_whole_text(project):
    doc = Document(text="Title\n\n" + "A long article body. " * 5000, title="Long")
    project.documents.add([doc])
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    try:
        project.spans.add(Span(document_id=doc.id, annotator="ana", label_id="hedge", start=0, end=5, text="Title"))
        with pytest.raises(InvalidSpan, match="does not fit|outside"):
            project.spans.add(Span(document_id=doc.id, annotator="ana", label_id="hedge",
                                  start=len(doc.text) - 2, end=len(doc.text) + 1, text="x"))
    finally:
        project.db.conn.set_trace_callback(None)
    checks = [s for s in statements if "substr(text" in s]
    assert len(checks) == 2 and not any("length(text)" in s for s in checks)
    assert len(project.spans.of_document(doc.id)) == 1


def test_a_new_answer_keeps_the_note_unless_a_new_one_is_given(project):
    doc = Document(text="An article about the strike.", title="Strike")
    project.documents.add([doc])
    project.answers.set(doc.id, "ana", "tone", "negative", note="tone given by the wire service")

    def note() -> str:
        (answer,) = project.answers.find(doc.id, "ana", include_deleted=True)
        return answer.note

    project.answers.set(doc.id, "ana", "tone", "positive")
    assert note() == "tone given by the wire service"
    project.answers.set(doc.id, "ana", "tone", "")  # cleared, then answered again
    project.answers.set(doc.id, "ana", "tone", "negative")
    assert note() == "tone given by the wire service"
    project.answers.set(doc.id, "ana", "tone", "positive", note="checked by hand")
    assert note() == "checked by hand"
    project.answers.set(doc.id, "ana", "tone", "positive", note="")
    assert note() == ""


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Wait 0.2 s, not half a minute, for another connection's write lock."""
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_SECONDS", 0.2)


@pytest.fixture
def write_locked(tmp_path):
    """A project file on which a second connection (another window) holds the write lock."""
    path = tmp_path / "shared.framing"
    with Project.create(path) as proj:
        proj.codebook.install(load_preset("framing-devices"))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield path, other
    other.close()


def test_a_write_lock_held_elsewhere_is_a_plain_project_error(short_busy_timeout, write_locked):
    path, other = write_locked
    with Project.open(path, backup=False) as proj:
        with pytest.raises(ProjectError, match="in use by another window or command; try again in a moment"):
            proj.documents.add([Document(text="An article.", title="A")])
        other.execute("ROLLBACK")  # the other window is done: the same write now goes through
        assert proj.documents.add([Document(text="An article.", title="A")]).added


def test_the_cli_says_the_project_is_in_use_in_one_line(short_busy_timeout, write_locked):
    path, _ = write_locked
    result = CliRunner().invoke(cli, ["annotators", str(path), "add", "zed"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the project is in use by another window or command; try again in a moment"
    ]
