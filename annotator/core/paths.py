"""Where the app's shipped resources and the user's data folder are."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder shipped beside the package (codebooks, samples, lexicons, translations)."""
    return Path(__file__).resolve().parent.parent.parent / "resources"


def user_data_dir() -> Path:
    """The per-user folder for the demo project and other app data (never the source tree)."""
    override = os.environ.get("FRAMING_ANNOTATOR_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "framing-annotator"

