"""Files of other tools and our own exports fed back: Prodigy datasets, Label Studio tasks without
annotations, CoNLL files and span tables are read as what they are, or refused saying what they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build

DATA = Path(__file__).parent / "data"


@pytest.fixture
def empty(tmp_path):
    project = Project.create(tmp_path / "empty.framing")
    yield project
    project.close()


def test_prodigy_accepts_only_and_sessions_as_annotators(empty):
    report = import_paths(empty, [DATA / "prodigy" / "grevistes.jsonl"])
    assert not report.refused, report.summary()
    spans = sorted((s.annotator, empty.codebook.label(s.label_id).name, s.text)
                   for d in empty.documents.iter_all() for s in empty.spans.of_document(d.id))
    assert spans == [("grevistes-alice", "LOADED", "preneurs d'otages"), ("grevistes-alice", "VERB", "qualifie"),
                     ("grevistes-bob", "LOADED", "preneurs d'otages")]  # the rejected "calme" is not there
    assert empty.counts()["documents"] == 2  # the same text from two sessions is one document
    [answer] = empty.answers.find()
    question = empty.codebook.label(answer.question)
    assert (answer.annotator, question.name, question.choices[0].name) == ("grevistes-bob", "Prodigy choice", "Neutre")
    assert report.warnings == ["grevistes.jsonl: 1 rejected example(s), 1 ignored example(s): not imported"]
    doc = next(d for d in empty.documents.iter_all() if "preneurs" in d.text)
    assert "tokens" not in doc.metadata and doc.metadata["meta"] == {"source": "AFP"}


def test_label_studio_tasks_without_annotations_are_articles(empty, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"data": {"text": "Premier article.", "title": "Un"}},
                                {"data": {"text": "Second article.", "title": "Deux"}}]), encoding="utf-8")
    report = import_paths(empty, [path])
    assert not report.refused and sorted(i.title for i in report.imported) == ["Deux", "Un"]


@pytest.mark.parametrize("table", ["spans", "documents", "document-labels"])
def test_our_csv_tables_are_refused_saying_what_they_are(project, empty, tmp_path, table):
    build(project)
    out = tmp_path / f"{table}.csv"
    export_project(project, "csv", out, table=table)
    report = import_paths(empty, [out])
    [refusal] = report.refused
    assert f"is a {table} table exported by Framing Annotator" in refusal.reason
    assert "export JSONL" in refusal.reason
    assert empty.counts()["documents"] == 0  # never one "document" per span


def test_other_tools_span_tables_are_refused_too(empty, tmp_path):
    path = tmp_path / "spans.csv"
    path.write_text("doc,start,end,label,text\nA,0,5,PER,Alice\nA,10,15,ORG,Acme.\n", encoding="utf-8")
    [refusal] = import_paths(empty, [path]).refused
    assert "a table of spans" in refusal.reason


@pytest.mark.parametrize("suffix", [".conll", ".txt", ".tsv"])
def test_our_conll_export_is_refused_saying_what_it_is(project, empty, tmp_path, suffix):
    build(project)
    out = tmp_path / f"train{suffix}"
    export_project(project, "conll", tmp_path / "train.conll")
    out.write_bytes((tmp_path / "train.conll").read_bytes())
    [refusal] = import_paths(empty, [out]).refused
    assert "is a CoNLL export of Framing Annotator" in refusal.reason
    assert empty.counts()["documents"] == 0


def test_other_conll_files_are_refused_and_articles_are_not(empty, tmp_path):
    conll = tmp_path / "ner.txt"
    conll.write_text("-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n"
                     "call NN I-NP O\n. . O O\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Title of the piece\n\nFirst paragraph, with words.\nSecond line here.\nThird O\n",
                       encoding="utf-8")
    report = import_paths(empty, [conll, article])
    assert [r.path.name for r in report.refused] == ["ner.txt"]
    assert "CoNLL file" in report.refused[0].reason
    assert [i.title for i in report.imported] == ["Title of the piece"]
