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
    parquet_export,
    qdpx_export,
    xlsx_export,
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

FORMATS = ("csv", "jsonl", "brat", "conll", "qdpx", "qdc", "label-studio", "parquet")
TABLES = csv_export.TABLES
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "conll": ".conll", "qdpx": ".qdpx", "qdc": ".qdc",
            "label-studio": ".json"}
TABLE_FORMATS = ("csv", "parquet")
# What a table export writes, by the suffix of its output file; other suffixes say another format.
TABLE_SUFFIXES = {".csv": "csv", ".txt": "csv", "": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "xlsx"}
FORMAT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl or label-studio", ".conll": "conll",
                   ".qdpx": "qdpx", ".qdc": "qdc", ".parquet": "parquet", ".csv": "csv", ".tsv": "csv",
                   ".xlsx": "csv", ".xls": "csv", ".ods": "csv"}

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


def check_output(fmt: str, out: Path, table: str | None, excel: bool, per_annotator: bool) -> str:
    """Refuse choices that do not go together; return what is written: "csv", "tsv", "xlsx"
    (tables), "folder" (brat, parquet tables, doccano files per annotator) or "file"."""
    suffix = out.suffix.lower()
    if table is not None and fmt not in TABLE_FORMATS:
        raise AnnotatorError(f"--table chooses a table of a CSV, Excel or Parquet export; the {fmt} format "
                             "has no tables (leave --table out)")
    if table is not None and table not in TABLES:
        raise AnnotatorError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if excel and fmt != "csv":
        raise AnnotatorError("the Excel option applies to CSV exports only")
    if per_annotator and fmt != "jsonl":
        raise AnnotatorError("--per-annotator writes one JSONL file per annotator (for doccano); "
                             "use it with --format jsonl")
    if fmt == "csv":
        if suffix in TABLE_SUFFIXES:
            return TABLE_SUFFIXES[suffix]
        if suffix in (".xls", ".ods"):
            raise AnnotatorError(f"{out.name}: cannot write the old {suffix} format; name the file .xlsx "
                                 "for an Excel workbook, or .csv")
        if suffix in FORMAT_SUFFIXES:
            raise AnnotatorError(f"{out.name}: a {suffix} file is not a table; name it .csv, .tsv or .xlsx, "
                                 f"or choose --format {FORMAT_SUFFIXES[suffix].split()[0]}")
        return "csv"
    if fmt == "parquet":
        if suffix == ".parquet" or table is not None:
            return "file"
        if suffix in FORMAT_SUFFIXES:
            raise AnnotatorError(f"{out.name}: the Parquet export writes a folder of .parquet tables (or one "
                                 "table to a .parquet file); give a folder name or a .parquet file")
        return "folder"
    if fmt == "brat" or per_annotator:
        return "folder"
    wanted = FORMAT_SUFFIXES.get(suffix)
    if wanted is not None and fmt not in wanted.split(" or "):
        raise AnnotatorError(f"{out.name}: a {suffix} file is not what the {fmt} format writes; name it "
                             f"{SUFFIXES.get(fmt, '')} or choose --format {wanted.split()[0]}")
    return "file"


def _total(project: Project, fmt: str, table: str, selection: ExportSelection, shape: str) -> int:
    counts = project.counts()
    if fmt == "parquet" and shape == "folder":
        return (project.exports.span_count(selection.annotators, selection.gold, selection.label_ids,
                                           selection.done_only) + counts["documents"] + counts["document_labels"])
    if fmt in TABLE_FORMATS and table == "spans":
        return project.exports.span_count(selection.annotators, selection.gold, selection.label_ids,
                                         selection.done_only)
    if fmt in TABLE_FORMATS and table == "document-labels":
        return counts["document_labels"]
    if fmt == "jsonl" and shape == "folder":
        return counts["documents"] * max(1, len(selection.sources))
    return counts["documents"]


