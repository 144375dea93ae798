"""Benchmark of the model inside the app: retraining in the window's background task, and suggestions for an opened
article with the model, on a project of ~1,000 labelled articles; the detectors alone are the reference.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_app_recommender.py [--labelled 1000]
     [--unlabelled 200] [--articles 60] [--agreement]

1. Builds a project file: `--labelled` generated articles (tests/recommend/framing_sample.py) coded by one
   annotator (spans and the tone question), and `--unlabelled` more.
2. Training as the app's background task does it (gui/learning.py): the worker opens its own connection,
   reads the training set, closes it, fits (first with an empty text cache, then again after one more
   annotation with the cache warm), and the GUI thread stores the model. Then the same in a real window
   (offscreen): from `retrain()` to the stored model, with the longest pause of the window's event loop
   meanwhile (a 10 ms timer's worst lateness: what the annotator would feel).
3. An opened article: `suggestions_for` (detectors and model) against `detect` (detectors alone), per
   article over `--articles` unlabelled ones; and in the window, from `open_document` to the suggestions
   listed, with and without the model.
4. Loading the stored model (decoding its bytes) and ranking the next articles by uncertainty (2,000 at most);
   with `--agreement`, the model scored as a coder (5-fold) over the labelled articles.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from annotator.core.model import Document, Span  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.services import recommending  # noqa: E402
from annotator.services.suggestions import detect, detector_setup, suggestions_for  # noqa: E402
from annotator.store import Project  # noqa: E402
from tests.recommend.framing_sample import make_article  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def timed(func, *args, **kwargs):
    began = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - began, value


def build(path: Path, labelled: int, unlabelled: int) -> list[str]:
    """The project file; returns the document ids, labelled ones first."""
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        articles = [make_article(n, seed=7) for n in range(labelled + unlabelled)]
        ids = project.documents.add([Document(text=a.text, title=f"Article {n}", language=a.language)
                                     for n, a in enumerate(articles)]).added
        spans = [Span(document_id=doc_id, annotator="alice", label_id=label, start=s, end=e, text=a.text[s:e])
                 for doc_id, a in zip(ids[:labelled], articles) for s, e, label in a.spans]
        for first in range(0, len(spans), 5000):
            project.spans.add_many(spans[first:first + 5000])
        for doc_id, a in zip(ids[:labelled], articles):
            project.answers.set(doc_id, "alice", "tone", a.tone)
    return ids


def background_training(path: Path, cache) -> tuple[float, float, float, recommending.Recommenders]:
    """What the app's worker does: (read, fit, total) seconds and the models."""
    began = time.perf_counter()
    with Project.open(path, backup=False) as project:
        training = recommending.training_set(project)
    read = time.perf_counter() - began
    fit, models = timed(recommending.train, training, cache)
    return read, fit, time.perf_counter() - began, models


_ADDED: list[int] = []


def add_one_annotation(path: Path, doc_id: str) -> None:
    """One more span by alice (each call at another place: the store keeps no two identical spans)."""
    start = 6 * len(_ADDED)
    _ADDED.append(start)
    with Project.open(path, backup=False) as project:
        text = project.documents.text(doc_id)
        project.spans.add(Span(document_id=doc_id, annotator="alice", label_id="hedge", start=start, end=start + 5,
                               text=text[start:start + 5]))


