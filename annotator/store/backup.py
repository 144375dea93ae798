"""Rotating backups of project files (made with SQLite's backup API) and restoring one.

Where: `<user data folder>/backups/<project id>-<path key>/` (see annotator.core.paths.user_data_dir),
one folder per project file: keyed by the project's id (a team package's by its package id) and by
where the file is, so that two copies of one project never share (and rotate out) each other's
backups. Backups are kept out of the project's own folder so that a shared or synced folder does not
fill with copies, and so that they survive the loss of that folder. Each backup is a complete,
single-file project (`<name>-<UTC time>.framing`) with a small `.json` note beside it naming the
file it was made from, so the backups of a moved or deleted project can still be found.

When: on opening a sound project (Project.open(path, backup=True)), before any schema upgrade; a
damaged project opens read-only and is never backed up. No backup is made when the file has not
changed since the newest backup, nor when the newest backup is less than BACKUP_MIN_INTERVAL old.
A backup is written to a scratch file and checked (SQLite's integrity check) before it counts; one
that fails is thrown away, so the rotation, which keeps the newest BACKUP_KEEP, only ever drops a
good backup for a newer good one.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.leftovers import remove_leftovers, remove_leftovers_in, scratch_name
from annotator.core.paths import user_data_dir
from annotator.store.files import SQLITE_HEADER, check_regular_file
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
    source_path: str = ""  # the project file it was made from (resolved); "" in backups of older versions


def backups_root() -> Path:
    """The folder holding every project's backup folder."""
    return user_data_dir() / "backups"


def _identity(conn: sqlite3.Connection) -> str:
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('project_id', 'package_id')"))
    return rows.get("package_id") or rows.get("project_id") or ""


def _where(project_path: Path) -> str:
    return str(Path(os.path.abspath(project_path)).resolve())


def backup_folder(identity: str, project_path: Path) -> Path:
    """The backup folder of the project file at `project_path` whose id is `identity`."""
    key = hashlib.sha256(_where(project_path).encode("utf-8")).hexdigest()[:12]
    return backups_root() / f"{identity}-{key}"


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
                          source=str(note.get("source", "")), fingerprint=list(note.get("fingerprint", [])),
                          source_path=str(note.get("source_path", "")))
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
    check_regular_file(path, what)
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
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path}: is damaged or not a Framing Annotator {what} ({exc})") from exc


def _readable_identity(project_path: Path) -> str:
    """The project's id as the file says, or "" when it cannot be read."""
    try:
        conn = _open_read_only(project_path)
        try:
            return _identity(conn)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, OSError, UnicodeDecodeError):
        return ""


def _made_from(info: BackupInfo, project_path: Path) -> bool:
    if info.source_path:
        return info.source_path == _where(project_path)
    return info.source == project_path.name  # a backup of an older version names only the file


def list_backups(project_path: str | os.PathLike) -> list[BackupInfo]:
    """The backups of the project file at `project_path`, newest first.

    Found by the project's id and place, or (for a file that is damaged, moved away or deleted)
    by the notes that name it. A missing file without backups is refused.
    """
    project_path = Path(project_path)
    identity = _readable_identity(project_path) if project_path.is_file() else ""
    found: dict[Path, BackupInfo] = {}
    if identity:
        for info in _backups_in(backup_folder(identity, project_path)):
            found[info.path] = info
        for info in _backups_in(backups_root() / identity):  # the one-folder-per-id layout of older versions
            if _made_from(info, project_path):
                found[info.path] = info
    elif backups_root().is_dir():
        for folder in sorted(backups_root().iterdir()):
            for info in _backups_in(folder):
                if _made_from(info, project_path):
                    found[info.path] = info
    if not found and not project_path.exists():
        raise ProjectError(f"{project_path}: no such project file, and no backups of it were found")
    return sorted(found.values(), key=lambda info: info.created, reverse=True)


def other_backup_folders(project_path: str | os.PathLike) -> list[Path]:
    """Backup folders of the same project made at other places (copies, or the file before it moved)."""
    project_path = Path(project_path)
    identity = _readable_identity(project_path) if project_path.is_file() else ""
    if not identity or not backups_root().is_dir():
        return []
    own = backup_folder(identity, project_path)
    return [folder for folder in sorted(backups_root().glob(f"{identity}-*"))
            if folder != own and folder.is_dir() and _backups_in(folder)]


def _write_backup(conn: sqlite3.Connection, project_path: Path, folder: Path) -> Path:
    """Copy the project into a scratch file, check the copy, then give it its name: a backup that
    fails the check never counts (and never pushes a good one out)."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    target = folder / f"{project_path.stem}-{now.strftime(_STAMP)}.framing"
    partial = scratch_name(target, "partial")
    fingerprint = _fingerprint(project_path)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            found = [row[0] for row in dest.execute("PRAGMA integrity_check(3)")]
        finally:
            dest.close()
        if found != ["ok"]:
            raise ProjectError(f"{project_path}: the backup failed SQLite's integrity check "
                               f"({'; '.join(found)}); it was not kept, the earlier backups were")
        note = {"source": project_path.name, "source_path": _where(project_path), "created": now.isoformat(),
                "fingerprint": fingerprint, "schema": conn.execute("PRAGMA user_version").fetchone()[0],
                "checked": True}
        target.with_name(target.name + ".json").write_text(json.dumps(note, indent=1), encoding="utf-8")
        os.replace(partial, target)
    finally:
        for suffix in ("", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return target


def _rotate(folder: Path, keep: int) -> None:
    for info in _backups_in(folder)[keep:]:
        info.path.unlink(missing_ok=True)
        info.path.with_name(info.path.name + ".json").unlink(missing_ok=True)
    remove_leftovers_in(folder)  # scratch files of backups whose process was killed


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
        folder = backup_folder(identity, project_path)
        made = _write_backup(conn, project_path, folder)
    finally:
        if own:
            conn.close()
    _rotate(folder, keep)
    return made


def backup_on_open(conn: sqlite3.Connection, project_path: str | os.PathLike, keep: int = BACKUP_KEEP,
                   min_interval: float | None = None) -> Path | None:
    """The automatic backup made when a project is opened; None when it was not needed.

    `min_interval` defaults to BACKUP_MIN_INTERVAL.
    """
    project_path = Path(project_path)
    min_interval = BACKUP_MIN_INTERVAL if min_interval is None else min_interval
    identity = _identity(conn)
    if not identity:
        return None
    newest = next(iter(_backups_in(backup_folder(identity, project_path))), None)
    if newest is not None:
        age = (datetime.now(timezone.utc) - newest.created).total_seconds()
        if newest.fingerprint == _fingerprint(project_path) or 0 <= age < min_interval:
            return None
    return make_backup(project_path, conn, keep)


def _set_aside(project_path: Path) -> Path:
    """Keep a copy of the current project file beside it before it is replaced; return its path."""
    try:
        return _set_aside_once(project_path)
    except ProjectError:
        # A read that failed on a damaged page can leave its statement, and so its connection, alive
        # until the error's traceback is collected: collect, then try once more.
        gc.collect()
        return _set_aside_once(project_path)


def _set_aside_once(project_path: Path) -> Path:
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
        except (sqlite3.DatabaseError, UnicodeDecodeError):
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
    remove_leftovers(project_path)
    saved = _set_aside(project_path) if project_path.exists() else None
    temp = scratch_name(project_path, "restoring")
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
    except (OSError, sqlite3.Error, ProjectError, UnicodeDecodeError) as exc:
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
