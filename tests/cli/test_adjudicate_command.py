"""`annotator adjudicate`: accept agreed spans and answers by threshold, list what is open, settle, export gold;
only the lead adjudicates."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from annotator.cli.adjudicate_commands import parse_threshold
from annotator.cli.main import cli
from annotator.core.errors import ProjectError
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project

TEXT = "Le ministre a affirmé que la réforme était juste. Les syndicats dénoncent une trahison totale."


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert (result.exit_code == 0) is ok, result.output
    assert "Traceback" not in result.output
    return result


def mark(project, doc, who, label, word):
    start = TEXT.index(word)
    project.spans.add(Span(document_id=doc, annotator=who, label_id=label, start=start, end=start + len(word),
                           text=word))


@pytest.fixture
def three(tmp_path):
    """Three coders: all mark « réforme », two of three « trahison », one « juste »; answers 2 against 1."""
    path = tmp_path / "adj.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        doc = project.documents.add([Document(text=TEXT, title="Réforme")]).added[0]
        project.team.add("lea", role="lead")
        for name in ("ana", "ben", "cleo"):
            project.assignments.assign(name, [doc])
            mark(project, doc, name, "scare_quote", "réforme")
        mark(project, doc, "ana", "loaded_term", "trahison")
        mark(project, doc, "ben", "loaded_term", "trahison")
        mark(project, doc, "cleo", "loaded_term", "juste")
        for name, value in (("ana", "official"), ("ben", "official"), ("cleo", "expert")):
            project.answers.set(doc, name, "source_type", value)
    return path


def gold_texts(path) -> list[str]:
    with Project.open(path, backup=False, viewer="lea") as project:
        return sorted(s.text for s in project.adjudication.gold_spans(project.documents.ids()[0]))


def test_thresholds_in_words_fractions_and_shares():
    assert parse_threshold("all") == 1.0 and parse_threshold("2/3") == pytest.approx(2 / 3)
    assert parse_threshold("half") == 0.5 and parse_threshold("0.67") == 0.67
    for bad in ("0", "1.5", "most"):
        with pytest.raises(ProjectError):
            parse_threshold(bad)


def test_accept_agreed_by_threshold(three):
    out = run("adjudicate", three, "accept-agreed", "--as", "lea").output
    assert "Spans: 1 accepted into gold in 1 document, 0 already there." in out
    assert "Answers: 0 accepted" in out
    assert gold_texts(three) == ["réforme"]
    out = run("adjudicate", three, "accept-agreed", "--threshold", "2/3", "--as", "lea").output
    assert "Spans: 1 accepted into gold in 1 document, 1 already there." in out
    assert "Answers: 1 accepted" in out
    assert gold_texts(three) == ["réforme", "trahison"]


def test_open_disagreements_until_settled(three):
    out = run("adjudicate", three, "open", "--as", "lea").output
    assert "span   Loaded term: 'trahison'" in out and "marked by ana, ben" in out
    assert "span   Loaded term: 'juste'" in out and "marked by cleo" in out
    assert "answer Main source type: ana: official; ben: official; cleo: expert" in out
    assert "3 open disagreements in 1 document." in out
    assert "réforme" not in out  # every coder marked it alike
    run("adjudicate", three, "accept-agreed", "--threshold", "2/3", "--as", "lea")
    listed = json.loads(run("adjudicate", three, "open", "--json", "--as", "lea").output)
    assert [(item["kind"], item["text"]) for item in listed] == [("span", "juste")]
    with Project.open(three, backup=False) as project:
        doc = project.documents.ids()[0]
    run("adjudicate", three, "settle", doc[:10], "--as", "lea")
    assert "Nothing open" in run("adjudicate", three, "open", "--as", "lea").output
    run("adjudicate", three, "settle", doc[:10], "--reopen", "--as", "lea")
    assert "1 open disagreement in" in run("adjudicate", three, "open", "--as", "lea").output


def test_export_gold(three, tmp_path):
    run("adjudicate", three, "accept-agreed", "--as", "lea")
    out = tmp_path / "gold.csv"
    run("adjudicate", three, "export", "-f", "csv", "-o", out, "--as", "lea")
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["annotator"], r["text"]) for r in rows] == [("gold", "réforme")]


def test_only_the_lead_adjudicates(three, tmp_path):
    refused = run("adjudicate", three, "accept-agreed", "--as", "ana", ok=False).output
    assert "only the project lead (lea) builds the gold standard" in refused
    assert gold_texts(three) == []
    with Project.open(three, backup=False) as project:
        project.team.set_blind_coding(True, by="lea")
    assert "coding is blind" in run("adjudicate", three, "open", "--as", "ana", ok=False).output
    assert "gold standard" in run("adjudicate", three, "export", "-f", "csv", "-o", tmp_path / "g.csv", "--as",
                                  "ana", ok=False).output
