"""Undoable gold-standard actions of the disagreement browser: each redo/undo is one store call.

Spans added to gold (accepted, agreed, the curator's own) are deleted on undo and restored (same ids) on
redo; a removed gold span comes back on undo; gold answers and a document's "settled" mark go back to
what they were. Like the annotation commands (undo_commands.py), a command runs once through `run()`
before it is pushed, so a refused action never reaches the stack.
"""

from __future__ import annotations

from typing import Callable, Sequence

from annotator.core.change import Action, Change
from annotator.gui.undo_commands import Refresh, StoreCommand
from annotator.store import Project


class GoldSpansAdded(StoreCommand):
    """An action that adds gold spans (`action()` returns its Change); undo deletes them, redo restores them."""

    def __init__(self, project: Project, action: Callable[[], Change], refresh: Refresh, text: str):
        super().__init__(text, refresh)
        self._project, self._action = project, action
        self._ids: list[str] = []
        self.change: Change | None = None

    def _do(self, first: bool) -> Change:
        if first:
            self.change = self._action()
            self._ids = list(self.change.spans)
            return self.change
        return self._project.spans.restore_many(self._ids)

    def _undo(self) -> Change:
        return self._project.spans.delete_many(self._ids)


class GoldSpanRemoved(StoreCommand):
    """Remove a span from gold; undo brings it back."""

    def __init__(self, project: Project, span_id: str, refresh: Refresh, text: str):
        super().__init__(text, refresh)
        self._project, self._id = project, span_id

    def _do(self, first: bool) -> Change:
        return self._project.adjudication.delete_span(self._id)

    def _undo(self) -> Change:
        return self._project.spans.restore(self._id)


class GoldAnswersChanged(StoreCommand):
    """An action that sets gold answers in `document_ids`; undo puts each changed answer back as it was."""

    def __init__(self, project: Project, document_ids: Sequence[str], action: Callable[[], Change],
                 refresh: Refresh, text: str):
        super().__init__(text, refresh)
        self._project, self._documents, self._action = project, list(document_ids), action
        self._edits: list[tuple[str, str, str, str]] = []  # document, question, before, after
        self.change: Change | None = None

    def _answers(self) -> dict[str, dict[str, str]]:
        return {doc: self._project.adjudication.gold_answers(doc) for doc in self._documents}

    def _apply(self, which: int) -> Change:
        changed: list[str] = []
        for edit in self._edits:
            changed += self._project.adjudication.set_answer(edit[0], edit[1], edit[which]).document_labels
        return Change(Action.DOCUMENT_LABEL_SET,
                      documents=sorted({e[0] for e in self._edits}), document_labels=changed)

    def _do(self, first: bool) -> Change:
        if not first:
            return self._apply(3)
        before = self._answers()
        self.change = self._action()
        after = self._answers()
        self._edits = [(doc, q, before[doc].get(q, ""), after[doc].get(q, ""))
                       for doc in self._documents for q in sorted(set(before[doc]) | set(after[doc]))
                       if before[doc].get(q, "") != after[doc].get(q, "")]
        return self.change

    def _undo(self) -> Change:
        return self._apply(2)


class GoldSettled(StoreCommand):
    """Mark a document settled in gold (or open it again); undo restores the mark it had."""

    def __init__(self, project: Project, document_id: str, settled: bool, refresh: Refresh, text: str):
        super().__init__(text, refresh)
        self._project, self._document, self._settled = project, document_id, settled
        self._before = project.adjudication.is_settled(document_id)

    def _do(self, first: bool) -> Change:
        return self._project.adjudication.settle([self._document], self._settled)

    def _undo(self) -> Change:
        return self._project.adjudication.settle([self._document], self._before)
