"""CSV export: every table read back with the csv module; offsets, text and Excel safety."""

from __future__ import annotations

import csv

import pytest

from annotator.core.errors import AnnotatorError
from annotator.services.exporting import export_project
from annotator.io.writers.csv_export import (
    DOCUMENT_LABEL_COLUMNS,
    SPAN_COLUMNS,
    context_after,
    context_before,
    neutralise,
    write_rows_csv,
)
from tests.io.export_data import build, texts_by_id


def _read(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def data(project):
    return build(project)


def test_spans_table_is_faithful(project, data, tmp_path):
    out = tmp_path / "spans.csv"
    report = export_project(project, "csv", out)
    rows = _read(out)
    texts = texts_by_id(data)
    assert out.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert list(rows[0])[: len(SPAN_COLUMNS)] == SPAN_COLUMNS
    assert {"attr_speaker", "attr_stance", "origin", "codebook_version", "created", "updated"} <= set(rows[0])
    people = [s for s in data.spans if s.origin != "adjudication"]
    assert report.spans == len(rows) == len(people)
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert row["text"] == texts[row["document_id"]][start:end]
    assert {r["span_id"] for r in rows} == {s.id for s in people}
    formula = next(r for r in rows if r["label_id"] == "hedge" and r["annotator"] == "alice")
    assert formula["text"] == '=HYPERLINK("http://x")'  # faithful mode keeps it exactly
    assert not any(r["annotator"] == "gold" for r in rows)


def test_spans_table_columns_carry_metadata(project, data, tmp_path):
    out = tmp_path / "spans.csv"
    export_project(project, "csv", out)
    rows = _read(out)
    loaded = next(r for r in rows if r["label_id"] == "loaded_term" and r["annotator"] == "alice"
                  and "dénoncé" in r["text"])
    assert loaded["project"] == project.name
    assert loaded["document_title"] == "Emoji, formulas"
    assert loaded["outlet"] == "Le Monde" and loaded["date"] == "2024-03-01"
    assert loaded["label_name"] == "Loaded term" and loaded["label_path"] == "Loaded term"
    assert loaded["attr_stance"] == "critical" and loaded["note"] == "strong verb"
    assert loaded["context_before"] == "Le ministre a «"
    assert loaded["context_after"].startswith("» les 👍🏽 manifestants")
    assert loaded["origin"] == "manual" and int(loaded["codebook_version"]) >= 1
    child = next(r for r in rows if r["label_id"] == "reporting_verb.loaded")
    assert child["label_path"] == "Reporting verb > Loaded reporting verb"
    noted = next(r for r in rows if r["label_id"] == "intensifier")
    assert noted["note"] == "line one\nline two\ttabbed"


def test_gold_and_annotator_filters(project, data, tmp_path):
    out = tmp_path / "gold.csv"
    export_project(project, "csv", out, gold=True)
    rows = _read(out)
    assert {r["annotator"] for r in rows} == {"gold"}
    assert len(rows) == sum(s.origin == "adjudication" for s in data.spans)
    both = tmp_path / "both.csv"
    export_project(project, "csv", both, annotators=["bob"], gold=True)
    assert {r["annotator"] for r in _read(both)} == {"bob", "gold"}


def test_label_filter_takes_sub_labels(project, data, tmp_path):
    out = tmp_path / "verbs.csv"
    export_project(project, "csv", out, labels=["reporting_verb"], gold=True, annotators=["alice", "bob"])
    rows = _read(out)
    assert {r["label_id"] for r in rows} == {"reporting_verb.loaded", "reporting_verb.neutral"}
    with pytest.raises(AnnotatorError, match="unknown label 'nonsense'"):
        export_project(project, "csv", tmp_path / "x.csv", labels=["nonsense"])
    assert not (tmp_path / "x.csv").exists()


def test_done_only_keeps_documents_marked_done(project, data, tmp_path):
    out = tmp_path / "done.csv"
    export_project(project, "csv", out, done_only=True)
    rows = _read(out)
    emoji, nbsp, combining, crlf = (d.id for d in data.documents)
    pairs = {(r["annotator"], r["document_id"]) for r in rows}
    assert pairs == {("alice", emoji), ("alice", nbsp), ("bob", combining)}


def test_excel_mode_neutralises_formulas(project, data, tmp_path):
    report = export_project(project, "csv", tmp_path / "spans.csv", excel=True)
    assert report.path == tmp_path / "spans.csv"  # exactly where -o says
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".csv"] == ["spans.csv"]
    raw = report.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = _read(report.path, encoding="utf-8-sig")
    formula = next(r for r in rows if r["label_id"] == "hedge" and r["annotator"] == "alice")
    assert formula["text"] == "'=HYPERLINK(\"http://x\")"
    minus = next(r for r in rows if r["label_id"] == "intensifier")
    assert minus["text"] == "'-5 %"
    at = next(r for r in rows if r["text"].startswith("'@"))
    assert at["text"] == "'@officiel\tdit"
    outlet = next(r for r in rows if r["document_title"].startswith("NBSP"))
    assert outlet["outlet"] == "'=cmd|' /C calc'!A0"
    assert any("Excel" in note for note in report.notes)
    for row in rows:  # no cell starts with a formula character any more
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_documents_table(project, data, tmp_path):
    out = tmp_path / "docs.csv"
    export_project(project, "csv", out, table="documents", annotators=["alice", "bob"], gold=True)
    rows = _read(out)
    assert list(rows[0])[:7] == ["id", "title", "outlet", "url", "date", "language", "length"]
    assert [r["id"] for r in rows] == [d.id for d in data.documents]
    first = rows[0]
    assert first["status_alice"] == "done" and first["status_bob"] == "in progress"
    assert first["status_gold"] == "done"  # adjudicated spans exist
    assert rows[2]["status_alice"] == "todo" and rows[2]["status_gold"] == "todo"
    assert [int(r["length"]) for r in rows] == [len(d.text) for d in data.documents]
    assert rows[1]["title"] == "NBSP\tand signs"
    done = tmp_path / "done-docs.csv"
    export_project(project, "csv", done, table="documents", done_only=True)
    assert len(_read(done)) == 3


