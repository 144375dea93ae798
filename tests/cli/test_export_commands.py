"""`annotator export` through click's CliRunner."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from tests.io.export_data import build


@pytest.fixture
def filled(project):
    data = build(project)
    project.close()
    return project.path, data


def test_export_csv_and_options(filled, tmp_path):
    path, data = filled
    out = tmp_path / "spans.csv"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "csv", "-o", str(out),
                                      "--annotator", "alice", "--label", "scare_quote", "--excel"])
    assert result.exit_code == 0, result.output
    written = out  # exactly where -o says
    assert str(written) in result.output and "Excel mode" in result.output
    with open(written, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["annotator"], r["label_id"]) for r in rows} == {("alice", "scare_quote")}
    assert len(rows) == 2


def test_export_tables_gold_and_done_only(filled, tmp_path):
    path, data = filled
    runner = CliRunner()
    docs = tmp_path / "docs.csv"
    result = runner.invoke(cli, ["export", str(path), "-f", "csv", "-o", str(docs), "--table", "documents",
                                 "--done-only"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    gold = tmp_path / "gold.jsonl"
    result = runner.invoke(cli, ["export", str(path), "-f", "jsonl", "-o", str(gold), "--gold"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert {s["annotator"] for line in lines for s in line["annotations"]} == {"gold"}


def test_export_conll_warns_on_stderr(filled, tmp_path):
    path, _ = filled
    result = CliRunner().invoke(cli, ["export", str(path), "-f", "conll", "-o", str(tmp_path / "a.conll")])
    assert result.exit_code == 0
    assert "Warning: CoNLL" in result.output


def test_export_errors_are_one_line(filled, tmp_path):
    path, _ = filled
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(path), "-f", "csv", "-o", str(tmp_path / "a.csv"),
                                 "-a", "nobody"])
    assert result.exit_code == 1
    assert "unknown annotator 'nobody'" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["export", str(tmp_path / "missing.framing"), "-f", "csv", "-o",
                                 str(tmp_path / "a.csv")])
    assert result.exit_code == 1 and "no such project file" in result.output
    result = runner.invoke(cli, ["export", str(path), "-f", "brat", "-o", str(tmp_path / "b"), "--excel"])
    assert result.exit_code == 1 and "CSV exports only" in result.output
    assert not (tmp_path / "a.csv").exists() and not (tmp_path / "b").exists()


def test_export_output_rules_from_the_command_line(filled, tmp_path):
    path, data = filled
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(path), "-f", "jsonl", "-o", str(tmp_path / "a.jsonl"),
                                 "--table", "documents"])
    assert result.exit_code == 1 and "--table chooses a table" in result.output
    result = runner.invoke(cli, ["export", str(path), "-f", "csv", "-o", str(tmp_path / "a.jsonl")])
    assert result.exit_code == 1 and "is not a table" in result.output
    assert not list(tmp_path.glob("a.*"))
    book = tmp_path / "spans.xlsx"
    result = runner.invoke(cli, ["export", str(path), "-f", "csv", "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert book.read_bytes()[:2] == b"PK"  # a zip: a real workbook
    folder = tmp_path / "doccano"
    result = runner.invoke(cli, ["export", str(path), "-f", "jsonl", "--per-annotator", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in folder.glob("*.jsonl")} == {"alice.jsonl", "bob.jsonl", "lead.jsonl"}
    tables = tmp_path / "tables"
    result = runner.invoke(cli, ["export", str(path), "-f", "parquet", "-o", str(tables)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in tables.iterdir()} == {"spans.parquet", "documents.parquet", "answers.parquet"}
