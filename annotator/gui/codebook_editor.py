"""The codebook editor dialog: labels, document questions (with their choices) and span attributes in one tree,
one button per store operation; shortcuts checked against the window's own keys; importing a codebook with
every change shown first. What the buttons do is in codebook_operations.py."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSplitter, QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from annotator.core.codebook_tree import children_of, descendants
from annotator.core.model import AttributeDef, Label
from annotator.gui.codebook_attributes import AttributePanel
from annotator.gui.codebook_operations import CodebookOperations
from annotator.gui.codebook_questions import QuestionBox
from annotator.gui.shortcut_rules import reserved_keys
from annotator.gui.plain_text import plain

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "attribute" for span attributes; labels and questions have none


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small square filled with the label's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def show_retired(item: QTreeWidgetItem) -> None:
    """A retired entry in grey italics: still listed, no longer offered to coders."""
    font = QFont(item.font(0))
    font.setItalic(True)
    item.setFont(0, font)
    item.setForeground(0, QColor("#777777"))


class CodebookEditor(CodebookOperations, QDialog):
    """Edit the project's codebook; every button calls one store method, then the tree reloads.

    `codebook_changed` carries the Change each successful operation returned.
    """

    codebook_changed = Signal(object)

    def __init__(self, project: Any, parent: QWidget | None = None, language: str = "en"):
        super().__init__(parent)
        self.project = project
        self.language = language  # the tree shows names in the interface's language
        self._labels: dict[str, Label] = {}
        self._attributes: dict[str, AttributeDef] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._attribute_items: dict[str, QTreeWidgetItem] = {}
        # The keys this window's menus and text editing use: a label taking one would never fire.
        self.reserved_keys = reserved_keys(parent)
        self.setWindowTitle(self.tr("Edit codebook"))
        self.resize(1120, 720)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Key"), self.tr("Id")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Codebook labels"))
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())

        self.add_button = QPushButton(self.tr("Add label…"))
        self.add_child_button = QPushButton(self.tr("Add sub-label…"))
        self.add_question_button = QPushButton(self.tr("Add question…"))
        self.add_attribute_button = QPushButton(self.tr("Add attribute…"))
        self.import_button = QPushButton(self.tr("Import codebook…"))
        self.add_button.clicked.connect(lambda: self._add(as_child=False))
        self.add_child_button.clicked.connect(lambda: self._add(as_child=True))
        self.add_question_button.clicked.connect(lambda: self._add(as_child=False, kind="document"))
        self.add_attribute_button.clicked.connect(lambda: self.add_attribute())
        self.import_button.clicked.connect(lambda: self.import_codebook())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        add_row = QHBoxLayout()
        for button in (self.add_button, self.add_child_button, self.add_question_button, self.add_attribute_button):
            add_row.addWidget(button)
        left_layout.addLayout(add_row)
        left_layout.addWidget(self.import_button)

        self.attribute_panel = AttributePanel(self._run, self.project.codebook, self)
        self.details_stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidget(self._build_details())
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_stack.addWidget(scroll)
        self.details_stack.addWidget(self.attribute_panel)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 620])

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
        self.usage_label.setTextFormat(Qt.TextFormat.PlainText)
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
        self.shortcut_row = QWidget()
        shortcut_row = QHBoxLayout(self.shortcut_row)
        shortcut_row.setContentsMargins(0, 0, 0, 0)
        shortcut_row.addWidget(self.shortcut_edit)
        shortcut_row.addWidget(self.shortcut_button)
        self.shortcut_caption = QLabel(self.tr("Shortcut:"))
        look_form.addRow(self.shortcut_caption, self.shortcut_row)
        self.question_box = QuestionBox(self._run, self.project.labels, self)

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
        for group in (names, look, self.question_box, place, about):
            column.addWidget(group)
        column.addLayout(life)
        column.addStretch(1)
        self._detail_widgets = [names, look, place, about, self.merge_button, self.retire_button,
                                self.delete_button, self.add_child_button, self.question_box]
        return panel

    # -- showing ---------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Reload the tree from the project, keeping (or moving) the selection."""
        keep = select or self.current_label_id()
        self._labels = {label.id: label for label in self.project.codebook.labels()}
        self._attributes = {attr.id: attr for attr in self.project.codebook.attributes()}
        self._items = {}
        self._attribute_items = {}
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
        header = QTreeWidgetItem([self.tr("Span attributes"), "", ""])
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        self.tree.addTopLevelItem(header)
        for attr in self._attributes.values():
            name = attr.display_name(self.language)
            item = QTreeWidgetItem([self.tr("{name} (retired)").format(name=name) if attr.retired else name, "",
                                    attr.id])
            item.setData(0, ID_ROLE, attr.id)
            item.setData(0, KIND_ROLE, "attribute")
            if attr.retired:
                show_retired(item)
            header.addChild(item)
            self._attribute_items[attr.id] = item
        self.tree.expandAll()
        if keep in self._items:
            self.tree.setCurrentItem(self._items[keep])
        elif keep in self._attribute_items:
            self.tree.setCurrentItem(self._attribute_items[keep])
        self._show_selected()

    def _add_children(self, parent_item: QTreeWidgetItem, labels: list[Label], parent: str | None) -> None:
        for label in children_of(labels, parent):
            name = label.display_name(self.language)
            if label.retired:
                name = self.tr("{name} (retired)").format(name=name)
            item = QTreeWidgetItem([name, label.shortcut, label.id])
            item.setIcon(0, swatch(label.color))
            item.setData(0, ID_ROLE, label.id)
            item.setToolTip(0, plain(label.display_description(self.language)))
            if label.retired:
                show_retired(item)
            parent_item.addChild(item)
            self._items[label.id] = item
            self._add_children(item, labels, label.id)

    def current_label_id(self) -> str | None:
        """The id of the selected label or question (None when none is selected)."""
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) == "attribute":
            return None
        return item.data(0, ID_ROLE)

    def current_attribute_id(self) -> str | None:
        """The id of the selected span attribute (None when none is)."""
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None and item.data(0, KIND_ROLE) == "attribute" else None

    def select_label(self, label_id: str) -> None:
        """Select a label or question in the tree."""
        self.tree.setCurrentItem(self._items[label_id])

    def select_attribute(self, attribute_id: str) -> None:
        """Select a span attribute in the tree."""
        self.tree.setCurrentItem(self._attribute_items[attribute_id])

    def _show_selected(self) -> None:
        attribute = self._attributes.get(self.current_attribute_id() or "")
        if attribute is not None:
            self.details_stack.setCurrentIndex(1)
            self.attribute_panel.show_attribute(attribute, list(self._labels.values()),
                                                self.project.codebook.attribute_usage(attribute.id), self.language)
            return
        self.details_stack.setCurrentIndex(0)
        label = self._labels.get(self.current_label_id() or "")
        for widget in self._detail_widgets:
            widget.setEnabled(label is not None)
        self.question_box.setVisible(label is not None and label.kind == "document")
        if label is None:
            self.usage_label.setText(self.tr("Select a label to edit it."))
            return
        question = label.kind == "document"
        self.shortcut_row.setVisible(not question)
        self.shortcut_caption.setVisible(not question)
        if question:
            self.question_box.show_question(label, self.language)
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
                self.parent_combo.addItem(swatch(other.color), other.display_name(self.language), other.id)
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(label.parent)))
