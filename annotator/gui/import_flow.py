"""Importing from the GUI: choose files or take dropped ones, run the import off-thread, show the summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.gui.tasks import Task, error_text


def run_import(window, paths: list[str] | None = None) -> Task | None:
    """Import `paths` (or files the user picks) into the window's project in the background."""
    if not paths:
        paths, _ = QFileDialog.getOpenFileNames(
            window, QCoreApplication.translate("Import", "Import articles"), "",
            QCoreApplication.translate("Import", "Articles (*.html *.htm *.txt *.xml *.csv *.jsonl *.json *.ann);;"
                                                 "All files (*)"),
        )
    if not paths:
        return None
    from annotator.services.importing import import_paths
    from annotator.store import Project

    project_path, annotator = window.project.path, window.annotator

    def work(progress, cancelled):
        with Project.open(project_path, backup=False) as project:
            return import_paths(project, paths, annotator=None, fallback_annotator=annotator,
                                progress=progress, cancel=cancelled)

    def done(report, error):
        if error is not None:
            QMessageBox.critical(window, QCoreApplication.translate("Import", "Import failed"), error_text(error))
        elif report is not None:
            from annotator.gui.summaries import import_summary

            QMessageBox.information(window, QCoreApplication.translate("Import", "Import finished"),
                                    import_summary(report))
        window.after_import()

    return window.tasks.start("import", work, done, title=QCoreApplication.translate("Import", "Importing articles…"),
                              dialog_parent=window)
