"""The `annotator` command group; each subcommand lives in its own module."""

from __future__ import annotations

import click

from annotator import __version__
from annotator.cli import codebook_commands, export_commands, import_commands, project_commands
from annotator.cli import team_commands
from annotator.cli import agreement_commands
from annotator.cli import backup_commands
from annotator.cli import suggest_commands
from annotator.cli import adjudicate_commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Framing Annotator: annotate how news articles frame events.

    Create a project, import articles, annotate them in the app, measure agreement and
    export datasets. Run `annotator COMMAND --help` for the details of one command.
    """


project_commands.register(cli)
import_commands.register(cli)
export_commands.register(cli)
codebook_commands.register(cli)
team_commands.register(cli)
agreement_commands.register(cli)
backup_commands.register(cli)
suggest_commands.register(cli)
adjudicate_commands.register(cli)
