"""What the reader does with the mouse and the keyboard: clicks select marks, the selected span's edges are
dragged, tooltips name the marks under the pointer, and label, delete, cycle, resize and edit keys become
signals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QToolTip

EDGE_GRAB = 5  # pixels inside a span, from its edge, where the mouse takes the edge
EDGE_OUTSIDE = 1.5  # pixels outside: the drawn handle's width; a press further out starts a selection


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


def _beside(rect, point: QPointF) -> bool:
    """True when `point` is level with `rect`'s line of text or its handle (drawn a little above and below)."""
    return rect.top() - 2 <= point.y() <= rect.bottom() + 6


class ReaderInput:
    """The ReaderView's mouse and keyboard handling (mixed into ReaderView)."""

    def _edge_under(self, point: QPointF) -> str | None:
        """"start" or "end" when `point` is on an edge of the selected (own) span: within a few pixels of the
        edge's handle, on the span's side of it. A press beyond the handle (in the space after the span, on
        the next word) starts a selection, as anywhere else."""
        mark = self.mark(self.selected_mark_id) if self.selected_mark_id else None
        if mark is None or mark.suggestion or mark.readonly:
            return None
        rects = self.segments(mark.start, mark.end)
        if not rects:
            return None
        first, last = rects[0], rects[-1]
        x = point.x()
        if last.right() - EDGE_GRAB <= x <= last.right() + EDGE_OUTSIDE and _beside(last, point):
            return "end"
        if first.left() - EDGE_OUTSIDE <= x <= first.left() + EDGE_GRAB and _beside(first, point):
            return "start"
        return None

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.forget_view_top()
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.forget_view_top()
        if event.button() == Qt.MouseButton.LeftButton:
            edge = self._edge_under(event.position())
            if edge is not None:
                self._drag = (self.selected_mark_id, edge)
                self._drag_offset = None
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._drag is not None:
            self._drag_offset = self.offset_at(event.position().toPoint())
            self.viewport().update()
            event.accept()
            return
        edge = self._edge_under(event.position())
        if edge is not None:
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._drag is not None:
            mark_id, edge = self._drag
            offset = self.offset_at(event.position().toPoint())
            self._drag, self._drag_offset = None, None
            self.viewport().update()
            self.edge_dragged.emit(mark_id, edge, offset)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            hits = self.marks_under(self.offset_at(QPointF(event.position()).toPoint()))
            self.mark_clicked.emit(hits[0].id if hits else "")  # the innermost: a suggestion inside a span wins

    # -- events ----------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            offset = self.offset_at(event.pos())
            lines = [m.title for m in self.marks_at(offset)]
            suggestion = self.tr("suggestion")  # outside the f-string, where lupdate finds it
            lines += [f"{e.payload.title} ({suggestion})" for e in self._suggestions.covering(offset)
                      if self._shown(e.payload)]
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self.forget_view_top()
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
