"""The CLI's project commands through click's CliRunner, and the rule that every command has help."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.io.codebook_files import load_preset
from annotator.store import Project


def all_commands(group: click.Group, prefix=()):
    """Every command and subcommand, loading lazy ones (the group lists them without importing them)."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


def test_the_walk_sees_every_command():
    names = {path[0] for path, _ in all_commands(cli)}
    assert {"init", "import", "export", "agreement", "merge", "suggest", "codebook"} <= names


def test_every_command_has_help_text():
    missing = [" ".join(path) for path, command in all_commands(cli) if not (command.help or "").strip()]
    assert not missing, f"commands without help: {missing}"


def test_every_option_has_help_text():
    missing = []
    for path, command in all_commands(cli):
        for param in command.params:
            if isinstance(param, click.Option) and not param.help and param.name != "help":
                missing.append(f"{' '.join(path)} {param.opts[0]}")
    assert not missing, f"options without help: {missing}"


def test_help_detector_sees_a_command_without_help():
    @click.group()
    def group():
        """Group."""

    @group.command()
    def bare():
        pass

    assert [p for p, c in all_commands(group) if not (c.help or "").strip()] == [("bare",)]


def test_init_info_and_annotators(tmp_path):
    runner = CliRunner()
    path = tmp_path / "study.framing"
    result = runner.invoke(cli, ["init", str(path)])
    assert result.exit_code == 0, result.output
    assert "Framing devices" in result.output
    result = runner.invoke(cli, ["annotators", str(path), "add", "Alice"])
    assert result.exit_code == 0 and "Added annotator Alice" in result.output
    result = runner.invoke(cli, ["annotators", str(path), "add", "Alice"])
    assert "exists already" in result.output
    result = runner.invoke(cli, ["annotators", str(path)])
    assert result.output.strip() == "Alice\tannotator"
    result = runner.invoke(cli, ["info", str(path)])
    assert result.exit_code == 0
    assert "Documents:       0" in result.output and "Annotators:      1" in result.output
    expected = len([label for label in load_preset("framing-devices").labels if not label.retired])
    assert f"Labels:          {expected}" in result.output
    with Project.open(path) as project:
        assert [a.name for a in project.team.annotators()] == ["Alice"]


def test_init_with_another_preset(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.framing"), "--codebook", "policy-frames"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args,needle", [
    (["info", "{missing}"], "no such project file"),
    (["info", "{text}"], "not a Framing Annotator project"),
    (["init", "{text}"], "exists already"),
    (["init", "{new}", "--codebook", "nope"], "unknown codebook preset"),
])
def test_errors_are_one_line_and_non_zero(tmp_path, args, needle):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    names = {"missing": tmp_path / "missing.framing", "text": text, "new": tmp_path / "new.framing"}
    args = [a.format(**{k: str(v) for k, v in names.items()}) for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert needle in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_codebooks_lists_presets():
    result = CliRunner().invoke(cli, ["codebooks"])
    assert result.exit_code == 0 and "framing-devices" in result.output
