"""Importing a codebook (a preset or a file) into the project from the codebook editor: every change it would
make is listed first, and nothing is written before the person confirms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.codebook_diff import CodebookDiff, Difference
from annotator.gui.reasons import message_text

translate = QCoreApplication.translate

def field_name(field: str) -> str:
    names = {
        "name": translate("CodebookImport", "name"), "name_fr": translate("CodebookImport", "French name"),
        "kind": translate("CodebookImport", "kind"), "parent": translate("CodebookImport", "parent"),
        "color": translate("CodebookImport", "colour"), "shortcut": translate("CodebookImport", "key"),
        "description": translate("CodebookImport", "description"),
        "description_fr": translate("CodebookImport", "French description"),
        "examples": translate("CodebookImport", "examples"),
        "examples_fr": translate("CodebookImport", "French examples"), "code": translate("CodebookImport", "code"),
        "multiple": translate("CodebookImport", "several answers"), "level": translate("CodebookImport", "level"),
        "retired": translate("CodebookImport", "retired"), "type": translate("CodebookImport", "type"),
        "labels": translate("CodebookImport", "labels it applies to"),
        "choice order": translate("CodebookImport", "order of the choices"),
    }
    return names.get(field, field)


def difference_text(difference: Difference, names: dict[str, str]) -> str:
    """One change in the interface's words, the label or question named as the codebook names it."""
    item = names.get(difference.item, difference.item)
    if difference.attribute:
        item = translate("CodebookImport", "attribute %1").replace("%1", item)
    if difference.field == "choice":
        if not difference.before:
            text = translate("CodebookImport", "%1: new choice “%2”")
            return text.replace("%1", item).replace("%2", difference.after)
        if not difference.after:
            text = translate("CodebookImport", "%1: choice “%2” removed")
            return text.replace("%1", item).replace("%2", difference.before)
        text = translate("CodebookImport", "%1: choice “%2” renamed “%3”")
        return text.replace("%1", item).replace("%2", difference.before).replace("%3", difference.after)
    text = translate("CodebookImport", "%1: %2 “%3” becomes “%4”")
    return (text.replace("%1", item).replace("%2", field_name(difference.field))
            .replace("%3", difference.before or "—").replace("%4", difference.after or "—"))


def diff_lines(diff: CodebookDiff, names: dict[str, str]) -> list[str]:
    """The whole report: counts, new labels, every change, labels kept though missing, notes."""
    lines = [translate("CodebookImport", "%1 new, %2 changed, %3 unchanged, %4 missing from the file (kept in the "
                                         "project)").replace("%1", str(len(diff.new)))
             .replace("%2", str(len(diff.changed))).replace("%3", str(len(diff.unchanged)))
             .replace("%4", str(len(diff.missing)))]
    lines += ["  " + translate("CodebookImport", "new: %1").replace("%1", names.get(i, i)) for i in diff.new]
    lines += ["  " + difference_text(d, names) for d in diff.differences]
    lines += ["  " + translate("CodebookImport", "new attribute: %1").replace("%1", i) for i in diff.new_attributes]
    lines += ["  " + translate("CodebookImport", "kept, though not in the file: %1").replace("%1", names.get(i, i))
              for i in diff.missing]
    lines += ["  " + translate("CodebookImport", "note: %1").replace("%1", message_text(n)) for n in diff.notes]
    return lines


class ImportPreview(QDialog):
    """Every change an import would make; Import writes them, Cancel writes nothing."""

    def __init__(self, book: Codebook, diff: CodebookDiff, names: dict[str, str], parent: QWidget | None = None,
                 language: str = "en"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import codebook — %s") % book.name)
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Importing “%s” would make these changes. Nothing changes until you "
                                        "press Import.") % book.name, self))
        incoming = {label.id: label.display_name(language) for label in book.labels if label.id not in names}
        self.report = QPlainTextEdit("\n".join(diff_lines(diff, {**names, **incoming})), self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Changes the import would make"))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not (diff.is_empty and not diff.notes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ChooseCodebook(QDialog):
    """A preset that ships with the app, or a codebook file."""

    def __init__(self, presets: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import codebook"))
        self.path = ""
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Labels are matched by id: new ones are added, changed ones updated, and "
                                        "labels the codebook lacks stay. You see every change before it is made."),
                                self))
        row = QHBoxLayout()
        self.preset_combo = QComboBox(self)
        self.preset_combo.setAccessibleName(self.tr("Preset"))
        for preset_id, name in sorted(presets.items(), key=lambda item: item[1]):
            self.preset_combo.addItem(name, preset_id)
        file_button = QPushButton(self.tr("From a file…"), self)
        file_button.clicked.connect(self._choose_file)
        row.addWidget(self.preset_combo, 1)
        row.addWidget(file_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Codebook file"), "",
                                              self.tr("Codebooks (*.json *.qdc);;All files (*)"))
        if path:
            self.path = path
            self.accept()
