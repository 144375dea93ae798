"""Dialogs the screenshot mode can open over the main window (`main.py --screenshot F --show NAME`)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget


def _shortcuts(window) -> QWidget:
    from annotator.gui.menus import ShortcutsDialog

    return ShortcutsDialog(window)


def _preferences(window) -> QWidget:
    from annotator.gui.settings_dialog import SettingsDialog

    return SettingsDialog(window.settings, window)


def _codebook_editor(window) -> QWidget:
    from annotator.gui.codebook_editor import CodebookEditor

    editor = CodebookEditor(window.project, window, window.language)
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0).child(0))  # the first span label, not its heading
    return editor


def _export(window) -> QWidget:
    from annotator.gui.export_dialog import ExportDialog

    return ExportDialog(window.project, window)


def _retrieval(window) -> QWidget:
    view = window.open_retrieval()
    view.choose("scare_quote")
    return view


SCREENS: dict[str, Callable[[QWidget], QWidget]] = {
    "retrieval": _retrieval,
    "shortcuts": _shortcuts,
    "preferences": _preferences,
    "codebook-editor": _codebook_editor,
    "export": _export,
}


def open_screen(window, name: str) -> QWidget:
    """Build and show the dialog called `name` over `window` (not modal, so the caller can grab it)."""
    dialog = SCREENS[name](window)
    dialog.show()
    dialog.raise_()
    return dialog
