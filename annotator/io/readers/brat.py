"""brat standoff: a .txt with its .ann (T, A, N and # lines) and the corpus configuration, as one document.

A text-bound annotation whose fragments are separated only by line breaks (how brat, and our export,
write a span across a line break) becomes one span again; truly discontinuous ones become one span
per fragment. A and N lines become span attributes, AnnotatorNotes the span's note, and a note of
the form "[key: value]" (how our export writes attributes brat cannot hold) an attribute again.
Relations, events and equivalences have no place in a project: they are counted and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.io.brat_format import EXTENT_TYPE, LINE_BREAKS
from annotator.io.decode import decode_bytes
from annotator.io.note_attributes import ATTRIBUTE_NOTE, note_value
from annotator.io.readers.base import (
    ImportedDocument,
    ImportedFile,
    ImportedSpan,
    ReadOptions,
    count_phrase,
    display_name,
    refuse_unstorable,
    stored_text_of,
)
from annotator.io.readers.brat_conf import read_config

MAX_OFFSET_DIGITS = 12  # a trillion characters: more is no offset
_TEXT_BOUND = re.compile(r"^(?P<label>[^\s]+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)$")
KINDS = {"R": "relations", "E": "events", "*": "equivalences", "A": "attributes of non-text annotations",
         "M": "attributes of non-text annotations", "N": "normalisations of non-text annotations",
         "#": "notes on non-text annotations"}


@dataclass
class BratAnnotation:
    """One text-bound (T) annotation: its label, fragments, text, notes and attributes."""

    id: str
    label: str
    fragments: list[tuple[int, int]]
    text: str
    notes: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    extent: tuple[int, int] | None = None  # from an Extent comment (a span edged by line breaks)


def ann_path(text_path: Path) -> Path:
    return text_path.with_suffix(".ann")


def _attach(annotations: dict[str, BratAnnotation], kind: str, parts: list[str], ignored: dict[str, int]) -> None:
    """Put an A/M, N or # line on its T annotation; count it when it targets anything else."""
    fields = parts[1].split() if len(parts) > 1 else []
    target = annotations.get(fields[1]) if len(fields) >= 2 else None
    if target is None:
        ignored[kind] = ignored.get(kind, 0) + 1
        return
    if kind in "AM":
        target.attributes[fields[0]] = " ".join(fields[2:]) if len(fields) > 2 else True
    elif kind == "N":
        reference = fields[2] if len(fields) > 2 else ""
        previous = target.attributes.get(fields[0])
        target.attributes[fields[0]] = reference if previous is None else (
            (previous if isinstance(previous, list) else [previous]) + [reference])
    elif fields[0] == EXTENT_TYPE:
        bounds = (parts[2] if len(parts) > 2 else "").split()
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            target.extent = (int(bounds[0]), int(bounds[1]))
    else:
        note = (parts[2] if len(parts) > 2 else "").strip()
        as_attribute = ATTRIBUTE_NOTE.match(note)
        if as_attribute:
            target.attributes[as_attribute.group(1)] = note_value(as_attribute.group(2))
        elif note:
            target.notes.append(note)


def parse_ann(ann: str, source: str) -> tuple[list[BratAnnotation], dict[str, int]]:
    """T annotations with their attributes and notes, and how many lines of other kinds were left aside."""
    annotations: dict[str, BratAnnotation] = {}
    later: list[tuple[str, list[str]]] = []
    ignored: dict[str, int] = {}
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        kind = parts[0][:1]
        if kind == "T":
            match = _TEXT_BOUND.match(parts[1]) if len(parts) >= 2 else None
            if match is None:
                raise ImportRefused(source, f"line {number}: cannot read the annotation {line[:60]!r}")
            fragments = []
            if max(len(n) for n in re.findall(r"\d+", match.group("ranges"))) > MAX_OFFSET_DIGITS:
                raise ImportRefused(source, f"line {number}: an offset has more than {MAX_OFFSET_DIGITS} digits, "
                                            "far beyond any text")
            for pair in match.group("ranges").split(";"):
                start, end = (int(n) for n in pair.split())
                if start > end or (start == end and ";" in match.group("ranges")):
                    raise ImportRefused(source, f"line {number}: fragment {start}-{end} is empty or reversed")
                fragments.append((start, end))
            annotations[parts[0]] = BratAnnotation(parts[0], match.group("label"), fragments,
                                                   parts[2] if len(parts) > 2 else "")
        elif kind in "AMN#":
            later.append((kind, parts))
        else:
            ignored[kind] = ignored.get(kind, 0) + 1
    for kind, parts in later:
        _attach(annotations, kind, parts, ignored)
    return list(annotations.values()), ignored


