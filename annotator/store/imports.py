"""Imports in the project file: everything one file brings, stored in batches inside ONE transaction.

A file's new labels, questions, choices and attributes, its documents, spans (with their ids),
answers, statuses and memos are written by one `ImportSession`; the file is stored whole or not
at all, however many batches it takes, and the codebook gets one history entry per file.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable, Iterator, Sequence

from annotator.core.change import Action, Change
from annotator.core.codebook import Codebook
from annotator.core.errors import InvalidSpan, ProjectError
from annotator.core.model import (
    ADJUDICATION_ORIGIN, ASSIGNMENT_STATUSES, Annotator, AttributeDef, Choice, Document, DocumentLabel, Label,
    Memo, Span, new_uuid, now_iso,
)
from annotator.store.codebook_store import CodebookStore
from annotator.store.documents import Documents
from annotator.store.import_codebook import CodebookAdditions
from annotator.store.spans import Spans
from annotator.store.team import Team, check_new_name
from annotator.store.transactions import ProjectDatabase

_CHUNK = 500  # ids per "IN (...)" query
# How far a status is: a file's status moves an annotator forward (todo -> in progress -> done), never back.
_RANK = "(CASE {0}.status WHEN 'done' THEN 2 WHEN 'in progress' THEN 1 ELSE 0 END)"


@dataclass
class ImportOutcome:
    """What one stored batch (or file) added: documents new and already present, spans, labels, answers."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    duplicates_of_this_import: set[str] = field(default_factory=set)  # repeats of a document of the same file
    spans: list[str] = field(default_factory=list)
    repeated_spans: int = 0
    labels: list[str] = field(default_factory=list)
    answers: int = 0
    kept_answers: int = 0
    statuses: int = 0
    memos: int = 0

    def change(self) -> Change:
        return Change(Action.DOCUMENTS_IMPORTED, documents=list(self.added), spans=list(self.spans),
                      labels=list(self.labels))

    def absorb(self, other: "ImportOutcome") -> None:
        """Add another batch's outcome to this one."""
        self.added += other.added
        self.duplicates += other.duplicates
        self.duplicates_of_this_import |= other.duplicates_of_this_import
        self.spans += other.spans
        self.repeated_spans += other.repeated_spans
        self.labels += other.labels
        self.answers += other.answers
        self.kept_answers += other.kept_answers
        self.statuses += other.statuses
        self.memos += other.memos


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class ImportSession:
    """One file's import, inside the transaction `Imports.session()` opened: codebook additions first,
    then batches of documents with what belongs to them. Nothing here commits; `finish` checks the
    codebook and writes its one history entry."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore, documents: Documents, spans: Spans,
                 team: Team):
        self.db = db
        self.codebook = codebook
        self.documents = documents
        self.spans = spans
        self.team = team
        self.book = CodebookAdditions(db, codebook)
        self._first_position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM documents").fetchone()[0]
        self._people: set[str] = set()
        self.total = ImportOutcome()

    # -- the codebook (see CodebookAdditions) -----------------------------------------------------

    @property
    def span_version(self) -> int:
        """The codebook version spans stored now belong to."""
        return self.book.span_version

    def add_labels(self, labels: Iterable[Label]) -> list[str]:
        """Add new labels and questions (parents before children) in one write; ids must be new."""
        added = self.book.add_labels(labels)
        self.total.labels += added
        return added

    def add_choices(self, question: str, choices: Iterable[Choice]) -> list[str]:
        """Add choices to a question of the codebook (those it has already are left out)."""
        return self.book.add_choices(question, choices)

    def add_attributes(self, attributes: Iterable[AttributeDef]) -> list[str]:
        """Add span attributes the codebook lacks; for one it has, add the choices it lacks."""
        return self.book.add_attributes(attributes)

    def set_header(self, book: Codebook) -> None:
        """Take a codebook's id, names and description (for a project that had no codebook)."""
        self.book.set_header(book)

    # -- people ---------------------------------------------------------------------------------

    def add_team(self, people: Iterable[Annotator]) -> list[str]:
        """Add the people a file names, in its order; a file's "lead" is taken only by a project
        without a lead. People already in the project keep their role."""
        rows = self.db.execute("SELECT name, role FROM annotators").fetchall()
        known = {name for name, _ in rows}
        has_lead = any(role == "lead" for _, role in rows)
        start = datetime.fromisoformat(now_iso())
        added = []
        for person in people:
            if person.name in known or not person.name.strip():
                continue
            check_new_name(person.name)  # the gold standard's name is reserved for adjudication; names are capped
            role = "lead" if person.role == "lead" and not has_lead else "annotator"
            has_lead = has_lead or role == "lead"
            created = (start + timedelta(microseconds=len(added))).isoformat(timespec="microseconds")
            self.db.execute("INSERT INTO annotators (name, role, created) VALUES (?, ?, ?)",
                            [person.name, role, created])
            known.add(person.name)
            self._people.add(person.name)
            added.append(person.name)
        return added

    def _ensure(self, name: str) -> None:
        if name not in self._people:
            self.team.ensure(name)
            self._people.add(name)

    # -- documents and what belongs to them -----------------------------------------------------

    def add(self, documents: Sequence[Document], spans: Sequence[Span] = (),
            answers: Sequence[DocumentLabel] = (), statuses: Sequence[tuple[str, str, str]] = (),
            memos: Sequence[Memo] = ()) -> ImportOutcome:
        """Store a batch: new documents, then the spans, answers, statuses and memos of the batch's documents.

        A document already in the project is not added again; what belongs to it is added where
        the project has nothing yet (a span identical to a live one, an answer to a question the
        annotator answered, a memo already there are left as they are); a status only moves forward
        (todo, in progress, done), never back.
        """
        outcome = ImportOutcome()
        added = self.documents.insert_new(documents)
        outcome.added, outcome.duplicates = added.added, added.duplicates
        if added.duplicates:
            outcome.duplicates_of_this_import = self._added_by_this_import(added.duplicates)
        texts = {doc.id: doc.text for doc in documents}
        new = set(added.added)
        self._store_spans(spans, texts, new, outcome)
        self._store_answers(answers, texts, new, outcome)
        self._store_statuses(statuses, texts, outcome)
        self._store_memos(memos, texts, outcome)
        self.total.absorb(outcome)
        return outcome

    def _added_by_this_import(self, document_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(document_ids):
            found.update(row[0] for row in self.db.execute(
                f"SELECT id FROM documents WHERE id IN ({_marks(chunk)}) AND position >= ?",
                [*chunk, self._first_position]))
        return found

    @staticmethod
    def _require_document(document_id: str, texts: dict[str, str], what: str) -> str:
        text = texts.get(document_id)
        if text is None:
            raise InvalidSpan(f"{what} refers to document {document_id}, which this import does not hold")
        return text

    def _live_span_keys(self, document_id: str) -> set[tuple]:
        return set(self.db.execute(
            'SELECT annotator, label_id, start, "end" FROM spans WHERE document_id = ? AND deleted = 0',
            [document_id]).fetchall())

    def _check_span(self, span: Span, texts: dict[str, str]) -> None:
        span.check_against(self._require_document(span.document_id, texts, "a span"))
        if self.book.kind(span.label_id) != "span":
            raise InvalidSpan(f"span refers to {span.label_id!r}, which is not a span label of the codebook")

    def _store_spans(self, spans: Sequence[Span], texts: dict[str, str], new: set[str],
                     outcome: ImportOutcome) -> None:
        if not spans:
            return
        present: dict[str, set[tuple]] = {}
        chosen: list[Span] = []
        for span in spans:
            self._check_span(span, texts)
            if span.document_id not in present:
                present[span.document_id] = set() if span.document_id in new else self._live_span_keys(span.document_id)
            key = (span.annotator, span.label_id, span.start, span.end)
            if key in present[span.document_id]:
                outcome.repeated_spans += 1
                continue
            present[span.document_id].add(key)
            chosen.append(span)
        taken = self._taken_span_ids([span.id for span in chosen])
        version = self.span_version
        for span in chosen:
            if span.id in taken:  # the file's id belongs to another span here: the span gets a new one
                span.id = new_uuid()
            taken.add(span.id)
            if span.origin == ADJUDICATION_ORIGIN:
                span.origin = "import"  # the gold standard is made by adjudication only
            span.codebook_version = span.codebook_version or version
            self._ensure(span.annotator)
        self.spans.insert_many(chosen)
        outcome.spans += [span.id for span in chosen]

    def _taken_span_ids(self, ids: list[str]) -> set[str]:
        taken: set[str] = set()
        seen: set[str] = set()
        for span_id in ids:
            if span_id in seen:
                taken.add(span_id)
            seen.add(span_id)
        for chunk in _chunks(list(seen)):
            taken.update(row[0] for row in self.db.execute(
                f"SELECT id FROM spans WHERE id IN ({_marks(chunk)})", list(chunk)))
        return taken

    def _store_answers(self, answers: Sequence[DocumentLabel], texts: dict[str, str], new: set[str],
                       outcome: ImportOutcome) -> None:
        rows = []
        for answer in answers:
            self._require_document(answer.document_id, texts, "an answer")
            valid = self.book.choices(answer.question)
            if valid is None:
                raise ProjectError(f"{answer.question!r} is not a document-level question of the codebook")
            for part in filter(None, answer.value.split("|")):
                if part not in valid:
                    raise ProjectError(f"{part!r} is not an answer of question {answer.question!r}")
            if not answer.value:
                continue
            self._ensure(answer.annotator)
            if answer.document_id not in new:
                existing = self.db.execute(
                    "SELECT id, deleted FROM document_labels WHERE document_id = ? AND annotator = ? "
                    "AND question = ? ORDER BY deleted, updated DESC LIMIT 1",
                    [answer.document_id, answer.annotator, answer.question]).fetchone()
                if existing is not None and not existing[1]:
                    outcome.kept_answers += 1
                    continue
                if existing is not None:
                    self.db.execute(
                        "UPDATE document_labels SET value = ?, note = ?, updated = ?, deleted = 0 WHERE id = ?",
                        [answer.value, answer.note, now_iso(), existing[0]])
                    outcome.answers += 1
                    continue
            rows.append([answer.id or new_uuid(), answer.document_id, answer.annotator, answer.question,
                         answer.value, answer.note or "", answer.created, answer.updated])
        if rows:
            taken = set()
            for chunk in _chunks([row[0] for row in rows]):
                taken.update(r[0] for r in self.db.execute(
                    f"SELECT id FROM document_labels WHERE id IN ({_marks(chunk)})", list(chunk)))
            for row in rows:
                if row[0] in taken:
                    row[0] = new_uuid()
            self.db.executemany(
                "INSERT INTO document_labels (id, document_id, annotator, question, value, note, created, "
                "updated, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", rows)
            outcome.answers += len(rows)

    def _store_statuses(self, statuses: Sequence[tuple[str, str, str]], texts: dict[str, str],
                        outcome: ImportOutcome) -> None:
        stamp = now_iso()
        for annotator, document_id, status in statuses:
            self._require_document(document_id, texts, "a status")
            if status not in ASSIGNMENT_STATUSES:
                raise ProjectError(f"unknown status {status!r}: use {', '.join(ASSIGNMENT_STATUSES)}")
            self._ensure(annotator)
            cursor = self.db.execute(
                "INSERT INTO assignments (annotator, document_id, status, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(annotator, document_id) DO UPDATE SET status = excluded.status, "
                f"updated = excluded.updated, removed = 0 WHERE {_RANK.format('excluded')} > {_RANK.format('assignments')}",
                [annotator, document_id, status, stamp])
            outcome.statuses += cursor.rowcount

    def _store_memos(self, memos: Sequence[Memo], texts: dict[str, str], outcome: ImportOutcome) -> None:
        for memo in memos:
            self._require_document(memo.document_id, texts, "a memo")
            if not memo.text.strip():
                continue
            self._ensure(memo.annotator)
            cursor = self.db.execute(
                "INSERT INTO document_memos (document_id, annotator, text, created, updated, deleted) "
                "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT(document_id, annotator) DO NOTHING",
                [memo.document_id, memo.annotator, memo.text, memo.created, memo.updated or memo.created])
            outcome.memos += cursor.rowcount

    # -- ids another tool gave to our records ---------------------------------------------------

    def keep_exchange_ids(self, meta_key: str, ids: dict[str, str]) -> None:
        """Remember the ids a file gave to our records (a .qdpx's GUIDs) under `meta_key`, so that
        exporting to that format again writes them; an id remembered earlier for a record stays."""
        if not ids:
            return
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [meta_key]).fetchone()
        try:
            kept = json.loads(row[0]) if row else {}
        except ValueError:
            kept = {}
        if not isinstance(kept, dict):
            kept = {}
        merged = {**ids, **kept}
        if merged != kept:
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                            [meta_key, json.dumps(merged, ensure_ascii=False, sort_keys=True)])

    # -- the end of the file ----------------------------------------------------------------------

    def finish(self) -> None:
        """Check the codebook the import made and record it once in the history (when it changed)."""
        self.book.finish()


