"""Store-level guards found by review: refused texts, span checks, notes kept, a busy project file."""

from __future__ import annotations

import re

import pytest

from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import Document, Span


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
        project.add_documents([good, bad])
    assert "Broken article" in str(refused.value)
    assert project.document_ids() == []


def test_add_documents_refuses_a_lone_surrogate_before_hashing(project):
    # Document() cannot hash such a text, so a caller can only reach the store with an explicit id.
    bad = Document(text="Half an emoji: \ud83d.", title="Surrogate", id="0" * 64)
    with pytest.raises(ProjectError, match="lone surrogate"):
        project.add_documents([bad])
    assert project.document_ids() == []


def test_span_checks_use_the_stored_length_not_a_count_of_the_whole_text(project):
    doc = Document(text="Title\n\n" + "A long article body. " * 5000, title="Long")
    project.add_documents([doc])
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    try:
        project.add_span(Span(document_id=doc.id, annotator="ana", label_id="hedge", start=0, end=5, text="Title"))
        with pytest.raises(InvalidSpan, match="does not fit|outside"):
            project.add_span(Span(document_id=doc.id, annotator="ana", label_id="hedge",
                                  start=len(doc.text) - 2, end=len(doc.text) + 1, text="x"))
    finally:
        project.db.conn.set_trace_callback(None)
    checks = [s for s in statements if "substr(text" in s]
    assert len(checks) == 2 and not any("length(text)" in s for s in checks)
    assert len(project.spans(doc.id)) == 1


def test_a_new_answer_keeps_the_note_unless_a_new_one_is_given(project):
    doc = Document(text="An article about the strike.", title="Strike")
    project.add_documents([doc])
    project.set_document_label(doc.id, "ana", "tone", "negative", note="tone given by the wire service")

    def note() -> str:
        (answer,) = project.document_labels(doc.id, "ana", include_deleted=True)
        return answer.note

    project.set_document_label(doc.id, "ana", "tone", "positive")
    assert note() == "tone given by the wire service"
    project.set_document_label(doc.id, "ana", "tone", "")  # cleared, then answered again
    project.set_document_label(doc.id, "ana", "tone", "negative")
    assert note() == "tone given by the wire service"
    project.set_document_label(doc.id, "ana", "tone", "positive", note="checked by hand")
    assert note() == "checked by hand"
    project.set_document_label(doc.id, "ana", "tone", "positive", note="")
    assert note() == ""
