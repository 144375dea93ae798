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


def _codebook_question(window) -> QWidget:
    editor = _codebook_editor(window)
    question = next(l.id for l in window.project.codebook.labels() if l.kind == "document")
    editor.select_label(question)
    return editor


def _agreement(window) -> QWidget:
    from annotator.gui.review import open_agreement

    return open_agreement(window)


def _disagreements(window) -> QWidget:
    from annotator.gui.review import open_disagreements

    return open_disagreements(window)


def _progress(window) -> QWidget:
    from annotator.gui.team import ProgressDialog

    return ProgressDialog(window.project, window)


def _annotators(window) -> QWidget:
    from annotator.gui.team import AnnotatorsDialog

    return AnnotatorsDialog(window.project, window.annotator, window)


SCREENS: dict[str, Callable[[QWidget], QWidget]] = {
    "retrieval": _retrieval,
    "shortcuts": _shortcuts,
    "preferences": _preferences,
    "codebook-editor": _codebook_editor,
    "codebook-question": _codebook_question,
    "export": _export,
    "agreement": _agreement,
    "disagreements": _disagreements,
    "progress": _progress,
    "annotators": _annotators,
}


def ready(dialog: QWidget | None) -> bool:
    """True once a dialog that computes in the background (agreement, disagreements) has its report."""
    return dialog is None or not hasattr(dialog, "report") or dialog.report is not None


def open_screen(window, name: str) -> QWidget:
    """Build and show the dialog called `name` over `window` (not modal, so the caller can grab it)."""
    dialog = SCREENS[name](window)
    dialog.show()
    dialog.raise_()
    return dialog
