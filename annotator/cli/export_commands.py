"""The export command: datasets (CSV, Excel, Parquet, JSONL, CoNLL) and exchange formats (brat, REFI-QDA,
Label Studio, doccano)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_as, project_argument, reports_errors
from annotator.cli.options import acting_as, done_only, label_family, whose_work, with_gold
from annotator.services.exporting import FORMATS, TABLES, export_project


@click.command("export")
@project_argument
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS, case_sensitive=False), required=True,
              help="csv (a table: -o x.csv, x.tsv or x.xlsx), parquet (a folder of typed tables, or one "
                   "table to x.parquet), jsonl (doccano-style lines, the whole project for re-import), "
                   "brat (a folder), conll (BIO tags), qdpx (REFI-QDA project), qdc (REFI-QDA codebook "
                   "only) or label-studio (tasks for Label Studio).")
@click.option("--output", "-o", "out", type=click.Path(path_type=Path), required=True,
              help="File to write, exactly there (a folder for brat, parquet and --per-annotator). "
                   "It appears only once complete.")
@whose_work
@with_gold
@label_family
@done_only
@click.option("--excel", is_flag=True,
              help="CSV for spreadsheets: BOM and formula-like cells neutralised (or write -o x.xlsx).")
@click.option("--table", type=click.Choice(TABLES), default=None,
              help="Which table of a CSV, Excel or Parquet export: spans (the default), documents or "
                   "document-labels.")
@click.option("--per-annotator", is_flag=True,
              help="JSONL: a folder with one file per annotator, as doccano keeps them (import each "
                   "file into doccano as that user).")
@acting_as
@reports_errors
def export(project: Path, fmt: str, out: Path, annotators: tuple[str, ...], gold: bool,
           labels: tuple[str, ...], done_only: bool, excel: bool, table: str | None, per_annotator: bool,
           acting_as: str | None) -> None:
    """Export PROJECT's annotations as a dataset or for another tool.

    Under blind coding a coder exports only their own work; the lead, everyone's and the gold standard.
    """
    with open_as(project, acting_as) as proj:
        report = export_project(
            proj, fmt, out, annotators=list(annotators) or None, gold=gold,
            labels=list(labels) or None, done_only=done_only, excel=excel, table=table,
            per_annotator=per_annotator,
        )
    click.echo(report.summary())
    for note in report.notes:
        click.echo(note)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
