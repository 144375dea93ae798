"""Where and how exports are written: -o honoured, .xlsx (read back by openpyxl and pandas), .tsv,
refused combinations, doccano files per annotator, and Parquet read by pyarrow and pandas."""

from __future__ import annotations

import csv
import json

import pytest

from annotator.core.errors import AnnotatorError
from annotator.services.exporting import export_project
from tests.io.export_data import build

openpyxl = pytest.importorskip("openpyxl")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")


@pytest.fixture
def data(project):
    return build(project)


def _csv_rows(path, delimiter=","):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_xlsx_is_a_real_workbook_with_text_cells_not_formulas(project, data, tmp_path):
    out = tmp_path / "spans.xlsx"
    report = export_project(project, "csv", out)
    assert report.path == out and report.spans == len(_csv_rows(export_project(project, "csv", tmp_path / "s.csv").path))
    book = openpyxl.load_workbook(out)
    sheet = book["spans"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    formula = next(r for r in rows[1:] if r[header.index("label_id")] == "hedge" and r[header.index("annotator")] == "alice")
    assert formula[header.index("text")] == '=HYPERLINK("http://x")'  # the text, as stored
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # never a formula
    frame = pd.read_excel(out, sheet_name="spans")
    assert len(frame) == report.spans and frame["start"].dtype.kind == "i"
    assert set(frame.columns) >= {"document_id", "label_name", "start", "end", "text"}


def test_xlsx_other_tables(project, data, tmp_path):
    out = tmp_path / "answers.xlsx"
    report = export_project(project, "csv", out, table="document-labels")
    frame = pd.read_excel(out, sheet_name="document-labels", keep_default_na=False)
    assert len(frame) == report.document_labels == 2
    assert "=1+1" in set(frame["note"])


def test_tsv_writes_tabs(project, data, tmp_path):
    out = tmp_path / "spans.tsv"
    export_project(project, "csv", out)
    rows = _csv_rows(out, delimiter="\t")
    assert rows and "label_name" in rows[0]
    frame = pd.read_csv(out, sep="\t", keep_default_na=False)
    assert len(frame) == len(rows)


@pytest.mark.parametrize("fmt, name, message", [
    ("csv", "spans.xls", "cannot write the old .xls format"),
    ("csv", "spans.jsonl", "is not a table"),
    ("csv", "spans.parquet", "choose --format parquet"),
    ("jsonl", "all.csv", "choose --format csv"),
    ("conll", "tags.xlsx", "choose --format csv"),
    ("parquet", "tables.csv", "Parquet export writes a folder"),
])
def test_an_output_name_that_says_another_format_is_refused(project, data, tmp_path, fmt, name, message):
    with pytest.raises(AnnotatorError, match=message):
        export_project(project, fmt, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_table_and_per_annotator_only_where_they_mean_something(project, data, tmp_path):
    with pytest.raises(AnnotatorError, match="--table chooses a table"):
        export_project(project, "jsonl", tmp_path / "a.jsonl", table="documents")
    with pytest.raises(AnnotatorError, match="--per-annotator"):
        export_project(project, "csv", tmp_path / "a", per_annotator=True)
    assert list(tmp_path.glob("a*")) == []


def test_doccano_files_per_annotator_hold_one_persons_work_with_label_names(project, data, tmp_path):
    out = tmp_path / "doccano"
    report = export_project(project, "jsonl", out, per_annotator=True)
    assert report.path == out
    files = sorted(p.name for p in out.iterdir())
    assert files == ["alice.jsonl", "bob.jsonl", "framing-annotator-doccano.txt", "lead.jsonl"]
    names = {label.id: label.name for label in project.codebook.labels()}
    for person in ("alice", "bob", "lead"):
        lines = [json.loads(line) for line in (out / f"{person}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(lines) == len(data.documents)
        assert all(line["annotator"] == person for line in lines)
        mine = [s for s in data.spans if s.annotator == person and s.origin != "adjudication"]
        assert sum(len(line["label"]) for line in lines) == len(mine)
        shown = {triple[2] for line in lines for triple in line["label"]}
        assert shown == {names[s.label_id] for s in mine}
    again = export_project(project, "jsonl", out, per_annotator=True, annotators=["bob"])
    assert sorted(p.name for p in out.iterdir()) == ["bob.jsonl", "framing-annotator-doccano.txt"]
    assert again.documents == len(data.documents)


def test_parquet_folder_has_three_typed_tables(project, data, tmp_path):
    out = tmp_path / "tables"
    report = export_project(project, "parquet", out)
    assert sorted(p.name for p in out.iterdir()) == ["answers.parquet", "documents.parquet", "spans.parquet"]
    spans = pq.read_table(out / "spans.parquet")
    assert spans.num_rows == report.spans == sum(1 for s in data.spans if s.origin != "adjudication")
    schema = spans.schema
    assert pa.types.is_int32(schema.field("start").type) and pa.types.is_int32(schema.field("end").type)
    assert pa.types.is_dictionary(schema.field("label_id").type)
    assert pa.types.is_dictionary(schema.field("annotator").type)
    assert pa.types.is_timestamp(schema.field("created").type) and schema.field("created").type.tz == "UTC"
    frame = spans.to_pandas()
    texts = {doc.id: doc.text for doc in data.documents}
    for row in frame.itertuples():
        assert texts[row.document_id][row.start:row.end] == row.text
    assert str(frame["label_name"].dtype) == "category"
    documents = pd.read_parquet(out / "documents.parquet")
    assert list(documents["text"]) == [doc.text for doc in project.documents.iter_all()]
    assert documents["length"].dtype.kind == "i"
    answers = pq.read_table(out / "answers.parquet").to_pandas()
    assert len(answers) == report.document_labels == 2
    assert set(answers["question"].astype(str)) == {"tone"}


def test_parquet_one_table_to_a_file(project, data, tmp_path):
    out = tmp_path / "answers.parquet"
    export_project(project, "parquet", out, table="document-labels")
    table = pq.read_table(out)
    assert table.num_rows == 2 and "question_name" in table.column_names


def test_parquet_of_an_empty_selection_is_a_valid_empty_table(project, data, tmp_path):
    out = tmp_path / "none.parquet"
    report = export_project(project, "parquet", out, labels=["naming"], annotators=["lead"])
    assert report.spans == 0
    assert pq.read_table(out).num_rows == 0


def test_the_fast_spans_csv_is_byte_for_byte_what_the_csv_module_writes(project, data, tmp_path):
    from annotator.core.model import Span
    from annotator.io.writers.common import Progress
    from annotator.io.writers.csv_export import spans_table, write_spans_csv, write_table_csv
    from annotator.services.exporting import make_selection

    doc = data.documents[1]
    project.spans.add(Span(
        doc.id, "bob", "naming", 0, 5, doc.text[:5], note='say "hi", then\r\nleave',
        attributes={"stance": "x,y", "unknown": {"nested": ["a", 1]}}))
    for selection in (make_selection(project), make_selection(project, annotators=["bob"], gold=True),
                      make_selection(project, labels=["naming"], done_only=True)):
        fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
        rows = write_spans_csv(project, fast, selection, Progress(0))
        assert write_table_csv(spans_table(project, selection, Progress(0)), slow) == rows
        assert fast.read_bytes() == slow.read_bytes()


def _parquet_examples() -> list[str]:
    """The Python examples of the Parquet section of docs/export-columns.md."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "export-columns.md").read_text(encoding="utf-8")
    section = text.split("## Parquet", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in section.split("```python\n")[1:]]


@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb"])
def test_the_documented_parquet_examples_run(project, data, tmp_path, monkeypatch, reader):
    pytest.importorskip(reader)
    export_project(project, "parquet", tmp_path / "tables")
    monkeypatch.chdir(tmp_path)
    [example] = [code for code in _parquet_examples() if f"import {reader}" in code]
    assert len(example.strip().splitlines()) <= 3
    exec(compile(example, f"docs example ({reader})", "exec"), {})
