"""Corpus rows (CSV rows, JSON records) to documents: column synonyms, metadata, doccano spans."""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalise_text, normalised_string, short_title
from annotator.io.paragraphs import join_paragraphs, plain_text_paragraphs, with_headline
from annotator.io.readers.base import ImportedDocument, ImportedSpan, refuse_unstorable

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


_MAPPINGS: dict[tuple[str, ...], dict[str, str]] = {}
_SURROGATE = re.compile("[\ud800-\udfff]")


def map_fields(keys: list[str]) -> dict[str, str]:
    """Our field -> the record's key for it (first synonym present wins); the records of a corpus
    mostly share their keys, so each set of keys is mapped once."""
    known = _MAPPINGS.get(tuple(keys))
    if known is None:
        known = _map_fields(keys)
        if len(_MAPPINGS) < 1000:
            _MAPPINGS[tuple(keys)] = known
    return dict(known)


def _map_fields(keys: list[str]) -> dict[str, str]:
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


RawSpan = tuple[Any, Any, Any, str, "str | None"]


def _span_lists(record: dict[str, Any]) -> list[str]:
    """Keys holding spans: our own export's full "annotations" when present, else doccano's keys.

    Only a list (even empty) is doccano's: a text under "label" (a category column, as many
    corpora have) is the record's metadata.
    """
    annotations = record.get("annotations")
    if isinstance(annotations, list) and annotations and all(isinstance(a, dict) for a in annotations):
        return ["annotations"]
    return [key for key in SPAN_KEYS if isinstance(record.get(key), list)]


def _spans_of(record: dict[str, Any], where: str, source: str,
              lists: list[str]) -> tuple[list[RawSpan], list[str]]:
    """Spans [(start, end, label, note, annotator)] and document categories of a record (under `lists`)."""
    spans: list[RawSpan] = []
    categories: list[str] = []
    for key in lists:
        for item in record[key]:
            if isinstance(item, str):
                categories.append(item)
            elif isinstance(item, list) and len(item) >= 3:
                spans.append((item[0], item[1], item[2], "", None))
            elif isinstance(item, dict):
                start = item.get("start_offset", item.get("start"))
                end = item.get("end_offset", item.get("end"))
                spans.append((start, end, item.get("label"), as_text(item.get("note", "")),
                              as_text(item.get("annotator")) or None))
            else:
                raise ImportRefused(source, f"{where}: cannot read the span {json.dumps(item)[:60]} in '{key}'")
    for start, end, label, _, _ in spans:
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)):
            raise ImportRefused(source, f"{where}: span offsets must be whole numbers, not {start!r} and {end!r}")
        if not isinstance(label, str) or not label.strip():
            raise ImportRefused(source, f"{where}: a span at {start}-{end} has no label name")
    return spans, categories


def _metadata(record: dict[str, Any], used: set[str]) -> dict[str, Any]:
    """Keys we do not map, kept as they are; a "metadata" object (our own export) is merged in."""
    # kept: anything but None, "", [] and {} (0 and False are values)
    metadata = {k: v for k, v in record.items()
                if k not in used and (v or (v is not None and not isinstance(v, (str, list, dict))))}
    nested = metadata.pop("metadata", None)
    if isinstance(nested, dict):
        metadata = {**metadata, **nested}
    elif nested is not None:
        metadata["metadata"] = nested
    return metadata


def _remapper(raw: str):
    """(stored text, offset remapper) for text whose spans count the characters as written."""
    if "\r" not in raw and not raw.startswith("\ufeff"):
        return raw, lambda start, end: (start, end)
    normalised = normalise_text(raw)
    return normalised.text, normalised.remap


def _surrogate_in(value: Any) -> str | None:
    """The first lone surrogate a JSON value holds anywhere (a decoded str holds no paired one), or None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                return found.group()
        elif isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return None


def refuse_lone_surrogates(record: dict[str, Any], source: str, where: str) -> None:
    """Refuse a record with half a character (a lone \\ud83d escape in JSON): it cannot be stored."""
    for key, value in record.items():
        found = _surrogate_in(key) or _surrogate_in(value)
        if found is not None:
            raise ImportRefused(
                source, f"{where}: '{key}' holds a lone surrogate (U+{ord(found):04X}), half of a character "
                "that cannot be stored")


def record_to_document(record: dict[str, Any], source: str, where: str,
                       annotator_key: str = "annotator") -> ImportedDocument:
    """One corpus record as a document.

    A record in doccano's shape (it has "label", "entities"... even empty) keeps its text as
    written, line endings aside, and its spans are remapped onto it; a plain corpus record is
    tidied into paragraphs with its title first.
    """
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
    lists = _span_lists(record)
    spans, categories = _spans_of(record, where, source, lists) if lists else ([], [])
    used = {*mapping.values(), annotator_key, "annotations", "annotators", "filename"}
    if lists:
        used.update(key for key in SPAN_KEYS if isinstance(record.get(key), list))
    metadata = _metadata(record, used)
    if categories:
        metadata["categories"] = categories
    imported: list[ImportedSpan] = []
    if lists:
        text, remap = _remapper(raw)
        default_annotator = as_text(record.get(annotator_key)) or None
        for start, end, label, note, annotator in spans:
            if not 0 <= start < end <= len(raw):
                raise ImportRefused(
                    source, f"{where}: span {start}-{end} ({label}) does not fit the text ({len(raw)} characters)"
                )
            new_start, new_end = remap(start, end)
            if new_start < new_end:
                imported.append(ImportedSpan(new_start, new_end, label.strip(), note, annotator or default_annotator))
        title = fields.get("title") or short_title(text)
    else:
        paragraphs = with_headline(fields.get("title", ""), plain_text_paragraphs(normalised_string(raw)))
        text = join_paragraphs(paragraphs)
        title = fields.get("title") or (short_title(paragraphs[0]) if paragraphs else "")
    # The text's control characters or lone surrogates are refused by the store, which names the record.
    refuse_lone_surrogates({k: v for k, v in record.items() if k != mapping["text"]}, source, where)
    try:
        document = Document(
            text=text, title=title, url=fields.get("url", ""), outlet=fields.get("outlet", ""),
            published=fields.get("published", ""), language=fields.get("language", ""),
            author=fields.get("author", ""), filename=as_text(record.get("filename")) or source, metadata=metadata,
        )
    except UnicodeEncodeError:  # a lone surrogate: say so as for any text that may not be stored
        refuse_unstorable(text, source, where)
        raise
    if metadata.get("id") == document.id:
        del metadata["id"]
    return ImportedDocument(document, spans=imported, where=where)
