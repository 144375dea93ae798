"""The codebook editor's box for a document question: its level, several answers, and its choices (add,
rename, reorder, retire, delete), each button one store call through the editor."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from annotator.core.codebook import LEVELS
from annotator.core.model import Label
from annotator.gui.reasons import level_name

ID_ROLE = Qt.ItemDataRole.UserRole


class ChoiceNamesDialog(QDialog):
    """The English and French names of a choice."""

    def __init__(self, title: str, name: str = "", name_fr: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(name, self)
        self.name_fr_edit = QLineEdit(name_fr, self)
        self.name_edit.setMinimumWidth(320)
        form.addRow(self.tr("English:"), self.name_edit)
        form.addRow(self.tr("French:"), self.name_fr_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def names(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.name_fr_edit.text().strip()


class QuestionBox(QGroupBox):
    """Level, several answers and choices of one question; `run(operation, *args)` makes each store call."""

    def __init__(self, run: Callable[..., Any], labels_api: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Answers"))
        self._run, self._labels = run, labels_api
        self.question: Label | None = None
        self.language = "en"
        # Tests and scripts may set this to give the names instead of asking.
        self.ask_names: Callable[[str, str, str], tuple[str, str] | None] = self._ask_names
        self.level_combo = QComboBox(self)
        self.level_combo.setAccessibleName(self.tr("Level of measurement"))
        for level in LEVELS:
            self.level_combo.addItem(level_name(level), level)
        self.multiple_check = QCheckBox(self.tr("Several answers allowed"), self)
        self.choice_list = QListWidget(self)
        self.choice_list.setAccessibleName(self.tr("Choices"))
        self.choice_list.setMinimumHeight(90)
        self.choice_list.setMaximumHeight(160)
        self.choice_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_choice_button = QPushButton(self.tr("Add choice…"), self)
        self.rename_choice_button = QPushButton(self.tr("Rename…"), self)
        self.choice_up_button = QPushButton(self.tr("Up"), self)
        self.choice_down_button = QPushButton(self.tr("Down"), self)
        self.retire_choice_button = QPushButton(self.tr("Retire"), self)
        self.delete_choice_button = QPushButton(self.tr("Delete"), self)
        self.add_choice_button.clicked.connect(self.add_choice)
        self.rename_choice_button.clicked.connect(self.rename_choice)
        self.choice_up_button.clicked.connect(lambda: self.move_choice(-1))
        self.choice_down_button.clicked.connect(lambda: self.move_choice(1))
        self.retire_choice_button.clicked.connect(self.toggle_choice)
        self.delete_choice_button.clicked.connect(self.delete_choice)
        self.level_combo.activated.connect(lambda _i: self._set(level=self.level_combo.currentData()))
        self.multiple_check.clicked.connect(lambda on: self._set(multiple=on))
        form = QFormLayout()
        form.addRow(self.tr("Level:"), self.level_combo)
        form.addRow("", self.multiple_check)
        buttons = QGridLayout()
        for index, button in enumerate((self.add_choice_button, self.rename_choice_button, self.retire_choice_button,
                                        self.choice_up_button, self.choice_down_button, self.delete_choice_button)):
            buttons.addWidget(button, index // 3, index % 3)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.choice_list)
        column.addLayout(buttons)

    def show_question(self, question: Label, language: str = "en", keep: str | None = None) -> None:
        """Fill the box from `question`, keeping the choice `keep` (or the current one) selected."""
        keep = keep or self.current_choice()
        self.question, self.language = question, language
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(question.level)))
        self.multiple_check.setChecked(question.multiple)
        self.choice_list.clear()
        for choice in question.choices:
            text = choice.display_name(language)
            if choice.retired:
                text = self.tr("{name} (retired)").format(name=text)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, choice.id)
            item.setToolTip(choice.id)
            if choice.retired:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QColor("#777777"))
            self.choice_list.addItem(item)
            if choice.id == keep:
                self.choice_list.setCurrentItem(item)
        self._update_buttons()

    def current_choice(self) -> str | None:
        item = self.choice_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_choice(self, choice_id: str) -> None:
        for row in range(self.choice_list.count()):
            if self.choice_list.item(row).data(ID_ROLE) == choice_id:
                self.choice_list.setCurrentRow(row)

    def _choice(self):
        choice_id = self.current_choice()
        return next((c for c in self.question.choices if c.id == choice_id), None) if self.question else None

    def _update_buttons(self) -> None:
        choice = self._choice()
        for button in (self.rename_choice_button, self.choice_up_button, self.choice_down_button,
                       self.retire_choice_button, self.delete_choice_button):
            button.setEnabled(choice is not None)
        if choice is not None:
            self.retire_choice_button.setText(self.tr("Bring back") if choice.retired else self.tr("Retire"))

    def _ask_names(self, title: str, name: str, name_fr: str) -> tuple[str, str] | None:
        dialog = ChoiceNamesDialog(title, name, name_fr, self)
        return dialog.names() if dialog.exec() else None

    def _set(self, **fields: Any) -> None:
        if self.question is not None:
            self._run(self._labels.set_question, self.question.id, *(fields.get(k) for k in ("level", "multiple")))

    def add_choice(self) -> None:
        if self.question is None:
            return
        names = self.ask_names(self.tr("New choice"), "", "")
        if names and names[0]:
            change = self._run(self._labels.add_choice, self.question.id, names[0], names[1])
            if change is not None:
                self.select_choice(change.details["choice"])

    def rename_choice(self) -> None:
        choice = self._choice()
        if choice is None:
            return
        names = self.ask_names(self.tr("Rename choice"), choice.name, choice.name_fr)
        if names and names[0]:
            self._run(self._labels.edit_choice, self.question.id, choice.id, name=names[0], name_fr=names[1])

    def move_choice(self, step: int) -> None:
        choice = self._choice()
        if choice is None:
            return
        position = self.question.choices.index(choice) + step
        if 0 <= position < len(self.question.choices):
            self._run(self._labels.move_choice, self.question.id, choice.id, position)

    def toggle_choice(self) -> None:
        choice = self._choice()
        if choice is not None:
            self._run(self._labels.retire_choice, self.question.id, choice.id, not choice.retired)

    def delete_choice(self) -> None:
        choice = self._choice()
        if choice is not None:
            self._run(self._labels.delete_choice, self.question.id, choice.id)
