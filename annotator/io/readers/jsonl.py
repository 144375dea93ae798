"""JSON Lines and JSON files: corpora and doccano exports (one article per record), and, told apart
by their records' shape, Label Studio exports (JSON and JSON-MIN) and Prodigy datasets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.io.decode import decode_bytes
from annotator.io.readers import label_studio, prodigy
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions, display_name
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


def read_records(path: Path, data: bytes) -> tuple[str, list[tuple[str, Any]]]:
    """The file's name for messages and its (where, record) pairs; refused when it holds none."""
    source = display_name(path)
    decoded = decode_bytes(data, source)
    records = _records(decoded.text.replace("\r\n", "\n"), source)
    if not records:
        raise ImportRefused(source, "holds no records")
    return source, records


def kind_of(records: list[tuple[str, Any]]) -> str:
    """Which tool wrote the records: "label-studio", "label-studio-min", "prodigy" or "corpus"."""
    first = next((r for _, r in records if isinstance(r, dict)), None)
    if label_studio.is_tasks(first):
        return "label-studio"
    if prodigy.is_prodigy(first):
        return "prodigy"
    if label_studio.is_min(first):
        return "label-studio-min"
    return "corpus"


def read_corpus(records: list[tuple[str, Any]], source: str) -> list[ImportedDocument]:
    """Every record of a corpus or doccano file as a document; the file is refused whole on a bad record."""
    documents = []
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object with a text field")
        imported = record_to_document(record, source, where)
        imported.document.metadata.setdefault("format", "jsonl")
        documents.append(imported)
    return documents


def read_jsonl(path: Path, data: bytes, options: ReadOptions) -> "ImportedFile | list[ImportedDocument]":
    """A JSON/JSONL file read as what its records are: a corpus, a Label Studio export or a Prodigy dataset."""
    source, records = read_records(path, data)
    kind = kind_of(records)
    if kind == "label-studio":
        return label_studio.read_tasks(records, source)
    if kind == "label-studio-min":
        return label_studio.read_min(records, source)
    if kind == "prodigy":
        return prodigy.read_examples(records, source)
    return read_corpus(records, source)


def read_label_studio(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """A Label Studio export (JSON or JSON-MIN), whatever its first record looks like."""
    source, records = read_records(path, data)
    return (label_studio.read_min(records, source) if kind_of(records) == "label-studio-min"
            else label_studio.read_tasks(records, source))


def read_prodigy(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """A Prodigy dataset (db-out JSONL)."""
    source, records = read_records(path, data)
    return prodigy.read_examples(records, source)
