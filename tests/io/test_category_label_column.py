"""A corpus whose "label" column holds a category name is imported, the category kept as metadata."""

from __future__ import annotations

import json

from annotator.services.importing import import_paths


def test_a_csv_label_column_of_categories_is_metadata(project, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('title,text,label\nStrike,"Dockers stopped work.",labour\nRates,"The bank held rates.",\n',
                    encoding="utf-8")
    report = import_paths(project, [path])
    assert report.refused == [] and len(report.imported) == 2
    first, second = (project.documents.get(i.document_id) for i in report.imported)
    assert first.metadata["label"] == "labour" and "label" not in second.metadata
    # both rows are plain corpus rows (headline first), whether their label cell is filled or not
    assert first.text == "Strike\n\nDockers stopped work." and second.text == "Rates\n\nThe bank held rates."
    assert report.spans == 0


def test_a_jsonl_text_label_is_metadata_and_a_list_still_means_spans(project, tmp_path):
    path = tmp_path / "news.jsonl"
    records = [{"text": "Dockers stopped work.", "label": "labour"},
               {"text": "The bank held rates.", "label": [[4, 8, "Economic"]]}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.refused == [] and len(report.imported) == 2 and report.spans == 1
    category, spanned = (project.documents.get(i.document_id) for i in report.imported)
    assert category.metadata["label"] == "labour"
    assert "label" not in spanned.metadata
    [span] = project.spans.of_document(spanned.id)
    assert span.text == "bank"
