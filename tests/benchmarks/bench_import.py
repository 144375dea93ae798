"""Import throughput and memory: HTML pages, a JSONL corpus (one file, any size), many new labels.

Run: .venv/bin/python tests/benchmarks/bench_import.py [--pages 400] [--rows 100000] [--big-mb 0]
     [--labels 1000,2000,4000]

Each figure is timed beside a reference doing the same work in the same run:
- HTML pages: bare lxml.html parsing of the same pages (a lower bound: no extraction, no storing);
- JSONL corpus: a bare sqlite3 `executemany` of the same rows (json.loads, SHA-256 of the text, one
  INSERT per row into a table of the same columns, one transaction), streamed like ours. Ours and the
  reference each run in a child process, so that the peak memory (ru_maxrss) printed is their own;
- many new labels: a JSONL whose every record brings a label of its own, 1k / 2k / 4k labels: linear
  means the time per label stays flat (the reference is the same file with one label for all).
`--big-mb 1024` also writes a JSONL of that many MB and imports it with the default options.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import ArticleMaker  # noqa: E402

from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.io.importer import read_file  # noqa: E402
from annotator.services.importing import import_paths  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = ("le gouvernement a annoncé mardi une réforme des retraites qui suscite la colère des syndicats "
         "the council voted on a plan to cut emissions while critics warned about costs for families "
         "police said protesters blocked the road near the port and ministers called for calm").split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 28))).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def page(rng: random.Random, n: int) -> str:
    paragraphs = "\n".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(6, 12)))
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Article {n} | Le Journal</title>
<meta property="og:site_name" content="Le Journal"><meta name="author" content="Auteur {n}">
<meta property="article:published_time" content="2024-01-{n % 28 + 1:02d}">
<script>var x = {n};</script><style>body{{margin:0}}</style></head><body>
<div class="cookie-banner">Nous utilisons des cookies. <button>OK</button></div>
<header><nav><ul>{''.join(f'<li><a href="/{i}">Rubrique {i}</a></li>' for i in range(8))}</ul></nav></header>
<main><article><h1>Article {n}: {sentence(rng)}</h1>
<figure><img src="a.jpg"><figcaption>Légende {n}. (Photo: Agence)</figcaption></figure>
{paragraphs}
<p class="byline">Par Auteur {n}</p></article>
<aside class="related"><h2>À lire aussi</h2><ul>{''.join(f'<li><a href="/r{i}">{sentence(rng)}</a></li>' for i in range(5))}</ul></aside>
<div class="share">Partager : Facebook · X · E-mail</div></main>
<footer><p>Soutenez-nous par un don.</p><p>© Le Journal</p></footer></body></html>"""


def bench_html(folder: Path, count: int) -> None:
    rng = random.Random(1)
    pages_dir = folder / "pages"
    pages_dir.mkdir()
    for n in range(count):
        (pages_dir / f"{n:05d}.html").write_text(page(rng, n), encoding="utf-8")
    files = sorted(pages_dir.iterdir())

    start = time.perf_counter()
    for path in files:
        lxml_html.document_fromstring(path.read_bytes())
    bare = time.perf_counter() - start

    start = time.perf_counter()
    for path in files:
        read_file(path)
    extract = time.perf_counter() - start

    project = Project.create(folder / "html.framing")
    project.codebook.install(load_preset("framing-devices"))
    start = time.perf_counter()
    report = import_paths(project, [pages_dir])
    ours = time.perf_counter() - start
    project.close()
    assert report.documents_imported == count, report.summary()
    print(f"HTML pages ({count}, {sum(p.stat().st_size for p in files) / count / 1024:.1f} KB each)")
    print(f"  import_paths:      {count / ours:8.0f} files/s  ({ours:.2f} s)")
    print(f"  extraction only:   {count / extract:8.0f} files/s  ({extract:.2f} s, read_file without storing)")
    print(f"  bare lxml parsing: {count / bare:8.0f} files/s  ({bare:.2f} s)  (a lower bound)")
    print(f"  ratio: import {ours / bare:.1f}x, extraction {extract / bare:.1f}x the time of bare parsing")


OURS = """
import resource, sys, time
from annotator.io.codebook_files import load_preset
from annotator.services.importing import import_paths
from annotator.store import Project
project = Project.create(sys.argv[1])
project.codebook.install(load_preset("framing-devices"))
options = {"max_new_labels": int(sys.argv[3])} if len(sys.argv) > 3 else {}
began = time.perf_counter()
report = import_paths(project, [sys.argv[2]], **options)
seconds = time.perf_counter() - began
assert not report.refused, report.summary()
print(seconds, report.documents_imported, len(report.labels),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

BARE = """
import hashlib, json, resource, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, position INTEGER, title TEXT, text TEXT, length INTEGER, "
             "outlet TEXT, url TEXT, published TEXT, language TEXT, metadata TEXT)")
