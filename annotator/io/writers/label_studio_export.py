"""Label Studio import file: one task per document with one annotation per annotator, and the
labeling configuration that matches it (OUT-labeling-config.xml beside OUT).

A task's "data" holds the text and the document's fields; each span is a "labels" region
(offsets in characters, the label's name as Label Studio shows it, the note and attributes as the
region's meta text); each answer a "choices" result of the question's control. Label Studio
cannot name the authors of imported annotations, so data.framing_annotators lists them in the
order of the annotations; our import reads them back from there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.core.codebook import Codebook
from annotator.io.label_studio_format import OUR_ANNOTATORS
from annotator.io.note_attributes import attribute_note
from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    atomic_output_file,
    label_display_names,
    selected_sources,
)

LABELS_CONTROL = "label"
TEXT_OBJECT = "text"


def config_path(out: Path) -> Path:
    """Where the labeling configuration goes: beside the tasks file."""
    return out.with_name(f"{out.stem}-labeling-config.xml")


def labeling_config(book: Codebook, names: dict[str, str]) -> str:
    """The <View> for a Label Studio project: our labels (names, colours) and questions as choices."""
    view = etree.Element("View")
    etree.SubElement(view, "Header", value="$title")
    labels = etree.SubElement(view, "Labels", name=LABELS_CONTROL, toName=TEXT_OBJECT)
    for label in book.span_labels:
        if not label.retired:
            etree.SubElement(labels, "Label", value=names[label.id], background=label.color)
    etree.SubElement(view, "Text", name=TEXT_OBJECT, value=f"${TEXT_OBJECT}")
    for question in book.questions:
        etree.SubElement(view, "Header", value=question.name)
        choices = etree.SubElement(view, "Choices", name=question.id, toName=TEXT_OBJECT,
                                   choice="multiple" if question.multiple else "single", showInline="true")
        for choice in question.choices:
            etree.SubElement(choices, "Choice", value=choice.name)
    return etree.tostring(view, encoding="unicode", pretty_print=True)


def _region(span: Any, names: dict[str, str]) -> dict[str, Any]:
    region: dict[str, Any] = {
        "id": span.id, "from_name": LABELS_CONTROL, "to_name": TEXT_OBJECT, "type": "labels", "origin": "manual",
        "value": {"start": span.start, "end": span.end, "text": span.text,
                  "labels": [names.get(span.label_id, span.label_id)]},
    }
    lines = [line for line in span.note.split("\n") if line.strip()] + [
        attribute_note(key, value) for key, value in sorted(span.attributes.items()) if value not in (None, "", [], {})]
    if lines:
        region["meta"] = {"text": lines}
    return region


def _answer(answer: Any, book: Codebook) -> dict[str, Any] | None:
    try:
        question = book.label(answer.question)
    except KeyError:
        return None
    by_id = {c.id: c.name for c in question.choices}
    values = [by_id.get(part, part) for part in answer.value.split("|") if part]
    return {"id": f"{answer.question}-{answer.annotator}", "from_name": answer.question, "to_name": TEXT_OBJECT,
            "type": "choices", "value": {"choices": values}}


def task(project: Any, doc: Any, sources: list[str], selection: ExportSelection, book: Codebook,
         names: dict[str, str], report: ExportReport) -> dict[str, Any]:
    """One document's task: its data and one annotation per selected annotator (and gold)."""
    data = {TEXT_OBJECT: doc.text, "title": doc.title, "document_id": doc.id}
    data.update({k: getattr(doc, k) for k in ("outlet", "url", "published", "author", "language") if getattr(doc, k)})
    annotations, who = [], []
    for source in sources:
        people = [] if source == GOLD else [source]
        spans = project.exports.document_spans(doc.id, people, source == GOLD, selection.label_ids)
        answers = list(project.exports.iter_answers(people, source == GOLD, selection.label_ids,
                                                           document_id=doc.id))
        result = [_region(span, names) for span in spans]
        result += [r for r in (_answer(a, book) for a in answers) if r is not None]
        if not result:
            continue
        annotations.append({"result": result, "ground_truth": source == GOLD, "was_cancelled": False})
        who.append(source)
        report.spans += len(spans)
        report.document_labels += len(answers)
    data[OUR_ANNOTATORS] = who
    return {"data": data, "annotations": annotations}


def write_label_studio(project: Any, path: Path, selection: ExportSelection, report: ExportReport,
                       progress: Progress) -> None:
    """Write the tasks (a JSON array, UTF-8) to `path`."""
    book = project.codebook.current()
    names = label_display_names(book.span_labels)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("[")
        for doc in project.documents.iter_all():
            progress.step()
            sources = selected_sources(project, doc.id, selection)
            if selection.done_only and not sources:
                continue
            record = task(project, doc, sources, selection, book, names, report)
            handle.write(",\n" if report.documents else "\n")
            handle.write(json.dumps(record, ensure_ascii=False))
            report.documents += 1
        handle.write("\n]\n")
    report.files = 1


def write_config(book: Codebook, out: Path, report: ExportReport) -> None:
    """Write the labeling configuration beside the tasks file `out` (once the tasks are written)."""
    config_out = config_path(out)
    with atomic_output_file(config_out) as temp:
        temp.write_text(labeling_config(book, label_display_names(book.span_labels)), encoding="utf-8")
    report.files += 1
    report.notes.append(f"Label Studio: paste {config_out.name} into the project's Settings > Labeling "
                        "Interface > Code before importing the tasks; offsets count characters")
