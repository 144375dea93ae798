"""The main window: document list, reader, codebook, spans and questions; menus and status bar.

Moving between articles is in window_navigation.py, the find bar's actions in window_find.py, project files
(import, export, opening and switching projects) in window_files.py."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog, QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from annotator import __version__
from annotator.core.change import Action, Change
from annotator.gui.document_list import DocumentListPanel
from annotator.gui.empty_prompt import EmptyProjectPrompt
from annotator.gui.find_bar import FindBar
from annotator.gui.fitting_label import FittingLabel, make_room_for_messages
from annotator.gui.plain_text import plain_label
from annotator.gui.questions_panel import QuestionsArea
from annotator.gui.review import build_review_menu
from annotator.gui.settings import Settings
from annotator.gui.tasks import TaskRunner
from annotator.gui.theme import style_window
from annotator.gui.window_files import ProjectFiles
from annotator.gui.window_find import FindActions
from annotator.gui.window_navigation import DocumentNavigation
from annotator.gui.workspace import Workspace
from annotator.store import Project

MIN_POINT, MAX_POINT = 8.0, 32.0
MIN_READER_CHARACTERS = 40  # the central column never gets narrower than this many characters


class MainWindow(DocumentNavigation, FindActions, ProjectFiles, QMainWindow):
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
        self.empty_prompt.folder_requested.connect(self.import_folder)
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
        self.questions_area = QuestionsArea(self.workspace.questions_panel, self)  # scrolls when short of room
        right.addWidget(self.questions_area)
        right.setSizes([380, 260, 140])
        right.setStretchFactor(1, 1)  # a taller or shorter window changes the spans' room, not the codebook's
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
        # Fields that take less room when the status bar is short of it (a small screen, a large text size).
        self.saved_label = FittingLabel("", self)
        project = self.tr("Project: %s") % self.project.name + "  ·"  # whole unless the name is long
        self.statusBar().addPermanentWidget(FittingLabel(project, self, min_characters=min(len(project), 32)))
        self.annotator_label = FittingLabel(self.tr("Annotator: %s") % self.annotator + "  ·", self,
                                            min_characters=24)
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.saved_label.set_texts(self.tr("All changes saved"), self.tr("Saved"))
        make_room_for_messages(self.statusBar(), [self.learning.status], [self.saved_label])

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
        # The whole codebook first (its keys are what a new annotator needs), up to 55% of the height.
        codebook = min(self.workspace.codebook_panel.full_height(), int(height * 0.55))
        questions = int(height * 0.18)
        self._right_panel.setSizes([codebook, height - codebook - questions, questions])

    def _open_initial_document(self) -> None:
        if self.project.closed:
            return
        document_id, offset = self.settings.last_position(self.project.project_id)
        if not (document_id and self.project.documents.has(document_id)
                and self.document_list.model.row_of(document_id) >= 0):  # the list holds what this person codes
            document_id, offset = self.document_list.model.document_id(0) or "", 0
        if document_id:
            self.open_document(document_id, offset)
            self._restore_view()
        self.update_empty_state()
        self.workspace.reader.setFocus()

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
        span = self.workspace.selected_span
        view.start_on(span.label_id if span else None)
        view.show()
        view.raise_()
        view.activateWindow()
        return view

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
