"""What the status bar says after an action (undone, redone, found, saved...) goes away by itself: every
message is shown with a timeout; the permanent fields (project, annotator, saved) stay."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import Span

GUI = Path(__file__).resolve().parents[2] / "annotator" / "gui"


def test_every_status_bar_message_is_shown_with_a_timeout():
    without = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "showMessage" and len(node.args) + len(node.keywords) < 2):
                without.append(f"{path.name}:{node.lineno}")
    assert without == []


def test_the_undo_message_leaves_the_status_bar_and_the_fields_stay(window, documents, qtbot):
    """The trial saw "Undone: Delete span" still there 3 s later, while finding and writing the memo: it
    is there for 5 s, then gone."""
    document, reader = window.workspace.document, window.workspace.reader
    at = document.text.index("Big Tech")
    window.workspace.add_spans([Span(document_id=document.id, annotator="alice", label_id="loaded_term", start=at,
                                     end=at + 8, text="Big Tech")], "Label as Loaded term")
    qtbot.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    bar = window.statusBar()
    assert bar.currentMessage() == "Undone: Label as Loaded term"
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=7000)
    assert window.annotator_label.isVisible() and window.saved_label.isVisible()
