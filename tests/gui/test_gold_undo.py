"""Gold-standard actions of the disagreement browser are undoable: accepting, adding, removing, agreed spans
and answers, gold answers and the "settled" mark each go back with Undo and come again with Redo."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.agreement.agreement_project import TEXTS, mark
from tests.gui.test_disagreement_view import gold_in_file, open_article, project, project_file, row_of, view  # noqa: F401


def live_gold(path) -> list[str]:
    return sorted(r[0] for r in gold_in_file(path))


def test_accepting_adding_and_removing_gold_spans_are_undone_and_redone(view, project_file):  # noqa: F811
    table = open_article(view, 1)
    table.selectRow(row_of(view, "'necessary step'", "scare_quote"))
    view.panel.accept_button.click()
    view.reader.select_range(*mark(TEXTS[0], "reckless"))
    view.panel.label_combo.setCurrentIndex(view.panel.label_combo.findData("loaded_term"))
    view.panel.add_button.click()
    assert live_gold(project_file) == ["'necessary step'", "reckless"]
    assert view.panel.undo_button.isEnabled() and not view.panel.redo_button.isEnabled()
    view.undo_stack.undo()
    assert live_gold(project_file) == ["'necessary step'"]
    view.panel.undo_button.click()
    assert live_gold(project_file) == [] and view.documents.item(1, 4).text() == ""
    view.panel.redo_button.click()
    view.undo_stack.redo()
    assert live_gold(project_file) == ["'necessary step'", "reckless"]
    table.selectRow(row_of(view, "reckless", "loaded_term"))
    view.panel.delete_button.click()
    assert live_gold(project_file) == ["'necessary step'"]
    view.undo_action.trigger()  # Ctrl+Z in the browser
    assert live_gold(project_file) == ["'necessary step'", "reckless"]
    assert view.undo_stack.undoText() == "Add to gold"


def test_agreed_spans_in_every_document_go_back_in_one_step(view, project_file, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    open_article(view, 1)
    view.panel.accept_all_button.click()
    assert len(live_gold(project_file)) == 4
    view.undo_stack.undo()
    assert live_gold(project_file) == []
    view.undo_stack.redo()
    assert len(live_gold(project_file)) == 4


def test_gold_answers_and_the_settled_mark_are_undone(view, project):  # noqa: F811
    open_article(view, 2)
    doc = view.document.id
    combo = view.panel.gold_combo("tone")
    combo.setCurrentIndex(combo.findData("negative"))
    view.panel.threshold_combo.setCurrentIndex(1)
    view.panel.accept_answers_button.click()
    assert project.adjudication.gold_answers(doc) == {"tone": "negative", "source_type": "citizen"}
    view.undo_stack.undo()
    assert project.adjudication.gold_answers(doc) == {"tone": "negative"}
    view.undo_stack.undo()
    assert project.adjudication.gold_answers(doc) == {}
    assert view.panel.gold_combo("tone").currentData() == ""
    view.undo_stack.redo()
    view.undo_stack.redo()
    assert project.adjudication.gold_answers(doc) == {"tone": "negative", "source_type": "citizen"}
    view.panel.settled_check.setChecked(True)
    assert project.adjudication.is_settled(doc)
    view.undo_stack.undo()
    assert not project.adjudication.is_settled(doc) and not view.panel.settled_check.isChecked()


def test_the_browser_opened_from_the_menu_shares_the_main_windows_undo_stack(qtbot, project, settings):  # noqa: F811
    from annotator.gui import review
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, "alice", settings)
    qtbot.addWidget(window)
    window.actions["disagreements"].trigger()
    browser = window.disagreement_view
    qtbot.waitUntil(lambda: browser.report is not None, timeout=30000)
    assert browser.undo_stack is window.undo_stack
    browser.accept_agreed(every_document=False)
    assert window.undo_stack.count() == 1
    window.actions["undo"].trigger()
    assert project.adjudication.gold_span_counts() == {}
    assert review.open_disagreements(window) is browser
    window.close()
