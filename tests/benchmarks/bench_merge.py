"""Benchmark of merging: three annotators' packages of 10,000 spans each into the lead's project.

Each package is built the ordinary way (write_package, then add_spans), so every span is new to
the lead. Timed: `merge_from` of the three packages into a copy of the lead's project (all checks,
reconciliation and bookkeeping included), then merging them all again (nothing new: the idempotent
path). Reference, in the same run: a bare sqlite3 `INSERT ... SELECT` copy of the same rows
(spans, document labels, assignments) from the three attached packages into another copy.

Run: .venv/bin/python tests/benchmarks/bench_merge.py [--spans 10000]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project

ANNOTATORS = ("ana", "ben", "cleo")
SENTENCE = ("The minister said on Tuesday that the pension reform would go ahead despite the strikes, "
            "while unions called it an attack on workers and promised a long and difficult winter. ")


def build(folder: Path, spans_per_package: int, documents: int = 300) -> tuple[Path, list[Path]]:
    """The lead's project (documents spread evenly, one coder each) and one package per annotator."""
    lead = folder / "lead.framing"
    with Project.create(lead) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        proj.documents.add(Document(text=f"Article {i}. " + SENTENCE * 12, title=f"Article {i}")
                           for i in range(documents))
        for name in ANNOTATORS:
            proj.team.add(name)
        proj.assignments.auto_assign(list(ANNOTATORS), per_document=1, overlap_share=0.0, seed=1)
        labels = [l.id for l in proj.codebook.labels("span", include_retired=False)]
        packages = []
        for name in ANNOTATORS:
            out = folder / f"{name}.framing"
            proj.packages.write(name, out)
            packages.append(out)
    for name, out in zip(ANNOTATORS, packages):
        with Project.open(out) as pkg:
            docs = [d.document_id for d in pkg.assignments.of_annotator(name)]
            texts = {doc: pkg.documents.text(doc) for doc in docs}
            batch = []
            for i in range(spans_per_package):
                doc = docs[i % len(docs)]
                start = (i * 37) % (len(texts[doc]) - 40)
                end = start + 5 + i % 30
                batch.append(Span(document_id=doc, annotator=name, label_id=labels[i % len(labels)],
                                  start=start, end=end, text=texts[doc][start:end]))
            pkg.spans.add_many(batch)
            for doc in docs[::3]:
                pkg.assignments.set_status(name, doc, "done")
    return lead, packages


def reference_copy(target: Path, packages: list[Path]) -> float:
    """The floor: plain INSERT ... SELECT of the packages' rows, no checks, one transaction each."""
    conn = sqlite3.connect(str(target), isolation_level=None)
    start = time.perf_counter()
    for package in packages:
        conn.execute("ATTACH DATABASE ? AS pkg", [str(package)])
        conn.execute("BEGIN")
        conn.execute("INSERT INTO main.spans SELECT * FROM pkg.spans "
                     "WHERE id NOT IN (SELECT id FROM main.spans)")
        conn.execute("INSERT OR IGNORE INTO main.document_labels SELECT * FROM pkg.document_labels")
        conn.execute("INSERT OR REPLACE INTO main.assignments SELECT * FROM pkg.assignments")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE pkg")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=10_000, help="spans per package")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        lead, packages = build(folder, args.spans)
        print(f"built the lead's project and 3 packages of {args.spans:,} spans in "
              f"{time.perf_counter() - start:.1f} s")
        best_merge, best_again, best_ref = float("inf"), float("inf"), float("inf")
        for run in range(args.runs):
            target = folder / f"merged-{run}.framing"
            shutil.copy(lead, target)
            with Project.open(target) as proj:
                start = time.perf_counter()
                reports = [proj.merges.merge(p) for p in packages]
                best_merge = min(best_merge, time.perf_counter() - start)
                start = time.perf_counter()
                again = [proj.merges.merge(p) for p in packages]
                best_again = min(best_again, time.perf_counter() - start)
                merged = proj.spans.count()
            assert sum(r.spans.added for r in reports) == merged == 3 * args.spans
            assert not any(r.changed for r in again)
            reference = folder / f"reference-{run}.framing"
            shutil.copy(lead, reference)
            best_ref = min(best_ref, reference_copy(reference, packages))
            check = sqlite3.connect(str(reference))
            assert check.execute("SELECT count(*) FROM spans").fetchone()[0] == merged
            check.close()
        total = 3 * args.spans
        print(f"merge_from, 3 packages ({total:,} spans): {best_merge * 1000:8.1f} ms "
              f"({total / best_merge:,.0f} spans/s)")
        print(f"merging them again (nothing new):     {best_again * 1000:8.1f} ms")
        print(f"reference INSERT ... SELECT copy:     {best_ref * 1000:8.1f} ms")
        print(f"ratio merge / reference:              {best_merge / best_ref:8.2f}x")
        print(f"ratio merge again / reference:        {best_again / best_ref:8.2f}x")


if __name__ == "__main__":
    main()
