"""JSON Lines in doccano's shape: one document a line with "text" and "label", plus our own fields.

doccano shows the third item of each "label" triple, so it holds the label's name; "annotations"
keeps each span in full with the label's id (what our import reads back) and its name. The first
line also carries a header (annotator.io.jsonl_format) with the codebook used and the team, and
every line the statuses and memos of its document, so that importing the file into a new project
gives back the same state, and exporting that project again gives the same file.

doccano keeps one annotator's work per file: `write_per_annotator` writes a folder with one such
file per annotator.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.core.codebook import codebook_to_dict
from annotator.io.jsonl_format import FORMAT_NAME, FORMAT_VERSION, HEADER_KEY
from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    label_display_names,
    selected_sources,
)

PER_ANNOTATOR_MARKER = "framing-annotator-doccano.txt"
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


def header(project: Any, selection: ExportSelection) -> dict[str, Any]:
    """The first line's header: the format, the codebook (without its version number, which is the
    project's own history) and the selected people with their roles."""
    book = codebook_to_dict(project.codebook.current())
    book.pop("version", None)
    roles = {person.name: person.role for person in project.team.annotators()}
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "codebook": book,
            "team": [{"name": name, "role": roles.get(name, "annotator")} for name in selection.annotators]}


def document_record(project: Any, doc: Any, sources: list[str], label_ids: list[str] | None,
                    names: dict[str, str] | None = None) -> dict[str, Any]:
    """One document's line: doccano's "text" and "label" ([start, end, label name]) plus our fields.

    "annotations" holds each span in full (annotator, note, attributes, times); "document_labels"
    the answers; "statuses" and "memos" the selected annotators' statuses and memos; "annotator"
    is set when the line holds one annotator's work only, as in doccano's per-annotator exports.
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
        "statuses": project.exports.document_statuses(doc.id, people),
        "memos": [{"annotator": who, "text": text, "created": created, "updated": updated}
                  for who, text, created, updated in project.exports.document_memos(doc.id, people)],
    }
    if len(sources) == 1:
        record["annotator"] = sources[0]  # doccano's per-annotator shape: whose "label" these are
    return record


def write_jsonl(project: Any, path: Path, selection: ExportSelection, report: ExportReport,
                progress: Progress) -> None:
    """Every document (done ones only with done_only) as one JSON object a line, UTF-8; the first
    line carries the header."""
    names = label_display_names(project.codebook.current().span_labels)
    first = True
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc in project.documents.iter_all():
            progress.step()
            sources = selected_sources(project, doc.id, selection)
            if selection.done_only and not sources:
                continue
            record = document_record(project, doc, sources, selection.label_ids, names)
            if first:
                record[HEADER_KEY] = header(project, selection)
                first = False
            handle.write(_dumps(record))
            handle.write("\n")
            report.documents += 1
            report.spans += len(record["annotations"])
            report.document_labels += len(record["document_labels"])
    report.files += 1


def file_names(people: list[str]) -> dict[str, str]:
    """A distinct, safe file name for each person's file ("Anne Marie/2" -> "Anne_Marie_2.jsonl")."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for person in people:
        base = re.sub(r"[^\w.-]+", "_", person, flags=re.UNICODE).strip("._") or "annotator"
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name.casefold())
        names[person] = f"{name}.jsonl"
    return names


def write_per_annotator(project: Any, folder: Path, selection: ExportSelection, report: ExportReport,
                        progress: Progress) -> None:
    """One JSONL file per selected annotator (and gold) in `folder`: what doccano imports for one user."""
    files = file_names(selection.sources)
    lines = ["One file per annotator, as doccano keeps them (import each as that user):", ""]
    for person, name in files.items():
        one = replace(selection, annotators=[p for p in selection.annotators if p == person],
                      gold=person == GOLD)
        write_jsonl(project, folder / name, one, report, progress)
        lines.append(f"{name}\t{person}")
    (folder / PER_ANNOTATOR_MARKER).write_text("\n".join(lines) + "\n", encoding="utf-8")
