"""Read-only queries for exports: spans, documents and document labels streamed in batches."""

from __future__ import annotations

import json
from typing import Any, Iterator, NamedTuple, Sequence

from annotator.core.model import GOLD_ANNOTATOR, Span

GOLD = GOLD_ANNOTATOR

# A span counts as gold when an adjudication produced it (or it is stored under the name "gold").
_IS_GOLD = f"(s.origin = 'adjudication' OR s.annotator = '{GOLD}')"
_SHOWN_ANNOTATOR = f"CASE WHEN {_IS_GOLD} THEN '{GOLD}' ELSE s.annotator END"
_DONE = (
    "EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = s.document_id "
    "AND a.annotator = s.annotator AND a.status = 'done')"
)


class ExportSpanRow(NamedTuple):
    """One span joined with its document and label, as the spans table needs it."""

    id: str
    document_id: str
    document_title: str
    outlet: str
    published: str
    annotator: str
    label_id: str
    label_name: str
    start: int
    end: int
    text: str
    note: str
    attributes: str
    origin: str
    codebook_version: int
    created: str
    updated: str


class DocumentSummary(NamedTuple):
    """A document's metadata without its text."""

    id: str
    position: int
    title: str
    outlet: str
    url: str
    published: str
    language: str
    length: int


class ExportDocumentLabelRow(NamedTuple):
    """One answer to a document-level question, with its document's title."""

    document_id: str
    document_title: str
    annotator: str
    question: str
    value: str
    note: str
    created: str
    updated: str


def _span_filter(annotators: Sequence[str] | None, gold: bool, label_ids: Sequence[str] | None,
                 done_only: bool) -> tuple[str, list[Any]]:
    """WHERE clause (over alias s) for the live spans an export selects."""
    people, params = [f"NOT {_IS_GOLD}"], []
    if annotators is not None:
        if annotators:
            people.append(f"s.annotator IN ({', '.join('?' for _ in annotators)})")
            params += list(annotators)
        else:
            people.append("0")
    if done_only:
        people.append(_DONE)
    who = "(" + " AND ".join(people) + ")"
    if gold:
        who = f"({who} OR {_IS_GOLD})"
    clauses = ["s.deleted = 0", who]
    if label_ids is not None:
        clauses.append(f"s.label_id IN ({', '.join('?' for _ in label_ids) or 'NULL'})")
        params += list(label_ids)
    return " AND ".join(clauses), params


