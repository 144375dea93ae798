"""Code retrieval: the segments of a label (with its sub-labels), of one annotator or all, and their CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from annotator.core.codebook_tree import descendants
from annotator.io.writers.csv_export import write_rows_csv
from annotator.store import Project
from annotator.store.segments import CodedSegment

CSV_COLUMNS = ["document_title", "document_id", "annotator", "label_id", "label_name", "start", "end",
               "context_before", "text", "context_after", "note", "span_id"]


def retrieve_segments(project: Project, label_id: str, annotator: str | None = None, viewer: str | None = None,
                      include_sublabels: bool = True) -> list[CodedSegment]:
    """Every live segment labelled `label_id` (or one of its sub-labels) across the corpus.

    `annotator` None means everyone's; a `viewer` who may not see others' work (blind coding) gets
    their own segments only, whatever was asked."""
    labels = project.codebook.labels()
    wanted = [label_id] + (descendants(labels, label_id) if include_sublabels else [])
    if viewer is not None and not project.team.may_see_others(viewer):
        annotator = viewer
    return project.spans.segments(wanted, annotator)


def labels_with_segments(project: Project, label_ids: Sequence[str], annotator: str | None = None,
                         viewer: str | None = None, include_sublabels: bool = True) -> list[str]:
    """Those of `label_ids` (in their order) that retrieval would find segments of, asked as `retrieve_segments`."""
    if viewer is not None and not project.team.may_see_others(viewer):
        annotator = viewer
    counts = project.spans.segment_counts(annotator)
    labels = project.codebook.labels() if include_sublabels else []
    return [label_id for label_id in label_ids
            if counts.get(label_id) or (include_sublabels and any(counts.get(d) for d in descendants(labels, label_id)))]


def write_segments_csv(project: Project, segments: Sequence[CodedSegment], path: str | Path,
                       language: str = "en", excel: bool = False) -> Path:
    """Write retrieved segments to a CSV file (UTF-8; `excel` for spreadsheets); return the path written."""
    names = {label.id: label.display_name(language) for label in project.codebook.labels()}
    rows = ([s.document_title, s.document_id, s.annotator, s.label_id, names.get(s.label_id, s.label_id), s.start,
             s.end, s.before, s.text, s.after, s.note, s.span_id] for s in segments)
    return write_rows_csv(rows, path, excel=excel, header=CSV_COLUMNS)
