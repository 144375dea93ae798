"""JSONL export: one document a line in doccano's shape, read back with json."""

from __future__ import annotations

import json

import pytest

from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build


@pytest.fixture
def data(project):
    return build(project)


def _lines(path):
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    return [json.loads(line) for line in raw.split("\n") if line]


def test_one_document_a_line_with_exact_text(project, data, tmp_path):
    out = tmp_path / "corpus.jsonl"
    report = export_project(project, "jsonl", out, gold=True, annotators=["alice", "bob"])
    records = _lines(out)
    assert [r["id"] for r in records] == [d.id for d in data.documents]
    assert [r["text"] for r in records] == [d.text for d in data.documents]
    assert report.documents == 4 and report.spans == len(data.spans) == sum(len(r["label"]) for r in records)
    for record in records:
        text = record["text"]
        assert len(record["label"]) == len(record["annotations"])
        for (start, end, label), span in zip(record["label"], record["annotations"]):
            assert span["text"] == text[start:end]
            assert (span["start"], span["end"], span["label_name"]) == (start, end, label)
            assert label == project.codebook.current().label(span["label"]).name
        assert "annotator" not in record  # several annotators on each line
    first = records[0]
    assert first["title"] == "Emoji, formulas" and first["outlet"] == "Le Monde"
    assert {s["annotator"] for s in first["annotations"]} == {"alice", "bob", "gold"}
    loaded = next(s for s in first["annotations"] if s["label"] == "loaded_term")
    assert loaded["attributes"] == {"stance": "critical"} and loaded["note"] == "strong verb"
    assert first["document_labels"][0]["question"] == "tone"


def test_line_separators_inside_text_stay_escaped(project, data, tmp_path):
    out = tmp_path / "corpus.jsonl"
    export_project(project, "jsonl", out)
    raw = out.read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\\u2028" in raw
    assert len(raw.splitlines()) == 4  # even str.splitlines sees one line per document


def test_one_annotator_lines_name_the_annotator(project, data, tmp_path):
    out = tmp_path / "bob.jsonl"
    export_project(project, "jsonl", out, annotators=["bob"], done_only=True)
    records = _lines(out)
    assert [r["id"] for r in records] == [data.documents[2].id]  # bob marked only this one done
    assert records[0]["annotator"] == "bob"
    assert {s["annotator"] for s in records[0]["annotations"]} == {"bob"}


def test_doccano_labels_show_names_and_come_back_as_the_same_labels(project, data, tmp_path):
    out = tmp_path / "corpus.jsonl"
    export_project(project, "jsonl", out, annotators=["alice"])
    doccano_only = tmp_path / "doccano.jsonl"
    doccano_only.write_text("\n".join(
        json.dumps({"text": r["text"], "label": r["label"]}, ensure_ascii=False) for r in _lines(out)) + "\n",
        encoding="utf-8")
    assert "Loaded term" in doccano_only.read_text(encoding="utf-8")
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    report = import_paths(target, [doccano_only], annotator="alice")
    assert not report.refused and report.labels == []  # every name found its label
    wanted = {(s.document_id, s.label_id, s.start, s.end) for s in data.spans if s.annotator == "alice"}
    got = {(s.document_id, s.label_id, s.start, s.end) for d in target.documents.iter_all() for s in target.spans.of_document(d.id)}
    assert got == wanted
    target.close()
