"""Benchmark of what trusting the file costs: the quick check on opening, the checked backup, the merge rules.

Timed on a synthetic project (articles of 2-20 kB, ten spans each), each beside a reference doing the
same amount of reading in the same run:
- Project.open with its quick check, against Project.open without it and against reading every byte
  of the file (the least any check can cost);
- a checked backup (SQLite's backup API, then its integrity check), against a plain file copy;
- merging three packages of 10,000 spans with the merge rules (whose work, gold, dates, labels),
  against the same merges with the rules switched off.

Run: .venv/bin/python tests/benchmarks/bench_trust.py [--documents 5000] [--spans 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_merge import build  # noqa: E402
from synthetic_corpus import ArticleMaker  # noqa: E402

import annotator.store.merge as merge_module  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.store import backup as backups  # noqa: E402


def timed(action, repeats: int = 3) -> float:
    """The median of `repeats` runs of `action()`, in seconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def make_project(path: Path, documents: int) -> None:
    maker = ArticleMaker(seed=3)
    rng = random.Random(3)
    with Project.create(path) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        docs = [Document(text=maker.article(i)["text"], title=f"Article {i}") for i in range(documents)]
        proj.documents.add(docs)
        spans = []
        for doc in docs:
            for _ in range(10):
                start = rng.randrange(0, len(doc.text) - 12)
                spans.append(Span(document_id=doc.id, annotator="ana", label_id="hedge", start=start,
                                  end=start + 8, text=doc.text[start:start + 8]))
        proj.spans.add_many(spans)


def read_every_byte(path: Path) -> None:
    with open(path, "rb") as handle:
        while handle.read(1 << 20):
            pass


def report(what: str, ours: float, reference_name: str, reference: float) -> None:
    print(f"{what:58} {ours * 1000:9.1f} ms   {reference_name:34} {reference * 1000:9.1f} ms   "
          f"ratio {ours / reference:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--spans", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "study.framing"
        make_project(path, args.documents)
        size = path.stat().st_size / 1_048_576
        print(f"project: {args.documents:,} articles, {args.documents * 10:,} spans, {size:,.0f} MB")
        with_check = timed(lambda: Project.open(path, backup=False).close())
        without = timed(lambda: Project.open(path, backup=False, check=False).close())
        every_byte = timed(lambda: read_every_byte(path))
        report("open with the quick check", with_check, "open without it", without)
        report("the quick check alone (open with - open without)", with_check - without, "reading every byte",
               every_byte)
        copy_target = folder / "copy.framing"
        checked = timed(lambda: backups.make_backup(path, keep=1))
        plain = timed(lambda: shutil.copyfile(path, copy_target))
        report("checked backup (backup API + integrity check)", checked, "plain file copy", plain)

        (folder / "team").mkdir()
        lead, packages = build(folder / "team", args.spans)

        def merge_all() -> None:
            target = folder / "team" / "target.framing"
            target.unlink(missing_ok=True)
            shutil.copyfile(lead, target)
            with Project.open(target, backup=False, check=False) as proj:
                for package in packages:
                    proj.merges.merge(package)

        ruled = timed(merge_all)
        real_rules = merge_module.check_source
        merge_module.check_source = lambda *a, **k: None
        try:
            unruled = timed(merge_all)
        finally:
            merge_module.check_source = real_rules
        report(f"merge 3 packages x {args.spans:,} spans with the merge rules", ruled, "the same without the rules",
               unruled)


if __name__ == "__main__":
    main()
