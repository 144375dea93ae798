"""The annotation workspace driven through real widgets, checked in the SQLite file."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.store import Project
from PySide6.QtCore import Qt

from tests.gui.conftest import EMOJI_TEXT


def select(window, start: int, end: int) -> None:
    window.workspace.reader.select_range(start, end)


def rows(project, sql: str, *params):
    with sqlite3.connect(project.path) as conn:
        return conn.execute(sql, params).fetchall()


def live_spans(project):
    return rows(project, 'SELECT label_id, start, "end", text, annotator FROM spans WHERE deleted = 0 ORDER BY start')


def test_main_window_opens_on_first_document(window, documents):
    assert window.workspace.document.id == documents[0]
    assert window.workspace.reader.toPlainText().startswith("Headline with emoji")
    assert "Test Daily" in window.meta_label.text()


def test_shortcut_on_selection_creates_span_in_file(window, project, qtbot):
    reader = window.workspace.reader
    start = EMOJI_TEXT.index("Big Tech")
    select(window, start, start + len("Big Tech"))
    qtbot.keyClick(reader, Qt.Key.Key_L)  # "l" = Loaded term in the default codebook
    assert live_spans(project) == [("loaded_term", start, start + 8, "Big Tech", "alice")]
    assert window.workspace.span_list.model_.rowCount() == 1


def test_span_on_emoji_text_stores_code_point_offsets(window, project, qtbot):
    reader = window.workspace.reader
    start = EMOJI_TEXT.index("👩‍👩‍👧")
    end = EMOJI_TEXT.index(" families")
    select(window, start, end)
    # What the annotator sees highlighted is exactly the family emoji (UTF-16 length differs).
    assert reader.textCursor().selectedText() == "👩‍👩‍👧"
    assert reader.textCursor().selectionEnd() - reader.textCursor().selectionStart() == len("👩‍👩‍👧".encode("utf-16-le")) // 2
    qtbot.keyClick(reader, Qt.Key.Key_L)
    [(label, s, e, text, _)] = live_spans(project)
    assert (s, e, text) == (start, end, "👩‍👩‍👧")
    assert EMOJI_TEXT[s:e] == text


def test_selection_inside_a_word_snaps_and_never_splits_a_combining_accent(window, project, qtbot):
    reader = window.workspace.reader
    cafe = EMOJI_TEXT.index("cafe\u0301")
    select(window, cafe + 1, cafe + 4)  # "afe" without the combining accent
    qtbot.keyClick(reader, Qt.Key.Key_X)
    [(_, s, e, text, _)] = live_spans(project)
    assert text == "cafe\u0301" and (s, e) == (cafe, cafe + 5)


def test_snapping_off_keeps_the_selection_but_not_half_a_cluster(window, project, qtbot):
    window.set_snapping(False)
    cafe = EMOJI_TEXT.index("cafe\u0301")
    select(window, cafe + 1, cafe + 4)
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_X)
    [(_, s, e, text, _)] = live_spans(project)
    assert text == "afe\u0301"


def test_undo_removes_and_redo_restores(window, project, qtbot):
    start = EMOJI_TEXT.index("Big Tech")
    select(window, start, start + 8)
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_L)
    assert len(live_spans(project)) == 1
    window.actions["undo"].trigger()
    assert live_spans(project) == []
    assert window.workspace.span_list.model_.rowCount() == 0
    window.actions["redo"].trigger()
    assert len(live_spans(project)) == 1
    assert window.workspace.span_list.model_.rowCount() == 1


def test_relabel_resize_note_and_delete(window, project, qtbot, monkeypatch):
    ws, reader = window.workspace, window.workspace.reader
    start = EMOJI_TEXT.index("Big Tech")
    select(window, start, start + 3)  # "Big" only
    qtbot.keyClick(reader, Qt.Key.Key_L)
    [(label, s, e, text, _)] = live_spans(project)
    assert text == "Big"
    # Relabel: no text selected, a span selected, press another label's key.
    reader.select_range(start, start)
    ws.select_span(ws.spans[0].id)
    qtbot.keyClick(reader, Qt.Key.Key_M)
    assert live_spans(project)[0][0] == "naming"
    # Resize: move the end one word right.
    qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert live_spans(project)[0][3] == "Big Tech"
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert live_spans(project)[0][3] == "Big"
    # Note and attribute through the span dialog (Enter opens it).
    from annotator.gui.span_dialog import SpanDialog

    def fake_exec(dialog):
        dialog.note_edit.setPlainText("sounds hostile")
        dialog.set_attribute("stance", "critical")
        return True

    monkeypatch.setattr(SpanDialog, "exec", fake_exec)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    note, attributes = rows(project, "SELECT note, attributes FROM spans")[0]
    assert note == "sounds hostile" and '"stance": "critical"' in attributes
    # Delete.
    qtbot.keyClick(reader, Qt.Key.Key_Delete)
    assert live_spans(project) == []
    assert rows(project, "SELECT deleted FROM spans") == [(1,)]  # kept as a tombstone
    window.actions["undo"].trigger()
    assert len(live_spans(project)) == 1


def test_overlapping_spans_get_distinct_lanes_and_cycle(window, project, qtbot):
    ws, reader = window.workspace, window.workspace.reader
    outer_start = EMOJI_TEXT.index("Big Tech is watching")
    outer_end = outer_start + len("Big Tech is watching")
    select(window, outer_start, outer_end)
    qtbot.keyClick(reader, Qt.Key.Key_M)
    select(window, outer_start, outer_start + 8)
    qtbot.keyClick(reader, Qt.Key.Key_L)
    assert len(live_spans(project)) == 2
    lanes = {m.id: reader.lane_of(m.id) for m in reader.marks if not m.suggestion}
    assert sorted(lanes.values()) == [0, 1]
    # Tooltip content: both labels over the point.
    titles = [m.title for m in reader.marks_at(outer_start + 1)]
    assert len(titles) == 2 and titles[0].startswith("Loaded term")
    # The cycling key steps through both spans under the cursor, innermost first.
    reader.select_range(outer_start + 1, outer_start + 1)
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert ws.selected_span is None
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = ws.selected_span
    qtbot.keyClick(reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = ws.selected_span
    assert {first.label_id, second.label_id} == {"loaded_term", "naming"}
    assert first.label_id == "loaded_term"
    window.grab()  # paints the lanes without error


def test_find_and_label_all_in_document_and_corpus(window, project, qtbot, monkeypatch):
    from annotator.gui.find_bar import LabelAllPreview

    window.show_find()
    assert window.find_bar.isVisible()
    window.find_bar.query_edit.setText("big tech")
    qtbot.keyClick(window.find_bar.query_edit, Qt.Key.Key_Return)
    assert window.workspace.reader.textCursor().selectedText() == "Big Tech"
    assert window.find_bar.count_label.text().startswith("2")
    seen = {}

    def accept(dialog):
        seen["count"] = dialog.list.count()
        return True

    monkeypatch.setattr(LabelAllPreview, "exec", accept)
    window.label_all_occurrences("Big Tech", "loaded_term", corpus=False)
    assert seen["count"] == 2
    assert [r[3] for r in live_spans(project)] == ["Big Tech", "Big Tech"]
    window.label_all_occurrences("Big Tech", "loaded_term", corpus=True)
    assert seen["count"] == 3  # two already labelled (shown unticked) plus one in the other document
    assert len(live_spans(project)) == 3
    window.actions["undo"].trigger()
    assert len(live_spans(project)) == 2


def test_label_all_preview_unticks_already_labelled(window, project, qtbot, monkeypatch):
    from annotator.gui.find_bar import LabelAllPreview

    monkeypatch.setattr(LabelAllPreview, "exec", lambda dialog: True)
    window.label_all_occurrences("Big Tech", "loaded_term", corpus=False)
    window.label_all_occurrences("Big Tech", "loaded_term", corpus=False)
    assert len(live_spans(project)) == 2  # nothing labelled twice


def test_navigation_and_mark_done(window, project, documents):
    assert window.workspace.document.id == documents[0]
    window.actions["next"].trigger()
    assert window.workspace.document.id == documents[1]
    window.actions["previous"].trigger()
    assert window.workspace.document.id == documents[0]
    window.actions["mark_done"].trigger()
    assert project.assignments.status("alice", documents[0]) == "done"
    assert window.workspace.document.id == documents[1]  # moved on to the next not done
    window.actions["mark_done"].trigger()
    assert project.assignments.status("alice", documents[1]) == "done"
    assert window.document_list.model.row_data(0).status == "done"


def test_last_position_is_restored(qtbot, project, documents, settings):
    from annotator.gui.main_window import MainWindow

    first = MainWindow(project, "alice", settings)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.workspace.document is not None)
    first.open_document(documents[1], 20)
    first.close()
    assert project.closed  # the window owned it
    second = MainWindow(Project.open(project.path, backup=False), "alice", settings)
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: second.workspace.document is not None)
    assert second.workspace.document.id == documents[1]
    assert second.workspace.reader.cursor_offset() == 20


def test_document_question_answer_is_saved(window, project, documents):
    combo = window.workspace.questions_panel.widget_for("tone")
    combo.setCurrentIndex(combo.findData("negative"))
    [answer] = project.answers.find(documents[0], "alice")
    assert (answer.question, answer.value) == ("tone", "negative")
    window.actions["undo"].trigger()
    assert project.answers.find(documents[0], "alice") == []


def test_font_size_setting(window, settings):
    before = settings.point_size
    window.actions["bigger"].trigger()
    assert settings.point_size == before + 1
    window.actions["smaller"].trigger()
    assert settings.point_size == before


def test_clicking_a_label_in_the_codebook_panel_labels_the_selection(window, project):
    start = EMOJI_TEXT.index("hooray")
    select(window, start, start + 6)
    panel = window.workspace.codebook_panel
    item = panel._items["intensifier"]
    panel.itemClicked.emit(item, 0)
    assert live_spans(project)[0][:1] == ("intensifier",)


def test_document_list_filter_and_sort(window):
    panel = window.document_list
    panel.filter_edit.setText("Other")
    assert panel.model.rowCount() == 1
    panel.filter_edit.clear()
    assert panel.model.rowCount() == 2
    panel.model.sort(0, Qt.SortOrder.DescendingOrder)
    assert panel.model.row_data(0).title == "Second article headline"


@pytest.mark.parametrize("which", ["documents", "spans"])
def test_item_models_pass_qt_model_tester(window, qtmodeltester, which):
    if which == "documents":
        qtmodeltester.check(window.document_list.model)
    else:
        start = EMOJI_TEXT.index("Big Tech")
        select(window, start, start + 8)
        window.workspace.apply_label("loaded_term")
        qtmodeltester.check(window.workspace.span_list.model_)


def test_shortcuts_window_lists_menu_and_reader_keys(window):
    from annotator.gui.menus import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    texts = {dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())}
    assert "Mark done (and go to the next)" in texts
    assert any("Cycle" in t for t in texts)


def test_first_span_hint_shows_until_the_first_span(window, settings, qtbot):
    assert window.hint_label.isVisible()
    start = EMOJI_TEXT.index("Big Tech")
    select(window, start, start + 8)
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_L)
    assert not window.hint_label.isVisible()
    assert settings.q.value("hints/first_span_done", False, type=bool)


def test_status_line_follows_the_first_span_and_mark_done(window, documents, qtbot):
    assert window.meta_label.text().endswith("to do")
    start = EMOJI_TEXT.index("Big Tech")
    select(window, start, start + 8)
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_L)
    assert window.meta_label.text().endswith("in progress")
    window.actions["next"].trigger()
    window.actions["previous"].trigger()
    window.actions["mark_done"].trigger()  # marks done, then moves on to the next not done
    assert window.workspace.document.id == documents[1]
    window.actions["previous"].trigger()
    assert window.meta_label.text().endswith("done")
