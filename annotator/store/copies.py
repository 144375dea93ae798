"""One complete project file: checkpointing the write-ahead log into it, and saving a self-contained
copy (SQLite's backup API into a scratch file, checked, then moved into place)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.leftovers import remove_leftovers, scratch_name
from annotator.store.opening import connect


def checkpoint(conn: sqlite3.Connection, truncate: bool = False) -> bool:
    """Copy the committed work in the write-ahead log into the database file; True when all of it was.

    Never waits for, nor fails because of, another window reading the file (it then copies what it can).
    """
    if conn.in_transaction:
        return False
    mode = "TRUNCATE" if truncate else "PASSIVE"
    try:
        busy, log_frames, copied = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
    except sqlite3.Error:
        return False
    return not busy and copied == log_frames


def publish(scratch: Path, out_path: Path) -> None:
    """Move a finished scratch file to `out_path`, refusing (not replacing) a file that appeared there."""
    try:
        os.link(scratch, out_path)
    except FileExistsError:
        raise ProjectError(f"{out_path}: a file with this name exists already") from None
    except OSError:
        if out_path.exists():
            raise ProjectError(f"{out_path}: a file with this name exists already") from None
        os.replace(scratch, out_path)  # a file system without hard links
        return
    scratch.unlink(missing_ok=True)


def verified_copy(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `conn` into the new file `target` as one self-contained file
    (journal mode DELETE) and check the copy; ProjectError when the check fails."""
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        result = dest.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dest.close()
    if result != "ok":
        raise ProjectError(f"the copy failed SQLite's check ({result}); the project itself may be damaged")


def copy_project_file(project_path: Path, out_path: Path) -> Path:
    """`save_copy` through a read-only connection of its own (for a background thread); the copy holds
    the work still in the write-ahead log too."""
    conn = connect(Path(project_path), read_only=True)
    try:
        return save_copy(conn, out_path)
    finally:
        conn.close()


def save_copy(conn: sqlite3.Connection, out_path: Path) -> Path:
    """Write a complete copy of the open project to `out_path` (which must not exist yet).

    The copy is made in a scratch file beside `out_path` and moved into place only once checked,
    so an interrupted copy never leaves a file that looks complete.
    """
    out_path = Path(out_path)
    if out_path.exists():
        raise ProjectError(f"{out_path}: a file with this name exists already")
    if not out_path.parent.is_dir():
        raise ProjectError(f"{out_path}: folder {out_path.parent} does not exist")
    remove_leftovers(out_path)
    scratch = scratch_name(out_path, "partial")
    try:
        verified_copy(conn, scratch)
        publish(scratch, out_path)
    except sqlite3.Error as exc:
        raise ProjectError(f"{out_path}: the copy could not be written ({exc})") from exc
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return out_path
