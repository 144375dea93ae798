"""import_paths: the shared renditions, duplicates, batches with bad files, spans and labels, limits."""

from __future__ import annotations

import json

import pytest

from annotator.io.importer import read_file

from annotator.services.importing import import_paths

RENDITIONS = ("parler-amazon-fr.html", "parler-amazon-fr.cp1252.html", "parler-amazon-fr.crlf.txt",
              "parler-amazon-fr.xml")


def test_four_shared_renditions_import_to_the_same_text(project, shared_articles):
    texts = {name: read_file(shared_articles / name)[0].document.text for name in RENDITIONS}
    assert len(set(texts.values())) == 1
    text = texts["parler-amazon-fr.xml"]
    assert text.startswith("Le réseau social Parler porte plainte contre Amazon\n\nAmazon a récemment")
    assert text.endswith("l’antitrust et les droits civils.")
    assert text.count("\n\n") == 9
    report = import_paths(project, [shared_articles / name for name in RENDITIONS])
    assert len(report.imported) == 1 and len(report.duplicates) == 3
    assert all(d.reason == "already in the project" for d in report.duplicates)
    assert project.documents.text(report.imported[0].document_id) == text


def test_same_article_twice_adds_nothing_and_says_so(project, shared_articles):
    first = import_paths(project, [shared_articles / "parler-amazon-fr.xml"])
    second = import_paths(project, [shared_articles / "parler-amazon-fr.xml"])
    assert len(first.imported) == 1
    assert second.imported == [] and len(second.duplicates) == 1
    assert project.counts()["documents"] == 1
    assert "already in the project" in second.summary()


def test_batch_goes_on_after_bad_files(project, tmp_path):
    (tmp_path / "good.txt").write_text("Good title\n\nGood body.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "nul.txt").write_bytes(b"text\x00more")
    (tmp_path / "later.txt").write_text("Later title\n\nLater body.", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert sorted(i.title for i in report.imported) == ["Good title", "Later title"]
    reasons = {r.path.name: r.reason for r in report.refused}
    assert set(reasons) == {"empty.txt", "binary.html", "nul.txt"}
    assert "empty" in reasons["empty.txt"] and "PNG" in reasons["binary.html"] and "NUL" in reasons["nul.txt"]
    assert "3 files refused" in report.summary()


def test_a_file_is_all_or_nothing(project, tmp_path):
    lines = [{"text": "First article."}, {"text": "Second article."}, {"text": "Bad", "label": [[0, 99, "X"]]}]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.imported == [] and len(report.refused) == 1
    assert "line 3" in report.refused[0].reason
    assert project.counts()["documents"] == 0


def test_failure_in_the_store_rolls_back_new_labels_and_documents(project, tmp_path, monkeypatch):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "Some text here.", "label": [[0, 4, "Brand new"]]}), encoding="utf-8")
    labels_before = len(project.codebook.labels())

    def broken(*args, **kwargs):
        from annotator.core.errors import InvalidSpan

        raise InvalidSpan("simulated failure after the label and document were written")

    from annotator.store.imports import ImportSession

    monkeypatch.setattr(ImportSession, "_store_spans", broken)
    report = import_paths(project, [path], annotator="ana")
    assert "simulated failure" in report.refused[0].reason
    assert len(project.codebook.labels()) == labels_before
    assert project.counts()["documents"] == 0


def test_doccano_spans_and_new_labels(project, tmp_path):
    known = project.codebook.labels(kind="span")[0]
    records = [
        {"text": "Title\r\n\r\nThe crisis hit hard.", "label": [[9, 12, known.name.upper()], [13, 19, "Brand new"]]},
        {"text": "Another text.", "entities": [{"label": "Brand new", "start_offset": 0, "end_offset": 7}]},
    ]
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = import_paths(project, [path], annotator="ana")
    assert len(report.imported) == 2 and report.spans == 3
    assert report.labels == ["Brand-new"]
    new_label = project.codebook.label("Brand-new")
    assert new_label.imported and new_label.name == "Brand new"
    doc_id = report.imported[0].document_id
    spans = project.spans.of_document(doc_id, annotator="ana")
    assert [(s.label_id, s.text, s.origin) for s in spans] == [
        (known.id, "The", "import"), ("Brand-new", "crisis", "import")]
    again = import_paths(project, [path], annotator="ana")
    assert again.spans == 0 and again.repeated_spans == 3 and again.labels == []


