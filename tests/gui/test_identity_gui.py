"""Who is annotating: asked on first use (never the computer's login name, never "root" or "gold"),
remembered per project in services.identity, where a name the app kept in its settings moves once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotator.gui import app
from annotator.gui.settings import Settings
from annotator.services import identity
from annotator.store import Project
from tests.store.test_opening_checks import sound_project


@pytest.fixture
def said(monkeypatch):
    messages: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: messages.append(args[2]))
    return messages


def test_the_first_opening_asks_for_a_name_never_the_login_and_remembers_it(qtbot, tmp_path, settings, said,
                                                                           monkeypatch):
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("LOGNAME", "root")
    path = sound_project(tmp_path / "p.framing", documents=1)
    answers = iter([("root", True), ("gold", True), ("Ana Lima", True)])
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.append((list(items), current))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    window = app.open_window(path, settings)
    qtbot.addWidget(window)
    assert window.annotator == "Ana Lima"
    assert offered[0] == (["ana"], -1)  # the project's coders offered, none chosen, no login name
    assert any("computer account" in m for m in said) and any("gold standard" in m for m in said)
    with Project.open(path, backup=False) as project:
        assert identity.remembered(project.project_id) == "Ana Lima"
    window.close()
    again = app.open_window(path, settings)  # remembered: not asked again
    qtbot.addWidget(again)
    assert again.annotator == "Ana Lima" and len(offered) == 3
    again.close()


def test_a_name_the_app_kept_in_its_settings_is_read_once(qtbot, tmp_path, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=1)
    with Project.open(path, backup=False) as project:
        project_id = project.project_id
    q = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    q.setValue(f"annotator/{project_id}", "Noor")
    settings = Settings(q)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: pytest.fail("asked although remembered"))
    window = app.open_window(path, settings)
    qtbot.addWidget(window)
    assert window.annotator == "Noor" and identity.remembered(project_id) == "Noor"
    assert settings.annotator_for(project_id) == ""  # moved, not kept twice
    window.close()


def test_the_first_start_on_the_demo_asks_for_the_name_once(qtbot, settings, monkeypatch):
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(title)
        return ("Léa Martin", True)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    window = app.open_window(None, settings, ask=True)  # no project yet: the demo is built for this person
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert asked == ["Who is annotating?"]
    assert window.annotator == "Léa Martin" and window.workspace.spans  # the demo's example spans are hers
    assert identity.remembered(window.project.project_id) == "Léa Martin"
    window.close()
    again = app.open_window(None, settings, ask=True)
    qtbot.addWidget(again)
    assert again.annotator == "Léa Martin" and len(asked) == 1
    again.close()


def test_a_refused_name_is_explained_in_the_interfaces_language(qtbot, qapp, said, monkeypatch):
    from annotator.gui.translation import install_translator

    answers = iter([("", True), ("gold", True), ("root", True), ("N" * 61, True), ("Ana Lima", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: next(answers))
    assert install_translator(qapp, "fr")
    try:
        assert app.ask_annotator([], None) == "Ana Lima"
    finally:
        install_translator(qapp, "en")
    assert said[0] == "un annotateur doit avoir un nom"
    assert said[1].startswith("'gold' est réservé à la référence")
    assert said[2].startswith("'root' est un compte de l’ordinateur")
    assert said[3].startswith("le nom 'NNNN") and "au plus 60\u00a0caractères (celui-ci en a 61)" in said[3]
