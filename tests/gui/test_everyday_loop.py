"""The everyday loop as an annotator lives it: navigate, label, relabel, undo, mark done, find, in the real
main window driven by keys, mouse and menu actions; each test checks what is drawn or stored afterwards."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.gui.conftest import EMOJI_TEXT, PLAIN_TEXT

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def live_spans(project):
    with sqlite3.connect(project.path) as conn:
        return conn.execute('SELECT label_id, start, "end", text FROM spans WHERE deleted = 0 '
                            'ORDER BY start, label_id').fetchall()


def status(project, annotator, document_id):
    return project.assignments.status(annotator, document_id)


def block_fonts(reader):
    """(block number, bold?, point size drawn) of every text fragment, and the first line's ascent per block."""
    doc = reader.document()
    fragments, ascents = [], {}
    block = doc.firstBlock()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            size = fmt.fontPointSize() or doc.defaultFont().pointSizeF()
            fragments.append((block.blockNumber(), fmt.fontWeight() > 500, round(size, 1)))
            it += 1
        if block.layout().lineCount():
            ascents[block.blockNumber()] = block.layout().lineAt(0).ascent()
        block = block.next()
    return fragments, ascents


def assert_regular_body(window, point_size):
    fragments, ascents = block_fonts(window.workspace.reader)
    body = [f for f in fragments if f[0] > 0]
    assert body and all(not bold and size == round(point_size, 1) for _n, bold, size in body), body
    headline = [f for f in fragments if f[0] == 0]
    assert all(bold and size > point_size for _n, bold, size in headline), headline
    assert max(a for n, a in ascents.items() if n > 0) < ascents[0]  # drawn smaller than the headline


def test_body_keeps_its_regular_format_after_navigation_and_size_changes(window, documents, settings, qtbot):
    reader = window.workspace.reader
    size = settings.point_size
    assert_regular_body(window, size)
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)  # the cursor sits in the headline
    assert window.workspace.document.id == documents[1]
    assert_regular_body(window, size)
    qtbot.keyClick(reader, Qt.Key.Key_PageUp, CTRL)
    assert_regular_body(window, size)
    qtbot.keyClick(reader, Qt.Key.Key_Plus, CTRL)  # View > Larger text
    assert_regular_body(window, size + 1)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, CTRL)  # Smaller text makes it smaller, not larger
    assert_regular_body(window, size - 1)
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)  # mark done and go on
    assert window.workspace.document.id == documents[1]
    assert_regular_body(window, size - 1)
    # A click in the document list while the cursor sits in the headline.
    view = window.document_list.view
    view.setCurrentIndex(window.document_list.model.index(0, 0))
    assert window.workspace.document.id == documents[0]
    assert_regular_body(window, size - 1)


def test_a_second_label_key_relabels_the_new_span_instead_of_duplicating(window, project, qtbot):
    reader = window.workspace.reader
    start = EMOJI_TEXT.index("Big Tech")
    reader.select_range(start, start + 8)
    qtbot.keyClick(reader, Qt.Key.Key_L)
    qtbot.keyClick(reader, Qt.Key.Key_S)
    qtbot.keyClick(reader, Qt.Key.Key_S)
    assert live_spans(project) == [("scare_quote", start, start + 8, "Big Tech")]
    assert window.workspace.span_list.model_.rowCount() == 1
    assert [m.title.split(":")[0] for m in reader.marks if not m.suggestion] == ["Scare quote"]


def test_labelling_clears_the_raw_selection_and_selects_the_span(window, project, qtbot):
    reader = window.workspace.reader
    start = EMOJI_TEXT.index("Big Tech")
    reader.select_range(start + 1, start + 6)  # "ig Te": part of two words
    qtbot.keyClick(reader, Qt.Key.Key_L)
    assert live_spans(project) == [("loaded_term", start, start + 8, "Big Tech")]
    assert not reader.textCursor().hasSelection()  # no partial-word highlight left over the span
    [span] = window.workspace.spans
    assert reader.selected_mark_id == span.id


