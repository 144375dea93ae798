"""The lifecycle of windows and their background work: close with work pending, switch, cancel, stale results."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.core.errors import ProjectError
from annotator.core.model import Document, Span
from annotator.gui import workspace as workspace_module
from annotator.gui import workspace_suggestions
from annotator.gui.settings import Settings
from annotator.gui.tasks import TaskRunner
from annotator.io.codebook_files import load_preset
from annotator.store import Project


def _slow_detectors(monkeypatch, started: threading.Event, seconds: float = 0.6) -> list[str]:
    """Make the detectors take a while, recording each document they ran on."""
    ran: list[str] = []
    real = workspace_suggestions.suggestions_for

    def slow(document, *args, **kwargs):
        ran.append(document.id)
        started.set()
        time.sleep(seconds)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(workspace_suggestions, "suggestions_for", slow)
    return ran


def test_closing_while_the_detectors_run_drops_their_result_and_closes_the_project(
        qtbot, project, documents, settings, monkeypatch):
    from annotator.gui.main_window import MainWindow

    started = threading.Event()
    _slow_detectors(monkeypatch, started)
    shown: list[str] = []
    monkeypatch.setattr(workspace_module.Workspace, "_suggestions_ready",
                        lambda self, document_id, *prepared: shown.append(document_id))
    errors: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: errors.append(exc))
    window = MainWindow(project, "alice", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: started.is_set(), timeout=10000)
    assert len(window.tasks.tasks("suggestions")) == 1
    window.close()  # waits for the detectors, then closes the project
    assert window.tasks.in_flight == 0 and project.closed
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)
    assert shown == [] and errors == []


def test_a_late_result_for_another_document_is_dropped(qtbot, window, documents, monkeypatch):
    started = threading.Event()
    ran = _slow_detectors(monkeypatch, started, seconds=0.3)
    shown: list[str] = []
    original = workspace_module.Workspace._suggestions_ready
    monkeypatch.setattr(workspace_module.Workspace, "_suggestions_ready",
                        lambda self, document_id, *prepared: (shown.append(document_id),
                                                              original(self, document_id, *prepared)))
    first, second = documents
    window.open_document(second)
    qtbot.waitUntil(lambda: second in ran, timeout=10000)  # its detectors are running...
    window.open_document(first)  # ...when the annotator moves on
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.waitUntil(lambda: window.tasks.in_flight == 0, timeout=10000)
    QApplication.processEvents()
    assert shown == [first]  # the result for the document left behind never reached the view


def test_closing_a_window_whose_project_was_closed_already_does_not_crash(qtbot, project, documents, settings):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, "alice", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    window.tasks.wait()
    project.close()
    window.close()
    assert project.closed and window.tasks.in_flight == 0


def test_closing_during_an_import_cancels_it_and_leaves_the_file_whole(qtbot, project, documents, settings,
                                                                       tmp_path, monkeypatch):
    from annotator.gui.import_flow import run_import
    from annotator.gui.main_window import MainWindow

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:03}.txt").write_text(f"Article {n}\n\nBody number {n} of the batch.", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append("information"))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append("critical"))
    window = MainWindow(project, "alice", settings)
    qtbot.addWidget(window)
    window.show()
    path = project.path
    task = run_import(window, [str(folder)])
    assert task is not None
    qtbot.waitUntil(lambda: Project.open(path, backup=False).counts()["documents"] > 2, timeout=20000)
    window.close()
    assert task.cancelled and window.tasks.in_flight == 0 and project.closed
    with Project.open(path, backup=False) as reopened:
        count = reopened.counts()["documents"]
        assert reopened.integrity_ok() and 2 < count < 402
    QApplication.processEvents()
    assert shown == []  # no summary for a window that is gone


def test_cancel_in_the_progress_dialog_stops_the_agreement(qtbot, project, documents, monkeypatch):
    from annotator.gui import review
    from annotator.gui.agreement_view import AgreementView

    release = threading.Event()
    real = review.build_report

    def slow_report(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(review, "build_report", slow_report)
    text = project.documents.text(documents[1])
    for who in ("ana", "ben"):
        project.spans.add(Span(document_id=documents[1], annotator=who, label_id="hedge", start=0, end=6,
                               text=text[:6]))
    view = AgreementView(project, resamples=0)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.task is not None and view.task.dialog.isVisible(), timeout=10000)
    button = view.task.dialog.findChild(QPushButton)
    button.click()
    release.set()
    qtbot.waitUntil(lambda: view.task is None, timeout=10000)
    assert view.report is None and "cancelled" in view.summary.text()
    view.close()
    assert view.tasks.in_flight == 0


def test_switching_projects_closes_the_first_window_and_its_project(qtbot, tmp_path, monkeypatch):
    from annotator.gui import app

    paths = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.framing"
        with Project.create(path) as created:
            created.codebook.install(load_preset("framing-devices"))
            created.documents.add([Document(text=f"The {name} project's only article.", title=name)])
        paths.append(path)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(app.QInputDialog, "getItem", lambda *a, **k: ("alice", True))
    first = app.open_window(paths[0], settings, annotator="alice")
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.workspace.document is not None)
    first.switch_project(paths[1])
    QApplication.processEvents()
    [second] = app.open_windows()
    qtbot.addWidget(second)
    assert second is not first and first.project.closed and second.project.path == paths[1]
    with pytest.raises(ProjectError, match="closed"):
        first.project.counts()
    second.close()
    assert app.open_windows() == [] and second.project.closed


def test_the_runner_drops_stale_results_and_refuses_work_after_shutdown(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    runner = TaskRunner(owner)
    results: list[tuple] = []
    gate = threading.Event()
    runner.start("detect", lambda p, c: (gate.wait(5), "old")[1], lambda r, e: results.append(("old", r, e)))
    runner.start("detect", lambda p, c: "new", lambda r, e: results.append(("new", r, e)))
    gate.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)
    assert results == [("new", "new", None)]
    failure = runner.start("other", lambda p, c: 1 / 0, lambda r, e: results.append(("fail", r, e)))
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)
    assert failure is not None and isinstance(results[-1][2], ZeroDivisionError)  # the exception object
    assert runner.shutdown() and runner.start("late", lambda p, c: 1, lambda r, e: results.append(r)) is None


def test_work_stopped_by_a_cancel_is_not_logged_as_a_failure_but_a_real_failure_is(qtbot, caplog):
    """Closing the window while the model trains cancelled it; the training's FitCancelled was printed
    with its traceback as 'background task failed', on every close."""
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    runner = TaskRunner(owner)
    started = threading.Event()

    def stops_when_cancelled(progress, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise RuntimeError("stopped on request")

    caplog.set_level("DEBUG", logger="annotator.gui.tasks")
    runner.start("train", stops_when_cancelled, lambda r, e: None)
    started.wait(5)
    assert runner.shutdown()
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    runner = TaskRunner(owner)
    runner.start("other", lambda p, c: 1 / 0, lambda r, e: None)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)
    assert [r for r in caplog.records if r.levelname == "ERROR" and "ZeroDivisionError" in r.getMessage()]
