"""`annotator import`: summary, exit codes, options."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.store import Project


def init(tmp_path):
    project = tmp_path / "p.framing"
    result = CliRunner().invoke(cli, ["init", str(project)])
    assert result.exit_code == 0, result.output
    return project


def test_import_shared_articles_reports_duplicates(tmp_path, shared_articles):
    project = init(tmp_path)
    names = ["parler-amazon-fr.html", "parler-amazon-fr.cp1252.html", "parler-amazon-fr.crlf.txt",
             "parler-amazon-fr.xml"]
    result = CliRunner().invoke(cli, ["import", str(project)] + [str(shared_articles / n) for n in names])
    assert result.exit_code == 0, result.output
    assert "Imported 1 document from 4 files." in result.output
    assert "3 documents already in the project" in result.output
    with Project.open(project) as proj:
        assert proj.counts()["documents"] == 1


def test_refused_file_gives_exit_code_1_and_a_reason(tmp_path):
    project = init(tmp_path)
    (tmp_path / "good.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"%PDF-1.4 binary")
    result = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "good.txt"), str(tmp_path / "bad.html")])
    assert result.exit_code == 1
    assert "Imported 1 document " in result.output
    assert "bad.html: is a PDF document" in result.output
    assert "Traceback" not in result.output


def test_annotator_format_and_max_size_options(tmp_path):
    project = init(tmp_path)
    corpus = tmp_path / "c.data"
    corpus.write_text(json.dumps({"text": "Police blamed protesters.", "label": [[7, 13, "Blame"]]}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(project), str(corpus), "--format", "jsonl", "--annotator", "ana"])
    assert result.exit_code == 0, result.output
    assert "with 1 span." in result.output and "Blame" in result.output
    with Project.open(project) as proj:
        doc_id = proj.documents.ids()[0]
        assert [s.annotator for s in proj.spans.of_document(doc_id)] == ["ana"]
    big = tmp_path / "big.txt"
    big.write_text("T\n\n" + "x " * 300_000, encoding="utf-8")
    refused = CliRunner().invoke(cli, ["import", str(project), str(big), "--max-size", "0.1"])
    assert refused.exit_code == 1 and "limit" in refused.output
    raised = CliRunner().invoke(cli, ["import", str(project), str(big), "--max-size", "2"])
    assert raised.exit_code == 0, raised.output


def test_missing_project_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "none.framing"), str(tmp_path)])
    assert result.exit_code == 1
    assert "no such project file" in result.output


def test_help_describes_the_command():
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--annotator", "--full-page", "--keep-captions", "--max-size"):
        assert option in result.output
