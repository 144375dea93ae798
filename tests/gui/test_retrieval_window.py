"""The code-retrieval window opens where there is something to read: on the selected span's label, else on
the first label that has segments; the segment gets the room an empty note column took; headers are not
cut; "Go to the article" is off while the list is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Span
from annotator.gui.retrieval_window import SegmentTableModel
from tests.gui.conftest import PLAIN_TEXT


def add_span(project, document, label_id: str, word: str, note: str = "", annotator: str = "alice") -> Span:
    start = PLAIN_TEXT.index(word)
    span = Span(document_id=document, annotator=annotator, label_id=label_id, start=start, end=start + len(word),
                text=word, note=note)
    project.spans.add(span)
    return span


def open_retrieval(window, qtbot):
    qtbot.keyClick(window.workspace.reader, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return window.retrieval_window


def test_it_opens_on_the_first_label_that_has_segments(window, project, documents, qtbot):
    first_label = project.codebook.labels()[0]
    assert first_label.kind == "span" and first_label.id != "loaded_term"
    add_span(project, documents[1], "loaded_term", "Big Tech")
    view = open_retrieval(window, qtbot)
    assert view.label_combo.currentData() == "loaded_term"
    assert [s.text for s in view.model.segments] == ["Big Tech"]
    assert view.jump_button.isEnabled()


def test_it_opens_on_the_label_of_the_selected_span(window, project, documents, qtbot):
    add_span(project, documents[1], "loaded_term", "Big Tech")
    selected = add_span(project, documents[1], "attribution", "said the CEO")
    window.open_document(documents[1])
    window.workspace.select_span(selected.id)
    view = open_retrieval(window, qtbot)
    assert view.label_combo.currentData() == "attribution"
    view.close()
    window.workspace.select_span("")  # no span selected: the shown label stays, it has segments
    assert open_retrieval(window, qtbot).label_combo.currentData() == "attribution"


def test_go_to_the_article_is_off_while_the_list_is_empty(window, project, documents, qtbot):
    view = open_retrieval(window, qtbot)
    assert view.model.rowCount() == 0
    assert not view.jump_button.isEnabled() and not view.export_button.isEnabled()


def test_the_segment_takes_the_room_an_empty_note_column_had_and_headers_are_whole(window, project, documents,
                                                                                    qtbot):
    add_span(project, documents[1], "loaded_term", "Big Tech")
    view = open_retrieval(window, qtbot)
    qtbot.waitExposed(view)
    header = view.view.horizontalHeader()
    characters = view.fontMetrics().averageCharWidth()
    assert header.sectionSize(SegmentTableModel.NOTE) <= 12 * characters
    assert header.sectionSize(SegmentTableModel.TEXT) > 3 * header.sectionSize(SegmentTableModel.NOTE)
    for column in range(view.model.columnCount()):
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    view.close()
    add_span(project, documents[1], "loaded_term", "Amazon", note="The company, named as the accuser.")
    view = open_retrieval(window, qtbot)
    assert header.sectionSize(SegmentTableModel.NOTE) >= 24 * characters
