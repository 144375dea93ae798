"""Regenerate the screenshots of README.md and docs/ (the user guide) from a fresh demo project, offscreen.

The lead's windows (agreement, adjudication, progress) are shown on a small team project made from the
demo articles (annotator.gui.demo_project.build_team_demo_project), opened as its lead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
sys.path.insert(0, str(REPO))

# (file, extra arguments of main.py): the main window, then dialogs opened with --show.
SHOTS = [
    ("main-window.png", ["--language", "en"]),
    ("main-window-fr.png", ["--language", "fr"]),
    ("codebook-editor.png", ["--language", "en", "--show", "codebook-editor"]),
    ("codebook-question.png", ["--language", "en", "--show", "codebook-question"]),
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
# The same, on the team project as its lead.
TEAM_SHOTS = [
    ("agreement-fr.png", ["--language", "fr", "--show", "agreement"]),
    ("disagreements-fr.png", ["--language", "fr", "--show", "disagreements"]),
    ("progress-fr.png", ["--language", "fr", "--show", "progress"]),
]


def main() -> int:
    from annotator.gui.demo_project import TEAM_LEAD, build_team_demo_project

    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, extra, team in [(n, e, False) for n, e in SHOTS] + [(n, e, True) for n, e in TEAM_SHOTS]:
        with tempfile.TemporaryDirectory() as data:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_DATA=data,
                       XDG_CONFIG_HOME=str(Path(data) / "config"))
            project = []
            if team:
                path = Path(data) / "team.framing"
                build_team_demo_project(path).close()
                project = [str(path)]
            subprocess.run([sys.executable, str(REPO / "main.py"), *project, "--annotator",
                            TEAM_LEAD if team else "student", "--screenshot", str(IMAGES / name), *extra],
                           check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