def in_window(path: Path, unlabelled_ids: list[str], articles: int) -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    project = Project.open(path, backup=False)
    window = MainWindow(project, "alice", settings)
    window.show()

    def pump_until(condition, timeout=600.0) -> float:
        began = time.perf_counter()
        while not condition():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - began > timeout:
                raise TimeoutError("the window did not finish in time")
        return time.perf_counter() - began

    learning = window.learning
    pump_until(lambda: learning.models is not None and not learning.training)
    # Retraining, with the event loop's worst lateness meanwhile.
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    results = []
    for round_ in range(2):
        add_one_annotation(path, unlabelled_ids[round_])
        before = project.models.trained("")
        ticks.clear()
        timer.start()
        began = time.perf_counter()
        learning.retrain()
        pump_until(lambda: not learning.training and project.models.trained("") != before)
        wall = time.perf_counter() - began
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        results.append((wall, max(gaps) if gaps else 0.0, statistics.median(gaps) if gaps else 0.0))
    print("   in the window (offscreen), retrain() to the model stored and in use:")
    for n, (wall, worst, median) in enumerate(results):
        print(f"     {'first' if n == 0 else 'again'}: {wall:.2f} s; the window's 10 ms timer: worst gap {ms(worst)}, "
              f"median {ms(median)}")
    # Opening an article: until its suggestions are listed, with and without the model.
    shown = {}
    for label, enabled in (("with the model", True), ("detectors alone", False)):
        window.actions["recommendations"].setChecked(enabled)
        pump_until(lambda: not window.tasks.tasks("suggestions"))
        times = []
        for doc_id in unlabelled_ids[2:2 + articles]:
            began = time.perf_counter()
            window.open_document(doc_id)
            state = window.workspace.suggestion_state
            pump_until(lambda: bool(window.workspace.suggestions) and state.result is not None
                       and state.result.document_id == doc_id)
            times.append(time.perf_counter() - began)
        shown[label] = statistics.median(times)
    print(f"   in the window, open_document to its suggestions listed (median of {articles}): "
          f"with the model {ms(shown['with the model'])}, detectors alone {ms(shown['detectors alone'])} "
          f"({shown['with the model'] / shown['detectors alone']:.1f}x)")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labelled", type=int, default=1000)
    parser.add_argument("--unlabelled", type=int, default=200)
    parser.add_argument("--articles", type=int, default=60, help="articles timed for suggestions")
    parser.add_argument("--agreement", action="store_true", help="also time the 5-fold model-as-coder scoring")
    args = parser.parse_args()
    from annotator.recommend.text_features import TextCache

    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.framing"
    began = time.perf_counter()
    ids = build(path, args.labelled, args.unlabelled)
    unlabelled = ids[args.labelled:]
    print(f"Project of {args.labelled:,} labelled + {args.unlabelled:,} unlabelled generated articles, "
          f"built in {time.perf_counter() - began:.0f} s")

    print("\n1. Retraining as the app's background task does it (seconds):")
    cache = TextCache()
    read, fit, total, models = background_training(path, cache)
    with Project.open(path, backup=False) as project:
        store, _ = timed(recommending.save, project, models)
        size = sum(len(m.data) for m in models.to_stored())
    print(f"   first (empty text cache): read {read:.2f} + fit {fit:.2f} = {total:.2f} s; stored on the GUI thread "
          f"in {ms(store)} ({size / 1024:,.0f} kB)")
    add_one_annotation(path, unlabelled[0])
    read, fit, total, models = background_training(path, cache)
    print(f"   after one more annotation (cache warm): read {read:.2f} + fit {fit:.2f} = {total:.2f} s")
    in_window(path, unlabelled, args.articles)

    print(f"\n2. Suggestions for an opened article (median over {args.articles} unlabelled articles):")
    with Project.open(path, backup=False) as project:
        setup_model = detector_setup(project, models)
        setup_detectors = detector_setup(project)
        documents = [project.documents.get(doc_id) for doc_id in unlabelled[2:2 + args.articles]]
        decode, _ = timed(recommending.load, project)
        rank, ranking = timed(recommending.rank_by_model_uncertainty, project, "alice", models)
    both = [timed(suggestions_for, d, setup_model)[0] for d in documents]
    alone = [timed(detect, d, setup_detectors)[0] for d in documents]
    model_only = [timed(recommending.recommend_spans, d, models, setup_model.labels)[0] for d in documents]
    answers = [timed(recommending.recommend_answers, d, models, setup_model.labels)[0] for d in documents]
    med = statistics.median
    print(f"   detectors + model {ms(med(both))} (model's spans {ms(med(model_only))}, answers {ms(med(answers))}); "
          f"detectors alone {ms(med(alone))}; ratio {med(both) / med(alone):.1f}x; "
          f"articles of {statistics.mean(len(d.text) for d in documents):,.0f} characters")
    print(f"\n3. Loading the stored model {ms(decode)}; ranking {len(ranking):,} articles by uncertainty {rank:.1f} s")
    if args.agreement:
        from annotator.services.model_agreement import machine_agreement

        with Project.open(path, backup=False) as project:
            seconds, result = timed(machine_agreement, project, with_detectors=False)
        alpha = result.comparisons[0].labels[0]
        print(f"   the model as a coder, 5-fold over {args.labelled:,} articles: {seconds:.0f} s "
              f"(exact F1 {alpha.exact_f1.value:.3f}, unitizing alpha {alpha.alpha.value:.3f} against alice)")
    print(f"\npeak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
