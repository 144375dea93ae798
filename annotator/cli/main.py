"""The `annotator` command group. Each subcommand lives in its own module, imported only when it runs,
so that `annotator --help` answers at once (tests/cli/test_project_commands.py checks the short helps)."""

from __future__ import annotations

import click

from annotator import __version__
from annotator.cli.lazy import LazyCommand, LazyGroup

COMMANDS = {
    'adjudicate': LazyCommand(lambda: __import__("annotator.cli.adjudicate_commands", fromlist=["adjudicate"]).adjudicate,
        "Build PROJECT's gold standard: accept agreed spans and answers, list open disagreements, export gold."),
    'agreement': LazyCommand(lambda: __import__("annotator.cli.agreement_commands", fromlist=["agreement"]).agreement,
        "Measure how far PROJECT's annotators agree, on questions and on spans."),
    'annotators': LazyCommand(lambda: __import__("annotator.cli.project_commands", fromlist=["annotators"]).annotators,
        "List PROJECT's annotators, or add one with `annotators PROJECT add NAME`."),
    'assign': LazyCommand(lambda: __import__("annotator.cli.team_commands", fromlist=["assign"]).assign,
        'Assign DOCUMENTS (ids or unique id prefixes) to an annotator, or plan with --auto N.'),
    'backups': LazyCommand(lambda: __import__("annotator.cli.backup_commands", fromlist=["list_backups"]).list_backups,
        "List PROJECT's backups, newest first (one is made automatically when the project is opened)."),
    'blind': LazyCommand(lambda: __import__("annotator.cli.team_commands", fromlist=["blind"]).blind,
        'Turn blind coding on or off (annotators see only their own work); without STATE, show it.'),
    'codebook': LazyCommand(lambda: __import__("annotator.cli.codebook_commands", fromlist=["codebook"]).codebook,
        "Show PROJECT's codebook, or export, import it or list its history."),
    'codebooks': LazyCommand(lambda: __import__("annotator.cli.codebook_commands", fromlist=["codebooks"]).codebooks,
        'List the codebook presets that ship with the app (use an id with `init --codebook`).'),
    'copy': LazyCommand(lambda: __import__("annotator.cli.backup_commands", fromlist=["copy_project"]).copy_project,
        'Write one complete copy of PROJECT to OUTPUT, a single file to send or archive.'),
    'export': LazyCommand(lambda: __import__("annotator.cli.export_commands", fromlist=["export"]).export,
        "Export PROJECT's annotations as a dataset or for another tool."),
    'gui': LazyCommand(lambda: __import__("annotator.cli.project_commands", fromlist=["gui"]).gui,
        'Open the desktop app, on PROJECT or on the demo project.'),
    'import': LazyCommand(lambda: __import__("annotator.cli.import_commands", fromlist=["import_command"]).import_command,
        'Import articles from PATHS (files or folders) into PROJECT.'),
    'info': LazyCommand(lambda: __import__("annotator.cli.project_commands", fromlist=["info"]).info,
        'Show what PROJECT holds: documents, annotators, spans, labels.'),
    'init': LazyCommand(lambda: __import__("annotator.cli.project_commands", fromlist=["init"]).init,
        'Create a new project file PROJECT with a codebook preset.'),
    'loaded-terms': LazyCommand(lambda: __import__("annotator.cli.suggest_commands", fromlist=["loaded_terms"]).loaded_terms,
        "List PROJECT's own loaded terms; `add TERM` or `remove TERM` to change the list."),
    'merge': LazyCommand(lambda: __import__("annotator.cli.team_commands", fromlist=["merge"]).merge,
        "Merge annotators' files (packages) SOURCES into project TARGET and print a report per file."),
    'package': LazyCommand(lambda: __import__("annotator.cli.team_commands", fromlist=["package"]).package,
        'Write a package for one annotator: their documents, the codebook and their work so far.'),
    'progress': LazyCommand(lambda: __import__("annotator.cli.team_commands", fromlist=["progress"]).progress,
        'Show who has done what: documents x annotators (todo / busy = in progress / done) and totals.'),
    'recommend': LazyCommand(lambda: __import__("annotator.cli.recommend_commands", fromlist=["recommend"]).recommend,
        'Show what the trained model proposes in PROJECT, or apply what it is sure of.'),
    'restore': LazyCommand(lambda: __import__("annotator.cli.backup_commands", fromlist=["restore"]).restore,
        'Replace PROJECT by BACKUP (a number from `annotator backups PROJECT`, or a backup file).'),
    'suggest': LazyCommand(lambda: __import__("annotator.cli.suggest_commands", fromlist=["suggest"]).suggest,
        'Count the framing devices the app suggests in PROJECT, or accept/reject one kind in batch.'),
    'train': LazyCommand(lambda: __import__("annotator.cli.recommend_commands", fromlist=["train"]).train,
        "Train the model on PROJECT's annotations and store it in the project file."),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Framing Annotator: annotate how news articles frame events.

    Create a project, import articles, annotate them in the app, measure agreement and
    export datasets. Run `annotator COMMAND --help` for the details of one command.
    """
