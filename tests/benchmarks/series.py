"""The scaling series and single figures run_all adds to its table: import of 1k / 10k / 100k articles,
one long text, the agreement report over 500 / 2,000 / 5,000 articles, merges, the detectors and the
model, `annotator --help`, and the GUI (bench_gui in its own process). Each beside its reference."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import bench_agreement
import bench_import
import bench_text_import
from table import record

REPO = Path(__file__).resolve().parents[2]


def _mb(n: float) -> str:
    return f"{n:,.0f} MB"


def jsonl_series(folder: Path, sizes: list[int], keep: Path) -> None:
    """One JSONL file of each size, imported with the default options into a new project, against a bare
    sqlite3 executemany of the same rows; both in child processes (their own peak memory). The largest
    project is kept at `keep` for the benchmarks that follow."""
    for n, size in enumerate(sizes):
        corpus = folder / f"series-{size}.jsonl"
        count = bench_import.write_articles(corpus, rows=size)
        megabytes = corpus.stat().st_size / 1_048_576
        bare, bare_count, _, bare_peak = bench_import.run_child(bench_import.BARE, str(folder / "bare.db"),
                                                                str(corpus))
        target = keep if n == len(sizes) - 1 else folder / f"series-{size}.framing"
        ours, imported, _, peak = bench_import.run_child(bench_import.OURS, str(target), str(corpus))
        assert imported == count == bare_count, (imported, count, bare_count)
        record("import", f"JSONL corpus, one file of {count:,} articles ({megabytes:,.0f} MB), default options",
               f"{count / ours:,.0f} docs/s ({ours:.1f} s), peak {_mb(peak)}",
               f"bare sqlite3 executemany {count / bare:,.0f} docs/s, peak {_mb(bare_peak)}", ours / bare,
               aim="time ≤ 2x the bare insert; peak ≤ 400 MB whatever the size")
        for leftover in list(folder.glob("bare.db*")) + [corpus]:
            leftover.unlink()
        if target != keep:
            for leftover in folder.glob(f"series-{size}.framing*"):
                leftover.unlink()


LONG_TEXT_CHILD = """
import json, resource, sys, time
began = time.perf_counter()
if sys.argv[1] == "ours":
    from annotator.services.importing import import_paths
    from annotator.store import Project
    with Project.create(sys.argv[3]) as project:
        report = import_paths(project, [sys.argv[2]], max_bytes=1 << 30)
        assert report.documents_imported == 1, report.summary()
        characters = project.db.execute("SELECT length FROM documents").fetchone()[0]
else:
    with open(sys.argv[2], encoding="utf-8") as source:
        characters = len(source.read())
