"""Quality of main-text extraction: our lxml extractor against trafilatura on pages with known text.

Run: .venv/bin/python tests/benchmarks/eval_html_extraction.py
Gold texts: tests/io/fixtures/html/*.expected.txt, and for the shared Parler page the text of its
XML rendition. Prints, per page and in total, exact matches (as stored, and with whitespace
collapsed), word precision/recall/F1, metadata fields found right, and time per page.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from annotator.io.readers.base import ReadOptions
from annotator.io.readers.html import read_html
from annotator.io.readers.xml import read_xml

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "io" / "fixtures" / "html"
SHARED = REPO.parent / "shared" / "articles"


def pages() -> list[tuple[Path, str]]:
    found = [(p, (FIXTURES / f"{p.stem}.expected.txt").read_text(encoding="utf-8").strip())
             for p in sorted(FIXTURES.glob("*.html"))]
    xml = SHARED / "parler-amazon-fr.xml"
    if xml.exists():
        gold = read_xml(xml, xml.read_bytes(), ReadOptions())[0].document.text
        for name in ("parler-amazon-fr.html", "parler-amazon-fr.cp1252.html"):
            found.append((SHARED / name, gold))
    return found


def words_f1(gold: str, got: str) -> tuple[float, float, float]:
    g, o = Counter(gold.split()), Counter(got.split())
    common = sum((g & o).values())
    precision = common / max(1, sum(o.values()))
    recall = common / max(1, sum(g.values()))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def ours(path: Path) -> str:
    return read_html(path, path.read_bytes(), ReadOptions())[0].document.text


def trafilatura_text(path: Path) -> str:
    """trafilatura as we would integrate it: its title first, list dashes off, one paragraph a line."""
    import trafilatura

    data = path.read_bytes()
    out = trafilatura.extract(data, output_format="txt", include_comments=False,
                              include_tables=True, include_images=False) or ""
    meta = trafilatura.extract_metadata(data)
    lines = [line.strip().removeprefix("- ") for line in out.split("\n") if line.strip()]
    if meta is not None and meta.title and (not lines or lines[0] != meta.title):
        lines.insert(0, meta.title)
    return "\n\n".join(lines)


def main() -> None:
    extractors = {"lxml (ours)": ours}
    try:
        import trafilatura  # noqa: F401

        extractors["trafilatura"] = trafilatura_text
    except ImportError:
        print("trafilatura is not installed: only our extractor is measured")
    rows = pages()
    totals = {name: [0, 0, 0.0, 0.0, 0.0, 0.0] for name in extractors}
    print(f"{'page':34} {'extractor':14} exact  ws-exact  P     R     F1    ms")
    for path, gold in rows:
        for name, extract in extractors.items():
            start = time.perf_counter()
            got = extract(path)
            ms = (time.perf_counter() - start) * 1000
            exact = got == gold
            loose = got.split() == gold.split()
            p, r, f = words_f1(gold, got)
            t = totals[name]
            t[0] += exact
            t[1] += loose
            t[2] += p
            t[3] += r
            t[4] += f
            t[5] += ms
            print(f"{path.name[:34]:34} {name:14} {str(exact):6} {str(loose):9} {p:.3f} {r:.3f} {f:.3f} {ms:6.1f}")
    n = len(rows)
    print("\nTotals over", n, "pages")
    for name, t in totals.items():
        print(f"{name:14} exact {t[0]}/{n}  whitespace-insensitive {t[1]}/{n}  "
              f"mean P {t[2] / n:.3f} R {t[3] / n:.3f} F1 {t[4] / n:.3f}  mean {t[5] / n:.1f} ms/page")


if __name__ == "__main__":
    main()
