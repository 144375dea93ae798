"""JSON Lines and JSON files: corpora and doccano exports (one article per record, read one record at a
time), our own JSONL export (told by its header), and, told apart by their records' shape, Label
Studio exports (JSON and JSON-MIN) and Prodigy datasets (read whole)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Iterator

from annotator.core.errors import ImportRefused
from annotator.io.readers import label_studio, own_jsonl, prodigy
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions, display_name, too_large
from annotator.io.readers.records import record_to_document, refuse_lone_surrogates
from annotator.io.readers.text_stream import iter_json_records

EXTENSIONS = (".jsonl", ".ndjson", ".json", ".jsonlines")
Records = Iterator[tuple[str, Any]]


def kind_of(first: Any) -> str:
    """Which tool wrote a file whose first record is `first`: "ours", "label-studio",
    "label-studio-min", "prodigy" or "corpus"."""
    if own_jsonl.is_own(first):
        return "ours"
    if label_studio.is_tasks(first):
        return "label-studio"
    if prodigy.is_prodigy(first):
        return "prodigy"
    if label_studio.is_min(first):
        return "label-studio-min"
    return "corpus"


def _open(path: Path, options: ReadOptions) -> tuple[str, Any, Records]:
    """The file's name for messages, its first record and all its records (the first included)."""
    source = display_name(path)
    records = iter_json_records(path, source, options.max_bytes, trust_head=not options.scan_encoding)
    first = next(records)
    return source, first[1], itertools.chain([first], records)


def _whole(path: Path, records: Records, options: ReadOptions) -> list[tuple[str, Any]]:
    """Every record of a tool's export that is read whole (within the size limit)."""
    size = path.stat().st_size
    if size > options.max_bytes:
        raise too_large(display_name(path), size, options.max_bytes, "")
    whole = list(records)
    for where, record in whole:
        refuse_lone_surrogates(record if isinstance(record, dict) else {"the record": record},
                               display_name(path), where)
    return whole


def corpus_documents(records: Records, source: str) -> Iterator[ImportedDocument]:
    """Every record of a corpus or doccano file as a document, one at a time; a bad record refuses the file."""
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object with a text field")
        imported = record_to_document(record, source, where)
        imported.document.metadata.setdefault("format", "jsonl")
        yield imported


def read_jsonl(path: Path, options: ReadOptions) -> ImportedFile:
    """A JSON/JSONL file read as what its records are: a corpus (streamed), our own export (streamed),
    a Label Studio export or a Prodigy dataset."""
    source, first, records = _open(path, options)
    kind = kind_of(first)
    if kind == "ours":
        return own_jsonl.read_own(records, first, source)
    if kind == "label-studio":
        return label_studio.read_tasks(_whole(path, records, options), source)
    if kind == "label-studio-min":
        return label_studio.read_min(_whole(path, records, options), source)
    if kind == "prodigy":
        return prodigy.read_examples(_whole(path, records, options), source)
    return ImportedFile(documents=corpus_documents(records, source))


def read_label_studio(path: Path, options: ReadOptions) -> ImportedFile:
    """A Label Studio export (JSON or JSON-MIN), whatever its first record looks like."""
    source, first, records = _open(path, options)
    whole = _whole(path, records, options)
    return (label_studio.read_min(whole, source) if kind_of(first) == "label-studio-min"
            else label_studio.read_tasks(whole, source))


def read_prodigy(path: Path, options: ReadOptions) -> ImportedFile:
    """A Prodigy dataset (db-out JSONL)."""
    source, _, records = _open(path, options)
    return prodigy.read_examples(_whole(path, records, options), source)
