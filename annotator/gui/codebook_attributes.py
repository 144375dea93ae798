"""The codebook editor's page for a span attribute (speaker, stance...): names, the labels it applies to,
several values, its choices; save, reorder, retire, delete, each one store call through the editor."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from annotator.core.model import AttributeDef, Label

ID_ROLE = Qt.ItemDataRole.UserRole


def type_names() -> dict[str, str]:
    """The attribute types (core.model.ATTRIBUTE_TYPES) in the interface's words."""
    return {"text": QCoreApplication.translate("AttributePanel", "free text"),
            "choice": QCoreApplication.translate("AttributePanel", "a choice"),
            "entity": QCoreApplication.translate("AttributePanel", "an entity (a name)")}


class NewAttributeDialog(QDialog):
    """Name, type and (for a choice) the choices of a new span attribute."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New span attribute"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMinimumWidth(320)
        self.type_combo = QComboBox(self)
        for kind, text in type_names().items():
            self.type_combo.addItem(text, kind)
        self.choices_edit = QPlainTextEdit(self)
        self.choices_edit.setPlaceholderText(self.tr("One choice per line"))
        self.choices_edit.setMaximumHeight(100)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Type:"), self.type_combo)
        form.addRow(self.tr("Choices:"), self.choices_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, list[str]]:
        lines = [line.strip() for line in self.choices_edit.toPlainText().splitlines() if line.strip()]
        return self.name_edit.text().strip(), self.type_combo.currentData(), lines


class AttributePanel(QWidget):
    """Details of one span attribute; `run(operation, *args, **kwargs)` makes each store call."""

    def __init__(self, run: Callable[..., Any], codebook_api: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._run, self._codebook = run, codebook_api
        self.attribute: AttributeDef | None = None
        self.usage_label = QLabel(self)
        self.usage_label.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_fr_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_fr_edit = QPlainTextEdit(self)
        for edit in (self.description_edit, self.description_fr_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
        self.type_label = QLabel(self)
        self.multiple_check = QCheckBox(self.tr("Several values on one span"), self)
        self.labels_list = QListWidget(self)
        self.labels_list.setAccessibleName(self.tr("Span labels the attribute applies to"))
        self.labels_list.setMinimumHeight(120)
        self.choices_edit = QPlainTextEdit(self)
        self.choices_edit.setAccessibleName(self.tr("Choices, one per line"))
        self.choices_edit.setMaximumHeight(100)
        self.save_button = QPushButton(self.tr("Save attribute"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.save_button.clicked.connect(self.save)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button.clicked.connect(self.delete)
        box = QGroupBox(self.tr("Span attribute"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("English:"), self.name_edit)
        form.addRow(self.tr("French:"), self.name_fr_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        form.addRow(self.tr("In French:"), self.description_fr_edit)
        form.addRow(self.tr("Type:"), self.type_label)
        form.addRow("", self.multiple_check)
        form.addRow(self.tr("Applies to:"), self.labels_list)
        form.addRow(self.tr("Choices:"), self.choices_edit)
        form.addRow("", self.save_button)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button, self.delete_button):
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.usage_label)
        column.addWidget(box)
        column.addLayout(row)
        column.addStretch(1)

    def show_attribute(self, attribute: AttributeDef, labels: list[Label], usage: int, language: str = "en") -> None:
        """Fill the page from `attribute`; `labels` are the codebook's labels (its span labels are offered)."""
        self.attribute = attribute
        self.usage_label.setText(self.tr("{id}: {count} span(s) hold a value").format(id=attribute.id, count=usage))
        self.name_edit.setText(attribute.name)
        self.name_fr_edit.setText(attribute.name_fr)
        self.description_edit.setPlainText(attribute.description)
        self.description_fr_edit.setPlainText(attribute.description_fr)
        self.type_label.setText(type_names().get(attribute.type, attribute.type))
        self.multiple_check.setChecked(attribute.multiple)
        self.labels_list.clear()
        for label in labels:
            if label.kind != "span" or (label.retired and label.id not in attribute.labels):
                continue
            item = QListWidgetItem(label.display_name(language))
            item.setData(ID_ROLE, label.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if label.id in attribute.labels else Qt.CheckState.Unchecked)
            self.labels_list.addItem(item)
        self.labels_list.setToolTip(self.tr("None ticked: every span label."))
        self.choices_edit.setPlainText("\n".join(c.name for c in attribute.choice_details))
        self.choices_edit.setEnabled(attribute.type == "choice")
        self.retire_button.setText(self.tr("Bring back") if attribute.retired else self.tr("Retire"))

    def chosen_labels(self) -> list[str]:
        return [self.labels_list.item(i).data(ID_ROLE) for i in range(self.labels_list.count())
                if self.labels_list.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        attr = self.attribute
        if attr is None:
            return
        fields: dict[str, Any] = {
            "name": self.name_edit.text(), "name_fr": self.name_fr_edit.text(),
            "description": self.description_edit.toPlainText(), "description_fr": self.description_fr_edit.toPlainText(),
            "labels": self.chosen_labels(), "multiple": self.multiple_check.isChecked()}
        if attr.type == "choice":
            fields["choices"] = [line.strip() for line in self.choices_edit.toPlainText().splitlines() if line.strip()]
        self._run(self._codebook.edit_attribute, attr.id, **fields)

    def move(self, step: int) -> None:
        if self.attribute is None:
            return
        ids = [a.id for a in self._codebook.attributes()]
        position = ids.index(self.attribute.id) + step
        if 0 <= position < len(ids):
            self._run(self._codebook.move_attribute, self.attribute.id, position)

    def toggle_retired(self) -> None:
        if self.attribute is not None:
            self._run(self._codebook.retire_attribute, self.attribute.id, not self.attribute.retired)

    def delete(self) -> None:
        if self.attribute is not None:
            self._run(self._codebook.remove_attribute, self.attribute.id)
