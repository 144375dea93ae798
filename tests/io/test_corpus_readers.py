"""CSV and JSONL corpora and doccano exports: field synonyms, metadata, spans, bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions
from annotator.io.readers.csv_corpus import read_csv
from annotator.io.readers.jsonl import read_jsonl


def csv_items(tmp_path: Path, data: bytes, name: str = "corpus.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_csv(path, ReadOptions()).documents)


def jsonl_items(tmp_path: Path, records: list | str, name: str = "corpus.jsonl"):
    path = tmp_path / name
    text = records if isinstance(records, str) else "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text(text, encoding="utf-8")
    return list(read_jsonl(path, ReadOptions()).documents)


def test_csv_columns_are_mapped_by_synonyms(tmp_path):
    data = ("Headline,Body,Source,Published,Link,Lang,Topic\n"
            'Strike ends,"Workers return.\n\nPorts reopen.",Daily,2023-05-02,https://d.example/1,en,labour\n'
            ).encode("utf-8")
    [item] = csv_items(tmp_path, data)
    doc = item.document
    assert doc.text == "Strike ends\n\nWorkers return.\n\nPorts reopen."
    assert (doc.title, doc.outlet, doc.published, doc.url, doc.language) == (
        "Strike ends", "Daily", "2023-05-02", "https://d.example/1", "en")
    assert doc.metadata == {"Topic": "labour", "format": "csv"}
    assert item.where == "line 2"


def test_csv_in_windows_1252_with_semicolons(tmp_path):
    data = "titre;texte;journal\nÉté brûlant;La canicule s’installe.;Le Midi\n".encode("cp1252")
    [item] = csv_items(tmp_path, data)
    assert item.document.text == "Été brûlant\n\nLa canicule s’installe."
    assert item.document.outlet == "Le Midi"


def test_tsv_and_body_already_starting_with_the_title(tmp_path):
    [item] = csv_items(tmp_path, b"title\ttext\nA title\t\"A title\n\nThe body.\"\n", name="c.tsv")
    assert item.document.text == "A title\n\nThe body."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"title,summary\nA,B\n", "no text field"),
        (b"title,text\nA,Body\nB,\n", "line 3: the text is empty"),
        (b"title,text\n", "no rows"),
        (b"title,text\nA,B,C\n", "3 cells"),
    ],
    ids=["no-text-column", "empty-row-text", "header-only", "too-many-cells"],
)
def test_bad_csv_is_refused_naming_the_row(tmp_path, data, reason):
    with pytest.raises(ImportRefused, match=reason):
        csv_items(tmp_path, data)


def test_jsonl_corpus_keeps_unknown_keys_as_metadata(tmp_path):
    items = jsonl_items(tmp_path, [
        {"headline": "One", "content": "Body one.", "source": {"id": "x", "name": "Wire"}, "tags": ["a", "b"]},
        {"title": "Two", "body": "Body two.", "date": "2020-01-01", "language": "fr"},
    ])
    assert [i.document.text for i in items] == ["One\n\nBody one.", "Two\n\nBody two."]
    assert items[0].document.outlet == "Wire"
    assert items[0].document.metadata["tags"] == ["a", "b"]
    assert items[1].document.published == "2020-01-01"
    assert [i.where for i in items] == ["line 1", "line 2"]


def test_json_array_is_read_too(tmp_path):
    items = jsonl_items(tmp_path, json.dumps([{"text": "Only text."}]), name="c.json")
    assert items[0].document.text == "Only text."
    assert items[0].where == "item 1"


def test_doccano_label_form_with_crlf_is_remapped(tmp_path):
    text = "Title\r\n\r\nThe crisis hit hard."
    start = text.index("crisis")
    items = jsonl_items(tmp_path, [{"text": text, "label": [[start, start + 6, "Problem"]], "id": 7}])
    item = items[0]
    assert item.document.text == "Title\n\nThe crisis hit hard."
    [span] = item.spans
    assert item.document.text[span.start:span.end] == "crisis"
    assert span.label == "Problem"
    assert item.document.metadata["id"] == 7


def test_doccano_entities_form_and_categories(tmp_path):
    record = {"text": "Prices rose again.", "entities": [
        {"id": 1, "label": "Economic", "start_offset": 0, "end_offset": 6}], "label": ["news"],
        "annotator": "ana"}
    [item] = jsonl_items(tmp_path, [record])
    [span] = item.spans
    assert (span.start, span.end, span.label, span.annotator) == (0, 6, "Economic", "ana")
    assert item.document.metadata["categories"] == ["news"]
    assert item.document.text == "Prices rose again."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": "ok"}\n{"text": broken}\n', "line 2: is not valid JSON"),
        ('{"text": "ok"}\n[1, 2]\n', "line 2: is not a JSON object"),
        ('{"text": "abc", "label": [[1, 99, "X"]]}\n', "does not fit"),
        ('{"text": "abc", "label": [["a", 2, "X"]]}\n', "whole numbers"),
        ('{"text": "abc", "label": [[0, 2, ""]]}\n', "no label name"),
        ('{"body": 12}\n', "is not text"),
        ("\n\n", "no records"),
    ],
    ids=["bad-json", "not-object", "span-outside", "span-not-int", "span-no-label", "text-not-string", "blank"],
)
def test_bad_jsonl_is_refused(tmp_path, content, reason):
    with pytest.raises(ImportRefused, match=reason):
        jsonl_items(tmp_path, content)


@pytest.mark.parametrize("body", [
    'Texte avec virgule, « guillemets » et "doubles".',
    '"Quoted at the start" and a comma, then "again" at the end: "fin"',
    "Il a dit ''non'' ; puis \"oui\".",
])
def test_a_csv_written_by_pythons_csv_module_comes_back_cell_for_cell(tmp_path, body):
    """The sniffer guessed doublequote=False on such a file: '""doubles""' was stored as '"doubles""'."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "text", "date", "outlet"])
    writer.writerow(["c2", "CSV deux", body, "2020-01-02", "CSV Daily"])
    [item] = csv_items(tmp_path, buffer.getvalue().encode("utf-8"))
    assert item.document.text == "CSV deux\n\n" + body
    assert item.document.outlet == "CSV Daily"
