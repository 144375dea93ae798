"""The disagreement browser on a real three-annotator project: ranking, lanes, and adjudication into gold."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.gui import review
from annotator.gui.adjudication_panel import GOLD_COLOUR
from annotator.gui.disagreement_view import DisagreementView
from annotator.store import Project
from tests.agreement.agreement_project import TEXTS, build_project, mark

RANKED = ["Article 4", "Article 1", "Article 3", "Article 2"]


@pytest.fixture
def project_file(tmp_path):
    return build_project(tmp_path / "three.framing")


@pytest.fixture
def project(project_file):
    with Project.open(project_file) as opened:
        yield opened


@pytest.fixture
def view(qtbot, project):
    widget = DisagreementView(project, "lead")
    qtbot.addWidget(widget)
    widget.show()
    widget.compute()
    qtbot.waitUntil(lambda: widget.report is not None, timeout=30000)
    return widget


def gold_in_file(path, deleted=0):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT s.text, s.label_id, s.origin, a.how, a.annotators FROM spans s "
            "LEFT JOIN adjudications a ON a.span_id = s.id "
            "WHERE s.annotator = 'gold' AND s.deleted = ? ORDER BY s.document_id, s.start", [deleted]).fetchall()


def column_texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def open_article(view, number):
    view.select_document(view.project.documents.ids()[number - 1])
    return view.panel.span_table


def row_of(view, text, label):
    return next(i for i, g in enumerate(view.groups) if (g.text, g.label) == (text, label))


def test_documents_are_ranked_by_disagreement_and_the_first_is_open(view):
    assert column_texts(view.documents, 1) == RANKED
    assert column_texts(view.documents, 2) == ["-0.095", "0.133", "0.326", "0.419"]
    assert view.document.title == "Article 4" and view.coders == ["alice", "bob"]
    assert "Article 4" in view.heading.text() and "-0.095" in view.heading.text()


def test_every_annotator_spans_over_the_text_with_differences_marked(view):
    table = open_article(view, 1)
    assert view.document.title == "Article 1"
    assert column_texts(table, 0) == ["said", "'necessary step'", "necessary step", "called it reckless", "reckless"]
    assert column_texts(table, 6) == ["all 3", "2 of 3", "only carol", "only bob", "only alice"]
    marks = view.reader.marks
    assert len(marks) == 3 + 2 + 1 + 1 + 1
    said = [m for m in marks if (m.start, m.end) == mark(TEXTS[0], "said")]
    assert [m.readonly for m in said] == [True] * 3  # agreed: drawn quietly
    assert {m.color for m in said} == {"#0072B2", "#D55E00", "#009E73"}  # one colour per annotator
    lone = next(m for m in marks if (m.start, m.end) == mark(TEXTS[0], "reckless"))
    assert not lone.readonly and "not marked so by bob, carol" in lone.title
    # Hiding an annotator removes their lane; clicking a lane selects its row.
    view.legend_boxes["carol"].setChecked(False)
    assert all(m.color != "#009E73" for m in view.reader.marks)
    view._mark_clicked(lone.id)
    assert view.panel.selected_group().text == "reckless"


def test_accept_into_gold_writes_a_gold_span_in_the_file(view, project_file, qtbot):
    table = open_article(view, 1)
    row = row_of(view, "'necessary step'", "scare_quote")
    table.setCurrentCell(row, 3)  # bob's column: accept bob's span
    with qtbot.waitSignal(view.changed) as signal:
        view.panel.accept_button.click()
    assert signal.args[0].action == "span accepted into gold"
    assert gold_in_file(project_file) == [("'necessary step'", "scare_quote", "adjudication", "accepted", '["bob"]')]
    assert table.item(row, 5).text() == "✓ gold"
    assert view.documents.item(1, 4).text() == "1"
    assert any(m.color == GOLD_COLOUR for m in view.reader.marks)
    # The same again adds nothing.
    view.panel.accept_button.click()
    assert len(gold_in_file(project_file)) == 1 and "already there" in view.panel.status.text()


def test_accept_agreed_with_a_threshold(view, project_file, monkeypatch):
    open_article(view, 1)
    view.panel.accept_agreed_button.click()  # all annotators
    assert [r[0] for r in gold_in_file(project_file)] == ["said"]
    view.panel.threshold_combo.setCurrentIndex(1)  # two thirds
    assert view.panel.threshold == pytest.approx(2 / 3)
    view.panel.accept_agreed_button.click()
    assert [r[0] for r in gold_in_file(project_file)] == ["said", "'necessary step'"]
    assert "1 added to gold; 1 already there" in view.panel.status.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.panel.accept_all_button.click()
    rows = gold_in_file(project_file)
    assert sorted(r[0] for r in rows) == sorted(["said", "'necessary step'", "reportedly", "claimed", "said",
                                                 "denied"])
    assert {r[3] for r in rows} == {"agreed"}
    assert column_texts(view.documents, 4) == ["1", "2", "2", "1"]


def test_remove_and_add_gold_spans_and_gold_answers(view, project, project_file):
    table = open_article(view, 2)
    view.panel.accept_agreed_button.click()
    table.selectRow(row_of(view, "reportedly", "hedge"))
    view.panel.delete_button.click()
    assert gold_in_file(project_file) == [] and len(gold_in_file(project_file, deleted=1)) == 1
    view.reader.select_range(*mark(TEXTS[1], "tear gas"))
    view.panel.label_combo.setCurrentIndex(view.panel.label_combo.findData("loaded_term"))
    view.panel.add_button.click()
    assert gold_in_file(project_file) == [("tear gas", "loaded_term", "adjudication", "added", "[]")]
    view.panel.tabs.setCurrentIndex(1)
    assert column_texts(view.panel.answer_table, 0) == ["Main source type", "Tone towards the main actor"]
    combo = view.panel.gold_combo("tone")
    combo.setCurrentIndex(combo.findData("negative"))
    assert project.adjudication.gold_answers(view.document.id) == {"tone": "negative"}
    view.panel.accept_answers_button.click()  # source type: official, media, citizen... no agreement
    assert project.adjudication.gold_answers(view.document.id) == {"tone": "negative"}
    view.panel.threshold_combo.setCurrentIndex(1)
    view.panel.accept_answers_button.click()
    assert project.adjudication.gold_answers(view.document.id) == {"tone": "negative", "source_type": "citizen"}
    assert view.panel.gold_combo("source_type").currentData() == "citizen"


def test_without_the_right_to_adjudicate_nothing_is_written(view, project_file):
    view.adjudicate = False
    assert not view.panel.accept_button.isEnabled() and not view.panel.accept_agreed_button.isEnabled()
    open_article(view, 1)
    view.panel.span_table.selectRow(0)
    assert view.accept_selected() is None and view.accept_agreed() is None
    assert gold_in_file(project_file) == []
    assert "project lead" in view.panel.status.text()


def test_review_menu_respects_blind_coding(qtbot, project, settings, monkeypatch):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, "carol", settings)
    qtbot.addWidget(window)
    project.team.set_blind_coding(True)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert review.open_disagreements(window) is None and "blind" in told[0]
    project.team.set_blind_coding(False)
    project.team.set_role("alice", "lead")
    window.actions["disagreements"].trigger()
    view = window.disagreement_view
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    assert not view.adjudicate  # alice leads; carol may look but not decide
    project.team.set_role("carol", "lead")
    assert review.open_disagreements(window) is view and view.adjudicate
