"""The disagreement browser: documents ranked by disagreement; for one, every annotator's spans over the text
in their own colour with differences marked, and adjudication into the gold standard (one store call each)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QMessageBox, QSplitter,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_spans import DocumentSpans
from annotator.agreement.report_tables import rank_by_disagreement
from annotator.core.change import Change
from annotator.core.consensus import AlignedSpan, align_spans
from annotator.core.editing import span_range_from_selection
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document
from annotator.gui.adjudication_panel import GOLD, GOLD_COLOUR, AdjudicationPanel
from annotator.gui.agreement_charts import Footnotes, fit_columns
from annotator.gui.plain_text import plain
from annotator.gui.gold_commands import GoldAnswersChanged, GoldSettled, GoldSpanRemoved, GoldSpansAdded
from annotator.gui.reader import Mark, ReaderView
from annotator.gui.review import ReportRequest, compute_report
from annotator.gui.tasks import TaskDialog, error_text
from annotator.gui.tables import read_only_table
from annotator.store import Project
from annotator.gui.reasons import message_text

# Colour-blind-safe annotator colours (Okabe-Ito first), avoiding the yellow that vanishes on white.
ANNOTATOR_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733",
                     "#332288", "#999933")


def annotator_colours(names: list[str]) -> dict[str, str]:
    """A stable colour per annotator (in report order), and black for gold."""
    colours = {name: ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)] for i, name in enumerate(names)}
    colours[GOLD] = GOLD_COLOUR
    return colours


class DisagreementView(TaskDialog):
    """Find the articles where annotators diverge and settle them into a gold standard."""

    changed = Signal(object)  # a Change, after every write

    def __init__(self, project: Project, curator: str, parent: QWidget | None = None, adjudicate: bool = True,
                 language: str = "en", undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.project = project
        # Gold actions go on the main window's undo stack when given (Ctrl+Z there undoes them too).
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.curator = curator
        self.language = language
        self.report: AgreementReport | None = None
        self.ranked: list[DocumentSpans] = []
        self.document: Document | None = None
        self.coders: list[str] = []
        self.colours: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.groups: list[AlignedSpan] = []
        self.task = None
        self._last_change: Change | None = None
        self.labels = {label.id: label for label in project.codebook.labels()}
        self.setWindowTitle(self.tr("Disagreements and adjudication — %s") % project.name)
        self.resize(1440, 900)
        self.setSizeGripEnabled(True)
        self._build()
        self.adjudicate = adjudicate

    @property
    def adjudicate(self) -> bool:
        return self._adjudicate

    @adjudicate.setter
    def adjudicate(self, allowed: bool) -> None:
        self._adjudicate = allowed
        self.panel.set_curator(allowed)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        self.ranking_caption = QLabel(self.tr("<b>Documents</b>, most disagreement first"), left)
        self.ranking_caption.setWordWrap(True)
        side.addWidget(self.ranking_caption)
        self.documents = read_only_table(left, ["#", self.tr("Document"), self.tr("u-α"), self.tr("Exact F1"),
                                                self.tr("Gold")], self.tr("Documents ranked by disagreement"))
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setWordWrap(False)
        self.documents.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.documents.itemSelectionChanged.connect(self._document_chosen)
        fit_columns(self.documents, stretch=1)
        side.addWidget(self.documents, 1)
        self.ranking_notes = QLabel(left)
        self.ranking_notes.setWordWrap(True)
        side.addWidget(self.ranking_notes)

        top = QWidget(self)
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(top)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        upper.addWidget(self.heading)
        self.legend = QHBoxLayout()
        upper.addLayout(self.legend)
        self.reader = ReaderView(top)
        self.reader.setAccessibleName(self.tr("Article text with every annotator's spans"))
        self.reader.mark_clicked.connect(self._mark_clicked)
        upper.addWidget(self.reader, 1)
        self.panel = AdjudicationPanel(self)
        self.panel.set_labels(list(self.labels.values()), self.language)
        self.panel.group_selected.connect(self._group_selected)
        self.panel.accept_button.clicked.connect(self.accept_selected)
        self.panel.delete_button.clicked.connect(self.remove_selected_gold)
        self.panel.add_button.clicked.connect(self.add_selection_to_gold)
        self.panel.accept_agreed_button.clicked.connect(lambda: self.accept_agreed(every_document=False))
        self.panel.accept_all_button.clicked.connect(lambda: self.accept_agreed(every_document=True))
        self.panel.accept_answers_button.clicked.connect(self.accept_agreed_answers)
        self.panel.gold_answer_chosen.connect(self.set_gold_answer)
        self.panel.settled_check.toggled.connect(self.set_settled)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.panel.undo_button.clicked.connect(self.undo_stack.undo)
        self.panel.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.panel.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.panel.redo_button.setEnabled)
        self.panel.undo_button.setEnabled(self.undo_stack.canUndo())
        self.panel.redo_button.setEnabled(self.undo_stack.canRedo())
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(top)
        right.addWidget(self.panel)
        right.setSizes([500, 400])
        left.setMinimumWidth(320)  # the document list stays readable whatever the panel's language needs
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 1040])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- the report and the ranking ------------------------------------------------------------

    def compute(self, request: ReportRequest | None = None) -> None:
        """Compute the per-document figures off the GUI thread (no bootstrap: the ranking needs none)."""
        self.ranking_caption.setText(self.tr("Computing agreement per document…"))
        self.task = compute_report(self.tasks, self, self.project.path, request or ReportRequest(resamples=0, viewer=self.project.team.viewer),
                                   self._computed)

    def _computed(self, report: AgreementReport | None, failure: BaseException | None) -> None:
        self.task = None
        error = error_text(failure) if failure is not None else None
        if error:
            self.ranking_caption.setText(self.tr("The agreement could not be computed: %s") % escape(error))
        elif report is not None:
            self.show_report(report)
        elif self.report is None:
            self.ranking_caption.setText(self.tr("Computation cancelled."))

    def show_report(self, report: AgreementReport) -> None:
        """Rank the report's documents by disagreement and open the first."""
        self.report = report
        self.ranked = rank_by_disagreement(list(report.spans.per_document))
        self.colours = annotator_colours(list(report.annotators))
        gold = self.project.adjudication.gold_span_counts()
        notes = Footnotes()
        table = self.documents
        table.blockSignals(True)
        table.setRowCount(len(self.ranked))
        for row, doc in enumerate(self.ranked):
            title = QTableWidgetItem(doc.title or doc.id[:12])
            title.setToolTip(plain(", ".join(f"{a} ({doc.spans.get(a, 0)})" for a in doc.coders)))
            cells = [QTableWidgetItem(str(row + 1)), title, notes.item(doc.unitizing), notes.item(doc.exact_f1),
                     QTableWidgetItem(str(gold.get(doc.id, 0)) if gold.get(doc.id) else "")]
            for column, cell in enumerate(cells):
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, cell)
        table.blockSignals(False)
        self.ranking_caption.setText(self.tr(
            "<b>%1 documents</b> coded by two or more annotators, most disagreement first (lowest unitizing "
            "alpha, then lowest exact F1).").replace("%1", str(len(self.ranked))))
        self.ranking_notes.setText(notes.html())
        if self.ranked:
            wanted = self.document.id if self.document else self.ranked[0].id
            self.select_document(wanted if any(d.id == wanted for d in self.ranked) else self.ranked[0].id)

    def select_document(self, document_id: str) -> None:
        """Show a ranked document (selecting its row)."""
        for row, doc in enumerate(self.ranked):
            if doc.id == document_id:
                self.documents.selectRow(row)
                if self.document is None or self.document.id != document_id:
                    self.open_document(document_id)
                return

    def _document_chosen(self) -> None:
        rows = self.documents.selectionModel().selectedRows()
        if rows:
            self.open_document(self.ranked[rows[0].row()].id)

    # -- one document --------------------------------------------------------------------------

    def _figures(self, document_id: str) -> DocumentSpans | None:
        return next((d for d in self.ranked if d.id == document_id), None)

    def open_document(self, document_id: str) -> None:
        """Show a document's text with every coder's spans, and its alignment and answers."""
        self.document = self.project.documents.get(document_id)
        figures = self._figures(document_id)
        self.coders = list(figures.coders) if figures else list(self.report.annotators if self.report else [])
        self.reader.show_text(self.document.text)
        notes = Footnotes()
        if figures is not None:
            self.heading.setText(self.tr(
                "<span style='font-size:15px'><b>%1</b></span><br>unitizing α %2 · exact F1 %3 · overlap F1 %4 "
                "· character κ %5").replace("%1", escape(figures.title or figures.id[:12]))
                .replace("%2", notes.text(figures.unitizing)).replace("%3", notes.text(figures.exact_f1))
                .replace("%4", notes.text(figures.overlap_f1)).replace("%5", notes.text(figures.character_kappa))
                + (f"<br><span style='color:#555'>{notes.html()}</span>" if notes.reasons else ""))
        self._build_legend()
        self.refresh_document()

    def _build_legend(self) -> None:
        while self.legend.count():
            widget = self.legend.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.legend_boxes: dict[str, QCheckBox] = {}
        for name in self.coders + [GOLD]:
            box = QCheckBox(self.tr("gold standard") if name == GOLD else name, self)
            box.setChecked(name not in self.hidden)
            colour = self.colours.get(name, "#888888")
            box.setStyleSheet(f"QCheckBox {{ color: {colour}; font-weight: bold; }}")
            box.toggled.connect(lambda on, n=name: self._toggle(n, on))
            self.legend.addWidget(box)
            self.legend_boxes[name] = box
        key = QLabel(self.tr("solid: not marked the same by every annotator · dashed: all agree"), self)
        key.setStyleSheet("color: #555;")
        self.legend.addStretch(1)
        self.legend.addWidget(key)

    def _toggle(self, name: str, on: bool) -> None:
        (self.hidden.discard if on else self.hidden.add)(name)
        self._show_marks()

    def refresh_document(self) -> None:
        """Re-read the document's spans, gold layer and answers, and redraw."""
        if self.document is None:
            return
        wanted = set(self.report.filters.get("labels") or []) if self.report else set()
        chosen = set(self.coders)
        spans = [s for s in self.project.spans.of_document(self.document.id)
                 if (s.annotator in chosen and s.origin != "adjudication") and (not wanted or s.label_id in wanted)]
        gold = self.project.adjudication.gold_spans(self.document.id)
        for span in gold:
            span.annotator = GOLD  # shown as gold, whoever stored it
        selected = self.panel.selected_group()
        self.groups = align_spans(spans + gold)
        names = {label_id: label.display_name(self.language) for label_id, label in self.labels.items()}
        self.panel.show_spans(self.groups, self.coders, self.colours, names)
        if selected is not None:
            self.panel.select_key(selected.key)
        self._show_marks()
        answers: dict[str, dict[str, str]] = {}
        for label in self.project.answers.find(self.document.id):
            if label.annotator in chosen:
                answers.setdefault(label.question, {})[label.annotator] = label.value
        questions = [l for l in self.labels.values() if l.kind == "document" and (not wanted or l.id in wanted)]
        self.panel.show_answers(questions, self.coders, answers, self.project.adjudication.gold_answers(self.document.id))
        self.panel.show_settled(self.project.adjudication.is_settled(self.document.id))

    def _show_marks(self) -> None:
        marks = []
        for group in self.groups:
            label = self.labels.get(group.label)
            name = label.display_name(self.language) if label else group.label
            agreed = len(group.support(self.coders)) == len(self.coders)
            missing = [a for a in self.coders if a not in group.by_annotator]
            for annotator, span in group.by_annotator.items():
                if annotator in self.hidden:
                    continue
                title = f"{annotator} — {name}: {span.text[:80]}"
                if annotator != GOLD:
                    title += "\n" + (self.tr("every annotator marked this") if agreed else
                                     self.tr("not marked so by %s") % ", ".join(missing))
                marks.append(Mark(span.id, span.start, span.end, self.colours.get(annotator, "#888888"), title,
                                  readonly=agreed and annotator != GOLD))
        self.reader.set_marks(marks)

    def _mark_clicked(self, span_id: str) -> None:
        if span_id:
            self.panel.select_span(span_id)

    def _group_selected(self, group: AlignedSpan | None) -> None:
        if group is None:
            return
        visible = [s for a, s in group.by_annotator.items() if a not in self.hidden]
        if visible:
            self.reader.select_mark(visible[0].id)

    # -- adjudication: each action is one store call -----------------------------------------------

    def _push(self, command) -> Change | None:
        """Run one undoable gold action (a refusal is explained, nothing half-done) and put it on the stack."""
        if not self.adjudicate:
            self.panel.status.setText(self.tr("Only the project lead builds the gold standard in this project."))
            return None
        try:
            command.run()
        except (AnnotatorError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not possible"), plain(message_text(str(exc))))
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
