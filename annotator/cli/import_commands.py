"""The import command: files and folders of articles (and pre-annotated data) into a project."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, refusal_advice, remembered_name, reports_errors
from annotator.cli.options import FILE_THEN_REMEMBERED_NAME, recorded_under
from annotator.io.import_labels import DEFAULT_MAX_NEW_LABELS
from annotator.io.readers.base import DEFAULT_MAX_BYTES
from annotator.services.importing import import_paths
from annotator.io.registry import FORMAT_NAMES


@click.command("import")
@project_argument
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "format_name", type=click.Choice(FORMAT_NAMES), default="auto", show_default=True,
              help="Read every file as this format instead of detecting it from its extension and content.")
@recorded_under(FILE_THEN_REMEMBERED_NAME)
@click.option("--full-page", is_flag=True,
              help="Web pages: keep all visible text (menus, footers...), not just the article.")
@click.option("--keep-captions", is_flag=True,
              help="Web pages: keep figure captions in the text (once each); by default they go to metadata.")
@click.option("--max-article-size", "--max-size", "max_size", type=click.FloatRange(min=0, min_open=True),
              default=DEFAULT_MAX_BYTES / 1_048_576, show_default=True,
              help="Refuse an article larger than this many megabytes (a corpus file itself has no limit).")
@click.option("--max-new-labels", type=click.IntRange(min=0), default=DEFAULT_MAX_NEW_LABELS, show_default=True,
              help="Refuse a file that would add more labels than this to the codebook.")
@reports_errors
def import_command(project: Path, paths: tuple[Path, ...], format_name: str, annotator_name: str | None,
                   full_page: bool, keep_captions: bool, max_size: float, max_new_labels: int) -> None:
    """Import articles from PATHS (files or folders) into PROJECT.

    Reads web pages, text, XML (article XML, NewsML-G2, TEI), CSV/JSONL corpora (one article a
    row) and pre-annotated brat (.txt + .ann) and doccano JSONL files. Each file is imported whole
    or not at all; articles already in the project are not added again. Spans of pre-annotated
    files are recorded under --annotator (default: the annotator the file names, else the name
    remembered for this project; a file whose annotations name nobody is refused without one);
    labels missing from the codebook are added to it, marked as imported. A JSONL or CSV
    corpus is read one article at a time, whatever its size; our own JSONL export comes back
    whole (codebook, spans with their ids, answers, statuses, memos). Exits non-zero when a file
    is refused.
    """
    with open_project(project) as proj:
        fallback = remembered_name(proj, annotator_name)
        with click.progressbar(length=len(paths), label="Importing", file=sys.stderr,
                               item_show_func=lambda p: p.name if p else "") as bar:
            def progress(done: int, total: int, path: Path) -> None:
                bar.length = total
                bar.update(1, path)

            report = import_paths(
                proj, paths, format=format_name, annotator=annotator_name, full_page=full_page,
                keep_captions=keep_captions, max_bytes=int(max_size * 1_048_576), progress=progress,
                fallback_annotator=fallback, max_new_labels=max_new_labels,
            )
    click.echo(report.summary(refusal_advice))
    if report.failed:
        sys.exit(1)
