"""A suggestion inside a span (or a larger suggestion): a click takes the innermost mark under the pointer,
Alt+Up/Down steps through the spans and suggestions there, and an accepted suggestion becomes the
selected span."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from annotator.core.model import Document
from annotator.gui.demo_project import samples_dir

ALT = Qt.KeyboardModifier.AltModifier
ATTRIBUTION = "le ministère de l’Industrie qualifie"


def open_sample(window, project, qtbot) -> str:
    text = (samples_dir() / "allier-lithium-fr.txt").read_text(encoding="utf-8")
    doc = project.documents.add([Document(text=text, title="Allier", language="fr")]).added[0]
    window.document_list.model.reload()
    window.open_document(doc)
    qtbot.waitUntil(lambda: any(s.text == ATTRIBUTION for s in window.workspace.suggestions), timeout=20000)
    return text


def click(qtbot, reader, offset: int) -> None:
    """A mouse click on the character at `offset`."""
    rect = reader.segments(offset, offset + 1)[0]
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.center().x()), int(rect.center().y())))


def pending(window, text: str):
    return next((s for s in window.workspace.suggestions if s.text == text), None)


def test_a_dotted_suggestion_inside_an_accepted_span_is_what_a_click_selects(window, project, qtbot):
    open_sample(window, project, qtbot)
    ws, reader = window.workspace, window.workspace.reader
    attribution = pending(window, ATTRIBUTION)
    click(qtbot, reader, attribution.start + 4)  # on "ministère"
    assert ws.selected_suggestion == attribution
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    accepted = ws.selected_span  # the new span is selected, ready for a note or another key
    assert accepted is not None and accepted.text == ATTRIBUTION and accepted.origin == "suggestion"
    verb = next(s for s in ws.suggestions if s.text == "qualifie" and attribution.start <= s.start < attribution.end)
    click(qtbot, reader, verb.start + 3)  # on the dotted "qualifie", inside the span
    assert ws.selected_suggestion == verb and ws.selected_span is None
    qtbot.keyClick(reader, Qt.Key.Key_Delete)  # rejects the suggestion; the span stays
    assert verb not in ws.suggestions
    assert {(d.start, d.decision) for d in project.suggestions.decisions(accepted.document_id, "alice")} \
        == {(attribution.start, "accepted"), (verb.start, "rejected")}
    assert accepted.id in {s.id for s in ws.spans}
    assert [s.id for s in project.spans.of_document(accepted.document_id, "alice")] == [accepted.id]


def test_alt_down_steps_through_the_spans_and_suggestions_under_the_cursor(window, project, qtbot):
    text = open_sample(window, project, qtbot)
    ws, reader = window.workspace, window.workspace.reader
    attribution = pending(window, ATTRIBUTION)
    ws.select_span(ws.suggestion_mark_id(attribution))
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    span = ws.selected_span
    verb = next(s for s in ws.suggestions if s.text == "qualifie" and span.start <= s.start < span.end)
    click(qtbot, reader, verb.start + 3)
    assert ws.selected_suggestion == verb
    qtbot.keyClick(reader, Qt.Key.Key_Down, ALT)
    assert ws.selected_span == span and ws.selected_suggestion is None
    qtbot.keyClick(reader, Qt.Key.Key_Down, ALT)
    assert ws.selected_suggestion == verb
    qtbot.keyClick(reader, Qt.Key.Key_Up, ALT)
    assert ws.selected_span == span
    # A click where only the span lies still selects the span.
    click(qtbot, reader, text.index("ministère", span.start) + 2)
    assert ws.selected_span == span
