"""The Review menu (agreement report, disagreements and adjudication) and the report computed off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.agreement.report import DEFAULT_RESAMPLES, AgreementReport, build_report
from annotator.gui.tasks import Task, TaskRunner
from annotator.store import Project


# translate("Review", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


@dataclass
class ReportRequest:
    """The filters and bootstrap settings of one agreement report."""

    annotators: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    done_only: bool = False
    resamples: int = DEFAULT_RESAMPLES
    seed: int = 0
    roll_up: bool = False


def compute_report(tasks: TaskRunner, parent: QWidget, source: Project, request: ReportRequest,
                   done: Callable[[AgreementReport | None, BaseException | None], None]) -> Task | None:
    """Read the project `source` (the window's) and build the report on a worker thread (its own connection,
    `Project.reopen`, read by the same person); `done` runs on the
    GUI thread with the report, or None and the error. A cancelled computation reports neither."""

    def work(progress, cancelled):
        progress(0, 0, translate("Review", "Reading the annotations…"))
        with source.reopen() as project:  # read by the window's person: the report holds only what they may see
            data = project.agreement.data(annotators=request.annotators or None, labels=request.labels or None,
                                          done_only=request.done_only, roll_up=request.roll_up)
        if cancelled():
            return None
        progress(0, 0, translate("Review", "Computing agreement and bootstrap intervals…"))
        report = build_report(data, resamples=request.resamples, seed=request.seed)
        return None if cancelled() else report

    return tasks.start("agreement", work, done, title=translate("Review", "Computing agreement…"),
                       dialog_parent=parent)


def build_review_menu(window) -> None:
    """Add the Review menu to a MainWindow, before Help."""
    menu = window.menuBar().addMenu(translate("Review", "&Review"))
    window.menuBar().insertMenu(window.menuBar().actions()[-2], menu)

    def add(key: str, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _c=False: slot())
        menu.addAction(action)
        window.actions[key] = action
        return action

    add("agreement", translate("Review", "&Agreement…"), lambda: open_agreement(window), "Ctrl+Shift+G")
    add("disagreements", translate("Review", "&Disagreements and adjudication…"), lambda: open_disagreements(window),
        "Ctrl+Shift+J")


def open_agreement(window):
    """Show the agreement report window (one per main window; it computes its report when shown)."""
    from annotator.gui.agreement_view import AgreementView

    if not window.project.team.may_see_others(window.annotator):
        QMessageBox.information(window, translate("Review", "Agreement"), translate("Review",
            "Coding is blind in this project: only the project lead compares annotators."))
        return None
    view = getattr(window, "agreement_view", None)
    if view is None:
        view = AgreementView(window.project, window, browse=lambda report: open_disagreements(window, report),
                             language=window.language)
        window.agreement_view = view
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def open_disagreements(window, report: AgreementReport | None = None):
    """Show the disagreement browser, with a report already computed or computing its own."""
    if not window.project.team.may_see_others(window.annotator):
        QMessageBox.information(window, translate("Review", "Disagreements"), translate("Review", 
            "Coding is blind in this project: only the project lead compares annotators' spans."))
        return None
    from annotator.gui.disagreement_view import DisagreementView

    view = getattr(window, "disagreement_view", None)
    if view is None:
        view = DisagreementView(window.project, window.annotator, window,
                                adjudicate=window.project.team.may_adjudicate(window.annotator),
                                language=window.language, undo_stack=window.undo_stack)
        view.changed.connect(window.workspace.changed.emit)
        window.disagreement_view = view
    view.adjudicate = window.project.team.may_adjudicate(window.annotator)
    view.show()
    view.raise_()
    if report is not None:
        view.show_report(report)
    elif view.report is None:
        view.compute()
    return view
