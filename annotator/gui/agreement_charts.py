"""Drawing agreement figures: number formats with footnoted reasons, heatmap colours, a colour scale, interval
bars, and the captions and column widths the agreement views share (their tables: gui/tables.py)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget,
)

from annotator.agreement.report_figures import Figure
from annotator.gui.plain_text import plain
from annotator.gui.numbers import decimal, percent as percent_text
from annotator.gui.reasons import message_text

# Krippendorff's (2004) guidance: alpha >= 0.800 for reliable data, >= 0.667 for tentative conclusions.
RELIABLE, TENTATIVE = 0.800, 0.667
UNDEFINED_BG = QColor("#F2F2F2")
UNDEFINED_FG = QColor("#6B6B6B")
# ColorBrewer "Blues" for 0..1 and "Oranges" for agreement below chance (-1..0).
_BLUES = ("#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B")
_ORANGES = ("#FFF5EB", "#FDD0A2", "#FD8D3C", "#D94801", "#7F2704")


# translate("AgreementCharts", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def _ramp(stops: tuple[str, ...], t: float) -> QColor:
    t = min(1.0, max(0.0, t))
    position = t * (len(stops) - 1)
    i = min(int(position), len(stops) - 2)
    f = position - i
    a, b = QColor(stops[i]), QColor(stops[i + 1])
    return QColor(round(a.red() + (b.red() - a.red()) * f), round(a.green() + (b.green() - a.green()) * f),
                  round(a.blue() + (b.blue() - a.blue()) * f))


def heat_colours(value: float | None) -> tuple[QColor, QColor]:
    """Background and text colour of a heatmap cell: blues for 0..1, oranges below 0, grey when undefined."""
    if value is None:
        return UNDEFINED_BG, UNDEFINED_FG
    background = _ramp(_BLUES, value) if value >= 0 else _ramp(_ORANGES, -value)
    return background, QColor("#FFFFFF") if background.lightnessF() < 0.55 else QColor("#1A1A1A")


def format_value(value: float, percent: bool = False) -> str:
    """A figure as shown in the views, in the interface's locale: three decimals, or a percentage with one."""
    return percent_text(value) if percent else decimal(value, 3)


def interval_text(low: float, high: float, places: int = 3) -> str:
    """A 95% interval as the views show it: [0.512, 0.801] (or [0,512 ; 0,801] in French)."""
    separator = translate("AgreementCharts", ", ", "between the two ends of an interval")
    return f"[{decimal(low, places)}{separator}{decimal(high, places)}]"


class Footnotes:
    """Numbered reasons for undefined figures, so a cell reads "n/a [2]" and the reason is written once below."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    def text(self, figure: Figure | None, percent: bool = False, about: str = "") -> str:
        """The figure's value, or "n/a [k]" with its reason kept as note k (named after `about`, the question
        or label it is about, when given)."""
        if figure is None:
            return "—"
        if figure.value is None:
            reason = message_text(figure.reason) if figure.reason else \
                translate("AgreementCharts", "not defined for this data")
            if about:
                reason = f"{about}: {reason}"
            if reason not in self.reasons:
                self.reasons.append(reason)
            return translate("AgreementCharts", "n/a [%s]") % (self.reasons.index(reason) + 1)
        return format_value(figure.value, percent)

    def item(self, figure: Figure | None, percent: bool = False, interval: bool = False,
             about: str = "") -> QTableWidgetItem:
        """A read-only table cell for `figure`; an undefined one is grey and carries its reason as tooltip."""
        text = self.text(figure, percent, about)
        if interval and figure is not None and figure.low is not None:
            text += "  " + interval_text(figure.low, figure.high)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if figure is not None and figure.value is None:
            item.setForeground(UNDEFINED_FG)
            item.setToolTip(plain(message_text(figure.reason or "")))
        elif figure is not None and figure.n is not None:
            item.setToolTip(translate("AgreementCharts", "n = %s") % figure.n)
        return item

    def html(self) -> str:
        """The reasons as a list under a table (empty when every figure is defined)."""
        if not self.reasons:
            return ""
        lines = "".join(f"<br>[{i + 1}] {escape(reason)}" for i, reason in enumerate(self.reasons))
        title = translate("AgreementCharts", "Not defined:")
        return f"<span style='color:#555'><b>{title}</b>{lines}</span>"


class ColourScale(QWidget):
    """The heatmap's colour key from -1 to 1, with the 0.667 and 0.800 marks."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(46)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("AgreementCharts", "Colour scale"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 46)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right = 12.0, self.width() - 12.0
        bar = QRectF(left, 6, right - left, 12)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for i in range(21):
            value = -1 + i / 10
            gradient.setColorAt(i / 20, heat_colours(value)[0])
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(QColor("#999999"), 0.8))
        painter.drawRect(bar)
        painter.setPen(QColor("#333333"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        for value in (-1.0, -0.5, 0.0, 0.5, TENTATIVE, RELIABLE, 1.0):
            x = left + (value + 1) / 2 * (right - left)
            painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 4))
            text = decimal(value, 1 if value in (-0.5, 0.5) else 0) if value not in (TENTATIVE, RELIABLE) \
                else decimal(value, 3)
            width = QFontMetrics(small).horizontalAdvance(text)
            anchor = min(max(x - width / 2, 0), self.width() - width)
            if value in (0.5,):
                continue  # too close to 0.667 to label legibly
            painter.drawText(QPointF(anchor, bar.bottom() + 17), text)
        painter.end()


@dataclass
class ChartRow:
    """One bar of an interval chart: a name, its figure (value and 95% interval), its colour and a count."""

    name: str
    figure: Figure
    colour: str
    count: int = 0
    bold: bool = False


