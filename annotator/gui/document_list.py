"""The document list: a lazily loaded, sortable, filterable table of the project's articles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from annotator.core.text import short_title
from annotator.gui.plain_text import plain
from annotator.store import Project
from annotator.store.documents import DocumentRow

PAGE_SIZE = 200
# Set aside in this order when the list is too narrow for every column: span count, outlet, date.
# The title and the status always show.
OPTIONAL_COLUMNS = (4, 1, 2)
OUTLET_WIDTH = 80
TITLE_MIN_CHARACTERS = 18
STATUS_COLOURS = {"todo": "#777777", "in progress": "#B8860B", "done": "#1B7837"}


class DocumentListModel(QAbstractTableModel):
    """Adapts project.documents.rows: fetches pages of 200 rows as the view scrolls."""

    COLUMNS = ("title", "outlet", "published", "status", "spans")

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self._project = project
        self._annotator = annotator
        self._rows: list[DocumentRow] = []
        self._total = 0
        self._filter = ""
        self._status: str | None = None
        self._sort = "position"
        self._descending = False
        self._assigned_only = False
        self.reload()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Outlet"), self.tr("Date"), self.tr("Status"), self.tr("Spans"))

    def reload(self) -> None:
        """Re-read from the first page (after a filter, sort or import)."""
        self.beginResetModel()
        self._total = self._project.documents.count(self._filter, self._annotator, self._status,
                                                    assigned_only=self._assigned_only)
        self._rows = self._project.documents.rows(
            0, PAGE_SIZE, self._filter, self._annotator, self._sort, self._descending, self._status,
            assigned_only=self._assigned_only,
        )
        self.endResetModel()

    def set_filter(self, text: str, status: str | None = None, assigned_only: bool | None = None) -> None:
        self._filter, self._status = text.strip(), status
        if assigned_only is not None:
            self._assigned_only = assigned_only
        self.reload()

    @property
    def assigned_only(self) -> bool:
        """True when the list (and Next, Ctrl+D) holds only the documents assigned to the annotator."""
        return self._assigned_only

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = self._project.documents.rows(
            len(self._rows), PAGE_SIZE, self._filter, self._annotator, self._sort, self._descending, self._status,
            assigned_only=self._assigned_only,
        )
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return short_title(row.title) or self.tr("(untitled)")  # a title as long as the text: its start
            if column == "published":
                return row.published[:10]
            if column == "status":
                return {"todo": self.tr("to do"), "in progress": self.tr("in progress"),
                        "done": self.tr("done")}[row.status]
            if column == "spans":
                return row.span_count
            return getattr(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return plain(short_title(row.title, 1000))
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column] if 0 <= column < len(self.COLUMNS) else "position"
        self._sort = {"published": "published", "spans": "spans"}.get(key, key)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- lookups ---------------------------------------------------------------------------

    def document_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, document_id: str) -> int:
        """Row of a document, fetching further pages until it appears (-1 if filtered out)."""
        while True:
            for i, row in enumerate(self._rows):
                if row.id == document_id:
                    return i
            if not self.canFetchMore():
                return -1
            self.fetchMore()

    def row_data(self, row: int) -> DocumentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_document(self, document_id: str) -> None:
        """Re-read one row's status and span count after an edit."""
        for i, row in enumerate(self._rows):
            if row.id == document_id:
                fresh = self._project.documents.rows(
                    0, 1, "", self._annotator, "position", False, None, only_id=document_id
                )
                if fresh:
                    self._rows[i] = fresh[0]
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return


