"""Backups that stay good: checked before they count, never pushed out by copies of a damaged file,
kept apart for copies of one project, and found again when the project file is gone."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import ProjectError
from annotator.store import Project
from annotator.store import backup as backups
from tests.store.file_faults import damage_middle, damage_page, overwrite, page_size_and_count, table_root
from tests.store.test_opening_checks import sound_project

# Damaged files per run of the fault-injection test (the file layout differs each run); raise it for a
# longer campaign with FRAMING_FAULT_TRIALS=1000.
FAULT_TRIALS = int(os.environ.get("FRAMING_FAULT_TRIALS", "40"))
COMMANDS = (["info"], ["annotators"], ["agreement"], ["export", "--format", "csv", "-o", "{out}"],
            ["annotators", "{path}", "add", "bob"])
OPENS_PER_TRIAL = 5  # "open it five times over a day"


def span_count(path: Path) -> int:
    with closing(sqlite3.connect(str(path))) as conn:
        return conn.execute("SELECT count(*) FROM spans").fetchone()[0]


def sound(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def test_opening_a_damaged_project_many_times_keeps_the_good_backups(tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "BACKUP_MIN_INTERVAL", 0.0)
    path = sound_project(tmp_path / "p.framing")
    Project.open(path).close()
    [good] = backups.list_backups(path)
    damage_page(path, table_root(path, "documents"))
    for _ in range(OPENS_PER_TRIAL):
        with Project.open(path) as proj:
            assert proj.read_only
    assert [info.path for info in backups.list_backups(path)] == [good.path]
    result = CliRunner().invoke(cli, ["restore", str(path), "1"])
    assert result.exit_code == 0, result.output
    assert sound(path) and span_count(path) == 40


def spoil_an_index(path: Path) -> None:
    """Damage the quick check does not see (an index that no longer matches its table), as a bad disk
    sector inside an index might; SQLite's full integrity check does see it."""
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX spans_label ON spans(text)' "
                     "WHERE name = 'spans_label'")
        conn.commit()
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"


def test_a_backup_that_fails_its_check_is_thrown_away_and_the_last_good_one_stays(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(backups, "BACKUP_MIN_INTERVAL", 0.0)
    path = sound_project(tmp_path / "p.framing", documents=3)
    good = backups.make_backup(path, keep=1)
    spoil_an_index(path)
    for _ in range(3):
        Project.open(path).close()  # the quick check passes; each backup fails its full check
    assert "failed SQLite's integrity check" in caplog.text
    with pytest.raises(ProjectError, match="integrity check"):
        backups.make_backup(path, keep=1)
    assert [info.path for info in backups.list_backups(path)] == [good]
    assert not [p for p in good.parent.iterdir() if p.name.startswith(".")]  # no scratch file left


def damage(path: Path, trial: int) -> None:
    """Even trials: 8 KB of random bytes in the middle of the file; odd ones: one random page
    (the first one after its 100-byte header)."""
    if trial % 2 == 0:
        damage_middle(path, seed=trial)
        return
    size, count = page_size_and_count(path)
    rng = random.Random(trial)
    page = rng.randrange(1, count + 1)
    start = (page - 1) * size + (100 if page == 1 else 0)
    overwrite(path, start, rng.randbytes(page * size - start))


def test_fault_injection_damage_reopen_back_up_restore(tmp_path, monkeypatch):
    """Damage a project (8 KB in the middle, or a whole page), open it five times, try a backup,
    restore: in every trial the last good backup survives and brings the work back."""
    monkeypatch.setattr(backups, "BACKUP_MIN_INTERVAL", 0.0)
    original = sound_project(tmp_path / "original.framing", documents=60)
    survived, caught_on_open = 0, 0
    for trial in range(FAULT_TRIALS):
        folder = tmp_path / f"trial{trial}"
        folder.mkdir()
        path = folder / "p.framing"
        shutil.copy(original, path)
        Project.open(path).close()  # the good backup
        [good] = backups.list_backups(path)
        damage(path, trial)
        read_only_opens = 0
        for _ in range(OPENS_PER_TRIAL):
            try:
                with Project.open(path) as proj:
                    read_only_opens += proj.read_only
            except ProjectError:
                read_only_opens += 1  # too damaged to open at all
        caught_on_open += read_only_opens == OPENS_PER_TRIAL
        for command in COMMANDS:  # what a person would try next: one line each, never a traceback
            args = [a.format(out=folder / "out.csv", path=path) for a in command]
            args = args if str(path) in args else [args[0], str(path), *args[1:]]
            result = CliRunner().invoke(cli, args)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)
            assert "Traceback" not in result.output
        try:
            backups.make_backup(path)
        except ProjectError:
            pass
        kept = backups.list_backups(path)
        assert good.path in [info.path for info in kept] and sound(good.path)
        backups.restore_backup(path, kept[-1].path if good.path == kept[-1].path else good.path)
        assert sound(path) and span_count(path) == 40 + 20
        survived += 1
    print(f"\nfault injection: {FAULT_TRIALS} trials, damage caught on open in {caught_on_open}, "
          f"last good backup survived in {survived}")
    assert survived == FAULT_TRIALS
    assert caught_on_open >= FAULT_TRIALS * 3 // 4


