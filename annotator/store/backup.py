"""Rotating backups of project files (made with SQLite's backup API) and restoring one.

Where: `<user data folder>/backups/<project id>/` (see annotator.core.paths.user_data_dir), one
folder per project (a team package has its own, keyed by its package id). Backups are kept out of
the project's own folder so that a shared or synced folder does not fill with copies, and so that
they survive the loss of that folder. Each backup is a complete, single-file project
(`<name>-<UTC time>.framing`) with a small `.json` note beside it.

When: on opening a project (Project.open(path, backup=True)), before any schema upgrade. No backup
is made when the file has not changed since the newest backup, nor when the newest backup is less
than BACKUP_MIN_INTERVAL old (so that many opens in a row do not push older states out). The
newest BACKUP_KEEP backups are kept.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.paths import user_data_dir
from annotator.store.files import SQLITE_HEADER
from annotator.store.schema import APPLICATION_ID, schema_version

BACKUP_KEEP = 5
BACKUP_MIN_INTERVAL = 10 * 60.0  # seconds
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass
class BackupInfo:
    """One backup file of a project."""

    path: Path
    created: datetime
    size: int
    source: str
    fingerprint: list[int]


def backups_root() -> Path:
    """The folder holding every project's backup folder."""
    return user_data_dir() / "backups"


def _identity(conn: sqlite3.Connection) -> str:
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('project_id', 'package_id')"))
    return rows.get("package_id") or rows.get("project_id") or ""


def _fingerprint(project_path: Path) -> list[int]:
    """Sizes and modification times of the file and its write-ahead log: they change on every commit."""
    values: list[int] = []
    for suffix in ("", "-wal"):
        try:
            stat = os.stat(f"{project_path}{suffix}")
            values += [stat.st_size, stat.st_mtime_ns]
        except FileNotFoundError:
            values += [0, 0]
    return values


