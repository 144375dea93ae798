"""Text from files (titles, names, notes, file names, error messages) shown as written, never read as rich text.

Qt guesses whether a string is rich text (Qt.mightBeRichText) in labels, message boxes and tooltips,
so a title like "<b>FAKE</b><!--" would be rendered, or hide what follows it. Labels are set to plain
text (`plain_label`); where Qt offers no such switch (static message boxes, tooltips), `plain`
escapes the text and marks it as rich text so that it is shown character for character.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain(text: str) -> str:
    """`text` as Qt will show it literally wherever it guesses rich text."""
    text = str(text)
    if not GuiQt.mightBeRichText(text):
        return text
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space: pre-wrap'>{escaped}</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as written."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box (through Qt's static functions) whose text is shown as written."""
    show = {QMessageBox.Icon.Critical: QMessageBox.critical, QMessageBox.Icon.Warning: QMessageBox.warning}.get(
        icon, QMessageBox.information)
    show(parent, title, plain(text))