began = time.perf_counter()

def rows():
    with open(sys.argv[2], encoding="utf-8") as lines:
        for position, line in enumerate(lines):
            r = json.loads(line)
            text = r["text"]
            yield (hashlib.sha256(text.encode()).hexdigest(), position, r.get("title", ""), text, len(text),
                   r.get("outlet", ""), r.get("url", ""), r.get("date", ""), r.get("language", ""), "{}")

conn.execute("BEGIN")
conn.executemany("INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
conn.execute("COMMIT")
seconds = time.perf_counter() - began
count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
print(seconds, count, 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def run_child(code: str, *args: str) -> tuple[float, int, int, float]:
    """(seconds, documents, labels, peak MB) of `code` run in a fresh process."""
    result = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    seconds, documents, labels, peak = result.stdout.split()
    return float(seconds), int(documents), int(labels), float(peak)


def write_articles(path: Path, rows: int = 0, megabytes: float = 0, seed: int = 0) -> int:
    """A JSONL corpus of realistic French and English articles (2-20 kB): `rows` of them, or `megabytes`."""
    maker = ArticleMaker(seed)
    written, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while (rows and count < rows) or (megabytes and written < megabytes * 1_048_576):
            line = json.dumps(maker.article(count), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def bench_jsonl(folder: Path, rows: int = 0, megabytes: float = 0, repeats: int = 1) -> None:
    corpus = folder / "corpus.jsonl"
    count = write_articles(corpus, rows, megabytes)
    size_mb = corpus.stat().st_size / 1_048_576
    bare = ours = float("inf")
    for _ in range(repeats):  # interleaved, best of each: the machine is shared
        seconds, bare_count, _, bare_peak = run_child(BARE, str(folder / "bare.db"), str(corpus))
        bare = min(bare, seconds)
        seconds, imported, _, peak = run_child(OURS, str(folder / "ours.framing"), str(corpus))
        ours = min(ours, seconds)
        assert imported == count == bare_count, (imported, count, bare_count)
        for name in ("bare.db", "ours.framing"):
            for leftover in folder.glob(f"{name}*"):
                leftover.unlink()
    print(f"JSONL corpus, one file ({count:,} articles, {size_mb:,.0f} MB), default options, best of {repeats}")
    print(f"  import_paths:             {count / ours:8,.0f} docs/s  ({ours:.1f} s)  peak {peak:,.0f} MB")
    print(f"  bare sqlite3 executemany: {count / bare:8,.0f} docs/s  ({bare:.1f} s)  peak {bare_peak:,.0f} MB")
    print(f"  ratio: import runs at {bare / ours:.2f}x the speed of the bare insert; "
          f"peak memory {peak / size_mb:.2f}x the file")
    corpus.unlink()


def bench_labels(folder: Path, sizes: list[int]) -> None:
    print("Many new labels (one per record, short texts)")
    for size in sizes:
        rng = random.Random(size)
        distinct, shared = folder / f"labels-{size}.jsonl", folder / f"one-label-{size}.jsonl"
        with distinct.open("w", encoding="utf-8") as many, shared.open("w", encoding="utf-8") as one:
            for n in range(size):
                text = f"{sentence(rng)} ({n})"
                many.write(json.dumps({"text": text, "label": [[0, 5, f"Label number {n}"]]}) + "\n")
                one.write(json.dumps({"text": text, "label": [[0, 5, "One label"]]}) + "\n")
        ours, _, labels, _ = run_child(OURS, str(folder / f"l{size}.framing"), str(distinct), str(size))
        reference, _, _, _ = run_child(OURS, str(folder / f"o{size}.framing"), str(shared), str(size))
        assert labels == size, labels
        print(f"  {size:6,} labels: {ours:6.2f} s ({ours / size * 1000:.2f} ms a label); same file with one "
              f"label {reference:.2f} s; ratio {ours / reference:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big-mb", type=float, default=0, help="also import a JSONL of this many MB")
    parser.add_argument("--labels", default="1000,2000,4000")
    parser.add_argument("--repeats", type=int, default=2, help="runs of the corpus import and its reference")
    parser.add_argument("--folder", type=Path, default=None, help="work here (needs room for the big file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        if args.pages:
            bench_html(folder, args.pages)
        if args.rows:
            bench_jsonl(folder, rows=args.rows, repeats=args.repeats)
        if args.big_mb:
            bench_jsonl(folder, megabytes=args.big_mb)
        if args.labels:
            bench_labels(folder, [int(n) for n in args.labels.split(",")])


if __name__ == "__main__":
    main()
