"""What opening a project file says when SQLite cannot read it: damage only for real damage; a file in use
or one that is not a database is told as such (restoring a backup over a busy file would lose work)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from annotator.core.errors import DamagedProject, ProjectError, StorageFailure
from annotator.store import Project
from annotator.store import opening
from annotator.store import project as project_module


@pytest.fixture
def short_wait(monkeypatch):
    """A busy timeout of a fifth of a second, so that a held lock is met at once."""
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_SECONDS", 0.2)


def hold_exclusive_lock(path, timeout: float = 5.0) -> sqlite3.Connection:
    """Another connection that keeps every other one out of the file (readers too)."""
    conn = sqlite3.connect(path, timeout=timeout)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_a_file_locked_by_another_connection_is_in_use_not_damaged(tmp_path, short_wait):
    path = tmp_path / "p.framing"
    Project.create(path).close()
    with closing(hold_exclusive_lock(path)) as other:
        with pytest.raises(StorageFailure) as refused:
            Project.open(path)
        other.rollback()
    assert not isinstance(refused.value, DamagedProject)
    assert refused.value.kind == "in use" and "is in use by another window or command" in str(refused.value)
    with Project.open(path) as proj:  # once the other lets go, it opens as before
        assert not proj.read_only


def test_a_lock_taken_while_the_project_is_upgraded_is_in_use_not_damaged(tmp_path, short_wait, monkeypatch):
    path = tmp_path / "p.framing"
    Project.create(path).close()
    held: list[sqlite3.Connection] = []
    upgrade = project_module.apply_migrations

    def locked_then_upgraded(db):  # the other connection arrives after the checks, before the upgrade
        held.append(hold_exclusive_lock(path, timeout=0.2))
        return upgrade(db)

    monkeypatch.setattr(project_module, "apply_migrations", locked_then_upgraded)
    try:
        with pytest.raises(StorageFailure) as refused:
            Project.open(path, backup=False)
    finally:
        for conn in held:
            conn.rollback()
            conn.close()
    assert refused.value.kind == "in use" and not isinstance(refused.value, DamagedProject)


def test_a_file_sqlite_cannot_read_as_a_database_is_not_a_project_file(tmp_path):
    path = tmp_path / "p.framing"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # the mark of SQLite, then nothing it can read
    with pytest.raises(ProjectError) as refused:
        Project.open(path)
    assert not isinstance(refused.value, DamagedProject)
    assert str(refused.value) == f"{path}: is not a Framing Annotator project file (SQLite cannot read it as a database)"


@pytest.mark.parametrize("said, kind", [
    ("database disk image is malformed", DamagedProject),
    ("malformed database schema (x)", DamagedProject),
    ("database is locked", StorageFailure),
    ("unable to open database file", ProjectError),
    ("disk I/O error", ProjectError),
    ("file is not a database", ProjectError),
])
def test_only_real_damage_is_damage(tmp_path, said, kind):
    error = opening.open_failure(tmp_path / "p.framing", sqlite3.OperationalError(said))
    assert type(error) is kind
