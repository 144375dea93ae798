"""One project file: recent work moves from the write-ahead log into the .framing file when idle and
on close, and Save a copy / `annotator copy` make one complete file."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import ProjectError
from annotator.core.model import Span
from annotator.store import Project
from tests.store.test_opening_checks import sound_project

SPANS = 500


def spans_in_file_alone(path: Path, tmp_path: Path) -> int:
    """Copy only the .framing file (as a person copying it by hand would) and count its spans."""
    alone = tmp_path / f"alone-{path.name}"
    alone.unlink(missing_ok=True)
    shutil.copyfile(path, alone)
    with closing(sqlite3.connect(str(alone))) as conn:
        return conn.execute("SELECT count(*) FROM spans").fetchone()[0]


def add_spans(proj: Project, count: int) -> None:
    doc = proj.documents.ids()[0]
    for i in range(count):  # one save per span, as annotating does
        proj.spans.add(Span(document_id=doc, annotator=f"coder{i}", label_id="hedge", start=0, end=2, text="Le",
                            note=f"span {i}"))  # one coder each: the store keeps no two identical spans


def test_closing_puts_the_recent_work_into_the_file_even_while_another_window_has_it_open(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=1)
    other_window = Project.open(path, backup=False)
    try:
        with Project.open(path, backup=False) as proj:
            add_spans(proj, SPANS)
        assert spans_in_file_alone(path, tmp_path) == SPANS + 1
    finally:
        other_window.close()


def test_a_checkpoint_puts_the_recent_work_into_the_file_while_it_stays_open(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=1)
    with Project.open(path, backup=False) as proj:
        add_spans(proj, SPANS)
        assert proj.checkpoint()
        assert spans_in_file_alone(path, tmp_path) == SPANS + 1


def test_save_a_copy_makes_one_complete_checked_file(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=1)
    with Project.open(path, backup=False) as proj:
        add_spans(proj, SPANS)
        copy = proj.save_copy(tmp_path / "copy.framing")
        with pytest.raises(ProjectError, match="exists already"):
            proj.save_copy(copy)
    assert not Path(f"{copy}-wal").exists()
    with closing(sqlite3.connect(str(copy))) as conn:
        assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == SPANS + 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Project.open(copy, backup=False) as again:
        assert again.counts()["spans"] == SPANS + 1


def test_annotator_copy_on_the_command_line(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=1)
    holder = Project.open(path, backup=False)  # the app has it open, recent work in the log
    try:
        add_spans(holder, 50)
        out = tmp_path / "send.framing"
        result = CliRunner().invoke(cli, ["copy", str(path), str(out)])
        assert result.exit_code == 0, result.output
        assert "one complete file" in result.output
        assert spans_in_file_alone(out, tmp_path) == 51
        again = CliRunner().invoke(cli, ["copy", str(path), str(out)])
        assert again.exit_code == 1 and "exists already" in again.output
    finally:
        holder.close()
