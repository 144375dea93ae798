"""brat standoff: a folder per annotator with .txt and .ann per document, plus annotation.conf and visual.conf.

What brat's own parser (server/src/annotation.py) and its configuration reader (projectconfig.py)
accept decides the shape: type names match ^[A-Za-z0-9_-]+$ (anything else is renamed by brat and
no longer matches the .ann); a T line's text is its fragments joined by one space and may not hold
a line break, so a span across a line break is written as fragments around the break; an A line's
value must be declared in annotation.conf; notes are `#` AnnotatorNotes lines, one per line of the
note. A label's real name (Délégitimation, 中文标签) goes into visual.conf, where brat shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import Span
from annotator.core.wording import counted
from annotator.io.brat_format import EXTENT_TYPE, LINE_BREAKS, NOTE_TYPE
from annotator.io.note_attributes import attribute_note
from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    selected_sources,
)

CONF_MARKER = "annotation.conf"
_LINE_BREAK_RE = re.compile(f"[{re.escape(LINE_BREAKS)}]")
_TEXT_RUN_RE = re.compile(f"[^{re.escape(LINE_BREAKS)}]+")
_TYPE_RE = re.compile(r"[^A-Za-z0-9_-]")
_VALUE_RE = re.compile(r"[\s,|]+")
_FILE_RE = re.compile(r"[^\w.-]+")


def brat_type(label_id: str) -> str:
    """A label or attribute id as a brat type name: letters, digits, _ and - only (brat's storage form)."""
    return _TYPE_RE.sub("_", label_id) or "label"


def brat_value(value: str) -> str:
    """An attribute value as brat accepts it in an A line and in annotation.conf (no space, comma or |)."""
    return _VALUE_RE.sub("_", value.strip()) or "_"


def safe_name(name: str, fallback: str) -> str:
    """A file or folder name made of word characters, dots and hyphens."""
    cleaned = _FILE_RE.sub("_", name).strip("._")[:60]
    return cleaned or fallback


def _one_line(value: str) -> str:
    return " ".join(_LINE_BREAK_RE.sub(" ", value).split())


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks (brat cannot hold a line break in a T line)."""
    return [(start + m.start(), start + m.end()) for m in _TEXT_RUN_RE.finditer(text[start:end])]


@dataclass
class AttributeUse:
    """What the documents used of the codebook's choice attributes, for annotation.conf."""

    values: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)

    def add(self, attribute: str, value: str, type_name: str) -> None:
        seen = self.values.setdefault(attribute, [])
        if value not in seen:
            seen.append(value)
        self.types.setdefault(attribute, set()).add(type_name)


def annotation_lines(text: str, spans: list[Span], choice_attributes: set[str],
                     used: AttributeUse | None = None) -> tuple[list[str], int]:
    """The .ann lines for one document and how many spans could not be written (none so far).

    T per span (fragments around line breaks), A per single-choice attribute, and # AnnotatorNotes
    lines for the note (one per line) and for the other attributes ("[key: value]"). A span that
    starts or ends with a line break gets an Extent comment with its exact offsets.
    """
    used = used if used is not None else AttributeUse()
    lines: list[str] = []
    attr_n = note_n = t_n = skipped = 0
    for span in spans:
        pieces = fragments(text, span.start, span.end) or [(span.start, span.start)]
        t_n += 1
        type_name = brat_type(span.label_id)
        ranges = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"T{t_n}\t{type_name} {ranges}\t{' '.join(text[s:e] for s, e in pieces)}")
        if (pieces[0][0], pieces[-1][1]) != (span.start, span.end):
            note_n += 1
            lines.append(f"#{note_n}\t{EXTENT_TYPE} T{t_n}\t{span.start} {span.end}")
        notes = [line.strip() for line in _LINE_BREAK_RE.split(span.note) if line.strip()]
        for key, value in sorted(span.attributes.items()):
            if value in (None, "", [], {}):
                continue
            if key in choice_attributes and isinstance(value, str):
                attr_n += 1
                lines.append(f"A{attr_n}\t{brat_type(key)} T{t_n} {brat_value(value)}")
                used.add(key, brat_value(value), type_name)
            else:
                notes.append(attribute_note(key, value))
        for note in notes:
            note_n += 1
            lines.append(f"#{note_n}\t{NOTE_TYPE} T{t_n}\t{note}")
    return lines, skipped


