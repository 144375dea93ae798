"""Adjudication: the gold layer (annotator "gold", origin "adjudication") built from annotators' spans and answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

from annotator.core.change import Action, Change
from annotator.core.consensus import agreed_answer, agreed_spans, align_spans
from annotator.core.errors import NotFound, ProjectError
from annotator.core.model import Span, new_uuid, now_iso
from annotator.store.agreement_data import AgreementData
from annotator.store.document_labels import Answers
from annotator.store.documents import Documents
from annotator.store.gold import ADJUDICATION, GOLD, is_gold
from annotator.store.rows import SPAN_COLUMNS, span_from_row
from annotator.store.spans import Spans
from annotator.store.transactions import ProjectDatabase

_IS_GOLD = is_gold()


@dataclass(frozen=True)
class OpenDisagreement:
    """Something the annotators of a document did not all mark or answer alike, and the gold standard has not
    settled: a span (`kind` "span": `label`, offsets, text, who marked it) or an answer (`kind` "answer":
    `label` is the question, `answers` each coder's)."""

    document_id: str
    title: str
    kind: str
    label: str
    coders: list[str]
    marked_by: list[str]
    start: int = 0
    end: int = 0
    text: str = ""
    answers: dict[str, str] | None = None


@dataclass(frozen=True)
class GoldSource:
    """Where a gold span came from: `how` is "accepted", "agreed" or "added"."""

    span_id: str
    how: str
    sources: list[str]
    annotators: list[str]
    curator: str
    decided: str


class Adjudication:
    """Reading and writing the gold layer; each write is one transaction."""

    def __init__(self, db: ProjectDatabase, documents: Documents, spans: Spans, answers: Answers,
                 agreement: AgreementData):
        self.db = db
        self.documents = documents
        self.spans = spans
        self.answers = answers
        self.agreement = agreement

    # -- reading ---------------------------------------------------------------------------

    def gold_spans(self, document_id: str) -> list[Span]:
        """A document's live gold spans in text order."""
        rows = self.db.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? AND deleted = 0 AND {_IS_GOLD} "
            'ORDER BY start, "end" DESC, created', [document_id]).fetchall()
        return [span_from_row(r) for r in rows]

    def gold_span_counts(self) -> dict[str, int]:
        """How many live gold spans each document has (documents without any are absent)."""
        return dict(self.db.execute(
            f"SELECT document_id, count(*) FROM spans WHERE deleted = 0 AND {_IS_GOLD} GROUP BY document_id"
        ).fetchall())

    def gold_source(self, span_id: str) -> GoldSource | None:
        """The record of how a gold span was decided, or None for a gold span without one."""
        row = self.db.execute("SELECT span_id, how, sources, annotators, curator, decided FROM adjudications "
                              "WHERE span_id = ?", [span_id]).fetchone()
        if row is None:
            return None
        return GoldSource(row[0], row[1], json.loads(row[2]), json.loads(row[3]), row[4], row[5])

    def gold_answers(self, document_id: str) -> dict[str, str]:
        """The gold answers of a document: question id -> answer."""
        return dict(self.db.execute(
            "SELECT question, value FROM document_labels WHERE document_id = ? AND annotator = ? "
            "AND deleted = 0 AND value != '' ORDER BY updated", [document_id, GOLD]).fetchall())

    # -- gold spans ----------------------------------------------------------------------------

    def _gold_keys(self, document_id: str) -> dict[tuple[int, int, str], str]:
        return {(s.start, s.end, s.label_id): s.id for s in self.gold_spans(document_id)}

    def _write_gold(self, document_id: str, label_id: str, start: int, end: int, text: str, how: str,
                    sources: list[Span], curator: str, note: str = "", attributes: dict | None = None) -> str:
        span = Span(document_id=document_id, annotator=GOLD, label_id=label_id, start=start, end=end, text=text,
                    note=note, attributes=dict(attributes or {}), origin=ADJUDICATION, id=new_uuid())
        self.spans.add_many([span], by_adjudication=True)
        self.db.execute(
            "INSERT INTO adjudications (span_id, how, sources, annotators, curator, decided) VALUES (?, ?, ?, ?, ?, ?)",
            [span.id, how, json.dumps([s.id for s in sources]),
             json.dumps([s.annotator for s in sources], ensure_ascii=False), curator, now_iso()])
        return span.id

    def _require_gold(self, span_id: str) -> Span:
        span = self.spans.get(span_id)
        if not (span.annotator == GOLD or span.origin == ADJUDICATION):
            raise ProjectError(f"span {span_id} belongs to {span.annotator}, not to the gold standard; "
                               "only gold spans are edited here")
        return span

    def accept_span(self, span_id: str, curator: str = "") -> Change:
        """Copy an annotator's span into the gold layer (a new span, same offsets, label, note and attributes).

        A span with the same start, end and label already in gold is not added twice.
        """
        with self.db.atomic():
            try:
                source = self.spans.get(span_id)
            except NotFound:
                raise ProjectError(f"no span with id {span_id}") from None
            if source.deleted:
                raise ProjectError("this span was deleted; it cannot be accepted into the gold standard")
            if source.annotator == GOLD or source.origin == ADJUDICATION:
                raise ProjectError("this span is already part of the gold standard")
            existing = self._gold_keys(source.document_id).get((source.start, source.end, source.label_id))
            if existing:
                return Change(Action.ALREADY_IN_GOLD, details={"accepted": 0, "already_in_gold": 1, "gold": existing})
            new_id = self._write_gold(source.document_id, source.label_id, source.start, source.end, source.text,
                                      "accepted", [source], curator, source.note, source.attributes)
        return Change(Action.SPAN_ACCEPTED_INTO_GOLD, spans=[new_id], documents=[source.document_id],
                      annotators=[GOLD], details={"accepted": 1, "already_in_gold": 0, "source": span_id})

    def add_span(self, document_id: str, label_id: str, start: int, end: int, note: str = "",
                      curator: str = "") -> Change:
        """Add the curator's own span to the gold layer (offsets in code points, end exclusive)."""
        with self.db.atomic():
            try:
                text = self.documents.text(document_id)
            except NotFound:
                raise ProjectError(f"unknown document {document_id}") from None
            existing = self._gold_keys(document_id).get((start, end, label_id))
            if existing:
                return Change(Action.ALREADY_IN_GOLD, details={"accepted": 0, "already_in_gold": 1, "gold": existing})
            new_id = self._write_gold(document_id, label_id, start, end, text[max(start, 0):end],
                                      "added", [], curator, note)
        return Change(Action.GOLD_SPAN_ADDED, spans=[new_id], documents=[document_id], annotators=[GOLD],
                      details={"accepted": 1, "already_in_gold": 0})

    def update_span(self, span_id: str, **changes: Any) -> Change:
        """Change a gold span's label, offsets, note or attributes (refuses an annotator's span)."""
        with self.db.atomic():
            self._require_gold(span_id)
            return self.spans.update(span_id, **changes)

    def delete_span(self, span_id: str) -> Change:
        """Remove a span from the gold layer (a tombstone, as for any span; refuses an annotator's span)."""
        with self.db.atomic():
            self._require_gold(span_id)
            return self.spans.delete(span_id)

    def accept_agreed_spans(self, document_ids: Sequence[str] | None = None, threshold: float = 1.0,
                            annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None,
                            done_only: bool = False, curator: str = "") -> Change:
        """Accept into gold, in one transaction, every span that at least `threshold` share of a document's
        annotators marked exactly (same start, end and label); spans already in gold are skipped.

        `document_ids` None means every document; `annotators`, `labels` and `done_only` choose the
        coders and labels as the agreement report does. Agreement needs at least two annotators.
        """
        accepted: list[str] = []
        documents: list[str] = []
        skipped = 0
        with self.db.atomic():
            coders = self.agreement.document_coders(document_ids, annotators, done_only)
            wanted = set(labels) if labels else None
            for document_id, names in coders.items():
                spans = [s for s in self.spans.of_document(document_id, unfiltered=True) if s.origin != ADJUDICATION and s.annotator != GOLD
                         and (wanted is None or s.label_id in wanted)]
                gold = self._gold_keys(document_id)
                for group in agreed_spans(spans, names, threshold):
                    if group.key in gold:
                        skipped += 1
                        continue
                    sources = [group.by_annotator[a] for a in group.support(names)]
                    first = sources[0]
                    accepted.append(self._write_gold(document_id, group.label, group.start, group.end, group.text,
                                                     "agreed", sources, curator, first.note, first.attributes))
                    gold[group.key] = accepted[-1]
                    if not documents or documents[-1] != document_id:
                        documents.append(document_id)
        return Change(Action.AGREED_SPANS_ACCEPTED, spans=accepted, documents=documents,
                      annotators=[GOLD] if accepted else [],
                      details={"accepted": len(accepted), "already_in_gold": skipped, "threshold": threshold})

    def open_disagreements(self, document_ids: Sequence[str] | None = None, annotators: Sequence[str] | None = None,
                           labels: Sequence[str] | None = None, done_only: bool = False) -> list[OpenDisagreement]:
        """What is still to settle, document by document: spans not marked alike by every coder and answers
        that differ, where the gold standard has no decision yet.

        A span is settled once gold holds it, or another span of the same label over the same text (the
        curator chose a version); an answer once gold has an answer. A document marked settled (`settle`)
        has nothing open. Coders are chosen as the agreement report chooses them.
        """
        found: list[OpenDisagreement] = []
        wanted = set(labels) if labels else None
        coders = self.agreement.document_coders(document_ids, annotators, done_only)
        settled = {r[0] for r in self.db.execute(
            "SELECT document_id FROM assignments WHERE annotator = ? AND status = 'done' AND removed = 0", [GOLD])}
        titles = dict(self.db.execute("SELECT id, title FROM documents"))
        for document_id, names in coders.items():
            if len(names) < 2 or document_id in settled:
                continue
            title = titles.get(document_id, "")
            gold = self.gold_spans(document_id)
            spans = [s for s in self.spans.of_document(document_id, unfiltered=True)
                     if s.annotator in names and s.origin != ADJUDICATION and (wanted is None or s.label_id in wanted)]
            for group in align_spans(spans):
                support = group.support(names)
                if len(support) == len(names) or any(
                        g.label_id == group.label and g.start < group.end and group.start < g.end for g in gold):
                    continue
                found.append(OpenDisagreement(document_id, title, "span", group.label, list(names), support,
                                              group.start, group.end, group.text))
            gold_answers = self.gold_answers(document_id)
            given: dict[str, dict[str, str]] = {}
            for answer in self.answers.find(document_id, unfiltered=True):
                if answer.value and answer.annotator in names and (wanted is None or answer.question in wanted):
                    given.setdefault(answer.question, {})[answer.annotator] = answer.value
            for question, by in given.items():
                values = {"|".join(sorted(v.split("|"))) for v in by.values()}
                if question in gold_answers or (len(values) == 1 and len(by) == len(names)):
                    continue
                found.append(OpenDisagreement(document_id, title, "answer", question, list(names), sorted(by),
                                              answers=dict(by)))
        return found

    def settle(self, document_ids: Sequence[str], settled: bool = True) -> Change:
        """Mark documents settled in the gold standard (nothing left open there), or open them again."""
        with self.db.atomic():
            self.db.execute("INSERT OR IGNORE INTO annotators (name, role, created) VALUES (?, 'annotator', ?)",
                            [GOLD, now_iso()])
            for document_id in document_ids:
                self.documents.require(document_id)
                self.db.execute(
                    "INSERT INTO assignments (annotator, document_id, status, updated, assigned) VALUES (?, ?, ?, ?, 0) "
                    "ON CONFLICT(annotator, document_id) DO UPDATE SET status = excluded.status, "
                    "updated = excluded.updated, removed = 0",
                    [GOLD, document_id, "done" if settled else "in progress", now_iso()])
        return Change(Action.STATUS_SET, documents=list(document_ids), annotators=[GOLD],
                      details={"status": "done" if settled else "in progress"})

    def is_settled(self, document_id: str) -> bool:
        """True when the document is marked settled in the gold standard."""
        return self.db.execute("SELECT 1 FROM assignments WHERE annotator = ? AND document_id = ? AND status = 'done' "
                               "AND removed = 0", [GOLD, document_id]).fetchone() is not None

    # -- gold answers --------------------------------------------------------------------------

    def set_answer(self, document_id: str, question: str, value: str) -> Change:
        """Set (or, with an empty value, clear) the gold answer to a document-level question."""
        with self.db.atomic():
            return self.answers.set(document_id, GOLD, question, value, by_adjudication=True)

    def accept_answer(self, document_id: str, question: str, annotator: str) -> Change:
        """Make an annotator's answer to a question the gold answer."""
        with self.db.atomic():
            row = self.db.execute(
                "SELECT value FROM document_labels WHERE document_id = ? AND annotator = ? AND question = ? "
                "AND deleted = 0 AND value != '' ORDER BY updated DESC LIMIT 1",
                [document_id, annotator, question]).fetchone()
            if row is None:
                raise ProjectError(f"{annotator} gave no answer to {question!r} in this document")
            return self.answers.set(document_id, GOLD, question, row[0], by_adjudication=True)

    def accept_agreed_answers(self, document_ids: Sequence[str] | None = None, threshold: float = 1.0,
                              annotators: Sequence[str] | None = None, questions: Sequence[str] | None = None,
                              done_only: bool = False) -> Change:
        """Set, in one transaction, the gold answer of every question where at least `threshold` share of the
        document's annotators gave the same answer; questions that already have a gold answer are skipped."""
        changed: list[str] = []
        documents: list[str] = []
        skipped = 0
        with self.db.atomic():
            coders = self.agreement.document_coders(document_ids, annotators, done_only)
            wanted = set(questions) if questions else None
            for document_id, names in coders.items():
                answers: dict[str, dict[str, str]] = {}
                for label in self.answers.find(document_id, unfiltered=True):
                    if label.value and (wanted is None or label.question in wanted):
                        answers.setdefault(label.question, {})[label.annotator] = label.value
                for question, by_annotator in answers.items():
                    value = agreed_answer(by_annotator, names, threshold)
                    if value is None:
                        continue
                    if by_annotator.get(GOLD):
                        skipped += 1
                        continue
                    change = self.answers.set(document_id, GOLD, question, value, by_adjudication=True)
                    changed += change.document_labels
                    if not documents or documents[-1] != document_id:
                        documents.append(document_id)
        return Change(Action.AGREED_ANSWERS_ACCEPTED, documents=documents, document_labels=changed,
                      details={"accepted": len(changed), "already_in_gold": skipped, "threshold": threshold})
