"""The agreement window's pairwise page: one measure for every pair of annotators as a coloured heatmap."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget,
)

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_tables import COHEN_PREFIX, Matrix, pair_matrix, pair_measures
from annotator.gui.agreement_charts import ColourScale, Footnotes, caption_label, heat_colours, notes_label
from annotator.gui.plain_text import plain
from annotator.gui.tables import text_item

MAX_WIDTH, MAX_HEIGHT = 900, 600  # beyond this (many annotators) the heatmap scrolls
from annotator.gui.numbers import decimal
from annotator.gui.reasons import message_text


class PairsPage(QWidget):
    """Choose a measure (span F1, character kappa, or a question's Cohen's kappa) and a span label; see every pair."""

    def __init__(self, parent: QWidget | None = None, names: dict[str, str] | None = None):
        super().__init__(parent)
        self.names = names or {}  # label and question ids -> names in the interface's language
        self.setObjectName("pairsPage")
        self.setAutoFillBackground(True)
        self.report: AgreementReport | None = None
        layout = QVBoxLayout(self)
        self.caption = caption_label(self)
        layout.addWidget(self.caption)
        controls = QHBoxLayout()
        self.measure_combo = QComboBox(self)
        self.measure_combo.setAccessibleName(self.tr("Measure"))
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Span label"))
        controls.addWidget(QLabel(self.tr("Measure"), self))
        controls.addWidget(self.measure_combo, 2)
        controls.addWidget(QLabel(self.tr("Spans of"), self))
        controls.addWidget(self.label_combo, 1)
        layout.addLayout(controls)
        self.heatmap = QTableWidget(0, 0, self)
        self.heatmap.setAccessibleName(self.tr("Pairwise agreement heatmap"))
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatmap.setStyleSheet("QTableWidget { background: #FFFFFF; gridline-color: #FFFFFF; }")
        grid = QHBoxLayout()
        grid.addWidget(self.heatmap)
        grid.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(grid)
        self.scale = ColourScale(self)
        self.scale.setMaximumWidth(560)
        layout.addWidget(self.scale)
        self.notes = notes_label(self)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.measure_combo.currentIndexChanged.connect(self.show_matrix)
        self.label_combo.currentIndexChanged.connect(self.show_matrix)

    def set_report(self, report: AgreementReport) -> None:
        """Offer the report's measures and labels, keeping the current choice where it still exists."""
        self.report = report
        for combo in (self.measure_combo, self.label_combo):
            combo.blockSignals(True)
        current = self.measure_combo.currentData()
        self.measure_combo.clear()
        for measure in pair_measures(report):
            self.measure_combo.addItem(self.measure_title(measure.key), measure.key)
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(current)))
        label = self.label_combo.currentData()
        self.label_combo.clear()
        self.label_combo.addItem(self.tr("all labels"), None)
        for group in report.spans.per_label:
            self.label_combo.addItem(self.names.get(group.label, group.name), group.label)
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(label)))
        for combo in (self.measure_combo, self.label_combo):
            combo.blockSignals(False)
        self.show_matrix()

    def measure_title(self, key: str) -> str:
        """A pairwise measure's name in the interface language."""
        titles = {"exact_f1": self.tr("Spans: exact F1"), "overlap_f1": self.tr("Spans: overlap F1"),
                  "character_kappa": self.tr("Spans: character kappa")}
        if key in titles:
            return titles[key]
        question = next(q for q in self.report.questions if COHEN_PREFIX + q.id == key)
        weights = {"linear": self.tr("linear weights"), "quadratic": self.tr("quadratic weights")}
        return self.tr("%1: Cohen's kappa").replace("%1", self.names.get(question.id, question.name)) + (
            f" ({weights[question.cohen_weights]})" if question.cohen_weights in weights else "")

    def current_matrix(self) -> Matrix | None:
        """The matrix shown (measure and label as chosen)."""
        if self.report is None or self.measure_combo.currentData() is None:
            return None
        measure = self.measure_combo.currentData()
        label = None if measure.startswith(COHEN_PREFIX) else self.label_combo.currentData()
        return pair_matrix(self.report, measure, label)

    def show_matrix(self) -> None:
        """Fill the heatmap: a coloured cell per pair, "n/a [k]" with the reason where undefined."""
        matrix = self.current_matrix()
        if matrix is None:
            return
        is_spans = not matrix.measure.key.startswith(COHEN_PREFIX)
        self.label_combo.setEnabled(is_spans)
        title = self.measure_combo.currentText()
        unit = self.tr("documents coded by both") if is_spans else self.tr("documents answered by both")
        names = matrix.annotators
        notes = Footnotes()
        view = self.heatmap
        view.clear()
        view.setRowCount(len(names))
        view.setColumnCount(len(names))
        view.setHorizontalHeaderLabels(names)
        view.setVerticalHeaderLabels(names)
        bold = QFont(view.font())
        bold.setPointSizeF(bold.pointSizeF() + 1)
        bold.setBold(True)
        for i, a in enumerate(names):
            for j, b in enumerate(names):
                figure = matrix.values[i][j]
                item = text_item("—" if i == j else notes.text(figure))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                value = figure.value if figure is not None else None
                background, foreground = heat_colours(value)
                if i == j:
                    background, foreground = QColor("#FAFAFA"), QColor("#BBBBBB")
                else:
                    item.setFont(bold)
                    detail = message_text(figure.reason or "") if value is None else decimal(value, 4)
                    count = f"\n{unit}: {figure.n}" if figure is not None and figure.n is not None else ""
                    item.setToolTip(plain(f"{a} – {b}: {title}\n{detail}{count}"))
                item.setBackground(QBrush(background))
                item.setForeground(QBrush(foreground))
                view.setItem(i, j, item)
        self._fit(len(names))
        scope = self.label_combo.currentText() if is_spans else self.tr("answers to the question")
        self.caption.setText(self.tr(
            "<b>%1</b> for every pair of annotators (%2). Spans: over the documents both coded, laid end to end. "
            "Darker blue is closer agreement; orange is below chance.").replace("%1", escape(title)).replace("%2", escape(scope)))
        counts = [f"{a} – {b}: {matrix.values[i][j].n}" for i, a in enumerate(names) for j, b in enumerate(names)
                  if i < j and matrix.values[i][j] is not None and matrix.values[i][j].n is not None]
        line = f"<span style='color:#555'>{escape(unit)}: {escape('; '.join(counts))}</span>" if counts else ""
        self.notes.setText("<br>".join(p for p in (line, notes.html()) if p))

    def _fit(self, count: int) -> None:
        """Square-ish cells, the table as large as its cells."""
        view = self.heatmap
        width_each = 108 if count <= 6 else 72
        height_each = width_each // 2 + 8
        for k in range(count):
            view.horizontalHeader().resizeSection(k, width_each)
            view.verticalHeader().resizeSection(k, height_each)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frame = 2 * view.frameWidth() + 2
        width = view.verticalHeader().sizeHint().width() + width_each * count + frame
        height = view.horizontalHeader().sizeHint().height() + height_each * count + frame
        view.setFixedSize(min(width, MAX_WIDTH), min(height, MAX_HEIGHT))
