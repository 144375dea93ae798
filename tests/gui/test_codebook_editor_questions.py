"""The codebook editor, complete: a question with choices made in the editor that a coder then answers,
choices and attributes edited and retired, keys refused with the reason, importing a preset with every
change shown and nothing written unless confirmed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox

from annotator.core.codebook import codebook_from_dict, codebook_to_dict
from annotator.core.shortcuts import normal_shortcut
from annotator.gui.codebook_editor import CodebookEditor
from annotator.gui.reader_input import key_text
from annotator.gui.span_dialog import SpanDialog
from annotator.io.codebook_files import load_preset


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def editor(qtbot, window):
    dialog = CodebookEditor(window.project, window, window.language)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_question_made_in_the_editor_is_answered_by_a_coder(qtbot, window, editor, project, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Who is blamed?", True))
    editor.add_question_button.click()
    question = editor.current_label_id()
    assert question == "who_is_blamed" and editor.question_box.isVisible()
    assert not editor.shortcut_row.isVisible()  # a question has no key
    box = editor.question_box
    names = iter([("Trade unions", "Les syndicats"), ("The government", "Le gouvernement")])
    box.ask_names = lambda *a: next(names)
    box.add_choice_button.click()
    box.add_choice_button.click()
    for choice in ("yes", "no"):
        box.select_choice(choice)
        box.delete_choice_button.click()
    box.select_choice("the_government")
    box.choice_up_button.click()
    box.multiple_check.click()
    labels = [box.choice_list.item(i).text() for i in range(box.choice_list.count())]
    assert labels == ["The government", "Trade unions", "Unsure / not applicable"]
    assert project.codebook.label(question).multiple
    editor.close()
    window.workspace.reload_codebook()  # what Edit > Edit codebook does when the editor closes
    widget = window.workspace.questions_panel.widget_for(question)
    offered = [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())]
    assert offered == ["the_government", "trade_unions", "unsure"]
    widget.item(0).setCheckState(Qt.CheckState.Checked)
    widget.item(1).setCheckState(Qt.CheckState.Checked)
    document = window.workspace.document.id
    assert [a.value for a in project.answers.find(document, "alice") if a.question == question] == \
        ["the_government|trade_unions"]


def test_a_retired_choice_is_no_longer_offered_but_an_answer_keeps_it(qtbot, window, editor, project):
    document = window.workspace.document.id
    project.answers.set(document, "alice", "tone", "negative")
    editor.select_label("tone")
    editor.question_box.select_choice("negative")
    editor.question_box.retire_choice_button.click()
    assert editor.question_box.retire_choice_button.text() == "Bring back"
    editor.close()
    window.workspace.reload_codebook()
    window.workspace.show_document(document)
    combo: QComboBox = window.workspace.questions_panel.widget_for("tone")
    assert combo.currentText() == "Negative (retired)"  # the answer shows, marked
    combo.setCurrentIndex(combo.findData("neutral"))
    assert combo.findData("negative") == -1 or combo.currentData() == "neutral"
    window.workspace.show_document(document)
    assert combo.findData("negative") == -1  # no longer offered once the answer moved on


def test_attributes_are_added_edited_and_retired_in_the_editor(qtbot, window, editor, project):
    editor.add_attribute(("Target", "choice", ["Unions", "Government"]))
    panel = editor.attribute_panel
    assert editor.current_attribute_id() == "target" and editor.details_stack.currentIndex() == 1
    panel.name_fr_edit.setText("Cible")
    for row in range(panel.labels_list.count()):
        item = panel.labels_list.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == "loaded_term"
                           else Qt.CheckState.Unchecked)
    panel.choices_edit.setPlainText("Unions\nGovernment\nEmployers")
    panel.save_button.click()
    attr = next(a for a in project.codebook.attributes() if a.id == "target")
    assert (attr.name_fr, attr.labels, attr.choices) == ("Cible", ["loaded_term"], ["unions", "government", "employers"])
    panel.up_button.click()
    assert [a.id for a in project.codebook.attributes()][-2] == "target"
    from annotator.core.model import Span

    start = window.workspace.document.text.index("Big Tech")
    span = Span(document_id=window.workspace.document.id, annotator="alice", label_id="loaded_term", start=start,
                end=start + 8, text="Big Tech")
    label = project.codebook.label("loaded_term")
    asks = SpanDialog(span, label, project.codebook.attributes(), "fr")
    assert "target" in asks._fields and asks._fields["target"].itemText(1) == "Unions"
    panel.retire_button.click()
    assert "target" not in SpanDialog(span, label, project.codebook.attributes())._fields


def test_keys_that_never_fire_or_clash_with_menus_are_refused_saying_why(qtbot, editor, project, warnings):
    editor.select_label("hedge")
    for key, reason in (("é", "is not a key the article text catches"), ("Ctrl+D", "Go > Mark done"),
                        ("Alt+F", "opening the File menu"), ("Ctrl+C", "copying text"),
                        ("Shift+h", "only types a capital letter")):
        editor.shortcut_edit.setText(key)
        editor.shortcut_button.click()
        assert reason in warnings[-1], (key, warnings[-1])
        assert project.codebook.label("hedge").shortcut == "h"
    editor.shortcut_edit.setText("alt+2")
    editor.shortcut_button.click()
    assert project.codebook.label("hedge").shortcut == "Alt+2"


def test_the_reader_reports_keys_in_the_one_spelling_labels_are_stored_in(qapp):
    for key, mods, expected in ((Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier, "s"),
                                (Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier, "Alt+1"),
                                (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                                 "Ctrl+Shift+K")):
        assert key_text(QKeyEvent(QEvent.Type.KeyPress, key, mods)) == expected == normal_shortcut(expected)


def test_importing_a_preset_shows_every_change_and_writes_only_when_confirmed(qtbot, editor, project, monkeypatch):
    data = codebook_to_dict(load_preset("framing-devices"))
    data["name"] = "Another name"
    tone = next(q for q in data["questions"] if q["id"] == "tone")
    tone["choices"] = [{"id": "hostile", "name": "Hostile"}, {"id": "neutral", "name": "Even-handed"}]
    book = codebook_from_dict(data)
    version, name = project.codebook.version(), project.codebook.current().name
    from annotator.gui.codebook_import_dialog import ImportPreview

    shown = []
    monkeypatch.setattr(ImportPreview, "exec", lambda self: shown.append(self.report.toPlainText()) or 0)
    assert editor.import_codebook(book) is None
    assert project.codebook.version() == version  # cancelled: nothing written
    report = shown[0]
    assert "Tone towards the main actor: new choice “Hostile”" in report
    assert "Tone towards the main actor: choice “Neutral” renamed “Even-handed”" in report
    assert "Tone towards the main actor: choice “Negative” removed" in report
    assert "keeps its name" in report
    monkeypatch.setattr(ImportPreview, "exec", lambda self: 1)
    editor.import_codebook(book)
    assert [c.id for c in project.codebook.label("tone").choices] == ["hostile", "neutral", "unsure"]
    assert project.codebook.current().name == name
