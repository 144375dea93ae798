"""Team > Annotators: the project's annotators, added, shown under another name, retired, given the lead role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox,
    QPushButton, QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.gui.reasons import error_message
from annotator.gui.tables import read_only_table, text_item

# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


class AnnotatorsDialog(QDialog):
    """The project's annotators: add, show under another name, retire or bring back, give the lead role.

    Only a lead (or anyone while the project has no lead) changes the team; others read the list.
    """

    def __init__(self, project, acting: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.project, self.acting = project, acting
        self.setWindowTitle(translate("Team", "Annotators"))
        self.resize(700, 420)
        layout = QVBoxLayout(self)
        self.table = read_only_table(self, [translate("Team", "Name"), translate("Team", "Shown as"), translate("Team", "Role"),
                                   translate("Team", "Status"), translate("Team", "Assigned")],
                            translate("Team", "Annotators"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("Team", "Add…"), self)
        self.rename_button = QPushButton(translate("Team", "Rename…"), self)
        self.retire_button = QPushButton(translate("Team", "Retire"), self)
        self.lead_button = QPushButton(translate("Team", "Make lead"), self)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.lead_button.clicked.connect(self.toggle_lead)
        for button in (self.add_button, self.rename_button, self.retire_button, self.lead_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    @property
    def may_change(self) -> bool:
        return self.project.team.may_take_lead(self.acting)

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.selected()
        people = self.project.team.people()
        counts = {name: len(self.project.assignments.of_annotator(name)) for name in (a.name for a in people)}
        roles = {"lead": translate("Team", "lead"), "annotator": translate("Team", "annotator")}
        self.people = people
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            cells = [text_item(person.name), text_item(person.display_name), text_item(roles.get(person.role, person.role)),
                     text_item(translate("Team", "retired") if person.retired else translate("Team", "active")),
                     text_item(str(counts[person.name]))]
            for column, cell in enumerate(cells):
                if person.retired:
                    cell.setForeground(QColor("#777777"))
                self.table.setItem(row, column, cell)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, person in enumerate(people):
            if person.name == keep:
                self.table.selectRow(row)
        self.note.setText("" if self.may_change else translate(
            "Team", "Only the project lead (%1) changes the team.").replace("%1", ", ".join(self.project.team.leads())))
        self._update_buttons()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.people[rows[0].row()].name if rows and rows[0].row() < len(getattr(self, "people", [])) else None

    def _person(self):
        name = self.selected()
        return next((p for p in self.people if p.name == name), None)

    def _update_buttons(self) -> None:
        person = self._person()
        allowed = self.may_change
        self.add_button.setEnabled(allowed)
        for button in (self.rename_button, self.retire_button, self.lead_button):
            button.setEnabled(allowed and person is not None)
        if person is not None:
            self.retire_button.setText(translate("Team", "Bring back") if person.retired else translate("Team", "Retire"))
            self.lead_button.setText(translate("Team", "Make annotator") if person.role == "lead"
                                     else translate("Team", "Make lead"))

    def _run(self, operation, *args, select: str | None = None):
        try:
            change = operation(*args)
        except AnnotatorError as exc:
            QMessageBox.warning(self, translate("Team", "Annotators"), error_message(exc))
            return None
        self.refresh(select)
        return change

    def add(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, translate("Team", "Add an annotator"),
                                            translate("Team", "Name (their work is recorded under it):"))
            if not ok:
                return
        if name.strip():
            self._run(self.project.team.add, name.strip(), select=name.strip())

    def rename(self, display_name: str | None = None) -> None:
        person = self._person()
        if person is None:
            return
        if display_name is None:
            display_name, ok = QInputDialog.getText(
                self, translate("Team", "Rename"),
                translate("Team", "Show %1 as (their work stays recorded under %1):").replace("%1", person.name),
                text=person.display_name)
            if not ok:
                return
        self._run(self.project.team.rename, person.name, display_name, select=person.name)

    def toggle_retired(self) -> None:
        person = self._person()
        if person is not None:
            operation = self.project.team.unretire if person.retired else self.project.team.retire
            self._run(operation, person.name, select=person.name)

    def toggle_lead(self, confirm: bool = True) -> None:
        person = self._person()
        if person is None:
            return
        role = "annotator" if person.role == "lead" else "lead"
        if role == "lead" and confirm and QMessageBox.question(
                self, translate("Team", "Project lead"),
                translate("Team", "The lead sees every annotator's work, even under blind coding. Make %1 a lead?")
                .replace("%1", person.shown_name)) != QMessageBox.StandardButton.Yes:
            return
        self._run(self.project.team.set_role, person.name, role, self.acting, select=person.name)
