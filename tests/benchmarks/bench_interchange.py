"""Interchange formats: export and import of REFI-QDA, brat and Label Studio, against our JSONL, same run.

Run: .venv/bin/python tests/benchmarks/bench_interchange.py [--documents 1000] [--spans 20]
Builds a project of synthetic articles (2-20 kB) with `--spans` spans per document for each of two
annotators, then times exporting it as each format and importing each export into a fresh project.
The reference is our own JSONL export and import of the same project in the same run (the plainest
path: one JSON object per document); the ratio says what a tool's format costs beyond it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import ArticleMaker, spans_for  # noqa: E402

from annotator.core.model import Document, Span  # noqa: E402
from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.services.exporting import export_project  # noqa: E402
from annotator.services.importing import import_paths  # noqa: E402
from annotator.store import Project  # noqa: E402

ANNOTATORS = ["alice", "bob"]
FORMATS = {"jsonl": "corpus.jsonl", "qdpx": "project.qdpx", "brat": "brat", "label-studio": "tasks.json"}


def build(path: Path, documents: int, spans: int) -> Project:
    project = Project.create(path)
    project.codebook.install(load_preset("framing-devices"))
    labels = [label.id for label in project.codebook.current().span_labels]
    maker, rng = ArticleMaker(seed=3), random.Random(5)
    docs = [Document(**{k: v for k, v in maker.article(n).items() if k != "date"}) for n in range(documents)]
    project.documents.add(docs)
    made = [Span(doc.id, who, label, start, end, doc.text[start:end])
            for doc in docs for who, label, start, end in spans_for(doc.text, ANNOTATORS, spans, labels, rng)]
    project.spans.add_many(made)
    return project


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = build(folder / "source.framing", args.documents, args.spans)
        total = source.counts()["spans"]
        print(f"{args.documents} documents, {total} spans, annotators {', '.join(ANNOTATORS)}")
        figures = {}
        for fmt, name in FORMATS.items():
            out = folder / name
            export_s, _ = timed(lambda: export_project(source, fmt, out, annotators=ANNOTATORS))
            target = Project.create(folder / f"target-{fmt}.framing")
            target.codebook.install(load_preset("framing-devices"))
            paths = [out / who for who in ANNOTATORS] if fmt == "brat" else [out]
            import_s, report = timed(lambda: import_paths(target, paths))
            assert not report.refused, report.summary()
            figures[fmt] = (export_s, import_s, report.spans)
            target.close()
        source.close()
    ref_export, ref_import, _ = figures["jsonl"]
    for fmt, (export_s, import_s, spans) in figures.items():
        print(f"  {fmt:13} export {export_s:6.2f} s ({export_s / ref_export:4.2f}x JSONL)   "
              f"import {import_s:6.2f} s ({import_s / ref_import:4.2f}x JSONL), {spans} spans back")


if __name__ == "__main__":
    main()
