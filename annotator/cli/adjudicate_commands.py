"""The `adjudicate` command: build the gold standard from the command line (accept what enough coders agree
on, list what is still open, mark documents settled, export the gold standard)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import click

from annotator.cli.common import open_as, project_argument, reports_errors, require_lead
from annotator.cli.options import acting_as, done_only, label_filter, whose_work
from annotator.core.errors import NotPermitted, ProjectError
from annotator.core.wording import counted
from annotator.services.exporting import FORMATS, TABLES, export_project

THRESHOLD_WORDS = {"all": 1.0, "two-thirds": 2 / 3, "half": 0.5}


def parse_threshold(text: str) -> float:
    """'all', 'two-thirds', 'half', a fraction like 2/3 or a share like 0.67, as a share in (0, 1]."""
    text = text.strip().lower()
    if text in THRESHOLD_WORDS:
        return THRESHOLD_WORDS[text]
    try:
        value = float(Fraction(text))
    except (ValueError, ZeroDivisionError):
        raise ProjectError(f"threshold {text!r}: give all, two-thirds, half, a fraction like 2/3 or a share "
                           "like 0.67") from None
    if not 0 < value <= 1:
        raise ProjectError(f"threshold {text!r}: the share of a document's coders must be above 0 and at most 1")
    return value


def _curator(proj) -> str:
    """The person running the command, who must be allowed to build the gold standard."""
    return require_lead(proj, "builds the gold standard")


def _documents(proj, documents: tuple[str, ...]) -> list[str] | None:
    return proj.documents.resolve_ids(documents) if documents else None


@click.group()
@project_argument
@click.pass_context
def adjudicate(ctx: click.Context, project: Path) -> None:
    """Build PROJECT's gold standard: accept agreed spans and answers, list open disagreements, export gold.

    \b
    annotator adjudicate PROJECT accept-agreed --threshold 2/3   accept what two thirds of the coders agree on
    annotator adjudicate PROJECT open                           what is still to settle, per document
    annotator adjudicate PROJECT settle DOCUMENT...             mark documents settled (nothing left open)
    annotator adjudicate PROJECT export -f csv -o gold.csv      the gold standard as a dataset

    Only the project lead adjudicates (run with --as the lead's name, or as the name remembered here).
    """
    ctx.obj = project


@adjudicate.command("accept-agreed")
@click.argument("documents", nargs=-1)
@click.option("--threshold", default="all", show_default=True,
              help="Share of a document's coders who must agree: all, two-thirds, half, 2/3, 0.5...")
@click.option("--spans/--no-spans", default=True, show_default=True, help="Accept agreed spans.")
@click.option("--answers/--no-answers", default=True, show_default=True, help="Accept agreed answers.")
@whose_work
@label_filter
@done_only
@acting_as
@click.pass_obj
@reports_errors
def accept_agreed(project: Path, documents: tuple[str, ...], threshold: str, spans: bool, answers: bool,
                  annotators: tuple[str, ...], labels: tuple[str, ...], done_only: bool, acting_as: str | None) -> None:
    """Accept into gold every span (same start, end and label) and answer that at least THRESHOLD of a
    document's coders gave, in DOCUMENTS (ids or prefixes) or every document. What gold holds already stays."""
    share = parse_threshold(threshold)
    with open_as(project, acting_as, read_only=False) as proj:
        curator = _curator(proj)
        ids = _documents(proj, documents)
        people = list(annotators) or None
        if spans:
            change = proj.adjudication.accept_agreed_spans(ids, threshold=share, annotators=people,
                                                           labels=list(labels) or None, done_only=done_only,
                                                           curator=curator)
            click.echo(f"Spans: {change.details['accepted']} accepted into gold in "
                       f"{counted(len(change.documents), 'document')}, "
                       f"{change.details['already_in_gold']} already there.")
        if answers:
            change = proj.adjudication.accept_agreed_answers(ids, threshold=share, annotators=people,
                                                             questions=list(labels) or None, done_only=done_only)
            click.echo(f"Answers: {change.details['accepted']} accepted into gold in "
                       f"{counted(len(change.documents), 'document')}, "
                       f"{change.details['already_in_gold']} already there.")


@adjudicate.command("open")
@click.argument("documents", nargs=-1)
@whose_work
@label_filter
@done_only
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@acting_as
@click.pass_obj
@reports_errors
def open_disagreements(project: Path, documents: tuple[str, ...], annotators: tuple[str, ...],
                       labels: tuple[str, ...], done_only: bool, as_json: bool, acting_as: str | None) -> None:
    """List the disagreements the gold standard has not settled yet: spans not every coder marked alike,
    answers that differ. A document marked settled (`adjudicate PROJECT settle`) lists nothing."""
    with open_as(project, acting_as) as proj:
        visibility = proj.team.visibility()
        if not visibility.sees_everyone:
            raise NotPermitted(visibility.refusal())
        found = proj.adjudication.open_disagreements(_documents(proj, documents), list(annotators) or None,
                                                     list(labels) or None, done_only)
        names = {label.id: label.name for label in proj.codebook.labels()}
    if as_json:
        click.echo(json.dumps([vars(item) for item in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("Nothing open: every disagreement is settled in the gold standard.")
        return
    current = None
    for item in found:
        if item.document_id != current:
            current = item.document_id
            click.echo(f"{item.title or item.document_id[:12]}  ({item.document_id[:12]}; coders: "
                       f"{', '.join(item.coders)})")
        name = names.get(item.label, item.label)
        if item.kind == "span":
            click.echo(f"  span   {name}: {item.text[:60]!r} at {item.start}-{item.end}, marked by "
                       f"{', '.join(item.marked_by)}")
        else:
            given = "; ".join(f"{a}: {v}" for a, v in (item.answers or {}).items())
            click.echo(f"  answer {name}: {given}")
    documents_open = len({item.document_id for item in found})
    click.echo(f"{counted(len(found), 'open disagreement')} in {counted(documents_open, 'document')}.")


@adjudicate.command("settle")
@click.argument("documents", nargs=-1, required=True)
@click.option("--reopen", is_flag=True, help="Open the documents again instead.")
@acting_as
@click.pass_obj
@reports_errors
def settle(project: Path, documents: tuple[str, ...], reopen: bool, acting_as: str | None) -> None:
    """Mark DOCUMENTS (ids or prefixes) settled in the gold standard: what is not in gold was rejected."""
    with open_as(project, acting_as, read_only=False) as proj:
        _curator(proj)
        change = proj.adjudication.settle(proj.documents.resolve_ids(documents), settled=not reopen)
    click.echo(f"{counted(len(change.documents), 'document')} {'opened again' if reopen else 'settled'}.")


@adjudicate.command("export")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS, case_sensitive=False), required=True,
              help="As for `annotator export`: csv, jsonl, brat, conll, qdpx...")
@click.option("--output", "-o", "out", type=click.Path(path_type=Path), required=True,
              help="File to write (a folder for brat). It appears only once complete.")
@click.option("--table", type=click.Choice(TABLES), default="spans", show_default=True,
              help="Which CSV table: spans, documents or document-labels.")
@acting_as
@click.pass_obj
@reports_errors
def export_gold(project: Path, fmt: str, out: Path, table: str, acting_as: str | None) -> None:
    """Export the gold standard alone (annotator 'gold'), as `annotator export --gold` does."""
    with open_as(project, acting_as) as proj:
        report = export_project(proj, fmt, out, gold=True, table=table)
    click.echo(report.summary())
