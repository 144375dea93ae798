"""Undoable annotation actions: each redo/undo is one store call, saved at once.

A command runs first through `run()`, outside the undo stack, so that a refused action (an
AnnotatorError) never reaches the stack; once it succeeded, it is pushed and the stack's first
`redo()` call does nothing.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.change import Change
from annotator.core.model import Span
from annotator.store import Project

Refresh = Callable[[Change], None]


class StoreCommand(QUndoCommand):
    """Base of our commands: `_do` and `_undo` each make one store call and return its Change.

    `document_id` is the article the command changes. On undo and redo (not on the first run)
    `before_replay(command)` runs before the store call (the window shows that article) and
    `after_replay(command, change, undone)` after it (the change is shown and announced)."""

    def __init__(self, text: str, refresh: Refresh, document_id: str | None = None):
        super().__init__(text)
        self._refresh = refresh
        self._skip_redo = False
        self.document_id = document_id
        self.before_replay: Callable[["StoreCommand"], None] | None = None
        self.after_replay: Callable[["StoreCommand", Change, bool], None] | None = None

    def run(self) -> None:
        """Do the action for the first time (may raise); the next redo() from the stack is skipped."""
        self._refresh(self._do(first=True))
        self._skip_redo = True

    def _replay(self, step: Callable[[], Change], undone: bool) -> None:
        if self.before_replay is not None:
            self.before_replay(self)
        change = step()
        self._refresh(change)
        if self.after_replay is not None:
            self.after_replay(self, change, undone)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._replay(lambda: self._do(first=False), undone=False)

    def undo(self) -> None:
        self._replay(self._undo, undone=True)

    def _do(self, first: bool) -> Change:
        raise NotImplementedError

    def _undo(self) -> Change:
        raise NotImplementedError


class AddSpansCommand(StoreCommand):
    """Create spans; undo deletes them (tombstones), redo restores them (same ids)."""

    def __init__(self, project: Project, spans: list[Span], refresh: Refresh, text: str):
        super().__init__(text, refresh, spans[0].document_id if spans else None)
        self._project, self._spans = project, spans

    @property
    def span_ids(self) -> list[str]:
        return [s.id for s in self._spans]

    def _do(self, first: bool) -> Change:
        return self._project.spans.add_many(self._spans) if first else self._project.spans.restore_many(self.span_ids)

    def _undo(self) -> Change:
        return self._project.spans.delete_many(self.span_ids)


class DeleteSpansCommand(StoreCommand):
    """Delete spans; undo restores them."""

    def __init__(self, project: Project, span_ids: list[str], refresh: Refresh, text: str):
        super().__init__(text, refresh, project.spans.get(span_ids[0]).document_id if span_ids else None)
        self._project, self._ids = project, list(span_ids)

    def _do(self, first: bool) -> Change:
        return self._project.spans.delete_many(self._ids)

    def _undo(self) -> Change:
        return self._project.spans.restore_many(self._ids)


class UpdateSpanCommand(StoreCommand):
    """Change a span's label, offsets, note or attributes; undo puts the old values back."""

    def __init__(self, project: Project, span_id: str, changes: dict[str, Any], refresh: Refresh, text: str):
        span = project.spans.get(span_id)
        super().__init__(text, refresh, span.document_id)
        self._project, self._id = project, span_id
        self._new = dict(changes)
        self._old = {key: getattr(span, key) for key in changes}

    def _do(self, first: bool) -> Change:
        return self._project.spans.update(self._id, **self._new)

    def _undo(self) -> Change:
        return self._project.spans.update(self._id, **self._old)


class SetDocumentLabelCommand(StoreCommand):
    """Answer a document-level question; undo restores the previous answer."""

    def __init__(self, project: Project, document_id: str, annotator: str, question: str,
                 value: str, refresh: Refresh, text: str, note: str | None = None):
        super().__init__(text, refresh, document_id)
        previous = [a for a in project.answers.find(document_id, annotator) if a.question == question]
        self._old = (previous[0].value, previous[0].note) if previous else ("", "")
        self._args = (project, document_id, annotator, question)
        self._new = (value, self._old[1] if note is None else note)

    def _set(self, value: tuple[str, str]) -> Change:
        project, document_id, annotator, question = self._args
        return project.answers.set(document_id, annotator, question, value[0], note=value[1])

    def _do(self, first: bool) -> Change:
        return self._set(self._new)

    def _undo(self) -> Change:
        return self._set(self._old)


class SetStatusCommand(StoreCommand):
    """Set this annotator's status of a document (done, in progress...); undo puts the old one back."""

    def __init__(self, project: Project, annotator: str, document_id: str, status: str, refresh: Refresh,
                 text: str):
        super().__init__(text, refresh, document_id)
        self._project, self._annotator = project, annotator
        self._old, self._new = project.assignments.status(annotator, document_id), status

    def _do(self, first: bool) -> Change:
        return self._project.assignments.set_status(self._annotator, self.document_id, self._new)

    def _undo(self) -> Change:
        return self._project.assignments.set_status(self._annotator, self.document_id, self._old)


class SetMemoCommand(StoreCommand):
    """Write this annotator's memo on a document; undo puts the previous text back."""

    def __init__(self, project: Project, annotator: str, document_id: str, text_: str, refresh: Refresh,
                 text: str):
        super().__init__(text, refresh, document_id)
        self._project, self._annotator = project, annotator
        self._old, self._new = project.memos.get(document_id, annotator), text_

    def _do(self, first: bool) -> Change:
        return self._project.memos.set(self.document_id, self._annotator, self._new)

    def _undo(self) -> Change:
        return self._project.memos.set(self.document_id, self._annotator, self._old)


class SuggestionDecisionCommand(StoreCommand):
    """Accept (optionally with another label) or reject suggestions; undo makes them pending again.

    Redo after undo brings back exactly the spans the first acceptance made (same ids), so later
    commands on the stack that refer to those spans stay valid.
    """

    def __init__(self, project: Project, document_id: str, annotator: str, suggestions: list,
                 accept: bool, refresh: Refresh, text: str, label_id: str | None = None,
                 attributes_for=None):
        super().__init__(text, refresh, document_id)
        self._project, self._document_id, self._annotator = project, document_id, annotator
        self._suggestions, self._accept, self._label_id = list(suggestions), accept, label_id
        self._attributes_for = attributes_for
        self._decisions: list = []
        self._deleted: list[str] = []
        self.span_ids: list[str] = []  # the spans the first acceptance made

    @property
    def _keys(self) -> set[tuple[str, int, int]]:
        return {(s.kind, s.start, s.end) for s in self._suggestions}

    def _do(self, first: bool) -> Change:
        change = self._decide(first)
        change.details["suggestion_keys"] = sorted(self._keys)  # which suggestions left the pending list
        return change

    def _decide(self, first: bool) -> Change:
        if not first:
            return self._project.suggestions.reapply(self._decisions, self._deleted)
        if self._accept:
            change = self._project.suggestions.accept(self._document_id, self._annotator, self._suggestions,
                                                      label_id=self._label_id,
                                                      attributes_for=self._attributes_for)
            self.span_ids = list(change.spans)
        else:
            change = self._project.suggestions.reject(self._document_id, self._annotator, self._suggestions)
            self._deleted = list(change.spans)
        keys = self._keys
        self._decisions = [d for d in self._project.suggestions.decisions(self._document_id, self._annotator)
                           if d.key in keys]
        return change

    def _undo(self) -> Change:
        change = self._project.suggestions.forget(self._document_id, self._annotator, self._keys)
        change.details["suggestion_keys"] = sorted(self._keys)  # pending again
        return change
