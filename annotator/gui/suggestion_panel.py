"""The suggestions panel: the framing devices the app found in this document, to accept or reject."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from annotator.core.model import Label
from annotator.gui.plain_text import plain
from annotator.suggest import Suggestion


KIND_NAMES = {  # marked here for pyside6-lupdate, translated in kind_name
    "direct_quote": QT_TRANSLATE_NOOP("SuggestionKinds", "Direct quote"),
    "scare_quote": QT_TRANSLATE_NOOP("SuggestionKinds", "Scare quote"),
    "cited_name": QT_TRANSLATE_NOOP("SuggestionKinds", "Cited name"),
    "attribution": QT_TRANSLATE_NOOP("SuggestionKinds", "Attribution"),
    "reporting_verb.neutral": QT_TRANSLATE_NOOP("SuggestionKinds", "Neutral reporting verb"),
    "reporting_verb.loaded": QT_TRANSLATE_NOOP("SuggestionKinds", "Loaded reporting verb"),
    "hedge": QT_TRANSLATE_NOOP("SuggestionKinds", "Hedge"),
    "intensifier": QT_TRANSLATE_NOOP("SuggestionKinds", "Intensifier"),
    "distancing": QT_TRANSLATE_NOOP("SuggestionKinds", "Distancing label"),
    "loaded_term": QT_TRANSLATE_NOOP("SuggestionKinds", "Loaded term"),
}


def kind_name(kind: str) -> str:
    """A readable name of a suggestion kind, in the interface's language."""
    return QCoreApplication.translate("SuggestionKinds", KIND_NAMES.get(kind, kind))


class SuggestionListModel(QAbstractTableModel):
    """Adapts the pending suggestions of a document."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggestions: list[Suggestion] = []
        self._labels: dict[str, Label] = {}
        self._language = "en"

    def set_suggestions(self, suggestions: list[Suggestion], labels: dict[str, Label], language: str) -> None:
        self.beginResetModel()
        self.suggestions, self._labels, self._language = list(suggestions), labels, language
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.suggestions)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Found"), self.tr("Text"), self.tr("Becomes"))[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.suggestions):
            return None
        suggestion = self.suggestions[index.row()]
        label = self._labels.get(suggestion.label_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return kind_name(suggestion.kind)
            if index.column() == 1:
                text = " ".join(suggestion.text.split())
                return text if len(text) <= 60 else text[:59] + "…"
            return label.display_name(self._language) if label else self.tr("(choose a label)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(suggestion.why or suggestion.text)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 2 and label:
            return QColor(label.color)
        return None


class SuggestionPanel(QWidget):
    """Table of pending suggestions with accept / reject buttons, one at a time or all of a kind."""

    chosen = Signal(int)                 # row selected
    accept_requested = Signal(int, str)  # row, label id ("" = the suggestion's own)
    reject_requested = Signal(int)
    accept_kind_requested = Signal(str)
    reject_kind_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SuggestionListModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Suggestions"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel(self)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("Accept the selected suggestion (Enter in the text)"))
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Accept with this label"))
        self.accept_as_button = QPushButton(self.tr("Accept as"), self)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setToolTip(self.tr("Reject the selected suggestion (Delete in the text)"))
        self.accept_kind_button = QPushButton(self.tr("Accept all of this kind"), self)
        self.reject_kind_button = QPushButton(self.tr("Reject all of this kind"), self)
        row1 = QHBoxLayout()
        for widget in (self.accept_button, self.reject_button, self.accept_as_button, self.label_combo):
            row1.addWidget(widget)
        row2 = QHBoxLayout()
        row2.addWidget(self.accept_kind_button)
        row2.addWidget(self.reject_kind_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.chosen.emit(cur.row()))
        self.accept_button.clicked.connect(lambda: self._row_action(self.accept_requested, ""))
        self.accept_as_button.clicked.connect(
            lambda: self._row_action(self.accept_requested, self.label_combo.currentData() or ""))
        self.reject_button.clicked.connect(lambda: self._row_action(self.reject_requested))
        self.accept_kind_button.clicked.connect(lambda: self._kind_action(self.accept_kind_requested))
        self.reject_kind_button.clicked.connect(lambda: self._kind_action(self.reject_kind_requested))

    def set_labels(self, labels: list[Label], language: str) -> None:
        self.label_combo.clear()
        for label in labels:
            if label.kind == "span" and not label.retired:
                self.label_combo.addItem(label.display_name(language), label.id)

    def set_suggestions(self, suggestions: list[Suggestion], labels: dict[str, Label], language: str) -> None:
        self.model.set_suggestions(suggestions, labels, language)
        self.count_label.setText(self.tr("%n suggestion(s) to review", "", len(suggestions)))

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        self.view.blockSignals(True)
        self.view.selectRow(row)
        self.view.blockSignals(False)

    def _row_action(self, signal, *extra) -> None:
        row = self.current_row()
        if 0 <= row < len(self.model.suggestions):
            signal.emit(row, *extra)

    def _kind_action(self, signal) -> None:
        row = self.current_row()
        if 0 <= row < len(self.model.suggestions):
            signal.emit(self.model.suggestions[row].kind)