def annotation_conf(book: Codebook, used: AttributeUse | None = None) -> str:
    """annotation.conf from the codebook: entity hierarchy, overlaps allowed, attributes with their values."""
    used = used or AttributeUse()
    children: dict[str | None, list] = {}
    ids = {label.id for label in book.span_labels}
    for label in book.span_labels:
        parent = label.parent if label.parent in ids else None
        children.setdefault(parent, []).append(label)
    lines = [f"# brat configuration generated by Framing Annotator from codebook {book.name!r} "
             f"(version {book.version})", "[entities]"]

    def walk(parent: str | None, depth: int) -> None:
        for label in children.get(parent, []):
            lines.append("\t" * depth + brat_type(label.id))
            walk(label.id, depth + 1)

    walk(None, 0)
    lines += ["", "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
              "", "[events]", "", "[attributes]"]
    for attr in book.attributes:
        if attr.type != "choice":
            continue
        types = {brat_type(l) for l in attr.labels if l in ids} | used.types.get(attr.id, set())
        args = "|".join(sorted(types)) if attr.labels else "<ENTITY>"
        values = list(dict.fromkeys([brat_value(v) for v in attr.choices] + used.values.get(attr.id, [])))
        lines.append(f"{brat_type(attr.id)}\tArg:{args}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def _display(name: str) -> str:
    """A name as a [labels] term of visual.conf (no | nor tab, one line)."""
    return _one_line(name.replace("|", "/").replace("\t", " ")) or "?"


def visual_conf(book: Codebook) -> str:
    """visual.conf for brat: each label's and attribute's display name, and each label's colour."""
    lines = ["[labels]"]
    for label in book.span_labels:
        lines.append(f"{brat_type(label.id)} | {_display(label.name)}")
    for attr in book.attributes:
        if attr.type == "choice":
            lines.append(f"{brat_type(attr.id)} | {_display(attr.name)}")
    lines += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken"]
    for label in book.span_labels:
        lines.append(f"{brat_type(label.id)}\tbgColor:{label.color}")
    return "\n".join(lines) + "\n"


def _write_text(path: Path, content: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)


def _clashes(book: Codebook) -> list[str]:
    names: dict[str, list[str]] = {}
    for item in [l.id for l in book.span_labels] + [a.id for a in book.attributes if a.type == "choice"]:
        names.setdefault(brat_type(item), []).append(item)
    return [f"brat: {', '.join(ids)} share the brat type name {name}"
            for name, ids in names.items() if len(ids) > 1]


def write_brat(project: Any, folder: Path, selection: ExportSelection, report: ExportReport,
               progress: Progress) -> None:
    """Write <annotator>/<document>.txt/.ann into `folder`, then annotation.conf and visual.conf."""
    book = project.codebook.current()
    report.warnings += _clashes(book)
    choice_attributes = {a.id for a in book.attributes if a.type == "choice" and not a.multiple}
    used = AttributeUse()
    folders: dict[str, Path] = {}
    used_folders: set[str] = set()
    for source in selection.sources:
        name = safe_name(source, "annotator")
        while name.lower() in used_folders:
            name += "_"
        used_folders.add(name.lower())
        folders[source] = folder / name
        folders[source].mkdir()
    used_files: set[str] = set()
    skipped = 0
    for doc in project.documents.iter_all():
        progress.step()
        sources = selected_sources(project, doc.id, selection)
        if not sources:
            continue
        stem = f"{safe_name(doc.title or Path(doc.filename).stem, 'document')}-{doc.id[:10]}"
        while stem.lower() in used_files:
            stem += "_"
        used_files.add(stem.lower())
        report.documents += 1
        for source in sources:
            people = [] if source == GOLD else [source]
            spans = project.exports.document_spans(doc.id, people, source == GOLD, selection.label_ids)
            lines, left_out = annotation_lines(doc.text, spans, choice_attributes, used)
            _write_text(folders[source] / f"{stem}.txt", doc.text)
            _write_text(folders[source] / f"{stem}.ann", "".join(line + "\n" for line in lines))
            report.spans += len(spans) - left_out
            skipped += left_out
            report.files += 2
    _write_text(folder / CONF_MARKER, annotation_conf(book, used))
    _write_text(folder / "visual.conf", visual_conf(book))
    report.files += 2
    if skipped:
        report.warnings.append(f"brat: {counted(skipped, 'span')} could not be written; "
                               f"{'it was' if skipped == 1 else 'they were'} left out")
