"""Reading files for import: which files a batch holds, detection, reading, and the batch report.

Storing what was read is annotator.services.importing (one transaction per file)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from annotator.core.change import Action, Change
from annotator.core.errors import ImportRefused
from annotator.core.wording import counted
from annotator.io.readers.base import (
    ImportedDocument, ImportedFile, ReadOptions, as_imported_file, too_large,
)
from annotator.io.registry import FORMAT_NAMES, FORMATS, KNOWN_EXTENSIONS, detect_format, text_path_of

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
    """A file that was not imported, and why, in plain words; `limit_option` names the import limit it is over
    (ImportRefused.limit_option), "" for any other reason."""

    path: Path
    reason: str
    limit_option: str = ""


@dataclass
class ImportReport:
    """The outcome of a batch: imported and duplicate documents, refused and skipped files.

    For a large corpus the lists keep the first KEEP entries only; the counts count them all.
    """

    KEEP = 10_000

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
    kept_answers: int = 0
    warnings: list[str] = field(default_factory=list)
    label_names: list[str] = field(default_factory=list)
    new_choices: list[str] = field(default_factory=list)
    outside_links: list[Path] = field(default_factory=list)
    imported_count: int = 0
    duplicate_count: int = 0
    stopped: str = ""  # why the batch stopped early (the project could not be written)
    not_tried: int = 0

    @property
    def documents_imported(self) -> int:
        """How many documents the batch added (all of them, not only those listed)."""
        return max(self.imported_count, len(self.imported))

    @property
    def documents_repeated(self) -> int:
        """How many documents were already in the project or repeated in a file."""
        return max(self.duplicate_count, len(self.duplicates))

    @property
    def failed(self) -> bool:
        """True when a file was refused or the batch stopped early (the command exits non-zero)."""
        return bool(self.refused or self.stopped)

    def change(self) -> Change:
        """What the batch changed, for views to refresh."""
        return Change(Action.DOCUMENTS_IMPORTED, documents=[i.document_id for i in self.imported],
                      spans=list(self.span_ids), labels=list(self.labels))

    def summary(self, advice: Callable[[Refusal], str] | None = None) -> str:
        """A few plain lines saying what happened; `advice(refusal)`, when given, is added to a refused
        file's line (how to get past a limit, in the words of the face showing the summary)."""
        lines = [f"Imported {counted(self.documents_imported, 'document')} from {counted(self.files, 'file')}"
                 + (f" with {counted(self.spans, 'span')}" if self.spans else "")
                 + (f" and {counted(self.answers, 'document answer')}" if self.answers else "") + "."]
        if self.labels:
            names = self.label_names if len(self.label_names) == len(self.labels) else self.labels
            lines.append(f"New labels added to the codebook (marked imported): {', '.join(names)}.")
        if self.new_choices:
            lines.append("New choices added to questions of the codebook:")
            lines += [f"  {line}" for line in self.new_choices]
        if self.duplicates:
            lines.append(f"{counted(self.documents_repeated, 'document')} already in the project, not added again:")
            lines += [f"  {d.source}: {d.reason}" for d in self.duplicates[:50]]
            if self.documents_repeated > 50:
                lines.append(f"  ... and {self.documents_repeated - 50} more")
        if self.repeated_spans:
            was = "was" if self.repeated_spans == 1 else "were"
            lines.append(f"{counted(self.repeated_spans, 'span')} {was} already in the project and {was} not added "
                         "again.")
        if self.kept_answers:
            lines.append(f"{counted(self.kept_answers, 'answer')} "
                         + ("was given already in the project and was kept as it is." if self.kept_answers == 1
                            else "were given already in the project and were kept as they are."))
        if self.warnings:
            lines.append("Not imported from the files (no place for it in the project):")
            lines += [f"  {w}" for w in self.warnings[:50]]
            if len(self.warnings) > 50:
                lines.append(f"  ... and {len(self.warnings) - 50} more")
        if self.refused:
            lines.append(f"{counted(len(self.refused), 'file')} refused:")
            for refusal in self.refused:
                extra = advice(refusal) if advice is not None else ""
                lines.append(f"  {refusal.path}: {refusal.reason}" + (f"; {extra}" if extra else ""))
        if self.skipped:
            kinds = sorted({p.suffix.lower() or "(no extension)" for p in self.skipped})
            lines.append(f"{counted(len(self.skipped), 'file')} in folders skipped, not an article format: "
                         f"{', '.join(kinds)}.")
        if self.outside_links:
            one = len(self.outside_links) == 1
            lines.append(f"{counted(len(self.outside_links), 'link')} in folders "
                         f"{'points' if one else 'point'} outside the folder and {'was' if one else 'were'} not "
                         f"followed: {', '.join(str(p) for p in self.outside_links[:10])}"
                         + (" ..." if len(self.outside_links) > 10 else "") + ".")
        if self.stopped:
            lines.append(f"Import stopped: {self.stopped}. The files above were imported"
                         + (f"; {counted(self.not_tried, 'file')} after it "
                            f"{'was' if self.not_tried == 1 else 'were'} not tried."
                            if self.not_tried else "."))
        if self.cancelled:
            lines.append("Import cancelled: the files above were imported; the rest were not.")
        return "\n".join(lines)


def _inside(candidate: Path, root: Path) -> bool:
    """True when `candidate` (a link) resolves to a place inside `root`."""
    try:
        candidate.resolve(strict=True).relative_to(root)
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path], list[Refusal], list[Path]]:
    """Files to import (folders walked, hidden files left out), skipped files, missing paths, and links
    in folders that point outside the folder (not followed; os.walk does not enter linked folders)."""
    files: list[Path] = []
    skipped: list[Path] = []
    missing: list[Refusal] = []
    outside: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(folder) / name
                    suffix = candidate.suffix.lower()
                    if name.startswith("."):
                        continue
                    if candidate.is_symlink() and not _inside(candidate, root):
                        outside.append(candidate)
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
    return unique, skipped, missing, outside


def read_import(path: Path, format: str = "auto", options: ReadOptions | None = None) -> ImportedFile:
    """Read one file with the reader of `format` (or the detected one); raise ImportRefused when it cannot.

    A corpus (JSONL, CSV) is read one record at a time: its documents are an iterator to go
    through once, and only its records are held to the per-article size limit. Any other file
    is read whole, and held to that limit itself.
    """
    options = options or ReadOptions()
    if format not in FORMAT_NAMES:
        raise ImportRefused(path.name, f"unknown format {format!r}; use one of {', '.join(FORMAT_NAMES)}")
    if path.suffix.lower() == ".ann":
        path = text_path_of(path, path.name)
    if format == "auto":
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
        format = detect_format(path, head)
    spec = FORMATS[format]
    if spec.stream is not None:
        return spec.stream(path, options)
    size = path.stat().st_size
    if size > options.max_bytes:
        raise too_large(path.name, size, options.max_bytes)
    try:
        return as_imported_file(spec.reader(path, path.read_bytes(), options))
    except RecursionError:
        raise ImportRefused(path.name, "nests its data too deeply to be read (thousands of levels): "
                                       "refused as damaged or hostile") from None
    except ValueError as exc:
        if "integer string conversion" not in str(exc):
            raise
        raise ImportRefused(path.name, "holds a number thousands of digits long where an offset or a count "
                                       "should be: refused as damaged or hostile") from None


def read_file(path: Path, format: str = "auto", options: ReadOptions | None = None) -> list[ImportedDocument]:
    """The documents of one file, all read (see read_import for its codebook entries and warnings too)."""
    return list(read_import(path, format, options).documents)
