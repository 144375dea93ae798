"""CSV tables for pandas, R and spreadsheets: spans, documents, document labels, and any rows."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from annotator.core.errors import AnnotatorError
from annotator.io.writers.common import (
    ExportSelection,
    Progress,
    atomic_output_file,
    attribute_text,
    label_paths,
    status_cells,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_SUFFIX = "-excel"
CONTEXT_WORDS = 5
CONTEXT_REACH = 100  # characters looked at on each side when picking the context words

SPAN_COLUMNS = [
    "project", "document_id", "document_title", "outlet", "date", "annotator", "label_id",
    "label_name", "label_path", "start", "end", "text", "context_before", "context_after", "note",
]
SPAN_TAIL_COLUMNS = ["origin", "codebook_version", "created", "updated", "span_id", "other_attributes"]
DOCUMENT_COLUMNS = ["id", "title", "outlet", "url", "date", "language", "length"]
DOCUMENT_LABEL_COLUMNS = [
    "document", "annotator", "question", "value", "note",
    "document_title", "question_name", "value_name", "created", "updated",
]
TABLES = ("spans", "documents", "document-labels")


def excel_path(path: Path) -> Path:
    """`path` with "-excel" before the suffix, so the file says it was made for spreadsheets."""
    path = Path(path)
    if path.stem.endswith(EXCEL_SUFFIX):
        return path
    return path.with_name(f"{path.stem}{EXCEL_SUFFIX}{path.suffix or '.csv'}")


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula gets a leading single quote; others are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _open_csv(path: Path, excel: bool):
    return open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="")


def _write(handle, header: Sequence[str], rows: Iterable[Sequence[Any]], excel: bool, delimiter: str = ",") -> int:
    writer = csv.writer(handle, delimiter=delimiter)
    writer.writerow([neutralise(h) for h in header] if excel else header)
    count = 0
    if excel:
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
            count += 1
    else:
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_rows_csv(rows: Iterable[Mapping[str, Any] | Sequence[Any]], path: str | Path,
                   excel: bool = False, header: Sequence[str] | None = None) -> Path:
    """Write rows (dicts, or sequences with `header`) to a CSV file; return the path written.

    UTF-8 with a header row; faithful by default. `excel=True` adds a BOM, neutralises cells that
    a spreadsheet would run as formulas, and puts "-excel" in the file name. The file appears only
    once it is complete.
    """
    path = excel_path(Path(path)) if excel else Path(path)
    iterator: Iterator[Any] = iter(rows)
    first = next(iterator, None)
    if header is None:
        if first is None:
            raise AnnotatorError(f"{path}: no rows to write and no header given")
        if not isinstance(first, Mapping):
            raise AnnotatorError(f"{path}: rows that are not dicts need a header")
        header = list(first.keys())
    header = list(header)

    def as_sequences() -> Iterator[Sequence[Any]]:
        if first is None:
            return
        for row in _chain(first, iterator):
            if isinstance(row, Mapping):
                yield [row.get(column, "") for column in header]
            else:
                yield row

    with atomic_output_file(path) as temp:
        with _open_csv(temp, excel) as handle:
            _write(handle, header, as_sequences(), excel)
    return path


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def context_before(text: str, start: int, words: int = CONTEXT_WORDS) -> str:
    """The few words just before offset `start`, white space collapsed."""
    begin = max(0, start - CONTEXT_REACH)
    parts = text[begin:start].rsplit(None, words)
    if len(parts) > words:  # more words than shown: the first piece, cut or not, is not among them
        return " ".join(parts[1:])
    if parts and begin > 0 and not text[begin - 1].isspace() and not text[begin].isspace():
        parts = parts[1:]  # the cut fell inside a word
    return " ".join(parts)


def context_after(text: str, end: int, words: int = CONTEXT_WORDS) -> str:
    """The few words just after offset `end`, white space collapsed."""
    stop = min(len(text), end + CONTEXT_REACH)
    parts = text[end:stop].split(None, words)
    if len(parts) > words:  # more words than shown: the last piece, cut or not, is not among them
        return " ".join(parts[:words])
    if parts and stop < len(text) and not text[stop].isspace() and not text[stop - 1].isspace():
        parts = parts[:-1]  # the cut fell inside a word
    return " ".join(parts)


@dataclass
class Table:
    """One export table: its header and its rows, streamed (a generator to go through once)."""

    name: str
    header: list[str]
    rows: Iterator[Sequence[Any]]


def spans_table(project: Any, selection: ExportSelection, progress: Progress) -> Table:
    """One row per span with its document, label, offsets, text, context and attributes."""
    book = project.codebook.current()
    paths = label_paths(book)
    attributes = [a.id for a in book.attributes]
    known = set(attributes)
    header = SPAN_COLUMNS + [f"attr_{a}" for a in attributes] + SPAN_TAIL_COLUMNS
    project_name = project.name
    no_attributes = [""] * len(attributes)
    chunk = 500

    def rows() -> Iterator[list[Any]]:
        current, text, pending = None, "", 0
        for (span_id, document_id, title, outlet, published, annotator, label_id, label_name, start,
             end, covered, note, raw_attributes, origin, version, created, updated) in project.exports.iter_spans(
                 selection.annotators, selection.gold, selection.label_ids, selection.done_only):
            if document_id != current:
                current, text = document_id, project.documents.text(document_id)
            cells, other = no_attributes, ""
            if raw_attributes != "{}":
                attrs = json.loads(raw_attributes)
                cells = [attribute_text(attrs.get(a)) for a in attributes]
                unknown = {k: v for k, v in attrs.items() if k not in known}
                if unknown:
                    other = json.dumps(unknown, ensure_ascii=False, sort_keys=True)
            yield [
                project_name, document_id, title, outlet, published, annotator, label_id, label_name,
                paths.get(label_id, label_id), start, end, covered,
                context_before(text, start), context_after(text, end), note,
                *cells, origin, version, created, updated, span_id, other,
            ]
            pending += 1
            if pending == chunk:
                progress.step(pending)
                pending = 0
        progress.step(pending)

    return Table("spans", header, rows())


def documents_table(project: Any, selection: ExportSelection, progress: Progress) -> Table:
    """One row per document with its metadata and each selected annotator's status."""
    header = DOCUMENT_COLUMNS + [f"status_{name}" for name in selection.sources]

    def rows() -> Iterator[list[Any]]:
        for doc in project.documents.summaries():
            progress.step()
            cells = status_cells(project, doc.id, selection)
            if cells is None:
                continue
            yield [doc.id, doc.title, doc.outlet, doc.url, doc.published, doc.language, doc.length,
                   *cells]

    return Table("documents", header, rows())


