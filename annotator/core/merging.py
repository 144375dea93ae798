"""Rules and report of merging annotators' work: which version of a record wins, what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Sequence

from annotator.core.change import Action, Change

def content_digest(values: Sequence[Any]) -> str:
    """A stable hash of a record's values (the tie-break between two edits made at the same time)."""
    text = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def version_key(updated: str, values: Sequence[Any]) -> tuple[str, str]:
    """What orders two versions of one record: the later `updated`, then the larger content hash.

    Taking the maximum of this key is associative, commutative and idempotent, which is what
    makes a merge independent of order and safe to repeat.
    """
    return (updated or "", content_digest(values))


def edited_since(updated: str, sync_point: str) -> bool:
    """True when a version was written after the last time both sides agreed (`sync_point`)."""
    return (updated or "") > (sync_point or "")


@dataclass
class MergeCounts:
    """What a merge did to one kind of record."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    duplicates: int = 0  # live records left out because the project holds the same one already

    @property
    def total(self) -> int:
        return self.added + self.updated + self.deleted


@dataclass
class MergeConflict:
    """A record edited on both sides since they last agreed; `kept` is "source" or "target"."""

    kind: str
    object_id: str
    kept: str
    kept_updated: str
    discarded_updated: str


@dataclass
class MergeReport:
    """What merging one source file into a project added, changed, deleted and found in conflict."""

    source: str
    spans: MergeCounts = field(default_factory=MergeCounts)
    document_labels: MergeCounts = field(default_factory=MergeCounts)
    assignments: MergeCounts = field(default_factory=MergeCounts)
    document_memos: MergeCounts = field(default_factory=MergeCounts)
    documents_added: list[str] = field(default_factory=list)
    documents_skipped: list[str] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)
    labels_differing: list[str] = field(default_factory=list)
    annotators_added: list[str] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    touched_documents: list[str] = field(default_factory=list)
    touched_spans: list[str] = field(default_factory=list)
    touched_document_labels: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(c.added for c in (self.spans, self.document_labels, self.assignments, self.document_memos))

    @property
    def updated(self) -> int:
        return sum(c.updated for c in (self.spans, self.document_labels, self.assignments, self.document_memos))

    @property
    def deleted(self) -> int:
        return sum(c.deleted for c in (self.spans, self.document_labels, self.assignments, self.document_memos))

    @property
    def changed(self) -> bool:
        """True when the merge wrote anything to the project."""
        return bool(
            self.added or self.updated or self.deleted or self.documents_added
            or self.unknown_labels or self.annotators_added or self.conflicts
        )

    def summary_lines(self) -> list[str]:
        """The report in plain words, one line per topic."""
        lines = [f"Merged {self.source}:"]
        for title, counts in (("spans", self.spans), ("document labels", self.document_labels),
                              ("assignments", self.assignments), ("memos", self.document_memos)):
            lines.append(f"  {title + ':':17}{counts.added} added, {counts.updated} updated, "
                         f"{counts.deleted} deleted" + (f", {counts.duplicates} repeating a span already in "
                                                        "the project (left out)" if counts.duplicates else ""))
        lines.append(f"  {'documents:':17}{len(self.documents_added)} added, "
                     f"{len(self.documents_skipped)} already in the project")
        if self.annotators_added:
            lines.append(f"  {'annotators:':17}{', '.join(self.annotators_added)} added")
        if self.unknown_labels:
            lines.append(f"  {'unknown labels:':17}{', '.join(self.unknown_labels)} "
                         "(added to the codebook, marked imported)")
        if self.labels_differing:
            lines.append(f"  {'labels differing:':17}{', '.join(self.labels_differing)} "
                         "(the project's definition was kept)")
        lines.append(f"  {'conflicts:':17}{len(self.conflicts)}")
        for conflict in self.conflicts:
            lines.append(f"    {conflict.kind} {conflict.object_id}: kept the {conflict.kept}'s edit "
                         f"of {conflict.kept_updated}, discarded the edit of {conflict.discarded_updated}")
        if not self.changed:
            lines.append("  nothing new: the project already holds this work")
        return lines

    def change(self) -> Change:
        """What the merge touched, for views to refresh."""
        return Change(
            Action.MERGED, documents=list(self.touched_documents), spans=list(self.touched_spans),
            labels=list(self.unknown_labels), document_labels=list(self.touched_document_labels),
            annotators=list(self.annotators_added),
            details={"source": self.source, "conflicts": len(self.conflicts)},
        )
