"""The export command: datasets (CSV, JSONL, CoNLL) and exchange formats (brat, REFI-QDA)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_as, project_argument, reports_errors
from annotator.cli.options import acting_as, done_only, label_family, whose_work, with_gold
from annotator.services.exporting import FORMATS, TABLES, export_project


@click.command("export")
@project_argument
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS, case_sensitive=False), required=True,
              help="csv (a table), jsonl (doccano-style lines), brat (a folder), conll (BIO tags), "
                   "qdpx (REFI-QDA project) or qdc (REFI-QDA codebook only).")
@click.option("--output", "-o", "out", type=click.Path(path_type=Path), required=True,
              help="File to write (a folder for brat). It appears only once complete.")
@whose_work
@with_gold
@label_family
@done_only
@click.option("--excel", is_flag=True,
              help="CSV for spreadsheets: BOM, formula-like cells neutralised, '-excel' in the name.")
@click.option("--table", type=click.Choice(TABLES), default="spans", show_default=True,
              help="Which CSV table: spans, documents or document-labels.")
@acting_as
@reports_errors
def export(project: Path, fmt: str, out: Path, annotators: tuple[str, ...], gold: bool,
           labels: tuple[str, ...], done_only: bool, excel: bool, table: str, acting_as: str | None) -> None:
    """Export PROJECT's annotations as a dataset or for another tool.

    Under blind coding a coder exports only their own work; the lead, everyone's and the gold standard.
    """
    with open_as(project, acting_as) as proj:
        report = export_project(
            proj, fmt, out, annotators=list(annotators) or None, gold=gold,
            labels=list(labels) or None, done_only=done_only, excel=excel, table=table,
        )
    click.echo(report.summary())
    for note in report.notes:
        click.echo(note)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)


def register(group: click.Group) -> None:
    group.add_command(export)
