"""Benchmark: opening an article of 30 MB that is ONE paragraph (a text file with no line break) in the window.

Run by hand: `QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_huge_paragraph.py [--megabytes 30]
[--qtextedit]`.

What is measured: the window opens on a short article, then the huge one is opened (Ctrl+PgDown's work:
open_document) and the reader painted; the longest time the GUI thread was busy in the next 3 s (Qt lays
the rest out in steps); arrow and page keys with a repaint; Ctrl+End (lays out the whole text).
Reference: a bare QPlainTextEdit (Qt's editor for large plain text) shown at the reader's size, given the
same text with setPlainText and painted; with --qtextedit also a bare QTextEdit (the reader's base class),
which lays out the one enormous paragraph at once (minutes at 30 MB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit  # noqa: E402

from annotator.core.model import Document  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.gui.settings import Settings  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.store import Project  # noqa: E402

UNIT = "mot « guillemet » 😀 "  # the new-user trial's file: 25 bytes, 20 characters, 21 UTF-16 units


def pump(app, seconds: float) -> float:
    """Run the event loop for `seconds`; the longest gap between two ticks of a 10 ms timer."""
    longest, last = [0.0], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    return longest[0]


def bare(app, widget_class, text: str, size) -> float:
    """Seconds for a bare widget to take the text and paint it."""
    widget = widget_class()
    widget.resize(size)
    widget.show()
    app.processEvents()
    started = time.perf_counter()
    widget.setPlainText(text)
    widget.viewport().repaint()
    seconds = time.perf_counter() - started
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=30.0)
    parser.add_argument("--qtextedit", action="store_true", help="also time a bare QTextEdit (slow)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    text = UNIT * int(args.megabytes * 1_000_000 / len(UNIT.encode("utf-8")))
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        project = Project.create(Path(folder) / "huge.framing")
        project.codebook.install(load_preset("framing-devices"))
        short = Document(text="Petit\n\nUn texte court.", title="Petit")
        huge = Document(text=text, title="Un seul paragraphe")
        project.documents.add([short, huge])
        window = MainWindow(project, "bench", settings)
        window.resize(1440, 900)
        window.show()
        pump(app, 1.0)
        reader = window.workspace.reader
        size = reader.viewport().size()
        started = time.perf_counter()
        window.open_document(huge.id)
        reader.viewport().repaint()
        opened = time.perf_counter() - started
        stall = pump(app, 3.0)
        reader.setFocus()
        keys = []
        for key in [Qt.Key.Key_Right] * 5 + [Qt.Key.Key_Down] * 5 + [Qt.Key.Key_PageDown] * 5:
            started = time.perf_counter()
            QTest.keyClick(reader, key)
            reader.viewport().repaint()
            keys.append(time.perf_counter() - started)
        started = time.perf_counter()
        QTest.keyClick(reader, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        reader.viewport().repaint()
        to_end = time.perf_counter() - started
        window.close()
        pump(app, 0.3)
    plain = bare(app, QPlainTextEdit, text, size)
    print(f"article: {len(text.encode('utf-8')) / 1e6:.0f} MB, {len(text):,} characters, one paragraph")
    print(f"open and first paint: {opened:.2f} s; bare QPlainTextEdit: {plain:.2f} s "
          f"(ratio {opened / plain:.2f})")
    if args.qtextedit:
        edit = bare(app, QTextEdit, text, size)
        print(f"bare QTextEdit: {edit:.2f} s (ratio {opened / edit:.2f})")
    print(f"longest GUI stall in the 3 s after: {stall:.2f} s")
    print(f"arrow/page keys with repaint: median {statistics.median(keys) * 1000:.0f} ms, "
          f"max {max(keys) * 1000:.0f} ms")
    print(f"Ctrl+End with repaint: {to_end:.2f} s")


if __name__ == "__main__":
    main()
