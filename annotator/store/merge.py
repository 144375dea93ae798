"""Merging annotators' files (packages or other copies of the project) back into the project."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.leftovers import remove_stale_folders
from annotator.core.merging import MergeReport
from annotator.core.model import now_iso
from annotator.store.attached import attached
from annotator.store.codebook_store import CodebookStore
from annotator.store.merge_guard import DEFAULT_MAX_NEW_LABELS, MergePolicy, check_source
from annotator.store.merge_source import MergeSource, prepare_source
from annotator.store.merge_tables import (
    RECORD_TABLES,
    MergeBase,
    check_annotations,
    merge_annotators,
    merge_documents,
    merge_labels,
    merge_records,
    source_high_water,
)
from annotator.store.meta import ProjectMeta
from annotator.store.transactions import ProjectDatabase


@dataclass
class ConflictRecord:
    """A recorded conflict: both versions of a record that was edited on both sides."""

    id: int
    kind: str
    object_id: str
    kept: dict
    discarded: dict
    source: str
    time: str


class Merges:
    """Bringing annotators' files into the project, and the conflicts recorded so far."""

    def __init__(self, db: ProjectDatabase, path: Path, meta: ProjectMeta, codebook: CodebookStore):
        self.db = db
        self.path = path
        self.meta = meta
        self.codebook = codebook

    def merge(self, source_path: str | os.PathLike, max_new_labels: int = DEFAULT_MAX_NEW_LABELS,
              whole_copy: bool = False) -> MergeReport:
        """Bring the work in another project file (usually a package) into this project.

        Documents match by content hash, spans and document labels by id, labels by id,
        assignments by (annotator, document). Of two versions of a record the later edit wins
        (ties broken by a content hash), deletions included; a record edited on both sides
        since they last agreed is recorded as a conflict. Unknown labels are added, marked
        imported. It is one transaction: a refused or failing merge changes nothing, and merging
        the same file twice, or several files in any order, gives the same project.

        Refused before anything is written (see annotator.store.merge_guard): a package changing
        work that is not its annotator's, gold-standard records, versions dated in the future,
        more than `max_new_labels` new labels, and a whole-project copy changing existing work
        unless `whole_copy` (MergeNeedsConsent says which option allows the last two).
        """
        name = str(source_path)
        if self.db.refusal:
            raise self.db.refused()
        temp_root = Path(tempfile.gettempdir())
        remove_stale_folders(temp_root, "annotator-merge-")  # private copies left by killed merges
        with tempfile.TemporaryDirectory(prefix=f"annotator-merge-{os.getpid()}-") as workdir:
            source = prepare_source(self.path, source_path, Path(workdir))
            with attached(self.db, source.copy, "src"):
                self._check_same_project(source, name)
                try:
                    check_source(self.db, source, name, MergePolicy(max_new_labels, whole_copy))
                    with self.db.atomic():
                        # Only the file name is kept in the project: no paths of the user's machine.
                        report = self._merge_attached(source, Path(name).name)
                        report.source = name
                except sqlite3.Error as exc:
                    raise ProjectError(
                        f"cannot merge {name}: {exc}; the file looks damaged and nothing was changed"
                    ) from exc
        return report

    def _check_same_project(self, source: MergeSource, name: str) -> None:
        if source.project_id == self.meta.get("project_id"):
            return
        shared = self.db.execute(
            "SELECT count(*) FROM src.documents WHERE id IN (SELECT id FROM main.documents)"
        ).fetchone()[0]
        if not shared:
            raise ProjectError(
                f"cannot merge {name}: it belongs to another project (different project id and no "
                "document in common); nothing was changed"
            )

    def _merge_base(self, source: MergeSource) -> MergeBase:
        own_package = source.package_id and source.project_id == self.meta.get("project_id")
        return MergeBase(source_key=source.key, packaged_at=source.packaged_at if own_package else "")

    def _merge_attached(self, source: MergeSource, name: str) -> MergeReport:
        report = MergeReport(source=name)
        report.annotators_added = merge_annotators(self.db)
        report.documents_added, report.documents_skipped = merge_documents(self.db, name)
        new_labels, replaced_labels, report.labels_differing = merge_labels(self.db)
        report.unknown_labels = new_labels
        check_annotations(self.db, name)
        base = self._merge_base(source)
        touched_docs = set(report.documents_added)
        for spec in RECORD_TABLES:
            outcome = merge_records(self.db, spec, base, name)
            setattr(report, spec.table, outcome.counts)
            report.conflicts += outcome.conflicts
            touched_docs |= outcome.documents
            if spec.table == "spans":
                report.touched_spans = outcome.records
            elif spec.table == "document_labels":
                report.touched_document_labels = outcome.records
        report.touched_documents = sorted(touched_docs)
        if new_labels or replaced_labels:
            self.codebook.record_change(
                f"labels {', '.join(new_labels + replaced_labels)} imported by a merge of {Path(name).name}"
            )
        if report.changed:
            summary = {k: asdict(v) for k, v in
                       (("spans", report.spans), ("document_labels", report.document_labels),
                        ("assignments", report.assignments), ("document_memos", report.document_memos))}
            summary.update(documents_added=len(report.documents_added), conflicts=len(report.conflicts),
                           unknown_labels=report.unknown_labels)
            self.db.execute(
                "INSERT INTO merge_log (source_key, source_path, source_project_id, merged_at, "
                "source_high_water, report) VALUES (?, ?, ?, ?, ?, ?)",
                [source.key, name, source.project_id, now_iso(), source_high_water(self.db),
                 json.dumps(summary, ensure_ascii=False)],
            )
        return report

    def conflicts(self, kind: str | None = None) -> list[ConflictRecord]:
        """Every recorded conflict, oldest first, optionally of one kind (span, document_label...)."""
        sql, params = "SELECT id, kind, object_id, kept, discarded, source, time FROM conflicts", []
        if kind:
            sql += " WHERE kind = ?"
            params.append(kind)
        return [ConflictRecord(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5], r[6])
                for r in self.db.execute(sql + " ORDER BY id", params)]