class Imports:
    """Storing what an importer read, all or nothing."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore, documents: Documents, spans: Spans,
                 team: Team):
        self.db = db
        self.codebook = codebook
        self.documents = documents
        self.spans = spans
        self.team = team

    @contextlib.contextmanager
    def session(self) -> Iterator[ImportSession]:
        """One file's import: a transaction that commits when the block ends, rolls back on any error."""
        with self.db.atomic():
            session = ImportSession(self.db, self.codebook, self.documents, self.spans, self.team)
            yield session
            session.finish()

    def add(self, documents: Iterable[Document], spans: Iterable[Span] = (), labels: Iterable[Label] = (),
            answers: Iterable[DocumentLabel] = (), statuses: Iterable[tuple[str, str, str]] = (),
            memos: Iterable[Memo] = (), attributes: Iterable[AttributeDef] = (),
            choices: dict[str, list[Choice]] | None = None, team: Iterable[Annotator] = ()) -> ImportOutcome:
        """Add one file's records in ONE transaction; any error leaves the project unchanged.

        New labels (parents first), choices for existing questions, attributes and people come
        first; then documents (one already in the project is not added again) with their spans
        (a span identical to a live one is not added again, so importing the same file twice adds
        nothing; span ids are kept unless taken), answers, statuses (annotator, document id,
        status) and memos.
        """
        with self.session() as session:
            session.add_labels(labels)
            for question, new_choices in (choices or {}).items():
                session.add_choices(question, new_choices)
            session.add_attributes(attributes)
            session.add_team(team)
            session.add(list(documents), list(spans), list(answers), list(statuses), list(memos))
        return session.total
