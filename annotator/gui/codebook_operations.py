"""What the codebook editor's buttons do, one store call each: add labels, questions and attributes, rename,
recolour, set a key, move, describe, merge, retire or bring back, delete, and import a codebook."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from annotator.core.change import Change
from annotator.core.colours import READABLE_PALETTE
from annotator.core.errors import AnnotatorError
from annotator.gui.codebook_attributes import NewAttributeDialog
from annotator.gui.plain_text import plain
from annotator.gui.reasons import error_message
from annotator.gui.shortcut_rules import shortcut_refusal


class CodebookOperations:
    """The CodebookEditor's part that changes the codebook (mixed into CodebookEditor)."""

    def _run(self, operation: Callable[..., Change], *args: Any, select: str | None = None,
             **fields: Any) -> Change | None:
        """Call one store operation; show its refusal in a message box, or reload and announce it."""
        try:
            change = operation(*args, **fields)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Codebook"), plain(error_message(exc)))
            return None
        self.refresh(select=select)
        self.codebook_changed.emit(change)
        return change

    def _add(self, as_child: bool, kind: str = "span") -> None:
        parent = self.current_label_id() if as_child else None
        if kind == "document":
            name, ok = QInputDialog.getText(self, self.tr("New question"),
                                            self.tr("The question coders answer about each document:"))
        else:
            name, ok = QInputDialog.getText(self, self.tr("New label"), self.tr("Name of the new label:"))
        if not ok or not name.strip():
            return
        change = self._run(self.project.labels.create, name, parent, kind)
        if change is not None and change.labels:
            self.select_label(change.labels[0])

    def add_attribute(self, values: tuple[str, str, list[str]] | None = None) -> Change | None:
        """Add a span attribute (asked for, unless `values` gives its name, type and choices)."""
        if values is None:
            dialog = NewAttributeDialog(self)
            if not dialog.exec():
                return None
            values = dialog.values()
        name, kind, choices = values
        if not name:
            return None
        change = self._run(self.project.codebook.add_attribute, name, kind, choices)
        if change is not None:
            self.select_attribute(change.details["attribute"])
        return change

    def import_codebook(self, book=None, confirm: bool = True) -> Change | None:
        """Import a preset or a codebook file: every change is shown first, nothing is written unless confirmed.

        `book` (a Codebook) skips the choice of preset or file; `confirm` False skips the preview (scripts).
        """
        from annotator.gui.codebook_import_dialog import ChooseCodebook, ImportPreview
        from annotator.io.codebook_files import list_presets, load_codebook, load_preset

        try:
            if book is None:
                presets = {preset_id: load_preset(preset_id).name for preset_id in list_presets()}
                chooser = ChooseCodebook(presets, self)
                if not chooser.exec():
                    return None
                book = load_codebook(chooser.path) if chooser.path else load_preset(chooser.preset_combo.currentData())
            diff = self.project.codebook.preview_import(book)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Codebook"), error_message(exc))
            return None
        if confirm:
            self.last_preview = ImportPreview(book, diff, {l.id: l.display_name(self.language)
                                                           for l in self._labels.values()}, self, self.language)
            if not self.last_preview.exec():
                return None
        return self._run(self.project.codebook.import_book, book)

    def _rename(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.rename, label_id, self.name_edit.text(), self.name_fr_edit.text())

    def _recolour(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        for index, colour in enumerate(READABLE_PALETTE[: QColorDialog.customCount()]):
            QColorDialog.setCustomColor(index, QColor(colour))
        initial = QColor(self._labels[label_id].color)  # the dialog opens on the label's own colour
        colour = QColorDialog.getColor(initial, self, self.tr("Colour of {name}").format(
            name=self._labels[label_id].display_name(self.language)))
        if colour.isValid():
            self._run(self.project.labels.recolour, label_id, colour.name())

    def _set_shortcut(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        refusal = shortcut_refusal(self.shortcut_edit.text(), self.reserved_keys)
        if refusal:
            QMessageBox.warning(self, self.tr("Codebook"), refusal)
            return
        self._run(self.project.labels.set_shortcut, label_id, self.shortcut_edit.text())

    def _move_to_parent(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.move, label_id, self.parent_combo.currentData())

    def _move_by(self, step: int) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        item = self._items[label_id]
        index = item.parent().indexOfChild(item) + step
        if index < 0 or index >= item.parent().childCount():
            return
        self._run(self.project.labels.move, label_id, self._labels[label_id].parent, index)

    def _describe(self) -> None:
        label_id = self.current_label_id()
        if label_id:
            self._run(self.project.labels.describe, label_id,
                      self.description_edit.toPlainText(), self.description_fr_edit.toPlainText())

    def _merge(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        label = self._labels[label_id]
        others = [other for other in self._labels.values() if other.kind == label.kind and other.id != label_id]
        if not others:
            return
        names = [f"{other.display_name(self.language)} ({other.id})" for other in others]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Merge label"),
            self.tr("Move every annotation of {name} to:").format(name=label.display_name(self.language)), names, 0,
            False)
        if not ok:
            return
        kept = others[names.index(choice)]
        usage = self.project.codebook.usage(label_id)
        answer = QMessageBox.question(
            self, self.tr("Merge label"),
            self.tr("Move {spans} span(s) and {answers} answer(s) of {merged} to {kept}, "
                    "then retire {merged}?").format(
                spans=usage.spans + usage.deleted_spans, answers=usage.answers + usage.deleted_answers,
                merged=label.display_name(self.language), kept=kept.display_name(self.language)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.project.labels.merge, label_id, kept.id, select=kept.id)

    def _toggle_retired(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        if self._labels[label_id].retired:
            change = self._run(self.project.labels.unretire, label_id)
            cleared = change.details.get("shortcuts_cleared") if change else None
            if cleared:
                QMessageBox.information(self, self.tr("Codebook"), self.tr(
                    "Shortcuts cleared because live labels use them: {keys}").format(keys=", ".join(cleared)))
        else:
            self._run(self.project.labels.retire, label_id)

    def _delete(self) -> None:
        label_id = self.current_label_id()
        if not label_id:
            return
        answer = QMessageBox.question(self, self.tr("Delete label"), self.tr(
            "Delete {name}? Only labels that no annotation uses can be deleted.").format(
                name=self._labels[label_id].display_name(self.language)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.project.labels.delete, label_id)
