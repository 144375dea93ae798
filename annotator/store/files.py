"""Checks on a path before SQLite touches it: refuse, without writing a byte, what is not a project file."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ProjectError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_existing_file(path: Path) -> None:
    """Refuse, without writing a byte, a path that is not an SQLite database."""
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path}: is not a Framing Annotator project (not an SQLite file)")
