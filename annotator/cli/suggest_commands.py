"""Suggestion commands: `suggest` (count pending suggestions, accept or reject a kind in batch) and `loaded-terms`."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, recording_name, reports_errors
from annotator.cli.options import REMEMBERED_NAME, recorded_under
from annotator.core.errors import ProjectError
from annotator.core.wording import counted
from annotator.services import suggestions
from annotator.suggest import KINDS, kind_labels


@click.command()
@project_argument
@click.option("--apply", "apply_kind", type=click.Choice(KINDS), default=None,
              help="Accept every pending suggestion of this kind (each becomes a span).")
@click.option("--reject", "reject_kind", type=click.Choice(KINDS), default=None,
              help="Reject every pending suggestion of this kind (never proposed again).")
@click.option("--label", "label_id", default=None,
              help="With --apply: the label to give the spans instead of the kind's codebook label.")
@click.option("--document", "document", default=None, help="Only this document (its id, or the start of it).")
@recorded_under(REMEMBERED_NAME)
@reports_errors
def suggest(project: Path, apply_kind: str | None, reject_kind: str | None, label_id: str | None,
            document: str | None, annotator_name: str | None) -> None:
    """Count the framing devices the app suggests in PROJECT, or accept/reject one kind in batch.

    Without --apply or --reject, lists how many suggestions of each kind are pending for the
    annotator (not yet accepted or rejected) and the codebook label each kind maps onto.
    """
    if apply_kind and reject_kind:
        raise ProjectError("use --apply or --reject, not both")
    if label_id and not apply_kind:
        raise ProjectError("--label goes with --apply")
    with open_project(project, read_only=not (apply_kind or reject_kind)) as proj:
        annotator = recording_name(proj, annotator_name)
        doc_ids = proj.documents.resolve_ids([document]) if document else proj.documents.ids()
        kind = apply_kind or reject_kind
        if kind is None:
            mapping = kind_labels(proj.codebook.labels())
            counts = suggestions.pending_counts(proj, annotator, doc_ids)
            click.echo(f"Pending suggestions for {annotator} in {counted(len(doc_ids), 'document')}:")
            click.echo(f"{'kind':26}{'label':26}{'pending':>8}")
            for name in KINDS:
                click.echo(f"{name:26}{mapping[name] or '(none)':26}{counts[name]:>8}")
            return
        label = suggestions.label_for_kind(proj, apply_kind, label_id) if apply_kind else None
        done = suggestions.decide_kind(proj, annotator, kind, doc_ids, accept_them=bool(apply_kind), label_id=label)
        verb = f"Accepted {counted(done, f'{apply_kind} suggestion')} as label {label!r}" if apply_kind \
            else f"Rejected {counted(done, f'{reject_kind} suggestion')}"
        click.echo(f"{verb} for {annotator} in {counted(len(doc_ids), 'document')}.")


@click.group("loaded-terms", invoke_without_command=True)
@project_argument
@click.pass_context
@reports_errors
def loaded_terms(ctx: click.Context, project: Path) -> None:
    """List PROJECT's own loaded terms; `add TERM` or `remove TERM` to change the list.

    Suggestions use the default list (resources/lexicons/loaded-terms.json) plus these terms;
    removing a default term switches it off for this project. A term ending in * is a prefix.
    """
    ctx.obj = project
    if ctx.invoked_subcommand is None:
        with open_project(project, read_only=True) as proj:
            added, removed = proj.suggestions.loaded_terms(), proj.suggestions.removed_loaded_terms()
            click.echo("Added: " + (", ".join(added) if added else "(none)"))
            click.echo("Switched off: " + (", ".join(removed) if removed else "(none)"))


@loaded_terms.command("add")
@click.argument("term")
@click.option("--language", default="", help="Language of the term (fr, en), for your records.")
@click.pass_obj
@reports_errors
def loaded_terms_add(project: Path, term: str, language: str) -> None:
    """Add TERM (a word, a phrase, or a prefix ending in *) to the project's loaded terms."""
    with open_project(project) as proj:
        proj.suggestions.add_loaded_term(term, language)
        click.echo(f"Added loaded term {term!r}.")


@loaded_terms.command("remove")
@click.argument("term")
@click.pass_obj
@reports_errors
def loaded_terms_remove(project: Path, term: str) -> None:
    """Stop suggesting TERM in this project (a project term or a default one)."""
    with open_project(project) as proj:
        proj.suggestions.remove_loaded_term(term)
        click.echo(f"Loaded term {term!r} is no longer suggested.")
