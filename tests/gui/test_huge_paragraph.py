"""An enormous paragraph (a text file of megabytes with no line break) is shown in display blocks of a few
thousand characters, cut where the stored text has a space, so Qt lays out and shapes small blocks as they
come into view; everything that reads the text (selection, copy, find, labels) reads the stored text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Document
from annotator.gui.reader_blocks import DISPLAY_BLOCK, display_text

CTRL = Qt.KeyboardModifier.ControlModifier
UNIT = "mot « guillemet » 😀 "  # as in the trial's 30 MB file: an emoji (two UTF-16 units) in every unit


@pytest.fixture
def huge(window, project, qtbot):
    """A 300 KB article that is one paragraph, opened in the window."""
    text = UNIT * 15_000
    doc = project.documents.add([Document(text=text, title="Un seul paragraphe")]).added[0]
    window.document_list.model.reload()
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.tasks.in_flight == 0, timeout=20000)
    window.workspace.reader.setFocus()
    return text


def display_breaks(reader) -> list[int]:
    """Code-point offsets where the displayed document starts a new block."""
    breaks, block = [], reader.document().firstBlock().next()
    while block.isValid():
        breaks.append(reader._offsets.from_qt(block.position()) - 1)
        block = block.next()
    return breaks


def test_an_enormous_paragraph_is_shown_in_small_blocks_cut_at_spaces(window, huge):
    reader, text = window.workspace.reader, huge
    document = reader.document()
    assert document.blockCount() > len(text) // (3 * DISPLAY_BLOCK)
    longest = max(document.findBlockByNumber(i).length() for i in range(document.blockCount()))
    assert longest <= 3 * DISPLAY_BLOCK
    # One Qt position per stored UTF-16 unit: a block boundary takes the place of the space it replaces.
    assert document.characterCount() == len(text.encode("utf-16-le")) // 2 + 1
    breaks = display_breaks(reader)
    assert breaks and all(text[at] == " " for at in breaks)


def test_a_selection_across_a_display_break_is_the_stored_text_when_copied_labelled_and_found(window, huge,
                                                                                             qtbot):
    reader, text, workspace = window.workspace.reader, huge, window.workspace
    at = display_breaks(reader)[2]
    start, end = text.rindex("mot", 0, at), text.index("guillemet", at) + len("guillemet")
    reader.select_range(start, end)
    qtbot.keyClick(reader, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == text[start:end]
    QApplication.clipboard().clear()  # the clipboard's data freed by Qt at exit crashed the interpreter
    qtbot.keyClick(reader, Qt.Key.Key_F, CTRL)
    assert window.find_bar.query_edit.text() == text[start:end]
    qtbot.keyClick(window.find_bar.query_edit, Qt.Key.Key_Escape)
    reader.select_range(start, end)
    qtbot.keyClick(reader, Qt.Key.Key_S)  # Scare quote
    span = workspace.selected_span
    assert (span.start, span.end, span.text) == (start, end, text[start:end])
    assert reader.segments(span.start, span.end)  # drawn on both sides of the break


@given(st.text(alphabet=st.sampled_from("ab 😀\n\u00a0"), max_size=400), st.integers(min_value=2, max_value=40))
def test_display_text_only_turns_spaces_of_long_paragraphs_into_line_breaks(text, piece):
    shown = display_text(text, piece)
    assert len(shown) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, shown)) if a != b]
    assert all(text[i] == " " and shown[i] == "\n" for i in changed)
    for block in shown.split("\n"):  # a block is long only where there was no space to cut at
        assert len(block) <= 2 * piece or " " not in block[piece:len(block) - piece]