class IntervalChart(QWidget):
    """Horizontal bars from 0 to each value with the 95% interval as whiskers; undefined rows say why."""

    ROW = 26
    TOP = 34
    BOTTOM = 22  # room for the captions of the reference lines

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[ChartRow] = []
        self.count_title = translate("AgreementCharts", "spans")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(translate("AgreementCharts", "Unitizing alpha per label with 95% intervals"))
        self.setStyleSheet("background: #FFFFFF;")
        self.setAutoFillBackground(True)

    def set_rows(self, rows: list[ChartRow]) -> None:
        self.rows = list(rows)
        self.setMinimumHeight(self.TOP + self.ROW * len(self.rows) + self.BOTTOM)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(760, self.TOP + self.ROW * max(1, len(self.rows)) + self.BOTTOM)

    def axis(self) -> tuple[float, float]:
        """The plotted range: 0 (or lower, to show values below chance) to 1."""
        lows = [v for r in self.rows for v in (r.figure.value, r.figure.low) if v is not None]
        low = min([0.0] + lows)
        return (max(-1.0, -0.2 * int(-low / 0.2 + 0.999)) if low < 0 else 0.0), 1.0

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        metrics = QFontMetrics(self.font())
        name_width = min(220, max([metrics.horizontalAdvance(r.name) for r in self.rows] + [60]) + 16)
        value_width = 190
        left, right = float(name_width), float(self.width() - value_width)
        low, high = self.axis()

        def x_of(value: float) -> float:
            return left + (value - low) / (high - low) * (right - left)

        bottom = self.TOP + self.ROW * len(self.rows)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        tick = low
        while tick <= high + 1e-9:
            x = x_of(tick)
            painter.setPen(QPen(QColor("#E3E3E3"), 1))
            painter.drawLine(QPointF(x, self.TOP - 4), QPointF(x, bottom))
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(x - 20, self.TOP - 22, 40, 14), Qt.AlignmentFlag.AlignCenter, decimal(tick, 1))
            tick += 0.2
        captions = ((TENTATIVE, translate("AgreementCharts", "0.667 tentative")),
                    (RELIABLE, translate("AgreementCharts", "0.800 reliable")))
        for value, caption in captions:
            x = x_of(value)
            painter.setPen(QPen(QColor("#8C2D04" if value == TENTATIVE else "#238B45"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, self.TOP - 6), QPointF(x, bottom))
            align = Qt.AlignmentFlag.AlignRight if value == TENTATIVE else Qt.AlignmentFlag.AlignLeft
            box = QRectF(x - 124, bottom + 3, 120, 14) if value == TENTATIVE else QRectF(x + 4, bottom + 3, 120, 14)
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, caption)
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(right + 24, self.TOP - 22, value_width - 24, 14), Qt.AlignmentFlag.AlignLeft,
                         translate("AgreementCharts", "alpha [95% CI] · %1").replace("%1", self.count_title))
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.drawLine(QPointF(x_of(0.0), self.TOP - 6), QPointF(x_of(0.0), bottom))

        for i, row in enumerate(self.rows):
            top = self.TOP + i * self.ROW
            font = QFont(self.font())
            font.setBold(row.bold)
            painter.setFont(font)
            painter.setPen(QColor("#1A1A1A"))
            name = QFontMetrics(font).elidedText(row.name, Qt.TextElideMode.ElideRight, name_width - 12)
            painter.drawText(QRectF(4, top, name_width - 12, self.ROW), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, name)
            figure = row.figure
            painter.setFont(small)
            if figure.value is None:
                painter.setPen(UNDEFINED_FG)
                reason = message_text(figure.reason) if figure.reason else translate("AgreementCharts", "not defined")
                text = translate("AgreementCharts", "n/a: %s") % reason
                elided = QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight, int(right - left - 8))
                backing = QFontMetrics(small).horizontalAdvance(elided) + 8
                painter.fillRect(QRectF(left + 2, top + 5, backing, self.ROW - 10), QColor("#FFFFFF"))
                painter.drawText(QRectF(left + 6, top, right - left, self.ROW), Qt.AlignmentFlag.AlignVCenter, elided)
                painter.drawText(QRectF(right + 12, top, value_width - 12, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                                 translate("AgreementCharts", "n/a") + f" · {row.count}")
                continue
            colour = QColor(row.colour)
            x0, x1 = x_of(0.0), x_of(max(low, min(high, figure.value)))
            bar = QRectF(min(x0, x1), top + 7, max(abs(x1 - x0), 1.5), self.ROW - 14)
            fill = QColor(colour)
            fill.setAlpha(200)
            painter.fillRect(bar, fill)
            if figure.low is not None and figure.high is not None:
                painter.setPen(QPen(QColor("#1A1A1A"), 1.3))
                a, b = x_of(max(low, figure.low)), x_of(min(high, figure.high))
                mid = top + self.ROW / 2
                painter.drawLine(QPointF(a, mid), QPointF(b, mid))
                painter.drawLine(QPointF(a, mid - 5), QPointF(a, mid + 5))
                painter.drawLine(QPointF(b, mid - 5), QPointF(b, mid + 5))
            painter.setPen(QColor("#1A1A1A"))
            text = format_value(figure.value)
            if figure.low is not None:
                text += " " + interval_text(figure.low, figure.high, 2)
            painter.drawText(QRectF(right + 12, top, value_width - 12, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                             f"{text} · {row.count}")


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their contents, except `stretch`, which takes the remaining width."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)


def caption_label(parent: QWidget) -> QLabel:
    """The rich-text sentence above a table or chart saying what it shows."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("padding: 2px 2px 6px 2px;")
    return label


def notes_label(parent: QWidget) -> QLabel:
    """The notes under a table: footnoted reasons and remarks, selectable for copying."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
