"""Opening a file the project cannot trust: damaged, unfinished, read-only, or not a file at all."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import DamagedProject, ProjectError, StorageFailure
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from annotator.store.schema import APPLICATION_ID
from tests.store.file_faults import damage_page, read_only, table_root

TEXT = "Le ministre affirme que la réforme est « nécessaire ». Les syndicats protestent."


def sound_project(path: Path, documents: int = 40) -> Path:
    with Project.create(path) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        docs = [Document(text=f"{TEXT} Article {i}. " + "Une phrase de plus. " * 30, title=f"Article {i}")
                for i in range(documents)]
        proj.documents.add(docs)
        proj.spans.add_many(Span(document_id=d.id, annotator="ana", label_id="hedge", start=0, end=2, text="Le")
                            for d in docs)
    return path


def damaged_project(tmp_path: Path) -> Path:
    path = sound_project(tmp_path / "p.framing")
    damage_page(path, table_root(path, "documents"))
    return path


def test_a_damaged_project_opens_read_only_and_its_refusals_say_which_file_is_damaged(tmp_path):
    path = damaged_project(tmp_path)
    with Project.open(path) as proj:
        assert proj.read_only and proj.state.damaged
        notice = proj.open_notice()
        assert "is damaged" in notice and "read-only" in notice
        assert "annotator" not in notice and "File >" not in notice  # each face adds its own advice
        assert proj.counts()["spans"] == 40  # what is still readable is read
        before = path.read_bytes()
        for write in (lambda: proj.team.add("bob"), lambda: proj.meta.set("name", "x"),
                      lambda: proj.documents.add([Document(text="New article.")])):
            with pytest.raises(StorageFailure, match="is damaged, so nothing can be changed") as refused:
                write()
            assert refused.value.kind == "damaged" and refused.value.path == str(path)
            assert "annotator" not in str(refused.value)
    assert path.read_bytes() == before


def test_the_cli_refuses_writes_to_a_damaged_project_in_one_line_and_still_reads(tmp_path):
    path = damaged_project(tmp_path)
    runner = CliRunner()
    added = runner.invoke(cli, ["annotators", str(path), "add", "bob"])
    assert added.exit_code == 1 and added.exception is None or isinstance(added.exception, SystemExit)
    assert "is damaged" in added.output and "annotator restore" in added.output
    assert "Traceback" not in added.output
    listed = runner.invoke(cli, ["annotators", str(path)])
    assert "ana" in listed.output and "is damaged" in listed.output  # reads work, with the one notice
    assert f"annotator restore {path} 1" in listed.output  # ... and the command line's advice
    info = runner.invoke(cli, ["info", str(path)])
    assert "Traceback" not in info.output and info.output.count("\n") >= 1
    assert info.exit_code in (0, 1)
    if info.exit_code == 1:  # a read that meets the damaged page: one line, not a traceback
        assert info.output.strip().splitlines()[-1].startswith("Error:")


def test_a_file_with_our_application_id_but_no_tables_is_refused_in_one_line(tmp_path):
    path = tmp_path / "empty.framing"
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="no project tables"):
        Project.open(path)
    result = CliRunner().invoke(cli, ["info", str(path)])
    assert result.exit_code == 1 and "no project tables" in result.output and "Traceback" not in result.output


def test_a_pipe_named_like_a_project_is_refused_at_once(tmp_path):
    fifo = tmp_path / "x.framing"
    os.mkfifo(fifo)
    outcome: dict[str, object] = {}

    def run() -> None:
        outcome["result"] = CliRunner().invoke(cli, ["info", str(fifo)])

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "wb"):
            pass
        worker.join(5)
        pytest.fail("info waited on a pipe")
    result = outcome["result"]
    assert result.exit_code == 1 and "not a file but a pipe" in result.output


def test_a_device_is_refused(tmp_path):
    with pytest.raises(ProjectError, match="not a file"):
        Project.open(Path("/dev/null"))


def test_a_read_only_file_opens_for_reading_and_refuses_writes_in_one_line(tmp_path):
    path = sound_project(tmp_path / "p.framing", documents=3)
    with read_only(path):
        with Project.open(path) as proj:
            assert proj.read_only and not proj.state.damaged
            assert proj.counts()["documents"] == 3
            with pytest.raises(ProjectError, match="is read-only"):
                proj.team.add("bob")
        runner = CliRunner()
        info = runner.invoke(cli, ["info", str(path)])
        assert info.exit_code == 0 and "Documents:       3" in info.output
        added = runner.invoke(cli, ["annotators", str(path), "add", "bob"])
        assert added.exit_code == 1 and "is read-only" in added.output and "Traceback" not in added.output
        exported = runner.invoke(cli, ["export", str(path), "--format", "csv", "-o", str(tmp_path / "out.csv")])
        assert exported.exit_code == 0, exported.output


def test_a_project_in_a_read_only_folder_opens_for_reading(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = sound_project(folder / "p.framing", documents=3)
    with read_only(folder):
        with Project.open(path) as proj:
            assert proj.read_only
            assert proj.counts()["spans"] == 3
            assert [a.name for a in proj.team.annotators()] == ["ana"]
        result = CliRunner().invoke(cli, ["agreement", str(path)])
        assert "is damaged" not in result.output and "Traceback" not in result.output


def test_a_write_sqlite_refuses_becomes_our_error_not_a_crash(tmp_path):
    """Even a write that gets past the open checks (a file made read-only while open) is one line."""
    path = sound_project(tmp_path / "p.framing", documents=2)
    with Project.open(path, backup=False) as proj:
        proj.db.conn.execute("PRAGMA query_only = ON")  # SQLite now answers like a read-only file
        with pytest.raises(ProjectError, match="read-only"):
            proj.team.add("bob")
