"""Text import without the store: normalising corpus texts, and reading one very large plain-text file.

1. normalise_text on 1,000 JSON Lines-like articles of 2-20 kB (LF line ends, the common case) and on
   the same articles with CRLF line ends (where a map of offsets may be needed), against the bare
   `str.replace` that makes the same text; and normalise_text with its offset map read.
2. One plain-text file of ~50 MB (French and English articles, accents, guillemets, emoji) read through
   annotator.io (read_file: decoding, wrong-encoding checks, normalisation, paragraphs, the checks of a
   storable text, the document's id), with LF and with CRLF line ends, against a bare
   `open(path, encoding="utf-8").read()`. Each runs in its own child process, so that the peak resident
   memory printed is its own; it is printed beside the memory of the text itself (the stored str: 4
   bytes a character here, because of the emoji).

Run: .venv/bin/python tests/benchmarks/bench_text_import.py [--texts 1000] [--megabytes 50]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_corpus import ArticleMaker  # noqa: E402

from annotator.core.text import normalise_text  # noqa: E402


def best_of(runs: int, func, *args):
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        func(*args)
        best = min(best, time.perf_counter() - began)
    return best


def corpus_texts(count: int) -> list[str]:
    maker = ArticleMaker(seed=3)
    return [maker.article(n)["text"] for n in range(count)]


def normalise_all(texts: list[str]) -> None:
    for text in texts:
        normalise_text(text).text


def normalise_all_with_maps(texts: list[str]) -> None:
    for text in texts:
        normalise_text(text).offset_map


def replace_all(texts: list[str]) -> None:
    for text in texts:
        text.replace("\r\n", "\n").replace("\r", "\n")


def bench_normalise(count: int) -> None:
    lf = corpus_texts(count)
    crlf = [text.replace("\n", "\r\n") for text in lf]
    megabytes = sum(len(t.encode("utf-8")) for t in lf) / 1e6
    print(f"normalise_text on {count:,} corpus texts of 2-20 kB ({megabytes:.1f} MB), best of 3")
    for name, texts in (("LF line ends", lf), ("CRLF line ends", crlf)):
        ours = best_of(3, normalise_all, texts)
        reference = best_of(3, replace_all, texts)
        mapped = best_of(3, normalise_all_with_maps, texts)
        print(f"  {name:15} ours {ours * 1000:8.1f} ms   str.replace {reference * 1000:7.1f} ms   "
              f"ratio {ours / reference:5.2f}   with the offset map read {mapped * 1000:8.1f} ms")


def large_text(path: Path, megabytes: int, crlf: bool) -> None:
    maker, size, n = ArticleMaker(seed=5), 0, 0
    with path.open("w", encoding="utf-8", newline="\r\n" if crlf else "\n") as out:
        while size < megabytes * 1_000_000:
            article = maker.article(n)
            chunk = f"{article['title']}\n\n{article['text']}\n\n"
            out.write(chunk)
            size += len(chunk.encode("utf-8")) + (chunk.count("\n") if crlf else 0)
            n += 1


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: str) -> dict:
    began = time.perf_counter()
    if kind == "ours":
        from annotator.io.importer import read_file

        text = read_file(Path(path))[0].document.text
    else:
        with open(path, encoding="utf-8") as source:
            text = source.read()
    return {"seconds": time.perf_counter() - began, "peak_mb": peak_mb(), "characters": len(text),
            "text_mb": sys.getsizeof(text) / 1_048_576}


def run_child(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_large_file(megabytes: int) -> None:
    print(f"One plain-text file of ~{megabytes} MB through annotator.io.read_file, against open().read(); "
          "each in its own process")
    with tempfile.TemporaryDirectory() as folder:
        for crlf in (False, True):
            path = Path(folder) / f"long-{'crlf' if crlf else 'lf'}.txt"
            large_text(path, megabytes, crlf)
            size = path.stat().st_size / 1_048_576
            ours, reference = run_child("ours", path), run_child("reference", path)
            print(f"  {'CRLF' if crlf else 'LF':4} {size:5.1f} MB file, {ours['characters']:,} characters "
                  f"({ours['text_mb']:.0f} MB as a Python string): ours {ours['seconds']:6.2f} s, peak "
                  f"{ours['peak_mb']:5.0f} MB   open().read() {reference['seconds']:5.2f} s, peak "
                  f"{reference['peak_mb']:4.0f} MB   ratio time {ours['seconds'] / reference['seconds']:5.1f}, "
                  f"peak / text memory {ours['peak_mb'] / ours['text_mb']:4.1f} "
                  f"(open().read(): {reference['peak_mb'] / reference['text_mb']:3.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    bench_normalise(args.texts)
    bench_large_file(args.megabytes)


if __name__ == "__main__":
    main()
