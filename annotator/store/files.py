"""Checks on a path before SQLite touches it: refuse, without writing a byte, what is not a project file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.core.errors import ProjectError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_regular_file(path: Path, what: str = "project file") -> None:
    """Refuse a missing path, a folder, and anything that is not a plain file (a pipe, a device...)
    without opening it: opening a pipe would wait forever for a writer."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such {what}") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise ProjectError(f"{path}: is a folder, not a {what}")
    if not stat.S_ISREG(mode):
        raise ProjectError(f"{path}: is not a file but a pipe, a device or a socket; a {what} is a .framing file")


def check_existing_file(path: Path, what: str = "project file") -> None:
    """Refuse, without writing a byte, a path that is not an SQLite database."""
    check_regular_file(path, what)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path}: is not a Framing Annotator project (not an SQLite file)")


def writable(path: Path) -> bool:
    """True when this user may change the file and create files beside it (SQLite's -wal and -shm)."""
    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)
