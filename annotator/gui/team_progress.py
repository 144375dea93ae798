"""Team > Progress: bars and percentages per annotator and per article."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QSplitter, QVBoxLayout, QWidget,
)

from annotator.gui.document_list import STATUS_COLOURS
from annotator.gui.numbers import percent
from annotator.gui.tables import read_only_table, text_item

# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def status_names() -> dict[str, str]:
    return {"todo": translate("Team", "to do"), "in progress": translate("Team", "in progress"),
            "done": translate("Team", "done")}


class ShareCell(QWidget):
    """A bar filled to `share` (0..1) with the percentage, in the interface's locale, written beside it:
    written on the bar, part of the figure would be white on white where the fill ends ("33,3 %")."""

    def __init__(self, share: float, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setValue(round(share * 1000))
        self.bar.setFormat(percent(share))  # only %p, %v and %m are placeholders: a trailing % stays
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.label = QLabel(percent(share), self)
        self.label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance(percent(1.0)) + 2)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.setAccessibleName(percent(share))

    def text(self) -> str:
        """The percentage shown."""
        return self.label.text()


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
            self.people.setCellWidget(row, 1, ShareCell(progress.share_done(name), self.people))
            for column, status in enumerate(("done", "in progress", "todo"), start=2):
                item = text_item(str(counts.get(status, 0)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.people.setItem(row, column, item)
            total = text_item(str(progress.assigned(name)))
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.people.setItem(row, 5, total)
        header = self.people.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.setColumnWidth(1, 220)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)

        self.table = read_only_table(self, [translate("Team", "Document"), translate("Team", "Progress")]
                            + [shown.get(n, n) for n in progress.annotators],
                            translate("Team", "Progress by document and annotator"))
        self.table.setRowCount(len(progress.rows))
        for r, row in enumerate(progress.rows):
            self.table.setItem(r, 0, text_item(row.title or row.document_id[:12], row.title))
            self.table.setCellWidget(r, 1, ShareCell(row.share_done, self.table))
            for c, name in enumerate(progress.annotators, start=2):
                status = row.statuses.get(name)
                item = text_item(names.get(status, status or ""))
                if status:
                    item.setForeground(QColor(STATUS_COLOURS[status]))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setColumnWidth(1, 120)

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
