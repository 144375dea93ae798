"""All benchmarks in one command: a synthetic corpus of realistic shape, one table of figures, the README's
performance section rewritten from it.

Run: .venv/bin/python tests/benchmarks/run_all.py [--scale 1.0] [--readme] [--json docs/performance.json]
     [--documents 100000] [--spans 1000000] [--annotators 5] [--html-files 1000] [--no-gui] [--keep FOLDER]

Builds, in a temporary folder, JSON Lines corpora of French and English articles of 2-20 kB (one file
each of 1,000 / 10,000 / 100,000 articles, imported with the default options into new projects), HTML
pages and one long plain-text article; lays spans for several annotators on the largest project (a 5%
sample coded by everyone, the rest by one each, plus one long article with 5,000 spans); then times
what a user waits for: import, opening the project, pages of the document list, an article's spans,
adding a span, export, agreement (also over 500 / 2,000 / 5,000 articles), merges, the detectors and
the model, `annotator --help` and the desktop app (bench_gui, in its own process). Each figure is
printed beside a reference timed in the same run on the same data (bare lxml, bare sqlite3,
`sqlite3 -csv`, a file copy, the `krippendorff` package, a regex pass, a bare QTextEdit...) and the
ratio ours / reference; imports, the long text, exports and the GUI run in child processes so that
their peak memory is their own. `--readme` replaces the README's performance table (between its
markers) and `--json` writes the rows; `--scale 0.1` makes a quick run.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import series  # noqa: E402
from synthetic_corpus import spans_for  # noqa: E402
from table import machine, print_table, record, write_json, write_readme  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.services.importing import import_paths  # noqa: E402
from annotator.store import Project  # noqa: E402

ANNOTATOR_NAMES = ("ana", "bruno", "chloe", "david", "emma", "farid", "gaelle", "hugo", "ines", "jules")


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def median_seconds(func, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        func()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


# -- import ---------------------------------------------------------------------------------------

def bench_html_import(folder: Path, count: int) -> None:
    """Saved web pages (bench_import's page generator) against bare lxml and trafilatura."""
    import bench_import

    rng = random.Random(1)
    pages = folder / "pages"
    pages.mkdir()
    for n in range(count):
        (pages / f"{n:05d}.html").write_text(bench_import.page(rng, n), encoding="utf-8")
    files = sorted(pages.iterdir())
    size = sum(p.stat().st_size for p in files) / count / 1024
    with Project.create(folder / "pages.framing") as project:
        began = time.perf_counter()
        report = import_paths(project, [pages])
        ours = time.perf_counter() - began
    assert report.documents_imported == count, report.summary()
    bare = median_seconds(lambda: [lxml_html.document_fromstring(p.read_bytes()) for p in files], 1)
    record("import", f"HTML pages ({count}, {size:.1f} kB each)", f"{count / ours:,.0f} files/s",
           f"bare lxml parse {count / bare:,.0f} files/s (lower bound)", ours / bare)
    if has_module("trafilatura"):
        import trafilatura

        sample = files[: max(1, count // 4)]
        began = time.perf_counter()
        for path in sample:
            trafilatura.extract(path.read_text(encoding="utf-8"))
        traf = (time.perf_counter() - began) / len(sample) * count
        record("import", "HTML pages, against trafilatura.extract", f"{count / ours:,.0f} files/s",
               f"trafilatura {count / traf:,.0f} files/s", ours / traf)


# -- spans ----------------------------------------------------------------------------------------

def lay_spans(project: Project, annotators: list[str], total: int, dense: int) -> tuple[str, list[tuple]]:
    """Add `total` spans: `dense` on the longest article (everyone), the rest spread out; returns the
    dense article's id and a sample of span rows for the reference insert."""
    rng = random.Random(5)
    labels = [label.id for label in project.codebook.current().span_labels]
    for name in annotators:
        project.team.add(name)
    longest = project.db.execute("SELECT id FROM documents ORDER BY length DESC LIMIT 1").fetchone()[0]
    count = project.documents.count()
    shared = max(1, count // 20)
    per_coder_doc = max(1, math.ceil((total - dense) / (shared * len(annotators) + count - shared - 1)))
    sample: list[tuple] = []
    batch: list[Span] = []
    added = 0

    def flush() -> None:
        nonlocal batch
        if batch:
            project.spans.add_many(batch)
            batch = []

    def add(doc_id: str, text: str, spans) -> None:
        nonlocal added
        for coder, label, start, end in spans:
            if added >= total:
                return
            span = Span(document_id=doc_id, annotator=coder, label_id=label, start=start, end=end,
                        text=text[start:end])
            batch.append(span)
            if len(sample) < 100_000:
                sample.append((span.id, doc_id, coder, label, start, end, span.text, span.created))
            added += 1
            if len(batch) >= 5000:
                flush()

    text = project.documents.text(longest)
    add(longest, text, spans_for(text, annotators, dense // len(annotators), labels, rng))
    for n, doc in enumerate(project.documents.iter_all()):
        if added >= total:
            break
        if doc.id == longest:
            continue
        coders = annotators if n % 20 == 0 else [annotators[n % len(annotators)]]
        add(doc.id, doc.text, spans_for(doc.text, coders, per_coder_doc, labels, rng))
    flush()
    return longest, sample


def bare_insert_spans(project_path: Path, rows: list[tuple], target: Path) -> float:
    """The floor: the same span rows inserted with executemany into a copy of the spans table."""
    conn = sqlite3.connect(str(target), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    source = sqlite3.connect(str(project_path))
    for (sql,) in source.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'spans' AND sql IS NOT NULL"):
        conn.execute(sql.replace("REFERENCES documents(id)", "").replace("REFERENCES labels(id)", ""))
    source.close()
    began = time.perf_counter()
    for first in range(0, len(rows), 5000):
        conn.execute("BEGIN")
        conn.executemany('INSERT INTO spans (id, document_id, annotator, label_id, start, "end", text, note, '
                         "attributes, origin, codebook_version, created, updated, deleted) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, '', '{}', 'manual', 1, ?, ?, 0)",
                         [r + (r[-1],) for r in rows[first:first + 5000]])
        conn.execute("COMMIT")
    seconds = time.perf_counter() - began
    conn.close()
    return seconds


def bench_spans(folder: Path, project_path: Path, annotators: list[str], total: int) -> str:
    with Project.open(project_path, backup=False) as project:
        began = time.perf_counter()
        dense, sample = lay_spans(project, annotators, total, dense=5000)
        seconds = time.perf_counter() - began
        stored = project.spans.count()
    bare = bare_insert_spans(project_path, sample, folder / "bare-spans.db") * stored / len(sample)
    (folder / "bare-spans.db").unlink()
    record("spans", f"add_spans, {stored:,} spans by {len(annotators)} annotators (batches of 5,000)",
           f"{stored / seconds:,.0f} spans/s ({seconds:.0f} s)",
           f"bare sqlite3 executemany {stored / bare:,.0f} spans/s", seconds / bare)
    return dense


# -- reading and editing --------------------------------------------------------------------------

OPEN_CHILD = """
import sys, time, sqlite3
began = time.perf_counter()
if sys.argv[2] == "bare":
    conn = sqlite3.connect(sys.argv[1]); conn.execute("PRAGMA user_version").fetchone(); conn.close()
else:
    from annotator.store import Project
    imported = time.perf_counter()
    began = imported
    Project.open(sys.argv[1], backup=sys.argv[2] == "backup").close()
print(time.perf_counter() - began)
"""


def open_in_child(path: Path, mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", OPEN_CHILD, str(path), mode], check=True, capture_output=True,
                         text=True, env={**os.environ, "FRAMING_ANNOTATOR_DATA": str(path.parent / "userdata")})
    return float(out.stdout.split()[-1])


def bench_open(folder: Path, project_path: Path) -> None:
    ours = statistics.median(open_in_child(project_path, "open") for _ in range(3))
    bare = statistics.median(open_in_child(project_path, "bare") for _ in range(3))
    size = project_path.stat().st_size / 1_048_576
    record("open", f"Project.open of the {size:,.0f} MB file (fresh process, no backup)", ms(ours),
           f"bare sqlite3.connect {ms(bare)}", ours / bare)
    first = open_in_child(project_path, "backup")
    began = time.perf_counter()
    shutil.copyfile(project_path, folder / "copy.framing")
    copy = time.perf_counter() - began
    (folder / "copy.framing").unlink()
    record("open", "Project.open with its automatic backup (first open of the day)", ms(first),
           f"file copy {ms(copy)}", first / copy)
    again = open_in_child(project_path, "backup")
    record("open", "Project.open with backup, again (backup recent: skipped)", ms(again))


def bench_reading(project_path: Path, dense: str, annotator: str, repeats: int) -> None:
    bare_conn = sqlite3.connect(str(project_path))
    with Project.open(project_path, backup=False) as project:
        count = project.documents.count()
        deep = max(0, count - 100)
        first = median_seconds(lambda: project.documents.rows(0, 100), repeats)
        bare_first = median_seconds(lambda: bare_conn.execute(
            "SELECT id, position, title, outlet, published, length FROM documents ORDER BY position "
            "LIMIT 100 OFFSET 0").fetchall(), repeats)
        record("document list", f"first page of 100 (of {count:,}), with status and span counts", ms(first),
               f"bare SELECT of the page {ms(bare_first)}", first / bare_first)
        deep_t = median_seconds(lambda: project.documents.rows(deep, 100), repeats)
        bare_deep = median_seconds(lambda: bare_conn.execute(
            "SELECT id, position, title, outlet, published, length FROM documents ORDER BY position "
            "LIMIT 100 OFFSET ?", [deep]).fetchall(), repeats)
        record("document list", f"deep page (offset {deep:,})", ms(deep_t), f"bare SELECT {ms(bare_deep)}",
               deep_t / bare_deep)
        for sort in ("title", "spans"):
            t = median_seconds(lambda: project.documents.rows(0, 100, sort=sort, annotator=annotator), 3)
            record("document list", f"first page sorted by {sort}, one annotator's view", ms(t))
        t = median_seconds(lambda: project.documents.rows(0, 100, filter_text="Reuters", annotator=annotator), 3)
        record("document list", "first page filtered by text ('Reuters')", ms(t))

        spans = project.spans.of_document(dense)
        t = median_seconds(lambda: (project.documents.get(dense), project.spans.of_document(dense)), repeats)
        bare = median_seconds(lambda: (
            bare_conn.execute("SELECT * FROM documents WHERE id = ?", [dense]).fetchone(),
            bare_conn.execute('SELECT * FROM spans WHERE document_id = ? AND deleted = 0 ORDER BY start, "end"',
                              [dense]).fetchall()), repeats)
        record("article", f"open an article with {len(spans):,} spans (document + spans)", ms(t),
               f"bare SELECTs {ms(bare)}", t / bare)
        from annotator.core.lanes import assign_lanes

        t = median_seconds(lambda: assign_lanes([(s.start, s.end) for s in spans]), repeats)
        record("article", f"lay out {len(spans):,} spans in lanes (core.lanes)", ms(t))
    bare_conn.close()


def bench_editing(folder: Path, project_path: Path, dense: str, annotator: str, repeats: int) -> None:
    with Project.open(project_path, backup=False) as project:
        text = project.documents.text(dense)
        rng = random.Random(9)
        made: list[str] = []

        def add() -> None:
            start = rng.randrange(0, len(text) - 50)
            span = Span(document_id=dense, annotator=annotator, label_id="hedge", start=start,
                        end=start + 12, text=text[start:start + 12])
            project.spans.add(span)
            made.append(span.id)

        ours = median_seconds(add, repeats)
        edit = median_seconds(lambda: project.spans.update(made[rng.randrange(len(made))], note="checked"), repeats)
        project.spans.delete_many(made)  # leave the live span count as it was for the export
    conn = sqlite3.connect(str(project_path))
    rows = iter(range(10**9))

    def bare_add() -> None:
        n = next(rows)
        conn.execute('INSERT INTO spans (id, document_id, annotator, label_id, start, "end", text, note, '
                     "attributes, origin, codebook_version, created, updated, deleted) "
                     "VALUES (?, ?, 'bench-bare', 'hedge', ?, ?, ?, '', '{}', 'manual', 1, 'now', 'now', 0)",
                     [f"bare-{n}", dense, n, n + 12, text[n:n + 12]])  # no two alike: live spans are unique
        conn.commit()

    bare = median_seconds(bare_add, repeats)
    conn.execute("DELETE FROM spans WHERE id LIKE 'bare-%'")
    conn.commit()
    conn.close()
    record("editing", f"add a span to the {len(text) // 1000} kB article (median of {repeats}, committed)", ms(ours),
           f"bare INSERT + COMMIT {ms(bare)}", ours / bare)
    record("editing", "change a span's note (median, committed)", ms(edit), f"bare INSERT + COMMIT {ms(bare)}",
           edit / bare)


# -- export and agreement -------------------------------------------------------------------------

def bench_export(folder: Path, project_path: Path) -> None:
    import bench_export as per_area

    ours, written, peak = per_area.time_ours(project_path, folder / "ours.csv")
    size = (folder / "ours.csv").stat().st_size / 1_048_576
    cli = per_area.time_sqlite_cli(project_path, folder / "cli.csv")
    reference, name = (cli, "sqlite3 -csv") if cli is not None else (
        per_area.time_python_csv(project_path, folder / "python.csv"), "python sqlite3 + csv")
    record("export", f"CSV of {written:,} spans ({size:,.0f} MB)", f"{written / ours:,.0f} spans/s ({ours:.0f} s)",
           f"{name} {written / reference:,.0f} spans/s", ours / reference)
    record("memory", f"peak of the process exporting {written:,} spans", f"{peak:,.0f} MB")
    for made in folder.glob("*.csv"):
        made.unlink()


def bench_agreement(project_path: Path) -> None:
    import bench_agreement as per_area
    import krippendorff

    from annotator.agreement import krippendorff_alpha
    from annotator.agreement.report import build_report

    data = per_area.coding_data()
    ours, value = per_area.best_of(3, krippendorff_alpha, data, "nominal")
    ref, ref_value = per_area.best_of(3, krippendorff.alpha, reliability_data=data, level_of_measurement="nominal")
    assert abs(value - ref_value) < 1e-9
    record("agreement", "Krippendorff's alpha, 5 coders x 100,000 units (nominal)", ms(ours),
           f"krippendorff package {ms(ref)}", ours / ref)
    with Project.open(project_path, backup=False) as project:
        began = time.perf_counter()
        coded = project.agreement.data()
        read = time.perf_counter() - began
        began = time.perf_counter()
        report = build_report(coded, resamples=0)
        built = time.perf_counter() - began
    record("agreement", f"read the project's coding ({len(coded.documents):,} documents)", ms(read))
    record("agreement", f"full report over {report.documents:,} documents coded by several annotators "
                        "(no bootstrap)", ms(built))


# -- the table ------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply documents and spans (0.1: quick run)")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=1_000_000)
    parser.add_argument("--annotators", type=int, default=5, choices=range(2, len(ANNOTATOR_NAMES) + 1))
    parser.add_argument("--html-files", type=int, default=1000)
    parser.add_argument("--text-mb", type=int, default=50, help="size of the one long plain-text article")
    parser.add_argument("--repeats", type=int, default=51, help="repeats of the small timings (median taken)")
    parser.add_argument("--no-gui", action="store_true", help="leave the desktop app's figures out")
    parser.add_argument("--markdown", action="store_true", help="print the final table in Markdown")
    parser.add_argument("--readme", action="store_true", help="replace the README's performance table")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows to this JSON file")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = parser.parse_args()
    documents = max(100, int(args.documents * args.scale))
    spans = max(10_000, int(args.spans * args.scale))
    series_sizes = sorted({max(100, documents // 100), max(100, documents // 10), documents})
    agreement_sizes = [max(50, int(n * args.scale)) for n in (500, 2_000, 5_000)]
    annotators = list(ANNOTATOR_NAMES[: args.annotators])
    started = time.perf_counter()
    print("Machine:", *machine(), sep="\n  ")
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        project_path = folder / "corpus.framing"
        print("Import", flush=True)
        bench_html_import(folder, args.html_files)
        series.jsonl_series(folder, series_sizes, keep=project_path)
        series.long_text(folder, max(1, int(args.text_mb * min(1.0, args.scale * 10))))
        print("Spans", flush=True)
        dense = bench_spans(folder, project_path, annotators, spans)
        print("Opening, reading, editing", flush=True)
        bench_open(folder, project_path)
        bench_reading(project_path, dense, annotators[0], args.repeats)
        bench_editing(folder, project_path, dense, annotators[0], args.repeats)
        print("Export", flush=True)
        bench_export(folder, project_path)
        print("Agreement", flush=True)
        bench_agreement(project_path)
        series.agreement_series(agreement_sizes)
        print("Merge, suggestions, model, command line", flush=True)
        series.merge_packages(folder, max(1_000, int(10_000 * args.scale)))
        series.detectors(max(100, int(1_000 * args.scale)))
        series.recommender(max(50, int(1_000 * args.scale)), 100)
        series.cli_help()
        record("memory", "peak of this process (generation, spans, reading, agreement, model)",
               f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
        if not args.no_gui:
            print("Desktop app (bench_gui.py, its own process)", flush=True)
            series.gui(folder, documents)
    seconds = time.perf_counter() - started
    summary = (f"{documents:,} synthetic articles of 2-20 kB, {spans:,} spans by {len(annotators)} annotators"
               + ("" if args.scale == 1.0 else f", scale {args.scale}"))
    print(f"\nFraming Annotator benchmarks: {summary}; whole run {seconds:.0f} s")
    print("Machine: " + "; ".join(machine()) + "\n")
    print_table(args.markdown)
    if args.readme:
        write_readme(Path(__file__).resolve().parents[2] / "README.md", summary, seconds)
        print("README.md: performance table replaced")
    if args.json:
        write_json(args.json, summary, seconds)
        print(f"{args.json}: written")


if __name__ == "__main__":
    main()
