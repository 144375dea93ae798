"""The side tables answer the keys the user guide promises: in the Suggestions table a clicked row is
accepted by Enter, rejected by Delete, relabelled by a label's key (undoable, as in the text); in the Spans
table a clicked row's span gets its note dialog by Enter and is deleted by Delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Span
from tests.gui.test_suggestions_gui import open_article, spans_in_file, suggestion


def click_row(qtbot, view, row: int) -> None:
    """A real mouse click on a row of a table, as a user makes it."""
    view.scrollTo(view.model().index(row, 1))
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_suggestion(window, qtbot, kind: str, text: str):
    ws = window.workspace
    window.side_tabs.setCurrentWidget(ws.suggestion_panel)
    chosen = suggestion(window, kind, text)
    click_row(qtbot, ws.suggestion_panel.view, ws.suggestions.index(chosen))
    assert ws.selected_suggestion is chosen
    return chosen


def test_enter_in_the_suggestions_table_accepts_the_clicked_row_and_undo_brings_it_back(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    scare = click_suggestion(window, qtbot, "scare_quote", "liberté\u00a0d’expression")
    assert QApplication.focusWidget() is ws.suggestion_panel.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert spans_in_file(project) == [("scare_quote", "liberté\u00a0d’expression", "suggestion")]
    assert scare not in ws.suggestions
    window.actions["undo"].trigger()
    assert spans_in_file(project) == []
    assert scare in ws.suggestions


def test_delete_in_the_suggestions_table_rejects_the_clicked_row(window, project, qtbot):
    doc = open_article(window, project, qtbot)
    ws = window.workspace
    scare = click_suggestion(window, qtbot, "scare_quote", "liberté\u00a0d’expression")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert spans_in_file(project) == []
    assert scare not in ws.suggestions
    assert [d.decision for d in project.suggestions.decisions(doc, "alice")] == ["rejected"]
    window.actions["undo"].trigger()
    assert scare in ws.suggestions and project.suggestions.decisions(doc, "alice") == []


def test_a_label_key_in_the_suggestions_table_accepts_with_that_label(window, project, qtbot):
    open_article(window, project, qtbot)
    click_suggestion(window, qtbot, "direct_quote", "sécurité publique")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L)  # loaded term
    assert spans_in_file(project) == [("loaded_term", "sécurité publique", "suggestion")]


def test_enter_twice_in_the_suggestions_table_takes_the_next_row(window, project, qtbot):
    """After an accept the table's highlighted row is the next suggestion: Enter again accepts that one."""
    open_article(window, project, qtbot)
    ws = window.workspace
    first = click_suggestion(window, qtbot, "scare_quote", "liberté\u00a0d’expression")
    row = ws.suggestions.index(first)
    following = ws.suggestions[row + 1]
    view = ws.suggestion_panel.view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.selectionModel().isRowSelected(row, view.rootIndex())
    assert ws.suggestions[row] is following
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert following not in ws.suggestions
    assert len(spans_in_file(project)) == 2


def _span_in_list(window, project, qtbot):
    ws = window.workspace
    doc = ws.document
    start = doc.text.index("Amazon")
    span = Span(document_id=doc.id, annotator="alice", label_id="loaded_term", start=start, end=start + 6,
                text="Amazon")
    ws.add_spans([span], "Label")
    window.side_tabs.setCurrentWidget(ws.span_list)
    click_row(qtbot, ws.span_list, ws.span_list.model_.row_of(span.id))
    assert ws.selected_span.id == span.id
    return span


def test_delete_after_clicking_a_row_of_the_spans_table_deletes_that_span(window, project, qtbot):
    window.open_document(window.project.documents.ids()[1])
    span = _span_in_list(window, project, qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert project.spans.of_document(span.document_id, "alice") == []
    window.actions["undo"].trigger()
    assert [s.id for s in project.spans.of_document(span.document_id, "alice")] == [span.id]


def test_enter_after_clicking_a_row_of_the_spans_table_opens_its_note(window, project, qtbot, monkeypatch):
    from annotator.gui import span_dialog

    opened = []
    monkeypatch.setattr(span_dialog.SpanDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or 0)
    window.open_document(window.project.documents.ids()[1])
    span = _span_in_list(window, project, qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert opened == ["Span details"]
