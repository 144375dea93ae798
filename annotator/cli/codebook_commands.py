"""Codebook commands: list the presets, show, export and import a project's codebook, its history."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, reports_errors
from annotator.core.codebook import Codebook
from annotator.core.codebook_tree import tree_order
from annotator.io.codebook_files import list_presets, load_codebook, load_preset, save_codebook


@click.command()
@reports_errors
def codebooks() -> None:
    """List the codebook presets that ship with the app (use an id with `init --codebook`)."""
    for preset_id in sorted(list_presets()):
        book = load_preset(preset_id)
        click.echo(f"{preset_id:22} {book.name}  ({len(book.span_labels)} span labels, "
                   f"{len(book.questions)} questions, {len(book.attributes)} attributes)")


def _depth(book: Codebook, label_id: str) -> int:
    by_id = {label.id: label for label in book.labels}
    depth, node = 0, by_id[label_id]
    while node.parent and node.parent in by_id and depth < len(by_id):
        depth, node = depth + 1, by_id[node.parent]
    return depth


@click.group(invoke_without_command=True)
@project_argument
@click.pass_context
@reports_errors
def codebook(ctx: click.Context, project: Path) -> None:
    """Show PROJECT's codebook, or export, import it or list its history.

    \b
    annotator codebook PROJECT                 the label tree, shortcuts and questions
    annotator codebook PROJECT export FILE     write the codebook as JSON
    annotator codebook PROJECT import FILE     merge a codebook file (or a preset id) by label id
    annotator codebook PROJECT history         every recorded change, by version
    """
    ctx.obj = project
    if ctx.invoked_subcommand is not None:
        return
    with open_project(project, read_only=True) as proj:
        book = proj.codebook.current()
        click.echo(f"{book.name} (codebook version {book.version})")
        for label in tree_order(book.labels):
            indent = "  " * (_depth(book, label.id) + 1)
            key = f" [{label.shortcut}]" if label.shortcut else ""
            kind = "question: " if label.kind == "document" else ""
            retired = "  (retired)" if label.retired else ""
            click.echo(f"{indent}{kind}{label.name}{key}  {label.id}{retired}")
        for attr in book.attributes:
            click.echo(f"  attribute: {attr.name} ({attr.type})  {attr.id}")


@codebook.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
@reports_errors
def codebook_export(project: Path, file: Path) -> None:
    """Write the project's codebook, retired labels included, to FILE (JSON)."""
    with open_project(project, read_only=True) as proj:
        book = proj.codebook.current()
    save_codebook(book, file)
    click.echo(f"Wrote {len(book.labels)} labels and questions (codebook version {book.version}) to {file}.")


@codebook.command("import")
@click.argument("file")
@click.option("--dry-run", is_flag=True, help="Only report what the import would do; change nothing.")
@click.pass_obj
@reports_errors
def codebook_import(project: Path, file: str, dry_run: bool) -> None:
    """Import the codebook in FILE (a JSON file, or a preset id) into the project.

    Labels are matched by id: new ones are added, changed ones take the file's names,
    colours, shortcuts and descriptions, and labels the file lacks stay in the project,
    so no annotation is ever deleted or orphaned. Prints what is new, changed and missing.
    """
    path = Path(file)
    book = load_preset(file) if not path.exists() and file in list_presets() else load_codebook(path)
    for warning in book.warnings:
        click.echo(f"warning: {warning}", err=True)
    with open_project(project) as proj:
        if dry_run:
            report = proj.codebook.preview_import(book)
        else:
            report = proj.codebook.import_book(book).details["report"]
    click.echo(("Would import " if dry_run else "Imported ") + f"{book.name}: " + report.summary()[0])
    for line in report.summary()[1:]:
        click.echo(line)


@codebook.command("history")
@click.pass_obj
@reports_errors
def codebook_history(project: Path) -> None:
    """List every recorded change of the codebook, oldest first."""
    with open_project(project, read_only=True) as proj:
        for entry in proj.codebook.history():
            click.echo(f"{entry['version']:>4}  {entry['time'][:19]}  {entry['change']}")
