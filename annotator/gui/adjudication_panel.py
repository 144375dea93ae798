"""The adjudication panel of the disagreement browser: spans aligned across annotators and gold, the
questions' answers, and the buttons that build the gold standard (the browser makes the store calls)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QTabWidget, QVBoxLayout, QWidget,
)

from annotator.core.consensus import AlignedSpan
from annotator.core.model import GOLD_ANNOTATOR, Label
from annotator.gui.plain_text import plain

GOLD = GOLD_ANNOTATOR
GOLD_COLOUR = "#B8860B"  # dark goldenrod: apart from the annotators' colours
DIFFERENT_BG = QColor("#FFF1E0")  # a row the annotators do not all share
AGREED_BG = QColor("#FFFFFF")


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(plain(tooltip))
    return item


class AdjudicationPanel(QWidget):
    """Spans and answers side by side, with the curator's actions."""

    group_selected = Signal(object)  # the AlignedSpan of the selected row, or None
    gold_answer_chosen = Signal(str, str)  # question id, value ("" clears)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list[AlignedSpan] = []
        self.coders: list[str] = []
        self.questions: list[Label] = []
        self._updating = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.span_table = QTableWidget(0, 0, self)
        self.span_table.setAccessibleName(self.tr("Spans of every annotator and the gold standard"))
        self.span_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().setVisible(False)
        self.span_table.itemSelectionChanged.connect(lambda: self.group_selected.emit(self.selected_group()))
        self.answer_table = QTableWidget(0, 0, self)
        self.answer_table.setAccessibleName(self.tr("Answers of every annotator and the gold answer"))
        self.answer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.answer_table.verticalHeader().setVisible(False)
        self.tabs.addTab(self.span_table, self.tr("Spans"))
        self.tabs.addTab(self.answer_table, self.tr("Questions"))
        layout.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept into gold"), self)
        self.accept_button.setToolTip(self.tr("Copy the selected span (from the annotator whose column is "
                                              "selected, else the first) into the gold standard"))
        self.delete_button = QPushButton(self.tr("Remove from gold"), self)
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Label for a new gold span"))
        self.add_button = QPushButton(self.tr("Add selected text to gold"), self)
        self.add_button.setToolTip(self.tr("Select words in the text above, choose a label, then add them "
                                           "to the gold standard as your own span"))
        for widget in (QLabel(self.tr("Selected span:"), self), self.accept_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout.addLayout(actions)
        new_span = QHBoxLayout()  # rows kept short, so the panel never widens the window in any language
        for widget in (QLabel(self.tr("   New gold span:").strip(), self), self.label_combo, self.add_button):
            new_span.addWidget(widget)
        new_span.addStretch(1)
        layout.addLayout(new_span)
        agreed = QHBoxLayout()
        agreed.addWidget(QLabel(self.tr("Agreed by"), self))
        self.threshold_combo = QComboBox(self)
        self.threshold_combo.setAccessibleName(self.tr("Agreement threshold"))
        for value, text in ((1.0, self.tr("all annotators")), (2 / 3, self.tr("two thirds of them")),
                            (0.5, self.tr("half of them"))):
            self.threshold_combo.addItem(text, value)
        agreed.addWidget(self.threshold_combo)
        self.accept_agreed_button = QPushButton(self.tr("Accept agreed in this document"), self)
        self.accept_all_button = QPushButton(self.tr("Accept agreed in every listed document…"), self)
        self.accept_answers_button = QPushButton(self.tr("Accept agreed answers in this document"), self)
        agreed.addWidget(self.accept_agreed_button)
        agreed.addStretch(1)
        layout.addLayout(agreed)
        answers_row = QHBoxLayout()  # the corpus-wide action on its own row: in French one row held 985 px
        answers_row.addWidget(self.accept_all_button)
        answers_row.addWidget(self.accept_answers_button)
        answers_row.addStretch(1)
        layout.addLayout(answers_row)
        finish = QHBoxLayout()
        self.settled_check = QCheckBox(self.tr("Document settled (what gold lacks was rejected)"), self)
        self.settled_check.setToolTip(self.tr("A settled document has no open disagreement left: "
                                              "what the gold standard lacks was looked at and rejected."))
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.redo_button = QPushButton(self.tr("Redo"), self)
        finish.addWidget(self.settled_check)
        finish.addStretch(1)
        finish.addWidget(self.undo_button)
        finish.addWidget(self.redo_button)
        layout.addLayout(finish)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #444;")
        layout.addWidget(self.status)
        self.curator_buttons = (self.accept_button, self.delete_button, self.label_combo, self.add_button,
                                self.threshold_combo, self.accept_agreed_button, self.accept_all_button,
                                self.accept_answers_button, self.settled_check)

    @property
    def threshold(self) -> float:
        return float(self.threshold_combo.currentData())

    def set_labels(self, labels: list[Label], language: str = "en") -> None:
        self.language = language
        self.label_combo.clear()
        for label in labels:
            if label.kind == "span" and not label.retired:
                self.label_combo.addItem(label.display_name(language), label.id)

    def show_settled(self, settled: bool) -> None:
        """Tick the "settled" box without announcing it as the curator's choice."""
        self.settled_check.blockSignals(True)
        self.settled_check.setChecked(settled)
        self.settled_check.blockSignals(False)

    def set_curator(self, allowed: bool) -> None:
        """Enable the gold-standard actions, or explain why they are off."""
        for widget in self.curator_buttons:
            widget.setEnabled(allowed)
        self.answer_table.setEnabled(True)
        self._curator = allowed
        if not allowed:
            self.status.setText(self.tr("Only the project lead builds the gold standard in this project."))

    # -- spans -----------------------------------------------------------------------------

    def show_spans(self, groups: list[AlignedSpan], coders: list[str], colours: dict[str, str],
                   label_names: dict[str, str]) -> None:
        """One row per distinct (start, end, label), one column per annotator and for gold."""
        self.groups, self.coders = list(groups), list(coders)
        table = self.span_table
        table.blockSignals(True)
        table.clear()
        headers = [self.tr("Text"), self.tr("Label")] + coders + [self.tr("Gold"), self.tr("Marked by")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for k, name in enumerate(coders):
            table.horizontalHeaderItem(2 + k).setForeground(QBrush(QColor(colours[name])))
        bold = QFont(table.font())
        bold.setBold(True)
        table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            agreed = len(group.support(coders)) == len(coders)
            background = AGREED_BG if agreed else DIFFERENT_BG
            cells = [_item(group.text.replace("\n", " ")[:120], f"{group.start}–{group.end}"),
                     _item(label_names.get(group.label, group.label), group.label)]
            for name in coders:
                cell = _item("✓" if name in group.by_annotator else "")
                cell.setForeground(QBrush(QColor(colours[name])))
                cell.setFont(bold)
                cells.append(cell)
            gold = _item(self.tr("✓ gold") if GOLD in group.by_annotator else "")
            gold.setFont(bold)
            cells += [gold, _item(self.support_text(group, coders))]
            for column, cell in enumerate(cells):
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setBackground(QBrush(background))
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.blockSignals(False)

    def support_text(self, group: AlignedSpan, coders: list[str]) -> str:
        """Who marked this span exactly: "all 3", "2 of 3", "only alice", "gold only"."""
        support = group.support(coders)
        if not support:
            return self.tr("gold only")
        if len(support) == len(coders):
            return self.tr("all %s") % len(coders)
        if len(support) == 1:
            return self.tr("only %s") % support[0]
        return self.tr("%1 of %2").replace("%1", str(len(support))).replace("%2", str(len(coders)))

    def selected_group(self) -> AlignedSpan | None:
        rows = {index.row() for index in self.span_table.selectionModel().selectedRows()} \
            if self.span_table.selectionModel() else set()
        return self.groups[min(rows)] if rows and min(rows) < len(self.groups) else None

    def selected_annotator(self) -> str | None:
        """The annotator whose column holds the current cell, if it is an annotator column."""
        column = self.span_table.currentColumn() - 2
        return self.coders[column] if 0 <= column < len(self.coders) else None

    def select_span(self, span_id: str) -> None:
        """Select the row holding span `span_id` (any annotator's, or gold)."""
        for row, group in enumerate(self.groups):
            if any(s.id == span_id for s in group.by_annotator.values()):
                self.span_table.selectRow(row)
                self.span_table.scrollToItem(self.span_table.item(row, 0))
                return
        self.span_table.clearSelection()

    def select_key(self, key: tuple[int, int, str]) -> None:
        """Select the row of (start, end, label) without moving the reader."""
        for row, group in enumerate(self.groups):
            if group.key == key:
                self.span_table.blockSignals(True)
                self.span_table.selectRow(row)
                self.span_table.blockSignals(False)
                return

    # -- answers ---------------------------------------------------------------------------

    def show_answers(self, questions: list[Label], coders: list[str], answers: dict[str, dict[str, str]],
                     gold: dict[str, str]) -> None:
        """One row per question: each annotator's answer and a choice box for the gold answer."""
        self.questions = [q for q in questions if q.kind == "document" and not q.retired]
        table = self.answer_table
        self._updating = True
        table.clear()
        headers = [self.tr("Question")] + coders + [self.tr("Gold answer")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(self.questions))
        for row, question in enumerate(self.questions):
            language = getattr(self, "language", "en")
            names = {c.id: c.display_name(language) for c in question.choices}
            given = answers.get(question.id, {})

            def shown(value: str) -> str:
                return " | ".join(names.get(v, v) for v in value.split("|") if v)

            values = [given.get(a, "") for a in coders]
            differ = len({v for v in values if v}) > 1 or (any(values) and not all(values))
            background = DIFFERENT_BG if differ else AGREED_BG
            cells = [_item(question.display_name(language), question.id)] + [_item(shown(v)) for v in values]
            for column, cell in enumerate(cells):
                cell.setBackground(QBrush(background))
                table.setItem(row, column, cell)
            combo = QComboBox(table)
            combo.setAccessibleName(self.tr("Gold answer to %s") % question.display_name(language))
            combo.addItem(self.tr("(no gold answer)"), "")
            options = [c.id for c in question.choices] if not question.multiple else \
                sorted({v for v in values if v} | ({gold[question.id]} if gold.get(question.id) else set()))
            for value in options:
                combo.addItem(shown(value), value)
            combo.setCurrentIndex(max(0, combo.findData(gold.get(question.id, ""))))
            combo.setEnabled(getattr(self, "_curator", True))
            combo.currentIndexChanged.connect(
                lambda _i, q=question.id, c=combo: None if self._updating else
                self.gold_answer_chosen.emit(q, c.currentData()))
            table.setCellWidget(row, len(headers) - 1, combo)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._updating = False

    def gold_combo(self, question_id: str) -> QComboBox | None:
        for row, question in enumerate(self.questions):
            if question.id == question_id:
                return self.answer_table.cellWidget(row, self.answer_table.columnCount() - 1)
        return None
