"""The reader: shows one article, its spans as tinted text with underline lanes and named stripes in the
margin, its suggestions dotted; takes label keys and lets the selected span's edges be dragged (the mouse
and keys in reader_input.py)."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont, QFontMetricsF, QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from annotator.core.lanes import RangeIndex
from annotator.gui.qt_offsets import QtOffsets
from annotator.gui.reader_blocks import display_text
from annotator.gui.reader_input import ReaderInput
from annotator.gui.reader_paint import (
    MarginGeometry, MarginName, line_below, margin_names, name_font, paint_marks, paint_margin, segments,
)

MAX_LINE_WIDTH = 760  # pixels of text per line at most, for comfortable reading
PAGE_MARGIN = 28
LONG_BLOCK = 4_000  # a paragraph longer than this keeps its shaped text between paints (see _new_document)
HEADLINE_LIMIT = 300  # a first paragraph longer than this is body text (a file with no line break), not a headline


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
    label_id: str = ""
    name: str = ""  # what the margin says (the label's name); the title's first words when empty

    @property
    def margin_name(self) -> str:
        return self.name or self.title.split("\n", 1)[0].split(":", 1)[0]


def suggestion_index(marks: list[Mark]) -> RangeIndex:
    """Suggestion marks ready for the reader (plain Python: may be built on a worker thread)."""
    index = RangeIndex()
    index.load((m.id, m.start, m.end, m) for m in marks)
    return index


class ReaderView(ReaderInput, QTextEdit):
    """Read-only, keyboard-selectable article view that reports annotation keys as signals.

    Marks are kept in two RangeIndex layers (spans with lanes, suggestions), changed one by one as
    the annotator works, and painted only where visible."""

    label_key = Signal(str)
    delete_key = Signal()
    cycle_key = Signal(int)
    resize_key = Signal(str, int)
    edit_key = Signal()
    mark_clicked = Signal(str)
    edge_dragged = Signal(str, str, int)  # mark id, "start" or "end", the offset it was dropped at

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
        self.document().setDocumentMargin(PAGE_MARGIN)
        self.setStyleSheet("QTextEdit { background: #FFFFFF; color: #1A1A1A; }")
        self._offsets = QtOffsets("")
        self._text = ""
        self._spans = RangeIndex()
        self._suggestions = RangeIndex()
        self._shortcuts: dict[str, str] = {}
        self.selected_mark_id: str | None = None
        self.hidden_labels: set[str] = set()
        self.show_names = True
        self._point_size = 12.0
        self._drag: tuple[str, str] | None = None  # (mark id, edge) while an edge is dragged
        self._drag_offset: int | None = None
        self._pending_top: tuple[int, int] | None = None  # see show_view_top
        self.verticalScrollBar().actionTriggered.connect(self.forget_view_top)  # the scroll bar moved by hand

    # -- content ---------------------------------------------------------------------------

    def show_text(self, text: str, key: str | None = None) -> None:
        """Show a document's stored text; the first paragraph, when short (the headline), is set large and bold.

        Each text gets a document of its own (`key`, the document's id, is accepted for callers that
        name it): the text cursor then starts at the top, where moving it from the end of a long
        text would lay the whole text out at once."""
        self._text = text
        self._offsets = QtOffsets(text)
        self._pending_top = None
        self._spans, self._suggestions, self.selected_mark_id = RangeIndex(), RangeIndex(), None
        self._drag = None
        previous = self.document()
        ours = previous.parent() is self
        self.setDocument(self._new_document())
        if ours:  # at once, not deleteLater: a long text's layout is tens of megabytes
            shiboken6.delete(previous)
        self._centre_column()
        self.verticalScrollBar().setValue(0)

    def _new_document(self) -> QTextDocument:
        """A document holding the text, each block at the body's line spacing, the headline large."""
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(PAGE_MARGIN)
        self._centre_column(document)  # before the text: a later change of margins lays it all out again
        # An enormous paragraph is shown cut into display blocks (see reader_blocks.py); what reads the text
        # (selection, copy, find, labels) reads self._text, never the document.
        document.setPlainText(display_text(self._text))
        body = QTextBlockFormat()
        body.setLineHeight(165, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        # Block by block inside one edit block: far faster than one merge over a whole-document selection.
        # The headline is formatted inside the same edit block: a later change would stop Qt's lazy
        # layout of a long text, and the end of the article could never be scrolled to.
        editor = QTextCursor(document)
        editor.beginEditBlock()
        block = document.firstBlock()
        while block.isValid():
            QTextCursor(block).setBlockFormat(body)
            if block.length() > LONG_BLOCK:
                # Qt otherwise drops a laid-out paragraph's shaped text and shapes the whole paragraph
                # again at each paint: 50 ms per key press in a text file with no line break (1 MB).
                block.layout().setCacheEnabled(True)
            block = block.next()
        self._format_headline(document)
        editor.endEditBlock()
        return document

    def _format_headline(self, document: QTextDocument | None = None) -> None:
        headline = (document or self.document()).firstBlock()
        if headline.isValid() and 1 < headline.length() <= HEADLINE_LIMIT + 1:
            cursor = QTextCursor(headline)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            headline_format = QTextBlockFormat()
            headline_format.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            headline_format.setBottomMargin(6)
            cursor.mergeBlockFormat(headline_format)
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self._point_size * 1.4)
            cursor.mergeCharFormat(fmt)

    def set_point_size(self, size: float) -> None:
        """The body's size in points (the headline follows at 1.4 times); the text is not reloaded."""
        self._point_size = size
        if self._text:
            self._format_headline()  # before the new font: its relayout is then the last change
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._centre_column()
        self.viewport().update()

    @property
    def point_size(self) -> float:
        return self._point_size

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._centre_column()
        self._keep_view_top()

    def margin_geometry(self) -> MarginGeometry:
        """Where the label-name margin and the text column are, for the current width and font."""
        return MarginGeometry.for_view(self.viewport().width(), self.font(), self._point_size,
                                       self.show_names, MAX_LINE_WIDTH, PAGE_MARGIN)

    def _centre_column(self, document: QTextDocument | None = None) -> None:
        """Keep lines at a readable length, with room for the label names on the left."""
        geometry = self.margin_geometry()
        root = (document or self.document()).rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - geometry.left) > 0.5 or abs(fmt.rightMargin() - geometry.right) > 0.5:
            fmt.setLeftMargin(geometry.left)
            fmt.setRightMargin(geometry.right)
            root.setFrameFormat(fmt)

    def set_show_names(self, on: bool) -> None:
        """Show or hide the margin with the label names."""
        self.show_names = on
        self._centre_column()
        self.viewport().update()

    def set_hidden_labels(self, label_ids: set[str]) -> None:
        """Labels whose spans and suggestions are not drawn (the codebook panel's show/hide boxes)."""
        self.hidden_labels = set(label_ids)
        self.viewport().update()

    def set_shortcuts(self, shortcuts: dict[str, str]) -> None:
        """Key string -> label id, for the labels that can be applied from the keyboard."""
        self._shortcuts = {k: v for k, v in shortcuts.items() if k}

    # -- marks -----------------------------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace every mark: spans laid out in lanes afresh, suggestions in their own layer."""
        self._spans.load((m.id, m.start, m.end, m) for m in marks if not m.suggestion)
        self._suggestions.load((m.id, m.start, m.end, m) for m in marks if m.suggestion)
        self._forget_missing_selection()
        self.viewport().update()

    def set_span_marks(self, marks: list[Mark]) -> None:
        """Replace the span marks (laid out in lanes afresh); the suggestions stay."""
        self._spans.load((m.id, m.start, m.end, m) for m in marks)
        self._forget_missing_selection()
        self.viewport().update()

    def remove_marks(self, mark_ids: list[str]) -> None:
        """Take marks away (spans or suggestions)."""
        ranges = []
        for mark_id in mark_ids:
            entry = self._spans.remove(mark_id) or self._suggestions.remove(mark_id)
            if entry is not None:
                ranges.append((entry.start, entry.end))
        self._forget_missing_selection()
        self._update_ranges(ranges)

    def replace_mark(self, mark: Mark) -> None:
        """A span changed: same offsets keep their lane (a relabel), new offsets get a lane afresh."""
        entry = self._spans.get(mark.id)
        ranges = [(mark.start, mark.end)]
        if entry is not None and (entry.start, entry.end) == (mark.start, mark.end):
            entry.payload = mark
        else:
            if entry is not None:
                ranges.append((entry.start, entry.end))
            self._spans.add(mark.id, mark.start, mark.end, mark)
        self._update_ranges(ranges)

    def _update_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Repaint only the lines these ranges cover (with their lanes and margin names), if in view."""
        low, high = self._visible_range()
        area = QRectF()
        for start, end in ranges:
            start, end = max(start, low), min(end, high)
            if start >= end:
                continue
            for rect in self.segments(start, end):
                area = area.united(rect)
        if area.isNull():
            return
        extra = 3 * self.fontMetrics().height()  # lanes below the text, names stacked in the margin
        self.viewport().update(QRectF(0, area.top() - 8, self.viewport().width(),
                                      area.height() + 16 + extra).toAlignedRect())

    def set_suggestion_layer(self, index: RangeIndex) -> None:
        """Replace the suggestions by an index built beforehand (see suggestion_index)."""
        self._suggestions = index
        self._forget_missing_selection()
        self.viewport().update()

    def add_suggestion_marks(self, marks: list[Mark]) -> None:
        for mark in marks:
            self._suggestions.add(mark.id, mark.start, mark.end, mark)
        self._update_ranges([(m.start, m.end) for m in marks])

    def _forget_missing_selection(self) -> None:
        if self.selected_mark_id and self.selected_mark_id not in self._spans \
                and self.selected_mark_id not in self._suggestions:
            self.selected_mark_id = None

    @property
    def marks(self) -> list[Mark]:
        """Every mark, spans first, each layer in text order."""
        return [e.payload for e in self._spans] + [e.payload for e in self._suggestions]

    def mark(self, mark_id: str) -> Mark | None:
        entry = self._spans.get(mark_id) or self._suggestions.get(mark_id)
        return entry.payload if entry else None

    def lane_of(self, mark_id: str) -> int | None:
        entry = self._spans.get(mark_id)
        return entry.lane if entry else None

    def _shown(self, mark: Mark) -> bool:
        return mark.label_id not in self.hidden_labels

    def marks_at(self, offset: int) -> list[Mark]:
        """Shown spans (not suggestions) over character `offset`, innermost first."""
        return [e.payload for e in self._spans.covering(offset) if self._shown(e.payload)]

    def marks_under(self, offset: int) -> list[Mark]:
        """Shown spans and suggestions over character `offset`, innermost (shortest) first; a span before a
        suggestion of the same length."""
        hits = [e.payload for layer in (self._spans, self._suggestions) for e in layer.covering(offset)
                if self._shown(e.payload)]
        return sorted(hits, key=lambda m: (m.end - m.start, m.suggestion, m.start))

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- selection -------------------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        return (start, end) if start < end else None

    def selected_text(self) -> str:
        """The stored text of the selection (the displayed document may hold a line break for a space)."""
        selection = self.selection()
        return self._text[selection[0]:selection[1]] if selection else ""

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy and drag give the stored text of the selection, as plain text."""
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    def select_range(self, start: int, end: int) -> None:
        self.forget_view_top()
        self.setTextCursor(self._cursor_for(start, end))

    def place_cursor(self, offset: int) -> None:
        """Put the text cursor at `offset`, with no text selected."""
        self.forget_view_top()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(max(0, min(offset, len(self._text)))))
        self.setTextCursor(cursor)

    def cursor_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def offset_at(self, point) -> int:
        """The code-point offset nearest a point of the viewport."""
        return self._offsets.from_qt(self.cursorForPosition(point).position())

    def select_mark(self, mark_id: str | None, move_cursor: bool = True) -> None:
        """Make `mark_id` the selected span (drawn stronger) and put the cursor at its start."""
        previous = self.mark(self.selected_mark_id) if self.selected_mark_id else None
        self.selected_mark_id = mark_id
        mark = self.mark(mark_id) if mark_id else None
        if mark is not None and move_cursor:
            before = self.verticalScrollBar().value()
            self.place_cursor(mark.start)
            self.ensureCursorVisible()
            if self.verticalScrollBar().value() != before:
                self.viewport().update()
                return
        self._update_ranges([(m.start, m.end) for m in (previous, mark) if m is not None])

    def view_top(self) -> tuple[int, int]:
        """The code-point offset at the start of the line at the top of the view, and that line's top in
        viewport pixels (negative when part of it is scrolled out above)."""
        cursor = self.cursorForPosition(QPoint(0, 0))
        return self._offsets.from_qt(cursor.position()), self.cursorRect(cursor).top()

    def show_view_top(self, offset: int, top: int) -> None:
        """Scroll so that the line holding `offset` has its top at `top` pixels in the view (see view_top).

        Kept while the window settles (its layout, Qt's lazy layout of the text: the scroll range grows)
        until the annotator scrolls, clicks or presses a key."""
        if self._pending_top is None:  # connected only while a view is held
            self.verticalScrollBar().rangeChanged.connect(self._keep_view_top)
            QTimer.singleShot(5000, self.forget_view_top)  # the window has settled by then
        self._pending_top = (max(0, min(offset, len(self._text))), top)
        self._keep_view_top()

    def _keep_view_top(self, *_range) -> None:
        if self._pending_top is None:
            return
        offset, top = self._pending_top
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(self._cursor_for(offset, offset)).top() - top)

    def forget_view_top(self, *_action) -> None:
        """The annotator moved the view: a view restored at opening is no longer kept."""
        if self._pending_top is not None:
            self.verticalScrollBar().rangeChanged.disconnect(self._keep_view_top)
        self._pending_top = None

    def scroll_to(self, offset: int) -> None:
        """Bring `offset` into view (centred when it was out of sight)."""
        self.forget_view_top()
        rect = self.cursorRect(self._cursor_for(offset, offset))
        if not self.viewport().rect().contains(rect.center()):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    # -- painting --------------------------------------------------------------------------

    def segments(self, start: int, end: int) -> list[QRectF]:
        """Rectangles (viewport coordinates) of the text between two code-point offsets, one per line."""
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        return [r.translated(dx, dy) for r in segments(self.document(), self._offsets.to_qt(start),
                                                      self._offsets.to_qt(end))]

    def _visible_range(self, rect=None) -> tuple[int, int]:
        """Code-point offsets of the first and last characters in view, or in `rect` (with a margin).

        A block taller than the view (a long paragraph) ends the range at its last line in view."""
        rect = rect or self.viewport().rect()
        first = self.cursorForPosition(rect.topLeft()).position()
        bottom = self.verticalScrollBar().value() + rect.bottom()
        layout = self.document().documentLayout()
        block = self.document().findBlock(first)
        last = first
        while block.isValid():
            box = layout.blockBoundingRect(block)
            lines = block.layout()
            if box.top() > bottom or (lines.lineCount() == 0 and block.length() > 1):
                break  # below the view, or not laid out yet (Qt lays a long text out as it is shown)
            if box.bottom() > bottom and lines.lineCount():
                line = lines.lineAt(line_below(lines, bottom - lines.position().y()))
                last = block.position() + line.textStart() + line.textLength()
                break
            last = block.position() + block.length()
            block = block.next()
        return self._offsets.from_qt(max(0, first - 200)), self._offsets.from_qt(last + 200)

    def visible_marks(self, rect=None):
        """(mark, lane, rectangles in viewport coordinates) of every shown mark in view (or near `rect`)."""
        if rect is not None:  # names stacked in the margin may come from a few lines above
            rect = rect.adjusted(0, -4 * self.fontMetrics().height(), 0, 0)
        low, high = self._visible_range(rect)
        found = []
        for layer in (self._spans, self._suggestions):
            for entry in layer.near(low, high):
                mark = entry.payload
                if self._shown(mark):
                    found.append((mark, entry.lane, self.segments(max(mark.start, low), min(mark.end, high))))
        return found

    def margin_names(self) -> list[MarginName]:
        """The label names the margin shows now, where they are drawn (viewport coordinates)."""
        if not self.show_names:
            return []
        font = name_font(self.font(), self.font().pointSizeF())
        return margin_names(self.visible_marks(), self.margin_geometry(), QFontMetricsF(font),
                            -self.horizontalScrollBar().value(), font.key())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        visible = self.visible_marks(event.rect()) if (len(self._spans) or len(self._suggestions)) else []
        geometry = self.margin_geometry()
        if visible:
            painter = QPainter(self.viewport())
            paint_marks(painter, visible, self.selected_mark_id, under_text=True)
            painter.end()
        super().paintEvent(event)
        if not visible:
            return
        painter = QPainter(self.viewport())
        paint_marks(painter, visible, self.selected_mark_id, under_text=False)
        if self.show_names:
            paint_margin(painter, visible, geometry, self.font(), -self.horizontalScrollBar().value())
        self._paint_drag(painter)
        painter.end()

    def _paint_drag(self, painter: QPainter) -> None:
        """The range a dragged edge would give, outlined while the mouse moves."""
        if self._drag is None or self._drag_offset is None:
            return
        mark = self.mark(self._drag[0])
        if mark is None:
            return
        start, end = (self._drag_offset, mark.end) if self._drag[1] == "start" else (mark.start, self._drag_offset)
        painter.setPen(Qt.PenStyle.DashLine)
        for rect in self.segments(min(start, end), max(start, end)):
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
