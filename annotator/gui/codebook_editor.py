"""The codebook editor dialog: the label tree and one button per store operation on labels."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QColorDialog, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from annotator.core.change import Change
from annotator.core.codebook import SAFE_PALETTE
from annotator.core.codebook_tree import children_of, descendants, next_colour
from annotator.core.errors import AnnotatorError
from annotator.core.model import Label
from annotator.gui.reasons import message_text

ID_ROLE = Qt.ItemDataRole.UserRole


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small square filled with the label's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CodebookEditor(QDialog):
    """Edit the project's codebook; every button calls one store method, then the tree reloads.

    `codebook_changed` carries the Change each successful operation returned.
    """

    codebook_changed = Signal(object)

    def __init__(self, project: Any, parent: QWidget | None = None, language: str = "en"):
        super().__init__(parent)
        self.project = project
        self.language = language  # the tree shows names in the interface's language
        self._labels: dict[str, Label] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self.setWindowTitle(self.tr("Edit codebook"))
        self.resize(900, 600)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Key"), self.tr("Id")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Codebook labels"))
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())

        self.add_button = QPushButton(self.tr("Add label…"))
        self.add_child_button = QPushButton(self.tr("Add sub-label…"))
        self.add_button.clicked.connect(lambda: self._add(as_child=False))
        self.add_child_button.clicked.connect(lambda: self._add(as_child=True))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.add_child_button)
        left_layout.addLayout(add_row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.refresh()

    # -- building --------------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _build_details(self) -> QWidget:
        self.usage_label = QLabel()
        self.usage_label.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_fr_edit = QLineEdit()
        self.rename_button = self._button(self.tr("Rename"), self._rename)
        names = QGroupBox(self.tr("Name"))
        names_form = QFormLayout(names)
        names_form.addRow(self.tr("English:"), self.name_edit)
        names_form.addRow(self.tr("French:"), self.name_fr_edit)
        names_form.addRow("", self.rename_button)

        self.colour_button = self._button(self.tr("Colour…"), self._recolour)
        self.shortcut_edit = QLineEdit()
        self.shortcut_edit.setMaxLength(12)
        self.shortcut_edit.setPlaceholderText(self.tr("one key, e.g. q"))
        self.shortcut_button = self._button(self.tr("Set shortcut"), self._set_shortcut)
        look = QGroupBox(self.tr("Colour and shortcut"))
        look_form = QFormLayout(look)
        look_form.addRow(self.tr("Colour:"), self.colour_button)
        shortcut_row = QHBoxLayout()
        shortcut_row.addWidget(self.shortcut_edit)
        shortcut_row.addWidget(self.shortcut_button)
        look_form.addRow(self.tr("Shortcut:"), shortcut_row)

        self.parent_combo = QComboBox()
        self.move_button = self._button(self.tr("Move"), self._move_to_parent)
        self.up_button = self._button(self.tr("Up"), lambda: self._move_by(-1))
        self.down_button = self._button(self.tr("Down"), lambda: self._move_by(1))
        place = QGroupBox(self.tr("Place in the tree"))
        place_form = QFormLayout(place)
        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_combo, 1)
        parent_row.addWidget(self.move_button)
        place_form.addRow(self.tr("Parent:"), parent_row)
        order_row = QHBoxLayout()
        order_row.addWidget(self.up_button)
        order_row.addWidget(self.down_button)
        place_form.addRow(self.tr("Order:"), order_row)

        self.description_edit = QPlainTextEdit()
        self.description_fr_edit = QPlainTextEdit()
        for edit in (self.description_edit, self.description_fr_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90)
        self.description_button = self._button(self.tr("Save descriptions"), self._describe)
        about = QGroupBox(self.tr("Description"))
        about_form = QFormLayout(about)
        about_form.addRow(self.tr("English:"), self.description_edit)
        about_form.addRow(self.tr("French:"), self.description_fr_edit)
        about_form.addRow("", self.description_button)

        self.merge_button = self._button(self.tr("Merge into…"), self._merge)
        self.retire_button = self._button(self.tr("Retire"), self._toggle_retired)
        self.delete_button = self._button(self.tr("Delete"), self._delete)
        life = QHBoxLayout()
        for button in (self.merge_button, self.retire_button, self.delete_button):
            life.addWidget(button)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(self.usage_label)
        for group in (names, look, place, about):
            column.addWidget(group)
        column.addLayout(life)
        column.addStretch(1)
        self._detail_widgets = [names, look, place, about, self.merge_button, self.retire_button,
                                self.delete_button, self.add_child_button]
        return panel

    # -- showing ---------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Reload the tree from the project, keeping (or moving) the selection."""
        keep = select or self.current_label_id()
        self._labels = {label.id: label for label in self.project.codebook.labels()}
        self._items = {}
        self.tree.clear()
        labels = list(self._labels.values())
        sections = ((self.tr("Span labels"), "span"), (self.tr("Document questions"), "document"))
        for title, kind in sections:
            header = QTreeWidgetItem([title, "", ""])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            self.tree.addTopLevelItem(header)
            self._add_children(header, [label for label in labels if label.kind == kind], None)
        self.tree.expandAll()
        if keep in self._items:
            self.tree.setCurrentItem(self._items[keep])
        self._show_selected()

    def _add_children(self, parent_item: QTreeWidgetItem, labels: list[Label], parent: str | None) -> None:
        for label in children_of(labels, parent):
            name = label.display_name(self.language)
            if label.retired:
                name = self.tr("{name} (retired)").format(name=name)
            item = QTreeWidgetItem([name, label.shortcut, label.id])
            item.setIcon(0, swatch(label.color))
            item.setData(0, ID_ROLE, label.id)
            item.setToolTip(0, label.description_fr if self.language == "fr" and label.description_fr
                            else label.description)
            if label.retired:
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
                item.setForeground(0, QColor("#777777"))
            parent_item.addChild(item)
            self._items[label.id] = item
            self._add_children(item, labels, label.id)

    def current_label_id(self) -> str | None:
        """The id of the selected label (None when none is selected)."""
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_label(self, label_id: str) -> None:
        """Select a label in the tree."""
        self.tree.setCurrentItem(self._items[label_id])

    def _show_selected(self) -> None:
        label = self._labels.get(self.current_label_id() or "")
        for widget in self._detail_widgets:
            widget.setEnabled(label is not None)
        if label is None:
            self.usage_label.setText(self.tr("Select a label to edit it."))
            return
        usage = self.project.codebook.usage(label.id)
        self.usage_label.setText(self.tr("{id}: {spans} span(s), {answers} answer(s), {deleted} deleted").format(
            id=label.id, spans=usage.spans, answers=usage.answers,
            deleted=usage.deleted_spans + usage.deleted_answers))
        self.name_edit.setText(label.name)
        self.name_fr_edit.setText(label.name_fr)
        self.colour_button.setIcon(swatch(label.color))
        self.colour_button.setText(label.color)
        self.shortcut_edit.setText(label.shortcut)
        self.description_edit.setPlainText(label.description)
        self.description_fr_edit.setPlainText(label.description_fr)
        self.retire_button.setText(self.tr("Bring back") if label.retired else self.tr("Retire"))
        self.add_child_button.setEnabled(label.kind == "span")
        self.parent_combo.clear()
        self.parent_combo.addItem(self.tr("(top level)"), None)
        below = set(descendants(list(self._labels.values()), label.id))
        for other in self._labels.values():
            if other.kind == label.kind and other.id != label.id and other.id not in below:
                self.parent_combo.addItem(swatch(other.color), other.name, other.id)
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(label.parent)))

    # -- acting: one store call each ---------------------------------------------------------

    def _run(self, operation: Callable[..., Change], *args: Any, select: str | None = None) -> Change | None:
        """Call one store operation; show its refusal in a message box, or reload and announce it."""
        try:
            change = operation(*args)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Codebook"), message_text(str(exc)))
            return None
        self.refresh(select=select)
        self.codebook_changed.emit(change)
        return change

    def _add(self, as_child: bool) -> None:
        parent = self.current_label_id() if as_child else None
        name, ok = QInputDialog.getText(self, self.tr("New label"), self.tr("Name of the new label:"))
        if not ok or not name.strip():
            return
        change = self._run(self.project.labels.create, name, parent)
        if change is not None and change.labels:
            self.select_label(change.labels[0])

    def _rename(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.rename, label_id, self.name_edit.text(), self.name_fr_edit.text())

    def _recolour(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        for index, colour in enumerate(SAFE_PALETTE[: QColorDialog.customCount()]):
            QColorDialog.setCustomColor(index, QColor(colour))
        initial = QColor(next_colour(list(self._labels.values())))
        colour = QColorDialog.getColor(initial, self, self.tr("Colour of {name}").format(
            name=self._labels[label_id].name))
        if colour.isValid():
            self._run(self.project.labels.recolour, label_id, colour.name())

    def _set_shortcut(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.set_shortcut, label_id, self.shortcut_edit.text())

    def _move_to_parent(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.move, label_id, self.parent_combo.currentData())

    def _move_by(self, step: int) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        item = self._items[label_id]
        index = item.parent().indexOfChild(item) + step
        if index < 0 or index >= item.parent().childCount():
            return
        self._run(self.project.labels.move, label_id, self._labels[label_id].parent, index)

    def _describe(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.describe, label_id,
                      self.description_edit.toPlainText(), self.description_fr_edit.toPlainText())

    def _merge(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        label = self._labels[label_id]
        others = [other for other in self._labels.values() if other.kind == label.kind and other.id != label_id]
        if not others:
            return
        names = [f"{other.name} ({other.id})" for other in others]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Merge label"),
            self.tr("Move every annotation of {name} to:").format(name=label.name), names, 0, False)
        if not ok:
            return
        kept = others[names.index(choice)]
        usage = self.project.codebook.usage(label_id)
        answer = QMessageBox.question(
            self, self.tr("Merge label"),
            self.tr("Move {spans} span(s) and {answers} answer(s) of {merged} to {kept}, "
                    "then retire {merged}?").format(
                spans=usage.spans + usage.deleted_spans, answers=usage.answers + usage.deleted_answers,
                merged=label.name, kept=kept.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.project.labels.merge, label_id, kept.id, select=kept.id)

    def _toggle_retired(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        if self._labels[label_id].retired:
            change = self._run(self.project.labels.unretire, label_id)
            cleared = change.details.get("shortcuts_cleared") if change else None
            if cleared:
                QMessageBox.information(self, self.tr("Codebook"), self.tr(
                    "Shortcuts cleared because live labels use them: {keys}").format(keys=", ".join(cleared)))
        else:
            self._run(self.project.labels.retire, label_id)

    def _delete(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        answer = QMessageBox.question(self, self.tr("Delete label"), self.tr(
            "Delete {name}? Only labels that no annotation uses can be deleted.").format(
                name=self._labels[label_id].name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.project.labels.delete, label_id)
