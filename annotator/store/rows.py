"""Conversions between table rows and the core records."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from annotator.core.model import Choice, Document, DocumentLabel, Label, Span

DOCUMENT_COLUMNS = (
    "id, title, text, outlet, url, author, published, language, filename, metadata"
)
SPAN_COLUMNS = (
    'id, document_id, annotator, label_id, start, "end", text, note, attributes, origin, '
    "codebook_version, created, updated, deleted"
)
DOCUMENT_LABEL_COLUMNS = "id, document_id, annotator, question, value, note, created, updated, deleted"


def document_from_row(row: sqlite3.Row | tuple) -> Document:
    (doc_id, title, text, outlet, url, author, published, language, filename, metadata) = row
    return Document(
        id=doc_id, title=title, text=text, outlet=outlet, url=url, author=author,
        published=published, language=language, filename=filename, metadata=json.loads(metadata),
    )


def span_from_row(row: tuple) -> Span:
    (span_id, document_id, annotator, label_id, start, end, text, note, attributes, origin,
     version, created, updated, deleted) = row
    return Span(
        id=span_id, document_id=document_id, annotator=annotator, label_id=label_id,
        start=start, end=end, text=text, note=note, attributes=json.loads(attributes) if attributes != "{}" else {},
        origin=origin, codebook_version=version, created=created, updated=updated,
        deleted=bool(deleted),
    )


def span_to_row(span: Span) -> dict[str, Any]:
    return {
        "id": span.id, "document_id": span.document_id, "annotator": span.annotator,
        "label_id": span.label_id, "start": span.start, "end": span.end, "text": span.text,
        "note": span.note, "attributes": json.dumps(span.attributes, ensure_ascii=False, sort_keys=True),
        "origin": span.origin, "codebook_version": span.codebook_version,
        "created": span.created, "updated": span.updated, "deleted": int(span.deleted),
    }


def document_label_from_row(row: tuple) -> DocumentLabel:
    (dl_id, document_id, annotator, question, value, note, created, updated, deleted) = row
    return DocumentLabel(
        id=dl_id, document_id=document_id, annotator=annotator, question=question, value=value,
        note=note, created=created, updated=updated, deleted=bool(deleted),
    )


def label_to_row(label: Label, updated: str) -> dict[str, Any]:
    return {
        "id": label.id, "name": label.name, "kind": label.kind, "parent": label.parent,
        "color": label.color, "shortcut": label.shortcut, "description": label.description,
        "name_fr": label.name_fr, "description_fr": label.description_fr,
        "examples": json.dumps(label.examples, ensure_ascii=False),
        "choices": json.dumps([vars(c) for c in label.choices], ensure_ascii=False),
        "multiple": int(label.multiple), "level": label.level, "retired": int(label.retired),
        "imported": int(label.imported), "position": label.position, "updated": updated,
        "examples_fr": json.dumps(label.examples_fr, ensure_ascii=False), "code": label.code,
    }


def label_from_row(row: dict[str, Any]) -> Label:
    return Label(
        id=row["id"], name=row["name"], kind=row["kind"], parent=row["parent"],
        color=row["color"], shortcut=row["shortcut"], description=row["description"],
        name_fr=row["name_fr"], description_fr=row["description_fr"],
        examples=json.loads(row["examples"]),
        choices=[Choice(**c) for c in json.loads(row["choices"])],
        multiple=bool(row["multiple"]), level=row["level"], retired=bool(row["retired"]),
        imported=bool(row["imported"]), position=row["position"],
        examples_fr=json.loads(row.get("examples_fr") or "[]"), code=row.get("code") or "",
    )
