"""Reading spans in the real main window: label names beside the text (four nested spans on one word),
show/hide per label, the lead's overlay legend, resizing by mouse, code retrieval, memo and answer notes."""

from __future__ import annotations

import csv

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QStyle, QStyleOptionViewItem

from annotator.core.model import Document, Span
from tests.gui.conftest import EMOJI_TEXT, PLAIN_TEXT

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PHRASE = "Big Tech is watching Big Tech"


def label_by_keys(qtbot, window, start: int, end: int, key) -> Span:
    reader = window.workspace.reader
    reader.select_range(start, end)
    qtbot.keyClick(reader, key)
    return window.workspace.selected_span


def nested_on_tech(qtbot, window) -> list[Span]:
    """Four spans covering the word "Tech", each labelled by its key."""
    at = EMOJI_TEXT.index(PHRASE)
    return [label_by_keys(qtbot, window, at, at + len(PHRASE), Qt.Key.Key_M),       # Label / naming
            label_by_keys(qtbot, window, at, at + len("Big Tech is watching"), Qt.Key.Key_S),  # Scare quote
            label_by_keys(qtbot, window, at, at + len("Big Tech"), Qt.Key.Key_L),   # Loaded term
            label_by_keys(qtbot, window, at + 4, at + 8, Qt.Key.Key_H)]             # Hedge


def pixel(image, point) -> str:
    return QColor(image.pixel(int(point.x()), int(point.y()))).name().upper()


def test_four_nested_spans_on_one_word_show_four_label_names_beside_it(window, qtbot):
    reader = window.workspace.reader
    spans = nested_on_tech(qtbot, window)
    assert len({s.id for s in spans}) == 4
    names = {n.mark_id: n for n in reader.margin_names()}
    assert {names[s.id].text for s in spans} == {"Label / naming", "Scare quote", "Loaded term", "Hedge"}
    rects = [names[s.id].rect for s in spans]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])  # one under the other
    assert all(reader.viewport().rect().contains(r.toAlignedRect()) for r in rects)
    word = reader.segments(EMOJI_TEXT.index("Tech"), EMOJI_TEXT.index("Tech") + 4)[0]
    assert all(r.right() < word.left() for r in rects)  # beside the text, in the margin
    image = reader.viewport().grab().toImage()
    for span in spans:  # each name has its label's colour swatch drawn
        assert pixel(image, names[span.id].swatch.center()) == window.workspace.labels[span.label_id].color.upper()
    window.actions["label_names"].trigger()  # View > Show label names: off
    assert reader.margin_names() == []


def check_box_point(panel, label_id: str) -> QPoint:
    item = panel._items[label_id]
    option = QStyleOptionViewItem()
    panel.initViewItemOption(option)
    option.rect = panel.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return panel.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, panel).center()


def test_unticking_a_label_in_the_codebook_panel_hides_its_spans(window, project, qtbot):
    reader, panel = window.workspace.reader, window.workspace.codebook_panel
    spans = nested_on_tech(qtbot, window)
    loaded = next(s for s in spans if s.label_id == "loaded_term")
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=check_box_point(panel, "loaded_term"))
    assert len(window.workspace.spans) == 4  # the click hid the label; it labelled nothing
    shown = {mark.id for mark, _lane, _rects in reader.visible_marks()}
    assert loaded.id not in shown and {s.id for s in spans} - {loaded.id} <= shown
    assert loaded.id not in {n.mark_id for n in reader.margin_names()}
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=check_box_point(panel, "loaded_term"))
    assert loaded.id in {n.mark_id for n in reader.margin_names()}
    # A click on the label's name (not its box) still labels the selection.
    at = EMOJI_TEXT.index("hooray")
    reader.select_range(at, at + 6)
    item_rect = panel.visualItemRect(panel._items["hedge"])
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    assert window.workspace.spans[-1].text == "hooray" or any(s.text == "hooray" for s in window.workspace.spans)


