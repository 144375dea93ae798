"""Read-only tables: the table the user reads and selects rows in, and its cells."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from annotator.gui.plain_text import plain


def read_only_table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    """A table the user reads and selects rows in, never edits; `name` is what a screen reader says."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    return table


def figures_table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    """A read-only table of figures: rows in alternating colours, each cell on one line."""
    table = read_only_table(parent, headers, name)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def text_item(text: str, tooltip: str = "") -> QTableWidgetItem:
    """A read-only table cell; its tooltip (a name or title from a file) is shown as written."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(plain(tooltip))
    return item
