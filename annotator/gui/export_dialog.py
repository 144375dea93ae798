"""The export dialog: the same choices as `annotator export`, run off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QListWidget, QListWidgetItem, QMessageBox, QPushButton, QWidget,
)

from annotator.gui.plain_text import plain
from annotator.gui.tasks import Task, error_text
from annotator.services.exporting import FORMATS, SUFFIXES, TABLES, export_project
from annotator.store import Project

# Marked for translation here, translated where shown (ExportDialog's self.tr).
FORMAT_NAMES = {
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV table (pandas, R, Excel)"),
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "JSONL (doccano shape)"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (folder)"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "CoNLL BIO tokens"),
    "qdpx": QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)"),
    "qdc": QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA codebook only"),
    "label-studio": QT_TRANSLATE_NOOP("ExportDialog", "Label Studio tasks (with the labeling configuration)"),
    "parquet": QT_TRANSLATE_NOOP("ExportDialog", "Parquet tables (pandas, polars, R, DuckDB; a folder)"),
}
# Formats that write a folder (and JSONL with one file per annotator).
FOLDER_FORMATS = ("brat", "parquet")
TABLE_NAMES = {
    "spans": QT_TRANSLATE_NOOP("ExportDialog", "spans (one row per span)"),
    "documents": QT_TRANSLATE_NOOP("ExportDialog", "documents (one row per document and annotator)"),
    "document-labels": QT_TRANSLATE_NOOP("ExportDialog", "document labels (one row per answer)"),
}


def _checked_list(parent: QWidget, entries: list[tuple[str, str]]) -> QListWidget:
    """A list of checked items: (shown text, value kept as the item's data)."""
    widget = QListWidget(parent)
    for text, value in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class ExportDialog(QDialog):
    """Format, table, annotators, gold, labels, done only, Excel mode and the output path."""

    def __init__(self, project: Project, parent: QWidget | None = None, language: str | None = None):
        super().__init__(parent)
        self.project = project
        # labels are shown under their name in the interface's language (the window's), their ids kept as data
        language = language or getattr(parent, "language", None) or "en"
        self.setWindowTitle(self.tr("Export"))
        layout = QFormLayout(self)
        self.format_combo = QComboBox(self)
        for fmt in FORMATS:
            self.format_combo.addItem(self.tr(FORMAT_NAMES.get(fmt, fmt)), fmt)
        self.table_combo = QComboBox(self)
        for table in TABLES:
            self.table_combo.addItem(self.tr(TABLE_NAMES.get(table, table)), table)
        visibility = project.team.visibility()
        self.annotator_list = _checked_list(self, [(name, name) for name in project.team.visible_annotators()])
        self.annotator_list.setAccessibleName(self.tr("Annotators"))
        self.gold_check = QCheckBox(self.tr("Include the gold standard (adjudicated spans)"), self)
        self.gold_check.setVisible(visibility.sees_gold)
        self.label_list = _checked_list(
            self, [(label.display_name(language), label.id) for label in project.codebook.labels(kind="span")])
        self.label_list.setAccessibleName(self.tr("Labels"))
        self.done_check = QCheckBox(self.tr("Only documents marked done"), self)
        self.excel_check = QCheckBox(self.tr("For Excel (BOM, formulas neutralised)"), self)
        self.per_annotator_check = QCheckBox(self.tr("One file per annotator, as doccano keeps them (a folder)"), self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Output file"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        layout.addRow(self.tr("Format"), self.format_combo)
        layout.addRow(self.tr("Table (CSV, Excel)"), self.table_combo)
        layout.addRow(self.tr("Annotators"), self.annotator_list)
        layout.addRow("", self.gold_check)
        layout.addRow(self.tr("Labels"), self.label_list)
        layout.addRow("", self.done_check)
        layout.addRow("", self.excel_check)
        layout.addRow("", self.per_annotator_check)
        layout.addRow(self.tr("Save to"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.per_annotator_check.toggled.connect(self._format_changed)
        self._format_changed()

    def _writes_folder(self) -> bool:
        fmt = self.format_combo.currentData()
        return fmt in FOLDER_FORMATS or (fmt == "jsonl" and self.per_annotator_check.isChecked())

    def _format_changed(self) -> None:
        fmt = self.format_combo.currentData()
        self.table_combo.setEnabled(fmt == "csv")  # the Parquet export writes all three tables
        self.excel_check.setEnabled(fmt == "csv")
        self.per_annotator_check.setEnabled(fmt == "jsonl")
        stem = self.project.path.with_suffix("")
        suffix = "" if self._writes_folder() else SUFFIXES.get(fmt, "")
        self.path_edit.setText(str(stem.parent / f"{stem.name}-{fmt}{suffix}"))

    def _browse(self) -> None:
        if self._writes_folder():
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        elif self.format_combo.currentData() == "csv":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), self.path_edit.text(),
                self.tr("CSV table (*.csv);;Excel workbook (*.xlsx);;Tab-separated table (*.tsv)"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    def _accept(self) -> None:
        if self.path_edit.text().strip():
            self.accept()

    def options(self) -> dict:
        """The chosen options as keyword arguments of export_project."""
        labels = _checked(self.label_list)
        all_labels = self.label_list.count()
        fmt = self.format_combo.currentData()
        return {
            "format": fmt,
            "out": self.path_edit.text().strip(),
            "annotators": _checked(self.annotator_list),
            "gold": self.gold_check.isChecked(),
            "labels": None if len(labels) == all_labels else labels,
            "done_only": self.done_check.isChecked(),
            "excel": self.excel_check.isChecked() and fmt == "csv",
            "table": self.table_combo.currentData() if fmt == "csv" else None,
            "per_annotator": self.per_annotator_check.isChecked() and fmt == "jsonl",
        }


def run_export(window, options: dict | None = None) -> Task | None:
    """Ask for the export choices (unless given) and export off the GUI thread."""
    if options is None:
        dialog = ExportDialog(window.project, window)
        if not dialog.exec():
            return None
        options = dialog.options()
    source = window.project

    def work(progress, cancelled):
        with source.reopen() as project:
            return export_project(project, progress=lambda done, total: progress(done, total, ""),
                                  cancel=cancelled, **options)

    def done(report, error):
        if error is not None:
            QMessageBox.critical(window, QCoreApplication.translate("ExportDialog", "Export failed"), plain(error_text(error)))
        elif report is not None:
            from annotator.gui.summaries import export_summary

            QMessageBox.information(window, QCoreApplication.translate("ExportDialog", "Export finished"),
                                    plain(export_summary(report)))

    return window.tasks.start("export", work, done, title=QCoreApplication.translate("ExportDialog", "Exporting…"),
                              dialog_parent=window)
