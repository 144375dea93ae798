"""Read-only queries for exports: spans, documents and document labels streamed in batches.

Every query reads only the work the identified reader may see (Team.visibility): under blind coding a
coder's export holds their own spans and answers, never another coder's nor the gold standard.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, NamedTuple, Sequence

from annotator.core.model import Span
from annotator.store.gold import GOLD, is_gold
from annotator.store.team import Team, Visibility
from annotator.store.transactions import ProjectDatabase

# A span counts as gold when an adjudication produced it (or it is stored under the name "gold").
_IS_GOLD = is_gold("s")
_SHOWN_ANNOTATOR = f"CASE WHEN {_IS_GOLD} THEN '{GOLD}' ELSE s.annotator END"


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


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def selection_filter(alias: str, gold_rule: str, annotators: Sequence[str] | None, gold: bool,
                     done_only: bool, visibility: Visibility | None = None) -> tuple[str, list[Any]]:
    """WHERE clause (over `alias`) for the live records of the chosen people, for spans and answers alike.

    `annotators` None means every annotator, [] none; gold records (`gold_rule`) come only with `gold`,
    whatever `annotators` says; `done_only` keeps an annotator's records in documents they marked done.
    `visibility` (the reader's) removes whatever they may not see, whatever was asked.
    """
    people, params = [f"NOT {gold_rule}"], []
    if visibility is not None and not visibility.sees_everyone:
        gold = False
        mine = [visibility.viewer] if visibility.viewer is not None else []
        annotators = [a for a in (mine if annotators is None else annotators) if a in mine]
    if annotators is not None:
        people.append(f"{alias}.annotator IN ({_marks(annotators)})")
        params += list(annotators)
    if done_only:
        people.append(f"EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = {alias}.document_id "
                      f"AND a.annotator = {alias}.annotator AND a.status = 'done')")
    who = "(" + " AND ".join(people) + ")"
    if gold:
        who = f"({who} OR {gold_rule})"
    return f"{alias}.deleted = 0 AND {who}", params


def _span_filter(annotators: Sequence[str] | None, gold: bool, label_ids: Sequence[str] | None,
                 done_only: bool, visibility: Visibility | None) -> tuple[str, list[Any]]:
    """WHERE clause (over alias s) for the live spans an export selects."""
    where, params = selection_filter("s", _IS_GOLD, annotators, gold, done_only, visibility)
    if label_ids is not None:
        where += f" AND s.label_id IN ({_marks(label_ids)})"
        params += list(label_ids)
    return where, params


class ExportQueries:
    """Read-only, batched queries that exports stream from."""

    def __init__(self, db: ProjectDatabase, team: Team):
        self.db = db
        self.team = team
        self.team = team

    def span_count(self, annotators: Sequence[str] | None = None, gold: bool = False,
                          label_ids: Sequence[str] | None = None, done_only: bool = False) -> int:
        """How many live spans an export with these choices writes."""
        where, params = _span_filter(annotators, gold, label_ids, done_only, self.team.visibility())
        return self.db.execute(f"SELECT count(*) FROM spans s WHERE {where}", params).fetchone()[0]

    def iter_spans(self, annotators: Sequence[str] | None = None, gold: bool = False,
                          label_ids: Sequence[str] | None = None, done_only: bool = False,
                          batch: int = 5000) -> Iterator[ExportSpanRow]:
        """Selected live spans joined with document and label, in document then text order.

        `annotators` None means every annotator; an empty list means none (gold only). Gold spans
        (origin "adjudication") come with annotator "gold" when `gold` is true, never otherwise.
        """
        where, params = _span_filter(annotators, gold, label_ids, done_only, self.team.visibility())
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

    def iter_spans_by_document(self, annotators: Sequence[str] | None = None, gold: bool = False,
                               label_ids: Sequence[str] | None = None, done_only: bool = False,
                               batch: int = 200) -> Iterator[tuple[tuple[str, str, str, str, str], list[tuple]]]:
        """The spans of iter_spans, in the same order, one document at a time (the fastest read for a
        CSV of a million spans: no sort of the whole table, no joined columns repeated on every row).

        Yields ((document id, title, outlet, published, text), rows) for each document holding selected
        spans, in document order; each row is (id, annotator as shown, label_id, start, end, text, note,
        attributes, origin, codebook_version, created, updated).
        """
        where, params = _span_filter(annotators, gold, label_ids, done_only, self.team.visibility())
        last = -1
        while True:
            documents = self.db.execute(
                "SELECT d.position, d.id, d.title, d.outlet, d.published, d.text FROM documents d "
                f"WHERE d.position > ? AND EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id AND {where}) "
                "ORDER BY d.position LIMIT ?", [last, *params, batch]).fetchall()
            if not documents:
                return
            for position, document_id, title, outlet, published, text in documents:
                rows = self.db.execute(
                    f"SELECT s.id, {_SHOWN_ANNOTATOR} AS shown, s.label_id, s.start, s.\"end\", "
                    "s.text, s.note, s.attributes, s.origin, s.codebook_version, s.created, s.updated "
                    f"FROM spans s WHERE s.document_id = ? AND {where} "
                    'ORDER BY s.start, s."end", shown, s.created, s.id', [document_id, *params]).fetchall()
                yield (document_id, title, outlet, published, text), rows
            last = documents[-1][0]

    def document_spans(self, document_id: str, annotators: Sequence[str] | None = None,
                              gold: bool = False, label_ids: Sequence[str] | None = None) -> list[Span]:
        """One document's selected live spans in text order, gold ones under annotator "gold"."""
        where, params = _span_filter(annotators, gold, label_ids, False, self.team.visibility())
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

    def has_gold(self, document_id: str) -> bool:
        """True when the document has at least one live adjudicated (gold) span (that the reader may see)."""
        if not self.team.visibility().sees_gold:
            return False
        return self.db.execute(
            f"SELECT 1 FROM spans s WHERE s.document_id = ? AND s.deleted = 0 AND {_IS_GOLD} LIMIT 1",
            [document_id],
        ).fetchone() is not None

    def iter_answers(self, annotators: Sequence[str] | None = None, gold: bool = False,
                     questions: Sequence[str] | None = None, done_only: bool = False,
                     document_id: str | None = None, batch: int = 5000) -> Iterator[ExportDocumentLabelRow]:
        """Live answers to document-level questions, in document order.

        Answers stored under annotator "gold" are the adjudicated ones; they come only when
        `gold` is true. `annotators` None means every other annotator, [] none.
        """
        where, params = selection_filter("dl", f"(dl.annotator = '{GOLD}')", annotators, gold, done_only,
                                         self.team.visibility())
        clauses = [where]
        if questions is not None:
            clauses.append(f"dl.question IN ({_marks(questions)})")
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

    def document_statuses(self, document_id: str, annotators: Sequence[str]) -> dict[str, str]:
        """The chosen annotators' statuses for one document (those assigned or with a status), by name."""
        annotators = self.team.visibility().keep(annotators)
        if not annotators:
            return {}
        return dict(self.db.execute(
            f"SELECT annotator, status FROM assignments WHERE document_id = ? AND removed = 0 "
            f"AND annotator IN ({_marks(annotators)}) ORDER BY annotator", [document_id, *annotators]).fetchall())

    def document_memos(self, document_id: str, annotators: Sequence[str]) -> list[tuple[str, str, str, str]]:
        """The chosen annotators' live memos on one document: (annotator, text, created, updated)."""
        annotators = self.team.visibility().keep(annotators)
        if not annotators:
            return []
        return [tuple(row) for row in self.db.execute(
            f"SELECT annotator, text, created, updated FROM document_memos WHERE document_id = ? AND deleted = 0 "
            f"AND annotator IN ({_marks(annotators)}) ORDER BY annotator", [document_id, *annotators])]

