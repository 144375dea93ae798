"""Documents in the project file: adding (deduplicated by content hash), reading, listing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple

from annotator.core.change import Action, Change
from annotator.core.errors import NotFound, ProjectError, UnstorableText
from annotator.core.model import Document, now_iso
from annotator.core.text import storable_bytes, stored_text_problem
from annotator.store.rows import DOCUMENT_COLUMNS, document_from_row
from annotator.store.transactions import ProjectDatabase


@dataclass
class DocumentRow:
    """One line of the document list: what the list shows, without the text."""

    id: str
    position: int
    title: str
    outlet: str
    published: str
    length: int
    status: str
    span_count: int


@dataclass
class AddedDocuments:
    """The outcome of adding documents: new ids and ids already in the project."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def change(self) -> Change:
        return Change(Action.DOCUMENTS_ADDED, documents=list(self.added))


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


SORT_COLUMNS = {
    "position": "d.position",
    "title": "d.title COLLATE NOCASE",
    "outlet": "d.outlet COLLATE NOCASE",
    "published": "d.published",
    "status": "status",
    "spans": "span_count",
    "length": "d.length",
}


class Documents:
    """The documents table: texts that never change once stored, in import order."""

    def __init__(self, db: ProjectDatabase):
        self.db = db

    def add(self, documents: Iterable[Document]) -> AddedDocuments:
        """Add documents in one transaction; a document whose text is already stored is skipped.

        A text that stored_text_problem refuses (BOM, CR, control characters, lone surrogates)
        raises ProjectError and nothing is added.
        """
        with self.db.atomic():
            return self.insert_new(list(documents))

    def insert_new(self, documents: list[Document]) -> AddedDocuments:
        """Insert the documents not yet stored (inside the caller's transaction): one look-up per
        few hundred documents and one batched insert, so that a corpus imports at the speed of SQLite."""
        result = AddedDocuments()
        for index, doc in enumerate(documents):
            data = storable_bytes(doc.text)  # one encoding for both checks
            if data is None:
                raise UnstorableText(index, doc.title or doc.filename, stored_text_problem(doc.text) or "")
            if doc.id != hashlib.sha256(data).hexdigest():  # document_id_for, on the bytes at hand
                raise ProjectError(f"document {doc.title!r}: its id is not the hash of its text")
        present: set[str] = set()
        ids = list(dict.fromkeys(doc.id for doc in documents))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            present.update(row[0] for row in self.db.execute(
                f"SELECT id FROM documents WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
        position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
        stamp = now_iso()
        rows = []
        for doc in documents:
            if doc.id in present:
                result.duplicates.append(doc.id)
                continue
            present.add(doc.id)
            rows.append([doc.id, position, doc.title, doc.text, len(doc.text), doc.outlet, doc.url,
                         doc.author, doc.published, doc.language, doc.filename,
                         json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True), stamp])
            position += 1
            result.added.append(doc.id)
        if rows:
            self.db.executemany(
                "INSERT INTO documents (id, position, title, text, length, outlet, url, author, "
                "published, language, filename, metadata, imported) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return result

    def has(self, document_id: str) -> bool:
        """True when the project holds a document with this id."""
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def require(self, document_id: str) -> None:
        """Raise NotFound unless the document exists."""
        if not self.has(document_id):
            raise NotFound("document", document_id)

    def get(self, document_id: str) -> Document:
        """The document with this id (NotFound when absent)."""
        row = self.db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFound("document", document_id)
        return document_from_row(row)

    def text(self, document_id: str) -> str:
        """A document's stored text (NotFound when absent)."""
        row = self.db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise NotFound("document", document_id)
        return row[0]

    def ids(self) -> list[str]:
        """Every document id in import order."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]

    def resolve_ids(self, references: Iterable[str]) -> list[str]:
        """Turn full document ids or unambiguous id prefixes into ids; unknown ones are an error."""
        resolved: list[str] = []
        for ref in references:
            ref = ref.strip().lower()
            rows = self.db.execute(
                "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                [ref, ref + "\uffff"],
            ).fetchall() if ref else []
            if not rows:
                raise ProjectError(f"no document with id {ref!r} in this project")
            if len(rows) > 1 and rows[0][0] != ref:
                raise ProjectError(f"{ref!r} starts several document ids; give more characters")
            resolved.append(rows[0][0])
        return list(dict.fromkeys(resolved))

    def summaries(self, batch: int = 1000) -> Iterator[DocumentSummary]:
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

    def iter_all(self, batch: int = 500) -> Iterator[Document]:
        """Every document in import order, read in batches (for exports of large projects)."""
        last = -1
        while True:
            rows = self.db.execute(
                f"SELECT position, {DOCUMENT_COLUMNS} FROM documents WHERE position > ? "
                "ORDER BY position LIMIT ?",
                [last, batch],
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield document_from_row(row[1:])
            last = rows[-1][0]

    def count(self, filter_text: str = "", annotator: str | None = None,
              status: str | None = None, assigned_only: bool = False) -> int:
        """How many documents the list shows with these filters (see `rows`)."""
        where, params = self._document_filter(filter_text, annotator, status, assigned_only)
        return self.db.execute(
            f"SELECT count(*) FROM documents d {self._status_join()} WHERE {where}",
            [annotator or ""] + params,
        ).fetchone()[0]

    @staticmethod
    def _status_join() -> str:
        return "LEFT JOIN assignments a ON a.document_id = d.id AND a.annotator = ?"

    @staticmethod
    def _document_filter(filter_text: str, annotator: str | None, status: str | None,
                         assigned_only: bool = False) -> tuple[str, list]:
        clauses, params = ["1"], []
        if assigned_only:
            clauses.append("a.assigned = 1 AND a.removed = 0")
        if filter_text:
            clauses.append("(d.title LIKE ? OR d.outlet LIKE ? OR d.published LIKE ?)")
            like = f"%{filter_text}%"
            params += [like, like, like]
        if status:
            clauses.append("coalesce(a.status, 'todo') = ?")
            params.append(status)
        return " AND ".join(clauses), params

    def rows(self, offset: int = 0, limit: int = 200, filter_text: str = "",
             annotator: str | None = None, sort: str = "position",
             descending: bool = False, status: str | None = None,
             only_id: str | None = None, assigned_only: bool = False) -> list[DocumentRow]:
        """A page of the document list with this annotator's status and span counts.

        `only_id` restricts the page to one document (to refresh a single row); `assigned_only` to the
        documents assigned to `annotator`.
        """
        order = SORT_COLUMNS.get(sort)
        if order is None:
            raise ProjectError(f"cannot sort documents by {sort!r}")
        where, params = self._document_filter(filter_text, annotator, status, assigned_only)
        if only_id:
            where += " AND d.id = ?"
            params.append(only_id)
        if sort != "spans":
            return self._document_page(where, params, order, descending, limit, offset, annotator,
                                       by_status=status is not None or sort == "status" or assigned_only)
        sql = (
            "SELECT d.id, d.position, d.title, d.outlet, d.published, d.length, "
            "coalesce(a.status, 'todo') AS status, "
            "(SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.deleted = 0"
            + (" AND s.annotator = ?" if annotator else "")
            + ") AS span_count "
            f"FROM documents d {self._status_join()} WHERE {where} "
            f"ORDER BY {order} {'DESC' if descending else 'ASC'}, d.position LIMIT ? OFFSET ?"
        )
        args = ([annotator] if annotator else []) + [annotator or ""] + params + [limit, offset]
        return [DocumentRow(*row) for row in self.db.execute(sql, args).fetchall()]

    def _document_page(self, where: str, params: list, order: str, descending: bool, limit: int, offset: int,
                       annotator: str | None, by_status: bool) -> list[DocumentRow]:
        """A page in an order that needs no span counts, in cheap steps: the page's ids (sorting on
        the key alone, joining statuses only to filter or sort by them), then the list columns,
        statuses and span counts of those rows only (computed inside the paged query, they would
        be computed for every row the OFFSET skips)."""
        tie = "" if order == "d.position" else ", d.position"
        join, join_params = (self._status_join(), [annotator or ""]) if by_status else ("", [])
        page = [row[0] for row in self.db.execute(
            f"SELECT d.id FROM documents d {join} "
            f"WHERE {where} ORDER BY {order} {'DESC' if descending else 'ASC'}{tie} LIMIT ? OFFSET ?",
            join_params + params + [limit, offset],
        )]
        columns: dict[str, tuple] = {}
        counts: dict[str, int] = {}
        statuses: dict[str, str] = {}
        for first in range(0, len(page), 500):
            ids = page[first:first + 500]
            marks = ", ".join("?" for _ in ids)
            statuses.update(self.db.execute(
                f"SELECT document_id, status FROM assignments WHERE annotator = ? AND document_id IN ({marks})",
                [annotator or ""] + ids).fetchall())
            for row in self.db.execute("SELECT id, position, title, outlet, published, length FROM documents "
                                       f"WHERE id IN ({marks})", ids):
                columns[row[0]] = row
            sql = (f"SELECT document_id, count(*) FROM spans WHERE document_id IN ({marks}) AND deleted = 0"
                   + (" AND annotator = ?" if annotator else "") + " GROUP BY document_id")
            counts.update(self.db.execute(sql, ids + ([annotator] if annotator else [])).fetchall())
        return [DocumentRow(*columns[doc_id], statuses.get(doc_id, "todo"), counts.get(doc_id, 0))
                for doc_id in page]
