"""GUI fixtures: a main window on a real project file with isolated QSettings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.core.model import Document
from annotator.gui.settings import Settings

EMOJI_TEXT = (
    "Headline with emoji 😀 and accents\n\n"
    "The « liberté\u00a0d’expression » of 👩‍👩‍👧 families: cafe\u0301 owners said 🎉 hooray. "
    "Big Tech is watching Big Tech."
)
PLAIN_TEXT = (
    "Second article headline\n\nAmazon claimed that Parler was dangerous. Big Tech again, said the CEO."
)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def documents(project) -> list[str]:
    result = project.documents.add([
        Document(text=EMOJI_TEXT, title="Headline with emoji", outlet="Test Daily", published="2024-01-02"),
        Document(text=PLAIN_TEXT, title="Second article headline", outlet="Other Times", published="2024-01-03"),
    ])
    return result.added


@pytest.fixture
def window(qtbot, project, documents, settings):
    """A shown main window on `project`; at the end the window is closed first (it waits for its
    background work and closes the project), before the project fixture's own close."""
    from annotator.gui.main_window import MainWindow

    win = MainWindow(project, "alice", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.workspace.document is not None)
    yield win
    win.close()
    assert win.tasks.in_flight == 0 and project.closed
