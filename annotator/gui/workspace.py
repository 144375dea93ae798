"""The annotation workspace: one document in the reader, with its codebook, spans and questions."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.change import Action, Change
from annotator.core.editing import cycle, resize_range, span_range_from_selection
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Label, Span
from annotator.core.shortcuts import normal_shortcut
from annotator.gui.codebook_panel import CodebookPanel
from annotator.gui.questions_panel import QuestionsPanel
from annotator.gui.reader import Mark, ReaderView
from annotator.gui.span_list import SpanListView
from annotator.gui.suggestion_panel import SuggestionPanel, kind_name
from annotator.gui.tasks import TaskRunner
from annotator.gui.undo_commands import (
    AddSpansCommand, DeleteSpansCommand, SetDocumentLabelCommand, SuggestionDecisionCommand, UpdateSpanCommand,
)
from annotator.services.suggestions import attributes_for, detect, detector_setup
from annotator.suggest import Suggestion
from annotator.store import Project


class Workspace(QObject):
    """Connects the reader and its panels to the project: every action is one store call, undoable."""

    changed = Signal(object)  # a Change, after any write
    document_shown = Signal(str)
    message = Signal(str)

    def __init__(self, project: Project, annotator: str, undo_stack: QUndoStack, parent: QWidget,
                 language: str = "en", tasks: TaskRunner | None = None):
        super().__init__(parent)
        self.project = project
        self.tasks = tasks or TaskRunner(self)
        self.annotator = annotator
        self.undo_stack = undo_stack
        self.language = language
        self.snap_to_words = True
        self.show_others = False
        self._marks_cache: dict[str, tuple[object, Mark]] = {}
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.reader = ReaderView(parent)
        self.codebook_panel = CodebookPanel(parent)
        self.span_list = SpanListView(parent)
        self.questions_panel = QuestionsPanel(parent)
        self.suggestion_panel = SuggestionPanel(parent)
        self.show_suggestions = True
        self.suggestions: list[Suggestion] = []  # pending for this annotator and document
        self._found: tuple[str, list[Suggestion]] | None = None  # detector output, per document
        self.labels: dict[str, Label] = {}
        self.reload_codebook()
        self.reader.label_key.connect(self.apply_label)
        self.reader.delete_key.connect(self.delete_selected)
        self.reader.cycle_key.connect(self.cycle_spans)
        self.reader.resize_key.connect(self.resize_selected)
        self.reader.mark_clicked.connect(self.select_span)
        self.reader.edit_key.connect(self.edit_selected)
        self.codebook_panel.label_chosen.connect(self.apply_label)
        self.span_list.span_chosen.connect(self._span_chosen_in_list)
        self.questions_panel.answered.connect(self.answer_question)
        panel = self.suggestion_panel
        panel.chosen.connect(self._suggestion_chosen_in_panel)
        panel.accept_requested.connect(lambda row, label: self.accept_suggestions([self.suggestions[row]], label))
        panel.reject_requested.connect(lambda row: self.reject_suggestions([self.suggestions[row]]))
        panel.accept_kind_requested.connect(
            lambda kind: self.accept_suggestions([x for x in self.suggestions if x.kind == kind]))
        panel.reject_kind_requested.connect(
            lambda kind: self.reject_suggestions([x for x in self.suggestions if x.kind == kind]))

    # -- loading ---------------------------------------------------------------------------

    def reload_codebook(self) -> None:
        """Re-read labels and questions (after the codebook editor changed them)."""
        all_labels = self.project.codebook.labels()
        self.labels = {label.id: label for label in all_labels}
        self.codebook_panel.set_labels(all_labels, self.language)
        self.questions_panel.set_questions([l for l in all_labels if l.kind == "document"], self.language)
        self.suggestion_panel.set_labels(all_labels, self.language)
        self._found = None
        self._start_detectors()
        self.reader.set_shortcuts({
            normal_shortcut(l.shortcut): l.id for l in all_labels if l.kind == "span" and not l.retired and l.shortcut
        })
        if self.document:
            self.refresh_spans()

    def show_document(self, document_id: str, offset: int | None = None) -> None:
        """Load a document into the reader and the panels."""
        self.tasks.cancel("suggestions")  # detectors still running for the previous document are stale now
        self.document = self.project.documents.get(document_id)
        self.reader.show_text(self.document.text)
        self.suggestions = []
        self.refresh_spans()
        # The detectors run on a worker thread once the text is on screen, so a long article opens at once.
        QTimer.singleShot(0, self._start_detectors)
        self.questions_panel.set_answers(self.project.answers.find(document_id, self.annotator))
        if offset:
            self.reader.select_range(min(offset, len(self.document.text)), min(offset, len(self.document.text)))
            self.reader.ensureCursorVisible()
        self.document_shown.emit(document_id)

    def refresh_spans(self) -> None:
        """Re-read this document's spans from the file and redraw everything that shows them."""
        if self.document is None:
            return
        self.spans = self.project.spans.of_document(self.document.id, annotator=self.annotator)
        self._marks_cache = {}
        self._show_spans()

    def _mark_for(self, span: Span) -> Mark:
        cached = self._marks_cache.get(span.id)
        if cached is not None and cached[0] is span:
            return cached[1]
        mark = self._make_mark(span)
        self._marks_cache[span.id] = (span, mark)
        return mark

    def _make_mark(self, span: Span) -> Mark:
        label = self.labels.get(span.label_id)
        name = label.display_name(self.language) if label else span.label_id
        title = f"{name}: {span.text[:80]}" + (f"\n{span.note}" if span.note else "")
        return Mark(span.id, span.start, span.end, label.color if label else "#888888", title)

    def _show_spans(self) -> None:
        marks = [self._mark_for(span) for span in self.spans]
        if self.show_others:
            marks += self._other_annotators_marks()
        if self.show_suggestions:
            marks += [self._cached_suggestion_mark(x) for x in self.suggestions]
        self.reader.set_marks(marks)
        self.span_list.model_.set_spans(self.spans, self.labels, self.language)
        self.span_list.select_span(self.reader.selected_mark_id)
        self.codebook_panel.set_counts(Counter(span.label_id for span in self.spans))

    def _apply_span_change(self, change: Change) -> None:
        """Update the shown spans from the ids a write touched, without re-reading the document's spans."""
        if self.document is None:
            return
        by_id = {span.id: span for span in self.spans}
        for span_id in change.spans:
            span = self.project.spans.get(span_id)
            if span.document_id != self.document.id or span.annotator != self.annotator or span.deleted:
                by_id.pop(span_id, None)
            else:
                by_id[span_id] = span
        self.spans = sorted(by_id.values(), key=lambda s: (s.start, -s.end, s.created))
        self._show_spans()

    def _other_annotators_marks(self) -> list[Mark]:
        """Other annotators' spans, one colour per annotator, for the lead's overlay."""
        from annotator.core.codebook import SAFE_PALETTE

        names = [a.name for a in self.project.team.annotators() if a.name != self.annotator]
        colours = {name: SAFE_PALETTE[(i + 7) % len(SAFE_PALETTE)] for i, name in enumerate(names)}
        marks = []
        for span in self.project.spans.of_document(self.document.id):
            if span.annotator == self.annotator:
                continue
            label = self.labels.get(span.label_id)
            name = label.display_name(self.language) if label else span.label_id
            marks.append(Mark(span.id, span.start, span.end, colours.get(span.annotator, "#888888"),
                              f"{span.annotator} — {name}: {span.text[:80]}", readonly=True))
        return marks

    # -- suggestions -------------------------------------------------------------------------

    @staticmethod
    def suggestion_mark_id(suggestion: Suggestion) -> str:
        return f"suggestion:{suggestion.kind}:{suggestion.start}:{suggestion.end}"

    def _cached_suggestion_mark(self, suggestion: Suggestion) -> Mark:
        key = self.suggestion_mark_id(suggestion)
        mark = self._marks_cache.get(key)
        if mark is None or mark[0] is not suggestion:
            mark = (suggestion, self._suggestion_mark(suggestion))
            self._marks_cache[key] = mark
        return mark[1]

    def _suggestion_mark(self, suggestion: Suggestion) -> Mark:
        label = self.labels.get(suggestion.label_id)
        target = label.display_name(self.language) if label else self.tr("no label yet")
        title = self.tr("Suggested: %1 → %2 (Enter accepts, Delete rejects, a label key relabels)") \
            .replace("%1", kind_name(suggestion.kind)).replace("%2", target)
        return Mark(self.suggestion_mark_id(suggestion), suggestion.start, suggestion.end,
                    label.color if label else "#777777", title, suggestion=True)

    def detach(self) -> None:
        """Forget the shown document (the project is about to close): nothing reads the file after this."""
        self.tasks.shutdown()
        self.document = None

    def _start_detectors(self) -> None:
        if self.document is None or not self.show_suggestions or self.tasks.closed:
            return
        if self._found is not None and self._found[0] == self.document.id:
            self._show_suggestions_for(self.document.id, self._found[1])
            return
        document, setup = self.document, detector_setup(self.project)

        def work(progress, cancelled) -> list[Suggestion]:
            # Plain data in, plain data out: the detectors never touch the project file.
            return detect(document, setup)

        def done(found, error) -> None:
            if error is None:  # a detector failure is logged by the task runner, and shows no suggestion
                self._show_suggestions_for(document.id, found)

        self.tasks.start("suggestions", work, done, document=document.id)

    def _show_suggestions_for(self, document_id: str, found: list) -> None:
        """Detector output for a document arrived (on the GUI thread): show what is still pending."""
        self._found = (document_id, found)
        if self.document is not None and self.document.id == document_id:
            self._refresh_pending()
            self._show_spans()

    def _refresh_pending(self) -> None:
        """Recompute which suggestions this annotator has still to decide on in this document."""
        if self.document is None or not self.show_suggestions:
            self.suggestions = []
        else:
            if self._found is None or self._found[0] != self.document.id:
                self.suggestions = []
                self.suggestion_panel.set_suggestions([], self.labels, self.language)
                self._start_detectors()
                return
            self.suggestions = self.project.suggestions.pending(self.document.id, self.annotator, self._found[1])
        self.suggestion_panel.set_suggestions(self.suggestions, self.labels, self.language)

    @property
    def selected_suggestion(self) -> Suggestion | None:
        mark_id = self.reader.selected_mark_id
        return next((x for x in self.suggestions if self.suggestion_mark_id(x) == mark_id), None)

    def _suggestion_chosen_in_panel(self, row: int) -> None:
        if 0 <= row < len(self.suggestions):
            self.reader.select_mark(self.suggestion_mark_id(self.suggestions[row]), move_cursor=True)

    def set_show_suggestions(self, on: bool) -> None:
        self.show_suggestions = on
        self._refresh_pending()
        self._show_spans()

    def accept_suggestions(self, suggestions: list[Suggestion], label_id: str = "") -> None:
        """Accept suggestions as spans (origin "suggestion"), with their own label or `label_id`."""
        if not suggestions or self.document is None:
            return
        self._push(SuggestionDecisionCommand(
            self.project, self.document.id, self.annotator, suggestions, True, self._after_write,
            self.tr("Accept %n suggestion(s)", "", len(suggestions)), label_id=label_id or None,
            attributes_for=attributes_for(self.project)))

    def reject_suggestions(self, suggestions: list[Suggestion]) -> None:
        if not suggestions or self.document is None:
            return
        self._push(SuggestionDecisionCommand(
            self.project, self.document.id, self.annotator, suggestions, False, self._after_write,
            self.tr("Reject %n suggestion(s)", "", len(suggestions))))

    def _after_write(self, change: Change) -> None:
        """Bring the reader and panels up to date with one completed write, reading no more than needed."""
        if change.action.decides_suggestions or (
                self.suggestions and change.spans and change.action is not Action.SPANS_ADDED):
            self._refresh_pending()
        if change.spans:
            if len(change.spans) <= 50:
                self._apply_span_change(change)
            else:
                self.refresh_spans()
            if self.suggestions and change.action is Action.SPANS_ADDED:
                # A new span hides the suggestion it repeats; no need to re-read every decision.
                added = {(s.label_id, s.start, s.end) for s in self.spans if s.id in set(change.spans)}
                kept = [x for x in self.suggestions if (x.label_id, x.start, x.end) not in added]
                if len(kept) != len(self.suggestions):
                    self.suggestions = kept
                    self.suggestion_panel.set_suggestions(kept, self.labels, self.language)
                    self._show_spans()
        elif change.action.decides_suggestions:
            self._show_spans()
        if self.document is not None and change.document_labels:
            self.questions_panel.set_answers(self.project.answers.find(self.document.id, self.annotator))
        self.changed.emit(change)

    def _push(self, command) -> bool:
        """Run an undoable command; a refused action is explained in a dialog, nothing is half-done."""
        try:
            command.run()
        except AnnotatorError as exc:
            QMessageBox.warning(self.reader, self.tr("Not possible"), str(exc))
            return False
        self.undo_stack.push(command)  # already done: the stack's first redo() is skipped
        return True

    # -- actions ---------------------------------------------------------------------------

    @property
    def selected_span(self) -> Span | None:
        span_id = self.reader.selected_mark_id
        return next((s for s in self.spans if s.id == span_id), None)

    def apply_label(self, label_id: str) -> Span | None:
        """Label the selected text (a new span), or relabel the selected span when no text is selected."""
        if self.document is None or label_id not in self.labels:
            return None
        label = self.labels[label_id]
        selection = self.reader.selection()
        if selection is None and self.selected_suggestion is not None:
            self.accept_suggestions([self.selected_suggestion], label_id)
            return None
        if selection is None:
            span = self.selected_span
            if span is not None and span.label_id != label_id:
                self._push(UpdateSpanCommand(self.project, span.id, {"label_id": label_id}, self._after_write,
                                             self.tr("Relabel as %s") % label.display_name(self.language)))
            elif span is None:
                self.message.emit(self.tr("Select some text first, then press a label's key."))
            return None
        text = self.document.text
        bounds = span_range_from_selection(text, selection[0], selection[1], self.snap_to_words)
        if bounds is None:
            self.message.emit(self.tr("The selection holds no words to label."))
            return None
        start, end = bounds
        span = Span(document_id=self.document.id, annotator=self.annotator, label_id=label_id,
                    start=start, end=end, text=text[start:end])
        if self._push(AddSpansCommand(self.project, [span], self._after_write,
                                      self.tr("Label as %s") % label.display_name(self.language))):
            self.reader.select_mark(span.id, move_cursor=False)
            self._mark_in_progress()
            return span
        return None

    def add_spans(self, spans: list[Span], description: str) -> bool:
        """Create several spans as one undoable action (label all occurrences)."""
        return self._push(AddSpansCommand(self.project, spans, self._after_write, description))

    def _mark_in_progress(self) -> None:
        if self.document and self.project.assignments.status(self.annotator, self.document.id) == "todo":
            self.changed.emit(self.project.assignments.set_status(self.annotator, self.document.id, "in progress"))

    def select_span(self, span_id: str) -> None:
        self.reader.select_mark(span_id or None, move_cursor=False)
        self.span_list.select_span(span_id or None)
        suggestion = self.selected_suggestion
        if suggestion is not None:
            self.suggestion_panel.select_row(self.suggestions.index(suggestion))

    def _span_chosen_in_list(self, span_id: str) -> None:
        self.reader.select_mark(span_id, move_cursor=True)
        self.reader.setFocus()

    def delete_selected(self) -> None:
        if self.selected_suggestion is not None:
            self.reject_suggestions([self.selected_suggestion])
            return
        span = self.selected_span
        if span is None:
            return
        self._push(DeleteSpansCommand(self.project, [span.id], self._after_write, self.tr("Delete span")))

    def cycle_spans(self, direction: int) -> None:
        """Step through the spans under the cursor (for overlapping or nested spans), innermost first."""
        under = [m.id for m in self.reader.marks_at(self.reader.cursor_offset())]
        current = self.selected_span
        if not under and current is not None:
            under = [m.id for m in self.reader.marks_at(current.start)]
        chosen = cycle(under, self.reader.selected_mark_id, direction)
        if chosen:
            self.select_span(chosen)
            span = self.selected_span
            label = self.labels.get(span.label_id) if span else None
            if span and label:
                self.message.emit(f"{label.display_name(self.language)}: {span.text[:60]}")

    def resize_selected(self, edge: str, delta: int) -> None:
        span = self.selected_span
        if span is None or self.document is None:
            return
        start, end = resize_range(self.document.text, span.start, span.end, edge, delta)
        if (start, end) != (span.start, span.end):
            self._push(UpdateSpanCommand(self.project, span.id, {"start": start, "end": end},
                                         self._after_write, self.tr("Resize span")))

    def set_note(self, span_id: str, note: str, attributes: dict | None = None) -> None:
        changes: dict = {"note": note}
        if attributes is not None:
            changes["attributes"] = attributes
        self._push(UpdateSpanCommand(self.project, span_id, changes, self._after_write, self.tr("Edit note")))

    def edit_selected(self) -> None:
        if self.selected_suggestion is not None:
            self.accept_suggestions([self.selected_suggestion])
            return
        span = self.selected_span
        if span is None:
            return
        from annotator.gui.span_dialog import SpanDialog

        dialog = SpanDialog(span, self.labels.get(span.label_id), self.project.codebook.attributes(),
                            self.language, self.reader)
        if dialog.exec():
            note, attributes = dialog.values()
            if note != span.note or attributes != span.attributes:
                self.set_note(span.id, note, attributes)

    def answer_question(self, question_id: str, value: str) -> None:
        if self.document is None:
            return
        self._push(SetDocumentLabelCommand(self.project, self.document.id, self.annotator, question_id, value,
                                           self._after_write, self.tr("Answer question")))
