"""Document-level answers and per-annotator document status (assignments)."""

from __future__ import annotations

from annotator.core.change import Change
from annotator.core.errors import ProjectError
from annotator.core.model import ASSIGNMENT_STATUSES, DocumentLabel, new_uuid, now_iso
from annotator.store.rows import DOCUMENT_LABEL_COLUMNS, document_label_from_row


class DocumentLabelStore:
    """Mixin of Project: document_labels and assignments tables."""

    def set_document_label(self, document_id: str, annotator: str, question: str,
                           value: str, note: str | None = None) -> Change:
        """Record an annotator's answer to a question about a document; an empty value clears it.

        The answer's note stays as it is (one from an import or a merge too) unless `note` is given.
        """
        with self.db.atomic():
            if not self.has_document(document_id):
                raise ProjectError(f"unknown document {document_id}")
            row = self.db.execute("SELECT kind, choices FROM labels WHERE id = ?", [question]).fetchone()
            if row is None or row[0] != "document":
                raise ProjectError(f"{question!r} is not a document-level question of the codebook")
            import json

            valid = {c["id"] for c in json.loads(row[1])}
            for part in filter(None, value.split("|")):
                if part not in valid:
                    raise ProjectError(f"{part!r} is not an answer of question {question!r}")
            self.ensure_annotator(annotator)
            existing = self.db.execute(
                "SELECT id FROM document_labels WHERE document_id = ? AND annotator = ? AND question = ? "
                "ORDER BY deleted, updated DESC LIMIT 1",
                [document_id, annotator, question],
            ).fetchone()
            stamp = now_iso()
            if existing:
                label_id = existing[0]
                self.db.execute(
                    "UPDATE document_labels SET value = ?, note = coalesce(?, note), updated = ?, deleted = ? "
                    "WHERE id = ?",
                    [value, note, stamp, int(not value), label_id],
                )
            else:
                if not value:
                    return Change("nothing to clear")
                label_id = new_uuid()
                self.db.execute(
                    f"INSERT INTO document_labels ({DOCUMENT_LABEL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [label_id, document_id, annotator, question, value, note or "", stamp, stamp],
                )
        return Change("document label set", document_labels=[label_id], documents=[document_id])

    def document_labels(self, document_id: str | None = None, annotator: str | None = None,
                        include_deleted: bool = False) -> list[DocumentLabel]:
        """Answers to document-level questions, filtered by document and annotator."""
        sql, params = f"SELECT {DOCUMENT_LABEL_COLUMNS} FROM document_labels WHERE 1", []
        if document_id:
            sql += " AND document_id = ?"
            params.append(document_id)
        if annotator:
            sql += " AND annotator = ?"
            params.append(annotator)
        if not include_deleted:
            sql += " AND deleted = 0"
        return [document_label_from_row(r) for r in self.db.execute(sql + " ORDER BY created", params)]

    def set_status(self, annotator: str, document_id: str, status: str) -> Change:
        """Set this annotator's status for a document (todo, in progress, done)."""
        if status not in ASSIGNMENT_STATUSES:
            raise ProjectError(f"unknown status {status!r}: use {', '.join(ASSIGNMENT_STATUSES)}")
        with self.db.atomic():
            if not self.has_document(document_id):
                raise ProjectError(f"unknown document {document_id}")
            self.ensure_annotator(annotator)
            self.db.execute(
                "INSERT INTO assignments (annotator, document_id, status, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(annotator, document_id) DO UPDATE SET status = excluded.status, "
                "updated = excluded.updated, removed = 0",
                [annotator, document_id, status, now_iso()],
            )
        return Change("status set", documents=[document_id], details={"status": status})

    def status(self, annotator: str, document_id: str) -> str:
        """This annotator's status for a document ("todo" when never set)."""
        row = self.db.execute(
            "SELECT status FROM assignments WHERE annotator = ? AND document_id = ?",
            [annotator, document_id],
        ).fetchone()
        return row[0] if row else "todo"
