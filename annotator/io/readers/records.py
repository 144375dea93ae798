"""Corpus rows (CSV rows, JSON records) to documents: column synonyms, metadata, doccano spans."""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalise_text
from annotator.io.paragraphs import join_paragraphs, plain_text_paragraphs, with_headline
from annotator.io.readers.base import ImportedDocument, ImportedSpan

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext", "article_text",
             "article_body", "story", "data", "texte", "corps", "contenu"),
    "title": ("title", "headline", "heading", "hed", "titre", "titel"),
    "url": ("url", "link", "uri", "canonical_url", "source_url", "permalink", "lien"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name", "newspaper", "publication",
               "media", "medium", "domain", "journal", "source_name"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date", "publication_date",
                  "date_published", "datetime", "timestamp", "time", "created_at", "date_publish"),
    "language": ("language", "lang", "locale", "langue"),
    "author": ("author", "authors", "byline", "creator", "writer", "auteur", "auteurs"),
}
SPAN_KEYS = ("label", "labels", "entities", "spans")


def normalise_key(key: str) -> str:
    return re.sub(r"[\s\-.]+", "_", str(key).strip().lower())


def map_fields(keys: list[str]) -> dict[str, str]:
    """Our field -> the record's key for it (first synonym present wins)."""
    by_norm = {}
    for key in keys:
        by_norm.setdefault(normalise_key(key), key)
    mapping = {}
    for field_name, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            if synonym in by_norm and by_norm[synonym] not in mapping.values():
                mapping[field_name] = by_norm[synonym]
                break
    return mapping


def as_text(value: Any) -> str:
    """A cell or JSON value as one line of text (names of objects, lists joined by commas)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("title") or value.get("id") or "")
    if isinstance(value, list):
        return ", ".join(filter(None, (as_text(v) for v in value)))
    return str(value)


def _spans_of(record: dict[str, Any], where: str, source: str) -> tuple[list[tuple[int, int, str, str]], list[str]]:
    """Doccano spans [(start, end, label, note)] and document categories of a record."""
    spans: list[tuple[int, int, str, str]] = []
    categories: list[str] = []
    for key in SPAN_KEYS:
        value = record.get(key)
        if not value:
            continue
        if not isinstance(value, list):
            raise ImportRefused(source, f"{where}: '{key}' must be a list")
        for item in value:
            if isinstance(item, str):
                categories.append(item)
            elif isinstance(item, list) and len(item) >= 3:
                spans.append((item[0], item[1], item[2], ""))
            elif isinstance(item, dict):
                start = item.get("start_offset", item.get("start"))
                end = item.get("end_offset", item.get("end"))
                spans.append((start, end, item.get("label"), as_text(item.get("note", ""))))
            else:
                raise ImportRefused(source, f"{where}: cannot read the span {json.dumps(item)[:60]} in '{key}'")
    for start, end, label, _ in spans:
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)):
            raise ImportRefused(source, f"{where}: span offsets must be whole numbers, not {start!r} and {end!r}")
        if not isinstance(label, str) or not label.strip():
            raise ImportRefused(source, f"{where}: a span at {start}-{end} has no label name")
    return spans, categories


def record_to_document(record: dict[str, Any], source: str, where: str,
                       annotator_key: str = "annotator") -> ImportedDocument:
    """One corpus record as a document; doccano spans are remapped onto the normalised text."""
    mapping = map_fields(list(record))
    if "text" not in mapping:
        wanted = ", ".join(FIELD_SYNONYMS["text"][:6])
        raise ImportRefused(source, f"{where}: has no text field (looked for {wanted}...)")
    raw = record[mapping["text"]]
    if not isinstance(raw, str):
        raise ImportRefused(source, f"{where}: the text field '{mapping['text']}' is not text")
    if not raw.strip():
        raise ImportRefused(source, f"{where}: the text is empty")
    fields = {name: as_text(record.get(key)) for name, key in mapping.items() if name != "text"}
    spans, categories = _spans_of(record, where, source)
    used = set(mapping.values()) | set(SPAN_KEYS) | {annotator_key}
    metadata = {k: v for k, v in record.items() if k not in used and v not in (None, "")}
    if categories:
        metadata["categories"] = categories
    normalised = normalise_text(raw)
    imported: list[ImportedSpan] = []
    if spans:
        text = normalised.text
        annotator = as_text(record.get(annotator_key)) or None
        for start, end, label, note in spans:
            if not 0 <= start < end <= len(raw):
                raise ImportRefused(
                    source, f"{where}: span {start}-{end} ({label}) does not fit the text ({len(raw)} characters)"
                )
            new_start, new_end = normalised.remap(start, end)
            if new_start < new_end:
                imported.append(ImportedSpan(new_start, new_end, label.strip(), note, annotator))
        title = fields.get("title", "")
    else:
        paragraphs = with_headline(fields.get("title", ""), plain_text_paragraphs(normalised.text))
        text = join_paragraphs(paragraphs)
        title = fields.get("title") or (paragraphs[0].split("\n")[0] if paragraphs else "")
    if not text.strip():
        raise ImportRefused(source, f"{where}: the text is empty")
    document = Document(
        text=text, title=title, url=fields.get("url", ""), outlet=fields.get("outlet", ""),
        published=fields.get("published", ""), language=fields.get("language", ""),
        author=fields.get("author", ""), filename=source, metadata=metadata,
    )
    return ImportedDocument(document, spans=imported, where=where)
