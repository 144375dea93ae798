"""Adjudication in the disagreement browser: accept a span or the agreed spans and answers into the gold
standard, add the selected words, remove a gold span, set a gold answer, settle a document; each action is
one store call on the undo stack."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.core.change import Change
from annotator.core.editing import span_range_from_selection
from annotator.core.errors import AnnotatorError
from annotator.gui.adjudication_panel import GOLD
from annotator.gui.gold_commands import GoldAnswersChanged, GoldSettled, GoldSpanRemoved, GoldSpansAdded
from annotator.gui.plain_text import plain
from annotator.gui.reasons import error_message


class GoldActions:
    """The DisagreementView's part that writes the gold standard (mixed into DisagreementView)."""

    def _push(self, command) -> Change | None:
        """Run one undoable gold action (a refusal is explained, nothing half-done) and put it on the stack."""
        if not self.adjudicate:
            self.panel.status.setText(self.tr("Only the project lead builds the gold standard in this project."))
            return None
        try:
            command.run()
        except (AnnotatorError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not possible"), plain(error_message(exc)))
            return None
        self.undo_stack.push(command)  # already done: the stack's first redo() is skipped
        return getattr(command, "change", None) or self._last_change

    def _after_gold(self, change: Change) -> None:
        """Bring the view up to date after a gold action, its undo or its redo."""
        self._last_change = change
        if self.project.closed:
            return
        self.refresh_document()
        self._refresh_gold_counts()
        if change:
            self.changed.emit(change)

    def _refresh_gold_counts(self) -> None:
        gold = self.project.adjudication.gold_span_counts()
        for row, doc in enumerate(self.ranked):
            item = self.documents.item(row, 4)
            if item is not None:
                item.setText(str(gold[doc.id]) if gold.get(doc.id) else "")

    def _say(self, change: Change | None) -> None:
        if change is None:
            return
        accepted, skipped = change.details.get("accepted", 0), change.details.get("already_in_gold", 0)
        text = self.tr("%1 added to gold").replace("%1", str(accepted))
        if skipped:
            text += self.tr("; %1 already there").replace("%1", str(skipped))
        self.panel.status.setText(text + ".")

    def accept_selected(self) -> Change | None:
        """Copy the selected row's span (the selected annotator's, else the first coder's) into gold."""
        group = self.panel.selected_group()
        if group is None:
            self.panel.status.setText(self.tr("Select a span in the table or the text first."))
            return None
        who = self.panel.selected_annotator()
        if who not in group.by_annotator:
            who = next((a for a in self.coders if a in group.by_annotator), None)
        if who is None:
            self.panel.status.setText(self.tr("This span is in the gold standard already."))
            return None
        span_id = group.by_annotator[who].id
        change = self._push(GoldSpansAdded(self.project, lambda: self.project.adjudication.accept_span(
            span_id, curator=self.curator), self._after_gold, self.tr("Accept into gold")))
        self._say(change)
        return change

    def remove_selected_gold(self) -> Change | None:
        """Delete the gold span of the selected row."""
        group = self.panel.selected_group()
        if group is None or GOLD not in group.by_annotator:
            self.panel.status.setText(self.tr("Select a row that has a gold span."))
            return None
        change = self._push(GoldSpanRemoved(self.project, group.by_annotator[GOLD].id, self._after_gold,
                                            self.tr("Remove from gold")))
        if change:
            self.panel.status.setText(self.tr("Removed from gold."))
        return change

    def add_selection_to_gold(self) -> Change | None:
        """Add the text selected in the reader, with the chosen label, as the curator's gold span."""
        selection = self.reader.selection()
        bounds = span_range_from_selection(self.document.text, *selection) if selection and self.document else None
        if bounds is None:
            self.panel.status.setText(self.tr("Select some words in the text first."))
            return None
        label_id, document_id = self.panel.label_combo.currentData(), self.document.id
        change = self._push(GoldSpansAdded(self.project, lambda: self.project.adjudication.add_span(
            document_id, label_id, *bounds, curator=self.curator), self._after_gold, self.tr("Add to gold")))
        self._say(change)
        return change

    def _filters(self) -> dict:
        filters = self.report.filters if self.report else {}
        return {"annotators": filters.get("annotators") or None, "done_only": bool(filters.get("done_only"))}

    def accept_agreed(self, every_document: bool = False, confirm: bool = True) -> Change | None:
        """Accept every span the chosen share of annotators marked exactly, here or in every listed document."""
        if self.document is None:
            return None
        ids = [d.id for d in self.ranked] if every_document else [self.document.id]
        if every_document and confirm and QMessageBox.question(
                self, self.tr("Accept agreed spans"),
                self.tr("Accept into gold the spans agreed by %1 in all %2 listed documents?")
                .replace("%1", self.panel.threshold_combo.currentText()).replace("%2", str(len(ids)))
        ) != QMessageBox.StandardButton.Yes:
            return None
        labels = (self.report.filters.get("labels") or None) if self.report else None
        threshold, filters = self.panel.threshold, self._filters()
        change = self._push(GoldSpansAdded(self.project, lambda: self.project.adjudication.accept_agreed_spans(
            ids, threshold=threshold, labels=labels, curator=self.curator, **filters), self._after_gold,
            self.tr("Accept agreed spans")))
        self._say(change)
        return change

    def accept_agreed_answers(self) -> Change | None:
        """Set the gold answers the chosen share of annotators agree on in this document."""
        if self.document is None:
            return None
        labels = (self.report.filters.get("labels") or None) if self.report else None
        ids, threshold, filters = [self.document.id], self.panel.threshold, self._filters()
        change = self._push(GoldAnswersChanged(self.project, ids, lambda: self.project.adjudication.accept_agreed_answers(
            ids, threshold=threshold, questions=labels, **filters), self._after_gold,
            self.tr("Accept agreed answers")))
        self._say(change)
        return change

    def set_gold_answer(self, question: str, value: str) -> Change | None:
        """Record the curator's gold answer to a question about this document."""
        if self.document is None:
            return None
        document_id = self.document.id
        change = self._push(GoldAnswersChanged(self.project, [document_id], lambda: self.project.adjudication.set_answer(
            document_id, question, value), self._after_gold, self.tr("Gold answer")))
        if change is not None:
            self.panel.status.setText(self.tr("Gold answer saved.") if value else self.tr("Gold answer cleared."))
        return change

    def set_settled(self, settled: bool) -> Change | None:
        """Mark the document settled in gold (what gold lacks was rejected), or open it again."""
        if self.document is None or settled == self.project.adjudication.is_settled(self.document.id):
            return None
        change = self._push(GoldSettled(self.project, self.document.id, settled, self._after_gold,
                                        self.tr("Document settled") if settled else self.tr("Document opened again")))
        if change is None:
            self.panel.show_settled(self.project.adjudication.is_settled(self.document.id))
        return change
