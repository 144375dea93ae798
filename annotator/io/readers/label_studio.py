"""Label Studio exports: JSON (tasks with annotations[].result[]) and JSON-MIN (one flat record per annotation).

Text regions ("labels" results) become spans under the annotation's author (completed_by: an email,
or "user N"), with the region's meta text as note; "choices" and "rating" results become answers
to a question named after the control (from_name); a submitted annotation marks the document done
for its author. Cancelled (skipped) annotations, predictions and regions of other kinds are counted
and reported. Region offsets count characters; Label Studio before 1.4 counted UTF-16 units, which
the region's own text tells apart.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.offsets import Utf16Index
from annotator.io.label_studio_format import OUR_ANNOTATORS
from annotator.io.note_attributes import split_attribute_lines
from annotator.io.readers.base import (
    ImportedAnswer,
    ImportedDocument,
    ImportedFile,
    ImportedSpan,
    count_phrase,
    refuse_unstorable,
    stored_text_of,
)
from annotator.io.readers.records import as_text, map_fields

_LINK = re.compile(r"^([a-z][a-z0-9+.-]*://|/|data:)\S*$", re.IGNORECASE)
MIN_KEYS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}


def is_tasks(record: Any) -> bool:
    """A Label Studio task: a "data" object (with annotations, predictions or completions, or none yet)."""
    return isinstance(record, dict) and isinstance(record.get("data"), dict)


def _regions(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and "start" in v and isinstance(v.get("labels"), list) for v in value)


def is_min(record: Any) -> bool:
    """A JSON-MIN record: the task's data with a list of regions {start, end, text, labels: [...]}."""
    return isinstance(record, dict) and any(_regions(v) for v in record.values())


def annotator_name(who: Any) -> str | None:
    """completed_by as a name: a user object's email or username, a user number as "user N"."""
    if isinstance(who, dict):
        return as_text(who.get("email") or who.get("username") or who.get("id")) or None
    if isinstance(who, bool) or who is None or who == "":
        return None
    return f"user {who}" if isinstance(who, int) else str(who)


def _text_key(data: dict[str, Any]) -> str | None:
    """The data key of the text to annotate: a usual name for it, else the only text that is not a
    link to a file (an image, audio or video task holds a URL or a path)."""
    strings = [k for k, v in data.items() if isinstance(v, str) and v.strip() and not _LINK.match(v.strip())]
    mapped = map_fields(strings).get("text")
    if mapped:
        return mapped
    return strings[0] if len(strings) == 1 else None


class _Task:
    """One task's text and the spans, answers and statuses read from its annotations."""

    def __init__(self, data: dict[str, Any], where: str, source: str):
        key = _text_key(data)
        if key is None:
            kinds = ", ".join(sorted(data)) or "nothing"
            raise ImportRefused(source, f"{where}: this is a Label Studio export, but the task's data holds "
                                f"no text to annotate ({kinds}); only text projects can be imported")
        self.where, self.source, self.raw = where, source, data[key]
        self.normalised = stored_text_of(self.raw)
        self._utf16: Utf16Index | None = None
        mapping = map_fields([k for k in data if k not in (key, OUR_ANNOTATORS)])
        mapping.pop("text", None)
        fields = {name: as_text(data[k]) for name, k in mapping.items()}
        used = {key, OUR_ANNOTATORS, *mapping.values()}
        metadata = {k: v for k, v in data.items() if k not in used and v not in (None, "", [], {})}
        metadata["format"] = "label-studio"
        text = self.normalised.text
        refuse_unstorable(text, source, where)
        title = fields.pop("title", "") or text.strip().split("\n")[0][:200]
        self.document = Document(text=text, title=title, filename=source, metadata=metadata, **fields)
        self.item = ImportedDocument(self.document, where=where)

    def offsets(self, value: dict[str, Any]) -> tuple[int, int]:
        start, end = value.get("start"), value.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            raise ImportRefused(self.source, f"{self.where}: a region has offsets {start!r}-{end!r}, not numbers")
        said = value.get("text")
        if isinstance(said, str) and self.raw[start:end] != said:
            self._utf16 = self._utf16 or Utf16Index(self.raw)
            start16, end16 = self._utf16.from_utf16(start), self._utf16.from_utf16(end)
            if self.raw[start16:end16] != said:
                raise ImportRefused(self.source, f"{self.where}: a region at {start}-{end} says {said[:40]!r} "
                                    f"but the text there is {self.raw[start:end][:40]!r}")
            start, end = start16, end16
        if not 0 <= start < end <= len(self.raw):
            raise ImportRefused(self.source, f"{self.where}: a region at {start}-{end} does not fit the text "
                                f"({len(self.raw)} characters)")
        return self.normalised.remap(start, end)

    def add_result(self, results: list[Any], who: str | None, skipped: Counter) -> None:
        results = [r for r in results if isinstance(r, dict)]
        notes = {r.get("id"): r for r in results if r.get("type") == "textarea"}
        regions = {r.get("id") for r in results if r.get("type") == "labels" and r.get("id")}
        for result in results:
            kind, value = result.get("type"), result.get("value") or {}
            if kind == "labels" and isinstance(value.get("start"), int):
                start, end = self.offsets(value)
                note = _region_note(result, notes.get(result.get("id")) if result.get("id") else None)
                note, attributes = split_attribute_lines(note)
                for label in value.get("labels") or []:
                    if start < end:
                        self.item.spans.append(ImportedSpan(start, end, str(label), note, who, dict(attributes)))
            elif kind in ("choices", "rating") and result.get("from_name"):
                values = value.get("choices") if kind == "choices" else [value.get("rating")]
                self.item.answers.append(ImportedAnswer(str(result["from_name"]),
                                                        [as_text(v) for v in values or [] if v is not None], who))
            elif kind == "textarea" and result.get("id") in regions:
                continue  # a region's note, read with its region
            else:
                skipped[f"'{kind}' result(s)"] += 1


