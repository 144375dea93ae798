"""Spans in the project file: add, edit, delete (as tombstones), restore and read."""

from __future__ import annotations

import json
from typing import Any, Iterable

from annotator.core.change import Action, Change
from annotator.core.errors import DuplicateSpan, InvalidSpan, NotFound, ProjectError
from annotator.core.model import Span, now_iso, validate_offsets
from annotator.store.codebook_store import CodebookStore
from annotator.store.rows import SPAN_COLUMNS, span_from_row, span_to_row
from annotator.store.segments import CodedSegment, coded_segments, segment_counts
from annotator.store.team import Team, check_owner
from annotator.store.transactions import ProjectDatabase

EDITABLE_SPAN_FIELDS = ("label_id", "start", "end", "note", "attributes")
_INSERT = f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({', '.join('?' for _ in SPAN_COLUMNS.split(','))})"


class Spans:
    """The spans table. Every write is one transaction; deletions keep a tombstone for merges."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore, team: Team):
        self.db = db
        self.codebook = codebook
        self.team = team

    # -- checks and the one insert ------------------------------------------------------------

    def check(self, span: Span) -> None:
        """Raise InvalidSpan unless the span fits its document's text and uses a span label."""
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
        self.check_unique(span)

    def live_twin(self, document_id: str, annotator: str, label_id: str, start: int, end: int,
                  other_than: str = "") -> str | None:
        """The id of the annotator's live span with this label on these offsets (other than `other_than`)."""
        row = self.db.execute(
            'SELECT id FROM spans WHERE document_id = ? AND annotator = ? AND label_id = ? AND start = ? '
            'AND "end" = ? AND deleted = 0 AND id != ?',
            [document_id, annotator, label_id, start, end, other_than],
        ).fetchone()
        return row[0] if row else None

    def check_unique(self, span: Span) -> None:
        """Raise DuplicateSpan when the annotator has another live span with this label on these offsets."""
        if self.live_twin(span.document_id, span.annotator, span.label_id, span.start, span.end, span.id):
            row = self.db.execute("SELECT name FROM labels WHERE id = ?", [span.label_id]).fetchone()
            excerpt = " ".join(span.text.split())
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
            raise DuplicateSpan(f"{span.annotator} already has a span labelled “{row[0] if row else span.label_id}” "
                                f"on “{excerpt}”; the same span is not recorded twice")

    def insert(self, span: Span) -> None:
        """Write one checked span row (inside the caller's transaction)."""
        self.insert_many([span])

    def insert_many(self, spans: Iterable[Span]) -> None:
        """Write checked span rows in one batch (inside the caller's transaction): the only place
        spans are inserted."""
        self.db.executemany(_INSERT, [list(span_to_row(span).values()) for span in spans])

    # -- writing --------------------------------------------------------------------------------

    def add(self, span: Span) -> Change:
        """Store a new span after checking its offsets, text and label."""
        return self.add_many([span])

    def add_many(self, spans: Iterable[Span], by_adjudication: bool = False) -> Change:
        """Store several new spans in one transaction (all or none).

        Gold spans (annotator "gold", origin "adjudication") are refused unless adjudication writes them.
        """
        ids: list[str] = []
        docs: set[str] = set()
        with self.db.atomic():
            version = self.codebook.version()
            for span in spans:
                check_owner(span.annotator, span.origin, by_adjudication)
                self.check(span)
                if not span.codebook_version:
                    span.codebook_version = version
                self.team.ensure(span.annotator, by_adjudication)
                self.insert(span)
                ids.append(span.id)
                docs.add(span.document_id)
        return Change(Action.SPANS_ADDED, spans=ids, documents=sorted(docs))

    def update(self, span_id: str, **changes: Any) -> Change:
        """Change a span's label, offsets, note or attributes; the covered text follows the offsets."""
        unknown = set(changes) - set(EDITABLE_SPAN_FIELDS)
        if unknown:
            fields = "field" if len(unknown) == 1 else "fields"
            raise ProjectError(f"cannot change span {fields} {', '.join(sorted(unknown))}")
        with self.db.atomic():
            span = self.get(span_id)
            if span.deleted:
                raise ProjectError("this span was deleted; restore it before editing")
            for key, value in changes.items():
                setattr(span, key, value)
            length = self.db.execute("SELECT length FROM documents WHERE id = ?", [span.document_id]).fetchone()[0]
            validate_offsets(span.start, span.end, length)
            span.text = self.db.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                        [span.start + 1, span.end - span.start, span.document_id]).fetchone()[0]
            self.check(span)
            span.updated = now_iso()
            self.db.execute(
                'UPDATE spans SET label_id = ?, start = ?, "end" = ?, text = ?, note = ?, '
                "attributes = ?, updated = ? WHERE id = ?",
                [span.label_id, span.start, span.end, span.text, span.note,
                 json.dumps(span.attributes, ensure_ascii=False, sort_keys=True), span.updated, span_id],
            )
        return Change(Action.SPAN_CHANGED, spans=[span_id], documents=[span.document_id],
                      details={"fields": sorted(changes)})

    def _set_deleted(self, span_ids: list[str], deleted: bool) -> Change:
        docs: set[str] = set()
        with self.db.atomic():
            stamp = now_iso()
            for span_id in span_ids:
                span = self.get(span_id)
                docs.add(span.document_id)
                if not deleted and span.deleted:
                    self.check_unique(span)
                self.db.execute(
                    "UPDATE spans SET deleted = ?, updated = ? WHERE id = ?",
                    [int(deleted), stamp, span_id],
                )
        return Change(Action.SPANS_DELETED if deleted else Action.SPANS_RESTORED,
                      spans=list(span_ids), documents=sorted(docs))

    def delete(self, span_id: str) -> Change:
        """Delete a span, keeping a tombstone so the deletion travels in merges."""
        return self._set_deleted([span_id], True)

    def delete_many(self, span_ids: Iterable[str]) -> Change:
        """Delete several spans in one transaction."""
        return self._set_deleted(list(span_ids), True)

    def restore(self, span_id: str) -> Change:
        """Bring back a deleted span (undo of a deletion)."""
        return self._set_deleted([span_id], False)

    def restore_many(self, span_ids: Iterable[str]) -> Change:
        """Bring back several deleted spans in one transaction."""
        return self._set_deleted(list(span_ids), False)

    # -- reading --------------------------------------------------------------------------------

    def get(self, span_id: str) -> Span:
        """The span with this id, live or deleted (NotFound when absent)."""
        row = self.db.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise NotFound("span", span_id)
        return span_from_row(row)

    def of_document(self, document_id: str, annotator: str | None = None,
                    include_deleted: bool = False, unfiltered: bool = False) -> list[Span]:
        """A document's spans in text order, optionally one annotator's only.

        Without `annotator` (everyone's spans) only the work the identified reader may see comes back
        (Team.visibility); `unfiltered` is for the store's own lead-only steps (adjudication).
        """
        sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ?"
        params: list[Any] = [document_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        if not include_deleted:
            sql += " AND deleted = 0"
        sql += ' ORDER BY start, "end" DESC, created'
        spans = [span_from_row(r) for r in self.db.execute(sql, params).fetchall()]
        if annotator is None and not unfiltered:
            visibility = self.team.visibility()
            if not visibility.sees_everyone:
                spans = [s for s in spans if visibility.allows(s.annotator) and s.origin != "adjudication"]
        return spans

    def count(self, annotator: str | None = None) -> int:
        """How many live spans the project holds (of one annotator)."""
        sql, params = "SELECT count(*) FROM spans WHERE deleted = 0", []
        if annotator:
            sql += " AND annotator = ?"
            params.append(annotator)
        return self.db.execute(sql, params).fetchone()[0]

    def segments(self, label_ids: list[str], annotator: str | None = None) -> list[CodedSegment]:
        """Code retrieval: live spans with one of `label_ids` across the corpus, with their context."""
        return coded_segments(self.db, label_ids, annotator)

    def segment_counts(self, annotator: str | None = None) -> dict[str, int]:
        """Live spans per label id across the corpus (of one annotator), for code retrieval."""
        return segment_counts(self.db, annotator)
