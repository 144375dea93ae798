"""Benchmark of the recommenders: learning curves against the baselines, and the time a 10,000-article project takes.

Run: .venv/bin/python tests/benchmarks/bench_recommend.py [--quick] [--project 10000] [--repeats 3]

1. Learning curve on the generated sample (tests/recommend/framing_sample.py): after 10, 25, 50, 100
   labelled articles, exact span F1 (annotator.agreement.span_f1, all labels) on 200 held-out
   articles whose span words are half never seen in training, for the learned recommender and, in
   the same run, INCEpTION's string-matching baseline (StringMatcher, min confidence 0.5) and the
   app's detectors (no training); recall on the never-seen spans; per-label F1 at the last size.
   Document questions (primary frame, tone): accuracy of the calibrated model against the
   majority answer of the training articles, and its mean confidence (calibration check).
   Each size is the mean over `--repeats` different draws of training articles.
2. Real articles (tests/suggest/gold, hand-marked; 7 texts): leave-one-out, the learned model
   against the string baseline and the detectors, per kind.
3. Timing for a project of `--project` articles: training after 100, 500, 1,000 labelled articles
   (first fit, then retraining after one more annotation with the texts already prepared),
   beside the string baseline's fit and a bare scikit-learn TF-IDF + LinearSVC fit; prediction
   per article over the whole project beside the detectors' suggest() and the bare scikit-learn
   pipeline on the same article; model size and (de)serialisation.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from annotator.agreement import span_f1  # noqa: E402
from annotator.recommend import DocumentRecommender, SpanRecommender, SpanSettings, StringMatcher  # noqa: E402
from annotator.suggest import suggest  # noqa: E402
from tests.recommend.framing_sample import (  # noqa: E402
    SPAN_LABELS,
    evaluation_articles,
    make_article,
    training_articles,
)

DETECTOR_LABEL = {kind: kind for kind in SPAN_LABELS}  # the sample uses the default codebook's label ids


def corpus_f1(predictions: list[list[tuple]], gold: list[list[tuple]], lengths: list[int],
              label: str | None = None) -> float:
    """Exact span F1 over texts laid end to end (optionally one label)."""
    a, b, offset = [], [], 0
    for found, truth, length in zip(predictions, gold, lengths):
        a += [(s + offset, e + offset, lab) for s, e, lab, *_ in found if label in (None, lab)]
        b += [(s + offset, e + offset, lab) for s, e, lab in truth if label in (None, lab)]
        offset += length
    return span_f1(a, b) if a or b else float("nan")


def unseen_recall(predictions: list[list[tuple]], articles) -> float:
    hits = total = 0
    for found, article in zip(predictions, articles):
        predicted = {(s, e, lab) for s, e, lab, *_ in found}
        hits += sum(span in predicted for span in article.unseen_spans)
        total += len(article.unseen_spans)
    return hits / total if total else float("nan")


def detector_spans(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, DETECTOR_LABEL[s.kind]) for s in suggest(text) if s.kind in DETECTOR_LABEL]


def learning_curve(sizes: list[int], repeats: int, test_count: int) -> None:
    test = evaluation_articles(test_count)
    gold, lengths = [a.spans for a in test], [len(a.text) for a in test]
    detectors = [detector_spans(a.text) for a in test]
    detector_f1 = corpus_f1(detectors, gold, lengths)
    print(f"\n1. Learning curve: {test_count} held-out articles (half their span words never in training), "
          f"mean of {repeats} training draws")
    print(f"{'labelled':>9} | {'span F1 ours':>12} {'no det.':>7} {'strings':>8} {'detectors':>9} | "
          f"{'unseen R ours':>13} {'no det.':>7} {'strings':>7} | {'frame acc':>9} {'majority':>8} {'conf':>5} | "
          f"{'tone acc':>8} {'majority':>8} {'conf':>5}")
    per_label_last: dict[str, list[float]] = {}
    for size in sizes:
        rows = []
        for repeat in range(repeats):
            train = training_articles(size, seed=1 + repeat * 1000)
            examples = [(a.text, a.spans) for a in train]
            ours = SpanRecommender().fit(examples)
            alone = SpanRecommender(SpanSettings(use_detectors=False)).fit(examples)
            strings = StringMatcher().fit(examples)
            found = [ours.predict(a.text) for a in test]
            found_alone = [alone.predict(a.text) for a in test]
            matched = [strings.predict(a.text, min_confidence=0.5) for a in test]
            row = [corpus_f1(found, gold, lengths), corpus_f1(found_alone, gold, lengths),
                   corpus_f1(matched, gold, lengths), unseen_recall(found, test), unseen_recall(found_alone, test),
                   unseen_recall(matched, test)]
            for question in ("frame", "tone"):
                model = DocumentRecommender().fit([(a.text, getattr(a, question)) for a in train])
                answers = [model.predict(a.text) for a in test]
                majority = Counter(getattr(a, question) for a in train).most_common(1)[0][0]
                row += [np.mean([v == getattr(a, question) for (v, _), a in zip(answers, test)]),
                        np.mean([majority == getattr(a, question) for a in test]),
                        np.mean([c for _, c in answers])]
            rows.append(row)
            if size == sizes[-1]:
                for label in SPAN_LABELS:
                    per_label_last.setdefault(label, []).extend(
                        [corpus_f1(found, gold, lengths, label), corpus_f1(found_alone, gold, lengths, label),
                         corpus_f1(matched, gold, lengths, label), corpus_f1(detectors, gold, lengths, label)])
        m = np.mean(rows, axis=0)
        print(f"{size:>9} | {m[0]:>12.3f} {m[1]:>7.3f} {m[2]:>8.3f} {detector_f1:>9.3f} | {m[3]:>13.3f} {m[4]:>7.3f} "
              f"{m[5]:>7.3f} | {m[6]:>9.3f} {m[7]:>8.3f} {m[8]:>5.2f} | {m[9]:>8.3f} {m[10]:>8.3f} {m[11]:>5.2f}",
              flush=True)
    print(f"\n   Per label after {sizes[-1]} articles (exact F1): ours / ours without detector features / "
          "strings / detectors")
    for label, values in per_label_last.items():
        figures = " / ".join(f"{np.nanmean(values[k::4]):.3f}" for k in range(4))
        print(f"   {label:24} {figures}")


def real_articles() -> None:
    from tests.suggest.gold_data import GOLD_KINDS, gold_documents

    documents = gold_documents() + gold_documents(held_out=True)
    texts = [d.text() for d in documents]
    gold = [[(i["start"], i["end"], i["kind"]) for i in d.items] for d in documents]
    ours, alone, strings = [], [], []
    for k in range(len(documents)):
        examples = [(texts[j], gold[j]) for j in range(len(documents)) if j != k]
        ours.append(SpanRecommender().fit(examples).predict(texts[k]))
        alone.append(SpanRecommender(SpanSettings(use_detectors=False)).fit(examples).predict(texts[k]))
        strings.append(StringMatcher().fit(examples).predict(texts[k], min_confidence=0.5))
    detectors = [[(s.start, s.end, s.kind) for s in suggest(t, language=d.language) if s.kind in GOLD_KINDS]
                 for t, d in zip(texts, documents)]
    lengths = [len(t) for t in texts]
    print(f"\n2. Real articles, leave-one-out over {len(documents)} hand-marked texts "
          f"({sum(map(len, gold))} spans): exact F1 ours / ours without detector features / strings / detectors")
    print("   (the detectors were written alongside 5 of these texts: their figure is optimistic)")
    for kind in (None,) + tuple(GOLD_KINDS):
        print(f"   {kind or 'all kinds':24} {corpus_f1(ours, gold, lengths, kind):.3f} / "
              f"{corpus_f1(alone, gold, lengths, kind):.3f} / {corpus_f1(strings, gold, lengths, kind):.3f} / "
              f"{corpus_f1(detectors, gold, lengths, kind):.3f}")


def timed(func, *args, **kwargs) -> tuple[float, object]:
    """Wall-clock seconds of one call, and its value."""
    began = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - began, value


def cpu_timed(func, *args, **kwargs) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU time: what the call itself cost on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    func(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu


def import_time() -> float:
    code = ("import time; t = time.perf_counter(); import sklearn.linear_model, sklearn.calibration, sklearn.svm, "
            "sklearn.feature_extraction.text; print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def bare_document_pipeline(texts: list[str], answers: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    from annotator.recommend.document_model import document_terms

    return make_pipeline(TfidfVectorizer(analyzer=document_terms, sublinear_tf=True, max_features=50_000),
                         LinearSVC(C=0.5, random_state=0)).fit(texts, answers)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def timings(project_size: int, labelled: list[int]) -> None:
    print(f"\n3. Timing for a project of {project_size:,} articles "
          f"(scikit-learn import, once per process: {ms(import_time())})")
    began = time.perf_counter()
    project = [make_article(n, seed=7, unseen_share=0.5) for n in range(project_size)]
    size = statistics.mean(len(a.text) for a in project)
    print(f"   generated in {time.perf_counter() - began:.0f} s; articles of {size:,.0f} characters on average")
    SpanRecommender().fit([(project[0].text, project[0].spans)])  # imports scikit-learn here, not in a timing
    model = frame = None
    print("   Training, CPU seconds (wall in brackets; the machine is shared):")
    print(f"   {'labelled':>8} | {'span fit':>15} {'retrain':>15} {'strings fit':>12} {'ratio':>6} | "
          f"{'doc fit':>13} {'bare sklearn':>13} {'ratio':>6}")
    for count in labelled:
        examples = [(a.text, a.spans) for a in project[:count]]
        model = SpanRecommender()
        first = cpu_timed(model.fit, examples)
        again = cpu_timed(model.fit, examples + [(project[count].text, project[count].spans)])
        strings = cpu_timed(StringMatcher().fit, examples)
        answers = [(a.text, a.frame) for a in project[:count]]
        frame = DocumentRecommender()
        doc = cpu_timed(frame.fit, answers)
        bare = cpu_timed(bare_document_pipeline, [t for t, _ in answers], [v for _, v in answers])
        both = lambda t: f"{t[1]:.2f} ({t[0]:.2f})"  # noqa: E731
        print(f"   {count:>8} | {both(first):>15} {both(again):>15} {both(strings):>12} {first[1] / strings[1]:>5.1f}x"
              f" | {both(doc):>13} {both(bare):>13} {doc[1] / bare[1]:>5.1f}x", flush=True)
    pipeline = bare_document_pipeline([a.text for a in project[:labelled[-1]]], [a.frame for a in project[:labelled[-1]]])
    strings = StringMatcher().fit([(a.text, a.spans) for a in project[:labelled[-1]]])
    span_t, doc_t, detect_t, string_t, bare_t = [], [], [], [], []
    began = time.perf_counter()
    for article in project:
        span_t.append(timed(model.predict, article.text)[0])
        doc_t.append(timed(frame.predict, article.text)[0])
    whole = time.perf_counter() - began
    for article in project[:1000]:
        detect_t.append(timed(suggest, article.text)[0])
        string_t.append(timed(strings.predict, article.text)[0])
        bare_t.append(timed(pipeline.decision_function, [article.text])[0])
    p95 = lambda xs: float(np.percentile(xs, 95))  # noqa: E731
    med = statistics.median
    print(f"\n   Prediction per article with the models trained on {labelled[-1]:,} (median / 95th percentile):")
    print(f"   spans ours             {ms(med(span_t)):>9} / {ms(p95(span_t)):>9}   "
          f"[ref detectors' suggest() {ms(med(detect_t))}; ratio {med(span_t) / med(detect_t):.1f}x]")
    print(f"   spans string baseline  {ms(med(string_t)):>9} / {ms(p95(string_t)):>9}")
    print(f"   document answer ours   {ms(med(doc_t)):>9} / {ms(p95(doc_t)):>9}   "
          f"[ref bare sklearn pipeline {ms(med(bare_t))}; ratio {med(doc_t) / med(bare_t):.1f}x]")
    print(f"   whole project ({project_size:,} articles, spans + answer): {whole:.0f} s")
    long_text = "\n\n".join(a.text for a in project[:8])
    long_t = min(timed(model.predict, long_text)[0] for _ in range(5))
    print(f"   one long article of {len(long_text):,} characters: spans {ms(long_t)}")
    data = model.to_bytes()
    dump, _ = timed(model.to_bytes)
    load, _ = timed(SpanRecommender.from_bytes, data)
    print(f"   span model: {len(data) / 1024:,.0f} kB stored, to_bytes {ms(dump)}, from_bytes {ms(load)}; "
          f"document model {len(frame.to_bytes()) / 1024:,.0f} kB")
    print(f"   peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller everything (a minute)")
    parser.add_argument("--project", type=int, default=10_000, help="articles in the timed project")
    parser.add_argument("--repeats", type=int, default=3, help="training draws per learning-curve size")
    args = parser.parse_args()
    began = time.perf_counter()
    if args.quick:
        learning_curve([10, 25], 1, 60)
        real_articles()
        timings(min(args.project, 1000), [100, 200])
    else:
        learning_curve([10, 25, 50, 100], args.repeats, 200)
        real_articles()
        timings(args.project, [100, 500, 1000])
    print(f"\nwhole run {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
