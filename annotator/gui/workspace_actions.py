"""What the annotator does in the shown article: label and relabel, select and cycle, resize, delete, notes
and attributes, the article's status, answers and memo; each write is one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from annotator.core.editing import cycle, resize_range, span_range_from_selection
from annotator.core.model import Span
from annotator.gui.suggestion_state import span_key
from annotator.gui.undo_commands import (
    AddSpansCommand, DeleteSpansCommand, SetDocumentLabelCommand, SetMemoCommand, SetStatusCommand,
    UpdateSpanCommand,
)


class AnnotatorActions:
    """The Workspace's part that carries out the annotator's actions (mixed into Workspace)."""

    @property
    def selected_span(self) -> Span | None:
        span_id = self.reader.selected_mark_id
        return self._by_id.get(span_id) if span_id else None

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
        twin = next((s for s in self.spans if span_key(s) == (label_id, start, end)), None) \
            if self._keys[(label_id, start, end)] > 0 else None
        if twin is not None:  # the very same span exists: select it rather than make a second
            self.reader.place_cursor(end)
            self.select_span(twin.id)
            self.message.emit(self.tr("These words are already labelled %s.") % label.display_name(self.language))
            return None
        span = Span(document_id=self.document.id, annotator=self.annotator, label_id=label_id,
                    start=start, end=end, text=text[start:end])
        if self._push(AddSpansCommand(self.project, [span], self._after_write,
                                      self.tr("Label as %s") % label.display_name(self.language))):
            self.reader.place_cursor(end)  # the raw selection goes: the span is what is selected now
            self.select_span(span.id)
            self._mark_in_progress()
            return span
        return None

    def add_spans(self, spans: list[Span], description: str) -> bool:
        """Create several spans as one undoable action (label all occurrences)."""
        return self._push(AddSpansCommand(self.project, spans, self._after_write, description))

    def _mark_in_progress(self) -> None:
        if self.document and self.status == "todo":
            self.changed.emit(self.project.assignments.set_status(self.annotator, self.document.id, "in progress"))
            self.status = "in progress"

    def set_status(self, status: str, description: str) -> bool:
        """Set this annotator's status of the shown document, as an undoable step."""
        if self.document is None:
            return False
        return self._push(SetStatusCommand(self.project, self.annotator, self.document.id, status,
                                           self._after_write, description))

    def select_span(self, span_id: str) -> None:
        self.reader.select_mark(span_id or None, move_cursor=False)
        self.span_list.select_span(span_id or None, self._row_of_id(span_id))
        suggestion = self.selected_suggestion
        if suggestion is not None:
            self.suggestion_panel.select_row(self.suggestion_state.index_of(suggestion))

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
        """Step through the spans and suggestions under the cursor (nested or overlapping), innermost first."""
        under = [m.id for m in self.reader.marks_under(self.reader.cursor_offset()) if not m.readonly]
        current = self.reader.mark(self.reader.selected_mark_id) if self.reader.selected_mark_id else None
        if not under and current is not None:
            under = [m.id for m in self.reader.marks_under(current.start) if not m.readonly]
        chosen = cycle(under, self.reader.selected_mark_id, direction)
        if not chosen:
            return
        self.select_span(chosen)
        span, suggestion = self.selected_span, self.selected_suggestion
        label = self.labels.get(span.label_id) if span else None
        if span and label:
            self.message.emit(f"{label.display_name(self.language)}: {span.text[:60]}")
        elif suggestion is not None:
            self.message.emit(f"{self.reader.mark(chosen).title}: {suggestion.text[:60]}")

    def _resize(self, span: Span, start: int, end: int) -> None:
        if (start, end) != (span.start, span.end):
            self._push(UpdateSpanCommand(self.project, span.id, {"start": start, "end": end},
                                         self._after_write, self.tr("Resize span")))

    def resize_selected(self, edge: str, delta: int) -> None:
        span = self.selected_span
        if span is None or self.document is None:
            return
        self._resize(span, *resize_range(self.document.text, span.start, span.end, edge, delta))

    def drag_edge(self, span_id: str, edge: str, offset: int) -> None:
        """An edge of a span was dragged with the mouse to `offset`: resize it (snapped to words if on)."""
        span = self._by_id.get(span_id)
        if span is None or self.document is None:
            return
        start, end = (offset, span.end) if edge == "start" else (span.start, offset)
        bounds = span_range_from_selection(self.document.text, start, end, self.snap_to_words) if start < end else None
        if bounds is None:
            self.message.emit(self.tr("A span cannot be made empty; drag the edge less far."))
            return
        self._resize(span, *bounds)

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

    # -- the article's answers and memo ------------------------------------------------------

    def answer_question(self, question_id: str, value: str) -> None:
        if self.document is None:
            return
        self._push(SetDocumentLabelCommand(self.project, self.document.id, self.annotator, question_id, value,
                                           self._after_write, self.tr("Answer question")))

    def edit_answer_note(self, question_id: str) -> None:
        """Ask for the note on this annotator's answer to a question (why this answer)."""
        if self.document is None:
            return
        answer = next((a for a in self.project.answers.find(self.document.id, self.annotator)
                       if a.question == question_id), None)
        if answer is None:
            return
        question = self.labels.get(question_id)
        note, ok = QInputDialog.getMultiLineText(
            self.reader, self.tr("Note on your answer"),
            self.tr("Why this answer to “%s”?") % (question.display_name(self.language) if question else question_id),
            answer.note)
        if ok and note != answer.note:
            self._push(SetDocumentLabelCommand(self.project, self.document.id, self.annotator, question_id,
                                               answer.value, self._after_write, self.tr("Edit answer note"),
                                               note=note))

    def save_memo(self, text: str) -> None:
        """Keep what the annotator wrote in the memo of the shown article (an undoable step)."""
        if self.document is None or text == self.project.memos.get(self.document.id, self.annotator):
            return
        self._push(SetMemoCommand(self.project, self.annotator, self.document.id, text, self._after_write,
                                  self.tr("Edit memo")))
