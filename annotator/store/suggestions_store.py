"""Decisions on suggestions (accepted, rejected) and the project's own loaded-terms list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol

from annotator.core.change import Action, Change
from annotator.core.errors import ProjectError
from annotator.core.model import SUGGESTION_ORIGIN, Span, now_iso
from annotator.store.documents import Documents
from annotator.store.spans import Spans
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase


class SuggestionLike(Protocol):
    """What the store needs of a suggestion (annotator.suggest.Suggestion has it)."""

    kind: str
    start: int
    end: int
    label_id: str
    origin: str  # the origin of the span accepting it makes ("suggestion", "recommender")


@dataclass
class SuggestionDecision:
    """An annotator's decision on one suggestion of a document."""

    document_id: str
    annotator: str
    kind: str
    start: int
    end: int
    decision: str
    label_id: str | None
    span_id: str | None
    time: str

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.kind, self.start, self.end)


_COLUMNS = 'document_id, annotator, kind, start, "end", decision, label_id, span_id, time'


class SuggestionDecisions:
    """The suggestion_decisions and loaded_terms tables: what annotators did with the app's suggestions."""

    def __init__(self, db: ProjectDatabase, documents: Documents, spans: Spans, team: Team):
        self.db = db
        self.documents = documents
        self.spans = spans
        self.team = team

    # -- decisions -------------------------------------------------------------------------

    def decisions(self, document_id: str, annotator: str | None = None) -> list[SuggestionDecision]:
        """The decisions taken on a document's suggestions, by one annotator or by all."""
        sql, params = f"SELECT {_COLUMNS} FROM suggestion_decisions WHERE document_id = ?", [document_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        rows = self.db.execute(sql + ' ORDER BY start, "end", kind', params).fetchall()
        return [SuggestionDecision(*row) for row in rows]

    def pending(self, document_id: str, annotator: str, suggestions: Iterable[Any]) -> list[Any]:
        """The detector's suggestions minus those this annotator decided or already annotated alike."""
        decided = {d.key for d in self.decisions(document_id, annotator)}
        annotated = {
            (row[0], row[1], row[2]) for row in self.db.execute(
                'SELECT label_id, start, "end" FROM spans WHERE document_id = ? AND annotator = ? AND deleted = 0',
                [document_id, annotator],
            )
        }
        return [
            s for s in suggestions
            if (s.kind, s.start, s.end) not in decided and (s.label_id, s.start, s.end) not in annotated
        ]

    def _decision(self, document_id: str, annotator: str, kind: str, start: int, end: int) -> SuggestionDecision | None:
        row = self.db.execute(
            f'SELECT {_COLUMNS} FROM suggestion_decisions WHERE document_id = ? AND annotator = ? '
            'AND kind = ? AND start = ? AND "end" = ?',
            [document_id, annotator, kind, start, end],
        ).fetchone()
        return SuggestionDecision(*row) if row else None

    def _record(self, document_id: str, annotator: str, suggestion: SuggestionLike, decision: str,
                label_id: str | None, span_id: str | None) -> None:
        self.db.execute(
            f"INSERT INTO suggestion_decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            'ON CONFLICT(document_id, annotator, kind, start, "end") DO UPDATE SET '
            "decision = excluded.decision, label_id = excluded.label_id, span_id = excluded.span_id, "
            "time = excluded.time",
            [document_id, annotator, suggestion.kind, suggestion.start, suggestion.end, decision,
             label_id, span_id, now_iso()],
        )

    def _live_span(self, span_id: str | None) -> bool:
        if not span_id:
            return False
        row = self.db.execute("SELECT deleted FROM spans WHERE id = ?", [span_id]).fetchone()
        return bool(row) and not row[0]

    def accept_one(self, document_id: str, annotator: str, suggestion: SuggestionLike,
                          label_id: str | None = None, attributes: dict[str, Any] | None = None,
                          note: str = "") -> Change:
        """Turn a suggestion into a span (with the suggestion's origin), with its own label or `label_id`."""
        return self.accept(document_id, annotator, [suggestion], label_id=label_id,
                                       attributes_for=(lambda s, l: attributes or {}), note=note)

    def accept(self, document_id: str, annotator: str, suggestions: Iterable[SuggestionLike],
                           label_id: str | None = None,
                           attributes_for: Callable[[Any, str], dict[str, Any]] | None = None,
                           note: str = "") -> Change:
        """Accept several suggestions in one transaction (all or none); already accepted ones are skipped,
        and one repeating a span the annotator has already is recorded as accepted without a new span.

        Each span gets `label_id` when given, else the suggestion's own label; a suggestion with
        neither is refused with a message naming its kind. `attributes_for(suggestion, label)`
        gives span attributes (the speaker of a quote, for instance). The span's origin is the
        suggestion's ("suggestion" for the detectors', "recommender" for the model's).
        """
        spans: list[Span] = []
        made: set[tuple[str, int, int]] = set()
        with self.db.atomic():
            if not self.documents.has(document_id):
                raise ProjectError(f"unknown document {document_id}")
            text = self.documents.text(document_id)
            self.team.ensure(annotator)
            for suggestion in suggestions:
                label = label_id or suggestion.label_id
                if not label:
                    raise ProjectError(
                        f"the codebook has no label for suggestions of kind {suggestion.kind!r}; "
                        "accept it with a label of your choice"
                    )
                previous = self._decision(document_id, annotator, suggestion.kind, suggestion.start, suggestion.end)
                if previous and previous.decision == "accepted" and self._live_span(previous.span_id):
                    continue
                key = (label, suggestion.start, suggestion.end)
                if key in made or self.spans.live_twin(document_id, annotator, *key):
                    # The annotator has this very span already: the suggestion is settled, nothing is added.
                    self._record(document_id, annotator, suggestion, "accepted", label, None)
                    continue
                made.add(key)
                span = Span(document_id=document_id, annotator=annotator, label_id=label,
                            start=suggestion.start, end=suggestion.end,
                            text=text[suggestion.start:suggestion.end], note=note,
                            attributes=dict(attributes_for(suggestion, label)) if attributes_for else {},
                            origin=getattr(suggestion, "origin", SUGGESTION_ORIGIN))
                spans.append(span)
                self._record(document_id, annotator, suggestion, "accepted", label, span.id)
            if spans:
                self.spans.add_many(spans)
        return Change(Action.SUGGESTIONS_ACCEPTED, spans=[s.id for s in spans],
                      documents=[document_id] if spans else [], details={"accepted": len(spans)})

    def reject_one(self, document_id: str, annotator: str, suggestion: SuggestionLike) -> Change:
        """Reject a suggestion: it is not proposed to this annotator again."""
        return self.reject(document_id, annotator, [suggestion])

    def reject(self, document_id: str, annotator: str, suggestions: Iterable[SuggestionLike]) -> Change:
        """Reject several suggestions in one transaction; a span made by accepting one earlier is deleted."""
        removed: list[str] = []
        count = 0
        with self.db.atomic():
            if not self.documents.has(document_id):
                raise ProjectError(f"unknown document {document_id}")
            self.team.ensure(annotator)
            for suggestion in suggestions:
                previous = self._decision(document_id, annotator, suggestion.kind, suggestion.start, suggestion.end)
                if previous and previous.decision == "rejected":
                    continue
                if previous and self._live_span(previous.span_id):
                    removed.append(previous.span_id)
                self._record(document_id, annotator, suggestion, "rejected", None, None)
                count += 1
            if removed:
                self.spans.delete_many(removed)
        return Change(Action.SUGGESTIONS_REJECTED, spans=removed, documents=[document_id] if count else [],
                      details={"rejected": count})

    def forget_one(self, document_id: str, annotator: str, kind: str, start: int, end: int) -> Change:
        """Undo a decision: the suggestion is pending again, and the span its acceptance made is deleted."""
        with self.db.atomic():
            previous = self._decision(document_id, annotator, kind, start, end)
            if previous is None:
                return Change(Action.NOTHING_TO_UNDO)
            self.db.execute(
                'DELETE FROM suggestion_decisions WHERE document_id = ? AND annotator = ? AND kind = ? '
                'AND start = ? AND "end" = ?',
                [document_id, annotator, kind, start, end],
            )
            removed = [previous.span_id] if self._live_span(previous.span_id) else []
            if removed:
                self.spans.delete_many(removed)
        return Change(Action.SUGGESTION_DECISIONS_UNDONE, spans=removed, documents=[document_id])

    def forget(self, document_id: str, annotator: str,
                                    keys: Iterable[tuple[str, int, int]]) -> Change:
        """Undo several decisions in one transaction: pending again, spans their acceptance made deleted."""
        removed: list[str] = []
        with self.db.atomic():
            for kind, start, end in keys:
                previous = self._decision(document_id, annotator, kind, start, end)
                if previous is None:
                    continue
                self.db.execute(
                    'DELETE FROM suggestion_decisions WHERE document_id = ? AND annotator = ? AND kind = ? '
                    'AND start = ? AND "end" = ?',
                    [document_id, annotator, kind, start, end],
                )
                if self._live_span(previous.span_id):
                    removed.append(previous.span_id)
            if removed:
                self.spans.delete_many(removed)
        return Change(Action.SUGGESTION_DECISIONS_UNDONE, spans=removed, documents=[document_id])

    def reapply(self, decisions: Iterable[SuggestionDecision],
                                     deleted_span_ids: Iterable[str] = ()) -> Change:
        """Redo decisions exactly as first taken: the same spans come back (same ids), the same go.

        `decisions` are records read after the first time; `deleted_span_ids` the spans a rejection
        deleted then. One transaction.
        """
        decisions = list(decisions)
        restored = [d.span_id for d in decisions if d.decision == "accepted" and d.span_id]
        deleted = list(deleted_span_ids)
        with self.db.atomic():
            for d in decisions:
                self.db.execute(
                    f"INSERT INTO suggestion_decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    'ON CONFLICT(document_id, annotator, kind, start, "end") DO UPDATE SET '
                    "decision = excluded.decision, label_id = excluded.label_id, span_id = excluded.span_id, "
                    "time = excluded.time",
                    [d.document_id, d.annotator, d.kind, d.start, d.end, d.decision, d.label_id, d.span_id,
                     now_iso()],
                )
            if restored:
                self.spans.restore_many(restored)
            if deleted:
                self.spans.delete_many(deleted)
        documents = sorted({d.document_id for d in decisions})
        return Change(Action.SUGGESTION_DECISIONS_REDONE, spans=restored + deleted, documents=documents)

    def decision_counts(self, annotator: str | None = None) -> dict[tuple[str, str], int]:
        """How many suggestions of each (kind, decision) were decided, by one annotator or all."""
        sql, params = "SELECT kind, decision, count(*) FROM suggestion_decisions", []
        if annotator is not None:
            sql += " WHERE annotator = ?"
            params.append(annotator)
        return {(k, d): n for k, d, n in self.db.execute(sql + " GROUP BY kind, decision", params)}

    # -- loaded terms ----------------------------------------------------------------------

    def loaded_terms(self) -> list[str]:
        """The project's own loaded terms (added to the default list), alphabetically."""
        return [r[0] for r in self.db.execute("SELECT term FROM loaded_terms WHERE active = 1 ORDER BY term")]

    def removed_loaded_terms(self) -> list[str]:
        """Terms this project switched off (default loaded terms it does not want suggested)."""
        return [r[0] for r in self.db.execute("SELECT term FROM loaded_terms WHERE active = 0 ORDER BY term")]

    def add_loaded_term(self, term: str, language: str = "") -> Change:
        """Add a loaded term to the project (a word, a phrase, or a prefix ending in *)."""
        term = " ".join(term.split())
        if not term or term == "*":
            raise ProjectError("a loaded term needs at least one word")
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO loaded_terms (term, language, active, added) VALUES (?, ?, 1, ?) "
                "ON CONFLICT(term) DO UPDATE SET active = 1, language = excluded.language, added = excluded.added",
                [term, language, now_iso()],
            )
        return Change(Action.LOADED_TERM_ADDED, details={"term": term})

    def remove_loaded_term(self, term: str) -> Change:
        """Stop suggesting a loaded term: a project term is switched off, a default one suppressed."""
        term = " ".join(term.split())
        if not term:
            raise ProjectError("which loaded term? none was given")
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO loaded_terms (term, language, active, added) VALUES (?, '', 0, ?) "
                "ON CONFLICT(term) DO UPDATE SET active = 0",
                [term, now_iso()],
            )
        return Change(Action.LOADED_TERM_REMOVED, details={"term": term})
