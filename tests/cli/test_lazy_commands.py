"""`annotator --help` answers without importing the commands; the short helps it lists are the commands' own."""

from __future__ import annotations

import subprocess
import sys

import click

from annotator.cli.main import COMMANDS, cli


def test_the_listed_short_helps_are_the_commands_own():
    ctx = click.Context(cli)
    for name, entry in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert entry.short_help == command.get_short_help_str(limit=200), name


def test_help_imports_no_command_module():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom annotator.cli.main import cli\n"
            "result = CliRunner().invoke(cli, ['--help'])\nassert result.exit_code == 0, result.output\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('annotator.') and m not in "
            "('annotator.cli', 'annotator.cli.main', 'annotator.cli.lazy'))\nprint(loaded)\n"
            "print('sqlite_utils' in sys.modules, 'lxml' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "False False False"]


def test_a_command_still_runs_after_the_lazy_listing(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.framing")])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["info", str(tmp_path / "p.framing")]).exit_code == 0
