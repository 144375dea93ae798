"""The Team menu: who is annotating, the lead role, blind coding, the overlay, assignments, progress,
packages and merging of annotators' files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError, MergeNeedsConsent
from annotator.gui.plain_text import plain
from annotator.gui.reasons import error_message
from annotator.gui.summaries import merge_summary_lines
from annotator.gui.team_annotators import AnnotatorsDialog
from annotator.gui.team_assign import AssignDialog, AssignResultDialog
from annotator.gui.team_progress import ProgressDialog
from annotator.store.assignments import AutoAssignPlan


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
    add("annotators", translate("Team", "A&nnotators…"), lambda: AnnotatorsDialog(window.project, window.annotator,
                                                                                window).exec(), "Ctrl+Shift+N")
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
    """The people who annotate now: every annotator but the gold standard's pseudo-annotator and the retired."""
    return project.team.coders(include_retired=False)


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
    name = name.strip() if ok else ""
    if not name or name == window.annotator:
        return
    if window.project.team.role(name) == "lead" and QMessageBox.question(
            window, translate("Team", "Project lead"),
            translate("Team", "%1 is a project lead and sees every annotator's work. Go on as %1?").replace("%1", name)
    ) != QMessageBox.StandardButton.Yes:
        return
    window.switch_annotator(name)


def become_lead(window) -> None:
    """Take the lead role, confirmed; refused while someone else leads (only a lead hands the role over)."""
    leads = window.project.team.leads()
    if leads and window.annotator not in leads:
        QMessageBox.information(window, translate("Team", "Project lead"), translate(
            "Team", "%1 leads this project. Only a lead gives the lead role to someone else (Team > Annotators…).")
            .replace("%1", ", ".join(leads)))
        return
    answer = QMessageBox.question(
        window, translate("Team", "Project lead"),
        translate("Team", "The lead sees every annotator's work and manages blind coding, assignments and "
                  "merging. Take the lead role as %s?") % window.annotator)
    if answer == QMessageBox.StandardButton.Yes:
        window.project.team.set_role(window.annotator, "lead", by=window.annotator)
        update_team_actions(window)


def set_blind(window, on: bool) -> None:
    """Turn blind coding on or off as the person annotating; the store refuses it to anyone but a lead."""
    try:
        window.project.team.set_blind_coding(on, by=window.annotator)
    except AnnotatorError as exc:
        QMessageBox.warning(window, translate("Team", "Blind coding"), plain(error_message(exc)))
    action = window.actions["blind"]
    action.blockSignals(True)
    action.setChecked(window.project.team.blind_coding())
    action.blockSignals(False)
    update_team_actions(window)


def show_others(window, on: bool) -> None:
    if on and not window.project.team.may_see_others(window.annotator):
        window.actions["show_others"].setChecked(False)
        return
    window.workspace.show_others = on
    window.workspace.refresh_spans()


def assign_documents(window, dialog: AssignDialog | None = None) -> AutoAssignPlan | None:
    """Plan and write an automatic assignment, then show what each coder got and what was left out.

    `dialog`, when given, holds choices already made (scripts and tests); otherwise the person is asked.
    """
    if dialog is None:
        dialog = AssignDialog(window.project, window)
        if not dialog.exec():
            return None
    try:
        change = window.project.assignments.auto_assign(dialog.chosen(), per_document=dialog.per_document.value(),
                                                        overlap_share=dialog.overlap.value(), seed=dialog.seed.value())
    except AnnotatorError as exc:
        QMessageBox.warning(window, translate("Team", "Assign documents"), plain(error_message(exc)))
        return None
    window.document_list.model.reload()
    plan = change.details["plan"]
    window.last_assignment = AssignResultDialog(plan, window.project.team.shown_names(), window)
    window.last_assignment.open()
    return plan


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
        window.project.team.require_visible([name])
        window.project.packages.write(name, path)
    except AnnotatorError as exc:
        QMessageBox.warning(window, translate("Team", "Package"), plain(error_message(exc)))
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
            lines.append(f"{path}: {error_message(exc)}")
            continue
        if report is None:
            lines.append(translate("Team", "%s: not merged.") % path)
            continue
        reports.append(report)
        lines += merge_summary_lines(report)
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
                              error_message(exc) + "\n\n" + translate("Team", "Merge it anyway?"),
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