def export_project(project: Project, format: str, out: str | Path,
                   annotators: Iterable[str] | None = None, gold: bool = False,
                   labels: Iterable[str] | None = None, done_only: bool = False, excel: bool = False,
                   progress: ProgressCallback | None = None, cancel: CancelCallback | None = None,
                   table: str | None = None, per_annotator: bool = False) -> ExportReport:
    """Export `project` as `format` to `out` (exactly there), streaming from the file; return what was written.

    Formats: csv (with `table` spans, documents or document-labels; `out` ending .tsv writes tabs,
    .xlsx an Excel workbook), jsonl (with `per_annotator`, a folder of one file per annotator, as
    doccano keeps them), brat (a folder), conll, qdpx, qdc (codebook only), label-studio (tasks,
    with the labeling configuration beside them) and parquet (a folder of the three tables, or one
    table to a .parquet file). Choices that do not go together are refused with a message.
    `progress(done, total)` is called now and then; `cancel()` returning True stops the export.
    The output appears only when complete: a failed or cancelled export leaves no file behind
    (report.cancelled tells a cancel).
    """
    fmt = format.lower()
    if fmt not in FORMATS:
        raise AnnotatorError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    shape = check_output(fmt, out, table, excel, per_annotator)
    table = table or "spans"
    clock = Stopwatch()
    report = ExportReport(format=f"{fmt}:{table}" if fmt in TABLE_FORMATS and shape != "folder" else fmt)
    selection = make_selection(project, annotators, gold, labels, done_only)
    tracker = Progress(_total(project, fmt, table, selection, shape), progress, cancel,
                       every=500 if fmt in TABLE_FORMATS else 20)
    try:
        tracker.check()
        if shape == "folder":
            marker = {"brat": brat_export.CONF_MARKER, "parquet": parquet_export.MARKER,
                      "jsonl": jsonl_export.PER_ANNOTATOR_MARKER}[fmt]
            with atomic_output_folder(out, marker) as folder:
                if fmt == "brat":
                    brat_export.write_brat(project, folder, selection, report, tracker)
                elif fmt == "parquet":
                    parquet_export.write_parquet_folder(project, folder, selection, report, tracker)
                else:
                    jsonl_export.write_per_annotator(project, folder, selection, report, tracker)
                tracker.check()
        else:
            with atomic_output_file(out) as temp:
                _write_file(project, fmt, table, shape, temp, selection, excel, report, tracker)
                tracker.check()
    except ExportCancelled:
        return ExportReport(format=report.format, cancelled=True, seconds=clock.seconds())
    if fmt == "label-studio":
        label_studio_export.write_config(project.codebook.current(), out, report)
    tracker.finish()
    report.path = out
    report.seconds = clock.seconds()
    if excel and shape != "xlsx":
        report.notes.append("Excel mode: UTF-8 with BOM; cells starting with = + - @ tab or CR "
                            "carry a leading ' so spreadsheets show them as text")
    return report


def _write_file(project: Project, fmt: str, table: str, shape: str, temp: Path, selection: ExportSelection,
                excel: bool, report: ExportReport, tracker: Progress) -> None:
    if fmt in TABLE_FORMATS:
        if fmt == "parquet":
            made = parquet_export.make_table(project, table, selection, tracker)
            rows = parquet_export.write_table_parquet(made, temp)
        elif shape == "xlsx":
            made = csv_export.TABLE_MAKERS[table](project, selection, tracker)
            rows, warnings = xlsx_export.write_table_xlsx(made, temp)
            report.warnings += warnings
        elif table == "spans" and shape == "csv" and not excel:
            rows = csv_export.write_spans_csv(project, temp, selection, tracker)
        else:
            made = csv_export.TABLE_MAKERS[table](project, selection, tracker)
            rows = csv_export.write_table_csv(made, temp, excel, "\t" if shape == "tsv" else ",")
        parquet_export.count_rows(report, table, rows)
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
