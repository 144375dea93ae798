"""Importing files and folders into a project: read each file (io) record by record, store it in batches
inside one transaction per file (store), and report on the batch. The one import sequence the command
line and the app both run."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from annotator.core.errors import AnnotatorError, ImportRefused, StorageFailure, UnstorableText
from annotator.io.import_labels import DEFAULT_MAX_NEW_LABELS, LabelResolver
from annotator.io.import_mapping import FileMapper
from annotator.io.importer import (
    DEFAULT_IMPORT_ANNOTATOR, ImportedItem, ImportReport, Refusal, collect_files, read_import,
)
from annotator.io.readers.base import DEFAULT_MAX_BYTES, ImportedDocument, ReadOptions
from annotator.io.readers.text_stream import EncodingMisjudged
from annotator.io.registry import FORMAT_NAMES
from annotator.store import Project
from annotator.store.imports import ImportOutcome, ImportSession

logger = logging.getLogger(__name__)

BATCH_DOCUMENTS = 1000
BATCH_CHARACTERS = 16 * 1024 * 1024
REMEMBERED_PLACES = 100_000  # where a file's first documents were, to name what a repeat repeats


class ImportCancelled(Exception):
    """The person cancelled during a file: the file is rolled back."""


def _project_problem(exc: BaseException, project: Project) -> str | None:
    """What went wrong with the project (not the file), in plain words; None for a problem of the file."""
    name = project.path.name
    if isinstance(exc, StorageFailure):  # the store's own words for what SQLite said
        return {
            "in use": f"the project {name} is in use by another window or command; try again in a moment",
            "read-only": f"the project {name} is read-only here; it cannot be changed",
            "full": f"the disk holding the project {name} is full; free some space and import again",
        }.get(exc.kind, str(exc))
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.IntegrityError):
        return None  # not the database's (or a constraint our own checks should have met: a bug, reported as such)
    message = str(exc).lower()
    if "full" in message:
        return f"the disk holding the project {name} is full; free some space and import again"
    if "readonly" in message or "read-only" in message:
        return f"the project {name} is read-only here; it cannot be changed"
    if "i/o" in message:
        return f"the disk reported an error while writing the project {name} ({exc})"
    if "locked" in message or "busy" in message:
        return f"the project {name} is in use by another window or command; try again in a moment"
    return f"the project {name} could not be written ({exc})"


class _FileImport:
    """One file: read record by record, mapped and stored batch by batch in one transaction."""

    def __init__(self, project: Project, path: Path, resolver: LabelResolver, cancel: Callable[[], bool] | None):
        self.project, self.path, self.resolver, self.cancel = project, path, resolver, cancel
        self.first_place: dict[str, str] = {}
        self.outcome = ImportOutcome()
        self.imported: list[ImportedItem] = []
        self.imported_count = 0
        self.duplicates: list[ImportedItem] = []
        self.duplicate_count = 0
        self.span_count = 0
        self.span_ids: list[str] = []

    def run(self, format: str, options: ReadOptions, annotator: str | None, fallback: str | None) -> list[str]:
        """Store the file whole (or raise, leaving the project unchanged); return its warnings."""
        imported = read_import(self.path, format, options)
        documents = iter(imported.documents)
        try:
            mapper = FileMapper(imported, self.resolver, self.path.name, annotator, fallback)
            with self.project.imports.session() as session:
                if mapper.header is not None:
                    session.set_header(mapper.header)
                labels, choices = self.resolver.take_pending()
                session.add_labels(labels)
                for question, added in choices.items():
                    session.add_choices(question, added)
                session.add_attributes(mapper.attributes)
                session.add_team(mapper.team)
                pending: list[ImportedDocument] = []
                characters = 0
                for item in documents:
                    pending.append(item)
                    characters += len(item.document.text)
                    if len(pending) >= BATCH_DOCUMENTS or characters >= BATCH_CHARACTERS:
                        self._store(session, mapper, pending)
                        pending, characters = [], 0
                self._store(session, mapper, pending)
                if imported.exchange_ids_key:
                    session.keep_exchange_ids(imported.exchange_ids_key, mapper.exchange_ids())
                warnings = list(imported.warnings) + mapper.finish()
            return warnings
        finally:
            close = getattr(documents, "close", None)
            if close is not None:
                close()

    def _store(self, session: ImportSession, mapper: FileMapper, items: list[ImportedDocument]) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled()
        batch = mapper.map(items)
        session.add_labels(batch.labels)
        for question, added in batch.choices.items():
            session.add_choices(question, added)
        try:
            outcome = session.add(batch.documents, batch.spans, batch.answers, batch.statuses, batch.memos)
        except UnstorableText as exc:  # name the record, as a reader would
            where = items[exc.index].where
            raise ImportRefused(self.path.name, f"{where}: the text {exc.problem}" if where
                                else f"the text {exc.problem}") from None
        self._note(items, outcome)
        self.outcome.answers += outcome.answers
        self.outcome.kept_answers += outcome.kept_answers
        self.outcome.repeated_spans += outcome.repeated_spans
        self.span_count += len(outcome.spans)
        self.span_ids += outcome.spans[:max(0, ImportReport.KEEP - len(self.span_ids))]

    def _note(self, items: list[ImportedDocument], outcome: ImportOutcome) -> None:
        """Which of the batch's documents were added, and what the others repeat."""
        added = set(outcome.added)
        earlier = outcome.duplicates_of_this_import
        in_batch: set[str] = set()
        for item in items:
            doc = item.document
            entry = ImportedItem(self.path, doc.id, doc.title, item.where)
            if doc.id in added and doc.id not in in_batch:
                in_batch.add(doc.id)
                if len(self.first_place) < REMEMBERED_PLACES:
                    self.first_place[doc.id] = item.where
                self.imported_count += 1
                if len(self.imported) < ImportReport.KEEP:
                    self.imported.append(entry)
                continue
            if doc.id in in_batch or doc.id in earlier:
                first = self.first_place.get(doc.id)
                entry.reason = f"repeats {first} of this file" if first else "repeats an earlier record of this file"
            else:
                entry.reason = "already in the project"
            self.duplicate_count += 1
            if len(self.duplicates) < ImportReport.KEEP:
                self.duplicates.append(entry)


