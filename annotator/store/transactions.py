"""The project's database handle: write transactions start with BEGIN IMMEDIATE.

Two windows (two processes) may hold the same project file. With a plain (deferred) BEGIN, a
transaction that reads before it writes holds only a read snapshot; when it then tries to write
after the other process has committed, SQLite cannot upgrade the snapshot and fails at once with
"database is locked" — the busy timeout does not apply to that case. Taking the write lock at the
start (BEGIN IMMEDIATE) makes a second writer wait in SQLite's busy handler instead, up to the
connection's busy timeout, and its transaction then reads the other writer's committed rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any, Generator, Iterable, Iterator, Sequence

from sqlite_utils import Database

from annotator.core.errors import ProjectError, StorageFailure

IN_USE = "the project is in use by another window or command; try again in a moment"


def storage_failure(exc: sqlite3.Error, path: str, damage: bool = True) -> StorageFailure | None:
    """Our error, in plain words, for what SQLite says when the file cannot take a write or (with
    `damage`) is damaged; None for other errors (a bug of ours, to be reported as such)."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return StorageFailure("in use", IN_USE, path)
    if "readonly" in message or "read-only" in message:
        return StorageFailure("read-only", f"{path}: cannot be changed: the file or its folder is read-only; "
                                           "nothing was saved", path)
    if "disk is full" in message or "no space" in message:
        return StorageFailure("full", f"{path}: the disk is full, so nothing was saved; free some space and try again",
                              path)
    if damage and ("malformed" in message or "not a database" in message or "disk i/o error" in message):
        return StorageFailure("damaged", f"{path}: is damaged ({exc}); nothing was saved", path)
    return None


@contextlib.contextmanager
def _busy_means_in_use(path: str = "the project", damage: bool = True) -> Iterator[None]:
    """Turn SQLite's "database is locked"/"busy" (after the busy timeout), a read-only or full disk
    and (with `damage`) a damaged file into a plain ProjectError."""
    try:
        yield
    except sqlite3.Error as exc:
        failure = storage_failure(exc, path, damage)
        if failure is not None:
            raise failure from exc
        raise


class ClosedConnection:
    """Stands in for the connection of a closed project: any use raises ProjectError, never a crash."""

    def __init__(self, path: str):
        self._path = path

    def __getattr__(self, name: str):
        raise ProjectError(f"{self._path}: the project is closed")

    @property
    def in_transaction(self) -> bool:
        return False


class ProjectDatabase(Database):
    """sqlite-utils' Database whose outermost `atomic()` block is a BEGIN IMMEDIATE transaction.

    `refusal`, when set, is the message of the StorageFailure (of kind `refusal_kind`) every write
    transaction raises (a damaged or read-only file); `label` names the file in messages.
    """

    refusal: str = ""
    refusal_kind: str = ""
    label: str = "the project"

    @property
    def closed(self) -> bool:
        return isinstance(self.conn, ClosedConnection)

    def close(self, path: str) -> None:
        """Close the connection; from then on every use raises ProjectError naming `path`."""
        if not self.closed:
            conn, self.conn = self.conn, ClosedConnection(path)
            conn.close()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        """Run one write statement over many rows, inside the caller's transaction (`atomic`)."""
        if not self.conn.in_transaction:
            raise ProjectError("internal error: a batched write outside a transaction")
        return self.conn.executemany(sql, rows)

    def refused(self) -> StorageFailure:
        """The error a write raises in a file that refuses writes (see `refusal`)."""
        return StorageFailure(self.refusal_kind or "read-only", self.refusal, self.label)

    @contextlib.contextmanager
    def atomic(self) -> Generator["ProjectDatabase", None, None]:
        """A write transaction (or, nested, a savepoint) committed on success, rolled back on error.

        Raises ProjectError (IN_USE) when another connection keeps the write lock past the busy timeout.
        """
        if self.refusal:
            raise self.refused()
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        with _busy_means_in_use(self.label):
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            # Inside the block, "malformed" may come from an attached file (a merge's source): left as it is.
            with _busy_means_in_use(self.label, damage=False):
                yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                with _busy_means_in_use(self.label):
                    self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