def test_brat_import_with_another_annotator_adds_their_spans(project, tmp_path):
    raw = "\ufeffHeadline\r\n\r\nPolice blamed protesters.\r\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    start = raw.index("blamed")
    (tmp_path / "a.ann").write_text(f"T1\tBlame {start} {start + 6}\tblamed\n", encoding="utf-8")
    first = import_paths(project, [tmp_path], annotator="ana")
    second = import_paths(project, [tmp_path / "a.ann"], annotator="ben")
    assert len(first.imported) == 1 and first.spans == 1
    assert len(second.duplicates) == 1 and second.spans == 1
    doc_id = first.imported[0].document_id
    assert {s.annotator: s.text for s in project.spans.of_document(doc_id)} == {"ana": "blamed", "ben": "blamed"}
    assert project.codebook.label("Blame").imported


def test_spans_use_the_files_annotator_then_the_fallback(project, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "Some words", "label": [[0, 4, "X"]], "annotator": "carla"}) + "\n"
                    + json.dumps({"text": "Other words", "label": [[0, 5, "X"]]}), encoding="utf-8")
    report = import_paths(project, [path], fallback_annotator="fallback")
    owners = sorted(s.annotator for i in report.imported for s in project.spans.of_document(i.document_id))
    assert owners == ["carla", "fallback"]


def test_size_limit_and_raising_it(project, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "word " * 50_000, encoding="utf-8")
    refused = import_paths(project, [path], max_bytes=100_000)
    assert "over the" in refused.refused[0].reason and "limit" in refused.refused[0].reason
    accepted = import_paths(project, [path], max_bytes=1_000_000)
    assert len(accepted.imported) == 1


def test_folder_walk_skips_hidden_and_non_article_files(project, tmp_path):
    folder = tmp_path / "saved"
    (folder / "a_files").mkdir(parents=True)
    (folder / "a.html").write_text("<html><body><h1>Page</h1><p>Text.</p></body></html>", encoding="utf-8")
    (folder / "a_files" / "style.css").write_text("p{}", encoding="utf-8")
    (folder / "a_files" / "logo.png").write_bytes(b"\x89PNG")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    (folder / "noext").write_text("Plain title\n\nPlain body.", encoding="utf-8")
    report = import_paths(project, [folder, folder / "a.html"])
    assert report.files == 2
    assert sorted(i.title for i in report.imported) == ["Page", "Plain title"]
    assert sorted(p.name for p in report.skipped) == ["logo.png", "style.css"]
    assert report.refused == []


def test_explicit_format_overrides_detection(project, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<p>Not a page</p>\n\nsecond", encoding="utf-8")
    report = import_paths(project, [path], format="txt")
    assert project.documents.text(report.imported[0].document_id) == "<p>Not a page</p>\n\nsecond"


def test_progress_and_cancel(project, tmp_path):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\n\nBody {n}.", encoding="utf-8")
    calls = []
    report = import_paths(project, [tmp_path], progress=lambda done, total, path: calls.append((done, total, path.name)),
                          cancel=lambda: len(calls) >= 2)
    assert calls == [(1, 4, "0.txt"), (2, 4, "1.txt")]
    assert report.cancelled and len(report.imported) == 2
    assert "cancelled" in report.summary()


def test_missing_path_is_reported(project, tmp_path):
    report = import_paths(project, [tmp_path / "nope.html"])
    assert report.refused[0].reason == "no such file or folder"


def test_change_names_what_was_added(project, shared_articles):
    report = import_paths(project, [shared_articles / "parler-amazon-fr.xml"])
    change = report.change()
    assert change.documents == [report.imported[0].document_id]


def test_unknown_format_is_refused(project, tmp_path):
    from annotator.core.errors import ImportRefused

    with pytest.raises(ImportRefused, match="unknown format"):
        import_paths(project, [tmp_path], format="docx")
