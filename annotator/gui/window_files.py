"""The main window's project files: import and export, the codebook editor, an empty project's prompt, files
dropped on the window, and opening, creating or switching projects and annotators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.gui.plain_text import plain
from annotator.gui.reasons import error_message
from annotator.store import Project

# Actions that need an article on screen (disabled in a project without articles).
NEEDS_AN_ARTICLE = ("find", "mark_done", "reopen", "next", "previous", "next_not_done", "export", "retrieve",
                    "edit_span", "delete_span", "label_names")


class ProjectFiles:
    """The MainWindow's part that brings articles in and out and opens other projects (mixed into MainWindow)."""

    def import_files(self, paths: list[str] | None = None) -> None:
        from annotator.gui.import_flow import run_import

        run_import(self, paths)

    def import_folder(self) -> None:
        """Import every article of a folder the user picks (as a dropped folder or `annotator import`)."""
        from annotator.gui.import_flow import choose_folder, run_import

        folder = choose_folder(self)
        if folder:
            run_import(self, folder)

    def export_dialog(self) -> None:
        from annotator.gui.export_dialog import run_export

        run_export(self)

    def edit_codebook(self) -> None:
        """Open the codebook editor; the panels follow its changes when it closes."""
        from annotator.gui.codebook_editor import CodebookEditor

        self.undo_stack.clear()  # label merges and deletions would leave older undo steps dangling
        CodebookEditor(self.project, self, self.language).exec()
        self.workspace.reload_codebook()
        self.find_bar.set_labels(self.project.codebook.labels(), self.language)

    def after_import(self) -> None:
        self.document_list.model.reload()
        self.workspace.reload_codebook()
        self.find_bar.set_labels(self.project.codebook.labels(), self.language)
        if self.workspace.document is None:
            self._open_initial_document()
        self.update_empty_state()

    def update_empty_state(self) -> None:
        """A project without articles shows how to import some, and disables what needs an article."""
        empty = self.workspace.document is None and self.project.documents.count() == 0
        self.empty_prompt.setVisible(empty)
        self.workspace.reader.setVisible(not empty)
        for widget in (self.workspace.questions_panel, self.workspace.codebook_panel, self.side_tabs):
            widget.setEnabled(not empty)
        for key in NEEDS_AN_ARTICLE:
            if key in self.actions:
                self.actions[key].setEnabled(not empty)
        if empty:
            self.find_bar.hide()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Framing Annotator projects (*.framing);;All files (*)"))
        if path:
            self.switch_project(Path(path))

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "untitled.framing",
                                              self.tr("Framing Annotator projects (*.framing)"))
        if not path:
            return
        from annotator.io.codebook_files import load_preset

        if not path.endswith(".framing"):
            path += ".framing"
        try:
            with Project.create(path) as project:
                project.codebook.install(load_preset("framing-devices"))
        except Exception as exc:  # noqa: BLE001 - shown to the user in plain words
            QMessageBox.critical(self, self.tr("Cannot create project"), plain(error_message(exc)))
            return
        self.switch_project(Path(path))

    def open_demo_project(self) -> None:
        from annotator.gui.app import open_window

        self._remember_position()
        if open_window(None, self.settings, parent_window=self) is not None:
            self.close()

    def switch_annotator(self, name: str) -> None:
        """Go on annotating this project under another name (remembered on this machine)."""
        from annotator.gui.app import open_window

        self._remember_position()
        window = open_window(self.project.path, self.settings, annotator=name)
        if window is not None:
            self.close()

    def switch_project(self, path: Path) -> None:
        from annotator.gui.app import open_window

        window = open_window(path, self.settings, parent_window=self)
        if window is not None:
            self.close()
