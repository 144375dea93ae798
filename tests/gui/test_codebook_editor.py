"""The codebook editor driven through its real widgets against a real project file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from annotator.core.model import Document, Span
from annotator.gui.codebook_editor import CodebookEditor
from annotator.store import Project

TEXT = "Amazon claimed that Parler was dangerous. Big Tech again, said the CEO."


@pytest.fixture
def spans(project) -> list[str]:
    doc = Document(text=TEXT)
    project.documents.add([doc])
    made = []
    for label_id, phrase in (("loaded_term", "dangerous"), ("loaded_term", "Big Tech"),
                             ("reporting_verb.loaded", "claimed")):
        start = TEXT.index(phrase)
        span = Span(document_id=doc.id, annotator="alice", label_id=label_id, start=start,
                    end=start + len(phrase), text=phrase)
        project.spans.add(span)
        made.append(span.id)
    return made


@pytest.fixture
def editor(qtbot, project, spans) -> CodebookEditor:
    dialog = CodebookEditor(project)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def span_labels(project: Project, span_ids: list[str]) -> list[str]:
    return [project.spans.get(span_id).label_id for span_id in span_ids]


def test_tree_shows_labels_with_swatches_keys_and_sections(editor, project):
    top = [editor.tree.topLevelItem(i).text(0) for i in range(editor.tree.topLevelItemCount())]
    assert top == ["Span labels", "Document questions", "Span attributes"]
    item = editor._items["reporting_verb.loaded"]
    assert item.parent() is editor._items["reporting_verb"]
    assert (item.text(1), item.text(2)) == ("k", "reporting_verb.loaded")
    assert not item.icon(0).isNull()
    assert set(editor._items) == {label.id for label in project.codebook.labels()}
    assert not editor.rename_button.isEnabled()  # nothing selected yet


def test_rename_through_the_fields(qtbot, editor, project, spans):
    editor.select_label("loaded_term")
    assert editor.name_edit.text() == "Loaded term"
    assert "2 span(s)" in editor.usage_label.text()
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "Charged word")
    editor.name_fr_edit.setText("Mot chargé")
    with qtbot.waitSignal(editor.codebook_changed) as signal:
        click(qtbot, editor.rename_button)
    assert signal.args[0].labels == ["loaded_term"]
    label = project.codebook.label("loaded_term")
    assert (label.name, label.name_fr) == ("Charged word", "Mot chargé")
    assert editor._items["loaded_term"].text(0) == "Charged word"
    assert span_labels(project, spans) == ["loaded_term", "loaded_term", "reporting_verb.loaded"]


def test_a_taken_shortcut_is_refused_in_a_message(qtbot, editor, project, warnings):
    editor.select_label("hedge")
    editor.shortcut_edit.setText("q")
    click(qtbot, editor.shortcut_button)
    assert len(warnings) == 1 and "'Direct quote' (direct_quote)" in warnings[0]
    assert project.codebook.label("hedge").shortcut == "h"
    editor.shortcut_edit.setText("j")
    click(qtbot, editor.shortcut_button)
    assert project.codebook.label("hedge").shortcut == "j" and editor._items["hedge"].text(1) == "j"


def test_the_colour_dialog_opens_on_the_labels_colour(qtbot, editor, project, monkeypatch):
    offered: list[str] = []

    def fake_get_color(initial, parent, title, *args):
        offered.append(QColor(initial).name().upper())
        return QColor("#cc6677")

    monkeypatch.setattr(QColorDialog, "getColor", fake_get_color)
    editor.select_label("hedge")
    click(qtbot, editor.colour_button)
    assert offered == ["#44AA99"]  # hedge's own colour
    assert project.codebook.label("hedge").color == "#CC6677"
    assert editor.colour_button.text() == "#CC6677"


def test_cancelled_colour_dialog_changes_nothing(qtbot, editor, project, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a: QColor())
    version = project.codebook.version()
    editor.select_label("hedge")
    click(qtbot, editor.colour_button)
    assert project.codebook.version() == version


def test_move_with_parent_combo_and_up_down(qtbot, editor, project):
    editor.select_label("hedge")
    editor.parent_combo.setCurrentIndex(editor.parent_combo.findData("reporting_verb"))
    click(qtbot, editor.move_button)
    assert project.codebook.label("hedge").parent == "reporting_verb"
    assert editor.current_label_id() == "hedge"
    assert editor._items["hedge"].parent() is editor._items["reporting_verb"]
    siblings = lambda: [l.id for l in project.codebook.labels() if l.parent == "reporting_verb"]  # noqa: E731
    assert siblings() == ["reporting_verb.neutral", "reporting_verb.loaded", "hedge"]
    click(qtbot, editor.up_button)
    assert siblings() == ["reporting_verb.neutral", "hedge", "reporting_verb.loaded"]
    click(qtbot, editor.down_button)
    click(qtbot, editor.down_button)  # already last: nothing happens
    assert siblings() == ["reporting_verb.neutral", "reporting_verb.loaded", "hedge"]
    # A label cannot be offered its own sub-labels as parent.
    editor.select_label("reporting_verb")
    offered = [editor.parent_combo.itemData(i) for i in range(editor.parent_combo.count())]
    assert "hedge" not in offered and "reporting_verb" not in offered and None in offered
    assert "tone" not in offered  # questions are another kind


def test_descriptions_in_both_languages(qtbot, editor, project):
    editor.select_label("hedge")
    editor.description_edit.setPlainText("Softens a claim.")
    editor.description_fr_edit.setPlainText("Atténue une affirmation.")
    click(qtbot, editor.description_button)
    label = project.codebook.label("hedge")
    assert (label.description, label.description_fr) == ("Softens a claim.", "Atténue une affirmation.")


def test_merge_into_moves_every_span(qtbot, editor, project, spans, monkeypatch):
    asked: list[list[str]] = []

    def fake_get_item(parent, title, text, items, *args):
        asked.append(list(items))
        return "Label / naming (naming)", True

    monkeypatch.setattr(QInputDialog, "getItem", fake_get_item)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.select_label("loaded_term")
    click(qtbot, editor.merge_button)
    assert "Loaded term (loaded_term)" not in asked[0] and "Main source type (source_type)" not in asked[0]
    assert span_labels(project, spans) == ["naming", "naming", "reporting_verb.loaded"]
    assert project.codebook.label("loaded_term").retired
    assert editor.current_label_id() == "naming"
    assert "(retired)" in editor._items["loaded_term"].text(0)


def test_merge_declined_changes_nothing(qtbot, editor, project, spans, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Label / naming (naming)", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    editor.select_label("loaded_term")
    click(qtbot, editor.merge_button)
    assert span_labels(project, spans)[0] == "loaded_term"


def test_retire_and_bring_back(qtbot, editor, project, spans):
    editor.select_label("reporting_verb.loaded")
    assert editor.retire_button.text() == "Retire"
    click(qtbot, editor.retire_button)
    assert project.codebook.label("reporting_verb.loaded").retired
    assert editor.retire_button.text() == "Bring back"
    assert editor._items["reporting_verb.loaded"].font(0).italic()
    assert span_labels(project, spans)[2] == "reporting_verb.loaded"
    click(qtbot, editor.retire_button)
    assert not project.codebook.label("reporting_verb.loaded").retired


def test_add_label_and_sub_label(qtbot, editor, project, monkeypatch):
    names = iter([("Irony", True), ("Sarcasm", True), ("", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(names))
    click(qtbot, editor.add_button)
    assert project.codebook.label("irony").parent is None
    assert editor.current_label_id() == "irony"
    click(qtbot, editor.add_child_button)
    assert project.codebook.label("irony.sarcasm").parent == "irony"
    count = len(project.codebook.labels())
    click(qtbot, editor.add_button)  # cancelled
    assert len(project.codebook.labels()) == count


def test_delete_refuses_a_used_label_and_removes_an_unused_one(qtbot, editor, project, warnings, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.select_label("loaded_term")
    click(qtbot, editor.delete_button)
    assert warnings and "used by 2 spans" in warnings[0]
    editor.select_label("hedge")
    click(qtbot, editor.delete_button)
    assert "hedge" not in {label.id for label in project.codebook.labels()}
    assert "hedge" not in editor._items


def test_edits_persist_in_the_file(qtbot, editor, project):
    editor.select_label("hedge")
    editor.name_edit.setText("Softener")
    click(qtbot, editor.rename_button)
    with Project.open(project.path) as again:
        assert again.codebook.label("hedge").name == "Softener"
        assert again.codebook.history()[-1]["change"] == "label hedge renamed to 'Softener'"