print(json.dumps({"seconds": time.perf_counter() - began, "characters": characters,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def long_text(folder: Path, megabytes: int) -> None:
    """One plain-text article of `megabytes` imported into a new project, against open().read()."""
    path = folder / "long-article.txt"
    bench_text_import.large_text(path, megabytes, crlf=False)

    def child(kind: str) -> dict:
        out = subprocess.run([sys.executable, "-c", LONG_TEXT_CHILD, kind, str(path), str(folder / "long.framing")],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    ours, reference = child("ours"), child("reference")
    text_mb = ours["characters"] * 4 / 1_048_576  # the sample holds an emoji: 4 bytes per character in Python
    size = path.stat().st_size / 1_048_576
    # The peak counts the interpreter and the app's modules too (their share is the reference's peak
    # without its text); the ratio is what the import needs per byte of text held in memory.
    own = ours["peak_mb"] - (reference["peak_mb"] - text_mb)
    record("import", f"one plain-text article of {size:.0f} MB ({text_mb:.0f} MB as a Python string) into a project",
           f"{ours['seconds']:.1f} s, peak {_mb(ours['peak_mb'])} ({own / text_mb:.1f}x the text)",
           f"open().read() {reference['seconds']:.2f} s, peak {_mb(reference['peak_mb'])} (lower bound)",
           ours["seconds"] / reference["seconds"], aim="≤ 10 s, peak ≤ 5x the text")
    for leftover in [path] + list(folder.glob("long.framing*")):
        leftover.unlink()


def agreement_series(sizes: list[int]) -> None:
    """The agreement report (no bootstrap) over n articles x 5 annotators: linear means flat ms/article."""
    for articles in sizes:
        r = bench_agreement.run_child(articles)
        record("agreement", f"report, {articles:,} articles x 5 annotators ({r['spans']:,} spans)",
               f"{r['ours'] * 1000 / articles:.2f} ms/article ({r['ours']:.1f} s), peak {_mb(r['peak_mb'])}",
               f"one grouping pass over the spans {r['reference'] * 1000 / articles:.3f} ms/article (lower bound)",
               r["ours"] / r["reference"], aim="≤ 2 ms per article, linear")


def merge_packages(folder: Path, spans: int) -> None:
    """Merging three packages of `spans` spans each, against bare INSERT ... SELECT copies of their rows."""
    import shutil

    import bench_merge

    from annotator.store import Project

    (folder / "merge").mkdir(exist_ok=True)
    lead, packages = bench_merge.build(folder / "merge", spans)
    target = folder / "merge" / "merged.framing"
    shutil.copy(lead, target)
    with Project.open(target, backup=False) as project:
        began = time.perf_counter()
        for package in packages:
            project.merges.merge(package)
        ours = time.perf_counter() - began
    reference = folder / "merge" / "reference.framing"
    shutil.copy(lead, reference)
    bare = bench_merge.reference_copy(reference, packages)
    record("merge", f"3 packages x {spans:,} spans (checks of whose work, gold and dates included)", f"{ours * 1000:.0f} ms",
           f"bare INSERT ... SELECT {bare * 1000:.0f} ms", ours / bare)
    shutil.rmtree(folder / "merge", ignore_errors=True)


def detectors(articles: int) -> None:
    """The detectors over a 1 MB text and over many articles, against one `\\w+` regex pass."""
    import bench_scaling
    from synthetic_corpus import ArticleMaker

    from annotator.suggest import suggest

    maker = ArticleMaker(seed=11)
    texts = [(a["text"], a["language"]) for a in (maker.article(n) for n in range(articles))]
    long_text_fr = "\n\n".join(t for t, lang in texts if lang == "fr")[:1_000_000]
    suggest("« ici »", language="fr")  # lexicons loaded once, outside the timing
    ours = min(_seconds(lambda: suggest(long_text_fr, language="fr")) for _ in range(3))
    bare = min(_seconds(lambda: re.findall(r"\w+", long_text_fr)) for _ in range(3))
    record("suggest", f"detectors over a {len(long_text_fr) / 1e6:.1f} MB French text", f"{ours * 1000:.0f} ms",
           f"one \\w+ regex pass {bare * 1000:.0f} ms (lower bound)", ours / bare)
    batches = [texts[i:i + 100] for i in range(0, len(texts), 100)]
    for workers in (1, min(2, os.cpu_count() or 1)):
        seconds, _ = bench_scaling._timed(bench_scaling._detect_batch, batches, workers)
        ref, _ = bench_scaling._timed(bench_scaling._regex_batch, batches, workers)
        record("suggest", f"detectors over {articles:,} articles, {workers} worker process(es) (docs/scaling.md)",
               f"{articles / seconds:,.0f} articles/s", f"\\w+ regex pass {articles / ref:,.0f} articles/s",
               seconds / ref)


def recommender(labelled: int, predicted: int) -> None:
    """Training the span model on `labelled` articles and predicting, against the string-matching baseline."""
    sys.path.insert(0, str(REPO))
    from tests.recommend.framing_sample import make_article

    from annotator.recommend import SpanRecommender, StringMatcher
    from annotator.suggest import suggest

    articles = [make_article(n, seed=7, unseen_share=0.5) for n in range(labelled + predicted)]
    examples = [(a.text, a.spans) for a in articles[:labelled]]
    SpanRecommender().fit(examples[:1])  # imports scikit-learn outside the timing
    model = SpanRecommender()
    fit = _seconds(lambda: model.fit(examples))
    strings = _seconds(lambda: StringMatcher().fit(examples))
    record("model", f"train the span model on {labelled:,} labelled articles (background task)", f"{fit:.1f} s",
           f"string-matching baseline {strings:.2f} s", fit / strings, aim="≤ 5 s")
    rest = [a.text for a in articles[labelled:]]
    ours = statistics.median(_seconds(lambda t=t: model.predict(t)) for t in rest)
    bare = statistics.median(_seconds(lambda t=t: suggest(t)) for t in rest)
    record("model", "predict one article's spans (median)", f"{ours * 1000:.1f} ms",
           f"the detectors alone {bare * 1000:.1f} ms", ours / bare, aim="≤ 50 ms")


def cli_help(runs: int = 7) -> None:
    """`annotator --help` in a fresh process, against `python -c pass`."""
    script = Path(sys.executable).parent / "annotator"
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "annotator.cli.main", "--help"]
    ours = statistics.median(_seconds(lambda: subprocess.run(command, check=True, capture_output=True))
                             for _ in range(runs))
    bare = statistics.median(_seconds(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
                             for _ in range(runs))
    record("cli", "annotator --help (fresh process, median)", f"{ours * 1000:.0f} ms",
           f"python -c pass {bare * 1000:.0f} ms", ours / bare, aim="≤ 150 ms")


def gui(folder: Path, documents: int) -> None:
    """bench_gui.py in its own (offscreen) process; its figures join the table as they are."""
    out = folder / "gui.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=str(folder / "gui-data"))
    subprocess.run([sys.executable, str(Path(__file__).with_name("bench_gui.py")), "--documents", str(documents),
                    "--json", str(out)], check=True, env=env, cwd=folder)
    for name, value, aim, note in json.loads(out.read_text(encoding="utf-8")):
        record("GUI", name, value, note, aim=aim)


def _seconds(work) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began