def test_the_leads_overlay_has_a_legend_naming_annotators_and_labels(window, project, documents, qtbot):
    at = EMOJI_TEXT.index("hooray")
    project.spans.add(Span(document_id=documents[0], annotator="bob", label_id="scare_quote", start=at,
                           end=at + 6, text="hooray"))
    project.team.set_role("alice", "lead")
    from annotator.gui.team import update_team_actions

    update_team_actions(window)
    window.actions["show_others"].trigger()
    legend = window.workspace.overlay_legend
    assert legend.isVisible() and "bob" in legend.text()
    names = [n.name for n in window.workspace.reader.margin_names()]
    assert "bob: Scare quote" in names
    window.actions["show_others"].trigger()
    assert not legend.isVisible()


def test_dragging_an_edge_of_the_selected_span_resizes_it_to_whole_words_and_undo_restores(window, project, qtbot):
    reader = window.workspace.reader
    at = EMOJI_TEXT.index(PHRASE)
    span = label_by_keys(qtbot, window, at, at + len("Big Tech"), Qt.Key.Key_L)
    viewport = reader.viewport()
    # Click inside the span: it is selected (its handles appear).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=reader.segments(at + 1, at + 2)[0].center().toPoint())
    assert reader.selected_mark_id == span.id
    end = reader.segments(span.start, span.end)[-1]
    grab = QPoint(int(end.right()), int(end.center().y()))
    middle_of_watching = EMOJI_TEXT.index("watching") + 3
    drop = reader.segments(middle_of_watching, middle_of_watching + 1)[0].center().toPoint()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(viewport, pos=drop)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=drop)
    resized = project.spans.get(span.id)
    assert resized.text == "Big Tech is watching"  # snapped to the end of the word
    assert not reader.textCursor().hasSelection()  # the drag selected no text
    qtbot.keyClick(reader, Qt.Key.Key_Z, CTRL)
    assert project.spans.get(span.id).text == "Big Tech"
    assert "Resize span" in window.statusBar().currentMessage()


def point_before(reader, offset: int) -> QPoint:
    """Where a person presses to start selecting at `offset`: one pixel right of the caret position there."""
    rect = reader.cursorRect(reader._cursor_for(offset, offset))
    return QPoint(rect.x() + 1, rect.center().y())


def test_dragging_over_the_word_after_a_new_span_selects_it_and_leaves_the_span_alone(window, project, qtbot):
    """The new-user trial: label « said », then drag from 🎉 to "hooray": a new selection, not the span's end."""
    reader, workspace = window.workspace.reader, window.workspace
    said = EMOJI_TEXT.index("said 🎉")
    span = label_by_keys(qtbot, window, said, said + len("said"), Qt.Key.Key_S)
    assert reader.selected_mark_id == span.id  # its handles are showing
    start = EMOJI_TEXT.index("🎉")
    end = EMOJI_TEXT.index("hooray") + len("hooray")
    viewport = reader.viewport()
    # Pressed in the space between the span and 🎉, nearer 🎉: a few pixels right of the span's end handle.
    span_end, emoji = reader.segments(span.start, span.end)[-1].right(), point_before(reader, start).x() - 1
    press = QPoint(int((span_end + emoji) / 2 + 1), point_before(reader, start).y())
    assert 2 < press.x() - span_end < 6  # inside the old grab zone (6 px either side of the edge)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, pos=point_before(reader, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point_before(reader, end))
    assert reader.selection() == (start, end)
    assert project.spans.get(span.id).text == "said"
    qtbot.keyClick(reader, Qt.Key.Key_X)  # Intensifier
    assert [(s.label_id, s.text) for s in workspace.spans] == [("scare_quote", "said"), ("intensifier", "🎉 hooray")]


