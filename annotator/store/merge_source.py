"""Checking a file before it is merged, and taking a private, upgraded copy of it to read from."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectError
from annotator.store.files import check_existing_file
from annotator.store.schema import APPLICATION_ID, apply_migrations, migrations, schema_version


@dataclass
class MergeSource:
    """A source file ready to merge: where it is, its private copy, and who it comes from."""

    path: Path
    copy: Path
    project_id: str
    package_id: str
    packaged_at: str

    @property
    def key(self) -> str:
        """What identifies this source across merges: its package, or else its project."""
        return f"package:{self.package_id}" if self.package_id else f"project:{self.project_id}"


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def _refuse(path: Path, reason: str) -> ProjectError:
    return ProjectError(f"cannot merge {path}: {reason}; nothing was changed")


def prepare_source(target_path: Path, source_path: str | os.PathLike, workdir: Path) -> MergeSource:
    """Refuse a file that cannot be merged; otherwise copy it (read-only) into `workdir` and upgrade
    the copy to this app's schema. The source file itself is never written."""
    path = Path(source_path)
    check_existing_file(path)
    if _same_file(Path(target_path), path):
        raise _refuse(path, "it is the project itself")
    copy = workdir / "source.sqlite"
    try:
        reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(str(copy))
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the file is damaged or not a project ({exc})") from exc
    conn = sqlite3.connect(str(copy))
    try:
        return _check_copy(path, copy, conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _refuse(path, f"the file is damaged ({exc})") from exc
    finally:
        conn.close()


def _check_copy(path: Path, copy: Path, conn: sqlite3.Connection) -> MergeSource:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise _refuse(path, "it is not a Framing Annotator project")
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise _refuse(path, "the file is damaged (SQLite's integrity check fails)")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
    unknown = applied - {m.name for m in migrations._migrations}
    if version > schema_version() or unknown:
        raise _refuse(path, f"it was written by a newer version of Framing Annotator (schema {version}, "
                            f"this app knows {schema_version()}); please update the app")
    if version < schema_version():
        apply_migrations(Database(conn))
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if not meta.get("project_id"):
        raise _refuse(path, "the file is damaged (it has no project id)")
    return MergeSource(
        path=path, copy=copy, project_id=meta["project_id"],
        package_id=meta.get("package_id", ""), packaged_at=meta.get("packaged_at", ""),
    )
