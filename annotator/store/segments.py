"""Code retrieval: every live segment of some labels across the corpus, with its context (keyword in context)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from annotator.core.search import context_around
from annotator.store.transactions import ProjectDatabase

CONTEXT_REACH = 60  # characters of context on each side


@dataclass(frozen=True)
class CodedSegment:
    """One span found by code retrieval, with where it is and the words around it."""

    span_id: str
    document_id: str
    document_title: str
    document_position: int
    annotator: str
    label_id: str
    start: int
    end: int
    text: str
    note: str
    before: str
    after: str


def coded_segments(db: ProjectDatabase, label_ids: Sequence[str], annotator: str | None = None,
                   reach: int = CONTEXT_REACH) -> list[CodedSegment]:
    """Live spans with one of `label_ids` (of one annotator, or of all), in corpus and text order.

    Each document's text is read once, so a long article with thousands of segments costs one read."""
    if not label_ids:
        return []
    marks = ", ".join("?" for _ in label_ids)
    sql = ('SELECT s.id, s.document_id, d.title, d.position, s.annotator, s.label_id, s.start, s."end", s.text, '
           f"s.note FROM spans s JOIN documents d ON d.id = s.document_id WHERE s.deleted = 0 AND s.label_id IN ({marks})")
    params: list = list(label_ids)
    if annotator is not None:
        sql += " AND s.annotator = ?"
        params.append(annotator)
    rows = db.execute(sql + ' ORDER BY d.position, s.start, s."end", s.annotator', params).fetchall()
    found: list[CodedSegment] = []
    text, text_of = "", None
    for row in rows:
        if row[1] != text_of:
            text_of = row[1]
            text = db.execute("SELECT text FROM documents WHERE id = ?", [text_of]).fetchone()[0]
        before, after = context_around(text, row[6], row[7], reach)
        found.append(CodedSegment(*row, before=before, after=after))
    return found


def segment_counts(db: ProjectDatabase, annotator: str | None = None) -> dict[str, int]:
    """How many live spans each label has across the corpus (of one annotator, or of all)."""
    sql, params = "SELECT label_id, count(*) FROM spans WHERE deleted = 0", []
    if annotator is not None:
        sql += " AND annotator = ?"
        params.append(annotator)
    return dict(db.execute(sql + " GROUP BY label_id", params).fetchall())
