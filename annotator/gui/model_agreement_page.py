"""The agreement window's "Model and detectors" page: the machines scored as coders against each annotator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from annotator.agreement.report_tables import Table
from annotator.gui.agreement_charts import Footnotes, caption_label, fit_columns, notes_label
from annotator.gui.tables import figures_table, text_item
from annotator.gui.tasks import error_text
from annotator.services.model_agreement import DETECTORS, MODEL, MachineAgreement, machine_agreement, machines_table

MACHINE_RESAMPLES = 200  # bootstrap resamples per machine-annotator comparison (one report per pair)
ALL_LABELS = ""


class ModelAgreementPage(QWidget):
    """Computes, on request and off the GUI thread, how far the model (k-fold) and the detectors agree
    with each annotator, and shows it per label beside the annotators' agreement among themselves."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setObjectName("machinesPage")
        self.setAutoFillBackground(True)
        self.result: MachineAgreement | None = None
        layout = QVBoxLayout(self)
        self.caption = caption_label(self)
        self.caption.setText(self.tr(
            "<b>The model and the detectors as coders.</b> The model's spans and answers for an article come from "
            "a model trained on the other articles only (5-fold cross-validation), so these figures say how far "
            "it would agree with each annotator on articles it never saw. Compare them with the annotators' "
            "agreement among themselves before letting the model pre-annotate. The filters on the left apply."))
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        self.model_check = QCheckBox(self.tr("The model (trained five times: takes a while)"), self)
        self.model_check.setChecked(True)
        self.detectors_check = QCheckBox(self.tr("The detectors"), self)
        self.detectors_check.setChecked(True)
        self.score_button = QPushButton(self.tr("Score the machines"), self)
        self.score_button.clicked.connect(self.compute)
        for widget in (self.model_check, self.detectors_check, self.score_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Label:"), self))
        self.label_combo = QComboBox(self)
        self.label_combo.setAccessibleName(self.tr("Label shown"))
        self.label_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label_combo.currentIndexChanged.connect(lambda _i: self._show())
        row.addWidget(self.label_combo)
        layout.addLayout(row)
        self.spans_table = figures_table(self, [
            self.tr("Coders"), self.tr("Articles"), self.tr("Spans"), self.tr("Unitizing α [95% CI]"),
            self.tr("Exact F1"), self.tr("Overlap F1")], self.tr("Span agreement of the machines with each annotator"))
        layout.addWidget(self.spans_table, 2)
        self.questions_table = figures_table(self, [
            self.tr("Coders"), self.tr("Question"), self.tr("Articles"), self.tr("Krippendorff's α [95% CI]"),
            self.tr("Percent agreement")], self.tr("Answers of the model and of each annotator"))
        layout.addWidget(self.questions_table, 1)
        self.notes = notes_label(self)
        layout.addWidget(self.notes)

    def coders_name(self, who: str) -> str:
        """A machine's readable name (the model, the detectors), or the annotator's."""
        return {MODEL: self.tr("Model"), DETECTORS: self.tr("Detectors")}.get(who, who)

    def compute(self) -> None:
        """Score the chosen machines off the GUI thread, with the window's filters."""
        with_model, with_detectors = self.model_check.isChecked(), self.detectors_check.isChecked()
        if not (with_model or with_detectors):
            QMessageBox.information(self, self.tr("Agreement"), self.tr("Choose the model, the detectors, or both."))
            return
        request, source = self.view.request(), self.view.project
        resamples = min(request.resamples, MACHINE_RESAMPLES)

        def work(progress, cancelled):
            with source.reopen() as project:
                return machine_agreement(project, request.annotators, request.labels, request.done_only,
                                         with_model=with_model, with_detectors=with_detectors, seed=request.seed,
                                         resamples=resamples, progress=progress, cancelled=cancelled)

        self.score_button.setEnabled(False)
        self.view.tasks.start("machines", work, self._computed, title=self.tr("Scoring the model and the detectors…"),
                              dialog_parent=self)

    def _computed(self, result: MachineAgreement | None, error: BaseException | None) -> None:
        self.score_button.setEnabled(True)
        if error is not None:
            from annotator.recommend import FitCancelled

            if not isinstance(error, FitCancelled):
                QMessageBox.warning(self, self.tr("Agreement"), error_text(error))
            return
        self.set_result(result)

    def set_result(self, result: MachineAgreement) -> None:
        """Show `result`; the label list offers every label some coder used."""
        self.result = result
        current = self.label_combo.currentData()
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.addItem(self.tr("All labels together"), ALL_LABELS)
        first = result.comparisons[0].labels if result.comparisons else result.among_humans
        for score in first[1:]:
            used = any(sum(s.spans.values()) for c in result.comparisons for s in c.labels if s.label == score.label)
            if used or any(s.label == score.label and sum(s.spans.values()) for s in result.among_humans):
                self.label_combo.addItem(score.name, score.label)
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(current)))
        self.label_combo.blockSignals(False)
        self._show()

    def _show(self) -> None:
        result = self.result
        if result is None:
            return
        label = self.label_combo.currentData() or None
        notes = Footnotes()
        rows = []
        for score in result.among_humans:
            if score.label == label:
                rows.append((self.tr("Annotators among themselves"), "", score))
        for comparison in result.comparisons:
            for score in comparison.labels:
                if score.label == label:
                    rows.append((f"{self.coders_name(comparison.machine)} – {comparison.human}",
                                 str(comparison.documents), score))
        table = self.spans_table
        table.setRowCount(len(rows))
        for r, (who, documents, score) in enumerate(rows):
            cells = [text_item(who), text_item(documents), text_item(" / ".join(str(n) for n in score.spans.values())),
                     notes.item(score.alpha, interval=True), notes.item(score.exact_f1), notes.item(score.overlap_f1)]
            for column, item in enumerate(cells):
                table.setItem(r, column, item)
        fit_columns(table, 0)
        questions = [(self.tr("Annotators among themselves"), q) for q in result.among_humans_questions if q.units]
        questions += [(f"{self.coders_name(c.machine)} – {c.human}", q) for c in result.comparisons
                      for q in c.questions if q.units]
        self.questions_table.setRowCount(len(questions))
        for r, (who, q) in enumerate(questions):
            cells = [text_item(who), text_item(q.name, q.question), text_item(str(q.units)),
                     notes.item(q.alpha, interval=True), notes.item(q.percent, percent=True)]
            for column, item in enumerate(cells):
                self.questions_table.setItem(r, column, item)
        fit_columns(self.questions_table, 0)
        self.questions_table.setVisible(bool(questions))
        remarks = "".join(f"<br>{note}." for note in result.notes)
        self.notes.setText(self.tr("Spans: the annotator's, then the machine's (among annotators: each one's). "
                                   "Among annotators, F1 is a mean over pairs.") + remarks + "<br>" + notes.html())

    def table(self) -> Table:
        """The page's figures as a plain table (for CSV; only the header before the machines are scored)."""
        if self.result is None:
            return Table("machines", machines_table(MachineAgreement(0, [], [], [], [], [])).header, [])
        return machines_table(self.result)


def add_model_page(view) -> ModelAgreementPage:
    """Add the page to an AgreementView's tabs, as its last page ("machines")."""
    page = ModelAgreementPage(view)
    view.tabs.addTab(page, QCoreApplication.translate("ModelAgreementPage", "Model and detectors"))
    view.pages["machines"] = page
    return page
