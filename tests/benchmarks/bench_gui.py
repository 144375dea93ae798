"""GUI benchmark: open a 1 MB article with 5,000 spans, label by key press, open and scroll a 100k project.

Run by hand: `QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--documents 100000]`.
Prints a table of figures with the issue's aims; the reference row times a bare QTextEdit.setPlainText
of the same text in the same run, so the ratio says what our reader adds on top of Qt.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from annotator.core.model import Document, Span  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.gui.settings import Settings  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = ("le la les un une des réseau social plateforme « liberté d’expression » affirme procès "
         "Amazon Parler Big Tech said claimed the company users 😀 café données serveurs").split()


def article(rng: random.Random, size: int) -> str:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "Headline of a very long article\n\n" + "\n\n".join(paragraphs)


def spans_for(rng: random.Random, doc: Document, n: int, labels: list[str]) -> list[Span]:
    spans = []
    for _ in range(n):
        start = rng.randrange(0, len(doc.text) - 40)
        end = start + rng.randint(3, 40)
        spans.append(Span(document_id=doc.id, annotator="bench", label_id=rng.choice(labels),
                          start=start, end=end, text=doc.text[start:end]))
    return spans


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=5_000)
    parser.add_argument("--keypresses", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    rows = []

    # 1. A 1 MB article with 5,000 spans.
    project = Project.create(folder / "big.framing")
    project.codebook.install(load_preset("framing-devices"))
    labels = [l.id for l in project.codebook.labels(kind="span")]
    doc = Document(text=article(rng, 1_000_000), title="Big article")
    project.documents.add([doc])
    project.spans.add_many(spans_for(rng, doc, args.spans, labels))
    window = MainWindow(project, "bench", settings)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_document(doc.id, 0)
    window.repaint()
    app.processEvents()
    open_time = time.perf_counter() - started
    reference = QTextEdit()
    started = time.perf_counter()
    reference.setPlainText(doc.text)
    reference.repaint()
    app.processEvents()
    reference_time = time.perf_counter() - started
    rows.append(("open 1 MB article, 5k spans", ms(open_time), "< 300 ms",
                 f"bare QTextEdit.setPlainText {ms(reference_time).strip()} (x{open_time / reference_time:.1f})"))

    # 2. Create a span by key press: saved in the file and repainted.
    reader = window.workspace.reader
    reader.setFocus()
    timings = []
    for i in range(args.keypresses):
        start = 40 + i * 997
        reader.select_range(start, start + 12)
        t0 = time.perf_counter()
        QTest.keyClick(reader, Qt.Key.Key_L)
        reader.viewport().repaint()
        app.processEvents()
        timings.append(time.perf_counter() - t0)
    assert project.spans.count("bench") == args.spans + args.keypresses
    rows.append(("label by key press (saved + repainted)", ms(statistics.median(timings)), "< 16 ms median",
                 f"p90 {ms(sorted(timings)[int(len(timings) * 0.9)]).strip()}"))
    window.close()
    project.close()

    # 3. A 100k-document project: open and scroll the list.
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
    rows.append((f"open {args.documents:,}-document project (window shown)", ms(open_big), "< 1 s",
                 f"corpus built in {build_time:.0f} s"))
    rows.append(("scroll the document list (per 200-row page)", ms(scroll), "smooth (< 16 ms)",
                 f"{pages} pages fetched"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (whole run)", f"{peak:8.0f} MB", "< 400 MB", ""))
    window.close()
    reopened.close()

    print(f"{'figure':48} {'measured':>12}  {'aim':18} reference / notes")
    for name, value, aim, note in rows:
        print(f"{name:48} {value:>12}  {aim:18} {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
