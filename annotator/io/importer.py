"""Reading files for import: which files a batch holds, detection, reading, and the batch report.

Storing what was read is annotator.services.importing (one transaction per file)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from annotator.core.change import Action, Change
from annotator.core.errors import ImportRefused
from annotator.io.readers.base import DEFAULT_MAX_BYTES, ImportedDocument, ImportedFile, ReadOptions, as_imported_file
from annotator.io.registry import FORMAT_NAMES, KNOWN_EXTENSIONS, detect_format, reader_for, text_path_of

DEFAULT_IMPORT_ANNOTATOR = "import"
SNIFF_BYTES = 4096


@dataclass
class ImportedItem:
    """One document of the batch: where it came from and what became of it."""

    path: Path
    document_id: str
    title: str
    where: str = ""
    reason: str = ""

    @property
    def source(self) -> str:
        return f"{self.path.name} ({self.where})" if self.where else self.path.name


@dataclass
class Refusal:
    """A file that was not imported, and why, in plain words."""

    path: Path
    reason: str


@dataclass
class ImportReport:
    """The outcome of a batch: imported and duplicate documents, refused and skipped files."""

    imported: list[ImportedItem] = field(default_factory=list)
    duplicates: list[ImportedItem] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    spans: int = 0
    repeated_spans: int = 0
    labels: list[str] = field(default_factory=list)
    files: int = 0
    cancelled: bool = False
    span_ids: list[str] = field(default_factory=list)
    answers: int = 0
    warnings: list[str] = field(default_factory=list)
    label_names: list[str] = field(default_factory=list)

    def change(self) -> Change:
        """What the batch changed, for views to refresh."""
        return Change(Action.DOCUMENTS_IMPORTED, documents=[i.document_id for i in self.imported],
                      spans=list(self.span_ids), labels=list(self.labels))

    def summary(self) -> str:
        """A few plain lines saying what happened."""
        lines = [f"Imported {len(self.imported)} document(s) from {self.files} file(s)"
                 + (f" with {self.spans} span(s)" if self.spans else "")
                 + (f" and {self.answers} document answer(s)" if self.answers else "") + "."]
        if self.labels:
            names = self.label_names if len(self.label_names) == len(self.labels) else self.labels
            lines.append(f"New labels added to the codebook (marked imported): {', '.join(names)}.")
        if self.duplicates:
            lines.append(f"{len(self.duplicates)} document(s) already in the project, not added again:")
            lines += [f"  {d.source}: {d.reason}" for d in self.duplicates[:50]]
            if len(self.duplicates) > 50:
                lines.append(f"  ... and {len(self.duplicates) - 50} more")
        if self.repeated_spans:
            lines.append(f"{self.repeated_spans} span(s) were already in the project and were not added again.")
        if self.warnings:
            lines.append("Not imported from the files (no place for it in the project):")
            lines += [f"  {w}" for w in self.warnings[:50]]
            if len(self.warnings) > 50:
                lines.append(f"  ... and {len(self.warnings) - 50} more")
        if self.refused:
            lines.append(f"{len(self.refused)} file(s) refused:")
            lines += [f"  {r.path}: {r.reason}" for r in self.refused]
        if self.skipped:
            kinds = sorted({p.suffix.lower() or "(no extension)" for p in self.skipped})
            lines.append(f"{len(self.skipped)} file(s) in folders skipped, not an article format: {', '.join(kinds)}.")
        if self.cancelled:
            lines.append("Import cancelled: the files above were imported; the rest were not.")
        return "\n".join(lines)


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path], list[Refusal]]:
    """Files to import (folders walked, hidden files left out), skipped files, and missing paths."""
    files: list[Path] = []
    skipped: list[Path] = []
    missing: list[Refusal] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(folder) / name
                    suffix = candidate.suffix.lower()
                    if name.startswith("."):
                        continue
                    if suffix == ".ann" and candidate.with_suffix(".txt").is_file():
                        continue  # read together with its .txt
                    if name.lower().startswith("typesystem") and suffix == ".xml" and any(
                            n.lower().endswith(".xmi") for n in names):
                        continue  # the type system of the .xmi files beside it
                    if suffix in KNOWN_EXTENSIONS or not suffix:
                        files.append(candidate)
                    else:
                        skipped.append(candidate)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Refusal(path, "no such file or folder"))
    unique = list(dict.fromkeys(files))
    return unique, skipped, missing


def read_import(path: Path, format: str = "auto", options: ReadOptions | None = None) -> ImportedFile:
    """Read one file with the reader of `format` (or the detected one); raise ImportRefused when it cannot."""
    options = options or ReadOptions()
    if format not in FORMAT_NAMES:
        raise ImportRefused(path.name, f"unknown format {format!r}; use one of {', '.join(FORMAT_NAMES)}")
    if path.suffix.lower() == ".ann":
        path = text_path_of(path, path.name)
    size = path.stat().st_size
    if size > options.max_bytes:
        raise ImportRefused(
            path.name, f"is {size / 1_048_576:.1f} MB, over the {options.max_bytes / 1_048_576:g} MB limit "
            "(raise the limit to import it)"
        )
    data = path.read_bytes()
    name = format if format != "auto" else detect_format(path, data[:SNIFF_BYTES])
    try:
        return as_imported_file(reader_for(name)(path, data, options))
    except RecursionError:
        raise ImportRefused(path.name, "nests its data too deeply to be read (thousands of levels): "
                                       "refused as damaged or hostile") from None
    except ValueError as exc:
        if "integer string conversion" not in str(exc):
            raise
        raise ImportRefused(path.name, "holds a number thousands of digits long where an offset or a count "
                                       "should be: refused as damaged or hostile") from None


def read_file(path: Path, format: str = "auto", options: ReadOptions | None = None) -> list[ImportedDocument]:
    """The documents of one file (see read_import for its codebook entries and warnings too)."""
    return read_import(path, format, options).documents
