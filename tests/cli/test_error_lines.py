"""Command-line errors are one line naming the file when there is one, and writes say whose work they are."""

from __future__ import annotations

import errno

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.services import identity
from annotator.store import Project


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_full_disk_without_a_file_name_prints_no_empty_name(tmp_path, monkeypatch):
    project = tmp_path / "p.framing"
    run("init", project)

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("annotator.cli.export_commands.export_project", full_disk)
    result = run("export", project, "--format", "csv", "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: the disk is full (no space left on device); free some space and try again"


def test_a_full_disk_with_a_file_name_names_it(tmp_path, monkeypatch):
    project = tmp_path / "p.framing"
    run("init", project)

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out.csv"))

    monkeypatch.setattr("annotator.cli.export_commands.export_project", full_disk)
    result = run("export", project, "--format", "csv", "-o", tmp_path / "out.csv")
    assert result.output.strip() == (f"Error: {tmp_path / 'out.csv'}: the disk is full (no space left on device); "
                                     "free some space and try again")


def test_gold_and_root_are_no_ones_names(tmp_path):
    project = tmp_path / "p.framing"
    run("init", project)
    for name in ("gold", "GOLD", " gold "):
        result = run("annotators", project, "add", name)
        assert result.exit_code == 1 and "reserved for the gold standard" in result.output
    result = run("suggest", project, "-a", "root")
    assert result.exit_code == 1 and "computer account" in result.output
    with Project.open(project, backup=False) as proj:
        assert proj.team.annotators() == []


def test_writing_commands_record_under_the_given_or_remembered_name_never_the_login(tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("LOGNAME", "root")
    project = tmp_path / "p.framing"
    run("init", project)
    page = tmp_path / "a.jsonl"
    page.write_text('{"text": "Le ministre affirme tout.", "label": [[3, 11, "Naming"]]}\n', encoding="utf-8")
    refused = run("import", project, page)
    assert refused.exit_code == 1 and "--annotator NAME" in refused.output  # a file that names nobody
    plain = tmp_path / "b.txt"
    plain.write_text("Un article sans annotations.", encoding="utf-8")
    assert run("import", project, plain).exit_code == 0  # articles alone need no name
    asked = run("suggest", project, "--apply", "hedge")
    assert asked.exit_code == 1 and "whose work is this?" in asked.output and "-a NAME" in asked.output
    with Project.open(project, backup=False) as proj:
        identity.remember(proj.project_id, "Ana Lima")
    assert run("import", project, page).exit_code == 0
    with Project.open(project, backup=False) as proj:
        assert [a.name for a in proj.team.annotators()] == ["Ana Lima"]
        assert "root" not in [a.name for a in proj.team.annotators()]
