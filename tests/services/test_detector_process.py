"""The detector worker process gives the same suggestions as the detectors run in the app, answers in
slices, can be abandoned mid-way, and its absence falls back to detecting in the app."""

from __future__ import annotations

import threading
import time

from annotator.core.model import Document
from annotator.services import detector_process
from annotator.services.detector_process import detect_in_process, stop_detector_process
from annotator.services.suggestions import detect, detector_setup

TEXT = ("Parler porte plainte contre Amazon\n\nSelon le procès, la « liberté\u00a0d’expression » est en jeu, "
        "a déclaré M. Matze. La société prétend que la « sécurité publique » est menacée. ") * 90


def test_the_worker_gives_what_the_detectors_give(project):
    setup = detector_setup(project)
    document = Document(text=TEXT, language="fr")
    try:
        assert detect_in_process(document, setup) == detect(document, setup)
        assert len(detect(document, setup)) > 400  # more than one slice of the answer
    finally:
        stop_detector_process()


def test_an_abandoned_detection_stops_its_process_and_the_next_one_works(project):
    setup = detector_setup(project)
    long_document = Document(text=TEXT * 20, language="fr")
    started = time.perf_counter()
    assert detect_in_process(long_document, setup, cancelled=lambda: time.perf_counter() - started > 0.1) is None
    assert detect_in_process(Document(text=TEXT, language="fr"), setup)
    stop_detector_process()


def test_without_a_worker_the_detectors_run_here(project, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no python here")

    monkeypatch.setattr(detector_process._worker, "_start", refuse)
    monkeypatch.setattr(detector_process, "_in_thread", False)
    document = Document(text=TEXT, language="fr")
    setup = detector_setup(project)
    assert detect_in_process(document, setup) == detect(document, setup)
    assert detector_process._in_thread
