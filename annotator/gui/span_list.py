"""The span list: this document's spans (label, excerpt, note); selecting a row jumps to the span."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.core.model import Label, Span
from annotator.gui.plain_text import plain

EXCERPT_LENGTH = 60


class SpanListModel(QAbstractTableModel):
    """Adapts a document's list of spans."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._spans: list[Span] = []
        self._labels: dict[str, Label] = {}
        self._language = "en"

    def set_spans(self, spans: list[Span], labels: dict[str, Label], language: str = "en") -> None:
        self.beginResetModel()
        self._spans, self._labels, self._language = list(spans), labels, language
        self.endResetModel()

    def insert_row(self, row: int, span: Span) -> None:
        """One span more, at `row` (the workspace keeps the text order)."""
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row]
        self.endRemoveRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Label"), self.tr("Text"), self.tr("Note"))[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        label = self._labels.get(span.label_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return label.display_name(self._language) if label else span.label_id
            if index.column() == 1:
                text = " ".join(span.text.split())
                return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"
            return span.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(f"{span.text}\n\n{span.note}".strip())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and label:
            return QColor(label.color)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None

    def row_of(self, span_id: str) -> int:
        for i, span in enumerate(self._spans):
            if span.id == span_id:
                return i
        return -1


class SpanListView(QTableView):
    """Table of the current document's spans."""

    span_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model_ = SpanListModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(self.tr("Spans in this document"))
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        characters = self.fontMetrics().averageCharWidth()  # in characters: the panel may be narrow
        header.resizeSection(0, 14 * characters)
        header.resizeSection(2, 10 * characters)
        self.clicked.connect(lambda index: self.span_chosen.emit(self.model_.data(index, Qt.ItemDataRole.UserRole)))
        self.activated.connect(lambda index: self.span_chosen.emit(self.model_.data(index, Qt.ItemDataRole.UserRole)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # A narrow panel (small screen, large text) keeps the text readable: notes show in the tooltip.
        characters = self.fontMetrics().averageCharWidth()
        width = self.viewport().width()
        self.setColumnHidden(2, width < 44 * characters)
        self.horizontalHeader().resizeSection(0, int(min(14 * characters, width * 0.4)))

    def select_span(self, span_id: str | None, row: int | None = None) -> None:
        """Select the row of `span_id` (its `row` when the caller knows it), or none."""
        if row is None:
            row = self.model_.row_of(span_id) if span_id else -1
        self.blockSignals(True)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.model_.index(row, 0))
        else:
            self.clearSelection()
        self.blockSignals(False)
