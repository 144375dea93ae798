"""The lead's side in the app: blind coding on every window, assignments that steer a coder's list and Next,
automatic assignment with its plan, the annotators dialog and the lead role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Document, Span
from annotator.gui import review, team
from annotator.gui.export_dialog import ExportDialog
from tests.gui.conftest import EMOJI_TEXT


def open_window(qtbot, project, settings, name):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, name, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def listed(window) -> list[str]:
    model = window.document_list.model
    return [model.document_id(r) for r in range(model.rowCount())]


def add_span(project, document_id, who, label="loaded_term"):
    start = EMOJI_TEXT.index("Big Tech")
    project.spans.add(Span(document_id=document_id, annotator=who, label_id=label, start=start, end=start + 8,
                           text="Big Tech"))


def more_documents(project, count=3) -> list[str]:
    return project.documents.add([Document(text=f"Article {i} about the reform.", title=f"Extra {i}")
                                  for i in range(count)]).added


def test_a_blind_coder_lists_and_walks_only_their_assigned_articles(qtbot, project, documents, settings):
    extra = more_documents(project)
    project.team.add("lea", role="lead")
    project.assignments.assign("sam", [documents[1], extra[1]])
    project.assignments.assign("noor", [documents[0], extra[0]])
    project.team.set_blind_coding(True, by="lea")
    window = open_window(qtbot, project, settings, "sam")
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert listed(window) == [documents[1], extra[1]]
    assert not window.document_list.scope_combo.isVisibleTo(window)
    assert window.workspace.document.id == documents[1]
    window.actions["next"].trigger()
    assert window.workspace.document.id == extra[1]
    window.actions["next"].trigger()  # the last assigned one: Next goes nowhere else
    assert window.workspace.document.id == extra[1]
    window.open_document(documents[1])
    window.actions["mark_done"].trigger()  # Ctrl+D: done, then the next one not done among sam's
    assert window.workspace.document.id == extra[1]
    window.close()


def test_where_not_blind_the_rest_is_one_choice_away(qtbot, project, documents, settings):
    extra = more_documents(project)
    project.assignments.assign("sam", [extra[2]])
    window = open_window(qtbot, project, settings, "sam")
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    combo = window.document_list.scope_combo
    assert combo.isVisibleTo(window) and combo.currentText() == "My documents"
    assert listed(window) == [extra[2]]
    combo.setCurrentIndex(1)
    assert len(listed(window)) == 5
    window.close()


def test_someone_without_assignments_sees_every_document(window, documents):
    assert not window.document_list.scope_combo.isVisibleTo(window)
    assert listed(window) == documents


def test_overlay_and_export_dialog_of_a_blind_coder_hold_only_their_work(window, project, documents):
    add_span(project, documents[0], "bob")
    add_span(project, documents[0], "alice", "scare_quote")
    project.team.add("lea", role="lead")
    project.team.set_blind_coding(True, by="lea")
    window.workspace.show_others = True  # even forced on, the overlay reads through the store's rule
    window.workspace.refresh_spans()
    assert {m.title.split(":")[0] for m in window.workspace.reader.marks if not m.suggestion} == {"Scare quote"}
    dialog = ExportDialog(project, window)
    assert [dialog.annotator_list.item(i).text() for i in range(dialog.annotator_list.count())] == ["alice"]
    assert not dialog.gold_check.isVisibleTo(dialog)
    dialog.close()


def test_agreement_window_is_refused_to_a_blind_coder(window, project, monkeypatch):
    project.team.add("lea", role="lead")
    project.team.set_blind_coding(True, by="lea")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert review.open_agreement(window) is None
    assert "only the project lead compares annotators" in told[0]


def test_progress_of_a_blind_coder_shows_their_own_column(window, project, documents):
    project.team.add("lea", role="lead")
    project.assignments.assign("alice", documents[:1])
    project.assignments.assign("bob", documents)
    project.team.set_blind_coding(True, by="lea")
    dialog = team.ProgressDialog(project, window)
    assert [dialog.people.item(r, 0).text() for r in range(dialog.people.rowCount())] == ["alice"]
    assert dialog.table.columnCount() == 3 and dialog.table.rowCount() == 1


def test_auto_assign_leaves_the_lead_out_and_says_what_it_did(window, project, documents, monkeypatch):
    extra = more_documents(project, 6)
    project.team.set_role("alice", "lead")
    for name in ("sam", "noor"):
        project.team.add(name)
    project.assignments.assign("noor", [extra[0]])
    project.assignments.set_status("alice", extra[1], "in progress")  # the lead opened it: not an assignment
    dialog = team.AssignDialog(project, window)
    ticks = {dialog.annotator_list.item(i).data(Qt.ItemDataRole.UserRole): dialog.annotator_list.item(i).checkState()
             for i in range(dialog.annotator_list.count())}
    assert ticks == {"alice": Qt.CheckState.Unchecked, "sam": Qt.CheckState.Checked, "noor": Qt.CheckState.Checked}
    dialog.overlap.setValue(0.5)
    assert "7 documents to plan" in dialog.outline.text() and "1 documents left out" in dialog.outline.text()
    plan = team.assign_documents(window, dialog)
    assert set(plan.load) == {"sam", "noor"} and sum(plan.load.values()) == 7 + len(plan.overlap)
    assert [(item.document_id, item.annotators) for item in plan.left_out] == [(extra[0], ["noor"])]
    assert [item.document_id for item in plan.opened_only] == [extra[1]]
    shown = window.last_assignment
    assert shown.coders.rowCount() == 2 and shown.pairs.item(0, 0).text() == "noor — sam"
    assert shown.left_out.item(0).text() == "Extra 0: assigned already to noor"
    assert project.assignments.of_annotator("alice") == []
    shown.close()


def test_annotators_are_added_renamed_retired_and_given_the_lead_role(window, project, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = team.AnnotatorsDialog(project, "alice", window)
    dialog.add("sam")
    assert dialog.selected() == "sam"
    dialog.rename("Samira B.")
    assert project.team.get("sam").shown_name == "Samira B."
    dialog.toggle_retired()
    assert project.team.get("sam").retired and "sam" not in team.coder_names(project)
    assert dialog.retire_button.text() == "Bring back"
    dialog.toggle_retired()
    dialog.toggle_lead()
    assert project.team.leads() == ["sam"]
    # alice is no lead now: the team is sam's to change
    again = team.AnnotatorsDialog(project, "alice", window)
    assert not again.add_button.isEnabled() and "Only the project lead (sam)" in again.note.text()


def test_the_lead_role_is_refused_while_someone_else_leads(window, project, monkeypatch):
    project.team.add("lea", role="lead")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    team.become_lead(window)
    assert project.team.role("alice") == "annotator"
    assert told == ["lea leads this project. Only a lead gives the lead role to someone else (Team > Annotators…)."]


def test_agreement_window_ticks_the_assigned_coders_and_rolls_labels_up(qtbot, window, project, documents):
    from annotator.gui.agreement_view import AgreementView

    project.team.set_role("alice", "lead")
    for name in ("sam", "noor"):
        project.assignments.assign(name, documents)
        add_span(project, documents[0], name, "reporting_verb.neutral" if name == "sam" else "reporting_verb.loaded")
    add_span(project, documents[0], "alice")  # the lead's stray test span
    view = AgreementView(project, window, resamples=0)
    qtbot.addWidget(view)
    ticks = {view.annotator_list.item(i).data(Qt.ItemDataRole.UserRole): view.annotator_list.item(i).checkState()
             for i in range(view.annotator_list.count())}
    assert ticks == {"alice": Qt.CheckState.Unchecked, "sam": Qt.CheckState.Checked, "noor": Qt.CheckState.Checked}
    view.roll_up_check.setChecked(True)
    assert view.request().roll_up and view.request().annotators == []  # the default coders: no filter
    view.show()
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    assert view.report.annotators == ["sam", "noor"] and view.report.filters["roll_up"]
    rows = [view.labels_table.item(r, 0).text() for r in range(view.labels_table.rowCount())]
    assert "Reporting verb" in rows and "Neutral reporting verb" not in rows
    view.close()
