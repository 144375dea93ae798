"""Files whose text cannot be stored (control characters, lone surrogates) are refused, never a traceback."""

from __future__ import annotations

import json
import logging

import pytest

from annotator.services.importing import import_paths

GOOD = {"text": "A good article about the port strike.", "title": "Good"}


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("text, words", [
    ("Strike \u0000 at the port.", "NUL character (U+0000)"),
    ("Strike \u0007 at the port.", "control character (U+0007)"),
    ("Strike \ud83d at the port.", "lone surrogate (U+D83D)"),
])
def test_a_jsonl_record_with_unstorable_text_refuses_its_file_only(project, tmp_path, text, words):
    bad = write_jsonl(tmp_path / "bad.jsonl", [GOOD, {"text": text, "title": "Bad"}])
    good = write_jsonl(tmp_path / "good.jsonl", [{"text": "Another article, fine.", "title": "Fine"}])
    report = import_paths(project, [bad, good])
    assert [i.title for i in report.imported] == ["Fine"]
    assert len(report.refused) == 1 and report.refused[0].path == bad
    assert "line 2: the text" in report.refused[0].reason and words in report.refused[0].reason
    assert project.counts()["documents"] == 1


def test_a_doccano_record_with_a_control_character_is_refused(project, tmp_path):
    path = write_jsonl(tmp_path / "doccano.jsonl", [{"text": "Strike\u0001 now.", "label": [[0, 6, "Frame"]]}])
    report = import_paths(project, [path])
    assert report.imported == [] and "line 1: the text holds a control character (U+0001)" in report.refused[0].reason


def test_a_lone_surrogate_in_another_field_is_refused_by_name(project, tmp_path):
    path = write_jsonl(tmp_path / "meta.jsonl", [{**GOOD, "section": "Half \ud83d an emoji"}])
    report = import_paths(project, [path])
    assert report.imported == []
    assert "line 1: 'section' holds a lone surrogate" in report.refused[0].reason


def test_a_csv_row_with_a_control_character_is_refused(project, tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes(b'title,text\nFine,"A fine row."\nBad,"A row with \x01 inside."\n')
    report = import_paths(project, [path])
    assert report.imported == [] and "line 3: the text holds a control character (U+0001)" in report.refused[0].reason


def test_a_text_file_with_a_stray_control_is_refused_but_a_page_break_is_a_line_break(project, tmp_path):
    (tmp_path / "bell.txt").write_bytes(b"Title\n\nA bell \x07 rings.")
    (tmp_path / "pages.txt").write_bytes(b"Title\n\nPage one.\x0cPage two.")
    report = import_paths(project, [tmp_path])
    assert [r.path.name for r in report.refused] == ["bell.txt"]
    assert "the text holds a control character (U+0007)" in report.refused[0].reason
    assert project.documents.text(report.imported[0].document_id) == "Title\n\nPage one.\nPage two."


def test_a_brat_text_with_a_stray_control_is_refused(project, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Strike \x02 now.")
    (tmp_path / "a.ann").write_text("T1\tFrame 0 6\tStrike\n", encoding="utf-8")
    report = import_paths(project, [tmp_path / "a.txt"], format="brat")
    assert report.imported == [] and "U+0002" in report.refused[0].reason


def test_an_unexpected_error_refuses_the_file_logs_it_and_the_batch_goes_on(project, tmp_path, caplog, monkeypatch):
    # A reader's bug (deeply nested JSON, once the example, is now refused in plain words).
    import annotator.services.importing as importing

    deep = write_jsonl(tmp_path / "a-deep.json", [GOOD])
    later = write_jsonl(tmp_path / "b-later.jsonl", [GOOD])
    real = importing.read_import

    def buggy(path, *args, **kwargs):
        if path.name == "a-deep.json":
            raise RecursionError("maximum recursion depth exceeded in a reader")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(importing, "read_import", buggy)
    with caplog.at_level(logging.ERROR, logger="annotator.io.importer"):
        report = import_paths(project, [deep, later])
    assert [i.title for i in report.imported] == ["Good"]
    assert [r.path for r in report.refused] == [deep]
    assert report.refused[0].reason.startswith("could not be read: maximum recursion depth")
    assert any(r.exc_info and "a-deep.json" in r.getMessage() for r in caplog.records)
