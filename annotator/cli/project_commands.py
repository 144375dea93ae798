"""Project commands: init, info, annotators, gui."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, reports_errors
from annotator.core.errors import ProjectError
from annotator.io.codebook_files import list_presets, load_preset
from annotator.store import Project

DEFAULT_PRESET = "framing-devices"


@click.command()
@project_argument
@click.option("--codebook", "preset", default=DEFAULT_PRESET, show_default=True,
              help="Codebook preset to start from (see `annotator codebooks`).")
@click.option("--name", default=None, help="Project name (default: the file name).")
@reports_errors
def init(project: Path, preset: str, name: str | None) -> None:
    """Create a new project file PROJECT with a codebook preset."""
    if preset not in list_presets():
        raise ProjectError(
            f"unknown codebook preset {preset!r}; choose one of: {', '.join(sorted(list_presets()))}"
        )
    book = load_preset(preset)
    with Project.create(project, name=name) as proj:
        proj.codebook.install(book)
        click.echo(f"Created {project} with codebook {book.name!r} ({len(book.labels)} labels and questions).")


@click.command()
@project_argument
@reports_errors
def info(project: Path) -> None:
    """Show what PROJECT holds: documents, annotators, spans, labels."""
    with open_project(project, read_only=True) as proj:
        counts = proj.counts()
        click.echo(f"Project:         {proj.name}")
        click.echo(f"File:            {project}")
        click.echo(f"Schema version:  {proj.schema_version}")
        click.echo(f"Codebook:        {proj.codebook.current().name} (version {proj.codebook.version()})")
        click.echo(f"Documents:       {counts['documents']}")
        click.echo(f"Annotators:      {counts['annotators']}")
        click.echo(f"Spans:           {counts['spans']}")
        click.echo(f"Labels:          {counts['labels']}")
        click.echo(f"Document labels: {counts['document_labels']}")


@click.group(invoke_without_command=True)
@project_argument
@click.pass_context
@reports_errors
def annotators(ctx: click.Context, project: Path) -> None:
    """List PROJECT's annotators, or add one with `annotators PROJECT add NAME`."""
    ctx.obj = project
    if ctx.invoked_subcommand is None:
        with open_project(project, read_only=True) as proj:
            people = proj.team.people()  # the gold standard is adjudication's, not a person's
            if not people:
                click.echo("No annotators yet.")
            for person in people:
                click.echo(f"{person.name}\t{person.role}")


@annotators.command("add")
@click.argument("name")
@click.option("--lead", is_flag=True, help="Give this annotator the project lead's role.")
@click.pass_obj
@reports_errors
def annotators_add(project: Path, name: str, lead: bool) -> None:
    """Add annotator NAME to the project."""
    with open_project(project) as proj:
        change = proj.team.add(name, role="lead" if lead else "annotator")
        click.echo(f"Added annotator {name}." if change else f"Annotator {name} exists already.")


@click.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
def gui(project: Path | None) -> None:
    """Open the desktop app, on PROJECT or on the demo project."""
    from annotator.gui.app import run_app

    raise SystemExit(run_app(project))
