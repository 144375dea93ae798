"""Opening a project file: refuse what is not one, check it is sound, and open it read-only when it
is damaged or cannot be written to (a read-only file or folder), saying why and what to do."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from annotator.core.errors import DamagedProject, ProjectError, StorageFailure
from annotator.core.leftovers import remove_leftovers
from annotator.store.files import check_existing_file, writable
from annotator.store.schema import APPLICATION_ID, migrations, schema_version

BUSY_TIMEOUT_SECONDS = 30.0
QUICK_CHECK_ROWS = 3


def open_failure(path: Path, exc: BaseException) -> ProjectError:
    """Our error for what SQLite (or decoding a damaged page) said while a project file was being opened:
    DamagedProject only for real damage (a malformed file, text that is not UTF-8); a file in use, one SQLite
    cannot read as a database and a disk that failed are told as such, never as damage (restoring a backup
    over a busy file would lose work)."""
    if isinstance(exc, UnicodeDecodeError):
        return DamagedProject(str(path), str(exc), f"{path}: is damaged ({exc})")
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return StorageFailure("in use", f"{path}: is in use by another window or command; try again in a moment",
                              str(path))
    if "not a database" in message or "encrypted" in message:
        return ProjectError(f"{path}: is not a Framing Annotator project file (SQLite cannot read it as a "
                            "database)")
    if "malformed" in message or "corrupt" in message:
        return DamagedProject(str(path), str(exc), f"{path}: is damaged ({exc})")
    if "disk i/o" in message:
        return ProjectError(f"{path}: cannot be read: the disk reported an error ({exc}); try again, or copy "
                            "the file to another disk")
    return ProjectError(f"{path}: cannot be opened ({exc})")


def _in_use(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


@dataclass
class FileState:
    """How a project file was opened: writable, or read-only and why."""

    damage: str = ""  # what SQLite's check found wrong ("" for a sound file)
    read_only_file: bool = False  # the file or its folder cannot be written to

    @property
    def damaged(self) -> bool:
        return bool(self.damage)

    @property
    def writable(self) -> bool:
        return not (self.damage or self.read_only_file)

    def notice(self, path: Path) -> str:
        """The one message to show when the file is opened ("" for a writable, sound file)."""
        if self.damage:
            return (f"{path}: is damaged ({self.damage}). It is open read-only: what can still be read can "
                    "be read and exported, nothing can be changed.")
        if self.read_only_file:
            return (f"{path}: is read-only (the file or its folder cannot be written to). It is open for "
                    "reading only; to work in it, copy it to a folder of your own.")
        return ""

    def refusal(self, path: Path) -> str:
        """The message of a write refused in this file ("" when writes are allowed)."""
        if self.damage:
            return f"{path}: is damaged, so nothing can be changed in it (it is open read-only)"
        if self.read_only_file:
            return (f"{path}: is read-only (the file or its folder cannot be written to), so nothing can be "
                    "changed; copy it to a folder of your own to work in it")
        return ""

    @property
    def refusal_kind(self) -> str:
        """The StorageFailure kind of a refused write: "damaged", "read-only" or "" (writes allowed)."""
        return "damaged" if self.damage else "read-only" if self.read_only_file else ""


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the file; read-only ones fall back to SQLite's 'immutable' mode when the
    folder is read-only too (SQLite cannot create its shared-memory file there)."""
    if not read_only:
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS)
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if _in_use(exc):  # another connection holds the file: reading it 'immutable' would read it half-written
            raise
    except BaseException:
        conn.close()  # a connection left open would keep the file from being restored
        raise
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _check_identity(path: Path, conn: sqlite3.Connection) -> int:
    """Refuse a foreign, unfinished or newer file; return its schema version."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise ProjectError(f"{path}: is an SQLite database but not a Framing Annotator project")
    if version > schema_version():
        raise ProjectError(
            f"{path}: was written by a newer version of Framing Annotator "
            f"(schema {version}, this app knows {schema_version()}); please update the app"
        )
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables or "meta" not in tables:
        raise DamagedProject(str(path), "no project tables",
                             f"{path}: carries the Framing Annotator mark but has no project tables: it was never "
                             "finished or it is damaged")
    known = {m.name for m in migrations._migrations}
    applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
    if applied - known:
        raise ProjectError(
            f"{path}: was changed by a newer version of Framing Annotator "
            f"(unknown upgrades {', '.join(sorted(applied - known))}); please update the app"
        )
    return version


def quick_check(conn: sqlite3.Connection) -> str:
    """SQLite's quick check of the b-trees: "" when sound, else what it found (shortened)."""
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})")]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return str(exc)
    if rows == ["ok"]:
        return ""
    found = "; ".join(rows)
    return found if len(found) < 200 else found[:197] + "..."


def full_check(path: Path, cancelled: Callable[[], bool] = lambda: False) -> str:
    """SQLite's full integrity check of the file at `path` through a connection of its own (for a
    background thread): "" when sound, else what it found. Stops early (returning "") when `cancelled()`."""
    conn = connect(Path(path), read_only=True)
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA integrity_check({QUICK_CHECK_ROWS})")]
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return ""
        return str(exc)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return str(exc)
    finally:
        conn.close()
    return "" if rows == ["ok"] else "; ".join(rows)[:300]


def open_project_file(path: Path, check: bool = True) -> tuple[sqlite3.Connection, FileState, int]:
    """Open the project file at `path`: (connection, how it is open, its schema version).

    Refuses, with a ProjectError saying why, what is not a sound enough project to open at all.
    With `check`, SQLite's quick check runs first: a damaged file is opened read-only.
    """
    check_existing_file(path)
    state = FileState(read_only_file=not writable(path))
    if not state.read_only_file:
        remove_leftovers(path)
    # The checks read through a read-only connection, so that nothing (not even SQLite's checkpoint
    # on close) is written into a file before it is known to be sound.
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise open_failure(path, exc) from exc
    try:
        version = _check_identity(path, conn)
        if check:
            state.damage = quick_check(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged pages may hold text that is not UTF-8
        conn.close()
        raise open_failure(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    if state.read_only_file and not state.damage and version < schema_version():
        conn.close()
        raise ProjectError(f"{path}: was written by an older version of the app and needs an upgrade, but it is "
                           "read-only (the file or its folder); copy it to a folder of your own and open the copy")
    if state.writable:
        conn.close()
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            raise open_failure(path, exc) from exc
    return conn, state, version
