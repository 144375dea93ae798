"""The main window's menus and their keyboard shortcuts, and the Help > Keyboard shortcuts window."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QMenu, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from annotator.core.paths import resources_dir


# translate("Menus", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def reader_keys() -> list[tuple[str, str]]:
    """Keys the reader handles itself (not menu actions), listed in the shortcuts window."""
    # Key names are translated too: French keyboards say Maj, Entrée, Suppr, Échap.
    return [
        (translate("Menus", "Label key (see the codebook panel)"),
         translate("Menus", "Label the selection, or relabel the selected span")),
        (translate("Menus", "Shift+←/→/↑/↓"), translate("Menus", "Select text from the keyboard")),
        (translate("Menus", "Alt+↓ / Alt+↑"), translate("Menus", "Cycle through the spans under the cursor")),
        (translate("Menus", "Alt+Shift+→ / ←"), translate("Menus", "Move the selected span's end by a word")),
        (translate("Menus", "Ctrl+Alt+← / →"), translate("Menus", "Move the selected span's start by a word")),
        (translate("Menus", "Enter"), translate("Menus", "Edit the selected span's note and attributes")),
        (translate("Menus", "Delete"), translate("Menus", "Delete the selected span")),
        (translate("Menus", "Esc"), translate("Menus", "Deselect the span")),
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
    file_menu = bar.addMenu(translate("Menus", "&File"))
    _add(window, file_menu, "new", translate("Menus", "&New project…"), window.new_project_dialog, "Ctrl+N")
    _add(window, file_menu, "open", translate("Menus", "&Open project…"), window.open_project_dialog, "Ctrl+O")
    _add(window, file_menu, "demo", translate("Menus", "Open the &demo project"), window.open_demo_project,
         "Ctrl+Shift+O")
    recent = file_menu.addMenu(translate("Menus", "Open &recent"))
    for path in window.settings.recent_projects():
        action = recent.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.switch_project(__import__("pathlib").Path(p)))
    file_menu.addSeparator()
    _add(window, file_menu, "import", translate("Menus", "&Import articles…"), window.import_files, "Ctrl+I")
    _add(window, file_menu, "import_folder", translate("Menus", "Import a &folder…"), window.import_folder,
         "Ctrl+Shift+F")
    _add(window, file_menu, "export", translate("Menus", "&Export…"), window.export_dialog, "Ctrl+E")
    file_menu.addSeparator()
    _add(window, file_menu, "quit", translate("Menus", "&Quit"), window.close, "Ctrl+Q")

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    undo = window.undo_stack.createUndoAction(window, translate("Menus", "&Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.undo_stack.createRedoAction(window, translate("Menus", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    window.actions["undo"], window.actions["redo"] = undo, redo
    edit_menu.addSeparator()
    _add(window, edit_menu, "find", translate("Menus", "&Find…"), window.show_find, "Ctrl+F")
    ws = window.workspace
    _add(window, edit_menu, "edit_span", translate("Menus", "Span &note and attributes…"), ws.edit_selected,
         "Ctrl+Return")
    _add(window, edit_menu, "delete_span", translate("Menus", "&Delete span"), ws.delete_selected, "Ctrl+Backspace")
    edit_menu.addSeparator()
    _add(window, edit_menu, "codebook", translate("Menus", "Edit &codebook…"), window.edit_codebook,
         "Ctrl+Shift+K")
    _add(window, edit_menu, "preferences", translate("Menus", "&Preferences…"), window.preferences, "Ctrl+,")

    go_menu = bar.addMenu(translate("Menus", "&Go"))
    _add(window, go_menu, "next", translate("Menus", "&Next document"), window.next_document, "Ctrl+PgDown")
    _add(window, go_menu, "previous", translate("Menus", "&Previous document"), window.previous_document,
         "Ctrl+PgUp")
    _add(window, go_menu, "next_not_done", translate("Menus", "Next document &not done"), window.next_not_done,
         "Ctrl+Shift+PgDown")
    _add(window, go_menu, "mark_done", translate("Menus", "&Mark done (and go to the next)"), window.mark_done,
         "Ctrl+D")
    _add(window, go_menu, "next_by_uncertainty",
         translate("Menus", "Next not done: the article the model is least &sure about"),
         window.learning.set_order_by_uncertainty, "Ctrl+Shift+H", checkable=True,
         checked=window.learning.by_uncertainty)
    _add(window, go_menu, "reopen", translate("Menus", "&Re-open this article (no longer done)"),
         window.reopen_document, "Ctrl+R")
    _add(window, go_menu, "focus_list", translate("Menus", "Go to the &document list"),
         lambda: window.document_list.view.setFocus(), "Ctrl+L")
    _add(window, go_menu, "focus_reader", translate("Menus", "Go to the &text"),
         lambda: window.workspace.reader.setFocus(), "Ctrl+T")

    view_menu = bar.addMenu(translate("Menus", "&View"))
    bigger = _add(window, view_menu, "bigger", translate("Menus", "&Larger text"), lambda: window.change_font(1.0),
                  "Ctrl++")
    bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    _add(window, view_menu, "smaller", translate("Menus", "&Smaller text"), lambda: window.change_font(-1.0),
         "Ctrl+-")
    _add(window, view_menu, "snap", translate("Menus", "Snap selections to &whole words"), window.set_snapping,
         "Ctrl+W", checkable=True, checked=window.settings.snap_to_words)
    _add(window, view_menu, "suggestions", translate("Menus", "Show &suggestions (framing devices the app found)"),
         window.set_show_suggestions, "Ctrl+Shift+S", checkable=True, checked=window.workspace.show_suggestions)
    _add(window, view_menu, "recommendations",
         translate("Menus", "Show the &model's recommendations (it learns from the annotations)"),
         window.learning.set_enabled, "Ctrl+Shift+I", checkable=True, checked=window.learning.enabled)
    _add(window, view_menu, "label_names", translate("Menus", "Show label &names beside the text"),
         window.set_label_names, "Ctrl+Shift+T", checkable=True,
         checked=window.settings.label_names)
    view_menu.addSeparator()
    _add(window, view_menu, "retrieve", translate("Menus", "&Coded segments of a label…"), window.open_retrieval,
         "Ctrl+Shift+R")

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    _add(window, help_menu, "shortcuts", translate("Menus", "&Keyboard shortcuts"),
         lambda: ShortcutsDialog(window).exec(), "F1")
    _add(window, help_menu, "guide", translate("Menus", "&User guide"), lambda: open_user_guide(window), "Shift+F1")
    _add(window, help_menu, "about", translate("Menus", "&About Framing Annotator"), window.about, "Ctrl+F1")


def menu_actions(window) -> list[tuple[str, QAction]]:
    """Every action of the menu bar with its menu's title; project lists (Open recent) left out."""
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        title = top.text().replace("&", "")
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                found.append((title, action))
    return found


def user_guide_path() -> Path:
    """The user guide's index, docs/user-guide.md beside the resources folder."""
    return resources_dir().parent / "docs" / "user-guide.md"


def open_user_guide(window) -> bool:
    """Open the user guide in the system's viewer for Markdown files; explain if it is missing."""
    path = user_guide_path()
    if path.exists() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(window, translate("Menus", "User guide"), translate(
        "Menus", "The user guide could not be opened. It is the Markdown file %1.").replace("%1", str(path)))
    return False


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut: the menus' (Team and Review included) and the reader's."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(translate("Menus", "Keyboard shortcuts"))
        self.resize(680, 600)
        native = QKeySequence.SequenceFormat.NativeText
        rows = [(", ".join(k.toString(native) for k in action.shortcuts()), action.text().replace("&", ""), menu)
                for menu, action in menu_actions(window) if action.shortcuts()]
        reader = translate("Menus", "Text")
        rows += [(keys, text, reader) for keys, text in reader_keys()]
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels([translate("Menus", "Keys"), translate("Menus", "Action"),
                                         translate("Menus", "Menu")])
        table.setAccessibleName(translate("Menus", "Keyboard shortcuts"))
        for i, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(i, column, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
