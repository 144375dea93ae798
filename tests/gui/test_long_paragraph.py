"""An article that is one long paragraph (a text file with no line break): labelling by key paints only
what is on screen, and the whole text is not set as a bold headline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor, QTextLayout

from annotator.core.model import Document, Span

SENTENCE = "Le « mot » est dit. "


@pytest.fixture
def long_paragraph(window, project, qtbot):
    """A 60 KB article with no line break, a scare-quote span on every « mot », opened in the window."""
    text = SENTENCE * 3000
    doc = project.documents.add([Document(text=text, title="Le mot")]).added[0]
    at = [i for i in range(len(text)) if text.startswith("mot", i)]
    project.spans.add_many([Span(document_id=doc, annotator="alice", label_id="scare_quote", start=i - 2,
                                 end=i + 5, text=text[i - 2:i + 5]) for i in at])
    window.document_list.model.reload()
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.tasks.in_flight == 0, timeout=20000)
    reader = window.workspace.reader
    reader.setFocus()
    return text


def count_line_lookups(monkeypatch) -> list[int]:
    """Counts the lines of text layouts looked at from Python (the painting of marks and lanes)."""
    calls = [0]
    line_at = QTextLayout.lineAt

    def counted(layout, i):
        calls[0] += 1
        return line_at(layout, i)

    monkeypatch.setattr(QTextLayout, "lineAt", counted)
    return calls


def test_a_label_key_in_one_long_paragraph_paints_only_the_marks_on_screen(window, long_paragraph, qtbot,
                                                                            monkeypatch):
    reader, text = window.workspace.reader, long_paragraph
    at = text.index("est", 400)
    reader.select_range(at, at + 3)
    lookups = count_line_lookups(monkeypatch)
    qtbot.keyClick(reader, Qt.Key.Key_L)  # Loaded term
    reader.viewport().repaint()
    assert window.workspace.selected_span.text == "est"
    height = reader.viewport().height()
    visible = reader.visible_marks()
    assert any(mark.id == window.workspace.selected_span.id for mark, _lane, _rects in visible)
    # Only marks on screen (or just above it, for the names stacked in the margin) are painted ...
    assert visible and all(rects and -height < rects[0].top() < 2 * height for _mark, _lane, rects in visible)
    assert len(visible) < 400  # of 3,001 spans in the paragraph
    # ... and each is found among the paragraph's lines without reading all of them (some 800 lines).
    assert lookups[0] < 5000
    # ... and Qt shows the paragraph in display blocks of a few thousand characters (else it shapes all of
    # it at each paint: 50 ms per key press in a 1 MB paragraph).
    assert reader.document().blockCount() > 10


def test_an_article_with_no_line_break_has_no_bold_headline(window, long_paragraph):
    document = window.workspace.reader.document()
    cursor = QTextCursor(document)
    cursor.setPosition(1)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold


def test_a_short_first_line_stays_the_bold_headline(window):
    cursor = QTextCursor(window.workspace.reader.document())
    cursor.setPosition(1)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold


def test_a_text_file_with_no_line_break_is_listed_by_its_first_sentence(window, project, tmp_path, qtbot,
                                                                        monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.import_flow import run_import

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: shown.append(args[2]))
    path = tmp_path / "one-line.txt"
    path.write_text(SENTENCE * 2000, encoding="utf-8")
    run_import(window, [str(path)])
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    model = window.document_list.model
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert "Le « mot » est dit." in titles


def test_a_title_stored_as_long_as_its_text_is_listed_by_its_start(window, project):
    """Projects imported before titles were shortened: the list shows the start of the title."""
    project.documents.add([Document(text=SENTENCE * 5000, title=SENTENCE * 5000)])
    model = window.document_list.model
    model.reload()
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    tips = [model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert "Le « mot » est dit." in titles and max(len(tip) for tip in tips) <= 1001