class ExportQueries:
    """Mixin of Project: read-only, batched queries that exports stream from."""

    def export_span_count(self, annotators: Sequence[str] | None = None, gold: bool = False,
                          label_ids: Sequence[str] | None = None, done_only: bool = False) -> int:
        """How many live spans an export with these choices writes."""
        where, params = _span_filter(annotators, gold, label_ids, done_only)
        return self.db.execute(f"SELECT count(*) FROM spans s WHERE {where}", params).fetchone()[0]

    def iter_export_spans(self, annotators: Sequence[str] | None = None, gold: bool = False,
                          label_ids: Sequence[str] | None = None, done_only: bool = False,
                          batch: int = 5000) -> Iterator[ExportSpanRow]:
        """Selected live spans joined with document and label, in document then text order.

        `annotators` None means every annotator; an empty list means none (gold only). Gold spans
        (origin "adjudication") come with annotator "gold" when `gold` is true, never otherwise.
        """
        where, params = _span_filter(annotators, gold, label_ids, done_only)
        cursor = self.db.execute(
            "SELECT s.id, s.document_id, d.title, d.outlet, d.published, "
            f"{_SHOWN_ANNOTATOR} AS shown, s.label_id, coalesce(l.name, s.label_id), "
            's.start, s."end", s.text, s.note, s.attributes, s.origin, s.codebook_version, '
            "s.created, s.updated "
            "FROM spans s JOIN documents d ON d.id = s.document_id "
            "LEFT JOIN labels l ON l.id = s.label_id "
            f"WHERE {where} "
            'ORDER BY d.position, s.start, s."end", shown, s.created, s.id',
            params,
        )
        make = ExportSpanRow._make
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from map(make, rows)

    def export_document_spans(self, document_id: str, annotators: Sequence[str] | None = None,
                              gold: bool = False, label_ids: Sequence[str] | None = None) -> list[Span]:
        """One document's selected live spans in text order, gold ones under annotator "gold"."""
        where, params = _span_filter(annotators, gold, label_ids, False)
        cursor = self.db.execute(
            f"SELECT s.id, {_SHOWN_ANNOTATOR}, s.label_id, s.start, s.\"end\", s.text, s.note, "
            "s.attributes, s.origin, s.codebook_version, s.created, s.updated "
            f"FROM spans s WHERE s.document_id = ? AND {where} "
            'ORDER BY s.start, s."end" DESC, 2, s.created, s.id',
            [document_id] + params,
        )
        return [
            Span(id=r[0], document_id=document_id, annotator=r[1], label_id=r[2], start=r[3],
                 end=r[4], text=r[5], note=r[6], attributes=json.loads(r[7]), origin=r[8],
                 codebook_version=r[9], created=r[10], updated=r[11])
            for r in cursor.fetchall()
        ]

    def iter_document_summaries(self, batch: int = 1000) -> Iterator[DocumentSummary]:
        """Every document's metadata (no text) in import order, read in batches."""
        last = -1
        while True:
            rows = self.db.execute(
                "SELECT id, position, title, outlet, url, published, language, length "
                "FROM documents WHERE position > ? ORDER BY position LIMIT ?",
                [last, batch],
            ).fetchall()
            if not rows:
                return
            yield from map(DocumentSummary._make, rows)
            last = rows[-1][1]

    def document_statuses(self, document_id: str) -> dict[str, str]:
        """Each annotator's recorded status for one document (annotators never set are absent)."""
        rows = self.db.execute(
            "SELECT annotator, status FROM assignments WHERE document_id = ?", [document_id]
        ).fetchall()
        return dict(rows)

    def document_has_gold(self, document_id: str) -> bool:
        """True when the document has at least one live adjudicated (gold) span."""
        return self.db.execute(
            f"SELECT 1 FROM spans s WHERE s.document_id = ? AND s.deleted = 0 AND {_IS_GOLD} LIMIT 1",
            [document_id],
        ).fetchone() is not None

    def iter_export_document_labels(self, annotators: Sequence[str] | None = None, gold: bool = False,
                                    questions: Sequence[str] | None = None, done_only: bool = False,
                                    document_id: str | None = None,
                                    batch: int = 5000) -> Iterator[ExportDocumentLabelRow]:
        """Live answers to document-level questions, in document order.

        Answers stored under annotator "gold" are the adjudicated ones; they come only when
        `gold` is true. `annotators` None means every other annotator, [] none.
        """
        people, params = [f"dl.annotator != '{GOLD}'"], []
        if annotators is not None:
            people.append(f"dl.annotator IN ({', '.join('?' for _ in annotators) or 'NULL'})")
            params += list(annotators)
        if done_only:
            people.append(
                "EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = dl.document_id "
                "AND a.annotator = dl.annotator AND a.status = 'done')"
            )
        who = "(" + " AND ".join(people) + ")"
        if gold:
            who = f"({who} OR dl.annotator = '{GOLD}')"
        clauses = ["dl.deleted = 0", who]
        if questions is not None:
            clauses.append(f"dl.question IN ({', '.join('?' for _ in questions) or 'NULL'})")
            params += list(questions)
        if document_id is not None:
            clauses.append("dl.document_id = ?")
            params.append(document_id)
        cursor = self.db.execute(
            "SELECT dl.document_id, d.title, dl.annotator, dl.question, dl.value, dl.note, "
            "dl.created, dl.updated FROM document_labels dl JOIN documents d ON d.id = dl.document_id "
            f"WHERE {' AND '.join(clauses)} "
            "ORDER BY d.position, dl.annotator, dl.question, dl.created",
            params,
        )
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from map(ExportDocumentLabelRow._make, rows)
