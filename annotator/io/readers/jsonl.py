"""JSON Lines and JSON corpora, doccano exports included: one article per record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.io.decode import decode_bytes
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name
from annotator.io.readers.records import record_to_document

EXTENSIONS = (".jsonl", ".ndjson", ".json", ".jsonlines")


def _records(text: str, source: str) -> list[tuple[str, Any]]:
    """(where, record) pairs: a JSON array or object, else one JSON value per non-blank line."""
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise ImportRefused(source, f"is not valid JSON ({exc})") from None
        return [(f"item {i}", item) for i, item in enumerate(data, start=1)]
    records = []
    for number, line in enumerate(stripped.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((f"line {number}", json.loads(line)))
        except ValueError as exc:
            if number == 1 and stripped.startswith("{"):
                try:  # one pretty-printed JSON object
                    return [("record 1", json.loads(stripped))]
                except ValueError:
                    pass
            raise ImportRefused(source, f"line {number}: is not valid JSON ({exc.args[0][:80]})") from None
    return records


def read_jsonl(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """Every record of a JSONL/JSON corpus as a document; the file is refused whole on a bad record."""
    source = display_name(path)
    decoded = decode_bytes(data, source)
    text = decoded.text.replace("\r\n", "\n")
    records = _records(text, source)
    if not records:
        raise ImportRefused(source, "holds no records")
    documents = []
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object with a text field")
        imported = record_to_document(record, source, where)
        imported.document.metadata.setdefault("format", "jsonl")
        documents.append(imported)
    return documents
