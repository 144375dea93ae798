"""The main window: document list, reader, codebook, spans and questions; menus and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from annotator import __version__
from annotator.core.change import Action, Change
from annotator.core.model import Span
from annotator.gui.document_list import DocumentListPanel
from annotator.gui.find_bar import FindBar, LabelAllPreview
from annotator.gui.review import build_review_menu
from annotator.gui.settings import Settings
from annotator.gui.tasks import TaskRunner
from annotator.gui.theme import style_window
from annotator.gui.workspace import Workspace
from annotator.store import Project
from annotator.store.search import find_in_documents

MIN_POINT, MAX_POINT = 8.0, 32.0


class MainWindow(QMainWindow):
    """One project open for one annotator. The window owns the project: closing it waits for its
    background work, then closes the project."""

    closed = Signal()

    def __init__(self, project: Project, annotator: str, settings: Settings | None = None, language: str = "en"):
        super().__init__()
        self.project = project
        self.annotator = annotator
        project.team.identify(annotator)  # every reading path shows what this person may see
        self.settings = settings or Settings()
        self.language = language
        self.setWindowTitle(self.tr("Framing Annotator — %s") % project.name)
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self._build_central()
        self._build_docks()
        self.actions: dict[str, QAction] = {}
        from annotator.gui.menus import build_menus

        build_menus(self)
        from annotator.gui.team import build_team_menu

        build_team_menu(self)
        build_review_menu(self)
        self._build_status()
        self.workspace.snap_to_words = self.settings.snap_to_words
        self.workspace.show_suggestions = self.settings.q.value("reader/show_suggestions", True, type=bool)
        self.workspace.reader.set_point_size(self.settings.point_size)
        style_window(self, self.settings.high_contrast)
        self._set_focus_order()
        self._restore_layout()
        QTimer.singleShot(0, self._open_initial_document)

    # -- construction ----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.workspace = Workspace(self.project, self.annotator, self.undo_stack, self, self.language, self.tasks)
        self.workspace.changed.connect(self._on_change)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("metaLine")
        self.meta_label.setStyleSheet("color: #555; padding: 6px 28px 0 28px;")
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label = QLabel(self.tr(
            "Tip: select words in the text, then press a label's key (shown in the codebook panel on the right). "
            "Ctrl+Z undoes, Ctrl+D marks the article done, F1 lists every shortcut."), self)
        self.hint_label.setObjectName("firstSpanHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("background: #FFF6D5; color: #3A3000; padding: 6px 28px;")
        self.hint_label.setVisible(not self.settings.q.value("hints/first_span_done", False, type=bool))
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.set_labels(self.project.codebook.labels(), self.language)
        self.find_bar.find_requested.connect(self.find_in_document)
        self.find_bar.label_all_requested.connect(self.label_all_occurrences)
        self.find_bar.closed.connect(self.workspace.reader.setFocus)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.workspace.reader, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.document_list = DocumentListPanel(self.project, self.annotator, self)
        self.document_list.document_activated.connect(self.open_document)
        self._dock(self.tr("Documents"), "documentsDock", self.document_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.workspace.codebook_panel)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.workspace.span_list, self.tr("Spans"))
        self.side_tabs.addTab(self.workspace.suggestion_panel, self.tr("Suggestions"))
        self.workspace.suggestion_panel.model.modelReset.connect(self._update_suggestion_tab)
        right.addWidget(self.side_tabs)
        right.addWidget(self.workspace.questions_panel)
        right.setSizes([380, 260, 140])
        self._dock(self.tr("Codebook, spans and questions"), "codebookDock", right,
                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.document_list.setMinimumWidth(400)
        right.setMinimumWidth(380)

    def _update_suggestion_tab(self) -> None:
        count = len(self.workspace.suggestions)
        self.side_tabs.setTabText(1, self.tr("Suggestions (%s)") % count if count else self.tr("Suggestions"))

    def set_show_suggestions(self, on: bool) -> None:
        self.settings.q.setValue("reader/show_suggestions", bool(on))
        self.workspace.set_show_suggestions(on)

    def _set_focus_order(self) -> None:
        """Tab moves left to right: document filters and list, the text, the side tabs, the questions."""
        self.workspace.reader.setTabChangesFocus(True)  # read-only text: Tab never types
        for table in (self.document_list.view, self.workspace.span_list, self.workspace.suggestion_panel.view):
            table.setTabKeyNavigation(False)  # arrows move between cells, Tab leaves the table
        self.side_tabs.setAccessibleName(self.tr("Spans and suggestions"))
        self.side_tabs.tabBar().setAccessibleName(self.tr("Spans and suggestions"))
        chain = [self.document_list.filter_edit, self.document_list.status_combo, self.document_list.view,
                 self.workspace.reader]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _build_status(self) -> None:
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Project: %s") % self.project.name + "  ·", self))
        self.annotator_label = QLabel(self.tr("Annotator: %s") % self.annotator + "  ·", self)
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.saved_label.setText(self.tr("All changes saved"))

    def _restore_layout(self) -> None:
        geometry = self.settings.q.value("window/geometry")
        state = self.settings.q.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _open_initial_document(self) -> None:
        if self.project.closed:
            return
        document_id, offset = self.settings.last_position(self.project.project_id)
        if not (document_id and self.project.documents.has(document_id)
                and self.document_list.model.row_of(document_id) >= 0):  # the list holds what this person codes
            document_id, offset = self.document_list.model.document_id(0) or "", 0
        if document_id:
            self.open_document(document_id, offset)
        self.workspace.reader.setFocus()

    # -- documents and navigation ----------------------------------------------------------

    def open_document(self, document_id: str, offset: int | None = None) -> None:
        if self.workspace.document is not None and self.workspace.document.id == document_id and offset is None:
            return
        self._remember_position()
        self.workspace.show_document(document_id, offset)
        self.document_list.select_document(document_id)
        self._show_meta()
        self.workspace.reader.setFocus()

    def _show_meta(self) -> None:
        """The line above the text: outlet, date, author, language and this annotator's status."""
        doc = self.workspace.document
        if doc is None:
            return
        parts = [p for p in (doc.outlet, doc.published[:10], doc.author, doc.language.upper()) if p]
        status = self.project.assignments.status(self.annotator, doc.id)
        parts.append({"todo": self.tr("to do"), "in progress": self.tr("in progress"), "done": self.tr("done")}[status])
        self.meta_label.setText("  ·  ".join(parts))

    def _remember_position(self) -> None:
        if self.workspace.document is not None:
            self.settings.set_last_position(self.project.project_id, self.workspace.document.id,
                                            self.workspace.reader.cursor_offset())

    def _neighbour(self, step: int, not_done: bool = False) -> str | None:
        model = self.document_list.model
        current = self.workspace.document.id if self.workspace.document else None
        row = model.row_of(current) if current else -1
        while True:
            row += step
            if row < 0:
                return None
            if row >= model.rowCount():
                if not model.canFetchMore():
                    return None
                model.fetchMore()
                continue
            data = model.row_data(row)
            if data and (not not_done or data.status != "done"):
                return data.id

    def next_document(self) -> None:
        document_id = self._neighbour(1)
        if document_id:
            self.open_document(document_id)

    def previous_document(self) -> None:
        document_id = self._neighbour(-1)
        if document_id:
            self.open_document(document_id)

    def next_not_done(self) -> None:
        document_id = self._neighbour(1, not_done=True)
        if document_id is None:
            self.statusBar().showMessage(self.tr("Every document after this one is done."), 5000)
        else:
            self.open_document(document_id)

    def mark_done(self) -> None:
        """Mark the current document done for this annotator, then move to the next one not done."""
        if self.workspace.document is None:
            return
        document_id = self.workspace.document.id
        new = "todo" if self.project.assignments.status(self.annotator, document_id) == "done" else "done"
        self._on_change(self.project.assignments.set_status(self.annotator, document_id, new))
        if new == "done":
            self.next_not_done()

    # -- find --------------------------------------------------------------------------------

    def show_find(self) -> None:
        selection = self.workspace.reader.textCursor().selectedText()
        self.find_bar.open(selection if selection and len(selection) < 80 else "")

    def find_in_document(self, query: str, direction: int) -> None:
        from annotator.core.search import find_occurrences

        doc = self.workspace.document
        if doc is None:
            return
        hits = find_occurrences(doc.text, query)
        self.find_bar.count_label.setText(self.tr("%s found") % len(hits))
        if not hits:
            return
        here = self.workspace.reader.cursor_offset()
        if direction > 0:
            target = next((h for h in hits if h[0] >= here), hits[0])
        else:
            target = next((h for h in reversed(hits) if h[1] < here), hits[-1])
        # The cursor ends after the match, so the next search moves on.
        self.workspace.reader.select_range(*target)
        self.workspace.reader.ensureCursorVisible()

    def label_all_occurrences(self, query: str, label_id: str, corpus: bool) -> None:
        doc = self.workspace.document
        if doc is None:
            return
        ids = None if corpus else [doc.id]
        occurrences = find_in_documents(self.project, query, ids)
        if not occurrences:
            QMessageBox.information(self, self.tr("Label all"), self.tr("No occurrence found."))
            return
        already = set()
        for document_id in {o.document_id for o in occurrences}:
            already |= {(s.document_id, s.start, s.end) for s in self.project.spans.of_document(document_id, self.annotator)
                        if s.label_id == label_id}
        label = self.project.codebook.label(label_id)
        preview = LabelAllPreview(occurrences, label.display_name(self.language), already, self)
        self._last_preview = preview
        if not preview.exec():
            return
        spans = [Span(document_id=o.document_id, annotator=self.annotator, label_id=label_id,
                      start=o.start, end=o.end, text=o.text) for o in preview.chosen()]
        if spans and self.workspace.add_spans(spans, self.tr("Label all “%s”") % query):
            self.statusBar().showMessage(self.tr("%s span(s) added") % len(spans), 5000)
            self.document_list.model.reload()

    # -- view ----------------------------------------------------------------------------------

    def change_font(self, step: float) -> None:
        size = max(MIN_POINT, min(MAX_POINT, self.settings.point_size + step))
        self.settings.point_size = size
        self.workspace.reader.set_point_size(size)

    def set_snapping(self, on: bool) -> None:
        self.settings.snap_to_words = on
        self.workspace.snap_to_words = on

    def preferences(self) -> None:
        from annotator.gui.settings_dialog import edit_preferences

        edit_preferences(self)

    # -- refresh after writes ----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        from datetime import datetime

        self.saved_label.setText(self.tr("Saved %s") % datetime.now().strftime("%H:%M:%S"))
        if change.spans and self.hint_label.isVisible():
            self.hint_label.hide()
            self.settings.q.setValue("hints/first_span_done", True)
        for document_id in change.documents:
            self.document_list.model.refresh_document(document_id)
        if change.action is Action.STATUS_SET and self.workspace.document is not None \
                and self.workspace.document.id in change.documents:
            self._show_meta()

    # -- project files -------------------------------------------------------------------------

    def import_files(self, paths: list[str] | None = None) -> None:
        from annotator.gui.import_flow import run_import

        run_import(self, paths)

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
            QMessageBox.critical(self, self.tr("Cannot create project"), str(exc))
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

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Save the layout, stop the background work, close the dialogs on this project, then the project."""
        if not self.project.closed:
            self._remember_position()
        self.settings.q.setValue("window/geometry", self.saveGeometry())
        self.settings.q.setValue("window/state", self.saveState())
        self.settings.q.sync()
        self.tasks.shutdown()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
        self.workspace.detach()
        self.project.close()
        super().closeEvent(event)
        self.closed.emit()

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Framing Annotator"),
            self.tr("<b>Framing Annotator</b> %1<br>Annotate how news articles frame events.<br><br>"
                    "Project file: %2").replace("%1", __version__).replace("%2", str(self.project.path)),
        )
