"""The screenshot mode's dialogs (`main.py --screenshot FILE --show NAME`), used by scripts/make_screenshots.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.gui.screens import SCREENS, open_screen

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_each_screen_opens_over_the_window(window, name):
    dialog = open_screen(window, name)
    assert dialog.isVisible() and dialog.parent() is window
    assert dialog.windowTitle()
    dialog.close()


def test_screenshot_of_a_dialog_in_french(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = tmp_path / "prefs.png"
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--annotator", "student", "--screenshot",
                             str(out), "--show", "preferences", "--language", "fr"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert 200 <= image.width() < 1000 and 100 <= image.height() < 700  # the dialog, not the main window


def test_a_screenshot_leaves_the_persons_settings_as_they_were(tmp_path):
    """Taking a picture of the demo once moved the person's reading position and window layout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    config = tmp_path / "config"

    def settings_files() -> dict[str, bytes]:
        return {str(p.relative_to(config)): p.read_bytes() for p in config.rglob("*") if p.is_file()}

    first = subprocess.run([sys.executable, str(REPO / "main.py"), "--annotator", "student", "--screenshot",
                            str(tmp_path / "one.png")], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=120)
    assert first.returncode == 0, first.stderr
    assert settings_files() == {}  # nothing written to the real settings
    config.mkdir(exist_ok=True)
    (config / "marker.conf").write_text("kept")
    second = subprocess.run([sys.executable, str(REPO / "main.py"), "--annotator", "student", "--screenshot",
                             str(tmp_path / "two.png"), "--show", "preferences"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert settings_files() == {"marker.conf": b"kept"}
