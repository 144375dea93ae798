"""CSV and TSV corpora: one article per row, columns mapped by name, other columns kept as metadata."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.io.decode import decode_bytes
from annotator.io.readers import label_studio
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions, display_name
from annotator.io.readers.own_exports import refuse_table, table_kind
from annotator.io.readers.records import record_to_document

EXTENSIONS = (".csv", ".tsv", ".tab")


def _dialect(sample: str, path: Path) -> type[csv.Dialect] | csv.Dialect:
    if path.suffix.lower() in (".tsv", ".tab"):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _label_studio_rows(header: list[str], rows: list[tuple[str, list[str]]], source: str) -> ImportedFile | None:
    """A Label Studio CSV/TSV export (JSON-MIN in columns: regions as JSON text) read as JSON-MIN."""
    if not {"annotator", "annotation_id"} <= set(header):
        return None
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


def read_csv(path: Path, data: bytes, options: ReadOptions) -> "list[ImportedDocument] | ImportedFile":
    """Every row of a CSV/TSV file with a header row as a document; refused whole on a bad row.

    A Label Studio CSV export is read as such; our own span, document and answer tables (and other
    tables of spans) are refused with a message saying what they are.
    """
    source = display_name(path)
    text = decode_bytes(data, source).text.lstrip("\ufeff")
    csv.field_size_limit(max(options.max_bytes, csv.field_size_limit()))
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text[:8192], path))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ImportRefused(source, "has no header row naming its columns")
        header = [cell.strip() for cell in header]
        kind = table_kind(header)
        rows: list[tuple[str, list[str]]] = []
        while True:
            first_line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            where = f"line {first_line}"
            if len(row) > len(header):
                raise ImportRefused(source, f"{where}: has {len(row)} cells but the header names {len(header)}")
            rows.append((where, row))
    except csv.Error as exc:
        raise ImportRefused(source, f"is not a readable CSV file (line {reader.line_num}: {exc})") from None
    if not rows:
        raise ImportRefused(source, "has a header but no rows")
    from_label_studio = _label_studio_rows(header, rows, source)
    if from_label_studio is not None:
        return from_label_studio
    if kind is not None:
        refuse_table(source, kind)
    documents = []
    for where, row in rows:
        imported = record_to_document(dict(zip(header, row)), source, where)
        imported.document.metadata.setdefault("format", "csv")
        documents.append(imported)
    return documents
