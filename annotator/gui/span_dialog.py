"""The span dialog: a span's note and attribute values (speaker, stance...)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from annotator.core.model import AttributeDef, Label, Span


class SpanDialog(QDialog):
    """Edit the note and the attributes that apply to this span's label."""

    def __init__(self, span: Span, label: Label | None, attributes: list[AttributeDef],
                 language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Span details"))
        layout = QFormLayout(self)
        name = label.display_name(language) if label else span.label_id
        excerpt = QLabel(f"<b>{escape(name)}</b>: {escape(span.text[:200])}", self)
        excerpt.setTextFormat(Qt.TextFormat.RichText)  # the name in bold; the texts escaped
        excerpt.setWordWrap(True)
        layout.addRow(excerpt)
        self.note_edit = QPlainTextEdit(span.note, self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        layout.addRow(self.tr("Note"), self.note_edit)
        self._fields: dict[str, QWidget] = {}
        for attr in attributes:
            if attr.labels and (label is None or (label.id not in attr.labels and label.parent not in attr.labels)):
                continue
            value = span.attributes.get(attr.id, "")
            if attr.retired and not value:
                continue  # a retired attribute is shown only on spans that hold a value for it
            if attr.type == "choice":
                widget = QComboBox(self)
                widget.addItem("", "")
                for choice in attr.choice_details:
                    if not choice.retired or choice.id == value:
                        widget.addItem(choice.display_name(language), choice.id)
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget = QLineEdit(str(value), self)
            widget.setAccessibleName(attr.name)
            name = attr.display_name(language)
            layout.addRow(name, widget)
            self._fields[attr.id] = widget
        self._original = dict(span.attributes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[str, dict[str, Any]]:
        """The note and the attribute values (empty ones left out)."""
        attributes = dict(self._original)
        for attr_id, widget in self._fields.items():
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
            if value:
                attributes[attr_id] = value
            else:
                attributes.pop(attr_id, None)
        return self.note_edit.toPlainText().strip(), attributes

    def set_attribute(self, attr_id: str, value: str) -> None:
        widget = self._fields[attr_id]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