def _check_covered(annotation: BratAnnotation, raw: str, source: str) -> None:
    for start, end in annotation.fragments:
        if end > len(raw):
            raise ImportRefused(
                source, f"{annotation.id} ({annotation.label}) ends at {end}, past the end of the text "
                f"({len(raw)} characters): is this .ann for another text?"
            )
    covered = " ".join(raw[s:e] for s, e in annotation.fragments)
    if annotation.text and covered.split() != annotation.text.split():
        raise ImportRefused(
            source, f"{annotation.id} ({annotation.label}) at "
            f"{';'.join(f'{s}-{e}' for s, e in annotation.fragments)} covers {covered[:40]!r} but the .ann "
            f"says {annotation.text[:40]!r}: is this .ann for another text?"
        )


def joined_fragments(fragments: list[tuple[int, int]], raw: str,
                     extent: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Fragments apart only by line breaks joined into one range (a span across a line break);
    an extent that adds only line breaks around them replaces them."""
    ordered = sorted(fragments)
    if extent is not None and extent[0] <= ordered[0][0] and ordered[-1][1] <= extent[1] <= len(raw):
        covered = set()
        for start, end in ordered:
            covered.update(range(start, end))
        if all(raw[i] in LINE_BREAKS for i in range(*extent) if i not in covered):
            return [extent]
    joined = [ordered[0]]
    for start, end in ordered[1:]:
        gap = raw[joined[-1][1]:start]
        if gap and set(gap) <= set(LINE_BREAKS):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _spans(annotation: BratAnnotation, raw: str, normalised: Any,
           annotator: str | None) -> list[ImportedSpan]:
    pieces = joined_fragments(annotation.fragments, raw, annotation.extent)
    spans = []
    for index, (start, end) in enumerate(pieces, start=1):
        new_start, new_end = normalised.remap(start, end)
        if new_start >= new_end:
            continue
        notes = list(annotation.notes)
        if len(pieces) > 1:
            notes.append(f"brat {annotation.id}: discontinuous, part {index} of {len(pieces)}")
        spans.append(ImportedSpan(new_start, new_end, annotation.label, "\n".join(notes), annotator,
                                  dict(annotation.attributes)))
    return spans


def read_brat(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """A brat pair as one document, with the label names, hierarchy and colours of its configuration.

    Spans keep covering the same characters after BOM/CR removal. In a folder exported by Framing
    Annotator (its annotation.conf says so), the sub-folder names the annotator.
    """
    source = display_name(path)
    partner = ann_path(path)
    if not partner.is_file():
        raise ImportRefused(source, f"has no brat annotation file {partner.name} beside it")
    if partner.stat().st_size > options.max_bytes:
        raise ImportRefused(partner.name, "is larger than the size limit")
    raw = decode_bytes(data, source).text
    ann_bytes = partner.read_bytes()
    ann = decode_bytes(ann_bytes, partner.name).text.lstrip("\ufeff") if ann_bytes.strip() else ""
    annotations, ignored = parse_ann(ann, partner.name)
    normalised = stored_text_of(raw)
    if not normalised.text.strip():
        raise ImportRefused(source, "holds only whitespace: there is no text to import")
    refuse_unstorable(normalised.text, source)
    config = read_config(partner)
    annotator = path.parent.name if config.ours and config.folder == path.parent.parent else None
    spans: list[ImportedSpan] = []
    for annotation in annotations:
        _check_covered(annotation, raw, partner.name)
        spans += _spans(annotation, raw, normalised, annotator)
    metadata = {"format": "brat", "annotation_file": partner.name}
    warnings = []
    if ignored:
        metadata["brat_lines_not_imported"] = ignored
        warnings.append(f"{partner.name}: " + count_phrase(
            {f"{kind} line(s) ({KINDS.get(kind, 'of an unknown kind')})": n for kind, n in ignored.items()}))
    first_line = normalised.text.strip().split("\n")[0]
    document = Document(text=normalised.text, title=first_line[:200], filename=source, metadata=metadata)
    types = [name for name, _ in config.entities] + [a.label for a in annotations]
    labels = [config.label(name) for name in dict.fromkeys(types)]
    return ImportedFile([ImportedDocument(document, spans=spans)], labels=labels, warnings=warnings)
