"""Team commands: package, merge, assign, progress and blind (several annotators on one project)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.columns import display_width, fit
from annotator.cli.common import error_text, open_as, open_project, project_argument, remembered_name, reports_errors
from annotator.cli.options import acting_as, assignee, assignees, whose_work
from annotator.core.errors import AnnotatorError, NotPermitted, ProjectError
from annotator.core.wording import counted
from annotator.store.merge_guard import DEFAULT_MAX_NEW_LABELS

STATUS_CELLS = {"todo": "todo", "in progress": "busy", "done": "done"}


@click.command()
@project_argument
@assignee
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The package file to write (must not exist yet).")
@acting_as
@reports_errors
def package(project: Path, annotator_name: str, output: Path, acting_as: str | None) -> None:
    """Write a package for one annotator: their documents, the codebook and their work so far.

    Send the package to the annotator; merge it back with `annotator merge PROJECT PACKAGE`.
    Under blind coding only the lead packages another annotator's work.
    """
    with open_as(project, acting_as) as proj:
        proj.team.require_visible([annotator_name])
        info = proj.packages.write(annotator_name, output)
    click.echo(f"Wrote {info.path} for {info.annotator}: {info.documents} documents, "
               f"{info.spans} spans, {info.document_labels} document labels.")


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--max-new-labels", type=click.IntRange(min=0), default=DEFAULT_MAX_NEW_LABELS, show_default=True,
              help="Refuse a file that brings more new labels and attributes than this.")
@click.option("--whole-copy", is_flag=True,
              help="Let a file that is not a package (a copy of the whole project) change existing work.")
@reports_errors
def merge(target: Path, sources: tuple[Path, ...], max_new_labels: int, whole_copy: bool) -> None:
    """Merge annotators' files (packages) SOURCES into project TARGET and print a report per file.

    Each file is merged in one transaction: a refused file changes nothing and the others still
    merge. Merging the same file twice changes nothing the second time. A package may change only
    the work of the annotator it was written for; nobody's file may write the gold standard.
    """
    failures = 0
    with open_project(target) as proj:
        for source in sources:
            try:
                report = proj.merges.merge(source, max_new_labels=max_new_labels, whole_copy=whole_copy)
            except AnnotatorError as exc:
                failures += 1
                click.echo(f"Error: {error_text(exc)}", err=True)
                continue
            for line in report.summary_lines():
                click.echo(line)
    if failures:
        raise click.ClickException(f"{failures} of {counted(len(sources), 'file')} could not be merged")


@click.command()
@project_argument
@click.argument("documents", nargs=-1)
@assignees
@click.option("--auto", "per_document", type=click.IntRange(min=1), default=None,
              help="Assign automatically, with this many annotators on each overlap document.")
@click.option("--overlap", default=0.2, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="With --auto: share of documents coded by several annotators (agreement sample).")
@click.option("--seed", default="0", show_default=True,
              help="With --auto: the random seed; the same seed gives the same assignment.")
@click.option("--remove", is_flag=True, help="Take DOCUMENTS away from the annotator instead.")
@reports_errors
def assign(project: Path, documents: tuple[str, ...], annotators: tuple[str, ...],
           per_document: int | None, overlap: float, seed: str, remove: bool) -> None:
    """Assign DOCUMENTS (ids or unique id prefixes) to an annotator, or plan with --auto N.

    With --auto, documents nobody has yet (or DOCUMENTS, if given) are spread evenly: a share
    --overlap goes to N annotators each, the rest to one.
    """
    with open_project(project) as proj:
        doc_ids = proj.documents.resolve_ids(documents)
        if per_document is not None:
            if remove:
                raise ProjectError("--remove does not go with --auto")
            names = list(annotators) or [a.name for a in proj.team.people(include_retired=False)
                                         if a.role == "annotator"]
            if not names:
                raise ProjectError("no annotators to assign to: add some or name them with --annotator")
            change = proj.assignments.auto_assign(names, per_document=per_document, overlap_share=overlap,
                                      seed=int(seed) if seed.lstrip("-").isdigit() else seed,
                                      document_ids=doc_ids or None)
            click.echo(f"Assigned {len(change.documents)} documents:")
            for line in change.details["plan"].summary_lines():
                click.echo(line)
            return
        if len(annotators) != 1:
            raise ProjectError("name exactly one annotator with --annotator (or use --auto N)")
        if not doc_ids:
            raise ProjectError("name the documents to assign (ids or unique id prefixes)")
        if remove:
            change = proj.assignments.unassign(annotators[0], doc_ids)
            click.echo(f"Took {counted(len(change.documents), 'document')} away from {annotators[0]}.")
        else:
            change = proj.assignments.assign(annotators[0], doc_ids)
            click.echo(f"Assigned {counted(len(change.documents), 'document')} to {annotators[0]} "
                       f"({len(doc_ids) - len(change.documents)} already assigned).")


@click.command()
@project_argument
@whose_work
@click.option("--summary", is_flag=True, help="Print the totals only, not the document x annotator table.")
@acting_as
@reports_errors
def progress(project: Path, annotators: tuple[str, ...], summary: bool, acting_as: str | None) -> None:
    """Show who has done what: documents x annotators (todo / busy = in progress / done) and totals.

    Under blind coding a coder sees only their own column.
    """
    with open_as(project, acting_as) as proj:
        report = proj.assignments.progress(list(annotators) or None)
    if not report.rows:
        click.echo("No documents are assigned yet (see `annotator assign --help`).")
        return
    names = report.annotators
    if not summary:
        width = max(4, *(display_width(n) for n in names))
        click.echo(f"{'#':>5}  {'document':30}  " + "  ".join(fit(n, width) for n in names) + "   done")
        for row in report.rows:
            cells = [STATUS_CELLS.get(row.statuses.get(n, ""), "-") for n in names]
            click.echo(f"{row.position + 1:>5}  {fit(row.title, 30)}  " + "  ".join(f"{c:{width}}" for c in cells)
                       + f"  {row.share_done:6.1%}")
        click.echo("")
    for name in names:
        counts = report.totals[name]
        total = sum(counts.values())
        click.echo(f"{name}: {total} assigned, {counts['todo']} todo, {counts['in progress']} in progress, "
                   f"{counts['done']} done ({report.share_done(name):.1%})")
    click.echo(f"Documents: {len(report.rows)} assigned, {report.documents_done} finished by every "
               f"annotator, {report.unassigned} not assigned")


@click.command()
@project_argument
@click.argument("state", required=False, type=click.Choice(["on", "off"]))
@acting_as
@reports_errors
def blind(project: Path, state: str | None, acting_as: str | None) -> None:
    """Turn blind coding on or off (annotators see only their own work); without STATE, show it.

    Once the project has a lead, only a lead turns it on or off (run this with --as the lead's name);
    before that anyone may, so a new project can be made blind before its coders are added. Anyone may look.
    """
    if state is None:
        with open_project(project, read_only=True) as proj:
            click.echo(f"Blind coding is {'on' if proj.team.blind_coding() else 'off'} for {project}.")
        return
    with open_project(project) as proj:
        name = remembered_name(proj, acting_as)
        if acting_as and proj.team.leads():
            proj.team.get(name)  # an unknown name is a typo: refuse it, naming the project's annotators
        try:
            proj.team.set_blind_coding(state == "on", by=name)
        except NotPermitted as exc:
            raise NotPermitted(f"{exc}; run this with --as the lead's name") from None
        click.echo(f"Blind coding is {'on' if proj.team.blind_coding() else 'off'} for {project}.")
