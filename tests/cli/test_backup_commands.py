"""`annotator backups` and `annotator restore` on real project files."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from click.testing import CliRunner

from annotator.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def annotator_names(path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM annotators")}


def test_opening_through_the_cli_makes_a_backup_that_restore_brings_back(tmp_path):
    path = tmp_path / "study.framing"
    assert run("init", path).exit_code == 0
    assert run("backups", path).output.startswith("No backups of study.framing yet")
    assert run("annotators", path, "add", "ana").exit_code == 0  # opening makes the first backup
    listing = run("backups", path)
    assert listing.exit_code == 0, listing.output
    assert "Backups of study.framing in" in listing.output and "  1  " in listing.output
    assert run("annotators", path, "add", "bruno").exit_code == 0
    assert "bruno" in annotator_names(path)

    restored = run("restore", path, "1")
    assert restored.exit_code == 0, restored.output
    assert "Restored" in restored.output and "before-restore" in restored.output
    assert "bruno" not in annotator_names(path)
    [kept] = tmp_path.glob("study.before-restore-*.framing")
    assert "bruno" in annotator_names(kept)


def test_backups_now_makes_one_even_right_after_another(tmp_path):
    path = tmp_path / "study.framing"
    run("init", path)
    run("backups", path, "--now")
    result = run("backups", path, "--now")
    assert result.exit_code == 0 and "Backup made:" in result.output
    assert "  2  " in result.output


def test_restore_errors_are_one_line(tmp_path):
    path = tmp_path / "study.framing"
    run("init", path)
    result = run("restore", path, "3")
    assert result.exit_code == 1
    assert "there is no backup number 3" in result.output and "Traceback" not in result.output
    stranger = tmp_path / "letter.txt"
    stranger.write_text("Dear editor")
    result = run("restore", path, stranger)
    assert result.exit_code == 1 and "not an SQLite file" in result.output
    assert run("backups", tmp_path / "missing.framing").exit_code == 1
