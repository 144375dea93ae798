"""CSV and TSV corpora: one article per row, columns mapped by name, other columns kept as metadata."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.io.decode import decode_bytes
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name
from annotator.io.readers.records import record_to_document

EXTENSIONS = (".csv", ".tsv", ".tab")


def _dialect(sample: str, path: Path) -> type[csv.Dialect] | csv.Dialect:
    if path.suffix.lower() in (".tsv", ".tab"):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """Every row of a CSV/TSV file with a header row as a document; refused whole on a bad row."""
    source = display_name(path)
    text = decode_bytes(data, source).text.lstrip("\ufeff")
    csv.field_size_limit(max(options.max_bytes, csv.field_size_limit()))
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text[:8192], path))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ImportRefused(source, "has no header row naming its columns")
        header = [cell.strip() for cell in header]
        documents = []
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
            record = dict(zip(header, row))
            imported = record_to_document(record, source, where)
            imported.document.metadata.setdefault("format", "csv")
            documents.append(imported)
    except csv.Error as exc:
        raise ImportRefused(source, f"is not a readable CSV file (line {reader.line_num}: {exc})") from None
    if not documents:
        raise ImportRefused(source, "has a header but no rows")
    return documents
