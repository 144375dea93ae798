"""JSON Lines in doccano's shape: one document a line with "text" and "label", plus our own fields.

doccano shows the third item of each "label" triple, so it holds the label's name; "annotations"
keeps each span in full with the label's id (what our import reads back) and its name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    label_display_names,
    selected_sources,
)

FORMAT_NAME = "framing-annotator-jsonl"
FORMAT_VERSION = 1
# str.splitlines() and some JSONL readers break lines on these; json.dumps leaves them raw.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def _dumps(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKERS.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


def _split_sources(sources: list[str]) -> tuple[list[str], bool]:
    return [s for s in sources if s != GOLD], GOLD in sources


def document_record(project: Any, doc: Any, sources: list[str], label_ids: list[str] | None,
                    names: dict[str, str] | None = None) -> dict[str, Any]:
    """One document's line: doccano's "text" and "label" ([start, end, label name]) plus our fields.

    "annotations" holds each span in full (annotator, note, attributes, times); "annotator" is
    set when the line holds one annotator's work only, as in doccano's per-annotator exports.
    """
    people, gold = _split_sources(sources)
    names = names if names is not None else label_display_names(project.codebook.current().span_labels)
    spans = project.exports.document_spans(doc.id, people, gold, label_ids)
    answers = project.exports.iter_answers(people, gold, label_ids, document_id=doc.id)
    record = {
        "id": doc.id,
        "text": doc.text,
        "label": [[s.start, s.end, names.get(s.label_id, s.label_id)] for s in spans],
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "filename": doc.filename,
        "metadata": doc.metadata,
        "annotators": sources,
        "annotations": [
            {
                "id": s.id, "annotator": s.annotator, "label": s.label_id,
                "label_name": names.get(s.label_id, s.label_id), "start": s.start,
                "end": s.end, "text": s.text, "note": s.note, "attributes": s.attributes,
                "origin": s.origin, "codebook_version": s.codebook_version,
                "created": s.created, "updated": s.updated,
            }
            for s in spans
        ],
        "document_labels": [
            {"annotator": a.annotator, "question": a.question, "value": a.value, "note": a.note,
             "created": a.created, "updated": a.updated}
            for a in answers
        ],
    }
    if len(sources) == 1:
        record["annotator"] = sources[0]  # doccano's per-annotator shape: whose "label" these are
    return record


def write_jsonl(project: Any, path: Path, selection: ExportSelection, report: ExportReport,
                progress: Progress) -> None:
    """Every document (done ones only with done_only) as one JSON object a line, UTF-8."""
    names = label_display_names(project.codebook.current().span_labels)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc in project.documents.iter_all():
            progress.step()
            sources = selected_sources(project, doc.id, selection)
            if selection.done_only and not sources:
                continue
            record = document_record(project, doc, sources, selection.label_ids, names)
            handle.write(_dumps(record))
            handle.write("\n")
            report.documents += 1
            report.spans += len(record["annotations"])
            report.document_labels += len(record["document_labels"])
    report.files = 1
