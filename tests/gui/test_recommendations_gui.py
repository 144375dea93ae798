"""The model in the app: loaded from the file, its recommendations shown, accepted, rejected and undone like the
detectors' suggestions, retrained in the background, next article by uncertainty, scored in the agreement window."""

from __future__ import annotations

import csv
import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import Qt

from annotator.gui.main_window import MainWindow
from annotator.recommend import FitCancelled
from annotator.services import recommending
from annotator.store import Project
from tests.services.labelled_project import copy_project, make_labelled_file


@pytest.fixture(scope="module")
def trained_file(tmp_path_factory):
    """16 articles, 12 coded by alice and bob, and the model trained on them stored in the file."""
    path = make_labelled_file(tmp_path_factory.mktemp("trained") / "source.framing", count=16, coded=12)
    with Project.open(path, backup=False) as project:
        recommending.train_project(project)
    return path


@pytest.fixture
def labelled(trained_file, tmp_path):
    """A fresh copy of the trained project, open."""
    project = Project.open(copy_project(trained_file, tmp_path / "project.framing"), backup=False)
    yield project
    project.close()


def open_window(qtbot, project, settings, annotator="carol"):
    window = MainWindow(project, annotator, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    return window


def recommendations(window):
    return [s for s in window.workspace.suggestions if s.origin == "recommender"]


def show_article(window, qtbot, number):
    document_id = window.project.documents.ids()[number]
    window.open_document(document_id)
    qtbot.waitUntil(lambda: bool(recommendations(window)), timeout=20000)
    return document_id


def spans_in_file(project):
    with sqlite3.connect(project.path) as conn:
        return conn.execute("SELECT label_id, start, \"end\", origin FROM spans WHERE annotator = 'carol' "
                            "AND deleted = 0").fetchall()


@pytest.fixture
def window(qtbot, labelled, settings):
    win = open_window(qtbot, labelled, settings)
    yield win
    win.close()
    assert win.tasks.in_flight == 0 and labelled.closed


def test_the_stored_model_is_used_at_once_without_training(qtbot, labelled, settings, monkeypatch):
    trained: list[int] = []
    monkeypatch.setattr(recommending, "train", lambda *a, **k: trained.append(1))
    window = open_window(qtbot, labelled, settings)
    show_article(window, qtbot, 13)
    assert trained == [] and window.learning.status.text().startswith("Model: learnt from 12 articles")
    window.close()
    assert window.tasks.in_flight == 0


def test_recommendations_are_listed_with_their_origin_and_confidence(window, qtbot):
    show_article(window, qtbot, 13)
    panel = window.workspace.suggestion_panel
    model = panel.model
    rows = [r for r in range(model.rowCount()) if model.suggestions[r].origin == "recommender"]
    assert rows and model.columnCount() == 4 and model.headerData(3, Qt.Orientation.Horizontal) == "Sure"
    row = rows[0]
    suggestion = model.suggestions[row]
    assert model.data(model.index(row, 0)) == "Model"
    assert model.data(model.index(row, 3)) == f"{suggestion.confidence:.0%}"
    assert "Recommended by the model" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    marks = {m.id: m for m in window.workspace.reader.marks}
    assert marks[window.workspace.suggestion_mark_id(suggestion)].suggestion
    # The model's answer to the tone question stands beside it.
    tone = window.workspace.questions_panel.widget_for("tone")
    assert tone.itemText(0).startswith("(not answered; model: ")


def test_accept_reject_undo_and_redo_a_recommendation(window, labelled, qtbot):
    document_id = show_article(window, qtbot, 14)
    ws = window.workspace
    first = recommendations(window)[0]
    ws.suggestion_panel.view.selectRow(ws.suggestions.index(first))
    ws.suggestion_panel.accept_button.click()
    assert spans_in_file(labelled) == [(first.label_id, first.start, first.end, "recommender")]
    assert first not in ws.suggestions
    window.actions["undo"].trigger()
    assert spans_in_file(labelled) == [] and first.key in {s.key for s in ws.suggestions}
    window.actions["redo"].trigger()
    assert spans_in_file(labelled) == [(first.label_id, first.start, first.end, "recommender")]
    second = recommendations(window)[0]
    ws.select_span(ws.suggestion_mark_id(second))
    qtbot.keyClick(ws.reader, Qt.Key.Key_Delete)
    decisions = {d.kind: d.decision for d in labelled.suggestions.decisions(document_id, "carol")}
    assert decisions[second.kind] == "rejected" and second.key not in {s.key for s in ws.suggestions}
    window.actions["undo"].trigger()
    assert second.key in {s.key for s in ws.suggestions}


def test_hiding_the_recommendations_keeps_the_detectors(window, qtbot):
    show_article(window, qtbot, 13)
    window.actions["recommendations"].setChecked(False)
    qtbot.waitUntil(lambda: bool(window.workspace.suggestions) and not recommendations(window), timeout=20000)
    assert window.workspace.questions_panel.widget_for("tone").itemText(0) == "(not answered)"
    window.actions["recommendations"].setChecked(True)
    qtbot.waitUntil(lambda: bool(recommendations(window)), timeout=20000)


def test_retraining_after_a_few_decisions_runs_in_the_background_and_is_stored(window, labelled, qtbot):
    show_article(window, qtbot, 14)
    before = labelled.models.trained("")
    window.learning.retrain_every = 2
    window.workspace.accept_suggestions(recommendations(window)[:1])
    assert not window.learning.training
    window.workspace.reject_suggestions(recommendations(window)[:1])
    assert window.learning.training and window.tasks.tasks("recommender-training")
    qtbot.waitUntil(lambda: not window.learning.training, timeout=30000)
    after = labelled.models.trained("")
    assert after[0] > before[0] and after[1] == labelled.models.annotations_stamp()
    assert window.learning.models.stamp == after[1]
    assert not recommending.is_stale(labelled, recommending.load(labelled))


def test_a_stale_model_is_trained_again_when_the_window_opens(qtbot, labelled, settings):
    from annotator.core.model import Span

    doc = labelled.documents.ids()[15]
    text = labelled.documents.text(doc)
    labelled.spans.add(Span(document_id=doc, annotator="alice", label_id="hedge", start=0, end=5, text=text[:5]))
    before = labelled.models.trained("")
    window = open_window(qtbot, labelled, settings)
    qtbot.waitUntil(lambda: window.learning.models is not None and not window.learning.training, timeout=30000)
    assert labelled.models.trained("")[0] > before[0]
    window.close()


def test_closing_the_window_while_it_trains_stops_the_training(qtbot, labelled, settings, monkeypatch):
    running, saw_cancel = threading.Event(), []

    def slow_train(training, cache=None, cancelled=None):
        running.set()
        while not cancelled():
            time.sleep(0.01)
        saw_cancel.append(True)
        raise FitCancelled()

    monkeypatch.setattr(recommending, "train", slow_train)
    window = open_window(qtbot, labelled, settings)
    window.learning.retrain()
    qtbot.waitUntil(running.is_set, timeout=10000)
    before = labelled.models.trained("")
    window.close()
    assert saw_cancel == [True] and window.tasks.in_flight == 0 and labelled.closed
    with Project.open(labelled.path, backup=False) as reopened:
        assert reopened.models.trained("") == before


def test_next_article_by_the_models_uncertainty(window, labelled, qtbot):
    window.actions["next_by_uncertainty"].setChecked(True)
    qtbot.waitUntil(lambda: window.learning.ranking is not None, timeout=30000)
    ranking = window.learning.ranking
    assert sorted(ranking) == sorted(labelled.documents.ids())
    current = window.workspace.document.id
    window.next_not_done()
    expected = next(d for d in ranking if d != current)
    assert window.workspace.document.id == expected
    labelled.assignments.set_status("carol", ranking[1], "done")
    window.next_not_done()
    assert window.workspace.document.id == next(d for d in ranking if d not in (expected, ranking[1]))
    window.actions["next_by_uncertainty"].setChecked(False)
    assert window.learning.next_document(current) is None


def test_the_agreement_window_scores_the_model_and_the_detectors(window, qtbot, tmp_path):
    from annotator.gui.review import open_agreement

    view = open_agreement(window)
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    view.tabs.setCurrentWidget(view.machines)
    assert view.current_page() == "machines"
    view.machines.compute()
    qtbot.waitUntil(lambda: view.machines.result is not None, timeout=60000)
    table = view.machines.spans_table
    coders = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert coders == ["Annotators among themselves", "Model – alice", "Model – bob", "Detectors – alice",
                      "Detectors – bob"]
    assert float(table.item(1, 4).text()) > 0.5  # exact F1 of the model against alice, all labels
    view.machines.label_combo.setCurrentIndex(view.machines.label_combo.findData("hedge"))
    assert table.rowCount() == 5 and "/" in table.item(1, 2).text()
    with open(view.export_csv(tmp_path / "machines.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    model_alice = [r for r in rows if (r["coder_a"], r["coder_b"]) == ("alice", "recommender")]
    assert model_alice[0]["label_or_question"] == "" and float(model_alice[0]["exact_f1"]) > 0.5
    assert any(r["label_or_question"] == "tone" for r in model_alice)
    view.close()
    assert view.tasks.in_flight == 0


@pytest.mark.parametrize("who, role", [("alice", "lead"), ("bob", "annotator")])
def test_the_model_learns_under_blind_coding_for_the_lead_and_for_a_coder(qtbot, labelled, settings, who, role):
    """The training opens the file on its own connection: it must say who is reading it, or blind coding
    hides everyone's work from it (the lead's included) and no training ever succeeds."""
    labelled.team.set_role("alice", "lead")
    labelled.team.set_blind_coding(True, by="alice")
    window = open_window(qtbot, labelled, settings, annotator=who)
    window.learning.retrain()
    qtbot.waitUntil(lambda: not window.learning.training, timeout=60000)
    assert "could not learn" not in window.learning.status.text()
    assert window.learning.models is not None, window.learning.status.text()
    window.actions["next_by_uncertainty"].setChecked(True)
    qtbot.waitUntil(lambda: window.learning.ranking is not None, timeout=30000)
    window.close()
    assert window.tasks.in_flight == 0


def test_the_lead_scores_the_machines_under_blind_coding(qtbot, labelled, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.review import open_agreement

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]))
    labelled.team.set_role("alice", "lead")
    labelled.team.set_blind_coding(True, by="alice")
    window = open_window(qtbot, labelled, settings, annotator="alice")
    view = open_agreement(window)
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    view.machines.detectors_check.setChecked(True)
    view.machines.model_check.setChecked(False)
    view.machines.compute()
    qtbot.waitUntil(lambda: view.machines.score_button.isEnabled(), timeout=60000)
    assert warnings == [] and view.machines.result is not None
    view.close()
    window.close()
    assert view.tasks.in_flight == 0 and window.tasks.in_flight == 0
