"""Who is working: the annotator name remembered for each project on this machine.

The desktop app and the command line share it (a JSON file in the user's data folder), so that a
person named once is the same person everywhere. Nothing is guessed from the operating system:
a name is given by the person, then remembered.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from annotator.core.paths import user_data_dir

IDENTITIES_FILE = "identities.json"


def _path() -> Path:
    return user_data_dir() / IDENTITIES_FILE


def _read() -> dict[str, str]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remembered(project_id: str) -> str | None:
    """The name this person works under in the project with this id, if they gave one on this machine."""
    return _read().get(project_id) or None


def remember(project_id: str, name: str) -> None:
    """Remember `name` for this project on this machine (written whole, never half)."""
    names = _read()
    names[project_id] = name
    folder = _path().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".identities-", suffix=".json", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(names, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(temp, _path())
