"""GUI benchmark: a 1 MB article with 5,000 spans and its suggestions shown, labelled by key press;
a 100,000-document project opened and scrolled.

Run by hand: `QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--documents 100000]`.

What is measured, honestly:
- the FIRST opening of the long article (the window opens on a short one first), text and spans painted;
  reference: a bare QTextEdit, shown at the same size, given the same text with setPlainText and painted;
- the detectors' result handed to the GUI thread: how long that step takes; and the longest time the GUI
  thread was busy (a 1 ms timer measures the gaps between its ticks) while the text was laid out and the
  suggestions loaded; reference: the same for a bare QTextEdit laying out the same text (Qt lays a long
  text out in steps on the GUI thread);
- key presses AFTER the suggestions are shown: label, relabel, delete, undo, each from the key event to
  the span saved in the file and the reader repainted (every timing is checked to hold a paint of the
  reader); median and 90th percentile; reference: a bare INSERT + COMMIT in sqlite3 plus a repaint of
  the reference QTextEdit (the floor of "saved and repainted");
- switching back to the long article from another one; reference: setPlainText on the bare QTextEdit;
- the same key presses in a 1 MB article that is ONE paragraph (a text file with no line break, 5,000 spans);
  reference: the bare INSERT + COMMIT plus a repaint of a bare QTextEdit holding that paragraph.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from annotator.core.model import Document, Span  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.gui.settings import Settings  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = ("le la les un une des réseau social plateforme « liberté d’expression » affirme procès "
         "Amazon Parler Big Tech said claimed the company users 😀 café données serveurs").split()
FRAME_MS = 16.0


def article(rng: random.Random, size: int) -> str:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "Headline of a very long article\n\n" + "\n\n".join(paragraphs)


def spans_for(rng: random.Random, doc: Document, n: int, labels: list[str]) -> list[Span]:
    spans, seen = [], set()
    while len(spans) < n:
        start = rng.randrange(0, len(doc.text) - 40)
        end = start + rng.randint(3, 40)
        label = rng.choice(labels)
        if (label, start, end) in seen:
            continue
        seen.add((label, start, end))
        spans.append(Span(document_id=doc.id, annotator="bench", label_id=label, start=start, end=end,
                          text=doc.text[start:end]))
    return spans


class PaintCounter(QObject):
    """Counts paint events of a widget (so a timing is known to include a repaint)."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class StallMeter(QObject):
    """The longest gap between ticks of a 1 ms timer: the longest the GUI thread was kept busy."""

    def __init__(self):
        super().__init__()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.last = 0

    def start(self) -> None:
        self.longest, self.last = 0.0, 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        if self.last:
            self.longest = max(self.longest, (now - self.last) / 1e6)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def wait_until(app, condition, timeout: float = 30.0) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the condition did not come true")
        app.processEvents()
        time.sleep(0.0005)
    return time.perf_counter() - started


def timed_key(app, widget, paints: PaintCounter, key, modifier=Qt.KeyboardModifier.NoModifier) -> float:
    """From the key press to the end of the repaint it causes (the reader must have been painted)."""
    before = paints.count
    started = time.perf_counter()
    QTest.keyClick(widget, key, modifier)
    app.processEvents()
    elapsed = time.perf_counter() - started
    if paints.count == before:
        raise AssertionError("the key press caused no repaint: the timing would not include one")
    return elapsed


