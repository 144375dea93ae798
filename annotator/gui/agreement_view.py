"""The agreement window: the report per question, per annotator pair (heatmap), per label (interval bars),
the label confusion and the documents, with filters, CSV and PNG export; computed off the GUI thread.
The pages other than the pairs (agreement_pairs.py) and the machines are built and filled in agreement_pages.py."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from annotator.agreement.report import DEFAULT_RESAMPLES, AgreementReport
from annotator.agreement.report_spans import NO_SPAN
from annotator.agreement.report_tables import (
    Matrix, Table, confusion_table, documents_table, labels_table, pairs_table, questions_table,
)
from annotator.gui.agreement_charts import (
    caption_label,
)
from annotator.gui.agreement_pages import ReportPages
from annotator.gui.agreement_pairs import PairsPage
from annotator.gui.model_agreement_page import add_model_page
from annotator.gui.plain_text import plain
from annotator.gui.review import ReportRequest, compute_report
from annotator.gui.tasks import TaskDialog, error_text
from annotator.io.writers.csv_export import write_rows_csv
from annotator.store import Project

PAGES = ("questions", "pairs", "labels", "confusion", "documents", "machines")


class AgreementView(ReportPages, TaskDialog):
    """How far the annotators agree, explained visually; every figure comes from one AgreementReport."""

    def __init__(self, project: Project, parent: QWidget | None = None, resamples: int = DEFAULT_RESAMPLES,
                 seed: int = 0, browse: Callable[[AgreementReport], None] | None = None, language: str = "en"):
        super().__init__(parent)
        self.project = project
        self.language = language  # labels and questions are shown under the codebook's name in this language
        self.resamples, self.seed = resamples, seed
        self.browse = browse
        self.report: AgreementReport | None = None
        self.error: str | None = None
        self.task = None
        self.label_names = {label.id: label.display_name(language) for label in project.codebook.labels()}
        self.label_colours = {label.id: label.color for label in project.codebook.labels()}
        self.setWindowTitle(self.tr("Agreement — %s") % project.name)
        self.resize(1280, 820)
        self.setSizeGripEnabled(True)
        self._build()

    # -- construction ----------------------------------------------------------------------

    def _checked_list(self, entries: list[tuple[str, str]], name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        for text, data in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            widget.addItem(item)
        return widget

    def _build(self) -> None:
        filters = QWidget(self)
        filters.setMaximumWidth(320)
        side = QVBoxLayout(filters)
        side.setContentsMargins(0, 0, 8, 0)
        side.addWidget(QLabel("<b>%s</b>" % self.tr("Coders compared"), filters))
        shown = self.project.team.shown_names()
        self.default_coders = self.project.agreement.default_coders()
        self.annotator_list = self._checked_list(
            [(shown.get(name, name), name) for name in self.project.team.visible_annotators()], self.tr("Annotators"))
        for i in range(self.annotator_list.count()):
            item = self.annotator_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) not in self.default_coders:
                item.setCheckState(Qt.CheckState.Unchecked)
        self.annotator_list.setToolTip(self.tr("Ticked by default: the annotators with assignments (everyone when "
                                               "nothing is assigned)."))
        self.annotator_list.setMaximumHeight(24 + 20 * min(12, max(3, self.annotator_list.count())))
        side.addWidget(self.annotator_list)
        side.addWidget(QLabel("<b>%s</b>" % self.tr("Labels and questions"), filters))
        labels = self.project.codebook.labels()
        entries = [(l.display_name(self.language), l.id) for l in labels if l.kind == "span"]
        entries += [(self.tr("%s (question)") % l.display_name(self.language), l.id)
                    for l in labels if l.kind == "document"]
        self.label_list = self._checked_list(entries, self.tr("Labels and questions"))
        side.addWidget(self.label_list, 1)
        self.done_check = QCheckBox(self.tr("Only documents marked done"), filters)
        side.addWidget(self.done_check)
        self.roll_up_check = QCheckBox(self.tr("Count sub-labels as their parent label"), filters)
        self.roll_up_check.setToolTip(self.tr("Reporting verb = neutral + loaded: each sub-label's spans count as "
                                              "spans of its top-level label."))
        side.addWidget(self.roll_up_check)
        self.compute_button = QPushButton(self.tr("Compute"), filters)
        self.compute_button.clicked.connect(self.compute)
        side.addWidget(self.compute_button)

        self.summary = caption_label(self)
        self.summary.setText(self.tr("Computing…"))
        self.tabs = QTabWidget(self)
        self.pages: dict[str, QWidget] = {}
        self._build_questions()
        self._build_pairs()
        self._build_labels()
        self._build_confusion()
        self._build_documents()
        self.machines = add_model_page(self)  # the model and the detectors scored as coders, on request

        main = QWidget(self)
        right = QVBoxLayout(main)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.summary)
        right.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Export table as CSV…"), self)
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button = QPushButton(self.tr("Save view as PNG…"), self)
        self.png_button.clicked.connect(self._ask_png)
        self.browse_button = QPushButton(self.tr("Browse disagreements…"), self)
        self.browse_button.clicked.connect(lambda: self.browse and self.report and self.browse(self.report))
        self.browse_button.setVisible(self.browse is not None)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        for button in (self.csv_button, self.png_button, self.browse_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(main, 1)

    def _build_pairs(self) -> None:
        self.pairs = PairsPage(self, self.label_names)
        self.tabs.addTab(self.pairs, self.tr("Annotator pairs"))
        self.pages["pairs"] = self.pairs
        # Shortcuts to the page's widgets, for scripts and tests.
        self.heatmap, self.measure_combo = self.pairs.heatmap, self.pairs.measure_combo
        self.pair_label_combo = self.pairs.label_combo

    # -- computing -------------------------------------------------------------------------

    def _checked(self, widget: QListWidget) -> list[str]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def request(self) -> ReportRequest:
        """The report the filters ask for (the default coders and every label checked mean no filter)."""
        people, labels = self._checked(self.annotator_list), self._checked(self.label_list)
        return ReportRequest(
            annotators=[] if people == [n for n in self.default_coders if n in people] and
            set(people) == set(self.default_coders) else people,
            labels=[] if len(labels) == self.label_list.count() else labels,
            done_only=self.done_check.isChecked(), resamples=self.resamples, seed=self.seed,
            roll_up=self.roll_up_check.isChecked())

    def compute(self) -> None:
        """Compute the report for the chosen filters off the GUI thread."""
        if not self.annotator_list.count():
            self.summary.setText(self.tr("Nobody to compare yet: no annotator has coded a document."))
            self.error = "nobody"  # nothing to compute until someone codes
            return
        if not self._checked(self.annotator_list) or not self._checked(self.label_list):
            # Said in the window, not in a box: the window computes on its own when it opens.
            self.summary.setText(self.tr("Choose at least one annotator and one label or question."))
            return
        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("Computing…"))
        self.task = compute_report(self.tasks, self, self.project, self.request(), self._computed)

    def _computed(self, report: AgreementReport | None, failure: BaseException | None) -> None:
        self.task = None
        error = error_text(failure) if failure is not None else None
        self.compute_button.setEnabled(True)
        if error:
            self.error = error
            self.summary.setText(self.tr("The agreement could not be computed: %s") % escape(error))
            QMessageBox.warning(self, self.tr("Agreement"), plain(error))
        elif report is not None:
            self.show_report(report)
        else:
            self.summary.setText(self.tr("Computation cancelled; press Compute to start again.")
                                 if self.report is None else self.summary.text())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.report is None and self.task is None and self.error is None:
            self.compute()

    # -- showing ---------------------------------------------------------------------------

    def show_report(self, report: AgreementReport) -> None:
        """Fill every page from `report`."""
        self.report = report
        spans = report.spans
        filters = [self.tr("annotators: %s") % ", ".join(report.filters["annotators"])
                   if report.filters.get("annotators") else "",
                   self.tr("labels: %s") % ", ".join(self.label_names.get(l, l) for l in report.filters["labels"])
                   if report.filters.get("labels") else "",
                   self.tr("documents marked done only") if report.filters.get("done_only") else ""]
        parts = [self.tr("<b>%1 annotators</b> (%2) · <b>%3 documents</b> coded by two or more · %4 coded by "
                         "every annotator").replace("%1", str(len(report.annotators)))
                 .replace("%2", escape(", ".join(report.annotators)) or "—").replace("%3", str(report.documents))
                 .replace("%4", str(spans.complete_documents))]
        parts.append(self.tr("95% bootstrap intervals: %1 resamples, seed %2").replace("%1", str(report.resamples))
                     .replace("%2", str(report.seed)) if report.resamples else self.tr("no intervals"))
        if any(filters):
            parts.append(self.tr("Filters: %s") % escape("; ".join(f for f in filters if f)))
        self.summary.setText(" · ".join(parts))
        self._show_questions(report)
        self.pairs.set_report(report)
        self._show_labels(report)
        self._show_confusion(report)
        self._show_documents(report)
        for button in (self.csv_button, self.png_button, self.browse_button):
            button.setEnabled(True)

    def group_name(self, group) -> str:
        return self.tr("all labels") if group.label is None else self.label_names.get(group.label, group.name)

    def current_matrix(self) -> Matrix | None:
        """The matrix the heatmap shows (measure and label as chosen)."""
        return self.pairs.current_matrix()

    # -- export ----------------------------------------------------------------------------

    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def table_for(self, page: str) -> Table:
        """The plain table behind a page, as its CSV holds it."""
        if self.report is None:
            raise ValueError("no report yet")
        if page == "questions":
            return questions_table(self.report)
        if page == "pairs":
            return pairs_table(self.current_matrix())
        if page == "labels":
            return labels_table(self.report)
        if page == "confusion":
            return confusion_table(self.report, {**self.label_names, NO_SPAN: NO_SPAN})
        if page == "machines":
            return self.machines.table()
        return documents_table(self.report)

    def export_csv(self, path: str | Path, page: str | None = None) -> Path:
        """Write the table of `page` (default: the page shown) as CSV; undefined figures are empty cells
        next to a reason column."""
        table = self.table_for(page or self.current_page())
        return write_rows_csv(table.rows, path, header=table.header)

    def save_png(self, path: str | Path) -> bool:
        """Save the page shown, with its caption and notes, as a PNG image."""
        return self.tabs.currentWidget().grab().save(str(path), "PNG")

    def _ask_csv(self) -> None:
        page = self.current_page()
        default = self.project.path.with_name(f"{self.project.path.stem}-agreement-{page}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table as CSV"), str(default),
                                              self.tr("CSV tables (*.csv)"))
        if path:
            try:
                self.export_csv(path, page)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export"), plain(self.tr("Cannot write %1: %2")
                                    .replace("%1", path).replace("%2", exc.strerror or str(exc))))

    def _ask_png(self) -> None:
        default = self.project.path.with_name(f"{self.project.path.stem}-agreement-{self.current_page()}.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save view as PNG"), str(default),
                                              self.tr("PNG images (*.png)"))
        if path and not self.save_png(path):
            QMessageBox.warning(self, self.tr("Save view"), plain(self.tr("Cannot write %s") % path))
