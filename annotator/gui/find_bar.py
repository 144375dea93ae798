"""Find in the document (Ctrl+F), and "label all occurrences" here or in the whole corpus, previewed.
Case and accents are ignored unless asked; typographic apostrophes and no-break spaces always match."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from annotator.core.model import Label
from annotator.gui.flow_layout import flow_widget
from annotator.store.search import Occurrence


class FindBar(QWidget):
    """A bar under the reader: query, next/previous, label choice and "Label all…"."""

    find_requested = Signal(str, int)           # query, direction
    label_all_requested = Signal(str, str, bool)  # query, label id, whole corpus
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Find in document"))
        self.query_edit.setAccessibleName(self.tr("Find"))
        self.query_edit.setMinimumWidth(14 * self.fontMetrics().averageCharWidth())
        self.count_label = QLabel(self)
        self.previous_button = QPushButton("↑", self)
        self.previous_button.setToolTip(self.tr("Previous occurrence"))
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.next_button = QPushButton("↓", self)
        self.next_button.setToolTip(self.tr("Next (Enter)"))
        self.next_button.setAccessibleName(self.tr("Next"))
        for button in (self.previous_button, self.next_button):
            button.setMaximumWidth(4 * self.fontMetrics().averageCharWidth() + 16)
        self.case_check = QCheckBox(self.tr("Match case"), self)
        self.accents_check = QCheckBox(self.tr("Match accents"), self)
        self.accents_check.setToolTip(self.tr("Off: liberte finds liberté. Apostrophes (' ’) and no-break "
                                              "spaces always match."))
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Label for all occurrences"))
        self.corpus_check = QCheckBox(self.tr("Whole corpus"), self)
        self.label_all_button = QPushButton(self.tr("Label all…"), self)
        self.close_button = QPushButton("✕", self)
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setFlat(True)
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for widget in (self.query_edit, self.count_label, self.previous_button, self.next_button, self.close_button):
            first.addWidget(widget)
        first.setStretch(0, 1)
        self.options = flow_widget(self, [self.case_check, self.accents_check, QLabel(self.tr("Label all as:"), self),
                                          self.label_combo, self.corpus_check, self.label_all_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(3)
        layout.addLayout(first)
        layout.addWidget(self.options)
        self.query_edit.returnPressed.connect(lambda: self.find_requested.emit(self.query_edit.text(), 1))
        self.next_button.clicked.connect(lambda: self.find_requested.emit(self.query_edit.text(), 1))
        self.previous_button.clicked.connect(lambda: self.find_requested.emit(self.query_edit.text(), -1))
        self.label_all_button.clicked.connect(self._label_all)
        self.close_button.clicked.connect(self._close)

    def set_labels(self, labels: list[Label], language: str = "en") -> None:
        self.label_combo.clear()
        for label in labels:
            if label.kind == "span" and not label.retired:
                self.label_combo.addItem(label.display_name(language), label.id)

    def open(self, text: str = "") -> None:
        self.show()
        if text:
            self.query_edit.setText(text)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self._close()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_requested.emit(self.query_edit.text(), -1)
            return
        super().keyPressEvent(event)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()

    def _label_all(self) -> None:
        if self.query_edit.text().strip() and self.label_combo.currentData():
            self.label_all_requested.emit(self.query_edit.text(), self.label_combo.currentData(),
                                          self.corpus_check.isChecked())


class LabelAllPreview(QDialog):
    """Lists every occurrence with its context, each ticked; only the ticked ones are labelled."""

    def __init__(self, occurrences: list[Occurrence], label_name: str, already: set[tuple[str, int, int]],
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Label all occurrences"))
        self.resize(720, 420)
        self._occurrences = occurrences
        layout = QVBoxLayout(self)
        documents = len({o.document_id for o in occurrences})
        layout.addWidget(QLabel(
            self.tr("%1 occurrence(s) in %2 document(s) will be labelled “%3”. "
                    "Untick those that should not be.").replace("%1", str(len(occurrences)))
            .replace("%2", str(documents)).replace("%3", label_name), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Occurrences"))
        for occurrence in occurrences:
            key = (occurrence.document_id, occurrence.start, occurrence.end)
            text = f"{occurrence.document_title[:40]} — …{occurrence.before} [{occurrence.text}] {occurrence.after}…"
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if key in already:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setText(text + "  " + self.tr("(already labelled)"))
            else:
                item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Label ticked occurrences"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[Occurrence]:
        return [o for i, o in enumerate(self._occurrences)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
