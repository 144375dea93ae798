"""The code-retrieval window: every segment of a label (or of a label and one annotator) across the corpus,
each with its context (keyword in context), sortable, with a jump to the article and a CSV export."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from annotator.core.codebook_tree import children_of
from annotator.core.errors import AnnotatorError
from annotator.gui.reasons import error_message
from annotator.core.model import Label
from annotator.services.retrieval import labels_with_segments, retrieve_segments, write_segments_csv
from annotator.store import Project
from annotator.store.segments import CodedSegment

EVERYONE = ""
NOTE_CHARACTERS = 28  # the note column's width when some segment has a note


class SegmentTableModel(QAbstractTableModel):
    """Adapts a list of retrieved segments: document, annotator, label, then the KWIC columns and the note."""

    DOCUMENT, ANNOTATOR, LABEL, BEFORE, TEXT, AFTER, NOTE = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.segments: list[CodedSegment] = []
        self._labels: dict[str, Label] = {}
        self._language = "en"

    def set_segments(self, segments: list[CodedSegment], labels: dict[str, Label], language: str) -> None:
        self.beginResetModel()
        self.segments, self._labels, self._language = list(segments), labels, language
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Article"), self.tr("Annotator"), self.tr("Label"), self.tr("Before"),
                    self.tr("Segment"), self.tr("After"), self.tr("Note"))[section]
        return None

    def _label_name(self, label_id: str) -> str:
        label = self._labels.get(label_id)
        return label.display_name(self._language) if label else label_id

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.segments):
            return None
        segment, column = self.segments[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (segment.document_title or self.tr("(untitled)"), segment.annotator,
                    self._label_name(segment.label_id), segment.before, " ".join(segment.text.split()),
                    segment.after, segment.note)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.TEXT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            label = self._labels.get(segment.label_id)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{segment.before} [{segment.text}] {segment.after}" + (f"\n\n{segment.note}" if segment.note else "")
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            self.DOCUMENT: lambda s: (s.document_position, s.start),
            self.ANNOTATOR: lambda s: (s.annotator.casefold(), s.document_position, s.start),
            self.LABEL: lambda s: (self._label_name(s.label_id).casefold(), s.document_position, s.start),
            self.BEFORE: lambda s: s.before[::-1].casefold(),  # by the words just before the segment
            self.TEXT: lambda s: s.text.casefold(),
            self.AFTER: lambda s: s.after.casefold(),
            self.NOTE: lambda s: s.note.casefold(),
        }
        self.layoutAboutToBeChanged.emit()
        self.segments.sort(key=keys.get(column, keys[self.DOCUMENT]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class ElidingDelegate(QStyledItemDelegate):
    """Shortens a cell's text on one side: the context before a segment loses its start, the one after
    loses its end, so the words next to the segment stay in view (a keyword-in-context line)."""

    def __init__(self, mode: Qt.TextElideMode, parent=None):
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


class RetrievalWindow(QDialog):
    """Choose a label (and an annotator); every segment is listed; double-click or Enter opens the article."""

    jump_requested = Signal(str, str, int)  # document id, span id, offset

    def __init__(self, project: Project, labels: list[Label], parent: QWidget | None = None,
                 viewer: str | None = None, language: str = "en"):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Coded segments"))
        self.project = project
        self.viewer = viewer if viewer is not None else getattr(parent, "annotator", None)
        self.language = getattr(parent, "language", language)
        self.resize(1100, 560)
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Label"))
        self.annotator_combo = QComboBox(self)
        self.annotator_combo.setAccessibleName(self.tr("Annotator"))
        self.sublabels_check = QCheckBox(self.tr("With sub-labels"), self)
        self.sublabels_check.setChecked(True)
        self.count_label = QLabel(self)
        self.model = SegmentTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Coded segments"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(SegmentTableModel.DOCUMENT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SegmentTableModel.TEXT, QHeaderView.ResizeMode.Stretch)  # the segment gets the room
        header.setStretchLastSection(False)
        self._size_columns(notes=False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._delegates = [ElidingDelegate(Qt.TextElideMode.ElideLeft, self),
                           ElidingDelegate(Qt.TextElideMode.ElideMiddle, self)]
        self.view.setItemDelegateForColumn(SegmentTableModel.BEFORE, self._delegates[0])
        self.view.setItemDelegateForColumn(SegmentTableModel.TEXT, self._delegates[1])
        self.view.doubleClicked.connect(lambda index: self.jump(index.row()))
        self.view.activated.connect(lambda index: self.jump(index.row()))
        self.jump_button = QPushButton(self.tr("Go to the article"), self)
        self.jump_button.clicked.connect(lambda: self.jump(self.view.currentIndex().row()))
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Label:"), self), self.label_combo, QLabel(self.tr("Annotator:"), self),
                       self.annotator_combo, self.sublabels_check):
            top.addWidget(widget)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        for button in (self.jump_button, self.export_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.refresh_choices(labels, project.team.coders())
        self.label_combo.currentIndexChanged.connect(self.refresh)
        self.annotator_combo.currentIndexChanged.connect(self.refresh)
        self.sublabels_check.toggled.connect(self.refresh)

    def _size_columns(self, notes: bool) -> None:
        """Widths in characters, never narrower than a column's title; the note column is narrow unless
        some segment has a note."""
        header = self.view.horizontalHeader()
        characters = self.fontMetrics().averageCharWidth()
        widths = {SegmentTableModel.DOCUMENT: 20, SegmentTableModel.ANNOTATOR: 10, SegmentTableModel.LABEL: 14,
                  SegmentTableModel.BEFORE: 32, SegmentTableModel.AFTER: 32,
                  SegmentTableModel.NOTE: NOTE_CHARACTERS if notes else 10}
        for column, width in widths.items():
            header.resizeSection(column, max(width * characters, header.sectionSizeHint(column)))

    def start_on(self, label_id: str | None = None) -> None:
        """Show `label_id` (the selected span's label) when given; otherwise keep the shown label if it has
        segments, else take the first label that has some (the first label when none has)."""
        if label_id and self.label_combo.findData(label_id) >= 0:
            self.label_combo.setCurrentIndex(self.label_combo.findData(label_id))
            return
        if self.model.segments:
            return
        shown = [self.label_combo.itemData(i) for i in range(self.label_combo.count())]
        found = labels_with_segments(self.project, shown, self.annotator_combo.currentData() or None,
                                     viewer=self.viewer, include_sublabels=self.sublabels_check.isChecked())
        if found:
            self.label_combo.setCurrentIndex(shown.index(found[0]))

    def refresh_choices(self, labels: list[Label], annotators: list[str]) -> None:
        """Fill the label list (as an indented tree) and the annotator list, keeping the current choices."""
        self._labels = {label.id: label for label in labels}
        current_label, current_annotator = self.label_combo.currentData(), self.annotator_combo.currentData()
        for combo in (self.label_combo, self.annotator_combo):
            combo.blockSignals(True)
            combo.clear()
        spans = [label for label in labels if label.kind == "span"]

        def add(parent: str | None, depth: int) -> None:
            for label in children_of(spans, parent):
                self.label_combo.addItem("    " * depth + label.display_name(self.language), label.id)
                add(label.id, depth + 1)

        add(None, 0)
        blind = self.viewer is not None and not self.project.team.may_see_others(self.viewer)
        if blind:
            self.annotator_combo.addItem(self.viewer, self.viewer)
            self.annotator_combo.setToolTip(self.tr("Coding is blind in this project: you see your own segments."))
        else:
            self.annotator_combo.addItem(self.tr("Everyone"), EVERYONE)
            for name in annotators:
                self.annotator_combo.addItem(name, name)
        for combo, value in ((self.label_combo, current_label), (self.annotator_combo, current_annotator)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.refresh()

    def choose(self, label_id: str, annotator: str = EVERYONE) -> None:
        """Show the segments of a label (and annotator), as if chosen in the lists."""
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(label_id)))
        self.annotator_combo.setCurrentIndex(max(0, self.annotator_combo.findData(annotator)))
        self.refresh()

    def refresh(self) -> None:
        label_id = self.label_combo.currentData()
        if not label_id:
            self.model.set_segments([], self._labels, self.language)
            self.count_label.setText(self.tr("No span label in the codebook."))
            self.export_button.setEnabled(False)
            self.jump_button.setEnabled(False)
            return
        segments = retrieve_segments(self.project, label_id, self.annotator_combo.currentData() or None,
                                     viewer=self.viewer, include_sublabels=self.sublabels_check.isChecked())
        self.model.set_segments(segments, self._labels, self.language)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._size_columns(notes=any(s.note for s in segments))
        if segments:
            self.view.selectRow(0)  # Enter or "Go to the article" opens the first one
        documents = len({s.document_id for s in segments})
        self.count_label.setText(self.tr("%1 segment(s) in %2 article(s)").replace("%1", str(len(segments)))
                                 .replace("%2", str(documents)))
        self.export_button.setEnabled(bool(segments))
        self.jump_button.setEnabled(bool(segments))

    def jump(self, row: int) -> None:
        if 0 <= row < len(self.model.segments):
            segment = self.model.segments[row]
            self.jump_requested.emit(segment.document_id, segment.span_id, segment.start)

    def export_csv(self) -> None:
        label = self._labels.get(self.label_combo.currentData())
        suggested = f"segments-{label.id if label else 'label'}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the segments"), suggested,
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            written = write_segments_csv(self.project, self.model.segments, path, self.language)
        except (AnnotatorError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Export failed"), error_message(exc))
            return
        QMessageBox.information(self, self.tr("Export finished"),
                                self.tr("%1 segment(s) written to %2").replace("%1", str(len(self.model.segments)))
                                .replace("%2", str(written)))