def _read_note(path: Path) -> BackupInfo | None:
    try:
        note = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
        return BackupInfo(path=path, created=datetime.fromisoformat(note["created"]), size=path.stat().st_size,
                          source=str(note.get("source", "")), fingerprint=list(note.get("fingerprint", [])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _backups_in(folder: Path) -> list[BackupInfo]:
    """The backups of one folder, newest first (files without a readable note are left out)."""
    if not folder.is_dir():
        return []
    found = [info for path in folder.glob("*.framing") if (info := _read_note(path)) is not None]
    return sorted(found, key=lambda info: info.created, reverse=True)


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)


def _check_project_file(path: Path, what: str) -> tuple[str, int]:
    """The identity and schema version of the project file at `path`; ProjectError if it is not one."""
    if not path.is_file():
        raise ProjectError(f"{path}: no such {what}")
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ProjectError(f"{path}: is not a Framing Annotator {what} (not an SQLite file)")
    try:
        conn = _open_read_only(path)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise ProjectError(f"{path}: is an SQLite database but not a Framing Annotator {what}")
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ProjectError(f"{path}: is damaged (SQLite's integrity check fails)")
            return _identity(conn), conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: is damaged or not a Framing Annotator {what} ({exc})") from exc


def _folder_of(project_path: Path) -> Path | None:
    """The backup folder of a project; for a file too damaged to say, the folder whose notes name it."""
    try:
        conn = _open_read_only(project_path)
        try:
            identity = _identity(conn)
        finally:
            conn.close()
        if identity:
            return backups_root() / identity
    except sqlite3.DatabaseError:
        pass
    if backups_root().is_dir():
        for folder in sorted(backups_root().iterdir()):
            if any(info.source == project_path.name for info in _backups_in(folder)):
                return folder
    return None


def list_backups(project_path: str | os.PathLike) -> list[BackupInfo]:
    """The backups of the project at `project_path`, newest first."""
    project_path = Path(project_path)
    if not project_path.exists():
        raise ProjectError(f"{project_path}: no such project file")
    folder = _folder_of(project_path)
    return _backups_in(folder) if folder else []


def _write_backup(conn: sqlite3.Connection, project_path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    target = folder / f"{project_path.stem}-{now.strftime(_STAMP)}.framing"
    partial = folder / f".{target.name}.{os.getpid()}.partial"
    fingerprint = _fingerprint(project_path)
    dest = sqlite3.connect(str(partial))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        dest.close()
    note = {"source": project_path.name, "created": now.isoformat(), "fingerprint": fingerprint,
            "schema": conn.execute("PRAGMA user_version").fetchone()[0]}
    target.with_name(target.name + ".json").write_text(json.dumps(note, indent=1), encoding="utf-8")
    os.replace(partial, target)
    return target


def _rotate(folder: Path, keep: int) -> None:
    for info in _backups_in(folder)[keep:]:
        info.path.unlink(missing_ok=True)
        info.path.with_name(info.path.name + ".json").unlink(missing_ok=True)
    hour_ago = time.time() - 3600
    for stale in folder.glob(".*.partial"):  # left by a process that was killed mid-backup
        if stale.stat().st_mtime < hour_ago:
            stale.unlink(missing_ok=True)


def make_backup(project_path: str | os.PathLike, conn: sqlite3.Connection | None = None,
                keep: int = BACKUP_KEEP) -> Path:
    """Back up the project now (through `conn` when given) and drop all but the newest `keep` backups."""
    project_path = Path(project_path)
    own = conn is None
    if own:
        _check_project_file(project_path, "project")
        conn = sqlite3.connect(str(project_path), timeout=30)
    try:
        identity = _identity(conn)
        if not identity:
            raise ProjectError(f"{project_path}: has no project id, so its backups cannot be told apart")
        folder = backups_root() / identity
        made = _write_backup(conn, project_path, folder)
    finally:
        if own:
            conn.close()
    _rotate(folder, keep)
    return made


def backup_on_open(conn: sqlite3.Connection, project_path: str | os.PathLike, keep: int = BACKUP_KEEP,
                   min_interval: float = BACKUP_MIN_INTERVAL) -> Path | None:
    """The automatic backup made when a project is opened; None when it was not needed."""
    project_path = Path(project_path)
    identity = _identity(conn)
    if not identity:
        return None
    newest = next(iter(_backups_in(backups_root() / identity)), None)
    if newest is not None:
        age = (datetime.now(timezone.utc) - newest.created).total_seconds()
        if newest.fingerprint == _fingerprint(project_path) or 0 <= age < min_interval:
            return None
    return make_backup(project_path, conn, keep)


def _set_aside(project_path: Path) -> Path:
    """Keep a copy of the current project file beside it before it is replaced; return its path."""
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    saved = project_path.with_name(f"{project_path.stem}.before-restore-{stamp}{project_path.suffix}")
    try:
        conn = sqlite3.connect(str(project_path), timeout=2, isolation_level=None)
    except sqlite3.Error:
        conn = None
    if conn is not None:
        try:
            # Leaving WAL mode needs the file to itself: it fails while another window has it open.
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            dest = sqlite3.connect(str(saved))
            try:
                conn.backup(dest)
            finally:
                dest.close()
            return saved
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise ProjectError(f"{project_path}: is open in another window or program; close it, "
                                   "then restore again (nothing was changed)") from exc
        except sqlite3.DatabaseError:
            pass  # too damaged to read: keep its bytes instead
        finally:
            conn.close()
    saved.unlink(missing_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{project_path}{suffix}").exists():
            shutil.copy2(f"{project_path}{suffix}", f"{saved}{suffix}")
    return saved


def restore_backup(project_path: str | os.PathLike, backup_path: str | os.PathLike) -> Path | None:
    """Replace the project file by a backup; return where the replaced file was kept (None if none).

    Refuses a file that is not a sound Framing Annotator project, a backup of another project, one
    from a newer version of the app, and a project that is open elsewhere.
    """
    project_path, backup_path = Path(project_path), Path(backup_path)
    identity, version = _check_project_file(backup_path, "project backup")
    if version > schema_version():
        raise ProjectError(f"{backup_path}: was written by a newer version of Framing Annotator; please update the app")
    if project_path.exists():
        try:
            current, _ = _check_project_file(project_path, "project")
        except ProjectError:
            current = ""  # a damaged current file may be replaced by any backup of ours
        if current and current != identity:
            raise ProjectError(f"{backup_path}: is a backup of another project, not of {project_path.name}; "
                               "nothing was changed")
    elif not project_path.parent.is_dir():
        raise ProjectError(f"{project_path}: folder {project_path.parent} does not exist")
    saved = _set_aside(project_path) if project_path.exists() else None
    temp = project_path.with_name(f".{project_path.name}.restoring.{os.getpid()}")
    source = _open_read_only(backup_path)
    dest = sqlite3.connect(str(temp), isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
    finally:
        dest.close()
        source.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{project_path}{suffix}").unlink(missing_ok=True)  # a stale log must never meet the new file
    os.replace(temp, project_path)
    return saved


def automatic_backup(conn: sqlite3.Connection, project_path: str | os.PathLike) -> Path | None:
    """`backup_on_open`, except that a failure (full disk, unwritable folder) is logged, never raised:
    a backup that cannot be made must not keep the user from their project."""
    try:
        return backup_on_open(conn, project_path)
    except (OSError, sqlite3.Error, ProjectError) as exc:
        logging.getLogger(__name__).warning("no backup of %s was made: %s", Path(project_path).name, exc)
        return None


def backup_if_due(project_path: str | os.PathLike) -> Path | None:
    """The automatic backup, through a connection of its own (for a background thread); never raises."""
    try:
        conn = sqlite3.connect(str(project_path), timeout=30)
    except sqlite3.Error as exc:
        logging.getLogger(__name__).warning("no backup of %s was made: %s", Path(project_path).name, exc)
        return None
    try:
        return automatic_backup(conn, project_path)
    finally:
        conn.close()
