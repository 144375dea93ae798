"""Reopening a project at 1280x720: the article comes back where the annotator left it (cursor and scroll)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from tests.gui.test_document_list_columns import open_at_1280_by_720

PARAGRAPH = ("Le gouvernement a présenté sa « réforme » 😀 des retraites, que les syndicats jugent "
             "injuste, selon un communiqué publié mardi soir. ")




def top_line_holds(reader, offset: int) -> bool:
    """True when the character at `offset` is on the first line in view, as high as when it was left."""
    first, top = reader.view_top()
    return first <= offset and reader.cursorRect(reader._cursor_for(offset, offset)).top() == top


def test_reopening_shows_the_article_scrolled_as_it_was_left(qtbot, tmp_path, settings):
    path = tmp_path / "study.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([Document(text="Réforme\n\n" + "\n\n".join([PARAGRAPH * 3] * 40), title="Réforme")])
    window = open_at_1280_by_720(qtbot, path, settings)
    reader = window.workspace.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # scrolled down, then a click in the middle of the view
    middle = QPoint(reader.viewport().width() // 2, reader.viewport().height() // 2)
    reader.place_cursor(reader.offset_at(middle))
    left = (reader.cursor_offset(), reader.view_top()[0])
    assert bar.value() > 0 and left[1] > 0
    window.close()

    again = open_at_1280_by_720(qtbot, path, settings)
    reader = again.workspace.reader
    # The same text at the top of the view (the line may start a word earlier: the panels' restored widths
    # can differ by a few pixels, and the lines wrap accordingly).
    assert reader.cursor_offset() == left[0]
    assert top_line_holds(reader, left[1])
    assert reader.viewport().rect().contains(reader.cursorRect())
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)  # the annotator's own scrolling is not undone
    moved = reader.verticalScrollBar().value()
    again.resize(1280, 700)
    qtbot.wait(50)
    assert reader.verticalScrollBar().value() == moved
    again.close()
