"""Spans in the project file: add, edit, delete (as tombstones), restore and read."""

from __future__ import annotations

import json
from typing import Any, Iterable

from annotator.core.change import Change
from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import Span, now_iso, validate_offsets
from annotator.store.rows import SPAN_COLUMNS, span_from_row, span_to_row

EDITABLE_SPAN_FIELDS = ("label_id", "start", "end", "note", "attributes")


class SpanStore:
    """Mixin of Project: the spans table."""

    def _check_span(self, span: Span) -> None:
        # The stored `length` column (code points, like Python) saves counting the whole text;
        # substr counts characters too, so only the covered part is returned.
        start = span.start if isinstance(span.start, int) else 0
        end = span.end if isinstance(span.end, int) else 0
        row = self.db.execute(
            "SELECT length, substr(text, ?, ?) FROM documents WHERE id = ?",
            [start + 1, max(end - start, 0), span.document_id],
        ).fetchone()
        if row is None:
            raise InvalidSpan(f"span refers to unknown document {span.document_id}")
        span.check_fits(row[0], row[1] if start >= 0 else "")
        row = self.db.execute("SELECT kind FROM labels WHERE id = ?", [span.label_id]).fetchone()
        if row is None:
            raise InvalidSpan(f"span refers to unknown label {span.label_id!r}")
        if row[0] != "span":
            raise InvalidSpan(f"label {span.label_id!r} is a document-level question, not a span label")

    def add_span(self, span: Span) -> Change:
        """Store a new span after checking its offsets, text and label."""
        return self.add_spans([span])

    def add_spans(self, spans: Iterable[Span]) -> Change:
        """Store several new spans in one transaction (all or none)."""
        ids: list[str] = []
        docs: set[str] = set()
        with self.db.atomic():
            version = self.codebook_version()
            for span in spans:
                self._check_span(span)
                if not span.codebook_version:
                    span.codebook_version = version
                self.ensure_annotator(span.annotator)
                row = span_to_row(span)
                cols = ", ".join(f'"{k}"' for k in row)
                marks = ", ".join("?" for _ in row)
                self.db.execute(f"INSERT INTO spans ({cols}) VALUES ({marks})", list(row.values()))
                ids.append(span.id)
                docs.add(span.document_id)
        return Change("spans added", spans=ids, documents=sorted(docs))

    def span(self, span_id: str) -> Span:
        """The span with this id, live or deleted (KeyError when absent)."""
        row = self.db.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise KeyError(span_id)
        return span_from_row(row)

    def spans(self, document_id: str, annotator: str | None = None,
              include_deleted: bool = False) -> list[Span]:
        """A document's spans in text order, optionally one annotator's only."""
        sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ?"
        params: list[Any] = [document_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        if not include_deleted:
            sql += " AND deleted = 0"
        sql += ' ORDER BY start, "end" DESC, created'
        return [span_from_row(r) for r in self.db.execute(sql, params).fetchall()]

    def update_span(self, span_id: str, **changes: Any) -> Change:
        """Change a span's label, offsets, note or attributes; the covered text follows the offsets."""
        unknown = set(changes) - set(EDITABLE_SPAN_FIELDS)
        if unknown:
            raise ProjectError(f"cannot change span field(s) {', '.join(sorted(unknown))}")
        with self.db.atomic():
            span = self.span(span_id)
            if span.deleted:
                raise ProjectError("this span was deleted; restore it before editing")
            for key, value in changes.items():
                setattr(span, key, value)
            text = self.document_text(span.document_id)
            validate_offsets(span.start, span.end, len(text))
            span.text = text[span.start : span.end]
            self._check_span(span)
            span.updated = now_iso()
            self.db.execute(
                'UPDATE spans SET label_id = ?, start = ?, "end" = ?, text = ?, note = ?, '
                "attributes = ?, updated = ? WHERE id = ?",
                [span.label_id, span.start, span.end, span.text, span.note,
                 json.dumps(span.attributes, ensure_ascii=False, sort_keys=True), span.updated, span_id],
            )
        return Change("span changed", spans=[span_id], documents=[span.document_id],
                      details={"fields": sorted(changes)})

    def _set_deleted(self, span_ids: list[str], deleted: bool) -> Change:
        docs: set[str] = set()
        with self.db.atomic():
            stamp = now_iso()
            for span_id in span_ids:
                span = self.span(span_id)
                docs.add(span.document_id)
                self.db.execute(
                    "UPDATE spans SET deleted = ?, updated = ? WHERE id = ?",
                    [int(deleted), stamp, span_id],
                )
        return Change("spans deleted" if deleted else "spans restored",
                      spans=list(span_ids), documents=sorted(docs))

    def delete_span(self, span_id: str) -> Change:
        """Delete a span, keeping a tombstone so the deletion travels in merges."""
        return self._set_deleted([span_id], True)

    def delete_spans(self, span_ids: list[str]) -> Change:
        return self._set_deleted(list(span_ids), True)

    def restore_span(self, span_id: str) -> Change:
        """Bring back a deleted span (undo of a deletion)."""
        return self._set_deleted([span_id], False)

    def restore_spans(self, span_ids: list[str]) -> Change:
        return self._set_deleted(list(span_ids), False)

    def span_count(self, annotator: str | None = None) -> int:
        sql, params = "SELECT count(*) FROM spans WHERE deleted = 0", []
        if annotator:
            sql += " AND annotator = ?"
            params.append(annotator)
        return self.db.execute(sql, params).fetchone()[0]

    def label_counts(self, document_id: str, annotator: str | None = None) -> dict[str, int]:
        """How many live spans each label has in a document."""
        sql = "SELECT label_id, count(*) FROM spans WHERE document_id = ? AND deleted = 0"
        params: list[Any] = [document_id]
        if annotator:
            sql += " AND annotator = ?"
            params.append(annotator)
        return dict(self.db.execute(sql + " GROUP BY label_id", params).fetchall())