def test_document_labels_table(project, data, tmp_path):
    out = tmp_path / "answers.csv"
    report = export_project(project, "csv", out, table="document-labels")
    rows = _read(out)
    assert list(rows[0]) == DOCUMENT_LABEL_COLUMNS
    assert report.document_labels == len(rows) == 2
    alice = next(r for r in rows if r["annotator"] == "alice")
    assert alice["document"] == data.documents[0].id and alice["question"] == "tone"
    assert alice["note"] == "=1+1" and alice["value_name"]
    excel = export_project(project, "csv", out, table="document-labels", excel=True)
    assert next(r for r in _read(excel.path, "utf-8-sig") if r["annotator"] == "alice")["note"] == "'=1+1"


def test_write_rows_csv_generic(tmp_path):
    rows = [{"pair": "alice/bob", "alpha": 0.81, "label": "=SUM(A1)"}, {"pair": "a/c", "alpha": -0.1}]
    path = write_rows_csv(rows, tmp_path / "agreement.csv")
    back = _read(path)
    assert back == [{"pair": "alice/bob", "alpha": "0.81", "label": "=SUM(A1)"},
                    {"pair": "a/c", "alpha": "-0.1", "label": ""}]
    excel = write_rows_csv(iter(rows), tmp_path / "agreement.csv", excel=True)
    assert excel.name == "agreement-excel.csv"
    back = _read(excel, "utf-8-sig")
    assert back[0]["label"] == "'=SUM(A1)" and back[1]["alpha"] == "-0.1"  # numbers stay numbers
    seq = write_rows_csv([("x", 1)], tmp_path / "seq.csv", header=["name", "n"])
    assert _read(seq) == [{"name": "x", "n": "1"}]
    empty = write_rows_csv([], tmp_path / "empty.csv", header=["a"])
    assert empty.read_bytes() == b"a\r\n"
    with pytest.raises(AnnotatorError):
        write_rows_csv([], tmp_path / "none.csv")


def test_neutralise_only_touches_formula_starts():
    for cell in ("=1", "+1", "-1", "@x", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    for cell in ("a=1", "", " =1", "'=1", 5, -5, None):
        assert neutralise(cell) == cell


def test_context_words():
    text = "one two three four five six seven eight"
    start = text.index("six")
    assert context_before(text, start) == "one two three four five"
    assert context_before(text, start, words=2) == "four five"
    assert context_after(text, start + 3, words=2) == "seven eight"
    assert context_before(text, 0) == "" and context_after(text, len(text)) == ""
    long_word = "x" * 150 + " tail span"
    assert context_before(long_word, long_word.index("span")) == "tail"  # a cut word is dropped