def document_labels_table(project: Any, selection: ExportSelection, progress: Progress) -> Table:
    """One row per answer to a document-level question."""
    questions = {q.id: q for q in project.codebook.current().questions}

    def value_names(question: str, value: str) -> str:
        q = questions.get(question)
        if q is None:
            return value
        names = {c.id: c.name for c in q.choices}
        return "|".join(names.get(part, part) for part in value.split("|") if part)

    def rows() -> Iterator[list[Any]]:
        for r in project.exports.iter_answers(selection.annotators, selection.gold,
                                                     selection.label_ids, selection.done_only):
            progress.step()
            q = questions.get(r.question)
            yield [r.document_id, r.annotator, r.question, r.value, r.note, r.document_title,
                   q.name if q else r.question, value_names(r.question, r.value), r.created, r.updated]

    return Table("document-labels", list(DOCUMENT_LABEL_COLUMNS), rows())


TABLE_MAKERS = {"spans": spans_table, "documents": documents_table, "document-labels": document_labels_table}


def write_table_csv(table: Table, path: Path, excel: bool = False, delimiter: str = ",") -> int:
    """Write a table as CSV (or, with delimiter tab, TSV); return the rows written."""
    with _open_csv(path, excel) as handle:
        return _write(handle, table.header, table.rows, excel, delimiter)


