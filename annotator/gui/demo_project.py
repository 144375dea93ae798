"""The demo project: sample articles from resources/samples with a few example annotations (no Qt here)."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.paths import resources_dir, user_data_dir
from annotator.io.codebook_files import load_preset
from annotator.store import Project

DEMO_FILE_NAME = "demo.framing"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def _sample_details() -> dict:
    listing = samples_dir() / "samples.json"
    return json.loads(listing.read_text(encoding="utf-8")) if listing.exists() else {}


def read_sample(path: Path, details: dict | None = None) -> Document:
    """A sample article: UTF-8 text whose first line is the headline (kept as the first paragraph)."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").strip() + "\n"
    title = text.split("\n", 1)[0].strip()
    language = "fr" if path.stem.endswith("-fr") or ".fr" in path.name else "en"
    details = details or {}
    return Document(text=text, title=title, language=language,
                    outlet=details.get("outlet", "Framing Annotator samples"),
                    published=details.get("published", ""), author=details.get("author", ""),
                    filename=path.name, metadata={"sample": True})


def _example_spans(project: Project, annotator: str) -> list[Span]:
    """Spans listed in resources/samples/demo-annotations.json, located by their exact text."""
    listing = samples_dir() / "demo-annotations.json"
    if not listing.exists():
        return []
    spans: list[Span] = []
    by_file = {project.documents.get(d).filename: project.documents.get(d) for d in project.documents.ids()}
    for entry in json.loads(listing.read_text(encoding="utf-8")):
        doc = by_file.get(entry["file"])
        if doc is None:
            continue
        start = doc.text.find(entry["text"])
        if start < 0:
            continue
        end = start + len(entry["text"])
        spans.append(Span(document_id=doc.id, annotator=annotator, label_id=entry["label"],
                          start=start, end=end, text=entry["text"], note=entry.get("note", "")))
    return spans


def build_demo_project(path: Path, annotator: str) -> Project:
    """Create a project at `path` with the default codebook, the sample articles and example spans."""
    project = Project.create(path, name="Demo project")
    project.codebook.install(load_preset("framing-devices"))
    project.team.add(annotator)
    details = _sample_details()
    documents = [read_sample(p, details.get(p.name)) for p in sorted(samples_dir().glob("*.txt"))]
    project.documents.add(documents)
    spans = _example_spans(project, annotator)
    if spans:
        project.spans.add_many(spans)
    return project


def open_demo_project(annotator: str) -> Project:
    """The demo project in the user's data folder, created on first use."""
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE_NAME
    if path.exists():
        return Project.open(path)
    return build_demo_project(path, annotator)


TEAM_CODERS = ("sam", "noor", "ali")
TEAM_LEAD = "lea"


def build_team_demo_project(path: Path) -> Project:
    """The demo articles coded by a small team, for the lead's windows (agreement, adjudication, progress) and
    their screenshots: lead "lea", coders sam, noor and ali on every article, each having taken most of the
    suggestions with a few differences of their own, answers that mostly agree, statuses in between."""
    from annotator.services.suggestions import detect, detector_setup

    project = Project.create(path, name="Team demo")
    project.codebook.install(load_preset("framing-devices"))
    details = _sample_details()
    project.documents.add([read_sample(p, details.get(p.name)) for p in sorted(samples_dir().glob("*.txt"))])
    project.team.add(TEAM_LEAD, role="lead")
    setup = detector_setup(project)
    documents = project.documents.ids()
    answers = {"source_type": ("official", "corporate", "expert", "official"),
               "tone": ("negative", "neutral", "negative", "positive")}
    for c, coder in enumerate(TEAM_CODERS):
        project.team.add(coder)
        project.assignments.assign(coder, documents)
        spans = []
        for d, document_id in enumerate(documents):
            document = project.documents.get(document_id)
            found = [s for s in detect(document, setup) if s.label_id]
            for k, suggestion in enumerate(found):
                if (k + c + d) % 5 == 0:
                    continue  # each coder leaves out a few
                label = suggestion.label_id
                if c == 2 and k % 4 == 1 and label == "scare_quote":
                    label = "loaded_term"  # and one reads some quotes otherwise
                spans.append(Span(document_id=document_id, annotator=coder, label_id=label, start=suggestion.start,
                                  end=suggestion.end, text=suggestion.text, origin="suggestion"))
            for question, values in answers.items():
                value = values[d % len(values)]
                if (c + d) % 3 == 2:
                    value = "neutral" if question == "tone" else "expert"
                project.answers.set(document_id, coder, question, value)
            status = "done" if d < 2 + (c == 0) else "in progress" if d < 3 else "todo"
            project.assignments.set_status(coder, document_id, status)
        project.spans.add_many(spans)
    return project
