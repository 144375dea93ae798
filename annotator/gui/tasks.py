"""Long work off the GUI thread, with a progress dialog and a cancel button."""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

# fn(progress, cancelled) -> result, where progress(done, total, what) and cancelled() -> bool.
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, error message (or None)

    def __init__(self, work: Work):
        super().__init__()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._work(lambda d, t, w: self.progressed.emit(d, t, w), self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the user, and logged with its traceback
            log.error("background task failed:\n%s", traceback.format_exc())
            self.finished.emit(None, str(exc) or exc.__class__.__name__)
            return
        self.finished.emit(result, None)


class BackgroundTask(QObject):
    """Runs `work` on a QThread; `done(result, error)` is called on the GUI thread."""

    def __init__(self, parent: QWidget, title: str, work: Work, done: Callable[[Any, str | None], None]):
        super().__init__(parent)
        self._done = done
        self.thread = QThread(self)
        self.worker = _Worker(work)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.worker.cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)

    def start(self) -> None:
        self.thread.start()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if what:
            self.dialog.setLabelText(what)

    def _finished(self, result: Any, error: str | None) -> None:
        self.dialog.reset()
        self.thread.quit()
        self.thread.wait()
        self._done(result, error)
        self.deleteLater()
