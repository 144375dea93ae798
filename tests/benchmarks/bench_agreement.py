"""Benchmark of the agreement coefficients, each timed beside a reference in the same run.

1. Krippendorff's alpha, 5 coders x 100,000 units (ratio, interval, nominal), against the `krippendorff`
   package; the two values must agree to 1e-9.
2. Unitizing alpha on a 1 MB text with 5 annotators and 10,000 spans, beside the `krippendorff` package's
   nominal alpha on the same spans cut into characters (5 coders x 1,000,000 units), the usual
   "digitised" stand-in for u-alpha.
3. The Hayes & Krippendorff bootstrap (1,000 resamples) of the alpha in 1.
4. The full agreement report (build_report, no bootstrap) over 500 / 2,000 / 5,000 articles of 2-20 kB,
   each coded by 5 annotators (10 spans each per article, 13 labels, 2 questions): time per article,
   total and peak memory, each size in its own child process so that the peak is its own. The
   reference is the least work any report must do: one pass over every span of the corpus, grouping
   the spans by (document, annotator, label) in plain Python. Then the same report with the default
   1,000 bootstrap resamples for one size (--bootstrap-size), whose intervals dominate its time.

Run: .venv/bin/python tests/benchmarks/bench_agreement.py [--sizes 500,2000,5000] [--bootstrap-size 2000]
     [--only report]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import krippendorff
import numpy as np

from annotator.agreement import bootstrap_alpha, krippendorff_alpha, unitizing_alpha
from annotator.agreement.report import build_report
from annotator.core.agreement_input import AgreementInput, CodedDocument, CodedSpan, LabelSpec, QuestionSpec

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_corpus import spans_for  # noqa: E402


def best_of(runs: int, func, *args, **kwargs):
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = func(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, value


def coding_data(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 8, 100_000)
    data = np.tile(truth, (5, 1)).astype(float)
    noise = rng.random(data.shape) < 0.25
    data[noise] = rng.integers(1, 8, noise.sum())
    data[rng.random(data.shape) < 0.1] = np.nan
    return data


def bench_alpha() -> None:
    data = coding_data()
    print("Krippendorff's alpha, 5 coders x 100,000 units (10% missing), best of 3")
    for level in ("ratio", "interval", "nominal"):
        ours_t, ours = best_of(3, krippendorff_alpha, data, level)
        ref_t, ref = best_of(3, krippendorff.alpha, reliability_data=data, level_of_measurement=level)
        assert abs(ours - ref) < 1e-9, (level, ours, ref)
        print(f"  {level:9} ours {ours_t * 1000:8.1f} ms   krippendorff {ref_t * 1000:8.1f} ms   "
              f"ratio ours/reference {ours_t / ref_t:5.2f}   alpha {ours:.6f} (|diff| {abs(ours - ref):.1e})")
    boot_t, interval = best_of(1, bootstrap_alpha, data, "ratio", resamples=1000, seed=0)
    print(f"  bootstrap (Hayes & Krippendorff, 1,000 resamples, ratio): {boot_t * 1000:.1f} ms, "
          f"95% CI [{interval.low:.4f}, {interval.high:.4f}]")


def unitizing_data(seed: int = 1, length: int = 1_000_000, coders: int = 5, per_coder: int = 2_000):
    rng = np.random.default_rng(seed)
    labels = [f"label{i}" for i in range(10)]
    starts = np.sort(rng.choice(length - 200, per_coder, replace=False))
    base = [(int(s), int(s + rng.integers(5, 120)), labels[int(rng.integers(0, 10))]) for s in starts]
    spans = []
    for c in range(coders):
        who = f"coder{c}"
        for start, end, label in base:
            if rng.random() < 0.1:  # a different span instead of this one
                start = int(rng.integers(0, length - 200))
                end = start + int(rng.integers(5, 120))
            jitter = rng.integers(-3, 4, 2)
            s, e = max(0, start + int(jitter[0])), min(length, end + int(jitter[1]))
            label = labels[int(rng.integers(0, 10))] if rng.random() < 0.1 else label
            spans.append((who, s, max(e, s + 1), label))
    return spans, length, [f"coder{c}" for c in range(coders)], labels


def digitised(spans, length, coders, labels) -> np.ndarray:
    """Each coder's label per character (0 for none; overlapping spans: the later one wins)."""
    data = np.zeros((len(coders), length))
    index = {label: i + 1 for i, label in enumerate(labels)}
    row = {c: i for i, c in enumerate(coders)}
    for who, start, end, label in spans:
        data[row[who], start:end] = index[label]
    return data


