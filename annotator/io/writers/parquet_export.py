"""Parquet for analysts: the spans, documents and answers tables as typed Arrow tables (pyarrow).

The columns are those of the CSV tables, typed: offsets and versions are integers, `created` and
`updated` UTC timestamps, labels, annotators, outlets and other repeated names dictionary-encoded
(pandas reads them as categories, R as factors). The documents table also holds each document's
text, author, file name and metadata (JSON). Written in record batches, so memory stays bounded.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

from annotator.core.errors import AnnotatorError
from annotator.io.writers.common import (
    ExportReport, ExportSelection, Progress, attribute_text, label_paths, status_cells,
)
from annotator.io.writers.csv_export import (
    DOCUMENT_COLUMNS, SPAN_COLUMNS, SPAN_TAIL_COLUMNS, TABLE_MAKERS, Table, context_after, context_before,
)

BATCH_ROWS = 16_384
FILE_NAMES = {"spans": "spans.parquet", "documents": "documents.parquet", "document-labels": "answers.parquet"}
MARKER = FILE_NAMES["spans"]
INTEGER_COLUMNS = {"start", "end", "codebook_version", "length", "position"}
TIME_COLUMNS = {"created", "updated"}
CATEGORY_COLUMNS = {
    "project", "document_id", "document_title", "outlet", "date", "annotator", "label_id", "label_name",
    "label_path", "origin", "document", "question", "value", "question_name", "value_name", "language",
}


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - pyarrow is a dependency; a broken install says so
        raise AnnotatorError("the Parquet export needs the pyarrow package, which is not installed; "
                             "export CSV instead") from None
    return pyarrow, pyarrow.parquet


def _type_of(pa: Any, column: str) -> Any:
    if column in INTEGER_COLUMNS:
        return pa.int32() if column != "length" else pa.int64()
    if column in TIME_COLUMNS:
        return pa.timestamp("us", tz="UTC")
    if column in CATEGORY_COLUMNS or column.startswith("status_"):
        return pa.dictionary(pa.int32(), pa.string())
    return pa.string()


def _times(pa: Any, values: Sequence[Any]) -> Any:
    """ISO 8601 times as UTC timestamps; a value that is not one becomes null."""
    strings = pa.array([v or None for v in values], pa.string())
    try:
        return strings.cast(pa.timestamp("us", tz="UTC"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        parsed = []
        for value in values:
            try:
                parsed.append(datetime.fromisoformat(value) if value else None)
            except (TypeError, ValueError):
                parsed.append(None)
        return pa.array([p if p is None or p.tzinfo else None for p in parsed], pa.timestamp("us", tz="UTC"))


def _column(pa: Any, column: str, values: Sequence[Any]) -> Any:
    kind = _type_of(pa, column)
    if column in TIME_COLUMNS:
        return _times(pa, values)
    if pa.types.is_dictionary(kind):
        return pa.array(values, pa.string()).dictionary_encode()
    return pa.array(values, kind)


def _batches(pa: Any, schema: Any, rows: Iterator[Any]) -> Iterator[Any]:
    """Record batches from rows (sequences in the header's order) or from column-wise batches (dicts)."""
    names = schema.names
    while True:
        first = next(rows, None)
        if first is None:
            return
        if isinstance(first, dict):
            yield pa.record_batch([_column(pa, name, first[name]) for name in names], schema=schema)
            continue
        chunk = [first] + [row for _, row in zip(range(BATCH_ROWS - 1), rows)]
        columns = list(zip(*chunk))
        yield pa.record_batch([_column(pa, name, values) for name, values in zip(names, columns)], schema=schema)


def write_table_parquet(table: Table, path: Path) -> int:
    """Write one table as a Parquet file; return the rows written."""
    pa, pq = _pyarrow()
    schema = pa.schema([(name, _type_of(pa, name)) for name in table.header])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(pa, schema, iter(table.rows)):
            writer.write_batch(batch)
            count += batch.num_rows
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def documents_with_texts(project: Any, selection: ExportSelection, progress: Progress) -> Table:
    """The documents table with each document's position, text, author, file name and metadata."""
    header = (["position"] + DOCUMENT_COLUMNS + ["author", "filename", "metadata", "text"]
              + [f"status_{name}" for name in selection.sources])

    def rows() -> Iterator[list[Any]]:
        for position, doc in enumerate(project.documents.iter_all()):
            progress.step()
            cells = status_cells(project, doc.id, selection)
            if cells is None:
                continue
            yield [position, doc.id, doc.title, doc.outlet, doc.url, doc.published, doc.language, len(doc.text),
                   doc.author, doc.filename, json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
                   doc.text, *cells]

    return Table("documents", header, rows())


def spans_by_columns(project: Any, selection: ExportSelection, progress: Progress) -> Table:
    """The spans table (the CSV's columns) read a document at a time; its rows are column-wise
    batches ({column: values}), which write_table_parquet turns into Arrow arrays without transposing."""
    book = project.codebook.current()
    paths = label_paths(book)
    names = {label.id: label.name for label in book.labels}
    attributes = [a.id for a in book.attributes]
    known = set(attributes)
    header = SPAN_COLUMNS + [f"attr_{a}" for a in attributes] + SPAN_TAIL_COLUMNS
    project_name = project.name

    def batches() -> Iterator[dict[str, list[Any]]]:
        columns: dict[str, list[Any]] = {name: [] for name in header}
        add = {name: columns[name].append for name in header}
        attribute_adds = [(a, add[f"attr_{a}"]) for a in attributes]
        for (document_id, title, outlet, published, text), rows in project.exports.iter_spans_by_document(
                selection.annotators, selection.gold, selection.label_ids, selection.done_only):
            for (span_id, annotator, label_id, start, end, covered, note, raw_attributes, origin, version,
                 created, updated) in rows:
                attrs = json.loads(raw_attributes) if raw_attributes != "{}" else {}
                unknown = {k: v for k, v in attrs.items() if k not in known}
                for value, column in ((project_name, "project"), (document_id, "document_id"),
                                      (title, "document_title"), (outlet, "outlet"), (published, "date"),
                                      (annotator, "annotator"), (label_id, "label_id"),
                                      (names.get(label_id, label_id), "label_name"),
                                      (paths.get(label_id, label_id), "label_path"), (start, "start"), (end, "end"),
                                      (covered, "text"), (context_before(text, start), "context_before"),
                                      (context_after(text, end), "context_after"), (note, "note"),
                                      (origin, "origin"), (version, "codebook_version"), (created, "created"),
                                      (updated, "updated"), (span_id, "span_id"),
                                      (json.dumps(unknown, ensure_ascii=False, sort_keys=True) if unknown else "",
                                       "other_attributes")):
                    add[column](value)
                for attribute, append in attribute_adds:
                    append(attribute_text(attrs.get(attribute)))
            progress.step(len(rows))
            if len(columns["span_id"]) >= BATCH_ROWS:
                yield columns
                columns = {name: [] for name in header}
                add = {name: columns[name].append for name in header}
                attribute_adds = [(a, add[f"attr_{a}"]) for a in attributes]
        if columns["span_id"]:
            yield columns

    return Table("spans", header, batches())


def make_table(project: Any, name: str, selection: ExportSelection, progress: Progress) -> Table:
    """The named table as the Parquet export writes it."""
    if name == "documents":
        return documents_with_texts(project, selection, progress)
    if name == "spans":
        return spans_by_columns(project, selection, progress)
    return TABLE_MAKERS[name](project, selection, progress)


def write_parquet_folder(project: Any, folder: Path, selection: ExportSelection, report: ExportReport,
                         progress: Progress) -> None:
    """spans.parquet, documents.parquet and answers.parquet in `folder`."""
    for name, file_name in FILE_NAMES.items():
        rows = write_table_parquet(make_table(project, name, selection, progress), folder / file_name)
        count_rows(report, name, rows)
        report.files += 1


def count_rows(report: ExportReport, table: str, rows: int) -> None:
    """Record in the report how many rows a table got."""
    if table == "spans":
        report.spans = rows
    elif table == "documents":
        report.documents = rows
    else:
        report.document_labels = rows
    report.rows += rows
