"""Shared pieces of the team tests: a lead's project with three annotators, dumps to compare files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project

ANNOTATORS = ("ana", "ben", "cleo")
WORDS = "the minister said that the reform of pensions would fail because unions refuse any compromise".split()

# Columns whose values depend on when or in which order things were merged, not on the work merged.
ORDER_DEPENDENT = {"documents": {"position", "imported"}}
# Tables describing the annotation work; the rest (meta, history, conflicts, merge log) is bookkeeping.
WORK_TABLES = ("documents", "annotators", "labels", "attributes", "spans", "document_labels", "assignments")


def article(i: int) -> Document:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(25)]
    return Document(text=f"Article {i}. " + " ".join(words) + ".", title=f"Article {i}", outlet="Le Test")


def make_lead(path: Path, documents: int = 12, seed: int = 7) -> Path:
    """A lead's project: documents, three annotators (plus the lead), planned assignments, closed."""
    with Project.create(path) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        proj.documents.add(article(i) for i in range(documents))
        proj.team.add("lead", role="lead")
        for name in ANNOTATORS:
            proj.team.add(name)
        proj.assignments.auto_assign(list(ANNOTATORS), per_document=2, overlap_share=0.5, seed=seed)
    return path


def span_labels(proj: Project) -> list[str]:
    return [label.id for label in proj.codebook.labels("span", include_retired=False)]


def question(proj: Project) -> tuple[str, list[str]]:
    """A document-level question of the codebook and its answer ids."""
    label = proj.codebook.labels("document", include_retired=False)[0]
    return label.id, [c.id for c in label.choices]


def add_span(proj: Project, document_id: str, annotator: str, start: int, length: int,
             label: str | None = None, note: str = "") -> str:
    """Add a span at a valid place of the document; returns its id."""
    text = proj.documents.text(document_id)
    start = start % (len(text) - 1)
    end = min(len(text), start + max(1, length))
    span = Span(document_id=document_id, annotator=annotator, label_id=label or span_labels(proj)[0],
                start=start, end=end, text=text[start:end], note=note)
    proj.spans.add(span)
    return span.id


def canonical_dump(path: Path) -> dict[str, list[tuple]]:
    """The annotation work of a project file as sorted rows, without order-dependent columns."""
    return _dump(path, WORK_TABLES, ORDER_DEPENDENT)


def full_dump(path: Path) -> dict[str, list[tuple]]:
    """Every table of a project file, every column, as sorted rows (to prove nothing changed)."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()
    dump = _dump(path, tables, {})
    conn = sqlite3.connect(str(path))
    try:
        dump["pragmas"] = [(conn.execute("PRAGMA user_version").fetchone()[0],
                            conn.execute("PRAGMA application_id").fetchone()[0])]
    finally:
        conn.close()
    return dump


def _dump(path: Path, tables, skip: dict[str, set[str]]) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(str(path))
    try:
        dump = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                       if r[1] not in skip.get(table, set())]
            cols = ", ".join(f'"{c}"' for c in columns)
            dump[table] = sorted(conn.execute(f'SELECT {cols} FROM "{table}"').fetchall(), key=repr)
        return dump
    finally:
        conn.close()
