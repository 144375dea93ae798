"""Document memos: each annotator's free notes on a whole article (the document_memos table)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.change import Action, Change
from annotator.core.model import now_iso
from annotator.store.documents import Documents
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase


@dataclass(frozen=True)
class DocumentMemo:
    """One annotator's memo on one document."""

    document_id: str
    annotator: str
    text: str
    updated: str


class Memos:
    """One memo per annotator per document; an empty memo is kept as a deletion so that it merges."""

    def __init__(self, db: ProjectDatabase, documents: Documents, team: Team):
        self.db = db
        self.documents = documents
        self.team = team

    def get(self, document_id: str, annotator: str) -> str:
        """The annotator's memo on the document ("" when none)."""
        row = self.db.execute("SELECT text FROM document_memos WHERE document_id = ? AND annotator = ? AND deleted = 0",
                              [document_id, annotator]).fetchone()
        return row[0] if row else ""

    def set(self, document_id: str, annotator: str, text: str) -> Change:
        """Write (or, with empty text, clear) the annotator's memo on a document."""
        with self.db.atomic():
            self.documents.require(document_id)
            self.team.ensure(annotator)
            stamp = now_iso()
            self.db.execute(
                "INSERT INTO document_memos (document_id, annotator, text, created, updated, deleted) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(document_id, annotator) DO UPDATE SET "
                "text = excluded.text, updated = excluded.updated, deleted = excluded.deleted",
                [document_id, annotator, text, stamp, stamp, int(not text.strip())])
        return Change(Action.MEMO_SET, documents=[document_id], annotators=[annotator])

    def find(self, document_id: str | None = None, annotator: str | None = None) -> list[DocumentMemo]:
        """Live memos, optionally of one document or one annotator, in document order.

        Only the memos the identified reader may see come back (Team.visibility: under blind coding a
        coder reads their own memos only).
        """
        sql = ("SELECT m.document_id, m.annotator, m.text, m.updated FROM document_memos m "
               "JOIN documents d ON d.id = m.document_id WHERE m.deleted = 0")
        params: list[str] = []
        if document_id is not None:
            sql += " AND m.document_id = ?"
            params.append(document_id)
        if annotator is not None:
            sql += " AND m.annotator = ?"
            params.append(annotator)
        visibility = self.team.visibility()
        return [DocumentMemo(*row) for row in self.db.execute(sql + " ORDER BY d.position, m.annotator", params)
                if visibility.allows(row[1])]
