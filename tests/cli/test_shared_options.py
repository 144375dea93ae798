"""Options shared by several commands come from annotator.cli.options, so each has one meaning everywhere."""

from __future__ import annotations

import click
import pytest

from annotator.cli import options
from annotator.cli.main import cli


def _commands(group: click.Group, prefix: str = ""):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


def _shared_helps(flag: str) -> set[str]:
    """The help texts the shared decorators give `flag`."""
    helps = set()
    made = [options.recorded_under(options.REMEMBERED_NAME), options.recorded_under(options.FILE_THEN_REMEMBERED_NAME),
            options.whose_work, options.assignee, options.assignees, options.label_family, options.label_filter,
            options.with_gold, options.done_only, options.acting_as]
    for decorator in made:
        command = decorator(click.command()(lambda **kw: None))
        helps |= {p.help for p in command.params if flag in getattr(p, "opts", [])}
    return helps


@pytest.mark.parametrize("flag", ["--annotator", "--gold", "--done-only", "--as"])
def test_every_command_takes_the_shared_option(flag):
    allowed = _shared_helps(flag)
    seen = []
    for name, command in _commands(cli):
        for param in command.params:
            if flag in getattr(param, "opts", []):
                seen.append(name)
                assert param.help in allowed, f"`annotator {name}` defines its own {flag}: {param.help!r}"
    assert seen, flag


def test_an_annotator_selection_means_the_same_in_every_command():
    meanings = {}
    for name, command in _commands(cli):
        for param in command.params:
            if "--annotator" in getattr(param, "opts", []):
                meanings.setdefault(param.help, []).append(name)
    assert len(meanings) <= 5 and any(set(names) >= {"agreement", "export", "progress"} for names in meanings.values())
