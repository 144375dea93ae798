"""Starting the app: the demo project, the screenshot mode, the annotator question."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from annotator.gui.demo_project import DEMO_FILE_NAME, build_demo_project, samples_dir
from annotator.store import Project

REPO = Path(__file__).resolve().parents[2]


def test_demo_project_holds_samples_and_every_example_span(tmp_path):
    with build_demo_project(tmp_path / "demo.framing", "student") as project:
        samples = sorted(samples_dir().glob("*.txt"))
        assert len(project.documents.ids()) == len(samples) >= 3
        listed = json.loads((samples_dir() / "demo-annotations.json").read_text(encoding="utf-8"))
        assert project.spans.count("student") == len(listed)
        languages = {project.documents.get(d).language for d in project.documents.ids()}
        assert languages == {"fr", "en"}


def test_screenshot_of_the_demo_in_a_subprocess(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--screenshot", str(out)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 600
    # The demo lives in the user's data folder, never in the source tree.
    assert (tmp_path / "data" / DEMO_FILE_NAME).exists()
    assert not list(REPO.glob("**/" + DEMO_FILE_NAME))
    with Project.open(tmp_path / "data" / DEMO_FILE_NAME) as project:
        assert project.spans.count() > 0


def test_window_smoke_on_a_project_file(qtbot, tmp_path, settings):
    from annotator.gui.app import open_window

    path = tmp_path / "p.framing"
    build_demo_project(path, "lea").close()
    window = open_window(path, settings, annotator="lea")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert window.annotator == "lea"
    assert window.workspace.spans  # the first sample carries example spans
    assert settings.recent_projects()[0].endswith("p.framing")
    from annotator.services import identity

    assert identity.remembered(window.project.project_id) == "lea"
    # The rotating backup is made off the GUI thread once the window is shown.
    from annotator.store.backup import list_backups

    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10000)
    window.close()


def test_foreign_file_gives_a_message_not_a_crash(qtbot, tmp_path, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.app import open_window

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    bogus = tmp_path / "bogus.framing"
    bogus.write_text("not a project", encoding="utf-8")
    assert open_window(bogus, settings, annotator="x") is None
    assert shown and "not a Framing Annotator project" in shown[0]


def test_start_reopens_the_last_project_else_the_demo(tmp_path, settings):
    from annotator.gui.app import project_to_open

    assert project_to_open(None, settings) is None  # first run: the demo
    path = tmp_path / "study.framing"
    Project.create(path).close()
    settings.add_recent_project(str(path))
    assert project_to_open(None, settings) == path
    assert project_to_open(None, settings, demo=True) is None
    other = tmp_path / "other.framing"
    assert project_to_open(other, settings) == other
    path.unlink()
    assert project_to_open(None, settings) is None  # a vanished file falls back to the demo


def test_log_file_in_the_user_data_folder(tmp_path, monkeypatch):
    import logging

    from annotator.gui.app import configure_logging

    root = logging.getLogger()
    before = list(root.handlers)
    monkeypatch.setattr(root, "handlers", [])
    log_file = configure_logging()
    logging.getLogger("annotator.test").error("something unexpected")
    for handler in root.handlers:
        handler.flush()
        if handler not in before:
            handler.close()
    assert "something unexpected" in log_file.read_text(encoding="utf-8")
