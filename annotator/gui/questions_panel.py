"""Document-level questions (primary frame, tone...): one choice box per question for this document, each
with a button for a note on the answer (why this answer)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QScrollArea, QToolButton,
    QWidget,
)

from annotator.core.model import DocumentLabel, Label
from annotator.gui.plain_text import plain


class QuestionsPanel(QWidget):
    """Shows each question with its choices; a change emits (question id, value)."""

    answered = Signal(str, str)
    note_requested = Signal(str)  # question id

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow panel: question above
        self._widgets: dict[str, QWidget] = {}
        self._notes: dict[str, QToolButton] = {}
        self._names: dict[str, str] = {}
        self._retired: dict[str, list] = {}  # question id -> retired choices, shown only when an answer holds one
        self._language = "en"
        self._updating = False

    def set_questions(self, questions: list[Label], language: str = "en") -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._widgets, self._notes = {}, {}
        self._retired = {}
        self._language = language
        for question in questions:
            if question.retired:
                continue
            title = QLabel(self)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setText(question.display_name(language))
            title.setWordWrap(True)
            title.setToolTip(plain(question.display_description(language)))
            offered = [c for c in question.choices if not c.retired]
            self._retired[question.id] = [c for c in question.choices if c.retired]
            if question.multiple:
                widget = QListWidget(self)
                for choice in offered:
                    item = QListWidgetItem(choice.display_name(language))
                    item.setData(Qt.ItemDataRole.UserRole, choice.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    widget.addItem(item)
                widget.setMaximumHeight(90)
                widget.itemChanged.connect(lambda _item, q=question.id, w=widget: self._multi_changed(q, w))
            else:
                widget = QComboBox(self)
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(12)  # a narrow panel: long choices are shortened, not cut off
                widget.addItem(self.tr("(not answered)"), "")
                for choice in offered:
                    widget.addItem(choice.display_name(language), choice.id)
                widget.currentIndexChanged.connect(lambda _i, q=question.id, w=widget: self._single_changed(q, w))
            widget.setAccessibleName(question.display_name(language))
            title.setBuddy(widget)
            note = QToolButton(self)
            note.setText("✎")
            note.setAutoRaise(True)
            note.setAccessibleName(self.tr("Note on the answer to %s") % question.display_name(language))
            note.clicked.connect(lambda _c=False, q=question.id: self.note_requested.emit(q))
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            row.addWidget(note)
            self._layout.addRow(title, row)
            self._widgets[question.id] = widget
            self._notes[question.id] = note
            self._names[question.id] = question.display_name(language)

    def set_answers(self, answers: list[DocumentLabel]) -> None:
        """Show this annotator's answers for the current document."""
        values = {a.question: a.value for a in answers}
        notes = {a.question: a.note for a in answers}
        for question_id, button in self._notes.items():
            note = notes.get(question_id, "")
            button.setEnabled(bool(values.get(question_id)))
            button.setText("✎•" if note else "✎")
            button.setToolTip(note or (self.tr("Add a note on your answer (why this answer)")
                                       if values.get(question_id) else self.tr("Answer first, then add a note")))
        self._updating = True
        try:
            for question_id, widget in self._widgets.items():
                value = values.get(question_id, "")
                self._offer_retired(question_id, widget, set(filter(None, value.split("|"))))
                if isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    widget.setCurrentIndex(max(index, 0))
                else:
                    chosen = set(filter(None, value.split("|")))
                    for i in range(widget.count()):
                        item = widget.item(i)
                        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                                           else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def set_hints(self, hints: dict[str, tuple[str, float]]) -> None:
        """Show the model's proposed answer (choice id, probability) in each single-choice question's
        "(not answered)" entry; questions without a hint show the plain entry."""
        for question_id, widget in self._widgets.items():
            if not isinstance(widget, QComboBox):
                continue
            hint = hints.get(question_id)
            index = widget.findData(hint[0]) if hint else -1
            if index <= 0:
                widget.setItemText(0, self.tr("(not answered)"))
                widget.setToolTip("")
                continue
            name, sure = widget.itemText(index), f"{hint[1]:.0%}"
            widget.setItemText(0, self.tr("(not answered; model: %1, %2)").replace("%1", name).replace("%2", sure))
            widget.setToolTip(self.tr("The model learnt from this project's answers proposes “%1” (sure at %2); "
                                      "choose it to answer.").replace("%1", name).replace("%2", sure))

    def _offer_retired(self, question_id: str, widget: QWidget, given: set[str]) -> None:
        """A retired choice appears (marked) only while this answer holds it, so it can be seen and changed."""
        for choice in self._retired.get(question_id, []):
            text = self.tr("%s (retired)") % choice.display_name(self._language)
            if isinstance(widget, QComboBox):
                index = widget.findData(choice.id)
                if choice.id in given and index < 0:
                    widget.addItem(text, choice.id)
                elif choice.id not in given and index >= 0:
                    widget.removeItem(index)
            else:
                rows = [i for i in range(widget.count()) if widget.item(i).data(Qt.ItemDataRole.UserRole) == choice.id]
                if choice.id in given and not rows:
                    item = QListWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, choice.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    widget.addItem(item)
                elif choice.id not in given:
                    for i in reversed(rows):
                        widget.takeItem(i)

    def widget_for(self, question_id: str) -> QWidget:
        return self._widgets[question_id]

    def note_button(self, question_id: str) -> QToolButton:
        return self._notes[question_id]

    def _single_changed(self, question_id: str, widget: QComboBox) -> None:
        if not self._updating:
            self.answered.emit(question_id, widget.currentData() or "")

    def _multi_changed(self, question_id: str, widget: QListWidget) -> None:
        if self._updating:
            return
        chosen = [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                  if widget.item(i).checkState() == Qt.CheckState.Checked]
        self.answered.emit(question_id, "|".join(chosen))


class QuestionsArea(QScrollArea):
    """The questions panel in the side panel's splitter: it asks for the height its questions take at
    its width (each name wrapped above its drop-down), up to MAX_LINES lines of text, and scrolls beyond
    that, so a small screen or a large text size never squeezes a drop-down or cuts a question's name."""

    MAX_LINES = 12

    def __init__(self, panel: QuestionsPanel, parent=None):
        super().__init__(parent)
        self.panel = panel
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the questions themselves
        self._width = -1

    def needed_height(self) -> int:
        """The questions' height at the width they have, at most MAX_LINES lines of text."""
        width = self.viewport().width() if self.isVisible() else self.width()
        height = self.panel.heightForWidth(width) if self.panel.hasHeightForWidth() else -1
        if height < 0:
            height = self.panel.sizeHint().height()
        return min(height, self.MAX_LINES * self.fontMetrics().lineSpacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.needed_height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), self.needed_height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped names take another height at another width
            self._width = event.size().width()
            self.updateGeometry()
