"""The main window's menus and their keyboard shortcuts, and the Help > Keyboard shortcuts window."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QTableWidget, QTableWidgetItem, QVBoxLayout, QHeaderView


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


# Keys the reader handles itself (not menu actions), listed in the shortcuts window.
def reader_keys() -> list[tuple[str, str]]:
    return [
        (_tr("Label key (see the codebook panel)"), _tr("Label the selection, or relabel the selected span")),
        ("Shift+←/→/↑/↓", _tr("Select text from the keyboard")),
        ("Alt+↓ / Alt+↑", _tr("Cycle through the spans under the cursor")),
        ("Alt+Shift+→ / ←", _tr("Move the selected span's end by a word")),
        ("Ctrl+Alt+← / →", _tr("Move the selected span's start by a word")),
        ("Enter", _tr("Edit the selected span's note and attributes")),
        ("Delete", _tr("Delete the selected span")),
        ("Esc", _tr("Deselect the span")),
    ]


def _add(window, menu: QMenu, key: str, text: str, slot: Callable, shortcut=None, checkable=False,
         checked=False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    if checkable:
        action.setChecked(checked)
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.actions[key] = action
    return action


def build_menus(window) -> None:
    """Create every menu of `window` (a MainWindow); each action calls one of its methods."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    _add(window, file_menu, "new", _tr("&New project…"), window.new_project_dialog, QKeySequence.StandardKey.New)
    _add(window, file_menu, "open", _tr("&Open project…"), window.open_project_dialog, QKeySequence.StandardKey.Open)
    _add(window, file_menu, "demo", _tr("Open the &demo project"), window.open_demo_project)
    recent = file_menu.addMenu(_tr("Open &recent"))
    for path in window.settings.recent_projects():
        action = recent.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.switch_project(__import__("pathlib").Path(p)))
    file_menu.addSeparator()
    _add(window, file_menu, "import", _tr("&Import articles…"), window.import_files, "Ctrl+I")
    _add(window, file_menu, "export", _tr("&Export…"), window.export_dialog, "Ctrl+E")
    file_menu.addSeparator()
    _add(window, file_menu, "quit", _tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu(_tr("&Edit"))
    undo = window.undo_stack.createUndoAction(window, _tr("&Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.undo_stack.createRedoAction(window, _tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    window.actions["undo"], window.actions["redo"] = undo, redo
    edit_menu.addSeparator()
    _add(window, edit_menu, "find", _tr("&Find…"), window.show_find, QKeySequence.StandardKey.Find)
    ws = window.workspace
    _add(window, edit_menu, "edit_span", _tr("Span &note and attributes…"), ws.edit_selected, "Ctrl+Return")
    _add(window, edit_menu, "delete_span", _tr("&Delete span"), ws.delete_selected, "Ctrl+Backspace")
    edit_menu.addSeparator()
    _add(window, edit_menu, "codebook", _tr("Edit &codebook…"), window.edit_codebook,
         "Ctrl+Shift+K")

    go_menu = bar.addMenu(_tr("&Go"))
    _add(window, go_menu, "next", _tr("&Next document"), window.next_document, "Ctrl+PgDown")
    _add(window, go_menu, "previous", _tr("&Previous document"), window.previous_document, "Ctrl+PgUp")
    _add(window, go_menu, "next_not_done", _tr("Next document &not done"), window.next_not_done,
         "Ctrl+Shift+PgDown")
    _add(window, go_menu, "mark_done", _tr("&Mark done (and go to the next)"), window.mark_done, "Ctrl+D")
    _add(window, go_menu, "focus_list", _tr("Go to the &document list"),
         lambda: window.document_list.view.setFocus(), "Ctrl+L")
    _add(window, go_menu, "focus_reader", _tr("Go to the &text"), lambda: window.workspace.reader.setFocus(),
         "Ctrl+T")

    view_menu = bar.addMenu(_tr("&View"))
    _add(window, view_menu, "bigger", _tr("&Larger text"), lambda: window.change_font(1.0),
         QKeySequence.StandardKey.ZoomIn)
    _add(window, view_menu, "smaller", _tr("&Smaller text"), lambda: window.change_font(-1.0),
         QKeySequence.StandardKey.ZoomOut)
    _add(window, view_menu, "snap", _tr("Snap selections to &whole words"), window.set_snapping, "Ctrl+W",
         checkable=True, checked=window.settings.snap_to_words)
    _add(window, view_menu, "suggestions", _tr("Show &suggestions (framing devices the app found)"),
         window.set_show_suggestions, "Ctrl+Shift+S", checkable=True, checked=window.workspace.show_suggestions)

    help_menu = bar.addMenu(_tr("&Help"))
    _add(window, help_menu, "shortcuts", _tr("&Keyboard shortcuts"), lambda: ShortcutsDialog(window).exec(),
         "F1")
    _add(window, help_menu, "about", _tr("&About Framing Annotator"), window.about)


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut: the menus' and the reader's."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(_tr("Keyboard shortcuts"))
        self.resize(560, 560)
        rows = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
                for a in window.actions.values() if not a.shortcut().isEmpty()]
        rows += reader_keys()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([_tr("Keys"), _tr("Action")])
        table.setAccessibleName(_tr("Keyboard shortcuts"))
        for i, (keys, text) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.table = table