def csv_cell(value: str) -> str:
    """One CSV cell as csv.writer writes it (QUOTE_MINIMAL, excel dialect): quoted when it holds a
    comma, a double quote or a line end, its quotes doubled."""
    if '"' in value or "," in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def write_spans_csv(project: Any, path: Path, selection: ExportSelection, progress: Progress) -> int:
    """The spans table as plain CSV, the same bytes as write_table_csv(spans_table(...)) but built as
    text a batch at a time (a million spans in seconds); return the rows written."""
    book = project.codebook.current()
    paths = label_paths(book)
    attributes = [a.id for a in book.attributes]
    known = set(attributes)
    header = SPAN_COLUMNS + [f"attr_{a}" for a in attributes] + SPAN_TAIL_COLUMNS
    names = {label.id: label.name for label in book.labels}
    label_cells: dict[str, str] = {}
    people: dict[str, str] = {}
    attribute_cells: dict[str, tuple[str, str]] = {}  # the same attributes recur: parsed once
    no_attributes = "," * len(attributes)
    project_cell = csv_cell(project.name)
    words, reach = CONTEXT_WORDS, CONTEXT_REACH
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(csv_cell(name) for name in header) + "\r\n")
        for (document_id, title, outlet, published, text), rows in project.exports.iter_spans_by_document(
                selection.annotators, selection.gold, selection.label_ids, selection.done_only):
            head = f"{project_cell},{csv_cell(document_id)},{csv_cell(title)},{csv_cell(outlet)},{csv_cell(published)},"
            length = len(text)
            lines = []
            append = lines.append
            for (span_id, annotator, label_id, start, end, covered, note, raw_attributes, origin,
                 version, created, updated) in rows:
                who = people.get(annotator)
                if who is None:
                    who = people[annotator] = csv_cell(annotator)
                label = label_cells.get(label_id)
                if label is None:
                    label = label_cells[label_id] = (f"{csv_cell(label_id)},{csv_cell(names.get(label_id, label_id))},"
                                                     f"{csv_cell(paths.get(label_id, label_id))}")
                cells, other = no_attributes, ""
                if raw_attributes != "{}":
                    cached = attribute_cells.get(raw_attributes)
                    if cached is None:
                        attrs = json.loads(raw_attributes)
                        unknown = {k: v for k, v in attrs.items() if k not in known}
                        cached = ("".join("," + csv_cell(attribute_text(attrs.get(a))) for a in attributes),
                                  csv_cell(json.dumps(unknown, ensure_ascii=False, sort_keys=True)) if unknown else "")
                        if len(attribute_cells) < 100_000:
                            attribute_cells[raw_attributes] = cached
                    cells, other = cached
                # context_before and context_after, inlined: they are a third of the time of a large export
                begin = start - reach if start > reach else 0
                parts = text[begin:start].rsplit(None, words)
                if len(parts) <= words and parts and begin > 0 and not text[begin - 1].isspace() \
                        and not text[begin].isspace():
                    parts = parts[1:]
                before = " ".join(parts[1:] if len(parts) > words else parts)
                stop = end + reach if end + reach < length else length
                parts = text[end:stop].split(None, words)
                if len(parts) <= words and parts and stop < length and not text[stop].isspace() \
                        and not text[stop - 1].isspace():
                    parts = parts[:-1]
                after = " ".join(parts[:words])
                middle = f"{covered},{before},{after},{note}"
                if middle.count(",") != 3 or '"' in middle or "\n" in middle or "\r" in middle:
                    middle = f"{csv_cell(covered)},{csv_cell(before)},{csv_cell(after)},{csv_cell(note)}"
                tail = f"{origin},{version},{created},{updated},{span_id}"
                if tail.count(",") != 4 or '"' in tail or "\n" in tail or "\r" in tail:
                    tail = f"{csv_cell(origin)},{version},{csv_cell(created)},{csv_cell(updated)},{csv_cell(span_id)}"
                append(f"{head}{who},{label},{start},{end},{middle}{cells},{tail},{other}\r\n")
            handle.write("".join(lines))
            count += len(rows)
            progress.step(len(rows))
    return count
