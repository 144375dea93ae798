"""Team > Progress: bars and percentages per annotator and per article."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QSplitter, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from annotator.gui.document_list import STATUS_COLOURS
from annotator.gui.numbers import percent
from annotator.gui.tables import read_only_table, text_item

# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def status_names() -> dict[str, str]:
    return {"todo": translate("Team", "to do"), "in progress": translate("Team", "in progress"),
            "done": translate("Team", "done")}


SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # the share (0..1) a progress cell shows as a bar


def share_item(share: float) -> QTableWidgetItem:
    """A progress cell: the percentage, in the interface's locale, and the share the bar is filled to."""
    item = text_item(percent(share))
    item.setData(SHARE_ROLE, share)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def share_layout(cell: QRect, metrics: QFontMetrics) -> tuple[QRect, QRect]:
    """Where a progress cell's bar and its percentage go: the figure at the right, the bar on its left,
    apart (written on the bar, part of "33,3 %" was white on white where the fill ended)."""
    inner = cell.adjusted(4, 0, -4, 0)
    text_width = min(metrics.horizontalAdvance(percent(1.0)) + 4, inner.width())
    text = QRect(inner.right() - text_width + 1, inner.top(), text_width, inner.height())
    bar_height = max(4, metrics.height() // 2)
    bar = QRect(inner.left(), inner.center().y() - bar_height // 2, max(0, text.left() - 6 - inner.left()),
                bar_height)
    return bar, text


def share_column_width(table: QWidget) -> int:
    """Room for a progress cell: the widest percentage and a bar about as long as six of its digits."""
    metrics = table.fontMetrics()
    return metrics.horizontalAdvance(percent(1.0)) + metrics.horizontalAdvance("0") * 12 + 24


class ShareDelegate(QStyledItemDelegate):
    """Paints a progress cell: a thin bar filled to the share, the percentage beside it (one item per row,
    no widget per row: a dialog of 10,000 articles opens as fast as a plain table)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        share = index.data(SHARE_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # background and selection as the table draws them, without the text
            plain_option = QStyleOptionViewItem(option)
            self.initStyleOption(plain_option, index)
            plain_option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain_option, painter, option.widget)
        bar, text = share_layout(option.rect, option.fontMetrics)
        palette = option.palette
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        filled = QRect(bar.left(), bar.top(), round(bar.width() * max(0.0, min(1.0, float(share)))), bar.height())
        painter.fillRect(filled, palette.color(QPalette.ColorRole.Highlight))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(text, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), index.data())
        painter.restore()


class ProgressDialog(QDialog):
    """How far each annotator and each article is: bars and percentages, then each status."""

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Progress"))
        self.resize(900, 620)
        progress = project.assignments.progress()
        shown = progress.shown_names
        names = status_names()
        layout = QVBoxLayout(self)
        self.summary = QLabel(translate(
            "Team", "%1 documents finished by every assigned annotator; %2 documents not assigned.")
            .replace("%1", str(progress.documents_done)).replace("%2", str(progress.unassigned)), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if not progress.rows:
            self.summary.setText(translate("Team", "No documents are assigned yet (Team > Assign documents…)."))

        self.people = read_only_table(self, [translate("Team", "Annotator"), translate("Team", "Progress"),
                                    translate("Team", "Done"), translate("Team", "In progress"),
                                    translate("Team", "To do"), translate("Team", "Assigned")],
                             translate("Team", "Progress by annotator"))
        self.people.setRowCount(len(progress.annotators))
        for row, name in enumerate(progress.annotators):
            counts = progress.totals[name]
            self.people.setItem(row, 0, text_item(shown.get(name, name), name))
            self.people.setItem(row, 1, share_item(progress.share_done(name)))
            for column, status in enumerate(("done", "in progress", "todo"), start=2):
                item = text_item(str(counts.get(status, 0)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.people.setItem(row, column, item)
            total = text_item(str(progress.assigned(name)))
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.people.setItem(row, 5, total)
        self.people.setItemDelegateForColumn(1, ShareDelegate(self.people))
        header = self.people.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.people.setColumnWidth(1, share_column_width(self.people))

        self.table = read_only_table(self, [translate("Team", "Document"), translate("Team", "Progress")]
                            + [shown.get(n, n) for n in progress.annotators],
                            translate("Team", "Progress by document and annotator"))
        self.table.setRowCount(len(progress.rows))
        for r, row in enumerate(progress.rows):
            self.table.setItem(r, 0, text_item(row.title or row.document_id[:12], row.title))
            self.table.setItem(r, 1, share_item(row.share_done))
            for c, name in enumerate(progress.annotators, start=2):
                status = row.statuses.get(name)
                item = text_item(names.get(status, status or ""))
                if status:
                    item.setForeground(QColor(STATUS_COLOURS[status]))
                self.table.setItem(r, c, item)
        self.table.setItemDelegateForColumn(1, ShareDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, share_column_width(self.table))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, widget in ((translate("Team", "By annotator"), self.people),
                              (translate("Team", "By article"), self.table)):
            box = QWidget(splitter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>", box))
            inner.addWidget(widget)
            splitter.addWidget(box)
        splitter.setSizes([170, 430])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