def test_undo_after_moving_on_shows_the_article_it_changes(window, project, documents, qtbot):
    reader = window.workspace.reader
    start = EMOJI_TEXT.index("Big Tech")
    reader.select_range(start, start + 8)
    qtbot.keyClick(reader, Qt.Key.Key_L)
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)
    assert window.workspace.document.id == documents[1]
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_Z, CTRL)
    assert live_spans(project) == []
    assert window.workspace.document.id == documents[0]  # shown where the change happened
    assert window.document_list.view.currentIndex().row() == 0
    assert reader.cursor_offset() == start
    assert "Undone" in window.statusBar().currentMessage() and "Loaded term" in window.statusBar().currentMessage()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    assert live_spans(project) == [("loaded_term", start, start + 8, "Big Tech")]
    assert window.workspace.document.id == documents[0]
    assert reader.selected_mark_id == window.workspace.spans[0].id
    assert "Redone" in window.statusBar().currentMessage()


def test_mark_done_is_idempotent_undoable_and_reopen_is_its_own_action(window, project, documents, qtbot):
    reader = window.workspace.reader
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)
    assert status(project, "alice", documents[0]) == "done"
    assert window.workspace.document.id == documents[1]
    qtbot.keyClick(reader, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_D, CTRL)  # again: it stays done
    assert status(project, "alice", documents[0]) == "done"
    qtbot.keyClick(reader, Qt.Key.Key_PageUp, CTRL)
    window.actions["reopen"].trigger()
    assert status(project, "alice", documents[0]) == "in progress"
    assert "in progress" in window.meta_label.text()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)  # undo the re-opening: shown, and done again
    assert status(project, "alice", documents[0]) == "done"
    assert window.workspace.document.id == documents[0]
    assert "done" in window.meta_label.text()
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)  # undo the first mark-done
    assert status(project, "alice", documents[0]) == "todo"


def test_find_matches_typographic_apostrophes_spaces_and_optional_case_and_accents(window, qtbot):
    reader = window.workspace.reader
    qtbot.keyClick(reader, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.query_edit.hasFocus()
    qtbot.keyClicks(bar.query_edit, "LIBERTE d'expression")  # straight apostrophe, plain space, no accent
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    start = EMOJI_TEXT.index("liberté")
    assert reader.selection() == (start, start + len("liberté\u00a0d’expression"))
    bar.accents_check.setChecked(True)
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.count_label.text().startswith("0")
    bar.accents_check.setChecked(False)
    bar.case_check.setChecked(True)
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.count_label.text().startswith("0")
    bar.query_edit.setText("liberte d’expression")
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.count_label.text().startswith("1")


def window_on(qtbot, project, settings, name="alice"):
    from annotator.gui.main_window import MainWindow

    win = MainWindow(project, name, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_empty_project_shows_an_import_prompt_and_disables_what_needs_articles(
        qtbot, project, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: None)
    window = window_on(qtbot, project, settings)
    qtbot.wait(50)
    prompt = window.empty_prompt
    assert prompt.isVisible() and not window.workspace.reader.isVisible()
    assert "Ctrl+I" in prompt.text() and "drop" in prompt.text().lower()
    assert "Import a folder" in prompt.text() and prompt.folder_button.isVisible()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: asked.append(args[1]) or "")
    prompt.folder_button.click()  # the folder dialog, cancelled: nothing happens
    assert asked == ["Import a folder of articles"] and prompt.isVisible()
    assert not window.workspace.questions_panel.isEnabled()
    for key in ("find", "mark_done", "reopen", "next", "previous", "export", "retrieve"):
        assert not window.actions[key].isEnabled(), key
    article = tmp_path / "article.txt"
    article.write_text(PLAIN_TEXT, encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(article))])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.workspace.document is not None, timeout=10000)
    assert not prompt.isVisible() and window.workspace.reader.isVisible()
    assert window.workspace.questions_panel.isEnabled() and window.actions["find"].isEnabled()
    window.close()


def test_missing_system_library_names_the_package_to_install():
    from annotator.gui.platform_check import missing_library_message

    def load(_path):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    message = missing_library_message(load=load, platform="linux", environ={"DISPLAY": ":0"},
                                      plugin="/x/libqxcb.so")
    assert message is not None and "\n" not in message
    assert "libxcb-cursor0" in message and "apt install" in message
    assert missing_library_message(load=lambda _p: None, platform="linux", environ={"DISPLAY": ":0"},
                                   plugin="/x/libqxcb.so") is None
    assert missing_library_message(load=load, platform="linux", environ={"QT_QPA_PLATFORM": "offscreen"},
                                   plugin="/x/libqxcb.so") is None
    from annotator.gui.platform_check import debian_package

    assert [debian_package(n) for n in ("libxkbcommon-x11.so.0", "libEGL.so.1", "libdbus-1.so.3")] == [
        "libxkbcommon-x11-0", "libegl1", "libdbus-1-3"]
