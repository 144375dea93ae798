"""The suggestions panel: the framing devices the app found in this document, to accept or reject."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from annotator.core.model import RECOMMENDER_ORIGIN, Label
from annotator.gui.flow_layout import flow_widget
from annotator.gui.plain_text import plain
from annotator.gui.reader_input import key_text
from annotator.services.recommending import RECOMMENDATION_KIND
from annotator.suggest import Suggestion


MODEL_COLOUR = "#5E3C99"  # the "Model" of a recommendation, apart from the detectors' kinds
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
    """A readable name of a suggestion kind, in the interface's language ("Model" for the model's spans)."""
    if kind.startswith(RECOMMENDATION_KIND):
        return QCoreApplication.translate("SuggestionKinds", "Model")
    return QCoreApplication.translate("SuggestionKinds", KIND_NAMES.get(kind, kind))


class SuggestionListModel(QAbstractTableModel):
    """Adapts the pending suggestions of a document: what found it (a detector's kind, or the model), the
    words, the label they become, and how sure the finder is."""

    kind_column, text_column, label_column, sure_column = 0, 1, 2, 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggestions: list[Suggestion] = []
        self._labels: dict[str, Label] = {}
        self._language = "en"

    def set_suggestions(self, suggestions: list[Suggestion], labels: dict[str, Label], language: str) -> None:
        self.beginResetModel()
        self.suggestions, self._labels, self._language = list(suggestions), labels, language
        self.endResetModel()

    def insert_row(self, row: int, suggestion: Suggestion) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.suggestions.insert(row, suggestion)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.suggestions[row]
        self.endRemoveRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.suggestions)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Found"), self.tr("Text"), self.tr("Becomes"), self.tr("Sure"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("A detector's kind of device, or “Model”: the model that learns from the annotations"),
                    None, None, self.tr("How sure the detector or the model is (the model's confidence is learnt "
                                        "from the annotations; the detectors' is a fixed estimate per rule)"))[section]
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
            if index.column() == self.sure_column:
                return f"{suggestion.confidence:.0%}"
            return label.display_name(self._language) if label else self.tr("(choose a label)")
        if role == Qt.ItemDataRole.ToolTipRole:
            if suggestion.origin == RECOMMENDER_ORIGIN:
                return self.tr("Recommended by the model learnt from this project's annotations; sure at %s") \
                    % f"{suggestion.confidence:.0%}"
            target = label.display_name(self._language) if label else self.tr("(choose a label)")
            return f"{kind_name(suggestion.kind)} → {plain(target)} ({suggestion.confidence:.0%})\n" \
                   f"{plain(suggestion.why or suggestion.text)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.sure_column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and suggestion.origin == RECOMMENDER_ORIGIN:
            return QColor(MODEL_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 2 and label:
            return QColor(label.color)
        return None


class SuggestionPanel(QWidget):
    """Table of pending suggestions with accept / reject buttons, one at a time or all of a kind.

    In the table, as in the text, Enter accepts the selected suggestion, Delete rejects it and a label's
    key accepts it with that label."""

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
        self.view.setWordWrap(False)
        self.view.installEventFilter(self)
        self._shortcuts: dict[str, str] = {}  # a label's key -> its id, as in the reader
        header = self.view.horizontalHeader()
        # Fixed widths in characters (measuring every row's contents would cost a frame on a long article).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.text_column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._size_columns()
        self.count_label = QLabel(self)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("Accept the selected suggestion (Enter)"))
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Accept with this label"))
        self.accept_as_button = QPushButton(self.tr("Accept as"), self)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setToolTip(self.tr("Reject the selected suggestion (Delete)"))
        self.accept_kind_button = QPushButton(self.tr("Accept all of this kind"), self)
        self.reject_kind_button = QPushButton(self.tr("Reject all of this kind"), self)
        buttons = flow_widget(self, [self.accept_button, self.reject_button, self.accept_as_button, self.label_combo,
                                     self.accept_kind_button, self.reject_kind_button], spacing=4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.count_label.hide()  # the tab's title gives the count; the table keeps the height
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.chosen.emit(cur.row()))
        self.accept_button.clicked.connect(lambda: self._row_action(self.accept_requested, ""))
        self.accept_as_button.clicked.connect(
            lambda: self._row_action(self.accept_requested, self.label_combo.currentData() or ""))
        self.reject_button.clicked.connect(lambda: self._row_action(self.reject_requested))
        self.accept_kind_button.clicked.connect(lambda: self._kind_action(self.accept_kind_requested))
        self.reject_kind_button.clicked.connect(lambda: self._kind_action(self.reject_kind_requested))

    def _size_columns(self) -> None:
        characters = self.view.fontMetrics().averageCharWidth()
        for column in (self.model.kind_column, self.model.label_column):
            self.view.horizontalHeader().resizeSection(column, 13 * characters)
        self.view.horizontalHeader().resizeSection(self.model.sure_column, 6 * characters)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # A narrow panel keeps the text readable: what found it and how sure show in the tooltip.
        narrow = self.view.viewport().width() < 44 * self.view.fontMetrics().averageCharWidth()
        self.view.setColumnHidden(self.model.kind_column, narrow)
        self.view.setColumnHidden(self.model.sure_column, narrow)  # also in the row's tooltip

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()

    def set_labels(self, labels: list[Label], language: str, shortcuts: dict[str, str] | None = None) -> None:
        """The labels a suggestion may become, and the keys that accept one with a label (key -> label id)."""
        self.label_combo.clear()
        for label in labels:
            if label.kind == "span" and not label.retired:
                self.label_combo.addItem(label.display_name(language), label.id)
        self._shortcuts = dict(shortcuts or {})

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.KeyPress and self._key_pressed(event):
            return True
        return super().eventFilter(watched, event)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        """Enter, Delete or a label's key on the table's current row; True when the key was used."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self._row_action(self.accept_requested, "")
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self._row_action(self.reject_requested)
            return True
        label_id = self._shortcuts.get(key_text(event))
        if label_id:
            self._row_action(self.accept_requested, label_id)
            return True
        return False

    def set_suggestions(self, suggestions: list[Suggestion], labels: dict[str, Label], language: str) -> None:
        self.model.set_suggestions(suggestions, labels, language)
        self._count()

    def insert_row(self, row: int, suggestion: Suggestion) -> None:
        self.model.insert_row(row, suggestion)
        self._count()

    def remove_row(self, row: int) -> None:
        self.model.remove_row(row)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%n suggestion(s) to review", "", len(self.model.suggestions)))

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
