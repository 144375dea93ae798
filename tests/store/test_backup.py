"""Rotating backups made on open (SQLite backup API) and restoring one."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing

import pytest
from sqlite_utils import Database

from annotator.core.errors import ProjectError
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from annotator.store import backup as backups
from annotator.store.schema import APPLICATION_ID, migrations

TEXT = "Le ministre affirme que la réforme est « nécessaire ». Les syndicats protestent."


def new_project(path) -> str:
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        return project.documents.add([Document(text=TEXT, title="Article")]).added[0]


def add_hedge(path, start: int = 0, end: int = 2) -> str:
    with Project.open(path, backup=False) as project:
        doc = project.documents.ids()[0]
        span = Span(document_id=doc, annotator="ana", label_id="hedge", start=start, end=end, text=TEXT[start:end])
        project.spans.add(span)
        return span.id


def span_ids(path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM spans")}


def test_open_makes_a_self_contained_backup_in_the_user_data_folder(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    span_id = add_hedge(path)
    with Project.open(path) as project:
        project_id = project.project_id
    made = backups.list_backups(path)
    assert len(made) == 1
    backup = made[0].path
    assert backup.parent == backups.backup_folder(project_id, path)
    assert backup.parent.parent == backups.backups_root()
    assert backup.parent != tmp_path and made[0].source == "p.framing"
    assert not backup.with_name(backup.name + "-wal").exists()
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert span_ids(backup) == {span_id}


def test_no_backup_when_asked_for_none_or_when_nothing_changed(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    Project.open(path, backup=False).close()
    assert backups.list_backups(path) == []
    with Project.open(path) as project:
        assert backups.backup_on_open(project.conn, path, min_interval=0) is None  # unchanged since the last
        project.team.add("bea")
        assert backups.backup_on_open(project.conn, path, min_interval=0) is not None
        project.team.add("carl")
        assert backups.backup_on_open(project.conn, path) is None  # the newest is too recent
    assert len(backups.list_backups(path)) == 2


def test_only_the_newest_backups_are_kept(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    with Project.open(path, backup=False) as project:
        made = []
        for n in range(backups.BACKUP_KEEP + 2):
            project.team.add(f"coder{n}")
            made.append(backups.backup_on_open(project.conn, path, min_interval=0))
    kept = backups.list_backups(path)
    assert [info.path for info in kept] == made[::-1][: backups.BACKUP_KEEP]
    assert not made[0].exists() and not made[0].with_name(made[0].name + ".json").exists()


def test_an_older_file_is_backed_up_before_it_is_upgraded(tmp_path):
    path = tmp_path / "old.framing"
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before=[m.name for m in migrations._migrations][1])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('project_id', 'old-project')")
    conn.commit()
    conn.close()
    Project.open(path).close()
    [backup] = backups.list_backups(path)
    with closing(sqlite3.connect(backup.path)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_backup_that_cannot_be_made_does_not_keep_the_project_closed(tmp_path, caplog):
    path = tmp_path / "p.framing"
    new_project(path)
    backups.backups_root().parent.mkdir(parents=True, exist_ok=True)
    backups.backups_root().write_text("not a folder")
    with caplog.at_level(logging.WARNING), Project.open(path) as project:
        assert project.counts()["documents"] == 1
    assert "no backup of p.framing was made" in caplog.text


def test_restore_brings_back_the_backup_and_keeps_the_replaced_file(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    first = add_hedge(path)
    backup = backups.make_backup(path)
    later = add_hedge(path, 3, 11)
    saved = backups.restore_backup(path, backup)
    assert span_ids(path) == {first}
    assert span_ids(saved) == {first, later}
    assert saved.parent == tmp_path and "before-restore" in saved.name
    with Project.open(path, backup=False) as project:
        assert project.integrity_ok()
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        project.team.add("after-restore")  # the restored file takes writes


def test_restore_refuses_what_is_not_a_backup_of_this_project(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    before = span_ids(path)
    text = tmp_path / "notes.framing"
    text.write_text("hello")
    plain = tmp_path / "plain.framing"
    with closing(sqlite3.connect(plain)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    other = tmp_path / "other.framing"
    new_project(other)
    for bad, reason in ((text, "not an SQLite file"), (plain, "not a Framing Annotator project backup"),
                        (other, "backup of another project"), (tmp_path / "none.framing", "no such")):
        with pytest.raises(ProjectError, match=reason):
            backups.restore_backup(path, bad)
    assert span_ids(path) == before
    assert list(tmp_path.glob("*before-restore*")) == []


def test_restore_refuses_while_the_project_is_open_elsewhere(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    backup = backups.make_backup(path)
    add_hedge(path)
    with Project.open(path, backup=False):
        with pytest.raises(ProjectError, match="open in another window"):
            backups.restore_backup(path, backup)
    assert len(span_ids(path)) == 1


def test_a_damaged_project_can_be_restored_and_its_backups_found_by_name(tmp_path):
    path = tmp_path / "p.framing"
    new_project(path)
    span_id = add_hedge(path)
    backups.make_backup(path)
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    path.write_bytes(damaged)
    [found] = backups.list_backups(path)
    saved = backups.restore_backup(path, found.path)
    assert saved.read_bytes() == damaged
    assert span_ids(path) == {span_id}
