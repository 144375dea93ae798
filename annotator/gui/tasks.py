"""Background work of a window, with one lifecycle: tagged, cancellable, waited for before the window closes.

Every task runs `work(progress, cancelled)` on its own QThread and reports `done(result, error)` on
the GUI thread, `error` being the exception object (None on success). A task is tagged with what it
is for (its purpose, the document it concerns, a generation number): starting a new task of a
purpose makes older ones of that purpose stale, and a stale result is dropped unseen. `shutdown()`
(called when the window closes) cancels every task, waits for its thread, and drops every result
still to come, so no late result reaches a closed window or a closed project.
"""

from __future__ import annotations

import logging
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

log = logging.getLogger(__name__)

# fn(progress, cancelled) -> result, where progress(done, total, what) and cancelled() -> bool.
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]
Done = Callable[[Any, "BaseException | None"], None]


@dataclass(frozen=True)
class TaskTag:
    """What a task is for: its purpose, the document it concerns (if any) and its generation."""

    purpose: str
    document: str | None
    generation: int


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception (or None)

    def __init__(self, work: Work):
        super().__init__()
        self._work = work
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            result = self._work(self._progress, self.cancel_event.is_set)
        except Exception as exc:  # noqa: BLE001 - handed to `done`, and logged with its traceback
            if self.cancel_event.is_set():  # stopped as asked (the window closing): not a failure to report
                log.debug("background task stopped after it was cancelled: %r", exc)
            else:
                log.error("background task failed:\n%s", traceback.format_exc())
            result, error = None, exc
        else:
            error = None
        self.finished.emit(result, error)
        self.thread().quit()  # the thread ends now, so that waiting for it never hangs

    def _progress(self, done: int, total: int, what: object = "") -> None:
        """Report progress; `what` as text (a Path or None would not cross the str signal: Qt drops the
        call with a message on stderr)."""
        self.progressed.emit(int(done), int(total), "" if what is None else str(what))


class Task(QObject):
    """One piece of background work; create it through TaskRunner.start."""

    def __init__(self, runner: "TaskRunner", tag: TaskTag, work: Work, done: Done,
                 title: str | None, dialog_parent: QWidget | None):
        super().__init__(runner)
        self.runner = runner
        self.tag = tag
        self._done = done
        self.thread = QThread(self)
        self.thread.setObjectName(f"task-{tag.purpose}")
        self.worker = _Worker(work)
        self.worker.moveToThread(self.thread)
        self.dialog: QProgressDialog | None = None
        if title is not None:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, dialog_parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self.cancel)
            self.worker.progressed.connect(self._progress)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)

    def cancel(self) -> None:
        """Ask the work to stop at its next check of `cancelled()`."""
        self.worker.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.worker.cancel_event.is_set()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for the thread to end; True when it has."""
        return self.thread.wait(timeout_ms) if timeout_ms >= 0 else self.thread.wait()

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(done)
            if what:
                self.dialog.setLabelText(what)

    def _finished(self, result: Any, error: BaseException | None) -> None:
        if self.dialog is not None:
            self.dialog.reset()
        self.thread.quit()
        self.thread.wait()
        self.runner._retire(self, result, error)


class TaskRunner(QObject):
    """The background work of one window (or dialog): start, tag, cancel, and shut down on close."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._generations: dict[str, int] = {}
        self._closed = False

    def start(self, purpose: str, work: Work, done: Done, *, document: str | None = None,
              title: str | None = None, dialog_parent: QWidget | None = None) -> Task | None:
        """Run `work` in the background; `done(result, error)` runs on the GUI thread if the task is
        still current then. Older tasks of the same purpose are cancelled and their results dropped.
        `title` shows a progress dialog with a Cancel button. None once the runner is shut down."""
        if self._closed:
            return None
        generation = self._generations.get(purpose, 0) + 1
        self._generations[purpose] = generation
        for older in self.tasks(purpose):
            older.cancel()
        task = Task(self, TaskTag(purpose, document, generation), work, done, title, dialog_parent)
        self._tasks.append(task)
        task.thread.start()
        return task

    def tasks(self, purpose: str | None = None) -> list[Task]:
        """The tasks still running (of one purpose)."""
        return [t for t in self._tasks if purpose is None or t.tag.purpose == purpose]

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    @property
    def closed(self) -> bool:
        return self._closed

    def is_current(self, tag: TaskTag) -> bool:
        """True unless the runner is shut down or a newer task of the same purpose was started."""
        return not self._closed and self._generations.get(tag.purpose) == tag.generation

    def cancel(self, purpose: str | None = None) -> None:
        """Cancel the running tasks (of one purpose); their results are dropped."""
        for task in self.tasks(purpose):
            self._generations[task.tag.purpose] = self._generations.get(task.tag.purpose, 0) + 1
            task.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Wait for every running task's thread to end (results are still delivered); True if all did."""
        return all(task.wait(timeout_ms) for task in list(self._tasks))

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Cancel every task, wait for the threads, and drop every result still to come.

        True when every thread ended within the timeout."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        ended = True
        for task in list(self._tasks):
            ended = task.wait(timeout_ms) and ended
            if task.dialog is not None:
                task.dialog.reset()
        self._tasks = [t for t in self._tasks if t.thread.isRunning()]
        return ended

    def _retire(self, task: Task, result: Any, error: BaseException | None) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        current = self.is_current(task.tag)
        task.deleteLater()
        if current:
            task._done(result, error)


class TaskDialog(QDialog):
    """A dialog with background work of its own (`tasks`), shut down when the dialog closes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = TaskRunner(self)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self.tasks.shutdown()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.tasks.shutdown()
        super().closeEvent(event)


def error_text(error: BaseException) -> str:
    """What to tell the user about a failed task: our own errors in the interface's words (gui/reasons.py),
    others with their type."""
    from annotator.gui.reasons import error_message

    return error_message(error)
