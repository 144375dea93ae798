"""A one-line label that fits the room it gets: its text, else its short form, else that shortened with "…"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QToolTip, QWidget

from annotator.gui.plain_text import plain

QWIDGETSIZE_MAX = (1 << 24) - 1
MIN_CHARACTERS = 12  # by default a field never gets narrower than this many characters of its font


class FittingLabel(QLabel):
    """A plain-text label for a crowded row (the status bar): it asks for its whole text but accepts less,
    then shows its short form (when it has one) or the text shortened with "…", the whole in its tooltip.
    `text()` stays the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, short: str = "",
                 min_characters: int = MIN_CHARACTERS):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._short = short
        self.min_characters = min_characters
        self.setText(text)

    def set_texts(self, text: str, short: str = "") -> None:
        """The whole text and the short form shown when the whole does not fit."""
        self._short = short
        self.setText(text)
        self.updateGeometry()
        self.update()

    def short_text(self) -> str:
        """The short form ("" when it has none)."""
        return self._short

    def shown_text(self) -> str:
        """What is drawn now, for the room the label has."""
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        text = self.text()
        if metrics.horizontalAdvance(text) <= room:
            return text
        if self._short and metrics.horizontalAdvance(self._short) <= room:
            return self._short
        return metrics.elidedText(self._short or text, Qt.TextElideMode.ElideRight, room)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        fallback = self._short or self.text()
        if len(fallback) <= self.min_characters and not self._short:
            return self.sizeHint()  # a short text stays whole
        narrowest = min(metrics.horizontalAdvance(fallback) + 2, self.min_characters * metrics.averageCharWidth())
        return QSize(narrowest + margins.left() + margins.right(), hint.height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            whole = "\n".join(filter(None, (self.text(), self.toolTip())))
            QToolTip.showText(event.globalPos(), plain(whole), self)
            return True
        return super().event(event)


def make_room_for_messages(bar: QStatusBar, hidden: list[QWidget], narrowed: list[FittingLabel]) -> None:
    """While the status bar shows a message (left of its permanent fields), the `hidden` fields step aside
    and the `narrowed` ones take their narrowest width, so that a crowded bar still shows the message."""

    def shown(message: str) -> None:
        fields = [w for w in bar.findChildren(QLabel) if w.isVisible() and w.parentWidget() is bar]
        taken = sum(field.sizeHint().width() for field in fields) + 12 * len(fields)
        crowded = bool(message) and taken + bar.fontMetrics().horizontalAdvance(message) > bar.width()
        for field in hidden:
            field.setVisible(not crowded)
        for field in narrowed:
            field.setMaximumWidth(field.minimumSizeHint().width() if crowded else QWIDGETSIZE_MAX)

    bar.messageChanged.connect(shown)
