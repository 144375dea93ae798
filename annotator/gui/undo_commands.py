"""Undoable annotation actions: each redo/undo is one store call, saved at once."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.change import Change
from annotator.core.model import Span
from annotator.store import Project

Refresh = Callable[[Change], None]


class AddSpansCommand(QUndoCommand):
    """Create spans; undo deletes them (tombstones), redo restores them."""

    def __init__(self, project: Project, spans: list[Span], refresh: Refresh, text: str):
        super().__init__(text)
        self._project, self._spans, self._refresh = project, spans, refresh
        self._created = False

    @property
    def span_ids(self) -> list[str]:
        return [s.id for s in self._spans]

    def redo(self) -> None:
        if not self._created:
            change = self._project.add_spans(self._spans)
            self._created = True
        else:
            change = self._project.restore_spans(self.span_ids)
        self._refresh(change)

    def undo(self) -> None:
        self._refresh(self._project.delete_spans(self.span_ids))


class DeleteSpansCommand(QUndoCommand):
    """Delete spans; undo restores them."""

    def __init__(self, project: Project, span_ids: list[str], refresh: Refresh, text: str):
        super().__init__(text)
        self._project, self._ids, self._refresh = project, list(span_ids), refresh

    def redo(self) -> None:
        self._refresh(self._project.delete_spans(self._ids))

    def undo(self) -> None:
        self._refresh(self._project.restore_spans(self._ids))


class UpdateSpanCommand(QUndoCommand):
    """Change a span's label, offsets, note or attributes; undo puts the old values back."""

    def __init__(self, project: Project, span_id: str, changes: dict[str, Any], refresh: Refresh, text: str):
        super().__init__(text)
        span = project.span(span_id)
        self._project, self._id, self._refresh = project, span_id, refresh
        self._new = dict(changes)
        self._old = {key: getattr(span, key) for key in changes}

    def redo(self) -> None:
        self._refresh(self._project.update_span(self._id, **self._new))

    def undo(self) -> None:
        self._refresh(self._project.update_span(self._id, **self._old))


class SetDocumentLabelCommand(QUndoCommand):
    """Answer a document-level question; undo restores the previous answer."""

    def __init__(self, project: Project, document_id: str, annotator: str, question: str,
                 value: str, refresh: Refresh, text: str):
        super().__init__(text)
        previous = [a for a in project.document_labels(document_id, annotator) if a.question == question]
        self._old = previous[0].value if previous else ""
        self._args = (project, document_id, annotator, question)
        self._new, self._refresh = value, refresh

    def _set(self, value: str) -> None:
        project, document_id, annotator, question = self._args
        self._refresh(project.set_document_label(document_id, annotator, question, value))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class SuggestionDecisionCommand(QUndoCommand):
    """Accept (optionally with another label) or reject suggestions; undo makes them pending again."""

    def __init__(self, project: Project, document_id: str, annotator: str, suggestions: list,
                 accept: bool, refresh: Refresh, text: str, label_id: str | None = None,
                 attributes_for=None):
        super().__init__(text)
        self._project, self._document_id, self._annotator = project, document_id, annotator
        self._suggestions, self._accept, self._label_id = list(suggestions), accept, label_id
        self._attributes_for, self._refresh = attributes_for, refresh

    def redo(self) -> None:
        if self._accept:
            change = self._project.accept_suggestions(self._document_id, self._annotator, self._suggestions,
                                                      label_id=self._label_id,
                                                      attributes_for=self._attributes_for)
        else:
            change = self._project.reject_suggestions(self._document_id, self._annotator, self._suggestions)
        self._refresh(change)

    def undo(self) -> None:
        spans: list[str] = []
        for s in self._suggestions:
            spans += self._project.forget_suggestion_decision(
                self._document_id, self._annotator, s.kind, s.start, s.end).spans
        self._refresh(Change("suggestion decisions undone", spans=spans, documents=[self._document_id]))
