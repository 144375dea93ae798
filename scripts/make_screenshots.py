"""Regenerate the screenshots of README.md and docs/ (the user guide) from a fresh demo project, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"

# (file, extra arguments of main.py): the main window, then dialogs opened with --show.
SHOTS = [
    ("main-window.png", ["--language", "en"]),
    ("main-window-fr.png", ["--language", "fr"]),
    ("codebook-editor.png", ["--language", "en", "--show", "codebook-editor"]),
    ("export.png", ["--language", "en", "--show", "export"]),
    ("preferences.png", ["--language", "en", "--show", "preferences"]),
    ("preferences-fr.png", ["--language", "fr", "--show", "preferences"]),
    ("shortcuts.png", ["--language", "en", "--show", "shortcuts"]),
    ("shortcuts-fr.png", ["--language", "fr", "--show", "shortcuts"]),
    # The reader on a small screen: nested labelled spans with their names in the margin, the find bar.
    ("reader-1280x720.png", ["--language", "en", "--size", "1280x720"]),
    ("reader-1280x720-find.png", ["--language", "en", "--size", "1280x720", "--find", "propre"]),
    ("reader-1280x720-200-percent.png", ["--language", "en", "--size", "1280x720", "--text-scale", "2"]),
    ("code-retrieval.png", ["--language", "en", "--show", "retrieval"]),
]


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, extra in SHOTS:
        with tempfile.TemporaryDirectory() as data:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=data,
                       XDG_CONFIG_HOME=str(Path(data) / "config"))
            subprocess.run([sys.executable, str(REPO / "main.py"), "--annotator", "student",
                            "--screenshot", str(IMAGES / name), *extra], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
