"""Import throughput: HTML pages and a 100k-row JSONL corpus, against bare lxml and bare sqlite-utils.

Run: .venv/bin/python tests/benchmarks/bench_import.py [--pages 400] [--rows 100000]
Generates synthetic corpora in a temporary folder, times `import_paths` into a fresh project, times
the reference on the same data in the same run (bare lxml.html parsing of the pages; bare
sqlite-utils `insert_all` of the parsed JSONL rows), and prints files or rows per second and the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from lxml import html as lxml_html
from sqlite_utils import Database

from annotator.io.codebook_files import load_preset
from annotator.io.importer import read_file
from annotator.services.importing import import_paths
from annotator.store import Project

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
    assert len(report.imported) == count, report.summary()
    print(f"HTML pages ({count}, {sum(p.stat().st_size for p in files) / count / 1024:.1f} KB each)")
    print(f"  import_paths:      {count / ours:8.0f} files/s  ({ours:.2f} s)")
    print(f"  extraction only:   {count / extract:8.0f} files/s  ({extract:.2f} s, read_file without storing)")
    print(f"  bare lxml parsing: {count / bare:8.0f} files/s  ({bare:.2f} s)")
    print(f"  ratio: import {ours / bare:.1f}x, extraction {extract / bare:.1f}x the time of bare parsing "
          "(the rest is one committed transaction per file)")


def bench_jsonl(folder: Path, rows: int) -> None:
    rng = random.Random(2)
    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for n in range(rows):
            record = {"title": f"Article {n}", "text": f"{paragraph(rng)}\n\n{paragraph(rng)}",
                      "url": f"https://news.example/{n}", "source": "Le Journal",
                      "date": f"2024-01-{n % 28 + 1:02d}", "lang": "fr", "section": "Monde"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    size_mb = corpus.stat().st_size / 1_048_576

    start = time.perf_counter()
    db = Database(folder / "bare.db")
    with corpus.open(encoding="utf-8") as lines:
        db["documents"].insert_all((json.loads(line) for line in lines), batch_size=1000)
    db.conn.close()
    bare = time.perf_counter() - start

    project = Project.create(folder / "jsonl.framing")
    project.codebook.install(load_preset("framing-devices"))
    start = time.perf_counter()
    report = import_paths(project, [corpus], max_bytes=2 * corpus.stat().st_size)
    ours = time.perf_counter() - start
    project.close()
    assert len(report.imported) == rows, report.summary()
    print(f"JSONL corpus ({rows} rows, {size_mb:.0f} MB)")
    print(f"  import_paths:               {rows / ours:8.0f} rows/s  ({ours:.2f} s)")
    print(f"  bare sqlite-utils inserts:  {rows / bare:8.0f} rows/s  ({bare:.2f} s)")
    print(f"  ratio: import takes {ours / bare:.2f}x the time of bare inserts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_html(folder, args.pages)
        bench_jsonl(folder, args.rows)


if __name__ == "__main__":
    main()
