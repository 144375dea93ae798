"""Benchmark of the agreement coefficients, each timed beside a reference in the same run.

1. Krippendorff's alpha, 5 coders x 100,000 units (ratio, interval, nominal), against the `krippendorff`
   package; the two values must agree to 1e-9.
2. Unitizing alpha on a 1 MB text with 5 annotators and 10,000 spans, beside the `krippendorff` package's
   nominal alpha on the same spans cut into characters (5 coders x 1,000,000 units), the usual
   "digitised" stand-in for u-alpha.
3. The Hayes & Krippendorff bootstrap (1,000 resamples) of the alpha in 1.

Run: .venv/bin/python tests/benchmarks/bench_agreement.py
"""

from __future__ import annotations

import time

import krippendorff
import numpy as np

from annotator.agreement import bootstrap_alpha, krippendorff_alpha, unitizing_alpha


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


if __name__ == "__main__":
    bench_alpha()
    bench_unitizing()
