"""Messages with a count (%n) read in French: the undo step of accepting or rejecting suggestions says
"Accepter 1 suggestion", not the English source with its "(s)"."""

from __future__ import annotations

import pytest

from tests.gui.test_suggestions_gui import open_article


@pytest.fixture
def french_window(qtbot, project, documents, settings, qapp):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.translation import install_translator

    assert install_translator(qapp, "fr")
    win = MainWindow(project, "alice", settings, "fr")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.workspace.document is not None)
    yield win
    win.close()
    install_translator(qapp, "en")


def test_undoing_an_accepted_suggestion_says_so_in_french(french_window, project, qtbot):
    open_article(french_window, project, qtbot)
    ws = french_window.workspace
    ws.accept_suggestions(ws.suggestions[:1])
    assert french_window.undo_stack.undoText() == "Accepter 1 suggestion"
    french_window.actions["undo"].trigger()
    assert french_window.statusBar().currentMessage() == "Annulé\u00a0: Accepter 1 suggestion"


def test_rejecting_several_suggestions_is_named_with_the_french_plural(french_window, project, qtbot):
    open_article(french_window, project, qtbot)
    ws = french_window.workspace
    ws.reject_suggestions(ws.suggestions[:3])
    assert french_window.undo_stack.undoText() == "Rejeter 3 suggestions"
    ws.accept_suggestions(ws.suggestions[:2])
    assert french_window.undo_stack.undoText() == "Accepter 2 suggestions"


def test_no_mixin_translates_a_counted_text_with_self_tr():
    """A plain class mixed into a QObject (no base of its own) cannot use self.tr for a %n text."""
    import ast
    from pathlib import Path

    gui = Path(__file__).resolve().parents[2] / "annotator" / "gui"
    wrong = []
    for path in sorted(gui.glob("*.py")):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef) or cls.bases:
                continue
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and len(node.args) >= 3):
                    wrong.append(f"{path.name}:{node.lineno}")
    assert wrong == []
