"""Importing from the GUI: choose files or take dropped ones, run the import off-thread, show the summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.gui.plain_text import plain
from annotator.gui.tasks import Task, error_text


def import_file_filter() -> str:
    """The open dialog's filter: every extension a reader takes (web pages, texts, corpora, brat,
    REFI-QDA, UIMA XMI, WebAnno TSV...), then all files."""
    from annotator.io.registry import IMPORT_EXTENSIONS

    patterns = " ".join(f"*{ext}" for ext in IMPORT_EXTENSIONS)
    return (QCoreApplication.translate("Import", "Articles and annotated files (%1)").replace("%1", patterns)
            + ";;" + QCoreApplication.translate("Import", "All files (*)"))


def choose_folder(window) -> list[str]:
    """Ask for a folder of articles (every file inside, sub-folders too); [] when cancelled."""
    folder = QFileDialog.getExistingDirectory(window, QCoreApplication.translate("Import", "Import a folder of articles"))
    return [folder] if folder else []


def run_import(window, paths: list[str] | None = None) -> Task | None:
    """Import `paths` (or files the user picks) into the window's project in the background."""
    if not paths:
        paths, _ = QFileDialog.getOpenFileNames(
            window, QCoreApplication.translate("Import", "Import articles"), "", import_file_filter())
    if not paths:
        return None
    from annotator.services.importing import import_paths

    source, annotator = window.project, window.annotator
    title = QCoreApplication.translate("Import", "Importing articles…")

    def work(progress, cancelled):
        def file_read(done, total, path):  # the services name a Path; the progress signal carries text
            progress(done, total, f"{title}\n{path.name}")

        with source.reopen() as project:
            return import_paths(project, paths, annotator=None, fallback_annotator=annotator,
                                progress=file_read, cancel=cancelled)

    def done(report, error):
        if error is not None:
            QMessageBox.critical(window, QCoreApplication.translate("Import", "Import failed"), plain(error_text(error)))
        elif report is not None:
            from annotator.gui.summaries import show_import_summary

            show_import_summary(window, report)  # a warning icon when anything was refused
        window.after_import()

    return window.tasks.start("import", work, done, title=title, dialog_parent=window)
