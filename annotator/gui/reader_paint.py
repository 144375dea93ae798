"""Painting the reader's marks: tinted text, underline lanes, dotted suggestions, drag handles, and the
margin where each span has a coloured stripe and its label's name (MAXQDA-style code stripes)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument

LANE_HEIGHT = 2.5
LANE_GAP = 1.0  # four nested spans' lanes fit in the space between two lines
STRIPE_WIDTH = 3.0
STRIPE_STEP = 5.0
MAX_STRIPES = 6  # deeper nesting shares the last stripe column
WIDE_NAME_CHARACTERS = 30  # on a wide window
NAME_CHARACTERS = 18  # a label name longer than this is abbreviated ("Verbe intr. neutre")
MIN_NAME_CHARACTERS = 8  # a narrow reader (a large text size) gives the names at least this much room
COMFORTABLE_TEXT_WIDTH = 600  # the text keeps this much before long label names take more room
MIN_TEXT_WIDTH = 320  # below this the margin keeps its stripes and drops the names
MIN_TEXT_CHARACTERS = 26  # likewise in characters of the text's font
COMPACT_MARGIN = 8.0  # the blank left of the label names when the reader is short of room
NAME_COLOUR = "#2B2B2B"
NAMES_PER_LINE = 6  # names stacked from one line before the rest are counted ("+2")


def name_font(base: QFont, point_size: float) -> QFont:
    """The small font of the margin's label names."""
    font = QFont(base)
    font.setPointSizeF(max(8.0, point_size * 0.75))
    font.setBold(False)
    return font


@dataclass(frozen=True)
class MarginGeometry:
    """Horizontal layout of the reader: the text column's margins and the label-name margin left of it."""

    left: float    # root frame's left margin (text starts here)
    right: float
    names: float   # width of the names area (0 when names are off or the window is too narrow)
    stripes_right: float  # x where the stripe columns end (a small gap before the text)

    @classmethod
    def for_view(cls, width: float, font: QFont, point_size: float, show_names: bool, max_line: float,
                 page_margin: float) -> "MarginGeometry":
        stripes = MAX_STRIPES * STRIPE_STEP + 6 if show_names else 0.0
        names, outer = 0.0, page_margin  # `outer`: the blank left of the names
        if show_names:
            small = QFontMetricsF(name_font(font, point_size))
            names = min(small.averageCharWidth() * NAME_CHARACTERS + 16, width * 0.24)
            body = QFontMetricsF(font).averageCharWidth()
            room = width - 2 * page_margin - stripes - max(MIN_TEXT_WIDTH, MIN_TEXT_CHARACTERS * body)
            if room < names:  # the text keeps a readable width; the names take what is left (abbreviated),
                # the blank beside them too, down to a few characters; below that only the stripes stay
                room += page_margin - COMPACT_MARGIN
                names = min(names, room) if room >= small.averageCharWidth() * MIN_NAME_CHARACTERS + 16 else 0.0
                outer = COMPACT_MARGIN if names else page_margin
        available = max(0.0, width - outer - page_margin - stripes - names)
        if names:  # a roomy window: long names (French ones) get room before being shortened
            spare = available - min(max_line, COMFORTABLE_TEXT_WIDTH)
            grow = min(max(0.0, spare), QFontMetricsF(name_font(font, point_size)).averageCharWidth()
                       * (WIDE_NAME_CHARACTERS - NAME_CHARACTERS))
            names, available = names + grow, available - grow
        text = min(max_line, available)
        extra = max(0.0, available - text)
        left = outer + names + stripes + extra / 2
        return cls(left=left, right=page_margin + extra / 2, names=names, stripes_right=left - 6)


def _last_line_at_or_before(layout, value: float, key) -> int:
    """Index of the last line of a laid-out block whose `key(line)` is at most `value`: a binary search, so
    a paragraph of thousands of lines is not read line by line."""
    low, high = 0, layout.lineCount() - 1
    while low < high:
        middle = (low + high + 1) // 2
        if key(layout.lineAt(middle)) <= value:
            low = middle
        else:
            high = middle - 1
    return low


def line_index(layout, position: int) -> int:
    """Index of the line of a laid-out block holding `position` (relative to the block)."""
    return _last_line_at_or_before(layout, position, lambda line: line.textStart())


