"""The agreement window's report pages built and filled from a report: questions (table and interval chart),
spans by label (interval bars and table), the label confusion and the documents ranked by disagreement."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QLabel, QScrollArea, QSplitter, QTableWidget, QVBoxLayout, QWidget,
)

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_spans import NO_SPAN
from annotator.agreement.report_tables import rank_by_disagreement
from annotator.gui.agreement_charts import (
    ChartRow, Footnotes, IntervalChart, caption_label, fit_columns, heat_colours, notes_label,
)
from annotator.gui.reasons import level_name, message_text, origin_name
from annotator.gui.tables import figures_table, text_item


class ReportPages:
    """The AgreementView's pages other than the pairs and the machines (mixed into AgreementView)."""

    def _page(self, key: str, title: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        page = QWidget(self)
        page.setObjectName(f"{key}Page")
        page.setAutoFillBackground(True)
        layout = QVBoxLayout(page)
        caption = caption_label(page)
        layout.addWidget(caption)
        self.tabs.addTab(page, title)
        self.pages[key] = page
        return page, layout, caption

    def _build_questions(self) -> None:
        page, layout, self.questions_caption = self._page("questions", self.tr("Questions"))
        self.questions_table = figures_table(page, [
            self.tr("Question"), self.tr("Level"), self.tr("Coders"), self.tr("Units"),
            self.tr("Krippendorff's α [95% CI]"), self.tr("Fleiss' κ"), self.tr("Percent agreement")],
            self.tr("Agreement per question"))
        layout.addWidget(self.questions_table)
        self.questions_chart = IntervalChart(page)
        self.questions_chart.count_title = self.tr("units")
        self.questions_chart.setAccessibleName(self.tr("Krippendorff's alpha per question with 95% intervals"))
        layout.addWidget(self.questions_chart)
        self.questions_notes = notes_label(page)
        layout.addWidget(self.questions_notes)
        layout.addStretch(1)

    def _build_labels(self) -> None:
        page, layout, self.labels_caption = self._page("labels", self.tr("Spans by label"))
        self.hide_unused = QCheckBox(self.tr("Hide labels no annotator used"), page)
        self.hide_unused.toggled.connect(lambda _on: self.report is not None and self._show_labels(self.report))
        layout.addWidget(self.hide_unused)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.chart = IntervalChart(page)
        self.chart.count_title = self.tr("spans")
        scroll = QScrollArea(page)
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter.addWidget(scroll)
        self.labels_table = figures_table(page, [
            self.tr("Label"), self.tr("Spans"), self.tr("Unitizing α [95% CI]"), self.tr("Exact F1"),
            self.tr("Overlap F1"), self.tr("Character κ")], self.tr("Span agreement per label"))
        splitter.addWidget(self.labels_table)
        splitter.setSizes([420, 260])
        layout.addWidget(splitter, 1)
        self.labels_notes = notes_label(page)
        layout.addWidget(self.labels_notes)

    def _build_confusion(self) -> None:
        page, layout, self.confusion_caption = self._page("confusion", self.tr("Label confusion"))
        self.confusion_view = QTableWidget(0, 0, page)
        self.confusion_view.setAccessibleName(self.tr("Label confusion table"))
        self.confusion_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.confusion_view, 1)

    def _build_documents(self) -> None:
        page, layout, self.documents_caption = self._page("documents", self.tr("Documents"))
        self.documents_view = figures_table(page, [
            "#", self.tr("Document"), self.tr("Unitizing α"), self.tr("Exact F1"), self.tr("Overlap F1"),
            self.tr("Character κ"), self.tr("Coders (spans)")], self.tr("Documents ranked by disagreement"))
        self.documents_view.doubleClicked.connect(lambda _i: self.browse_button.click())
        layout.addWidget(self.documents_view, 1)
        self.documents_notes = notes_label(page)
        layout.addWidget(self.documents_notes)

    def _show_questions(self, report: AgreementReport) -> None:
        notes = Footnotes()
        table = self.questions_table
        table.setRowCount(len(report.questions))
        for row, q in enumerate(report.questions):
            name = self.label_names.get(q.id, q.name)  # each note names the question it is about
            cells = [text_item(name, q.id), text_item(level_name(q.level)),
                     text_item(str(len(q.coders)), ", ".join(q.coders)),
                     text_item(str(q.units)), notes.item(q.alpha, interval=True, about=name),
                     notes.item(q.fleiss, about=name), notes.item(q.percent, percent=True, about=name)]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        fit_columns(table, 0)
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows_height + 2 * table.frameWidth() + 2)
        self.questions_chart.set_rows([ChartRow(self.label_names.get(q.id, q.name), q.alpha, "#6BAED6", q.units)
                                       for q in report.questions])
        self.questions_chart.setVisible(bool(report.questions))
        note_on = self.tr("Note on %s")  # outside the f-string, where lupdate finds it
        remarks = "".join(f"<br>{escape(note_on % self.label_names.get(q.id, q.name))}: {escape(message_text(q.note))}."
                          for q in report.questions if q.note)
        self.questions_caption.setText(self.tr(
            "<b>Document-level questions.</b> Krippendorff's alpha at each question's level of measurement, "
            "Fleiss' kappa over the documents every coder answered, percent agreement over pairs. "
            "Units: documents with two or more answers.") if report.questions else
            self.tr("<b>No document-level question</b> in the chosen labels."))
        self.questions_notes.setText("<br>".join(p for p in (
            f"<span style='color:#555'>{remarks[4:]}</span>" if remarks else "", notes.html()) if p))

    def _show_labels(self, report: AgreementReport) -> None:
        groups = [report.spans.overall] + [g for g in report.spans.per_label
                                           if g.spans or not self.hide_unused.isChecked()]
        self.chart.set_rows([ChartRow(self.group_name(g), g.unitizing, self.label_colours.get(g.label or "", "#4D4D4D"),
                                      g.spans, bold=g.label is None) for g in groups])
        notes = Footnotes()
        table = self.labels_table
        table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            summary = group.summary()
            name = text_item(self.group_name(group), group.label or "")
            if group.label is None:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            cells = [name, text_item(str(group.spans)), notes.item(group.unitizing, interval=True),
                     notes.item(summary["exact_f1"]), notes.item(summary["overlap_f1"]),
                     notes.item(summary["character_kappa"])]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        fit_columns(table, 0)
        ci_reason = message_text(report.spans.overall.unitizing.details.get("ci_reason") or "")
        origins = "; ".join(f"{a}: " + ", ".join(f"{n} {origin_name(o)}" for o, n in by.items())
                            for a, by in report.spans.origins.items() if by)
        self.labels_caption.setText(
            self.tr("<b>Unitizing alpha per label</b> over the %1 document(s) every annotator coded, with 95% "
                    "bootstrap intervals (documents resampled). Dashed lines: 0.667 (tentative) and 0.800 "
                    "(reliable). F1 and character kappa are means over pairs of annotators.")
            .replace("%1", str(report.spans.complete_documents))
            + (f"<br><span style='color:#555'>{escape(ci_reason[0].upper() + ci_reason[1:])}.</span>" if ci_reason
               else "")
            + ("<br><span style='color:#555'>%s</span>" % escape(self.tr("Span origins: %1.").replace("%1", origins))
               if origins else ""))
        self.labels_notes.setText(notes.html())

    def _show_confusion(self, report: AgreementReport) -> None:
        names = [self.tr("(no span)") if n == NO_SPAN else self.label_names.get(n, n)
                 for n in report.spans.confusion_labels]
        counts = report.spans.confusion
        keep = [i for i, row in enumerate(counts) if any(row)]  # labels nobody used make empty rows
        view = self.confusion_view
        view.clear()
        view.setRowCount(len(keep))
        view.setColumnCount(len(keep))
        view.setHorizontalHeaderLabels([names[i] for i in keep])
        view.setVerticalHeaderLabels([names[i] for i in keep])
        top = max([counts[i][j] for i in keep for j in keep if i != j] + [1])
        for r, i in enumerate(keep):
            for c, j in enumerate(keep):
                count = counts[i][j]
                item = text_item(str(count) if count else "·")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i == j and count:
                    item.setBackground(QBrush(QColor("#DEEBF7")))
                elif count:
                    background, foreground = heat_colours(-min(1.0, 0.15 + 0.85 * count / top))
                    item.setBackground(QBrush(background))
                    item.setForeground(QBrush(foreground))
                view.setItem(r, c, item)
        view.resizeColumnsToContents()
        self.confusion_caption.setText(self.tr(
            "<b>Label confusion.</b> Each cell counts spans of two annotators that overlap: on the diagonal with "
            "the same label, elsewhere with different labels (orange). “(no span)”: a span the other annotator "
            "did not overlap at all. Labels no annotator used are left out.") if keep else
            self.tr("<b>Label confusion.</b> No overlapping spans to compare."))

    def _show_documents(self, report: AgreementReport) -> None:
        notes = Footnotes()
        ranked = rank_by_disagreement(list(report.spans.per_document))
        view = self.documents_view
        view.setRowCount(len(ranked))
        for row, doc in enumerate(ranked):
            coders = ", ".join(f"{a} ({doc.spans.get(a, 0)})" for a in doc.coders)
            cells = [text_item(str(row + 1)), text_item(doc.title or doc.id[:12], doc.id),
                     notes.item(doc.unitizing), notes.item(doc.exact_f1), notes.item(doc.overlap_f1),
                     notes.item(doc.character_kappa), text_item(coders)]
            cells[1].setData(Qt.ItemDataRole.UserRole, doc.id)
            for column, item in enumerate(cells):
                view.setItem(row, column, item)
        fit_columns(view, 1)
        self.documents_caption.setText(self.tr(
            "<b>Documents ranked by disagreement</b>: lowest unitizing alpha first, then lowest exact F1. "
            "Double-click to open the disagreement browser."))
        self.documents_notes.setText(notes.html())