class DocumentListPanel(QWidget):
    """Filter box, status filter, which documents (mine or all) and the document table.

    An annotator with assignments sees theirs by default; under blind coding a coder sees only theirs
    (the choice is not offered), elsewhere "All documents" shows the rest.
    """

    document_activated = Signal(str)

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(project, annotator, self)
        has_assignments = bool(project.assignments.of_annotator(annotator))
        blind = not project.team.visibility(annotator).sees_everyone
        self.scope_combo = QComboBox(self)
        self.scope_combo.setAccessibleName(self.tr("Which documents"))
        self.scope_combo.addItem(self.tr("My documents"), True)
        self.scope_combo.addItem(self.tr("All documents"), False)
        self.scope_combo.setCurrentIndex(0 if has_assignments else 1)
        self.scope_combo.setVisible(has_assignments and not blind)
        self._scope_forced, self._scope_offered = has_assignments and blind, has_assignments and not blind
        self.model.set_filter("", None, assigned_only=has_assignments)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, outlet or date"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter documents"))
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Filter by status"))
        for label, value in ((self.tr("All"), None), (self.tr("To do"), "todo"),
                             (self.tr("In progress"), "in progress"), (self.tr("Done"), "done")):
            self.status_combo.addItem(label, value)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Documents"))
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Columns fit the rows in view, not the first 1,000 loaded: measuring those took 13 ms at every
        # change of a row (each label key changes its article's span count).
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(2, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, OUTLET_WIDTH)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.scope_combo)
        top.addWidget(self.status_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.scope_combo.currentIndexChanged.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        # A status or span count of another width, or new rows, may need the room of another column.
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self.fit_columns)
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_columns()  # the room the columns have now (the panel's own size is known earlier)
        return super().eventFilter(watched, event)

    def fit_columns(self, *_changed) -> None:
        """Show the columns that fit beside a readable title, so the status never needs sideways scrolling;
        the outlet and date show above the text anyway. Measured on the columns' contents (not a fixed
        number of characters): the list's usual width holds the title and the status, not all five."""
        view, header = self.view, self.view.horizontalHeader()
        available = view.viewport().width()
        title = TITLE_MIN_CHARACTERS * view.fontMetrics().averageCharWidth()
        self._fit_status(available - title)
        needed = title + self._column_width(3)
        shown = set()
        for column in reversed(OPTIONAL_COLUMNS):  # the most useful first: date, outlet, span count
            width = self._column_width(column)
            if needed + width > available:
                break
            needed += width
            shown.add(column)
        for column in OPTIONAL_COLUMNS:
            if view.isColumnHidden(column) == (column in shown):
                view.setColumnHidden(column, column not in shown)
        if 1 in shown and header.sectionSize(1) == 0:
            header.resizeSection(1, OUTLET_WIDTH)

    def _fit_status(self, room: int) -> None:
        """The status column as wide as its header asks when there is room; else as wide as the statuses
        themselves (its header shortened), so a narrow list (a large text size) keeps readable titles."""
        view, header = self.view, self.view.horizontalHeader()
        roomy = header.sectionSizeHint(3)
        contents = view.sizeHintForColumn(3)
        if room >= roomy or contents <= 0:
            if header.sectionResizeMode(3) != QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
            return
        width = max(contents, room)
        if header.sectionResizeMode(3) != QHeaderView.ResizeMode.Fixed:
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        if header.sectionSize(3) != width:
            header.resizeSection(3, width)

    def _column_width(self, column: int) -> int:
        """The width a column takes when shown: its contents (and header) for the sized-to-contents ones."""
        header = self.view.horizontalHeader()
        if column == 1:  # sized by hand: as the person left it
            shown_width = 0 if self.view.isColumnHidden(1) else header.sectionSize(1)
            return shown_width or OUTLET_WIDTH
        if column == 3 and header.sectionResizeMode(3) == QHeaderView.ResizeMode.Fixed:  # narrowed to fit
            return header.sectionSize(3)
        return max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))

    def _apply_filter(self) -> None:
        mine = self._scope_forced or (self._scope_offered and bool(self.scope_combo.currentData()))
        self.model.set_filter(self.filter_edit.text(), self.status_combo.currentData(), assigned_only=mine)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current.row())
        if document_id:
            self.document_activated.emit(document_id)

    def select_document(self, document_id: str) -> bool:
        """Select a document's row without re-emitting when it is already current."""
        row = self.model.row_of(document_id)
        if row < 0:
            return False
        if self.view.currentIndex().row() != row:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        return True