def test_copies_of_one_project_keep_their_own_backups(tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "BACKUP_MIN_INTERVAL", 0.0)
    first = sound_project(tmp_path / "p.framing", documents=2)
    copy_folder = tmp_path / "copy"
    copy_folder.mkdir()
    second = copy_folder / "p.framing"
    shutil.copy(first, second)
    backups.make_backup(first)
    for n in range(backups.BACKUP_KEEP + 2):  # many backups of the copy...
        with Project.open(second, backup=False) as proj:
            proj.team.add(f"coder{n}")
        backups.make_backup(second)
    [own] = backups.list_backups(first)  # ...never push out the first file's backup
    assert len(backups.list_backups(second)) == backups.BACKUP_KEEP
    assert own.path.parent != backups.list_backups(second)[0].path.parent
    assert backups.other_backup_folders(first) == [backups.list_backups(second)[0].path.parent]


def test_backups_says_where_the_backups_of_a_deleted_project_are(tmp_path):
    path = sound_project(tmp_path / "study.framing", documents=2)
    made = backups.make_backup(path)
    path.unlink()
    result = CliRunner().invoke(cli, ["backups", str(path)])
    assert result.exit_code == 0, result.output
    assert "does not exist any more" in result.output and str(made.parent) in result.output
    assert made.name in result.output
    restored = CliRunner().invoke(cli, ["restore", str(path), "1"])
    assert restored.exit_code == 0, restored.output
    assert span_count(path) == 2
    nothing = CliRunner().invoke(cli, ["backups", str(tmp_path / "never.framing")])
    assert nothing.exit_code == 1 and "no backups of it were found" in nothing.output


def test_backups_of_the_older_one_folder_layout_are_still_listed(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=2)
    made = backups.make_backup(path)
    with Project.open(path, backup=False) as proj:
        legacy = backups.backups_root() / proj.project_id
    legacy.mkdir()
    moved = legacy / made.name
    shutil.move(made, moved)
    note = json.loads(made.with_name(made.name + ".json").read_text())
    del note["source_path"]
    moved.with_name(moved.name + ".json").write_text(json.dumps(note))
    assert [info.path for info in backups.list_backups(path)] == [moved]


def test_a_scratch_file_of_a_killed_restore_is_cleaned_on_the_next_run(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=2)
    backup = backups.make_backup(path)
    dead = 2 ** 22 + 12345  # no such process
    leftover = tmp_path / f".p.framing.{dead}-0123456789ab.restoring"
    leftover.write_bytes(b"SQLite format 3\x00half a file")
    older = tmp_path / f".p.framing.restoring.{dead}"  # as older versions named it
    older.write_bytes(b"half")
    backups.restore_backup(path, backup)
    assert not leftover.exists() and not older.exists()
    leftover.write_bytes(b"again")
    Project.open(path).close()
    assert not leftover.exists()
