"""Finding in the main window: the find bar's search in the shown article, and labelling every occurrence
of a phrase in the article or the corpus after a preview."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Span
from annotator.gui.find_bar import LabelAllPreview
from annotator.store.search import already_labelled, find_in_documents


class FindActions:
    """The MainWindow's part behind the find bar (mixed into MainWindow)."""

    def show_find(self) -> None:
        selection = self.workspace.reader.selected_text()
        self.find_bar.open(selection if selection and len(selection) < 80 else "")

    def find_in_document(self, query: str, direction: int) -> None:
        from annotator.core.search import find_occurrences

        doc = self.workspace.document
        if doc is None:
            return
        hits = find_occurrences(doc.text, query, case_sensitive=self.find_bar.case_check.isChecked(),
                                accent_sensitive=self.find_bar.accents_check.isChecked())
        self.find_bar.count_label.setText(self.tr("%s found") % len(hits))
        if not hits:
            return
        here = self.workspace.reader.cursor_offset()
        if direction > 0:
            target = next((h for h in hits if h[0] >= here), hits[0])
        else:
            target = next((h for h in reversed(hits) if h[1] < here), hits[-1])
        # The cursor ends after the match, so the next search moves on.
        self.workspace.reader.select_range(*target)
        self.workspace.reader.ensureCursorVisible()

    def label_all_occurrences(self, query: str, label_id: str, corpus: bool) -> None:
        doc = self.workspace.document
        if doc is None:
            return
        ids = None if corpus else [doc.id]
        occurrences = find_in_documents(self.project, query, ids, case_sensitive=self.find_bar.case_check.isChecked(),
                                        accent_sensitive=self.find_bar.accents_check.isChecked())
        if not occurrences:
            QMessageBox.information(self, self.tr("Label all"), self.tr("No occurrence found."))
            return
        already = already_labelled(self.project, occurrences, self.annotator, label_id)
        label = self.project.codebook.label(label_id)
        preview = LabelAllPreview(occurrences, label.display_name(self.language), already, self)
        if not preview.exec():
            return
        spans = [Span(document_id=o.document_id, annotator=self.annotator, label_id=label_id,
                      start=o.start, end=o.end, text=o.text) for o in preview.chosen()]
        if spans and self.workspace.add_spans(spans, self.tr("Label all “%s”") % query):
            self.statusBar().showMessage(self.tr("%s span(s) added") % len(spans), 5000)
            self.document_list.model.reload()
