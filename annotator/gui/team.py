"""The Team menu: who is annotating, the lead role, blind coding, the overlay, assignments, progress,
packages and merging of annotators' files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QInputDialog, QLabel,
    QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError, MergeNeedsConsent
from annotator.gui.document_list import STATUS_COLOURS
from annotator.gui.plain_text import plain, plain_label


# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def build_team_menu(window) -> None:
    """Add the Team menu to a MainWindow."""
    menu = window.menuBar().addMenu(translate("Team", "&Team"))
    window.menuBar().insertMenu(window.menuBar().actions()[-2], menu)

    def add(key: str, text: str, slot, shortcut: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(shortcut)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot if checkable else (lambda _c=False: slot()))
        menu.addAction(action)
        window.actions[key] = action
        return action

    add("change_annotator", translate("Team", "&Change annotator…"), lambda: change_annotator(window),
        "Ctrl+Shift+U")
    add("lead_role", translate("Team", "I am the project &lead…"), lambda: become_lead(window), "Ctrl+Shift+L")
    menu.addSeparator()
    blind = add("blind", translate("Team", "&Blind coding (annotators see only their own work)"),
                lambda on: set_blind(window, on), "Ctrl+Shift+B", checkable=True)
    blind.blockSignals(True)
    blind.setChecked(window.project.team.blind_coding())
    blind.blockSignals(False)
    add("show_others", translate("Team", "&Show other annotators' spans"), lambda on: show_others(window, on),
        "Ctrl+Shift+A", checkable=True)
    menu.addSeparator()
    add("progress", translate("Team", "&Progress…"), lambda: ProgressDialog(window.project, window).exec(),
        "Ctrl+Shift+P")
    add("auto_assign", translate("Team", "&Assign documents…"), lambda: assign_documents(window), "Ctrl+Shift+D")
    add("package", translate("Team", "Create a &package for an annotator…"), lambda: create_package(window),
        "Ctrl+Shift+E")
    add("merge", translate("Team", "&Merge annotators' files…"), lambda: merge_files(window), "Ctrl+Shift+M")
    update_team_actions(window)


def coder_names(project) -> list[str]:
    """The people who annotate: every annotator but the gold standard's pseudo-annotator."""
    return project.team.coders()


def is_lead(window) -> bool:
    return window.project.team.role(window.annotator) == "lead"


def update_team_actions(window) -> None:
    """Lead-only actions are enabled for the lead; the overlay follows blind coding."""
    lead = is_lead(window)
    for key in ("blind", "auto_assign", "package", "merge"):
        window.actions[key].setEnabled(lead)
    window.actions["lead_role"].setEnabled(not lead)
    allowed = window.project.team.may_see_others(window.annotator)
    window.actions["show_others"].setEnabled(allowed)
    if not allowed and window.actions["show_others"].isChecked():
        window.actions["show_others"].setChecked(False)


def change_annotator(window) -> None:
    names = coder_names(window.project)
    current = max(names.index(window.annotator), 0) if window.annotator in names else 0
    name, ok = QInputDialog.getItem(window, translate("Team", "Change annotator"), translate("Team", "Annotate as:"),
                                    names, current, True)
    if ok and name.strip() and name.strip() != window.annotator:
        window.switch_annotator(name.strip())


def become_lead(window) -> None:
    answer = QMessageBox.question(
        window, translate("Team", "Project lead"),
        translate("Team", "The lead sees every annotator's work and manages blind coding, assignments and "
                  "merging. Take the lead role as %s?") % window.annotator)
    if answer == QMessageBox.StandardButton.Yes:
        window.project.team.set_role(window.annotator, "lead")
        update_team_actions(window)


def set_blind(window, on: bool) -> None:
    window.project.team.set_blind_coding(on)
    update_team_actions(window)


def show_others(window, on: bool) -> None:
    if on and not window.project.team.may_see_others(window.annotator):
        window.actions["show_others"].setChecked(False)
        return
    window.workspace.show_others = on
    window.workspace.refresh_spans()