def line_below(layout, y: float) -> int:
    """Index of the last line of a laid-out block whose top is at or above `y` (relative to the block)."""
    return _last_line_at_or_before(layout, y, lambda line: line.y())


def segments(document: QTextDocument, start16: int, end16: int):
    """Rectangles (document coordinates) of the text between two Qt positions, one per line; only the lines
    the range covers are looked at, however long their block."""
    found = []
    block = document.findBlock(start16)
    while block.isValid() and block.position() < end16:
        layout = block.layout()
        origin = layout.position()
        base = block.position()
        count = layout.lineCount()
        i = line_index(layout, max(0, start16 - base)) if count else 0
        while i < count:
            line = layout.lineAt(i)
            line_start = base + line.textStart()
            if line_start >= end16:
                break
            line_end = line_start + line.textLength()
            i += 1
            s, e = max(start16, line_start), min(end16, line_end)
            if s >= e:
                continue
            x1 = line.cursorToX(s - base)[0]
            x2 = line.cursorToX(e - base)[0]
            top = origin.y() + line.y()
            found.append(QRectF(origin.x() + x1, top, x2 - x1, line.ascent() + line.descent()))
        block = block.next()
    return found


def paint_marks(painter: QPainter, visible, selected_id: str | None, under_text: bool) -> None:
    """Under the text: the tint of each span. Over it: lanes, dotted suggestions, the selection's handles."""
    for mark, lane, rects in visible:
        color = QColor(mark.color)
        selected = mark.id == selected_id
        if under_text:
            if not mark.suggestion:
                color.setAlpha(140 if selected else (35 if mark.readonly else 55))
                for rect in rects:
                    painter.fillRect(rect, color)
            continue
        if mark.suggestion:
            painter.setPen(QPen(color, 2.4 if selected else 1.6, Qt.PenStyle.DotLine))
            for rect in rects:
                painter.drawLine(rect.bottomLeft() + QPointF(0, 1), rect.bottomRight() + QPointF(0, 1))
            continue
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
        if selected and rects and not mark.readonly:
            _paint_handles(painter, rects[0], rects[-1])


def _paint_handles(painter: QPainter, first: QRectF, last: QRectF) -> None:
    """Small grips at the selected span's start and end: drag them to resize the span."""
    painter.setPen(QPen(QColor("#000000"), 2))
    painter.drawLine(QPointF(first.left(), first.top() - 2), QPointF(first.left(), first.bottom() + 2))
    painter.drawLine(QPointF(last.right(), last.top() - 2), QPointF(last.right(), last.bottom() + 2))
    painter.setBrush(QColor("#000000"))
    painter.drawEllipse(QPointF(first.left(), first.top() - 3), 2.5, 2.5)
    painter.drawEllipse(QPointF(last.right(), last.bottom() + 3), 2.5, 2.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)


@dataclass(frozen=True)
class MarginName:
    """One entry of the margin: a label's name (or "+3" for names that did not fit) and where it goes."""

    text: str              # as drawn (abbreviated when long)
    mark_id: str | None
    color: str
    rect: QRectF          # the text, right-aligned against the stripes
    swatch: QRectF | None  # a small square of the label's colour before the name
    tick_to: float = 0.0  # x of the stripe the name is joined to
    name: str = ""        # in full


def _shortened_words(name: str, letters: int, last_letters: int) -> str:
    """`name` with its words cut to `letters` letters and a full stop, its last word (which often tells two
    names apart: "… neutre", "… connoté") to `last_letters` (0: whole): "V. intr. connoté"."""
    words = name.split(" ")

    def cut(word: str, keep: int) -> str:
        return word[:keep] + "." if keep and len(word) > keep + 1 and word[:keep].isalpha() else word

    return " ".join(cut(word, last_letters if i == len(words) - 1 else letters) for i, word in enumerate(words))


_ABBREVIATIONS: dict[tuple[str, str, float], str] = {}  # (font key, name, width) -> as drawn; paint reuses it


