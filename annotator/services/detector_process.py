"""The detectors run in a process of their own: on a long article they compute for a second or more, and
in a thread of the app they would share Python's interpreter lock with the window, which would then
stutter. One worker process (`python -m annotator.services.detector_worker`), started on first use,
restarted when a detection is abandoned, stopped when the app exits."""

from __future__ import annotations

import atexit
import logging
import pickle
import queue
import struct
import subprocess
import sys
import threading
from dataclasses import fields
from typing import Any, BinaryIO, Callable

from annotator.core.model import Document
from annotator.services.suggestions import DetectorSetup, detect
from annotator.suggest import Suggestion

log = logging.getLogger(__name__)
FIELDS = tuple(f.name for f in fields(Suggestion))
POLL_SECONDS = 0.05
_HEADER = struct.Struct("!Q")


def send(stream: BinaryIO, value: Any) -> None:
    """Write one length-prefixed pickled message."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream: BinaryIO) -> Any:
    """Read one message written by `send`; EOFError when the other side is gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def detect_as_rows(document: Document, setup: DetectorSetup) -> list[tuple[Any, ...]]:
    """The suggestions as plain tuples: they cross between processes about ten times faster than
    dataclass objects (unpickling holds the interpreter lock in one go)."""
    return [tuple(getattr(s, name) for name in FIELDS) for s in detect(document, setup)]


class DetectorProcess:
    """The worker process and the thread that reads its answers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._answers: queue.Queue = queue.Queue()
        self._next_id = 0

    def _start(self) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-m", "annotator.services.detector_worker"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        answers = self._answers = queue.Queue()

        def read() -> None:
            try:
                while True:
                    answers.put(receive(process.stdout))
            except (EOFError, OSError, pickle.UnpicklingError):
                answers.put(None)  # the process ended

        threading.Thread(target=read, name="detector-answers", daemon=True).start()
        return process

    def stop(self) -> None:
        """End the worker process (a new one starts when needed)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def run(self, document: Document, setup: DetectorSetup,
            cancelled: Callable[[], bool]) -> list[Suggestion] | None:
        """The suggestions for `document`, or None when `cancelled()` came true first (the abandoned
        computation is stopped with its process). Raises OSError if the worker cannot run."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()
            self._next_id += 1
            request = self._next_id
            send(self._process.stdin, (request, document, setup))
            rows: list[tuple[Any, ...]] = []
            while True:
                try:
                    answer = self._answers.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if cancelled():
                        self.stop()
                        return None
                    continue
                if answer is None:
                    self._process = None
                    raise OSError("the detector process ended unexpectedly")
                answer_id, part, last, error = answer
                if answer_id != request:
                    continue
                if error:
                    raise RuntimeError(error)
                rows.extend(part)
                if last:
                    return [Suggestion(*row) for row in rows]


_worker = DetectorProcess()
_in_thread = False  # set once the worker process failed: it is not tried again in this session
atexit.register(_worker.stop)


def detect_in_process(document: Document, setup: DetectorSetup,
                      cancelled: Callable[[], bool] = lambda: False) -> list[Suggestion] | None:
    """The detectors' suggestions for `document`, computed in the worker process; None if cancelled.
    Should the worker fail, the detectors run in the calling thread instead."""
    global _in_thread
    if not _in_thread:
        try:
            return _worker.run(document, setup, cancelled)
        except (OSError, EOFError, pickle.PickleError) as exc:
            log.warning("detector process unavailable (%s); the detectors run in the app from now on", exc)
            _worker.stop()
            _in_thread = True
    return detect(document, setup)


def stop_detector_process() -> None:
    """End the worker process now (tests, or an app closing its last window)."""
    _worker.stop()
