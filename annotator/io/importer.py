"""Importing files and folders into a project: detection, one transaction per file, a batch report."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from annotator.core.change import Action, Change
from annotator.core.errors import AnnotatorError, ImportRefused
from annotator.io.import_labels import LabelResolver
from annotator.io.import_mapping import MappedFile, map_file
from annotator.io.readers.base import DEFAULT_MAX_BYTES, ImportedDocument, ImportedFile, ReadOptions, as_imported_file
from annotator.io.registry import FORMAT_NAMES, KNOWN_EXTENSIONS, detect_format, reader_for, text_path_of

logger = logging.getLogger(__name__)

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
    return as_imported_file(reader_for(name)(path, data, options))


def read_file(path: Path, format: str = "auto", options: ReadOptions | None = None) -> list[ImportedDocument]:
    """The documents of one file (see read_import for its codebook entries and warnings too)."""
    return read_import(path, format, options).documents


def _store(project, mapped: MappedFile, resolver: LabelResolver) -> tuple[object, int]:
    """Store one file's records: documents, spans and labels in one transaction, then answers and
    statuses (an answer already given to a document already in the project is left as it is).

    Returns the store's outcome and how many answers were stored. The only calls into the project
    that an import makes, kept together for the store's refactoring.
    """
    outcome = project.imports.add(mapped.documents, mapped.spans, mapped.labels)
    resolver.take_new()
    added = set(outcome.added)
    answers = 0
    for answer in mapped.answers:
        if answer.document_id not in added and any(
                given.question == answer.question
                for given in project.answers.find(answer.document_id, answer.annotator)):
            continue
        project.answers.set(answer.document_id, answer.annotator, answer.question, answer.value,
                                   note=answer.note or None)
        answers += 1
    for who, document_id, status in mapped.statuses:
        project.assignments.set_status(who, document_id, status)
    return outcome, answers


def _import_file(project, path: Path, format: str, options: ReadOptions, resolver: LabelResolver,
                 annotator: str | None, fallback: str, report: ImportReport) -> None:
    imported = read_import(path, format, options)
    mapped = map_file(imported, resolver, path.name, annotator, fallback)
    outcome, answers = _store(project, mapped, resolver)
    items = imported.documents
    seen: dict[str, ImportedDocument] = {}
    for item in items:
        seen.setdefault(item.document.id, item)
    added = set(outcome.added)
    for item in items:
        doc = item.document
        entry = ImportedItem(path, doc.id, doc.title, item.where)
        if doc.id in added and seen[doc.id] is item:
            report.imported.append(entry)
        else:
            first = seen[doc.id]
            entry.reason = (f"repeats {first.where} of this file" if first is not item
                            else "already in the project")
            report.duplicates.append(entry)
    report.spans += len(outcome.spans)
    report.span_ids += outcome.spans
    report.repeated_spans += outcome.repeated_spans
    report.labels += outcome.labels
    names = {label.id: label.name for label in mapped.labels}
    report.label_names += [names.get(label_id, label_id) for label_id in outcome.labels]
    report.answers += answers
    report.warnings += [f"{path.name}: {warning}" for warning in mapped.warnings]


def import_paths(project, paths: Sequence[str | os.PathLike], format: str = "auto",
                 annotator: str | None = None, full_page: bool = False, keep_captions: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Callable[[int, int, Path], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 fallback_annotator: str = DEFAULT_IMPORT_ANNOTATOR) -> ImportReport:
    """Import files and folders into `project`; each file is imported whole or refused whole.

    Spans of pre-annotated files go under `annotator` when given, else under the annotator the
    file names, else `fallback_annotator`. `progress(done, total, path)` is called after each
    file; `cancel()` is asked before each file. Safe to run off the GUI thread with its own Project.
    A file whose reading fails in an unexpected way is refused too (the traceback is logged).
    """
    if format not in FORMAT_NAMES:
        raise ImportRefused(str(format), f"unknown format; use one of {', '.join(FORMAT_NAMES)}")
    options = ReadOptions(full_page=full_page, keep_captions=keep_captions, max_bytes=max_bytes)
    files, skipped, missing = collect_files(paths)
    report = ImportReport(refused=missing, skipped=skipped, files=len(files))
    resolver = LabelResolver(project.codebook.labels())
    for done, path in enumerate(files, start=1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        try:
            _import_file(project, path, format, options, resolver, annotator, fallback_annotator, report)
        except ImportRefused as exc:
            resolver.forget_new()
            report.refused.append(Refusal(path, exc.reason))
        except AnnotatorError as exc:
            resolver.forget_new()
            report.refused.append(Refusal(path, str(exc)))
        except OSError as exc:
            resolver.forget_new()
            report.refused.append(Refusal(path, f"cannot be read ({exc.strerror or exc})"))
        except Exception as exc:  # a reader's bug must not end the batch: report the file and go on
            logger.exception("importing %s failed unexpectedly", path)
            resolver.forget_new()
            report.refused.append(Refusal(path, f"could not be read: {exc or type(exc).__name__}"))
        if progress is not None:
            progress(done, len(files), path)
    return report
