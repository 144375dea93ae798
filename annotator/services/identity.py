"""Who is working: the annotator name remembered for each project on this machine.

The desktop app and the command line share it (a JSON file in the user's data folder), so that a
person named once is the same person everywhere. Nothing is guessed from the operating system:
a name is given by the person, then remembered. Names no person works under are refused: the gold
standard's (written only by adjudication) and the system administrator's account ("root").
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import name_length_problem, reserved_name
from annotator.core.paths import user_data_dir

IDENTITIES_FILE = "identities.json"
ACCOUNT_NAMES = frozenset({"root", "administrator", "admin"})  # accounts, not people


def name_problem(name: str) -> str:
    """Why `name` cannot be an annotator's name ("" when it can)."""
    name = name.strip()
    if not name:
        return "an annotator needs a name"
    if reserved_name(name):
        return f"{name!r} is reserved for the gold standard, which only adjudication writes"
    if name.casefold() in ACCOUNT_NAMES:
        return f"{name!r} is a computer account, not a person: give your own name"
    return name_length_problem(name)


def checked_name(name: str) -> str:
    """`name` stripped, or AnnotatorError saying why no one can work under it."""
    problem = name_problem(name)
    if problem:
        raise AnnotatorError(problem)
    return name.strip()


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
    name = _read().get(project_id) or None
    return name if name is not None and not name_problem(name) else None


def remember(project_id: str, name: str) -> None:
    """Remember `name` for this project on this machine (written whole, never half); a name no one
    may work under is refused (AnnotatorError)."""
    name = checked_name(name)
    names = _read()
    names[project_id] = name
    folder = _path().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".identities-", suffix=".json", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(names, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(temp, _path())
