"""Our own JSONL export read back exactly: documents with their fields as written, spans with their ids,
notes, attributes, origins and times, answers with notes, statuses and memos; the codebook and team
from the first line's header."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from annotator.core.codebook import codebook_from_dict
from annotator.core.errors import CodebookError, ImportRefused
from annotator.core.model import ASSIGNMENT_STATUSES, Annotator, Document
from annotator.io.jsonl_format import FORMAT_NAME, FORMAT_VERSION, HEADER_KEY
from annotator.io.readers.records import refuse_lone_surrogates
from annotator.io.readers.base import (
    ImportedAnswer, ImportedDocument, ImportedFile, ImportedMemo, ImportedSpan, refuse_unstorable, stored_text_of,
)

DOCUMENT_FIELDS = ("title", "outlet", "url", "author", "published", "language", "filename")


def is_own(record: Any) -> bool:
    """True for the first record of our JSONL export (it carries the header)."""
    return (isinstance(record, dict) and isinstance(record.get(HEADER_KEY), dict)
            and record[HEADER_KEY].get("format") == FORMAT_NAME)


class _Fields:
    """Typed access to one record's fields, refusing the file with the field's name on a wrong type."""

    def __init__(self, record: dict[str, Any], source: str, where: str):
        self.record, self.source, self.where = record, source, where

    def refuse(self, what: str) -> ImportRefused:
        return ImportRefused(self.source, f"{self.where}: {what}")

    def text(self, data: dict[str, Any], key: str, what: str = "") -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.refuse(f"{what}field '{key}' must be text, not {type(value).__name__}")
        return value

    def items(self, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        value = self.record.get(key, [])
        if not isinstance(value, list):
            raise self.refuse(f"field '{key}' must be a list")
        for number, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise self.refuse(f"field '{key}', item {number}, must be an object")
            yield number, item


def _spans(fields: _Fields, raw_length: int, remap) -> list[ImportedSpan]:
    spans = []
    for number, item in fields.items("annotations"):
        what = f"span {number}: "
        start, end = item.get("start"), item.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise fields.refuse(f"{what}offsets must be whole numbers, not {start!r} and {end!r}")
        if not 0 <= start < end <= raw_length:
            raise fields.refuse(f"{what}{start}-{end} does not fit the text ({raw_length} characters)")
        label = fields.text(item, "label", what)
        if not label.strip():
            raise fields.refuse(f"{what}has no label")
        attributes = item.get("attributes") or {}
        if not isinstance(attributes, dict):
            raise fields.refuse(f"{what}field 'attributes' must be an object")
        version = item.get("codebook_version", 0)
        new_start, new_end = remap(start, end)
        spans.append(ImportedSpan(
            new_start, new_end, label, note=fields.text(item, "note", what),
            annotator=fields.text(item, "annotator", what) or None, attributes=attributes,
            id=fields.text(item, "id", what), origin=fields.text(item, "origin", what),
            created=fields.text(item, "created", what), updated=fields.text(item, "updated", what),
            codebook_version=version if isinstance(version, int) and not isinstance(version, bool) else 0))
    return spans


def _answers(fields: _Fields) -> list[ImportedAnswer]:
    answers = []
    for number, item in fields.items("document_labels"):
        what = f"answer {number}: "
        answers.append(ImportedAnswer(
            question=fields.text(item, "question", what),
            values=[v for v in fields.text(item, "value", what).split("|") if v],
            annotator=fields.text(item, "annotator", what) or None, note=fields.text(item, "note", what),
            created=fields.text(item, "created", what), updated=fields.text(item, "updated", what)))
    return answers


def _memos(fields: _Fields) -> list[ImportedMemo]:
    return [ImportedMemo(text=fields.text(item, "text", f"memo {n}: "),
                         annotator=fields.text(item, "annotator", f"memo {n}: ") or None,
                         created=fields.text(item, "created", f"memo {n}: "),
                         updated=fields.text(item, "updated", f"memo {n}: "))
            for n, item in fields.items("memos")]


def _statuses(fields: _Fields) -> dict[str, str]:
    value = fields.record.get("statuses") or {}
    if not isinstance(value, dict):
        raise fields.refuse("field 'statuses' must be an object")
    return {str(who): status for who, status in value.items() if status in ASSIGNMENT_STATUSES}


def own_record_to_document(record: dict[str, Any], source: str, where: str) -> ImportedDocument:
    """One line of our export: the document with its fields exactly as written, and all its annotations."""
    fields = _Fields(record, source, where)
    raw = record.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise fields.refuse("has no text")
    stored = stored_text_of(raw)
    refuse_unstorable(stored.text, source, where)
    refuse_lone_surrogates({k: v for k, v in record.items() if k != "text"}, source, where)
    metadata = record.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise fields.refuse("field 'metadata' must be an object")
    document = Document(text=stored.text, metadata=dict(metadata),
                        **{key: fields.text(record, key) for key in DOCUMENT_FIELDS})
    return ImportedDocument(document, spans=_spans(fields, len(raw), stored.remap), where=where,
                            answers=_answers(fields), statuses=_statuses(fields), memos=_memos(fields))


def _documents(records: Iterable[tuple[str, Any]], source: str) -> Iterator[ImportedDocument]:
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object with a text field")
        yield own_record_to_document(record, source, where)


def read_own(records: Iterable[tuple[str, Any]], first: dict[str, Any], source: str) -> ImportedFile:
    """Our JSONL export: the header's codebook and team, and the documents one at a time."""
    header = first[HEADER_KEY]
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise ImportRefused(source, f"line 1: was written by a newer version of Framing Annotator "
                                    f"(format version {version!r}); please update the app")
    codebook = None
    if header.get("codebook") is not None:
        try:
            codebook = codebook_from_dict(header["codebook"])
        except CodebookError as exc:
            raise ImportRefused(source, f"line 1: the codebook it carries is not valid: {exc}") from None
    team = []
    for person in header.get("team") or []:
        if isinstance(person, dict) and isinstance(person.get("name"), str) and person["name"].strip():
            team.append(Annotator(name=person["name"], role="lead" if person.get("role") == "lead" else "annotator"))
    return ImportedFile(documents=_documents(records, source), codebook=codebook, team=team)
