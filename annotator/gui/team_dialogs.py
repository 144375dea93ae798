"""The Team menu's dialogs: progress with bars per annotator and per article, automatic assignment with its
plan (counts, overlap, what was left out and why), and the annotators (add, rename, retire, lead role)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QSpinBox,
    QSplitter, QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.gui.document_list import STATUS_COLOURS
from annotator.gui.numbers import percent
from annotator.gui.reasons import message_text
from annotator.gui.tables import read_only_table, text_item

# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


def status_names() -> dict[str, str]:
    return {"todo": translate("Team", "to do"), "in progress": translate("Team", "in progress"),
            "done": translate("Team", "done")}


def share_bar(share: float, parent: QWidget) -> QProgressBar:
    """A bar filled to `share` (0..1), labelled with the percentage in the interface's locale."""
    bar = QProgressBar(parent)
    bar.setRange(0, 1000)
    bar.setValue(round(share * 1000))
    bar.setFormat(percent(share))  # only %p, %v and %m are placeholders: a trailing % stays
    bar.setAccessibleName(percent(share))
    bar.setTextVisible(True)
    return bar


class ProgressDialog(QDialog):
    """How far each annotator and each article is: bars and percentages, then each status."""

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Progress"))
        self.resize(900, 620)
        progress = project.assignments.progress()
        shown = progress.shown_names
        names = status_names()
        layout = QVBoxLayout(self)
        self.summary = QLabel(translate(
            "Team", "%1 documents finished by every assigned annotator; %2 documents not assigned.")
            .replace("%1", str(progress.documents_done)).replace("%2", str(progress.unassigned)), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if not progress.rows:
            self.summary.setText(translate("Team", "No documents are assigned yet (Team > Assign documents…)."))

        self.people = read_only_table(self, [translate("Team", "Annotator"), translate("Team", "Progress"),
                                    translate("Team", "Done"), translate("Team", "In progress"),
                                    translate("Team", "To do"), translate("Team", "Assigned")],
                             translate("Team", "Progress by annotator"))
        self.people.setRowCount(len(progress.annotators))
        for row, name in enumerate(progress.annotators):
            counts = progress.totals[name]
            self.people.setItem(row, 0, text_item(shown.get(name, name), name))
            self.people.setCellWidget(row, 1, share_bar(progress.share_done(name), self.people))
            for column, status in enumerate(("done", "in progress", "todo"), start=2):
                item = text_item(str(counts.get(status, 0)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.people.setItem(row, column, item)
            total = text_item(str(progress.assigned(name)))
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.people.setItem(row, 5, total)
        header = self.people.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.setColumnWidth(1, 220)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)

        self.table = read_only_table(self, [translate("Team", "Document"), translate("Team", "Progress")]
                            + [shown.get(n, n) for n in progress.annotators],
                            translate("Team", "Progress by document and annotator"))
        self.table.setRowCount(len(progress.rows))
        for r, row in enumerate(progress.rows):
            self.table.setItem(r, 0, text_item(row.title or row.document_id[:12], row.title))
            self.table.setCellWidget(r, 1, share_bar(row.share_done, self.table))
            for c, name in enumerate(progress.annotators, start=2):
                status = row.statuses.get(name)
                item = text_item(names.get(status, status or ""))
                if status:
                    item.setForeground(QColor(STATUS_COLOURS[status]))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setColumnWidth(1, 120)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, widget in ((translate("Team", "By annotator"), self.people),
                              (translate("Team", "By article"), self.table)):
            box = QWidget(splitter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>", box))
            inner.addWidget(widget)
            splitter.addWidget(box)
        splitter.setSizes([170, 430])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AssignDialog(QDialog):
    """Choose annotators (the lead unticked), coders per shared document, overlap share and seed; the plan's
    outline (what it would assign and leave out) follows the choices."""

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(translate("Team", "Assign documents"))
        self.resize(560, 480)
        layout = QFormLayout(self)
        self.annotator_list = QListWidget(self)
        self.annotator_list.setAccessibleName(translate("Team", "Annotators"))
        for person in project.team.annotators(include_retired=False):
            if person.name == "gold":
                continue
            item = QListWidgetItem(person.shown_name + (translate("Team", " (lead)") if person.role == "lead" else ""))
            item.setData(Qt.ItemDataRole.UserRole, person.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if person.role == "lead" else Qt.CheckState.Checked)
            self.annotator_list.addItem(item)
        count = self.annotator_list.count()
        self.per_document = QSpinBox(self)
        self.per_document.setRange(1, max(1, count))
        self.per_document.setValue(min(2, max(1, count)))
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.2)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(1)
        self.outline = QLabel(self)
        self.outline.setWordWrap(True)
        layout.addRow(QLabel("<b>%s</b>" % translate("Team", "Annotators"), self))
        layout.addRow(self.annotator_list)
        layout.addRow(translate("Team", "Coders per shared document"), self.per_document)
        layout.addRow(translate("Team", "Share of documents coded by several (agreement sample)"), self.overlap)
        layout.addRow(translate("Team", "Seed (same seed, same plan)"), self.seed)
        layout.addRow(self.outline)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.annotator_list.itemChanged.connect(lambda _item: self.update_outline())
        for box in (self.per_document, self.seed):
            box.valueChanged.connect(lambda _v: self.update_outline())
        self.overlap.valueChanged.connect(lambda _v: self.update_outline())
        self.update_outline()

    def chosen(self) -> list[str]:
        return [self.annotator_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.annotator_list.count())
                if self.annotator_list.item(i).checkState() == Qt.CheckState.Checked]

    def plan(self):
        """The plan for the current choices (raises AnnotatorError when it cannot be made)."""
        return self.project.assignments.plan_auto(self.chosen(), per_document=self.per_document.value(),
                                                  overlap_share=self.overlap.value(), seed=self.seed.value())

    def update_outline(self) -> None:
        try:
            plan = self.plan()
        except AnnotatorError as exc:
            self.outline.setText(message_text(str(exc)))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        text = translate("Team", "%1 documents to plan, %2 of them shared (the agreement sample).") \
            .replace("%1", str(len(plan.assignments))).replace("%2", str(len(plan.overlap)))
        if plan.left_out:
            text += " " + translate("Team", "%1 documents left out: assigned already.").replace(
                "%1", str(len(plan.left_out)))
        self.outline.setText(text)


class AssignResultDialog(QDialog):
    """What automatic assignment did: new and total documents per coder, documents each pair shares, and
    the documents left out with the reason."""

    def __init__(self, plan, shown: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Team", "Documents assigned"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "Team", "%1 documents assigned, %2 of them to %3 annotators each (the agreement sample).")
            .replace("%1", str(len(plan.assignments))).replace("%2", str(len(plan.overlap)))
            .replace("%3", str(plan.per_document)), self))
        self.coders = read_only_table(self, [translate("Team", "Annotator"), translate("Team", "New documents"),
                                    translate("Team", "In all")], translate("Team", "Documents per annotator"))
        self.coders.setRowCount(len(plan.load))
        for row, name in enumerate(sorted(plan.load)):
            self.coders.setItem(row, 0, text_item(shown.get(name, name)))
            self.coders.setItem(row, 1, text_item(str(plan.load[name])))
            self.coders.setItem(row, 2, text_item(str(plan.before.get(name, 0) + plan.load[name])))
        self.coders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.coders)
        self.pairs = read_only_table(self, [translate("Team", "Annotators"), translate("Team", "Documents shared")],
                            translate("Team", "Overlap between annotators"))
        self.pairs.setRowCount(len(plan.pairs))
        for row, ((first, second), count) in enumerate(sorted(plan.pairs.items())):
            self.pairs.setItem(row, 0, text_item(f"{shown.get(first, first)} — {shown.get(second, second)}"))
            self.pairs.setItem(row, 1, text_item(str(count)))
        self.pairs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(QLabel("<b>%s</b>" % translate("Team", "Overlap"), self))
        layout.addWidget(self.pairs)
        self.left_out = QListWidget(self)
        self.left_out.setWordWrap(True)
        self.left_out.setAccessibleName(translate("Team", "Documents left out"))
        for item in plan.left_out:
            self.left_out.addItem(translate("Team", "%1: assigned already to %2")
                                  .replace("%1", item.title or item.document_id[:12])
                                  .replace("%2", ", ".join(shown.get(n, n) for n in item.annotators)))
        if plan.left_out:
            layout.addWidget(QLabel("<b>%s</b>" % translate("Team", "Left out"), self))
            layout.addWidget(self.left_out)
        else:
            self.left_out.hide()
        if plan.opened_only:
            note = QLabel(translate("Team", "%1 documents were planned though someone had opened them without an "
                                            "assignment (%2).").replace("%1", str(len(plan.opened_only)))
                          .replace("%2", ", ".join(sorted({shown.get(n, n) for i in plan.opened_only
                                                           for n in i.annotators}))), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


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
        people = [a for a in self.project.team.annotators() if a.name != "gold"]
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
            QMessageBox.warning(self, translate("Team", "Annotators"), message_text(str(exc)))
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
