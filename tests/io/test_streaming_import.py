"""Corpora read one record at a time and stored in batches inside one transaction per file: no file
size limit but one per article, whole-or-nothing across batches, labels made in one codebook write,
failures of the project (a full disk) told apart from failures of the file."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.services import importing
from annotator.services.importing import import_paths


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 3 documents, so that a short file is stored in several."""
    monkeypatch.setattr(importing, "BATCH_DOCUMENTS", 3)


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def records(count, **extra):
    return [{"title": f"Article {n}", "text": f"Article number {n} says something.", **extra} for n in range(count)]


def test_a_corpus_larger_than_the_article_limit_imports(project, tmp_path, small_batches):
    path = write_jsonl(tmp_path / "corpus.jsonl", records(40))
    assert path.stat().st_size > 1000
    report = import_paths(project, [path], max_bytes=1000)
    assert report.documents_imported == 40 and not report.refused
    assert [d.title for d in project.documents.summaries()] == [f"Article {n}" for n in range(40)]


def test_one_article_over_the_limit_is_refused_with_its_line_and_nothing_is_kept(project, tmp_path, small_batches):
    rows = records(20)
    rows[13]["text"] = "Long. " * 400
    path = write_jsonl(tmp_path / "corpus.jsonl", rows)
    report = import_paths(project, [path], max_bytes=1000)
    assert report.documents_imported == 0 and project.counts()["documents"] == 0
    reason = report.refused[0].reason
    assert reason.startswith("line 14: the article is") and "limit per article" in reason
    assert "--" not in reason and report.refused[0].limit_option == "max_article_size"


def test_a_json_array_is_read_item_by_item_with_the_same_limit(project, tmp_path, small_batches):
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(records(10), indent=2), encoding="utf-8")
    assert import_paths(project, [path], max_bytes=300).documents_imported == 10
    rows = records(10)
    rows[4]["text"] = "Long. " * 200
    big = tmp_path / "big.json"
    big.write_text(json.dumps(rows), encoding="utf-8")
    report = import_paths(project, [big], max_bytes=500)
    assert report.refused[0].reason.startswith("item 5: the article is")


def test_a_bad_record_after_several_batches_leaves_nothing(project, tmp_path, small_batches):
    rows = records(12, label=[[0, 7, "Brand new label"]])
    rows.append({"text": "Broken", "label": [[0, 99, "X"]]})
    path = write_jsonl(tmp_path / "corpus.jsonl", rows)
    labels_before = project.codebook.labels()
    history_before = len(project.codebook.history())
    report = import_paths(project, [path])
    assert "line 13" in report.refused[0].reason
    assert project.counts() == {**project.counts(), "documents": 0, "spans": 0}
    assert project.codebook.labels() == labels_before and len(project.codebook.history()) == history_before
    again = import_paths(project, [write_jsonl(tmp_path / "fixed.jsonl", rows[:-1])])
    assert again.documents_imported == 12 and again.labels == ["Brand-new-label"]


def test_repeats_across_batches_name_the_first_line(project, tmp_path, small_batches):
    rows = records(8)
    rows.append(dict(rows[1]))
    report = import_paths(project, [write_jsonl(tmp_path / "corpus.jsonl", rows)])
    assert report.documents_imported == 8 and report.documents_repeated == 1
    assert report.duplicates[0].reason == "repeats line 2 of this file"


def test_labels_met_in_later_batches_are_one_codebook_change(project, tmp_path, small_batches):
    rows = [{"text": f"Text {n} with a span.", "label": [[0, 4, f"Label {n}"]]} for n in range(10)]
    history_before = len(project.codebook.history())
    report = import_paths(project, [write_jsonl(tmp_path / "corpus.jsonl", rows)], annotator="ana")
    assert len(report.labels) == 10 and report.spans == 10
    history = project.codebook.history()
    assert len(history) == history_before + 1 and history[-1]["change"] == "10 labels added by an import"
    version = history[-1]["version"]
    assert {s.codebook_version for d in project.documents.ids() for s in project.spans.of_document(d)} == {version}


def test_thousands_of_new_labels_are_added_at_once_and_capped(project, tmp_path):
    rows = [{"text": f"Text {n} with a span.", "label": [[0, 4, f"Label {n}"]]} for n in range(3000)]
    path = write_jsonl(tmp_path / "corpus.jsonl", rows)
    before = len(project.codebook.labels())
    refused = import_paths(project, [path])
    assert "would add more than 1000 new labels" in refused.refused[0].reason
    assert refused.refused[0].limit_option == "max_new_labels" and project.counts()["documents"] == 0
    report = import_paths(project, [path], max_new_labels=5000)
    assert len(report.labels) == 3000 and not report.refused
    assert len(project.codebook.labels()) == before + 3000
    assert project.codebook.label(report.labels[-1]).name == "Label 2999"


