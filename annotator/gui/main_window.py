"""The main window: document list, reader, codebook, spans and questions; menus and status bar."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from annotator import __version__
from annotator.core.change import Action, Change
from annotator.core.model import Span
from annotator.gui.document_list import DocumentListPanel
from annotator.gui.empty_prompt import EmptyProjectPrompt
from annotator.gui.find_bar import FindBar, LabelAllPreview
from annotator.gui.plain_text import plain, plain_label
from annotator.gui.review import build_review_menu
from annotator.gui.settings import Settings
from annotator.gui.tasks import TaskRunner
from annotator.gui.theme import style_window
from annotator.gui.workspace import Workspace
from annotator.store import Project
from annotator.store.search import find_in_documents

MIN_POINT, MAX_POINT = 8.0, 32.0
MIN_READER_CHARACTERS = 40  # the central column never gets narrower than this many characters
# Actions that need an article on screen (disabled in a project without articles).
NEEDS_AN_ARTICLE = ("find", "mark_done", "reopen", "next", "previous", "next_not_done", "export", "retrieve",
                    "edit_span", "delete_span", "label_names")


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
        from annotator.gui.learning import LearningController

        self.learning = LearningController(self)
        from annotator.gui.menus import build_menus

        build_menus(self)
        from annotator.gui.team import build_team_menu

        build_team_menu(self)
        build_review_menu(self)
        self._build_status()
        self.workspace.snap_to_words = self.settings.snap_to_words
        self.workspace.show_suggestions = self.settings.q.value("reader/show_suggestions", True, type=bool)
        self.workspace.reader.set_point_size(self.settings.point_size)
        self.workspace.reader.set_show_names(self.settings.label_names)
        style_window(self, self.settings.high_contrast)
        self._set_focus_order()
        self._restore_layout()
        QTimer.singleShot(0, self._open_initial_document)

    # -- construction ----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.workspace = Workspace(self.project, self.annotator, self.undo_stack, self, self.language, self.tasks)
        self.workspace.changed.connect(self._on_change)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.workspace.document_requested.connect(self.open_document)
        self._rows_to_refresh: set[str] = set()
        self._row_timer = QTimer(self)  # the list's span counts follow a burst of key presses once
        self._row_timer.setSingleShot(True)
        self._row_timer.setInterval(150)
        self._row_timer.timeout.connect(self._refresh_rows)
        self.meta_label = plain_label("", self)
        self.meta_label.setObjectName("metaLine")
        self.meta_label.setStyleSheet("color: #555; padding: 6px 28px 0 28px;")
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label.setWordWrap(True)
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
        self.empty_prompt = EmptyProjectPrompt(self)
        self.empty_prompt.import_requested.connect(lambda: self.import_files())
        legend = self.workspace.overlay_legend
        legend.setStyleSheet("color: #333; padding: 2px 28px;")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(legend)
        layout.addWidget(self.workspace.reader, 1)
        layout.addWidget(self.empty_prompt, 1)
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
        self.documents_dock = self._dock(self.tr("Documents"), "documentsDock", self.document_list,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.workspace.codebook_panel)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.workspace.span_list, self.tr("Spans"))
        self.side_tabs.addTab(self.workspace.suggestion_panel, self.tr("Suggestions"))
        self.side_tabs.addTab(self.workspace.memo_panel, self.tr("Memo"))
        model = self.workspace.suggestion_panel.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_suggestion_tab)
        right.addWidget(self.side_tabs)
        right.addWidget(self.workspace.questions_panel)
        right.setSizes([380, 260, 140])
        self.codebook_dock = self._dock(self.tr("Codebook, spans and questions"), "codebookDock", right,
                   Qt.DockWidgetArea.RightDockWidgetArea)
        self._right_panel = right
        self._apply_minimum_widths()

    def _apply_minimum_widths(self) -> None:
        """Panel widths in characters of the interface font, so that they follow a larger text size."""
        characters = self.fontMetrics().averageCharWidth()
        self.document_list.setMinimumWidth(22 * characters)
        self._right_panel.setMinimumWidth(28 * characters)
        self.centralWidget().setMinimumWidth(MIN_READER_CHARACTERS * characters)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_right_panel"):
            self._apply_minimum_widths()

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
        self.statusBar().addPermanentWidget(plain_label(self.tr("Project: %s") % self.project.name + "  ·", self))
        self.annotator_label = plain_label(self.tr("Annotator: %s") % self.annotator + "  ·", self)
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.saved_label.setText(self.tr("All changes saved"))

    def _restore_layout(self) -> None:
        geometry = self.settings.q.value("window/geometry")
        state = self.settings.q.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self.restoreState(state):
            return
        self._first_layout = True  # no saved layout: the side panels get their share when first shown

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if getattr(self, "_first_layout", False):
            self._first_layout = False
            self.share_width()

    def share_width(self) -> None:
        """Give the document list about a fifth of the width and the codebook panel about a quarter,
        so the text keeps most of a small screen."""
        characters = self.fontMetrics().averageCharWidth()
        left = max(self.document_list.minimumWidth(), min(int(self.width() * 0.2), 40 * characters))
        right = max(self._right_panel.minimumWidth(), min(int(self.width() * 0.26), 52 * characters))
        self.resizeDocks([self.documents_dock, self.codebook_dock], [left, right], Qt.Orientation.Horizontal)
        height = max(self._right_panel.height(), self.height() - 120)
        self._right_panel.setSizes([int(height * 0.32), int(height * 0.5), int(height * 0.18)])

    def _open_initial_document(self) -> None:
        if self.project.closed:
            return
        document_id, offset = self.settings.last_position(self.project.project_id)
        if not (document_id and self.project.documents.has(document_id)
                and self.document_list.model.row_of(document_id) >= 0):  # the list holds what this person codes
            document_id, offset = self.document_list.model.document_id(0) or "", 0
        if document_id:
            self.open_document(document_id, offset)
        self.update_empty_state()
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
        current = self.workspace.document.id if self.workspace.document else None
        document_id = self.learning.next_document(current) or self._neighbour(1, not_done=True)
        if document_id is None:
            self.statusBar().showMessage(self.tr("Every document after this one is done."), 5000)
        else:
            self.open_document(document_id)

    def mark_done(self) -> None:
        """Mark the current document done for this annotator (undoable), then go to the next one not done.
        A document already done stays done: re-opening it is its own action."""
        if self.workspace.document is None:
            return
        if self.workspace.status == "done":
            self.statusBar().showMessage(self.tr("This article was done already."), 5000)
        elif not self.workspace.set_status("done", self.tr("Mark done")):
            return
        self.next_not_done()

    def reopen_document(self) -> None:
        """Set a done article back to "in progress" (undoable)."""
        if self.workspace.document is None:
            return
        if self.workspace.status != "done":
            self.statusBar().showMessage(self.tr("This article is not done: nothing to re-open."), 5000)
            return
        if self.workspace.set_status("in progress", self.tr("Re-open article")):
            self.statusBar().showMessage(self.tr("Re-opened: this article is in progress again."), 5000)

    # -- find --------------------------------------------------------------------------------

    def show_find(self) -> None:
        selection = self.workspace.reader.textCursor().selectedText()
        self.find_bar.open(selection if selection and len(selection) < 80 else "")

    def find_in_document(self, query: str, direction: int) -> None:
        from annotator.core.search import find_occurrences

        doc = self.workspace.document
        if doc is None:
            return
        hits = find_occurrences(doc.text, query, case_sensitive=self.find_bar.case_check.isChecked(),
                                accent_sensitive=self.find_bar.accents_check.isChecked())
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
        occurrences = find_in_documents(self.project, query, ids, case_sensitive=self.find_bar.case_check.isChecked(),
                                        accent_sensitive=self.find_bar.accents_check.isChecked())
        if not occurrences:
            QMessageBox.information(self, self.tr("Label all"), self.tr("No occurrence found."))
            return
        already = set()
        for document_id in {o.document_id for o in occurrences}:
            already |= {(s.document_id, s.start, s.end) for s in self.project.spans.of_document(document_id, self.annotator)
                        if s.label_id == label_id}
        label = self.project.codebook.label(label_id)
        preview = LabelAllPreview(occurrences, label.display_name(self.language), already, self)
        if not preview.exec():
            return
        spans = [Span(document_id=o.document_id, annotator=self.annotator, label_id=label_id,
                      start=o.start, end=o.end, text=o.text) for o in preview.chosen()]
        if spans and self.workspace.add_spans(spans, self.tr("Label all “%s”") % query):
            self.statusBar().showMessage(self.tr("%s span(s) added") % len(spans), 5000)
            self.document_list.model.reload()

    # -- view ----------------------------------------------------------------------------------

    def set_label_names(self, on: bool) -> None:
        """Show or hide the label names beside the text."""
        self.settings.label_names = on
        self.workspace.reader.set_show_names(on)

    def open_retrieval(self) -> None:
        """The code-retrieval window: every segment of a label across the corpus (one per main window)."""
        from annotator.gui.retrieval_window import RetrievalWindow

        view = getattr(self, "retrieval_window", None)
        if view is None:
            view = RetrievalWindow(self.project, self.project.codebook.labels(), self)
            view.jump_requested.connect(self.jump_to_span)
            self.retrieval_window = view
        else:
            view.refresh_choices(self.project.codebook.labels(), self.project.team.coders())
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def jump_to_span(self, document_id: str, span_id: str, offset: int) -> None:
        """Show an article at a span (from the code-retrieval window)."""
        self.open_document(document_id)
        self.workspace.reader.place_cursor(offset)
        self.workspace.reader.scroll_to(offset)
        if span_id in {s.id for s in self.workspace.spans}:
            self.workspace.select_span(span_id)
        self.activateWindow()

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
        if change.action is Action.STATUS_SET:
            for document_id in change.documents:  # a status shows at once
                self.document_list.model.refresh_document(document_id)
            if self.workspace.document is not None and self.workspace.document.id in change.documents:
                self._show_meta()
        else:
            self._rows_to_refresh.update(change.documents)
            self._row_timer.start()

    def _refresh_rows(self) -> None:
        """The document list's rows (span counts) after a burst of edits."""
        if self.project.closed:
            return
        for document_id in self._rows_to_refresh:
            self.document_list.model.refresh_document(document_id)
        self._rows_to_refresh.clear()

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
            QMessageBox.critical(self, self.tr("Cannot create project"), plain(str(exc)))
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
                    "Project file: %2").replace("%1", __version__).replace("%2", escape(str(self.project.path))),
        )