def abbreviated(name: str, metrics: QFontMetricsF, width: float, font_key: str = "") -> str:
    """`name` as it fits in `width`: whole, else with its words abbreviated (the first ones, then the last
    one too, shorter and shorter), else the shortest of those cut with "…". With `font_key` (the font's
    QFont.key()) the answer is remembered: finding it measures the name up to 26 times, at every paint."""
    if not font_key:
        return _abbreviate(name, metrics, width)
    key = (font_key, name, round(width * 2) / 2)
    found = _ABBREVIATIONS.get(key)
    if found is None:
        if len(_ABBREVIATIONS) > 4096:
            _ABBREVIATIONS.clear()
        found = _ABBREVIATIONS[key] = _abbreviate(name, metrics, key[2])
    return found


def _abbreviate(name: str, metrics: QFontMetricsF, width: float) -> str:
    if metrics.horizontalAdvance(name) <= width:
        return name
    for last_letters in (0, 6, 5, 4, 3):
        for letters in (5, 4, 3, 2, 1):
            candidate = _shortened_words(name, letters, last_letters)
            if metrics.horizontalAdvance(candidate) <= width:
                return candidate
    return metrics.elidedText(_shortened_words(name, 1, 3), Qt.TextElideMode.ElideRight, width)


def _starting(visible):
    return [(rects[0].top(), lane, mark, rects) for mark, lane, rects in visible if rects and not mark.suggestion]


def margin_names(visible, geometry: MarginGeometry, metrics: QFontMetricsF, dx: float,
                 font_key: str = "") -> list[MarginName]:
    """Where each span's label name goes: at the line where the span starts, names starting on the same
    line stacked downwards (four nested spans on one word give four names, one under the other); when
    more than NAMES_PER_LINE pile up, the rest are counted ("+2")."""
    if geometry.names <= 0:
        return []
    right = geometry.stripes_right + dx
    name_right = right - MAX_STRIPES * STRIPE_STEP - 4
    name_left = name_right - geometry.names + 8
    height = metrics.height()
    placed: list[MarginName] = []
    next_free, hidden = -1e9, 0

    def say_more() -> None:  # "+3" where the names that did not fit would have gone
        nonlocal next_free, hidden
        placed.append(MarginName(f"+{hidden}", None, NAME_COLOUR,
                                 QRectF(name_left, next_free, name_right - name_left, height), None))
        next_free += height
        hidden = 0

    for top, lane, mark, _rects in sorted(_starting(visible), key=lambda item: (item[0], item[1])):
        if hidden and top > next_free - height:
            say_more()
        y = max(top, next_free)
        if y > top + (NAMES_PER_LINE - 1) * height:
            hidden += 1
            continue
        next_free = y + height
        text = abbreviated(mark.margin_name, metrics, name_right - name_left - 12, font_key)
        width = metrics.horizontalAdvance(text)
        column = min(lane, MAX_STRIPES - 1)
        placed.append(MarginName(text, mark.id, mark.color, QRectF(name_right - width - 1, y, width + 1, height),
                                 QRectF(name_right - width - 11, y + (height - 8) / 2, 8, 8),
                                 right - (column + 1) * STRIPE_STEP, mark.margin_name))
    if hidden:
        say_more()
    return placed


def paint_margin(painter: QPainter, visible, geometry: MarginGeometry, base_font: QFont, dx: float) -> None:
    """A stripe per span beside the lines it covers, and the label names of `margin_names`, each joined
    to its stripe by a short tick of its colour."""
    spans = _starting(visible)
    if not spans:
        return
    right = geometry.stripes_right + dx
    for _top, lane, mark, rects in spans:
        column = min(lane, MAX_STRIPES - 1)
        color = QColor(mark.color)
        if mark.readonly:
            color.setAlpha(150)
        painter.fillRect(QRectF(right - (column + 1) * STRIPE_STEP, rects[0].top(), STRIPE_WIDTH,
                                rects[-1].bottom() - rects[0].top()), color)
    font = name_font(base_font, base_font.pointSizeF())
    painter.setFont(font)
    align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for name in margin_names(visible, geometry, QFontMetricsF(font), dx, font.key()):
        if name.swatch is not None:
            painter.fillRect(name.swatch, QColor(name.color))
            painter.setPen(QPen(QColor(name.color), 1))
            y = name.rect.center().y()
            painter.drawLine(QPointF(name.rect.right() + 3, y), QPointF(name.tick_to, y))
        painter.setPen(QColor(NAME_COLOUR))
        painter.drawText(name.rect, align, name.text)
