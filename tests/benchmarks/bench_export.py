"""Benchmark: 1M spans to CSV with export_project, against `sqlite3 -csv` on the same join, same run;
and the Parquet export, read back by pyarrow and pandas.

Run: .venv/bin/python tests/benchmarks/bench_export.py [--spans 1000000]
The reference is the sqlite3 command-line tool (Debian package sqlite3) writing the same join to
CSV; when it is missing, Python's sqlite3 + csv modules on the same query stand in. Our export does
more per row (context words, label path, attribute columns), so the ratio is the price of those.
Each export runs in a child process of its own, so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from annotator.core.model import Document, now_iso
from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.store import Project

WORDS = ("le ministre a dénoncé les manifestants selon l'AFP « racket » fiscal café naïve "
         "the minister claims that protesters 👍🏽 reportedly could very massive").split()
ANNOTATORS = ("alice", "bob", "carol")
REFERENCE_SQL = (
    "SELECT s.id, s.document_id, d.title, d.outlet, d.published, s.annotator, s.label_id, l.name, "
    's.start, s."end", s.text, s.note, s.attributes, s.origin, s.codebook_version, s.created, s.updated '
    "FROM spans s JOIN documents d ON d.id = s.document_id LEFT JOIN labels l ON l.id = s.label_id "
    "WHERE s.deleted = 0 AND s.origin != 'adjudication' "
    'ORDER BY d.position, s.start, s."end", s.annotator, s.created, s.id'
)


def build(path: Path, spans: int, per_document: int) -> None:
    """A project with `spans` spans spread over documents of about 3,000 characters."""
    rng = random.Random(7)
    project = Project.create(path)
    project.codebook.install(load_preset("framing-devices"))
    labels = [label.id for label in project.codebook.current().span_labels]
    documents = []
    for n in range(max(1, spans // per_document)):
        text = f"Article {n}. " + " ".join(rng.choice(WORDS) for _ in range(450))
        documents.append(Document(text=text, title=f"Article {n}", outlet="Le Monde", published="2024-01-01"))
    project.documents.add(documents)
    for name in ANNOTATORS:
        project.team.add(name)
    project.close()
    stamp = now_iso()

    def rows():
        made = 0
        while made < spans:
            for doc in documents:
                for _ in range(min(per_document, spans - made)):
                    start = rng.randrange(0, len(doc.text) - 40)
                    end = start + rng.randrange(1, 40)
                    made += 1
                    yield (str(uuid.UUID(int=rng.getrandbits(128), version=4)), doc.id,
                           rng.choice(ANNOTATORS), rng.choice(labels), start, end, doc.text[start:end],
                           "" if made % 10 else "a note, with a comma",
                           '{"stance": "critical"}' if made % 3 == 0 else "{}", "manual", 1, stamp, stamp)
                if made >= spans:
                    return

    # Straight into the table (the store's checks cost more than the export being measured).
    conn = sqlite3.connect(str(path))
    with conn:
        conn.executemany(
            'INSERT INTO spans (id, document_id, annotator, label_id, start, "end", text, note, '
            "attributes, origin, codebook_version, created, updated, deleted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            rows(),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


_CHILD = """
import resource, sys, time
from annotator.services.exporting import export_project
from annotator.store import Project
with Project.open(sys.argv[1], backup=False) as project:
    began = time.perf_counter()
    report = export_project(project, sys.argv[3], sys.argv[2])
    seconds = time.perf_counter() - began
print(seconds, report.spans, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

_READ_PARQUET = """
import resource, sys, time
began = time.perf_counter()
import pyarrow.parquet as pq
table = pq.read_table(sys.argv[1])
arrow = time.perf_counter() - began
frame = table.to_pandas()
print(arrow, time.perf_counter() - began, len(frame), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def time_ours(path: Path, out: Path, fmt: str = "csv") -> tuple[float, int, float]:
    """Seconds, rows and peak memory (MB) of export_project, in a fresh process of its own."""
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(out), fmt], check=True,
                            capture_output=True, text=True)
    seconds, rows, peak = result.stdout.split()
    return float(seconds), int(rows), float(peak)


def time_sqlite_cli(path: Path, out: Path) -> float | None:
    tool = shutil.which("sqlite3")
    if tool is None:
        return None
    began = time.perf_counter()
    with open(out, "wb") as handle:
        subprocess.run([tool, "-csv", "-header", "-readonly", str(path), REFERENCE_SQL], stdout=handle,
                       check=True)
    return time.perf_counter() - began


def time_python_csv(path: Path, out: Path) -> float:
    began = time.perf_counter()
    conn = sqlite3.connect(str(path))
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        cursor = conn.execute(REFERENCE_SQL)
        writer.writerow([c[0] for c in cursor.description])
        writer.writerows(cursor)
    conn.close()
    return time.perf_counter() - began


def count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=1_000_000)
    parser.add_argument("--per-document", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        project = folder / "bench.framing"
        began = time.perf_counter()
        build(project, args.spans, args.per_document)
        print(f"built {args.spans:,} spans over {args.spans // args.per_document:,} documents "
              f"in {time.perf_counter() - began:.1f} s ({project.stat().st_size / 1_048_576:.0f} MB)")

        ours, written, peak = time_ours(project, folder / "ours.csv")
        size = (folder / "ours.csv").stat().st_size / 1_048_576
        print(f"export_project csv:   {ours:6.2f} s  {written:,} rows  {size:.0f} MB  "
              f"{written / ours:,.0f} spans/s  peak memory (whole process) {peak:.0f} MB")
        cli = time_sqlite_cli(project, folder / "cli.csv")
        python = time_python_csv(project, folder / "python.csv")
        if cli is not None:
            assert count_rows(folder / "cli.csv") == written
            print(f"sqlite3 -csv (CLI):   {cli:6.2f} s  same join, no context/paths/attributes")
        print(f"python sqlite3 + csv: {python:6.2f} s  same join")
        reference, name = (cli, "sqlite3 -csv") if cli is not None else (python, "python sqlite3 + csv")
        print(f"ratio export_project / {name}: {ours / reference:.2f}x")
        if cli is not None:
            print(f"ratio export_project / python sqlite3 + csv: {ours / python:.2f}x")
        parquet, rows, parquet_peak = time_ours(project, folder / "tables", "parquet")
        size = sum(p.stat().st_size for p in (folder / "tables").iterdir()) / 1_048_576
        print(f"export_project parquet: {parquet:6.2f} s  {rows:,} spans + documents + answers  {size:.0f} MB  "
              f"peak memory {parquet_peak:.0f} MB  ({parquet / reference:.2f}x {name})")
        result = subprocess.run([sys.executable, "-c", _READ_PARQUET, str(folder / "tables" / "spans.parquet")],
                                check=True, capture_output=True, text=True)
        arrow, pandas, count, peak = result.stdout.split()
        assert int(count) == written
        print(f"reading spans.parquet: pyarrow {float(arrow):.2f} s, into pandas {float(pandas):.2f} s "
              f"(imports included), peak {float(peak):.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
