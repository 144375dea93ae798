"""Round trips: export as JSONL or brat, import into a new project, get the same documents and spans."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.core.text import normalise_text
from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.brat_rules import check_folder

PIECES = ["le", "ministre", "dénoncé", "Café", "cafe\u0301", "na\u00efve", " ", " ", " ", "\u00a0", "\u202f",
          "\r\n", "\n", "\r\n\r\n", "\t", "👍🏽", "👨‍👩‍👧", "🇫🇷", "«", "»", "\"", "=1+1", "-", "@x", ".",
          "\u2028", "ü", "日本語"]
LABELS = ["scare_quote", "direct_quote", "loaded_term", "reporting_verb.loaded", "naming", "hedge"]
ANNOTATORS = ["alice", "bob"]


@st.composite
def documents_with_spans(draw, annotators=ANNOTATORS):
    """Stored texts (normalised from raw pieces with CRLF) and overlapping spans on them."""
    count = draw(st.integers(1, 3))
    texts: list[str] = []
    while len(texts) < count:
        raw = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=2, max_size=40)))
        text = normalise_text("Titre " + raw).text
        if text not in texts:
            texts.append(text)
    spans = []
    for text in texts:
        for annotator in annotators:
            for _ in range(draw(st.integers(0, 4))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, min(len(text), start + 25)))
                spans.append((text, annotator, draw(st.sampled_from(LABELS)), start, end))
    return texts, list(dict.fromkeys(spans))  # the store keeps no two identical spans of one annotator


def _project(folder: Path, name: str) -> Project:
    project = Project.create(folder / f"{name}.framing")
    project.codebook.install(load_preset("framing-devices"))
    return project


def _fill(project: Project, texts, spans) -> None:
    for name in ANNOTATORS:
        project.team.add(name)
    docs = [Document(text=t, title=f"Document {i}") for i, t in enumerate(texts)]
    project.documents.add(docs)
    ids = {d.text: d.id for d in docs}
    project.spans.add_many([Span(ids[t], who, label, s, e, t[s:e]) for t, who, label, s, e in spans])


def _state(project: Project, annotators) -> tuple[dict[str, str], set[tuple]]:
    texts = {doc.id: doc.text for doc in project.documents.iter_all()}
    spans = set()
    for doc_id, text in texts.items():
        for span in project.spans.of_document(doc_id):
            if span.annotator in annotators:
                assert span.text == text[span.start:span.end]
                spans.add((doc_id, span.annotator, span.label_id, span.start, span.end, span.text))
    return texts, spans


_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(documents_with_spans())
def test_jsonl_round_trip(case):
    texts, spans = case
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source, target = _project(folder, "source"), _project(folder, "target")
        try:
            _fill(source, texts, spans)
            out = folder / "corpus.jsonl"
            export_project(source, "jsonl", out)
            report = import_paths(target, [out])
            assert not report.refused, report.summary()
            assert _state(target, ANNOTATORS) == _state(source, ANNOTATORS)
            again = folder / "again.jsonl"
            export_project(target, "jsonl", again)
            assert again.read_bytes() == out.read_bytes()  # lossless: the second export is the first
        finally:
            source.close()
            target.close()


@_SETTINGS
@given(documents_with_spans())
def test_brat_round_trip(case):
    texts, spans = case
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source, target = _project(folder, "source"), _project(folder, "target")
        try:
            _fill(source, texts, spans)
            out = folder / "brat"
            export_project(source, "brat", out)
            assert check_folder(out) == []  # brat's own rules accept every export
            for annotator in ANNOTATORS:
                report = import_paths(target, [out / annotator], annotator=annotator)
                assert not report.refused, report.summary()
            assert _state(target, ANNOTATORS) == _state(source, ANNOTATORS)
        finally:
            source.close()
            target.close()


@_SETTINGS
@given(documents_with_spans(), st.sampled_from(["qdpx", "label-studio"]))
def test_refi_qda_and_label_studio_round_trips(case, fmt):
    texts, spans = case
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source, target = _project(folder, "source"), _project(folder, "target")
        try:
            _fill(source, texts, spans)
            out = folder / ("project.qdpx" if fmt == "qdpx" else "tasks.json")
            export_project(source, fmt, out)
            report = import_paths(target, [out])
            assert not report.refused and not report.warnings, report.summary()
            assert _state(target, ANNOTATORS) == _state(source, ANNOTATORS)
        finally:
            source.close()
            target.close()


def test_jsonl_round_trip_keeps_a_document_without_spans(tmp_path):
    source, target = _project(tmp_path, "source"), _project(tmp_path, "target")
    source.documents.add([Document(text="First line\nsecond line  \n", title="Headline")])
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    import_paths(target, [out])
    assert _state(target, []) == _state(source, [])
    assert next(target.documents.iter_all()).title == "Headline"
