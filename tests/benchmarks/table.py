"""The benchmarks' one table: rows recorded as they are measured, printed, and written to the README and JSON.

The README's performance section between its two markers is replaced whole by `write_readme`, never
edited by hand; `write_json` keeps the same rows (and the machine) for other tools.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

README_START = "<!-- performance table: written by tests/benchmarks/run_all.py, do not edit by hand -->"
README_END = "<!-- end of performance table -->"


@dataclass
class Row:
    area: str
    measure: str
    ours: str
    reference: str = ""
    ratio: str = ""
    aim: str = ""


ROWS: list[Row] = []


def record(area: str, measure: str, ours: str, reference: str = "", ratio: float | None = None,
           aim: str = "") -> None:
    """Add a line to the table and show it at once."""
    ROWS.append(Row(area, measure, ours, reference, f"{ratio:.2f}x" if ratio is not None else "", aim))
    print(f"  {area}: {measure}: {ours}" + (f"   [ref {reference}; ratio {ratio:.2f}x]" if ratio else "")
          + (f"   (aim {aim})" if aim else ""), flush=True)


def machine() -> list[str]:
    """Two lines naming the machine and the software the figures were measured with."""
    import lxml

    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        ram = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024**2
        ram_text = f"{ram:.0f} GiB RAM"
    except (OSError, StopIteration):
        ram_text = "RAM unknown"
    return [f"{cpu}, {os.cpu_count()} cores, {ram_text}",
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, lxml {lxml.__version__}"]


def markdown_table() -> list[str]:
    headers = ("Area", "Measure", "Ours", "Reference (same run)", "Ratio", "Aim")
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for r in ROWS:
        cells = (r.area, r.measure, r.ours, r.reference, r.ratio, r.aim)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return lines


def print_table(markdown: bool) -> None:
    if markdown:
        print("\n".join(markdown_table()))
        return
    headers = ("Area", "Measure", "Ours", "Reference (same run)", "Ratio", "Aim")
    rows = [headers] + [(r.area, r.measure, r.ours, r.reference, r.ratio, r.aim) for r in ROWS]
    widths = [max(len(row[i]) for row in rows) for i in range(len(headers))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


def section(summary: str, seconds: float) -> list[str]:
    """The README's performance section: what was run, on what, when, and the table."""
    return [README_START,
            f"Measured on {'; '.join(machine())}, on {date.today().isoformat()}, by "
            f"`python tests/benchmarks/run_all.py --readme` ({summary}; whole run {seconds / 60:.0f} minutes). Each "
            "reference is timed in the same run on the same data; a reference marked *lower bound* does less "
            "work than ours (it only parses, or only reads). The machine is shared, so figures vary by about "
            "±30 % between runs.", ""] + markdown_table() + [README_END]


def write_readme(readme: Path, summary: str, seconds: float) -> None:
    """Replace the text between the README's performance markers (the markers stay)."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme} has no performance markers ({README_START!r} ... {README_END!r})")
    text = text[:start] + "\n".join(section(summary, seconds)) + text[end + len(README_END):]
    readme.write_text(text, encoding="utf-8")


def write_json(path: Path, summary: str, seconds: float) -> None:
    path.write_text(json.dumps({"date": date.today().isoformat(), "machine": machine(), "run": summary,
                                "seconds": round(seconds), "rows": [asdict(r) for r in ROWS]},
                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
