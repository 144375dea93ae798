"""The reader: shows one article, its spans as tinted text with stacked underline lanes, and takes keys."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QKeyEvent, QKeySequence, QPainter, QPen, QTextBlockFormat, QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotator.core.lanes import assign_lanes, spans_at
from annotator.core.model import Label, Span
from annotator.gui.qt_offsets import QtOffsets

LANE_HEIGHT = 3.0
MAX_LINE_WIDTH = 760  # pixels of text per line at most, for comfortable reading
LANE_GAP = 1.5


@dataclass
class Mark:
    """Something drawn over the text: a span (solid) or a suggestion (dotted)."""

    id: str
    start: int
    end: int
    color: str
    title: str
    suggestion: bool = False
    readonly: bool = False  # another annotator's span, shown for comparison


def key_text(event: QKeyEvent) -> str:
    """The event as a portable key string such as 's', 'Alt+1' or 'Ctrl+Shift+K'."""
    mods = event.modifiers()
    parts = []
    if mods & Qt.KeyboardModifier.ControlModifier:
        parts.append("Ctrl")
    if mods & Qt.KeyboardModifier.AltModifier:
        parts.append("Alt")
    key = event.key()
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z or Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        name = QKeySequence(key).toString()
        if mods & Qt.KeyboardModifier.ShiftModifier and parts:
            parts.append("Shift")
        return "+".join(parts + [name.lower() if not parts else name])
    return ""


class ReaderView(QTextEdit):
    """Read-only, keyboard-selectable article view that reports annotation keys as signals."""

    label_key = Signal(str)
    delete_key = Signal()
    cycle_key = Signal(int)
    resize_key = Signal(str, int)
    edit_key = Signal()
    mark_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Article text"))
        self.setAccessibleDescription(self.tr("Select words, then press a label's key to annotate them."))
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.document().setDocumentMargin(28)
        self.setStyleSheet("QTextEdit { background: #FFFFFF; color: #1A1A1A; }")
        self._offsets = QtOffsets("")
        self._text = ""
        self._marks: list[Mark] = []
        self._lanes: list[int] = []
        self._shortcuts: dict[str, str] = {}
        self.selected_mark_id: str | None = None
        self._point_size = 12.0

    # -- content ---------------------------------------------------------------------------

    def show_text(self, text: str) -> None:
        """Show a document's stored text; the first paragraph (the headline) is set large and bold."""
        self._text = text
        self._offsets = QtOffsets(text)
        self._marks, self._lanes, self.selected_mark_id = [], [], None
        self._load_text()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _load_text(self) -> None:
        """Fill the document in one insertion whose blocks all inherit the body's line spacing."""
        document = self.document()
        document.setUndoRedoEnabled(False)
        self.setPlainText(self._text)
        body = QTextBlockFormat()
        body.setLineHeight(165, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        # Block by block inside one edit block: far faster than one merge over a whole-document selection.
        editor = QTextCursor(document)
        editor.beginEditBlock()
        block = document.firstBlock()
        while block.isValid():
            QTextCursor(block).setBlockFormat(body)
            block = block.next()
        editor.endEditBlock()
        document.setDocumentMargin(28)
        self._centre_column()
        self._format_headline()

    def _format_headline(self) -> None:
        headline = self.document().firstBlock()
        if headline.isValid() and headline.length() > 1:
            cursor = QTextCursor(headline)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            headline_format = QTextBlockFormat()
            headline_format.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            headline_format.setBottomMargin(6)
            cursor.mergeBlockFormat(headline_format)
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self._point_size * 1.4)
            cursor.mergeCharFormat(fmt)

    def set_point_size(self, size: float) -> None:
        self._point_size = size
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        if self._text:
            position = self.textCursor().position()
            self._load_text()
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(self.toPlainText())))
            self.setTextCursor(cursor)
            self._refresh_marks()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._centre_column()

    def _centre_column(self) -> None:
        """Keep lines at a readable length by widening the side margins of wide windows."""
        side = max(0.0, (self.viewport().width() - MAX_LINE_WIDTH) / 2 - 28)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def set_shortcuts(self, shortcuts: dict[str, str]) -> None:
        """Key string -> label id, for the labels that can be applied from the keyboard."""
        self._shortcuts = {k: v for k, v in shortcuts.items() if k}

    def set_marks(self, marks: list[Mark]) -> None:
        """Spans and suggestions to draw, in code-point offsets."""
        self._marks = list(marks)
        self._lanes = assign_lanes([(m.start, m.end) for m in self._marks if not m.suggestion])
        if self.selected_mark_id and not any(m.id == self.selected_mark_id for m in self._marks):
            self.selected_mark_id = None
        self._refresh_marks()

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _refresh_marks(self) -> None:
        """Marks are painted in paintEvent, only where visible; this asks for a repaint."""
        self.viewport().update()

    # -- selection -------------------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_range(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor_for(start, end))

    def cursor_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def marks_at(self, offset: int) -> list[Mark]:
        """Spans (not suggestions) over character `offset`, innermost first."""
        spans = [m for m in self._marks if not m.suggestion]
        return [spans[i] for i in spans_at([(m.start, m.end) for m in spans], offset)]

    def select_mark(self, mark_id: str | None, move_cursor: bool = True) -> None:
        """Make `mark_id` the selected span (drawn stronger) and put the cursor at its start."""
        self.selected_mark_id = mark_id
        mark = next((m for m in self._marks if m.id == mark_id), None)
        if mark is not None and move_cursor:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets.to_qt(mark.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._refresh_marks()

    # -- painting of lanes -----------------------------------------------------------------

    def _segments(self, start16: int, end16: int):
        """Rectangles (document coordinates) of the text between two Qt positions, one per line."""
        block = self.document().findBlock(start16)
        while block.isValid() and block.position() < end16:
            layout = block.layout()
            origin = layout.position()
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = base + line.textStart()
                line_end = line_start + line.textLength()
                s, e = max(start16, line_start), min(end16, line_end)
                if s >= e:
                    continue
                x1 = line.cursorToX(s - base)[0]
                x2 = line.cursorToX(e - base)[0]
                top = origin.y() + line.y()
                yield QRectF(origin.x() + x1, top, x2 - x1, line.ascent() + line.descent())
            block = block.next()

    def _visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters in view (with a margin)."""
        rect = self.viewport().rect()
        first = self.cursorForPosition(rect.topLeft()).position()
        bottom = self.verticalScrollBar().value() + rect.height()
        layout = self.document().documentLayout()
        block = self.document().findBlock(first)
        last = first
        while block.isValid():
            box = layout.blockBoundingRect(block)
            if box.top() > bottom or (block.layout().lineCount() == 0 and block.length() > 1):
                break
            last = block.position() + block.length()
            block = block.next()
        return self._offsets.from_qt(max(0, first - 200)), self._offsets.from_qt(last + 200)

    def _visible_marks(self):
        """(mark, lane, rectangles in viewport coordinates) for every mark in view."""
        low, high = self._visible_range()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        lanes = iter(self._lanes)
        for mark in self._marks:
            lane = 0 if mark.suggestion else next(lanes)
            if mark.end < low or mark.start > high:
                continue
            rects = [r.translated(dx, dy) for r in self._segments(
                self._offsets.to_qt(max(mark.start, low)), self._offsets.to_qt(min(mark.end, high)))]
            yield mark, lane, rects

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        visible = list(self._visible_marks()) if self._marks else []
        if visible:
            painter = QPainter(self.viewport())
            for mark, _lane, rects in visible:
                if mark.suggestion:
                    continue
                color = QColor(mark.color)
                color.setAlpha(140 if mark.id == self.selected_mark_id else (35 if mark.readonly else 55))
                for rect in rects:
                    painter.fillRect(rect, color)
            painter.end()
        super().paintEvent(event)
        if not visible:
            return
        painter = QPainter(self.viewport())
        for mark, lane, rects in visible:
            color = QColor(mark.color)
            if mark.suggestion:
                painter.setPen(QPen(color, 1.6, Qt.PenStyle.DotLine))
                for rect in rects:
                    painter.drawLine(rect.bottomLeft() + QPointF(0, 1), rect.bottomRight() + QPointF(0, 1))
                continue
            selected = mark.id == self.selected_mark_id
            for rect in rects:
                y = rect.bottom() + 1 + lane * (LANE_HEIGHT + LANE_GAP)
                bar = QRectF(rect.left(), y, max(rect.width(), 2.0), LANE_HEIGHT)
                if mark.readonly:
                    painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
                    painter.drawLine(bar.topLeft(), bar.topRight())
                else:
                    painter.fillRect(bar, color)
                if selected:
                    painter.setPen(QPen(QColor("#000000"), 1))
                    painter.drawRect(bar.adjusted(-1, -1, 1, 1))
        painter.end()

    # -- events ----------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            offset = self._offsets.from_qt(position)
            lines = [m.title for m in self.marks_at(offset)]
            suggestion = self.tr("suggestion")  # outside the f-string, where lupdate finds it
            lines += [f"{m.title} ({suggestion})" for m in self._marks if m.suggestion and m.start <= offset < m.end]
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self._offsets.from_qt(self.cursorForPosition(QPointF(event.position()).toPoint()).position())
            hits = [m for m in self._marks if m.start <= offset < m.end]
            hits.sort(key=lambda m: (m.suggestion, m.end - m.start))
            self.mark_clicked.emit(hits[0].id if hits else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        mods = event.modifiers()
        key = event.key()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        text_key = key_text(event)
        if text_key and text_key in self._shortcuts:
            self.label_key.emit(self._shortcuts[text_key])
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not ctrl:
            self.delete_key.emit()
            return
        if alt and not ctrl and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.cycle_key.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        if alt and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            delta = 1 if key == Qt.Key.Key_Right else -1
            if shift and not ctrl:
                self.resize_key.emit("end", delta)
                return
            if ctrl and not shift:
                self.resize_key.emit("start", delta)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.edit_key.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.mark_clicked.emit("")
            return
        super().keyPressEvent(event)
