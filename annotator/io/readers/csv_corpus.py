"""CSV and TSV corpora: one article per row, read one row at a time, columns mapped by name, other
columns kept as metadata. A file that ends inside a quoted field (cut short) is refused."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterator, TextIO

from annotator.core.errors import ImportRefused
from annotator.io.readers import label_studio
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions, display_name, too_large
from annotator.io.readers.own_exports import refuse_table, table_kind
from annotator.io.readers.records import record_to_document
from annotator.io.readers.text_stream import TextLines

EXTENSIONS = (".csv", ".tsv", ".tab")


def _dialect(sample: str, path: Path) -> type[csv.Dialect] | csv.Dialect:
    """The file's delimiter, as guessed from its start; everything else as RFC 4180 says (a quote inside a
    quoted cell is doubled). The sniffer's other guesses are not taken: on a sample with few doubled quotes
    it guesses `doublequote=False`, and `""doubles""` would be stored as `"doubles""`."""
    if path.suffix.lower() in (".tsv", ".tab"):
        return csv.excel_tab
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return csv.excel

    class Sniffed(csv.excel):
        pass

    Sniffed.delimiter = delimiter
    return Sniffed


class _RowLines:
    """Feeds a csv.reader line by line and remembers the lines of the row it is reading."""

    def __init__(self, handle: TextIO):
        self.handle = handle
        self.lines: list[str] = []

    def __iter__(self) -> "_RowLines":
        return self

    def __next__(self) -> str:
        line = self.handle.readline()
        if not line:
            raise StopIteration
        self.lines.append(line)
        return line


def _label_studio_rows(header: list[str], rows: list[tuple[str, list[str]]], source: str) -> ImportedFile:
    """A Label Studio CSV/TSV export (JSON-MIN in columns: regions as JSON text) read as JSON-MIN."""
    records = []
    for where, row in rows:
        record: dict = {}
        for key, cell in zip(header, row):
            try:
                record[key] = json.loads(cell) if cell.strip()[:1] in "[{" else cell
            except ValueError:
                record[key] = cell
        records.append((where, record))
    return label_studio.read_min(records, source)


class _CsvFile:
    """One CSV file's rows with their line numbers, checked as they are read."""

    def __init__(self, path: Path, options: ReadOptions):
        self.path, self.options = path, options
        self.source = display_name(path)
        self.text = TextLines(path, self.source, options.max_bytes)
        with self.text.open() as handle:
            sample = handle.read(8192).lstrip("\ufeff")
        self.dialect = _dialect(sample, path)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(first line number, cells) of every row, the header first; blank rows left out."""
        csv.field_size_limit(max(self.options.max_bytes, 1 << 17))
        with self.text.open() as handle:
            feeder = _RowLines(handle)
            reader = csv.reader(feeder, dialect=self.dialect)
            last: list[str] = []
            while True:
                first_line = reader.line_num + 1
                feeder.lines = []
                try:
                    row = next(reader, None)
                except csv.Error as exc:
                    if "field larger than field limit" in str(exc):
                        raise too_large(self.source, self.options.max_bytes + 1, self.options.max_bytes,
                                        f"line {first_line}") from None
                    raise ImportRefused(self.source, f"is not a readable CSV file (line {reader.line_num}: {exc})"
                                        ) from None
                if row is None:
                    break
                last = feeder.lines
                if first_line == 1 and row:
                    row[0] = row[0].lstrip("\ufeff")
                for cell in row:
                    self.text.check(cell, f"line {first_line}")
                if any(cell.strip() for cell in row):
                    yield first_line, row
            self._refuse_cut_quote(last, reader.line_num)

    def _refuse_cut_quote(self, last_lines: list[str], line: int) -> None:
        """Refuse a file whose last row ends inside a quoted field: it was cut short."""
        if not last_lines:
            return
        try:
            for _ in csv.reader(io.StringIO("".join(last_lines)), dialect=self.dialect, strict=True):
                pass
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise ImportRefused(
                    self.source, f"line {line}: ends inside a quoted field (a quote is never closed): "
                    "the file looks cut short; export it again") from None


def read_csv(path: Path, options: ReadOptions) -> ImportedFile:
    """Every row of a CSV/TSV file with a header row as a document, read one row at a time; a bad row
    refuses the whole file.

    A Label Studio CSV export is read as such (whole); our own span, document and answer tables
    (and other tables of spans) are refused with a message saying what they are.
    """
    table = _CsvFile(path, options)
    source = table.source
    rows = table.rows()
    first = next(rows, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise ImportRefused(source, "has no header row naming its columns")
    header = [cell.strip() for cell in first[1]]
    kind = table_kind(header)
    if {"annotator", "annotation_id"} <= set(header):
        size = path.stat().st_size
        if size > options.max_bytes:
            raise too_large(source, size, options.max_bytes)
        return _label_studio_rows(header, [(f"line {n}", _checked(row, header, source, n)) for n, row in rows],
                                  source)
    if kind is not None:
        refuse_table(source, kind)
    return ImportedFile(documents=_documents(rows, header, source))


def _checked(row: list[str], header: list[str], source: str, number: int) -> list[str]:
    if len(row) > len(header):
        raise ImportRefused(source, f"line {number}: has {len(row)} cells but the header names {len(header)}")
    return row


def _documents(rows: Iterator[tuple[int, list[str]]], header: list[str], source: str) -> Iterator[ImportedDocument]:
    found = False
    for number, row in rows:
        imported = record_to_document(dict(zip(header, _checked(row, header, source, number))), source,
                                      f"line {number}")
        imported.document.metadata.setdefault("format", "csv")
        found = True
        yield imported
    if not found:
        raise ImportRefused(source, "has a header but no rows")
