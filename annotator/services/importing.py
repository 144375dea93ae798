"""Importing files and folders into a project: read each file (io), store it in one transaction (store),
and report on the batch. The one import sequence the command line and the app both run."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Sequence

from annotator.core.errors import AnnotatorError, ImportRefused
from annotator.io.import_labels import LabelResolver
from annotator.io.import_mapping import MappedFile, map_file
from annotator.io.importer import (
    DEFAULT_IMPORT_ANNOTATOR, ImportedItem, ImportReport, Refusal, collect_files, read_import,
)
from annotator.io.readers.base import DEFAULT_MAX_BYTES, ImportedDocument, ReadOptions
from annotator.io.registry import FORMAT_NAMES
from annotator.store import Project

logger = logging.getLogger(__name__)


def _store(project: Project, mapped: MappedFile, resolver: LabelResolver) -> tuple[object, int]:
    """Store one file's records: documents, spans and labels in one transaction, then answers and
    statuses (an answer already given to a document already in the project is left as it is).

    Returns the store's outcome and how many answers were stored.
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


def _import_file(project: Project, path: Path, format: str, options: ReadOptions, resolver: LabelResolver,
                 annotator: str | None, fallback: str | None, report: ImportReport) -> None:
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


def import_paths(project: Project, paths: Sequence[str | os.PathLike], format: str = "auto",
                 annotator: str | None = None, full_page: bool = False, keep_captions: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Callable[[int, int, Path], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 fallback_annotator: str | None = DEFAULT_IMPORT_ANNOTATOR) -> ImportReport:
    """Import files and folders into `project`; each file is imported whole or refused whole.

    Spans of pre-annotated files go under `annotator` when given, else under the annotator the
    file names, else `fallback_annotator` (None: such a file is refused). `progress(done, total, path)` is called after each
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
