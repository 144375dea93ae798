"""The `annotator` command group. Each subcommand lives in its own module, imported only when it runs,
so that `annotator --help` answers at once (tests/cli/test_project_commands.py checks the short helps)."""

from __future__ import annotations

import click

from annotator import __version__
from annotator.cli.lazy import LazyCommand, LazyGroup

COMMANDS = {
    'agreement': LazyCommand("annotator.cli.agreement_commands", "agreement",
                     "Measure how far PROJECT's annotators agree, on questions and on spans."),
    'annotators': LazyCommand("annotator.cli.project_commands", "annotators",
                     "List PROJECT's annotators, or add one with `annotators PROJECT add NAME`."),
    'assign': LazyCommand("annotator.cli.team_commands", "assign",
                     'Assign DOCUMENTS (ids or unique id prefixes) to an annotator, or plan with --auto N.'),
    'backups': LazyCommand("annotator.cli.backup_commands", "list_backups",
                     "List PROJECT's backups, newest first (one is made automatically when the project is opened)."),
    'blind': LazyCommand("annotator.cli.team_commands", "blind",
                     'Turn blind coding on or off (annotators see only their own work); without STATE, show it.'),
    'codebook': LazyCommand("annotator.cli.codebook_commands", "codebook",
                     "Show PROJECT's codebook, or export, import it or list its history."),
    'codebooks': LazyCommand("annotator.cli.codebook_commands", "codebooks",
                     'List the codebook presets that ship with the app (use an id with `init --codebook`).'),
    'export': LazyCommand("annotator.cli.export_commands", "export",
                     "Export PROJECT's annotations as a dataset or for another tool."),
    'gui': LazyCommand("annotator.cli.project_commands", "gui",
                     'Open the desktop app, on PROJECT or on the demo project.'),
    'import': LazyCommand("annotator.cli.import_commands", "import_command",
                     'Import articles from PATHS (files or folders) into PROJECT.'),
    'info': LazyCommand("annotator.cli.project_commands", "info",
                     'Show what PROJECT holds: documents, annotators, spans, labels.'),
    'init': LazyCommand("annotator.cli.project_commands", "init",
                     'Create a new project file PROJECT with a codebook preset.'),
    'loaded-terms': LazyCommand("annotator.cli.suggest_commands", "loaded_terms",
                     "List PROJECT's own loaded terms; `add TERM` or `remove TERM` to change the list."),
    'merge': LazyCommand("annotator.cli.team_commands", "merge",
                     "Merge annotators' files (packages) SOURCES into project TARGET and print a report per file."),
    'package': LazyCommand("annotator.cli.team_commands", "package",
                     'Write a package for one annotator: their documents, the codebook and their work so far.'),
    'progress': LazyCommand("annotator.cli.team_commands", "progress",
                     'Show who has done what: documents x annotators (todo / busy = in progress / done) and totals.'),
    'restore': LazyCommand("annotator.cli.backup_commands", "restore",
                     'Replace PROJECT by BACKUP (a number from `annotator backups PROJECT`, or a backup file).'),
    'suggest': LazyCommand("annotator.cli.suggest_commands", "suggest",
                     'Count the framing devices the app suggests in PROJECT, or accept/reject one kind in batch.'),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Framing Annotator: annotate how news articles frame events.

    Create a project, import articles, annotate them in the app, measure agreement and
    export datasets. Run `annotator COMMAND --help` for the details of one command.
    """