def bench_unitizing() -> None:
    spans, length, coders, labels = unitizing_data()
    print(f"Unitizing alpha, text of {length:,} characters, {len(coders)} annotators, {len(spans):,} spans, "
          f"{len(labels)} labels, best of 3")
    ours_t, result = best_of(3, unitizing_alpha, spans, length, coders)
    chars = digitised(spans, length, coders, labels)
    ref_t, ref = best_of(3, krippendorff.alpha, reliability_data=chars, level_of_measurement="nominal")
    print(f"  u-alpha ours {ours_t * 1000:8.1f} ms (u-alpha {result.alpha:.4f})   "
          f"krippendorff on 5 x 1,000,000 characters {ref_t * 1000:8.1f} ms (alpha {ref:.4f})   "
          f"ratio ours/reference {ours_t / ref_t:5.2f}")


REPORT_LABELS = ["reporting_verb", "scare_quote", "direct_quote", "loaded_term", "hedge", "intensifier",
                 "agentless_passive", "attribution", "metaphor", "euphemism", "nominalisation", "framing_cue",
                 "source"]


def report_input(articles: int, annotators: int = 5, spans_per_article: int = 10, seed: int = 0) -> AgreementInput:
    """A corpus every annotator coded: articles of 2-20 kB with mostly agreeing spans and two questions."""
    rng = random.Random(seed)
    coders = [f"coder{i}" for i in range(annotators)]
    tone = QuestionSpec("tone", "Tone", "ordinal", ("negative", "neutral", "positive", "unsure"))
    topic = QuestionSpec("topic", "Topic", "nominal", ("politics", "economy", "society", "unsure"))
    documents = []
    for n in range(articles):
        length = int(2_000 * 10 ** rng.uniform(0, 1))
        text = " " * length  # spans_for only needs the length
        spans = [CodedSpan(who, start, end, label, "manual")
                 for who, label, start, end in spans_for(text, coders, spans_per_article, REPORT_LABELS, rng)]
        answers = {q.id: {who: rng.choice(q.choices) for who in coders} for q in (tone, topic)}
        documents.append(CodedDocument(f"d{n}", f"Article {n}", length, list(coders), spans, answers))
    return AgreementInput(coders, documents, [tone, topic], [LabelSpec(x, x) for x in REPORT_LABELS])


def grouped_once(data: AgreementInput) -> int:
    """Reference: one pass over every span, grouped by (document, annotator, label)."""
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc in data.documents:
        for s in doc.spans:
            groups[(doc.id, s.annotator, s.label)].append((s.start, s.end))
    return len(groups)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report_child(articles: int, resamples: int) -> dict:
    data = report_input(articles)
    before = peak_mb()
    began = time.perf_counter()
    report = build_report(data, resamples=resamples)
    ours = time.perf_counter() - began
    peak = peak_mb()
    ref, _ = best_of(3, grouped_once, data)
    spans = sum(len(d.spans) for d in data.documents)
    return {"articles": articles, "spans": spans, "ours": ours, "reference": ref, "peak_mb": peak,
            "input_mb": before, "alpha": report.spans.overall.unitizing.value}


def run_child(articles: int, resamples: int = 0) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(articles), "--resamples", str(resamples)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_report(sizes: list[int], bootstrap_size: int) -> None:
    print("Agreement report (no bootstrap), 5 annotators x articles of 2-20 kB, 10 spans each per article; "
          "reference: one grouping pass over the spans")
    for articles in sizes:
        r = run_child(articles)
        print(f"  {articles:6,} articles ({r['spans']:9,} spans): {r['ours'] * 1000 / articles:7.2f} ms/article, "
              f"total {r['ours']:7.2f} s   reference {r['reference'] * 1000 / articles:6.3f} ms/article "
              f"(ratio {r['ours'] / r['reference']:6.1f})   peak RSS {r['peak_mb']:6.0f} MB "
              f"(input alone {r['input_mb']:.0f} MB)   u-alpha {r['alpha']:.6f}")
    if bootstrap_size:
        r = run_child(bootstrap_size, 1000)
        print(f"  with 1,000 bootstrap resamples, {bootstrap_size:,} articles: "
              f"{r['ours'] * 1000 / bootstrap_size:7.2f} ms/article, total {r['ours']:7.2f} s   "
              f"peak RSS {r['peak_mb']:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000", help="articles per report, comma-separated")
    parser.add_argument("--only", choices=("alpha", "unitizing", "report"))
    parser.add_argument("--bootstrap-size", type=int, default=2000,
                        help="articles of the report timed with 1,000 resamples (0: skip)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--resamples", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(report_child(args.child, args.resamples)))
        return
    if args.only in (None, "alpha"):
        bench_alpha()
    if args.only in (None, "unitizing"):
        bench_unitizing()
    if args.only in (None, "report"):
        bench_report([int(x) for x in args.sizes.split(",")], args.bootstrap_size)


if __name__ == "__main__":
    main()
