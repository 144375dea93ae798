"""The memo panel: this annotator's free notes on the shown article (one memo per annotator and article)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

SAVE_AFTER_MS = 1500  # a pause in typing this long saves the memo


class MemoEdit(QPlainTextEdit):
    """The memo's text box; leaving it saves what was typed."""

    left = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.left.emit()


class MemoPanel(QWidget):
    """A text box saved (as one undoable step) when typing pauses, when it loses focus, or when the article changes."""

    edited = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = MemoEdit(self)
        self.edit.setAccessibleName(self.tr("Memo on this article"))
        self.edit.setPlaceholderText(self.tr("Your notes on this article: its frame, doubts, what to discuss…"))
        hint = QLabel(self.tr("Saved as you type, with your annotations of this article."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        self._shown = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self.edit.textChanged.connect(self._typed)
        self.edit.left.connect(self.flush)

    def set_memo(self, text: str) -> None:
        """Show the stored memo of the article now shown (nothing is saved by this)."""
        self._timer.stop()
        self._shown = text
        if self.edit.toPlainText() != text:
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(False)

    def text(self) -> str:
        return self.edit.toPlainText()

    def _typed(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Save now if the text differs from what is stored."""
        self._timer.stop()
        text = self.edit.toPlainText()
        if text != self._shown:
            self._shown = text
            self.edited.emit(text)
