"""Reading commands run under a person's identity (--as, else the name remembered for the project): under
blind coding a coder gets only their own work from export, progress and package, agreement is the lead's."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.services.identity import remember
from annotator.store import Project
from tests.store.test_blind_coding import team_file  # noqa: F401 - the fixture


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert (result.exit_code == 0) is ok, result.output
    assert "Traceback" not in result.output
    return result


def exported_annotators(path) -> set[str]:
    with open(path, encoding="utf-8") as handle:
        return {row["annotator"] for row in csv.DictReader(handle)}


def test_export_as_a_coder_holds_only_their_work(team_file, tmp_path):  # noqa: F811
    out = tmp_path / "sam.csv"
    run("export", team_file, "-f", "csv", "-o", out, "--as", "sam")
    assert exported_annotators(out) == {"sam"}
    refused = run("export", team_file, "-f", "csv", "-o", tmp_path / "x.csv", "--as", "sam", "-a", "noor", ok=False)
    assert "coding is blind in this project: sam sees only their own work, not noor's work" in refused.output
    assert "gold standard" in run("export", team_file, "-f", "csv", "-o", tmp_path / "g.csv", "--as", "sam",
                                  "--gold", ok=False).output
    run("export", team_file, "-f", "csv", "-o", tmp_path / "lea.csv", "--as", "lea", "--gold", "-a", "sam", "-a", "noor")
    assert exported_annotators(tmp_path / "lea.csv") == {"sam", "noor", "gold"}


@pytest.mark.parametrize("command", [["export", "-f", "csv", "-o", "none.csv"], ["progress"], ["agreement"],
                                     ["package", "-a", "sam", "-o", "sam.framing"]])
def test_without_a_name_a_blind_project_refuses_and_says_how_to_name_oneself(team_file, tmp_path, command):  # noqa: F811
    args = [tmp_path / a if a.endswith((".csv", ".framing")) else a for a in command[1:]]
    refused = run(command[0], team_file, *args, ok=False)
    assert refused.exit_code == 1
    assert "coding is blind in this project" in refused.output and "say who you are with --as NAME" in refused.output
    assert not (tmp_path / "none.csv").exists() and not (tmp_path / "sam.framing").exists()


def test_without_blind_coding_no_name_is_needed(team_file, tmp_path):  # noqa: F811
    with Project.open(team_file, backup=False) as project:
        project.team.set_blind_coding(False, by="lea")
    run("export", team_file, "-f", "csv", "-o", tmp_path / "all.csv")
    assert exported_annotators(tmp_path / "all.csv") == {"sam", "noor"}
    assert "sam: 1 assigned" in run("progress", team_file).output


def test_the_remembered_name_is_the_default(team_file, tmp_path):  # noqa: F811
    with Project.open(team_file, backup=False) as project:
        remember(project.project_id, "noor")
    out = tmp_path / "noor.csv"
    run("export", team_file, "-f", "csv", "-o", out)
    assert exported_annotators(out) == {"noor"}
    run("export", team_file, "-f", "csv", "-o", tmp_path / "lea.csv", "--as", "lea")
    assert exported_annotators(tmp_path / "lea.csv") == {"sam", "noor"}


def test_an_unknown_name_is_refused(team_file, tmp_path):  # noqa: F811
    assert "unknown annotator 'sma'" in run("progress", team_file, "--as", "sma", ok=False).output


def test_agreement_is_the_leads(team_file):  # noqa: F811
    refused = run("agreement", team_file, "--as", "sam", ok=False)
    assert "only the lead" in refused.output
    report = json.loads(run("agreement", team_file, "--as", "lea", "--json", "--resamples", "0").output)
    assert report["annotators"] == ["sam", "noor"]


def test_progress_as_a_coder_shows_their_column_only(team_file):  # noqa: F811
    mine = run("progress", team_file, "--as", "sam").output
    assert "sam: 1 assigned" in mine and "noor" not in mine
    assert "noor: 1 assigned" in run("progress", team_file, "--as", "lea").output
    assert "not noor's work" in run("progress", team_file, "--as", "sam", "-a", "noor", ok=False).output


def test_a_coder_cannot_package_another_coders_work(team_file, tmp_path):  # noqa: F811
    refused = run("package", team_file, "-a", "noor", "-o", tmp_path / "noor.framing", "--as", "sam", ok=False)
    assert "not noor's work" in refused.output and not (tmp_path / "noor.framing").exists()
    run("package", team_file, "-a", "noor", "-o", tmp_path / "noor.framing", "--as", "lea")


@pytest.mark.parametrize("command", ["export", "agreement", "progress", "package"])
def test_reading_commands_take_as(command):
    assert "--as NAME" in run(command, "--help").output
