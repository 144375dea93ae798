"""The codebook panel: the label tree with colour, shortcut and this document's count per label, and a
box per label that shows or hides its spans in the text (MAXQDA's code activation)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from annotator.core.model import Label
from annotator.gui.plain_text import plain


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A small filled square of the label's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CodebookPanel(QTreeWidget):
    """Span labels as a tree; clicking one applies it to the selection (or relabels the selected span)."""

    label_chosen = Signal(str)
    hidden_changed = Signal(set)  # ids of the labels whose spans are hidden in the text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Label"), self.tr("Key"), self.tr("Here")])
        self.setAccessibleName(self.tr("Codebook labels"))
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._hidden: set[str] = set()
        self._toggled = False
        self.setToolTip(self.tr("Click a label to apply it; untick its box to hide its spans in the text."))
        self.itemChanged.connect(self._check_changed)
        self.itemClicked.connect(self._clicked)

    def set_labels(self, labels: list[Label], language: str = "en") -> None:
        """Show the live span labels (retired ones hidden) as a tree."""
        self.blockSignals(True)
        self.clear()
        self._items = {}
        live = [label for label in labels if label.kind == "span" and not label.retired]
        by_id = {label.id: label for label in live}
        pending = list(live)
        while pending:
            progressed = False
            for label in list(pending):
                parent_item = self._items.get(label.parent) if label.parent in by_id else None
                if label.parent in by_id and parent_item is None:
                    continue
                item = QTreeWidgetItem([label.display_name(language), label.shortcut.upper(), ""])
                item.setIcon(0, colour_icon(label.color))
                tip = label.display_description(language)
                item.setToolTip(0, plain(tip))
                item.setData(0, Qt.ItemDataRole.UserRole, label.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked if label.id in self._hidden else Qt.CheckState.Checked)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                (parent_item.addChild(item) if parent_item else self.addTopLevelItem(item))
                self._items[label.id] = item
                pending.remove(label)
                progressed = True
            if not progressed:
                break
        self.expandAll()
        self.blockSignals(False)
        self._hidden &= set(self._items)

    def set_counts(self, counts: dict[str, int]) -> None:
        for label_id in self._items:
            self.set_count(label_id, counts.get(label_id, 0))

    def set_count(self, label_id: str, count: int) -> None:
        """This document's number of spans with one label."""
        item = self._items.get(label_id)
        if item is not None:
            item.setText(2, str(count) if count else "")

    def full_height(self) -> int:
        """Pixels the panel needs to show every label without scrolling (header, rows, frame)."""
        rows, items = 0, QTreeWidgetItemIterator(self)
        while items.value():
            rows += 1
            items += 1
        row = self.sizeHintForRow(0) if rows else 0
        if row <= 0:
            row = self.fontMetrics().height() + 4
        return self.header().sizeHint().height() + rows * row + 2 * self.frameWidth() + 2

    @property
    def hidden(self) -> set[str]:
        return set(self._hidden)

    def _check_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        self._toggled = True
        shown = item.checkState(0) == Qt.CheckState.Checked
        label_id = item.data(0, Qt.ItemDataRole.UserRole)
        hidden = set(self._hidden)
        (hidden.discard if shown else hidden.add)(label_id)
        self.blockSignals(True)
        for i in range(item.childCount()):  # a parent's box also shows or hides its sub-labels
            child = item.child(i)
            child.setCheckState(0, item.checkState(0))
            (hidden.discard if shown else hidden.add)(child.data(0, Qt.ItemDataRole.UserRole))
        self.blockSignals(False)
        if hidden != self._hidden:
            self._hidden = hidden
            self.hidden_changed.emit(set(hidden))

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._toggled:  # the click ticked or unticked the box: it applies no label
            self._toggled = False
            return
        self.label_chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