def _region_note(result: dict[str, Any], textarea: dict[str, Any] | None) -> str:
    lines = []
    meta = result.get("meta") or {}
    for source in (meta.get("text"), (textarea or {}).get("value", {}).get("text")):
        if isinstance(source, list):
            lines += [as_text(t) for t in source if as_text(t)]
        elif isinstance(source, str) and source.strip():
            lines.append(source.strip())
    return "\n".join(lines)


def _merge(items: dict[str, ImportedDocument], task: _Task) -> None:
    """One document per text: annotations of the same text in several records go together."""
    known = items.get(task.document.id)
    if known is None:
        items[task.document.id] = task.item
    else:
        known.spans += task.item.spans
        known.answers += task.item.answers
        known.statuses.update(task.item.statuses)


def read_tasks(records: list[tuple[str, Any]], source: str) -> ImportedFile:
    """A Label Studio JSON export (or a task file with annotations, like our own export)."""
    items: dict[str, ImportedDocument] = {}
    skipped: Counter = Counter()
    for where, record in records:
        if not is_tasks(record):
            raise ImportRefused(source, f"{where}: is not a Label Studio task like the others (no 'data')")
        task = _Task(record["data"], where, source)
        annotations = [a for a in record.get("annotations") or record.get("completions") or [] if isinstance(a, dict)]
        ours = record["data"].get(OUR_ANNOTATORS)
        names = ours if isinstance(ours, list) and len(ours) == len(annotations) else None
        for index, annotation in enumerate(annotations):
            if annotation.get("was_cancelled"):
                skipped["skipped (cancelled) annotation(s)"] += 1
                continue
            who = str(names[index]) if names else annotator_name(annotation.get("completed_by"))
            task.add_result(annotation.get("result") or [], who, skipped)
            if who and not names:
                task.item.statuses[who] = "done"
        skipped["prediction(s) (model suggestions)"] += len(record.get("predictions") or [])
        _merge(items, task)
    warnings = [f"{count_phrase(dict(skipped))}: not imported"] if sum(skipped.values()) else []
    return ImportedFile(list(items.values()), warnings=warnings)


def read_min(records: list[tuple[str, Any]], source: str) -> ImportedFile:
    """A Label Studio JSON-MIN export: one flat record per annotation, regions under the control's name."""
    items: dict[str, ImportedDocument] = {}
    skipped: Counter = Counter()
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object")
        regions = {k: v for k, v in record.items() if _regions(v)}
        data = {k: v for k, v in record.items() if k not in regions and k not in MIN_KEYS}
        task = _Task(data, where, source)
        who = annotator_name(record.get("annotator"))
        results = [{"type": "labels", "value": r} for regions_of in regions.values() for r in regions_of]
        task.add_result(results, who, skipped)
        if who:
            task.item.statuses[who] = "done"
        _merge(items, task)
    return ImportedFile(list(items.values()))