def import_paths(project: Project, paths: Sequence[str | os.PathLike], format: str = "auto",
                 annotator: str | None = None, full_page: bool = False, keep_captions: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Callable[[int, int, Path], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 fallback_annotator: str | None = DEFAULT_IMPORT_ANNOTATOR,
                 max_new_labels: int = DEFAULT_MAX_NEW_LABELS) -> ImportReport:
    """Import files and folders into `project`; each file is imported whole or refused whole.

    A corpus file (JSONL, CSV) is read one record at a time and stored in batches inside one
    transaction, so memory stays bounded whatever its size; `max_bytes` limits each article (and
    each file read whole), `max_new_labels` the labels one file may add to the codebook.
    Spans of pre-annotated files go under `annotator` when given, else under the annotator the
    file names, else `fallback_annotator` (None: such a file is refused). `progress(done, total, path)`
    is called after each file; `cancel()` is asked before each file and between batches. Safe to run
    off the GUI thread with its own Project. A failure to write the project (disk full, read-only file) stops the
    batch and says so, without blaming the file; an unexpected failure is reported as such (the
    traceback is logged).
    """
    if format not in FORMAT_NAMES:
        raise ImportRefused(str(format), f"unknown format; use one of {', '.join(FORMAT_NAMES)}")
    options = ReadOptions(full_page=full_page, keep_captions=keep_captions, max_bytes=max_bytes)
    files, skipped, missing, outside = collect_files(paths)
    report = ImportReport(refused=missing, skipped=skipped, files=len(files), outside_links=outside)
    resolver = LabelResolver(project.codebook.labels(), max_new=max_new_labels)
    for done, path in enumerate(files, start=1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        work = _FileImport(project, path, resolver, cancel)
        try:
            try:
                warnings = work.run(format, options, annotator, fallback_annotator)
            except EncodingMisjudged:  # not UTF-8 after all, past its first bytes: read it again, scanned whole
                resolver.forget_new()
                work = _FileImport(project, path, resolver, cancel)
                warnings = work.run(format, replace(options, scan_encoding=True), annotator, fallback_annotator)
        except ImportCancelled:
            resolver.forget_new()
            report.cancelled = True
            break
        except Exception as exc:  # noqa: BLE001 - every failure is reported; none ends the app
            resolver.forget_new()
            problem = _project_problem(exc, project)
            if problem is not None:
                report.refused.append(Refusal(path, f"not imported: {problem}"))
                report.stopped = problem
                report.not_tried = len(files) - done
                break
            report.refused.append(Refusal(path, _reason(exc, path), getattr(exc, "limit_option", "")))
        else:
            _take(report, work, resolver, warnings)
        if progress is not None:
            progress(done, len(files), path)
    return report


def _reason(exc: Exception, path: Path) -> str:
    """Why a file was refused, for the report."""
    if isinstance(exc, ImportRefused):
        return exc.reason
    if isinstance(exc, AnnotatorError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    if isinstance(exc, (MemoryError, RecursionError)):
        return f"is too large or too deeply nested to be read ({type(exc).__name__})"
    logger.error("importing %s failed unexpectedly", path, exc_info=exc)
    return (f"not imported because of an unexpected error in Framing Annotator ({type(exc).__name__}: "
            f"{exc}); the file itself may be fine; please report this")


def _take(report: ImportReport, work: _FileImport, resolver: LabelResolver, warnings: list[str]) -> None:
    """Add a stored file's outcome to the batch report."""
    made = resolver.take_new()
    room = ImportReport.KEEP
    report.imported += work.imported[:max(0, room - len(report.imported))]
    report.imported_count += work.imported_count
    report.duplicates += work.duplicates[:max(0, room - len(report.duplicates))]
    report.duplicate_count += work.duplicate_count
    report.spans += work.span_count
    report.span_ids += work.span_ids[:max(0, room - len(report.span_ids))]
    report.repeated_spans += work.outcome.repeated_spans
    report.labels += [label.id for label in made]
    report.label_names += [label.name for label in made]
    report.answers += work.outcome.answers
    report.kept_answers += work.outcome.kept_answers
    for question, values in resolver.take_added_choices().items():
        report.new_choices.append(f"{work.path.name}: question '{question}' got the new "
                                  f"{'choice' if len(values) == 1 else 'choices'} "
                                  f"{', '.join(repr(v) for v in values)}")
    report.warnings += [f"{work.path.name}: {warning}" for warning in warnings]
