"""The workspace's suggestions: the detectors and the model run off the GUI thread for the shown article,
their pending suggestions shown in the reader and the panel, accepted or rejected as undoable steps."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.gui.suggestion_panel import KIND_NAMES, kind_name
from annotator.gui.suggestion_state import DetectorResult, MarkText, PendingSuggestions, suggestion_mark_id
from annotator.gui.undo_commands import SuggestionDecisionCommand
from annotator.services.suggestions import attributes_for, detector_setup, suggestions_for
from annotator.suggest import Suggestion

PENDING_ON_GUI_THREAD = 1000  # cached suggestions up to this many are sorted out at once, more on a worker


class SuggestionDecisionNames(QObject):
    """The counted (%n) names of the accept and reject steps, in a context of their own. Not self.tr in the
    mixin: PySide's tr tries the classes of Workspace's MRO in turn and keeps the first text that differs from
    the source, and a filled-in count ("Accept 1 suggestion(s)") differs already, so the mixin's translation
    was never used."""

    def accepted(self, count: int) -> str:
        return self.tr("Accept %n suggestion(s)", "", count)

    def rejected(self, count: int) -> str:
        return self.tr("Reject %n suggestion(s)", "", count)


class SuggestionHandling:
    """The Workspace's part that finds, shows, accepts and rejects suggestions (mixed into Workspace)."""

    suggestion_mark_id = staticmethod(suggestion_mark_id)

    @property
    def suggestions(self) -> list[Suggestion]:
        """The pending suggestions of the shown document, in text order."""
        return self.suggestion_state.pending

    def _clear_suggestions(self) -> None:
        self.suggestion_state.clear()
        self.suggestion_panel.set_suggestions([], self.labels, self.language)

    def _mark_text(self) -> MarkText:
        return MarkText({kind: kind_name(kind) for kind in KIND_NAMES}, self.tr("no label yet"),
                        self.tr("Suggested: %1 → %2 (Enter accepts, Delete rejects, a label key relabels)"))

    def _start_detectors(self) -> None:
        """Run the detectors (or take their cached output) and prepare the pending list, off the GUI thread."""
        if self.document is None or not self.show_suggestions or self.tasks.closed:
            return
        document, labels, language, text = self.document, dict(self.labels), self.language, self._mark_text()
        cached = self.suggestion_state.cached(document.id)
        decided = {d.key for d in self.project.suggestions.decisions(document.id, self.annotator)}
        annotated, edits = set(k for k, n in self._keys.items() if n > 0), self._edits
        if cached is not None and len(cached.found) <= PENDING_ON_GUI_THREAD:
            self._suggestions_ready(document.id, cached, PendingSuggestions.build(cached, decided, annotated),
                                    decided, edits)
            return
        setup = None if cached else detector_setup(self.project, self.recommenders)

        def work(progress, cancelled):
            # Plain data in, plain data out: the detectors and the model never touch the project file.
            result = cached or DetectorResult.build(document.id, suggestions_for(document, setup), labels,
                                                    language, text)
            return result, PendingSuggestions.build(result, decided, annotated)

        def done(value, error) -> None:
            if error is None and value is not None:  # a failure is logged by the task runner
                self._suggestions_ready(document.id, value[0], value[1], decided, edits)

        self.tasks.start("suggestions", work, done, document=document.id)

    def refresh_suggestions(self) -> None:
        """Find this document's suggestions again (the model changed)."""
        self.suggestion_state.forget_results()
        self._start_detectors()

    def _suggestions_ready(self, document_id: str, result: DetectorResult, pending: PendingSuggestions,
                           decided: set, edits: int) -> None:
        """Prepared suggestions arrived on the GUI thread: swap them in (the annotator may have labelled meanwhile)."""
        self.suggestion_state.remember(result)
        if self.document is None or self.document.id != document_id or not self.show_suggestions:
            return
        self.suggestion_state.show(result, pending, decided)
        self.suggestion_panel.set_suggestions(self.suggestions, self.labels, self.language)
        if edits != self._edits:
            for key in list(k for k, n in self._keys.items() if n > 0):
                self.suggestion_state.span_added(key)

    def _show_pending(self, result: DetectorResult) -> None:
        decided = {d.key for d in self.project.suggestions.decisions(result.document_id, self.annotator)}
        annotated = set(k for k, n in self._keys.items() if n > 0)
        self.suggestion_state.show(result, PendingSuggestions.build(result, decided, annotated), decided)
        self.suggestion_panel.set_suggestions(self.suggestions, self.labels, self.language)

    @property
    def selected_suggestion(self) -> Suggestion | None:
        mark_id = self.reader.selected_mark_id
        if not mark_id or not mark_id.startswith("suggestion:"):
            return None
        return next((x for x in self.suggestions if suggestion_mark_id(x) == mark_id), None)

    def _suggestion_chosen_in_panel(self, row: int) -> None:
        if 0 <= row < len(self.suggestions):
            self.reader.select_mark(suggestion_mark_id(self.suggestions[row]), move_cursor=True)

    def set_show_suggestions(self, on: bool) -> None:
        self.show_suggestions = on
        self._clear_suggestions()
        if on:
            self._start_detectors()

    def accept_suggestions(self, suggestions: list[Suggestion], label_id: str = "") -> None:
        """Accept suggestions as spans (origin "suggestion"), with their own label or `label_id`."""
        if not suggestions or self.document is None:
            return
        command = SuggestionDecisionCommand(
            self.project, self.document.id, self.annotator, suggestions, True, self._after_write,
            SuggestionDecisionNames().accepted(len(suggestions)), label_id=label_id or None,
            attributes_for=attributes_for(self.project))
        if self._push(command) and len(suggestions) == 1 and command.span_ids:
            self.select_span(command.span_ids[0])  # the new span, ready for a note (Enter) or a relabel

    def reject_suggestions(self, suggestions: list[Suggestion]) -> None:
        if not suggestions or self.document is None:
            return
        self._push(SuggestionDecisionCommand(
            self.project, self.document.id, self.annotator, suggestions, False, self._after_write,
            SuggestionDecisionNames().rejected(len(suggestions))))
