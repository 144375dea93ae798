"""A click group whose subcommands are imported only when run, so `annotator --help` starts at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import click


@dataclass(frozen=True)
class LazyCommand:
    """How to load a subcommand and its one-line help (checked against the command's own by a test)."""

    load: Callable[[], click.Command]
    short_help: str


class LazyGroup(click.Group):
    """Lists its subcommands from `lazy` without importing them; imports one when it is invoked."""

    def __init__(self, *args, lazy: dict[str, LazyCommand] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            self.add_command(self.lazy[name].load(), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy and name not in self.commands:
                rows.append((name, self.lazy[name].short_help))
            else:
                command = self.get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit=formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
