"""Helpers for copying rows between the project file and a second, attached SQLite file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from annotator.core.errors import ProjectError


def table_columns(db: Database, table: str, schema: str = "main") -> list[str]:
    """The column names of `schema.table`, in table order."""
    return [row[1] for row in db.execute(f'PRAGMA "{schema}".table_info("{table}")').fetchall()]


def column_list(columns: list[str], prefix: str = "") -> str:
    """Columns quoted for SQL ("end" is a keyword), optionally prefixed by a table alias."""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


@contextlib.contextmanager
def attached(db: Database, path: Path, alias: str) -> Iterator[str]:
    """Attach the SQLite file at `path` as `alias` for the duration of the block."""
    if db.conn.in_transaction:
        raise ProjectError("the project has unsaved changes in progress; try again when they are done")
    try:
        db.execute(f"ATTACH DATABASE ? AS {alias}", [str(path)])
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be opened ({exc})") from exc
    try:
        yield alias
    finally:
        if db.conn.in_transaction:  # only after an error the block did not roll back
            db.conn.rollback()
        db.execute(f"DETACH DATABASE {alias}")
