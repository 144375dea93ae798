"""Answers to document-level questions (the document_labels table)."""

from __future__ import annotations

import json

from annotator.core.change import Action, Change
from annotator.core.errors import ProjectError
from annotator.core.model import DocumentLabel, new_uuid, now_iso
from annotator.store.documents import Documents
from annotator.store.rows import DOCUMENT_LABEL_COLUMNS, document_label_from_row
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase


class Answers:
    """Each annotator's answers to the codebook's document questions."""

    def __init__(self, db: ProjectDatabase, documents: Documents, team: Team):
        self.db = db
        self.documents = documents
        self.team = team

    def set(self, document_id: str, annotator: str, question: str, value: str, note: str | None = None,
            by_adjudication: bool = False) -> Change:
        """Record an annotator's answer to a question about a document; an empty value clears it.

        The answer's note stays as it is (one from an import or a merge too) unless `note` is given.
        The gold standard's answers are refused unless adjudication writes them (`by_adjudication`).
        """
        with self.db.atomic():
            if not self.documents.has(document_id):
                raise ProjectError(f"unknown document {document_id}")
            row = self.db.execute("SELECT kind, choices FROM labels WHERE id = ?", [question]).fetchone()
            if row is None or row[0] != "document":
                raise ProjectError(f"{question!r} is not a document-level question of the codebook")
            valid = {c["id"] for c in json.loads(row[1])}
            for part in filter(None, value.split("|")):
                if part not in valid:
                    raise ProjectError(f"{part!r} is not an answer of question {question!r}")
            self.team.ensure(annotator, by_adjudication)
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
                    return Change(Action.NOTHING_TO_CLEAR)
                label_id = new_uuid()
                self.db.execute(
                    f"INSERT INTO document_labels ({DOCUMENT_LABEL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    [label_id, document_id, annotator, question, value, note or "", stamp, stamp],
                )
        return Change(Action.DOCUMENT_LABEL_SET, document_labels=[label_id], documents=[document_id])

    def find(self, document_id: str | None = None, annotator: str | None = None,
             include_deleted: bool = False, unfiltered: bool = False) -> list[DocumentLabel]:
        """Answers to document-level questions, filtered by document and annotator.

        Without `annotator` (everyone's answers) only what the identified reader may see comes back
        (Team.visibility); `unfiltered` is for the store's own lead-only steps (adjudication).
        """
        sql, params = f"SELECT {DOCUMENT_LABEL_COLUMNS} FROM document_labels WHERE 1", []
        if document_id:
            sql += " AND document_id = ?"
            params.append(document_id)
        if annotator:
            sql += " AND annotator = ?"
            params.append(annotator)
        if not include_deleted:
            sql += " AND deleted = 0"
        found = [document_label_from_row(r) for r in self.db.execute(sql + " ORDER BY created", params)]
        if annotator is None and not unfiltered:
            visibility = self.team.visibility()
            if not visibility.sees_everyone:
                found = [a for a in found if visibility.allows(a.annotator)]
        return found
