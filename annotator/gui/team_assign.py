"""Team > Assign documents: the choices and the plan's outline, then the result (counts, overlap, what was
left out and why)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QSpinBox, QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.gui.reasons import error_message
from annotator.gui.tables import read_only_table, text_item

# translate("Team", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate


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
        for person in project.team.people(include_retired=False):
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
            self.outline.setText(error_message(exc))
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
