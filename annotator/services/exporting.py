"""Exporting a project: check the choices against the project, pick the format's writer (io), write atomically.
The one export sequence the command line and the app both run."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from annotator.core.errors import AnnotatorError
from annotator.io.writers import (
    brat_export,
    conll_export,
    csv_export,
    jsonl_export,
    label_studio_export,
    qdpx_export,
)
from annotator.io.writers.common import (
    GOLD,
    CancelCallback,
    ExportCancelled,
    ExportReport,
    ExportSelection,
    Progress,
    ProgressCallback,
    Stopwatch,
    atomic_output_file,
    atomic_output_folder,
)

from annotator.store import Project

FORMATS = ("csv", "jsonl", "brat", "conll", "qdpx", "qdc", "label-studio")
TABLES = csv_export.TABLES
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "conll": ".conll", "qdpx": ".qdpx", "qdc": ".qdc",
            "label-studio": ".json"}

__all__ = ["FORMATS", "TABLES", "ExportReport", "ExportSelection", "export_project", "make_selection"]


def _expand_labels(project: Project, labels: Iterable[str]) -> list[str]:
    """The named labels and all their sub-labels; unknown names are refused."""
    book = project.codebook.current()
    known = {label.id: label for label in book.labels}
    by_name = {label.name.casefold(): label.id for label in book.labels}
    chosen: list[str] = []
    for wanted in labels:
        label_id = wanted if wanted in known else by_name.get(wanted.casefold())
        if label_id is None:
            raise AnnotatorError(
                f"unknown label {wanted!r}; the codebook has: {', '.join(sorted(known))}"
            )
        chosen.append(label_id)
    grown = True
    while grown:
        grown = False
        for label in book.labels:
            if label.parent in chosen and label.id not in chosen:
                chosen.append(label.id)
                grown = True
    return chosen


def make_selection(project: Project, annotators: Iterable[str] | None = None, gold: bool = False,
                   labels: Iterable[str] | None = None, done_only: bool = False) -> ExportSelection:
    """Check and resolve the export choices.

    `annotators` None means every annotator the reader may see (project.team.visibility: under blind
    coding a coder's own work only), except that `gold=True` alone means gold only. Naming "gold" among
    the annotators is the same as `gold=True`. `labels` take their sub-labels. Asking for work the
    reader may not see is refused (NotPermitted).
    """
    people = None if annotators is None else list(dict.fromkeys(annotators))
    if people is not None and GOLD in people:
        people.remove(GOLD)
        gold = True
    visibility = project.team.visibility()
    known = [a.name for a in project.team.annotators() if a.name != GOLD]
    if gold:
        visibility.check([GOLD])
    if people is None:
        people = [] if gold else visibility.keep(known)
    else:
        unknown = [name for name in people if name not in known]
        if unknown:
            raise AnnotatorError(
                f"unknown annotator {unknown[0]!r}; this project has: {', '.join(known) or 'none'}"
            )
        visibility.check(people)
    label_ids = None if labels is None or not list(labels) else _expand_labels(project, list(labels))
    return ExportSelection(annotators=people, gold=gold, label_ids=label_ids, done_only=done_only)


def _total(project: Project, fmt: str, table: str, selection: ExportSelection) -> int:
    if fmt == "csv" and table == "spans":
        return project.exports.span_count(selection.annotators, selection.gold, selection.label_ids,
                                         selection.done_only)
    if fmt == "csv" and table == "document-labels":
        return project.counts()["document_labels"]
    return project.counts()["documents"]


def export_project(project: Project, format: str, out: str | Path,
                   annotators: Iterable[str] | None = None, gold: bool = False,
                   labels: Iterable[str] | None = None, done_only: bool = False, excel: bool = False,
                   progress: ProgressCallback | None = None, cancel: CancelCallback | None = None,
                   table: str = "spans") -> ExportReport:
    """Export `project` as `format` to `out`, streaming from the file; return what was written.

    Formats: csv (with `table` spans, documents or document-labels), jsonl, brat (a folder),
    conll, qdpx, qdc (codebook only) and label-studio (tasks, with the labeling configuration
    beside them). `progress(done, total)` is called now and then;
    `cancel()` returning True stops the export. The output appears only when complete: a
    failed or cancelled export leaves no file behind (report.cancelled tells a cancel).
    """
    fmt = format.lower()
    if fmt not in FORMATS:
        raise AnnotatorError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "csv" and table not in TABLES:
        raise AnnotatorError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if excel and fmt != "csv":
        raise AnnotatorError("the Excel option applies to CSV exports only")
    out = Path(out)
    if fmt == "csv" and excel:
        out = csv_export.excel_path(out)
    clock = Stopwatch()
    report = ExportReport(format=fmt if fmt != "csv" else f"csv:{table}")
    selection = make_selection(project, annotators, gold, labels, done_only)
    tracker = Progress(_total(project, fmt, table, selection), progress, cancel,
                       every=500 if fmt == "csv" else 20)
    try:
        tracker.check()
        if fmt == "brat":
            with atomic_output_folder(out, brat_export.CONF_MARKER) as folder:
                brat_export.write_brat(project, folder, selection, report, tracker)
                tracker.check()
        else:
            with atomic_output_file(out) as temp:
                _write_file(project, fmt, table, temp, selection, excel, report, tracker)
                tracker.check()
    except ExportCancelled:
        return ExportReport(format=report.format, cancelled=True, seconds=clock.seconds())
    if fmt == "label-studio":
        label_studio_export.write_config(project.codebook.current(), out, report)
    tracker.finish()
    report.path = out
    report.seconds = clock.seconds()
    if excel:
        report.notes.append("Excel mode: UTF-8 with BOM; cells starting with = + - @ tab or CR "
                            "carry a leading ' so spreadsheets show them as text")
    return report


def _write_file(project: Project, fmt: str, table: str, temp: Path, selection: ExportSelection,
                excel: bool, report: ExportReport, tracker: Progress) -> None:
    if fmt == "csv":
        writer = {
            "spans": csv_export.write_spans_table,
            "documents": csv_export.write_documents_table,
            "document-labels": csv_export.write_document_labels_table,
        }[table]
        writer(project, temp, selection, excel, report, tracker)
        report.files = 1
    elif fmt == "jsonl":
        jsonl_export.write_jsonl(project, temp, selection, report, tracker)
    elif fmt == "conll":
        conll_export.write_conll(project, temp, selection, report, tracker)
    elif fmt == "qdpx":
        qdpx_export.write_qdpx(project, temp, selection, report, tracker)
    elif fmt == "label-studio":
        label_studio_export.write_label_studio(project, temp, selection, report, tracker)
    elif fmt == "qdc":
        qdpx_export.write_qdc(project.codebook.current(), temp)
        report.files = 1
