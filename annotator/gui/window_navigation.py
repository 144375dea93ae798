"""The main window's way through the articles: open one, next and previous, next not done, mark done and
re-open, and jump to a span from another window."""

from __future__ import annotations


class DocumentNavigation:
    """The MainWindow's part that moves between articles and sets their status (mixed into MainWindow)."""

    def open_document(self, document_id: str, offset: int | None = None) -> None:
        if self.workspace.document is not None and self.workspace.document.id == document_id and offset is None:
            return
        self._remember_position()
        self.workspace.show_document(document_id, offset)
        self.document_list.select_document(document_id)
        self._show_meta()
        self.workspace.reader.setFocus()

    def _show_meta(self) -> None:
        """The line above the text: outlet, date, author, language and this annotator's status."""
        doc = self.workspace.document
        if doc is None:
            return
        parts = [p for p in (doc.outlet, doc.published[:10], doc.author, doc.language.upper()) if p]
        status = self.project.assignments.status(self.annotator, doc.id)
        parts.append({"todo": self.tr("to do"), "in progress": self.tr("in progress"), "done": self.tr("done")}[status])
        self.meta_label.setText("  ·  ".join(parts))

    def _remember_position(self) -> None:
        if self.workspace.document is not None:
            reader = self.workspace.reader
            self.settings.set_last_position(self.project.project_id, self.workspace.document.id,
                                            reader.cursor_offset(), reader.view_top())

    def _restore_view(self) -> None:
        """Scroll the reader as it was when the shown article was last left (reopening the project)."""
        view_top = self.settings.last_view_top(self.project.project_id)
        document_id, _offset = self.settings.last_position(self.project.project_id)
        if view_top is not None and self.workspace.document is not None and self.workspace.document.id == document_id:
            self.workspace.reader.show_view_top(*view_top)

    def _neighbour(self, step: int, not_done: bool = False) -> str | None:
        model = self.document_list.model
        current = self.workspace.document.id if self.workspace.document else None
        row = model.row_of(current) if current else -1
        while True:
            row += step
            if row < 0:
                return None
            if row >= model.rowCount():
                if not model.canFetchMore():
                    return None
                model.fetchMore()
                continue
            data = model.row_data(row)
            if data and (not not_done or data.status != "done"):
                return data.id

    def next_document(self) -> None:
        document_id = self._neighbour(1)
        if document_id:
            self.open_document(document_id)

    def previous_document(self) -> None:
        document_id = self._neighbour(-1)
        if document_id:
            self.open_document(document_id)

    def next_not_done(self) -> None:
        current = self.workspace.document.id if self.workspace.document else None
        document_id = self.learning.next_document(current) or self._neighbour(1, not_done=True)
        if document_id is None:
            self.statusBar().showMessage(self.tr("Every document after this one is done."), 5000)
        else:
            self.open_document(document_id)

    def mark_done(self) -> None:
        """Mark the current document done for this annotator (undoable), then go to the next one not done.
        A document already done stays done: re-opening it is its own action."""
        if self.workspace.document is None:
            return
        if self.workspace.status == "done":
            self.statusBar().showMessage(self.tr("This article was done already."), 5000)
        elif not self.workspace.set_status("done", self.tr("Mark done")):
            return
        self.next_not_done()

    def reopen_document(self) -> None:
        """Set a done article back to "in progress" (undoable)."""
        if self.workspace.document is None:
            return
        if self.workspace.status != "done":
            self.statusBar().showMessage(self.tr("This article is not done: nothing to re-open."), 5000)
            return
        if self.workspace.set_status("in progress", self.tr("Re-open article")):
            self.statusBar().showMessage(self.tr("Re-opened: this article is in progress again."), 5000)

    def jump_to_span(self, document_id: str, span_id: str, offset: int) -> None:
        """Show an article at a span (from the code-retrieval window)."""
        self.open_document(document_id)
        self.workspace.reader.place_cursor(offset)
        self.workspace.reader.scroll_to(offset)
        if span_id in {s.id for s in self.workspace.spans}:
            self.workspace.select_span(span_id)
        self.activateWindow()