def settle(app, seconds: float) -> None:
    """Let the event loop run for a while (Qt lays a long text out in steps, in the GUI thread)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)


def time_handovers(workspace) -> list[float]:
    """Durations of each hand-over of prepared suggestions to the GUI thread (the step this benchmark watches)."""
    durations: list[float] = []
    original = workspace._suggestions_ready

    def timed(*args):
        started = time.perf_counter()
        original(*args)
        durations.append(time.perf_counter() - started)

    workspace._suggestions_ready = timed
    return durations


def reference_write(connection: sqlite3.Connection) -> float:
    started = time.perf_counter()
    connection.execute("INSERT INTO t VALUES (?, ?, ?, ?)", [str(uuid.uuid4()), 1, 2, "x"])
    connection.commit()
    return time.perf_counter() - started


def long_article_figures(app, folder: Path, args, settings: Settings) -> list[tuple[str, str, str, str]]:
    rng = random.Random(7)
    rows = []
    project = Project.create(folder / "big.framing")
    project.codebook.install(load_preset("framing-devices"))
    labels = [l.id for l in project.codebook.labels(kind="span")]
    short = Document(text="A short article\n\nAmazon claimed that Parler was dangerous, said the CEO.",
                     title="Short article")
    doc = Document(text=article(rng, 1_000_000), title="Big article")
    project.documents.add([short, doc])  # the window opens on the short one: the long one's opening is its first
    project.spans.add_many(spans_for(rng, doc, args.spans, labels))
    window = MainWindow(project, "bench", settings)
    window.resize(1440, 900)
    window.show()
    window.activateWindow()  # menu shortcuts (Ctrl+Z) reach an active window only
    wait_until(app, lambda: window.workspace.document is not None and app.activeWindow() is window)
    wait_until(app, lambda: window.tasks.in_flight == 0)  # the short article's suggestions (lexicons loaded)
    reader = window.workspace.reader
    size = reader.viewport().size()

    # 1. The first opening of the long article, against a bare QTextEdit shown at the reader's size.
    handovers = time_handovers(window.workspace)
    stall = StallMeter()
    started = time.perf_counter()
    window.open_document(doc.id)
    reader.viewport().repaint()
    open_time = time.perf_counter() - started
    stall.start()  # from here: the text laid out in steps, the detectors running, their result handed over
    detect_time = wait_until(app, lambda: len(window.workspace.suggestions) > 0, timeout=60)
    settle(app, 0.3)
    loading_stall = stall.stop()
    reference = QTextEdit()
    reference.resize(size)
    reference.show()
    app.processEvents()
    started = time.perf_counter()
    reference.setPlainText(doc.text)
    reference.viewport().repaint()
    reference_open = time.perf_counter() - started
    stall.start()
    settle(app, detect_time + 0.3)
    reference_stall = stall.stop()
    suggestions = len(window.workspace.suggestions)
    rows.append(("first open of a 1 MB article, 5k spans", ms(open_time), "<= 300 ms",
                 f"bare QTextEdit shown + setPlainText {ms(reference_open)} (x{open_time / reference_open:.1f})"))
    rows.append((f"{suggestions:,} suggestions handed to the GUI thread", ms(max(handovers)),
                 f"<= {FRAME_MS:.0f} ms", f"detectors took {ms(detect_time)} on a worker thread"))
    rows.append(("longest GUI-thread stall while they loaded", ms(loading_stall / 1000), "",
                 f"bare QTextEdit laying out the same text: {ms(reference_stall / 1000)}"))

    # 2. Key presses with the suggestions shown: label, relabel, delete, undo.
    window.activateWindow()  # the reference widget took the focus when shown
    wait_until(app, lambda: app.activeWindow() is window)
    rows += key_press_figures(app, folder, args, window, reference, doc.text, "")
    assert project.spans.count("bench") == args.spans + args.keypresses, "every key press must be saved"

    # 3. Switching back to the long article from the short one.
    switches, reference_switch = [], []
    for _ in range(args.switches):
        window.open_document(short.id)
        app.processEvents()
        started = time.perf_counter()
        window.open_document(doc.id)
        reader.viewport().repaint()
        switches.append(time.perf_counter() - started)
        app.processEvents()
        started = time.perf_counter()
        reference.setPlainText(doc.text)
        reference.viewport().repaint()
        reference_switch.append(time.perf_counter() - started)
    median, ref = statistics.median(switches), statistics.median(reference_switch)
    rows.append(("switch back to the 1 MB article", f"{ms(median)} median", "<= 300 ms",
                 f"p90 {ms(percentile(switches, 0.9))}; bare setPlainText {ms(ref)} (x{median / ref:.1f})"))
    window.close()
    reference.close()
    return rows


def key_press_figures(app, folder: Path, args, window, reference, text: str, what: str):
    """Label, relabel, delete and undo by key at `args.keypresses` places spread over `text`, each timed from
    the key to the span saved and the reader repainted; the floor: a bare INSERT + COMMIT in sqlite3 plus a
    repaint of the reference QTextEdit holding the same text."""
    reader = window.workspace.reader
    paints = PaintCounter(reader.viewport())
    reader.setFocus()
    connection = sqlite3.connect(folder / f"reference{len(what)}.sqlite")
    connection.execute("PRAGMA journal_mode = WAL")  # as the project file
    connection.execute("CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)")
    timings: dict[str, list[float]] = {"label": [], "relabel": [], "delete": [], "undo": []}
    reference_key = []
    for i in range(args.keypresses):
        start = text.index(" ", 500 + i * 20011) + 1
        reader.select_range(start, start + 12)
        reader.ensureCursorVisible()
        app.processEvents()
        timings["label"].append(timed_key(app, reader, paints, Qt.Key.Key_L))
        timings["relabel"].append(timed_key(app, reader, paints, Qt.Key.Key_S))
        timings["delete"].append(timed_key(app, reader, paints, Qt.Key.Key_Delete))
        timings["undo"].append(timed_key(app, reader, paints, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
        started = time.perf_counter()
        reference_write(connection)
        reference.viewport().repaint()
        reference_key.append(time.perf_counter() - started)
    connection.close()
    floor = statistics.median(reference_key)
    rows = []
    for name, values in timings.items():
        median = statistics.median(values)
        rows.append((f"{name} by key{what}, saved + repainted", f"{ms(median)} median",
                     f"<= {FRAME_MS:.0f} ms median",
                     f"p90 {ms(percentile(values, 0.9))}; bare INSERT+COMMIT+repaint {ms(floor)} "
                     f"(x{median / floor:.1f})"))
    return rows


def single_paragraph_figures(app, folder: Path, args, settings: Settings) -> list[tuple[str, str, str, str]]:
    """Key presses in a 1 MB article that is one paragraph (a text file with no line break), 5,000 spans."""
    rng = random.Random(13)
    project = Project.create(folder / "paragraph.framing")
    project.codebook.install(load_preset("framing-devices"))
    labels = [l.id for l in project.codebook.labels(kind="span")]
    words, length = [], 0
    while length < 1_000_000:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    doc = Document(text=" ".join(words) + ".", title="One paragraph")
    project.documents.add([doc])
    project.spans.add_many(spans_for(rng, doc, args.spans, labels))
    window = MainWindow(project, "bench", settings)
    window.resize(1440, 900)
    window.show()
    window.activateWindow()
    wait_until(app, lambda: window.workspace.document is not None and app.activeWindow() is window)
    wait_until(app, lambda: window.tasks.in_flight == 0 and len(window.workspace.suggestions) > 0, timeout=60)
    settle(app, 0.3)
    reference = QTextEdit()
    reference.resize(window.workspace.reader.viewport().size())
    reference.setPlainText(doc.text)
    reference.show()
    settle(app, 0.3)
    window.activateWindow()
    wait_until(app, lambda: app.activeWindow() is window)
    rows = key_press_figures(app, folder, args, window, reference, doc.text, " in a 1 MB single paragraph")
    assert project.spans.count("bench") == args.spans + args.keypresses, "every key press must be saved"
    window.close()
    reference.close()
    return rows


def corpus_figures(app, folder: Path, args, settings: Settings) -> list[tuple[str, str, str, str]]:
    rng = random.Random(11)
    big = Project.create(folder / "corpus.framing")
    big.codebook.install(load_preset("framing-devices"))
    t0 = time.perf_counter()
    batch = []
    for i in range(args.documents):
        text = f"Article {i} headline\n\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(300, 2500)))
        batch.append(Document(text=text, title=f"Article {i} headline", outlet=rng.choice(["Le Monde", "BBC"]),
                              published=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"))
        if len(batch) == 5000:
            big.documents.add(batch)
            batch = []
    if batch:
        big.documents.add(batch)
    build_time = time.perf_counter() - t0
    big.close()
    t0 = time.perf_counter()
    reopened = Project.open(folder / "corpus.framing", backup=False)  # as the app: backup in the background
    window = MainWindow(reopened, "bench", settings)
    window.show()
    app.processEvents()
    open_big = time.perf_counter() - t0
    view = window.document_list.view
    t0 = time.perf_counter()
    pages = 0
    while window.document_list.model.canFetchMore() and pages < 50:
        view.scrollToBottom()
        app.processEvents()
        pages += 1
    scroll = (time.perf_counter() - t0) / max(pages, 1)
    rows = [(f"open {args.documents:,}-document project (window shown)", ms(open_big), "< 1 s",
             f"corpus built in {build_time:.0f} s"),
            ("scroll the document list (per 200-row page)", ms(scroll), f"< {FRAME_MS:.0f} ms",
             f"{pages} pages fetched")]
    window.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=5_000)
    parser.add_argument("--keypresses", type=int, default=40)
    parser.add_argument("--switches", type=int, default=7)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    rows = long_article_figures(app, folder, args, settings)
    rows += single_paragraph_figures(app, folder, args, settings)
    if args.documents:
        rows += corpus_figures(app, folder, args, settings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (whole run)", f"{peak:.0f} MB", "< 400 MB", ""))
    print(f"{'figure':52} {'measured':>16}  {'aim':18} reference / notes")
    for name, value, aim, note in rows:
        print(f"{name:52} {value:>16}  {aim:18} {note}")
    if args.json is not None:
        args.json.write_text(json.dumps([list(row) for row in rows], ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