def test_a_csv_cut_inside_a_quote_is_refused(project, tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text('title,text\nOne,"First article."\nTwo,"Second article, cut sho', encoding="utf-8")
    report = import_paths(project, [path])
    assert report.documents_imported == 0 and "ends inside a quoted field" in report.refused[0].reason
    whole = tmp_path / "whole.csv"
    whole.write_text('title,text\nOne,"First article."\nTwo,"Second article,\non two lines."\n', encoding="utf-8")
    assert import_paths(project, [whole]).documents_imported == 2


def test_csv_rows_are_read_one_at_a_time_with_their_lines(project, tmp_path, small_batches):
    lines = ["title,text"] + [f'T{n},"Body {n}\nsecond line {n}"' for n in range(7)] + ["T7,"]
    path = tmp_path / "corpus.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths(project, [path])
    assert "line 16: the text is empty" in report.refused[0].reason
    assert project.counts()["documents"] == 0


def test_encodings_are_found_for_streamed_files(project, tmp_path):
    cp1252 = tmp_path / "latin.jsonl"
    cp1252.write_bytes(json.dumps({"text": "Le café « noir » coûte 2 €."}, ensure_ascii=False).encode("cp1252"))
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes(json.dumps({"text": "Texte en UTF-16 👍🏽."}, ensure_ascii=False).encode("utf-16"))
    report = import_paths(project, [cp1252, utf16])
    assert report.documents_imported == 2, report.summary()
    texts = [project.documents.text(i.document_id) for i in report.imported]
    assert texts == ["Le café « noir » coûte 2 €.", "Texte en UTF-16 👍🏽."]
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"text": "a"}\n' + b"\x00\x01" * 100)
    assert "NUL bytes" in import_paths(project, [binary]).refused[0].reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_folder_import_does_not_follow_links_out_of_the_folder(project, tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nNot to be imported.", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Article\n\nIn the folder.", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    report = import_paths(project, [folder])
    assert [project.documents.text(i.document_id) for i in report.imported] == ["Article\n\nIn the folder."]
    assert report.outside_links == [folder / "link.txt"]
    assert "1 link in folders points outside the folder and was not followed" in report.summary()


def test_a_full_disk_stops_the_batch_without_blaming_the_file(project, tmp_path):
    big = write_jsonl(tmp_path / "a-big.jsonl", [{"text": f"Article {n}. " + "word " * 2000} for n in range(50)])
    later = write_jsonl(tmp_path / "b-later.jsonl", records(2))
    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count = {pages + 20}")
    report = import_paths(project, [big, later])
    assert report.stopped and "disk holding the project test.framing is full" in report.stopped
    assert report.refused[0].path == big and report.refused[0].reason.startswith("not imported: the disk")
    assert "could not be read" not in report.summary() and report.not_tried == 1
    assert "Import stopped" in report.summary() and report.failed
    assert project.counts()["documents"] == 0


def test_cancel_between_batches_rolls_the_file_back(project, tmp_path, small_batches):
    asked = []

    def cancel():
        asked.append(1)
        return len(asked) > 3

    report = import_paths(project, [write_jsonl(tmp_path / "corpus.jsonl", records(20))], cancel=cancel)
    assert report.cancelled and report.documents_imported == 0 and project.counts()["documents"] == 0


def test_cli_exit_codes_and_the_article_size_option(project, tmp_path):
    project.close()
    good = write_jsonl(tmp_path / "good.jsonl", records(3))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(project.path), str(good), str(bad)])
    assert result.exit_code == 1 and "Imported 3 documents" in result.output and "1 file refused" in result.output
    big = write_jsonl(tmp_path / "big.jsonl", [{"text": "Long. " * 50_000}])
    result = runner.invoke(cli, ["import", str(project.path), str(big), "--max-article-size", "0.1"])
    assert result.exit_code == 1 and "line 1: the article is" in result.output
    assert "per article; raise the limit with --max-article-size MB to import it" in result.output
    labels = write_jsonl(tmp_path / "labels.jsonl", [{"text": "Un texte.", "label": [[0, 2, "Nouveau"]]}])
    result = runner.invoke(cli, ["import", str(project.path), str(labels), "-a", "ana", "--max-new-labels", "0"])
    assert result.exit_code == 1 and "the file you meant; if it is, raise the limit with --max-new-labels" in result.output
    result = runner.invoke(cli, ["import", str(project.path), str(big), "--max-article-size", "1"])
    assert result.exit_code == 0, result.output


def test_an_error_without_a_file_name_prints_no_empty_name():
    from annotator.cli.common import os_error_text

    assert os_error_text(OSError(28, "No space left on device")) == (
        "the disk is full (no space left on device); free some space and try again")
    assert os_error_text(FileNotFoundError(2, "No such file or directory", "x.txt")) == "x.txt: No such file or directory"
    assert not os_error_text(OSError("odd")).startswith(":")


def test_a_file_utf8_at_first_and_windows_1252_later_is_read_again_whole(project, tmp_path, small_batches):
    head = "".join(json.dumps({"text": f"Article {n} en UTF-8 simple."}) + "\n" for n in range(4000))
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(head.encode("utf-8") + json.dumps({"text": "Le café coûte 2 €."}, ensure_ascii=False
                                                        ).encode("cp1252") + b"\n")
    assert path.stat().st_size > 65536  # past the bytes the encoding is first judged on
    report = import_paths(project, [path])
    assert report.documents_imported == 4001 and not report.refused, report.summary()
    last = report.imported[-1] if len(report.imported) == 4001 else None
    assert project.documents.text(last.document_id) == "Le café coûte 2 €."
