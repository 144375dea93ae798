"""The disagreement browser: documents ranked by disagreement; for one, every annotator's spans over the text
in their own colour with differences marked, and adjudication into the gold standard (one store call each,
in disagreement_gold.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QSplitter,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_spans import DocumentSpans
from annotator.agreement.report_tables import rank_by_disagreement
from annotator.core.change import Change
from annotator.core.consensus import AlignedSpan, align_spans
from annotator.core.model import Document
from annotator.gui.adjudication_panel import GOLD, GOLD_COLOUR, AdjudicationPanel
from annotator.gui.agreement_charts import Footnotes, fit_columns
from annotator.gui.disagreement_gold import GoldActions
from annotator.gui.plain_text import plain
from annotator.gui.reader import Mark, ReaderView
from annotator.gui.review import ReportRequest, compute_report
from annotator.gui.tasks import TaskDialog, error_text
from annotator.gui.tables import read_only_table
from annotator.store import Project

# Colour-blind-safe annotator colours (Okabe-Ito first), avoiding the yellow that vanishes on white.
ANNOTATOR_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733",
                     "#332288", "#999933")


def annotator_colours(names: list[str]) -> dict[str, str]:
    """A stable colour per annotator (in report order), and black for gold."""
    colours = {name: ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)] for i, name in enumerate(names)}
    colours[GOLD] = GOLD_COLOUR
    return colours


class DisagreementView(GoldActions, TaskDialog):
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
        self.task = compute_report(self.tasks, self, self.project, request or ReportRequest(resamples=0),
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