def test_code_retrieval_lists_segments_across_articles_sorts_jumps_and_exports(
        window, project, documents, qtbot, tmp_path, monkeypatch):
    first, second = documents
    reader = window.workspace.reader
    at = EMOJI_TEXT.index("liberté")
    label_by_keys(qtbot, window, at, at + len("liberté\u00a0d’expression"), Qt.Key.Key_S)
    claimed = PLAIN_TEXT.index("dangerous")
    project.spans.add(Span(document_id=second, annotator="bob", label_id="scare_quote", start=claimed,
                           end=claimed + 9, text="dangerous"))
    project.spans.add(Span(document_id=second, annotator="alice", label_id="loaded_term",
                           start=PLAIN_TEXT.index("Big Tech"), end=PLAIN_TEXT.index("Big Tech") + 8, text="Big Tech"))
    qtbot.keyClick(reader, Qt.Key.Key_R, CTRL | SHIFT)
    view = window.retrieval_window
    assert view.isVisible()
    view.choose("scare_quote")
    segments = view.model.segments
    assert [(s.text, s.annotator) for s in segments] == [("liberté\u00a0d’expression", "alice"), ("dangerous", "bob")]
    assert segments[1].before.endswith("Amazon claimed that Parler was") and segments[1].after.startswith(".")
    view.choose("scare_quote", "bob")
    assert [s.annotator for s in view.model.segments] == ["bob"]
    view.choose("scare_quote")
    header = view.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(4) + 5, header.height() // 2))  # the Segment column
    assert [s.text for s in view.model.segments] == ["dangerous", "liberté\u00a0d’expression"]
    row = view.view.visualRect(view.model.index(0, 4)).center()
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.keyClick(view.view, Qt.Key.Key_Return)  # Enter (or a double click) opens the article there
    assert window.workspace.document.id == second and reader.cursor_offset() == claimed
    out = tmp_path / "segments.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: None)
    view.export_button.click()
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["text"], r["annotator"], r["label_name"]) for r in rows] == [
        ("dangerous", "bob", "Scare quote"), ("liberté\u00a0d’expression", "alice", "Scare quote")]
    view.close()


def test_memo_is_saved_when_leaving_it_shown_again_and_undoable(window, project, documents, qtbot):
    window.side_tabs.setCurrentWidget(window.workspace.memo_panel)
    memo = window.workspace.memo_panel.edit
    memo.setFocus()
    qtbot.keyClicks(memo, "Frame: economic. Ask the lead about the headline.")
    window.workspace.reader.setFocus()  # leaving the memo saves it
    assert project.memos.get(documents[0], "alice") == "Frame: economic. Ask the lead about the headline."
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_PageDown, CTRL)
    assert memo.toPlainText() == ""
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_PageUp, CTRL)
    assert memo.toPlainText().startswith("Frame: economic.")
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_Z, CTRL)
    assert project.memos.get(documents[0], "alice") == "" and memo.toPlainText() == ""


def test_a_note_on_an_answer(window, project, documents, qtbot, monkeypatch):
    panel = window.workspace.questions_panel
    question = next(l for l in project.codebook.labels() if l.kind == "document" and not l.multiple)
    button = panel.note_button(question.id)
    assert not button.isEnabled()  # nothing answered yet
    combo = panel.widget_for(question.id)
    combo.setCurrentIndex(1)
    assert button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *args, **kwargs: ("The minister is the only source quoted.", True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [answer] = project.answers.find(documents[0], "alice")
    assert answer.note == "The minister is the only source quoted." and answer.value == combo.currentData()
    assert button.toolTip() == answer.note
    window.actions["undo"].trigger()
    assert project.answers.find(documents[0], "alice")[0].note == ""


def test_a_long_article_is_laid_out_to_its_end_and_can_be_scrolled_through(window, project, qtbot):
    paragraph = "The minister said that the reform would fail because unions refuse any compromise. " * 12
    text = "A long article\n\n" + "\n\n".join(f"{i}. {paragraph}" for i in range(300)) + "\n\nThe very last words."
    doc = project.documents.add([Document(text=text, title="Long")]).added[0]
    window.document_list.model.reload()
    window.open_document(doc)
    reader = window.workspace.reader
    qtbot.waitUntil(lambda: reader.document().lastBlock().layout().lineCount() > 0, timeout=20000)
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    bottom = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, reader.viewport().height() - 40))
    assert reader._offsets.from_qt(bottom.position()) > len(text) - 200
