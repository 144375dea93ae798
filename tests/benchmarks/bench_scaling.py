"""The single-machine throughput that a cluster run of the detectors multiplies (see docs/scaling.md).

Run: .venv/bin/python tests/benchmarks/bench_scaling.py [--documents 2000] [--workers 1 2]

Times `annotator.suggest.suggest` (a pure function of the text) over synthetic French and English
articles of 2-20 kB, in one process and in a pool of worker processes (what a Dask or Spark
executor does with a partition), and prints articles/s and MB/s per worker. Reference, same run,
same texts: one `\\w+` regex pass (the cheapest thing a tokenizer does); the ratio says how much
more than tokenising the detectors cost.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import ArticleMaker  # noqa: E402

from annotator.suggest import suggest  # noqa: E402


def _detect_batch(batch: list[tuple[str, str]]) -> int:
    """One partition: every article's suggestions (what a map_partitions / mapInPandas function does)."""
    return sum(len(suggest(text, language=language)) for text, language in batch)


def _regex_batch(batch: list[tuple[str, str]]) -> int:
    return sum(len(re.findall(r"\w+", text)) for text, _ in batch)


def _timed(func, batches: list, workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    if workers == 1:
        found = sum(func(b) for b in batches)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            found = sum(pool.map(func, batches))
    return time.perf_counter() - start, found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition", type=int, default=100, help="articles per partition")
    args = parser.parse_args(argv)
    maker = ArticleMaker(seed=3)
    articles = [maker.article(n) for n in range(args.documents)]
    texts = [(a["text"], a["language"]) for a in articles]
    megabytes = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    batches = [texts[i:i + args.partition] for i in range(0, len(texts), args.partition)]
    suggest("warm up the lexicons « ici » and “there”", language="fr")
    print(f"{args.documents} articles, {megabytes:.1f} MB, partitions of {args.partition}, "
          f"{os.cpu_count()} CPU(s)")
    for workers in args.workers:
        seconds, found = _timed(_detect_batch, batches, workers)
        ref_seconds, _ = _timed(_regex_batch, batches, workers)
        print(f"  {workers} worker(s): detectors {args.documents / seconds:,.0f} articles/s "
              f"({megabytes / seconds:.2f} MB/s, {args.documents / seconds / workers:,.0f} per worker; "
              f"{found:,} suggestions); reference \\w+ pass {args.documents / ref_seconds:,.0f} articles/s; "
              f"ratio {seconds / ref_seconds:.1f}x")


if __name__ == "__main__":
    main()
