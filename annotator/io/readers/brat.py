"""brat standoff: a .txt with its .ann (T lines, discontinuous fragments, # notes) as a pre-annotated document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalise_text
from annotator.io.decode import decode_bytes
from annotator.io.readers.base import ImportedDocument, ImportedSpan, ReadOptions, display_name, refuse_unstorable

_TEXT_BOUND = re.compile(r"^(?P<label>[^\s]+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)$")


@dataclass
class BratAnnotation:
    """One text-bound (T) annotation: its label, its fragments and what the .ann says they cover."""

    id: str
    label: str
    fragments: list[tuple[int, int]]
    text: str
    notes: list[str] = field(default_factory=list)


def ann_path(text_path: Path) -> Path:
    return text_path.with_suffix(".ann")


def parse_ann(ann: str, source: str) -> tuple[list[BratAnnotation], dict[str, int]]:
    """T annotations with their notes, and how many lines of other kinds (R, E, A...) were left aside."""
    annotations: dict[str, BratAnnotation] = {}
    notes: list[tuple[int, str, str]] = []
    ignored: dict[str, int] = {}
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        parts = line.split("\t")
        kind = parts[0][:1]
        if kind == "T":
            match = _TEXT_BOUND.match(parts[1]) if len(parts) >= 2 else None
            if match is None:
                raise ImportRefused(source, f"line {number}: cannot read the annotation {line[:60]!r}")
            fragments = []
            for pair in match.group("ranges").split(";"):
                start, end = (int(n) for n in pair.split())
                if start >= end:
                    raise ImportRefused(source, f"line {number}: fragment {start}-{end} is empty or reversed")
                fragments.append((start, end))
            annotations[parts[0]] = BratAnnotation(parts[0], match.group("label"), fragments,
                                                   parts[2] if len(parts) > 2 else "")
        elif kind == "#":
            if len(parts) >= 2 and len(parts[1].split()) >= 2:
                notes.append((number, parts[1].split()[1], parts[2] if len(parts) > 2 else ""))
        else:
            ignored[kind] = ignored.get(kind, 0) + 1
    for number, target, note in notes:
        if target in annotations and note.strip():
            annotations[target].notes.append(note.strip())
        elif target not in annotations:
            ignored["#"] = ignored.get("#", 0) + 1
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


def read_brat(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """A brat pair as one document; spans keep covering the same characters after BOM/CR removal.

    A discontinuous annotation becomes one span per fragment, each noting which part it is.
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
    normalised = normalise_text(raw)
    if not normalised.text.strip():
        raise ImportRefused(source, "holds only whitespace: there is no text to import")
    refuse_unstorable(normalised.text, source)
    spans: list[ImportedSpan] = []
    for annotation in annotations:
        _check_covered(annotation, raw, partner.name)
        count = len(annotation.fragments)
        for index, (start, end) in enumerate(annotation.fragments, start=1):
            new_start, new_end = normalised.remap(start, end)
            if new_start >= new_end:
                continue
            notes = list(annotation.notes)
            if count > 1:
                notes.append(f"brat {annotation.id}: discontinuous, part {index} of {count}")
            spans.append(ImportedSpan(new_start, new_end, annotation.label, "\n".join(notes)))
    metadata = {"format": "brat", "annotation_file": partner.name}
    if ignored:
        metadata["brat_lines_not_imported"] = ignored
    first_line = normalised.text.strip().split("\n")[0]
    document = Document(text=normalised.text, title=first_line[:200], filename=source, metadata=metadata)
    return [ImportedDocument(document, spans=spans)]
