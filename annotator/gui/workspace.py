"""The annotation workspace: one document in the reader, with its codebook, spans, suggestions, questions
and memo. Every action is one undoable store call; what it changed is applied to the views one span at
a time, so a key press costs the same in a short article as in one with thousands of spans.

The annotator's actions are in workspace_actions.py, the suggestions in workspace_suggestions.py."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotator.core.change import Action, Change
from annotator.core.codebook import SAFE_PALETTE
from annotator.core.errors import AnnotatorError
from annotator.gui.reasons import error_message
from annotator.core.model import Document, Label, Span
from annotator.core.shortcuts import normal_shortcut
from annotator.gui.codebook_panel import CodebookPanel
from annotator.gui.memo_panel import MemoPanel
from annotator.gui.plain_text import plain
from annotator.gui.questions_panel import QuestionsPanel
from annotator.gui.reader import Mark, ReaderView
from annotator.gui.span_list import SpanListView
from annotator.gui.suggestion_panel import SuggestionPanel
from annotator.gui.suggestion_state import SuggestionState, span_key
from annotator.gui.tasks import TaskRunner
from annotator.gui.undo_commands import StoreCommand
from annotator.gui.workspace_actions import AnnotatorActions
from annotator.gui.workspace_suggestions import SuggestionHandling
from annotator.store import Project

FULL_RELOAD = 200  # a write touching more spans than this re-reads the document's spans at once


def _order(span: Span) -> tuple:
    return (span.start, -span.end, span.created, span.id)


class Workspace(AnnotatorActions, SuggestionHandling, QObject):
    """Connects the reader and its panels to the project: every action is one store call, undoable."""

    changed = Signal(object)  # a Change, after any write
    document_shown = Signal(str)
    document_requested = Signal(str)  # undo or redo changes an article that is not on screen
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
        self.document: Document | None = None
        self.status = "todo"
        self.spans: list[Span] = []  # this annotator's, in text order
        self._orders: list[tuple] = []
        self._by_id: dict[str, Span] = {}
        self._keys: Counter = Counter()
        self._counts: Counter = Counter()
        self._edits = 0
        self.reader = ReaderView(parent)
        self.codebook_panel = CodebookPanel(parent)
        self.span_list = SpanListView(parent)
        self.questions_panel = QuestionsPanel(parent)
        self.suggestion_panel = SuggestionPanel(parent)
        self.memo_panel = MemoPanel(parent)
        self.overlay_legend = QLabel(parent)
        self.overlay_legend.setObjectName("overlayLegend")
        self.overlay_legend.hide()
        self.show_suggestions = True
        self.suggestion_state = SuggestionState(self.reader, self.suggestion_panel.remove_row,
                                                self.suggestion_panel.insert_row)
        self.recommenders = None  # the model whose recommendations join the suggestions (gui/learning.py sets it)
        self.labels: dict[str, Label] = {}
        self.reload_codebook()
        reader = self.reader
        reader.label_key.connect(self.apply_label)
        reader.delete_key.connect(self.delete_selected)
        reader.cycle_key.connect(self.cycle_spans)
        reader.resize_key.connect(self.resize_selected)
        reader.mark_clicked.connect(self.select_span)
        reader.edit_key.connect(self.edit_selected)
        reader.edge_dragged.connect(self.drag_edge)
        self.codebook_panel.label_chosen.connect(self.apply_label)
        self.codebook_panel.hidden_changed.connect(reader.set_hidden_labels)
        self.span_list.span_chosen.connect(self._span_chosen_in_list)
        self.questions_panel.answered.connect(self.answer_question)
        self.questions_panel.note_requested.connect(self.edit_answer_note)
        self.memo_panel.edited.connect(self.save_memo)
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
        shortcuts = {
            normal_shortcut(l.shortcut): l.id for l in all_labels if l.kind == "span" and not l.retired and l.shortcut
        }
        self.suggestion_panel.set_labels(all_labels, self.language, shortcuts)
        self.suggestion_state.forget_results()
        self.reader.set_shortcuts(shortcuts)
        if self.document:
            self.refresh_spans()
            self._clear_suggestions()
            self._start_detectors()

    def show_document(self, document_id: str, offset: int | None = None) -> None:
        """Load a document into the reader and the panels."""
        self.tasks.cancel("suggestions")  # detectors still running for the previous document are stale now
        self.memo_panel.flush()
        self.document = self.project.documents.get(document_id)
        self.status = self.project.assignments.status(self.annotator, document_id)
        self.reader.show_text(self.document.text, key=document_id)
        self._clear_suggestions()
        self.refresh_spans()
        # The suggestions are prepared on a worker thread once the text is on screen.
        QTimer.singleShot(0, self._start_detectors)
        self.questions_panel.set_answers(self.project.answers.find(document_id, self.annotator))
        self.memo_panel.set_memo(self.project.memos.get(document_id, self.annotator))
        if offset:
            self.reader.place_cursor(min(offset, len(self.document.text)))
            self.reader.ensureCursorVisible()
        self.document_shown.emit(document_id)

    def refresh_spans(self) -> None:
        """Re-read this document's spans from the file and redraw everything that shows them."""
        if self.document is None:
            return
        self.spans = self.project.spans.of_document(self.document.id, annotator=self.annotator)
        self.spans.sort(key=_order)
        self._orders = [_order(s) for s in self.spans]
        self._by_id = {s.id: s for s in self.spans}
        self._keys = Counter(span_key(s) for s in self.spans)
        self._counts = Counter(s.label_id for s in self.spans)
        self._edits += 1
        marks = [self._make_mark(span) for span in self.spans]
        if self.show_others:
            marks += self._other_annotators_marks()
        else:
            self.overlay_legend.hide()
        self.reader.set_span_marks(marks)
        self.span_list.model_.set_spans(self.spans, self.labels, self.language)
        self.span_list.select_span(self.reader.selected_mark_id)
        self.codebook_panel.set_counts(self._counts)
        if self.suggestion_state.result is not None:
            self._show_pending(self.suggestion_state.result)

    def _make_mark(self, span: Span) -> Mark:
        label = self.labels.get(span.label_id)
        name = label.display_name(self.language) if label else span.label_id
        title = f"{name}: {span.text[:80]}" + (f"\n{span.note}" if span.note else "")
        return Mark(span.id, span.start, span.end, label.color if label else "#888888", title,
                    label_id=span.label_id, name=name)

    def _other_annotators_marks(self) -> list[Mark]:
        """Other annotators' spans, one colour per annotator, for the lead's overlay (with its legend)."""
        names = [a.name for a in self.project.team.annotators() if a.name != self.annotator]
        colours = {name: SAFE_PALETTE[(i + 7) % len(SAFE_PALETTE)] for i, name in enumerate(names)}
        marks, shown = [], set()
        for span in self.project.spans.of_document(self.document.id):
            if span.annotator == self.annotator:
                continue
            label = self.labels.get(span.label_id)
            name = label.display_name(self.language) if label else span.label_id
            shown.add(span.annotator)
            marks.append(Mark(span.id, span.start, span.end, colours.get(span.annotator, "#888888"),
                              f"{span.annotator} — {name}: {span.text[:80]}", readonly=True,
                              label_id=span.label_id, name=f"{span.annotator}: {name}"))
        entries = "".join(f'<span style="color:{colours.get(n, "#888888")}">■</span>&nbsp;{n}&nbsp;&nbsp; '
                          for n in sorted(shown))
        self.overlay_legend.setText(self.tr("Other annotators' spans (dashed lines): %s") % entries
                                    if shown else self.tr("No other annotator has spans in this article."))
        self.overlay_legend.show()
        return marks

    # -- spans, one at a time ---------------------------------------------------------------

    def _row_of(self, span: Span) -> int:
        at = bisect_left(self._orders, _order(span))
        return at if at < len(self.spans) and self.spans[at].id == span.id else -1

    def _take_out(self, span: Span) -> None:
        row = self._row_of(span)
        if row >= 0:
            del self.spans[row], self._orders[row]
            self.span_list.model_.remove_row(row)
        del self._by_id[span.id]
        self._keys[span_key(span)] -= 1
        self._counts[span.label_id] -= 1
        self.codebook_panel.set_count(span.label_id, self._counts[span.label_id])

    def _put_in(self, span: Span) -> None:
        row = bisect_left(self._orders, _order(span))
        self.spans.insert(row, span)
        self._orders.insert(row, _order(span))
        self.span_list.model_.insert_row(row, span)
        self._by_id[span.id] = span
        self._keys[span_key(span)] += 1
        self._counts[span.label_id] += 1
        self.codebook_panel.set_count(span.label_id, self._counts[span.label_id])

    def _apply_span_change(self, change: Change) -> None:
        """Update the shown spans from the ids a write touched, without re-reading the document's spans."""
        if self.document is None:
            return
        for span_id in change.spans:
            old = self._by_id.get(span_id)
            new = self.project.spans.get(span_id)
            keep = new.document_id == self.document.id and new.annotator == self.annotator and not new.deleted
            if old is not None:
                self._take_out(old)
            if keep:
                self._put_in(new)
                self.reader.replace_mark(self._make_mark(new))
            elif old is not None:
                self.reader.remove_marks([span_id])
            if old is not None and (not keep or span_key(old) != span_key(new)):
                self.suggestion_state.span_gone(span_key(old), self._keys[span_key(old)] > 0)
            if keep:
                self.suggestion_state.span_added(span_key(new))
        self._edits += 1
        self.span_list.select_span(self.reader.selected_mark_id, self._row_of_id(self.reader.selected_mark_id))

    def _row_of_id(self, span_id: str | None) -> int:
        span = self._by_id.get(span_id) if span_id else None
        return self._row_of(span) if span else -1

    # -- after every write ---------------------------------------------------------------------

    def _after_write(self, change: Change) -> None:
        """Bring the reader and panels up to date with one completed write, reading no more than needed."""
        keys = [tuple(k) for k in change.details.get("suggestion_keys", ())]
        undone = change.action is Action.SUGGESTION_DECISIONS_UNDONE
        if change.action.decides_suggestions and not undone:
            self.suggestion_state.decided_on(keys)
        if change.spans:
            if len(change.spans) > FULL_RELOAD:
                self.refresh_spans()
            else:
                self._apply_span_change(change)
        if undone:
            self.suggestion_state.undecided(keys, lambda key: self._keys[key] > 0)
        if self.document is not None and self.document.id in change.documents:
            if change.document_labels:
                self.questions_panel.set_answers(self.project.answers.find(self.document.id, self.annotator))
            if change.action is Action.STATUS_SET:
                self.status = self.project.assignments.status(self.annotator, self.document.id)
            if change.action is Action.MEMO_SET:
                self.memo_panel.set_memo(self.project.memos.get(self.document.id, self.annotator))
        self.changed.emit(change)

    def _push(self, command: StoreCommand) -> bool:
        """Run an undoable command; a refused action is explained in a dialog, nothing is half-done."""
        try:
            command.run()
        except AnnotatorError as exc:
            QMessageBox.warning(self.reader, self.tr("Not possible"), plain(error_message(exc)))
            return False
        command.before_replay, command.after_replay = self._before_replay, self._after_replay
        self.undo_stack.push(command)  # already done: the stack's first redo() is skipped
        return True

    def _before_replay(self, command: StoreCommand) -> None:
        """Undo or redo is about to change an article: show it first."""
        if command.document_id and (self.document is None or self.document.id != command.document_id):
            self.document_requested.emit(command.document_id)

    def _after_replay(self, command: StoreCommand, change: Change, undone: bool) -> None:
        """Show where the undo or redo changed the article, and say what it was."""
        self.message.emit((self.tr("Undone: %s") if undone else self.tr("Redone: %s")) % command.text())
        if self.document is None or command.document_id != self.document.id or not change.spans:
            return
        live = next((self._by_id[i] for i in change.spans if i in self._by_id), None)
        if live is not None:
            self.select_span(live.id)
            self.reader.place_cursor(live.start)
            self.reader.scroll_to(live.start)
            return
        gone = self.project.spans.get(change.spans[0])
        self.select_span("")
        self.reader.place_cursor(gone.start)
        self.reader.scroll_to(gone.start)

    def detach(self) -> None:
        """Forget the shown document (the project is about to close): nothing reads the file after this."""
        self.memo_panel.flush()
        self.tasks.shutdown()
        self.document = None
