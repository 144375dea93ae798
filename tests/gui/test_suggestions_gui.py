"""Suggestions in the workspace: shown dotted, accepted or rejected by key or panel, undoable, persistent."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from annotator.core.model import Document

TEXT = (
    "Parler porte plainte contre Amazon\n\n"
    "Selon le procès, Parler a demandé à un juge d’annuler l’interdiction sur la plateforme de "
    "« liberté\u00a0d’expression ». « Nous allons reconstruire tout le réseau à partir de zéro dans les "
    "prochains jours », a déclaré M. Matze. La société prétend que la « sécurité publique » est en jeu."
)


def open_article(window, project, qtbot):
    doc = project.documents.add([Document(text=TEXT, title="Parler", language="fr")]).added[0]
    window.document_list.model.reload()
    window.open_document(doc)
    # The detectors run just after the text is shown.
    qtbot.waitUntil(lambda: bool(window.workspace.suggestions))
    return doc


def suggestion(window, kind, text):
    return next(s for s in window.workspace.suggestions if s.kind == kind and s.text == text)


def spans_in_file(project):
    with sqlite3.connect(project.path) as conn:
        return conn.execute('SELECT label_id, text, origin FROM spans WHERE deleted = 0').fetchall()


def test_suggestions_are_shown_dotted_and_listed(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "scare_quote", "liberté\u00a0d’expression")
    marks = {m.id: m for m in ws.reader.marks}
    assert marks[ws.suggestion_mark_id(scare)].suggestion
    assert ws.suggestion_panel.model.rowCount() == len(ws.suggestions) > 0
    assert window.side_tabs.tabText(1).startswith("Suggestions (")


def test_enter_accepts_the_selected_suggestion_and_undo_makes_it_pending(window, project, qtbot):
    doc = open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "scare_quote", "liberté\u00a0d’expression")
    ws.select_span(ws.suggestion_mark_id(scare))
    qtbot.keyClick(ws.reader, Qt.Key.Key_Return)
    assert spans_in_file(project) == [("scare_quote", "liberté\u00a0d’expression", "suggestion")]
    assert scare not in ws.suggestions
    window.actions["undo"].trigger()
    assert spans_in_file(project) == []
    assert scare in ws.suggestions
    window.actions["redo"].trigger()
    assert len(spans_in_file(project)) == 1
    assert project.suggestions.decisions(doc, "alice")[0].decision == "accepted"


def test_a_label_key_accepts_with_another_label(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "direct_quote", "sécurité publique")
    ws.select_span(ws.suggestion_mark_id(scare))
    qtbot.keyClick(ws.reader, Qt.Key.Key_L)  # loaded term
    assert spans_in_file(project) == [("loaded_term", "sécurité publique", "suggestion")]


def test_delete_rejects_and_rejected_ones_stay_rejected(window, project, qtbot, documents):
    doc = open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "scare_quote", "liberté\u00a0d’expression")
    ws.select_span(ws.suggestion_mark_id(scare))
    qtbot.keyClick(ws.reader, Qt.Key.Key_Delete)
    assert spans_in_file(project) == []
    assert scare not in ws.suggestions
    # Leave the document and come back: still rejected (read from the file).
    window.open_document(documents[0])
    window.open_document(doc)
    qtbot.waitUntil(lambda: bool(ws.suggestions))
    assert all(s.key != scare.key for s in ws.suggestions)
    assert project.suggestions.decisions(doc, "alice")[0].decision == "rejected"


def test_accept_all_of_a_kind_from_the_panel(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    panel = ws.suggestion_panel
    row = next(i for i, s in enumerate(ws.suggestions) if s.kind == "scare_quote")
    panel.view.selectRow(row)
    scare_count = sum(1 for s in ws.suggestions if s.kind == "scare_quote")
    panel.accept_kind_button.click()
    assert [r[0] for r in spans_in_file(project)] == ["scare_quote"] * scare_count
    assert not any(s.kind == "scare_quote" for s in ws.suggestions)
    window.actions["undo"].trigger()
    assert spans_in_file(project) == []


def test_reject_button_and_hiding_suggestions(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    before = len(ws.suggestions)
    ws.suggestion_panel.view.selectRow(0)
    ws.suggestion_panel.reject_button.click()
    assert len(ws.suggestions) == before - 1
    window.actions["suggestions"].setChecked(False)
    assert not any(m.suggestion for m in ws.reader.marks)
    window.actions["suggestions"].setChecked(True)
    assert len(ws.suggestions) == before - 1


def test_labelling_the_same_words_by_hand_retires_the_suggestion(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "scare_quote", "liberté\u00a0d’expression")
    ws.reader.select_range(scare.start, scare.end)
    qtbot.keyClick(ws.reader, Qt.Key.Key_S)
    assert spans_in_file(project) == [("scare_quote", "liberté\u00a0d’expression", "manual")]
    assert scare not in ws.suggestions
    window.actions["undo"].trigger()
    assert scare in ws.suggestions


def test_redo_brings_back_the_same_span_so_later_steps_stay_valid(window, project, qtbot):
    open_article(window, project, qtbot)
    ws = window.workspace
    scare = suggestion(window, "scare_quote", "liberté\u00a0d’expression")
    ws.select_span(ws.suggestion_mark_id(scare))
    qtbot.keyClick(ws.reader, Qt.Key.Key_Return)  # accept
    [span] = ws.spans
    ws.select_span(span.id)
    qtbot.keyClick(ws.reader, Qt.Key.Key_L)  # relabel the accepted span
    assert spans_in_file(project) == [("loaded_term", "liberté\u00a0d’expression", "suggestion")]
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert spans_in_file(project) == []
    window.actions["redo"].trigger()
    window.actions["redo"].trigger()
    assert spans_in_file(project) == [("loaded_term", "liberté\u00a0d’expression", "suggestion")]
    assert [s.id for s in project.spans.of_document(span.document_id)] == [span.id]


def test_a_refused_action_never_reaches_the_undo_stack(window, project, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.suggest import Suggestion

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    open_article(window, project, qtbot)
    start = TEXT.index("prétend")
    unlabelled = Suggestion(kind="distancing", start=start, end=start + 7, text="prétend", label_id="")
    window.workspace.accept_suggestions([unlabelled])
    assert warnings and "no label" in warnings[0]
    assert window.undo_stack.count() == 0  # nothing to undo: nothing happened
    assert spans_in_file(project) == []