class ProgressDialog(QDialog):
    """Documents x annotators, each cell the annotator's status, with totals."""

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Progress"))
        self.resize(760, 480)
        progress = project.assignments.progress()
        layout = QVBoxLayout(self)
        totals = ", ".join(
            translate("Team", "%1: %2/%3 done").replace("%1", name).replace("%2", str(counts.get("done", 0)))
            .replace("%3", str(sum(counts.values())))
            for name, counts in progress.totals.items()
        )
        status_names = {"todo": translate("Team", "to do"), "in progress": translate("Team", "in progress"),
                        "done": translate("Team", "done")}
        layout.addWidget(plain_label(
            translate("Team", "%1 documents finished by every assigned annotator; %2 documents not assigned.")
            .replace("%1", str(progress.documents_done)).replace("%2", str(progress.unassigned))
            + ("\n" + totals if totals else ""), self))
        self.table = QTableWidget(len(progress.rows), len(progress.annotators) + 1, self)
        self.table.setAccessibleName(translate("Team", "Progress by document and annotator"))
        self.table.setHorizontalHeaderLabels([translate("Team", "Document")] + progress.annotators)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(progress.rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.title))
            for c, name in enumerate(progress.annotators, start=1):
                status = row.statuses.get(name)
                item = QTableWidgetItem(status_names.get(status, status or ""))
                if status:
                    item.setForeground(QColor(STATUS_COLOURS[status]))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AssignDialog(QDialog):
    """Choose annotators, coders per document, overlap share and seed for automatic assignment."""

    def __init__(self, annotators: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Assign documents"))
        layout = QFormLayout(self)
        self.annotator_list = QListWidget(self)
        self.annotator_list.setAccessibleName(translate("Team", "Annotators"))
        for name in annotators:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.annotator_list.addItem(item)
        self.per_document = QSpinBox(self)
        self.per_document.setRange(1, max(1, len(annotators)))
        self.per_document.setValue(min(2, max(1, len(annotators))))
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.2)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(1)
        layout.addRow(translate("Team", "Annotators"), self.annotator_list)
        layout.addRow(translate("Team", "Coders per shared document"), self.per_document)
        layout.addRow(translate("Team", "Share of documents coded by several (agreement sample)"), self.overlap)
        layout.addRow(translate("Team", "Seed (same seed, same plan)"), self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def chosen(self) -> list[str]:
        return [self.annotator_list.item(i).text() for i in range(self.annotator_list.count())
                if self.annotator_list.item(i).checkState() == Qt.CheckState.Checked]


def assign_documents(window) -> None:
    names = coder_names(window.project)
    dialog = AssignDialog(names, window)
    if not dialog.exec():
        return
    try:
        change = window.project.assignments.auto_assign(dialog.chosen(), per_document=dialog.per_document.value(),
                                            overlap_share=dialog.overlap.value(), seed=dialog.seed.value())
    except AnnotatorError as exc:
        QMessageBox.warning(window, translate("Team", "Assign documents"), plain(str(exc)))
        return
    window.document_list.model.reload()
    load = change.details.get("load", {})
    QMessageBox.information(window, translate("Team", "Assign documents"),
                            plain("\n".join(f"{name}: {count}" for name, count in sorted(load.items())))
                            or translate("Team", "Done."))


def create_package(window) -> None:
    names = coder_names(window.project)
    name, ok = QInputDialog.getItem(window, translate("Team", "Package"), translate("Team", "Package for annotator:"),
                                    names, 0, False)
    if not ok:
        return
    path, _ = QFileDialog.getSaveFileName(window, translate("Team", "Save package"), f"{name}.framing",
                                          translate("Team", "Framing Annotator projects (*.framing)"))
    if not path:
        return
    try:
        window.project.packages.write(name, path)
    except AnnotatorError as exc:
        QMessageBox.warning(window, translate("Team", "Package"), plain(str(exc)))
        return
    QMessageBox.information(window, translate("Team", "Package"), plain(translate("Team", "Package written to %s") % path))


def merge_files(window, paths: list[str] | None = None) -> list:
    """Merge annotators' project files into this project; each merge is all or nothing."""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            window, translate("Team", "Merge annotators' files"), "",
            translate("Team", "Framing Annotator projects (*.framing);;All files (*)"))
    reports, lines = [], []
    for path in paths:
        try:
            report = merge_with_consent(window, Path(path))
        except AnnotatorError as exc:
            lines.append(str(exc))
            continue
        if report is None:
            lines.append(translate("Team", "%s: not merged.") % path)
            continue
        reports.append(report)
        lines += report.summary_lines()
        window.workspace.changed.emit(report.change())
    if any(report.changed for report in reports):
        # Merged edits may have replaced or deleted what older undo steps refer to.
        window.undo_stack.clear()
    if paths:
        window.document_list.model.reload()
        window.workspace.reload_codebook()
        ReportDialog(translate("Team", "Merge report"), "\n".join(lines), window).exec()
    return reports


def merge_with_consent(window, path: Path):
    """Merge one file; when the merge needs the lead's consent (a whole-project copy, many new labels),
    ask, and merge with it. None when the lead says no."""
    allowed: dict[str, object] = {}
    while True:
        try:
            return window.project.merges.merge(path, **allowed)
        except MergeNeedsConsent as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, translate("Team", "Merge annotators' files"),
                              str(exc) + "\n\n" + translate("Team", "Merge it anyway?"),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return None
            allowed[exc.option] = exc.needed if exc.option == "max_new_labels" else True


class ReportDialog(QDialog):
    """A read-only text report with a Close button."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(text, self)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
