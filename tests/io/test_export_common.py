"""export_project: choices, progress, cancel, and never a half-written file."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.services.exporting import FORMATS, export_project, make_selection
from tests.io.export_data import build


@pytest.fixture
def data(project):
    return build(project)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("test.framing"))


class Boom(RuntimeError):
    pass


def _failing(iterator_method):
    def broken(*args, **kwargs):
        for n, item in enumerate(iterator_method(*args, **kwargs)):
            if n == 2:
                raise Boom("disk full")
            yield item
    return broken


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "brat", "conll", "qdpx"])
def test_failure_leaves_no_half_file(project, data, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"out.{fmt}"
    monkeypatch.setattr(project.exports, "iter_spans", _failing(project.exports.iter_spans))
    monkeypatch.setattr(project.exports, "iter_spans_by_document", _failing(project.exports.iter_spans_by_document))
    monkeypatch.setattr(project.documents, "iter_all", _failing(project.documents.iter_all))
    with pytest.raises(Boom):
        export_project(project, fmt, out)
    assert _leftovers(tmp_path) == []


def test_failure_keeps_the_previous_file(project, data, tmp_path, monkeypatch):
    out = tmp_path / "spans.csv"
    out.write_text("previous export\n", encoding="utf-8")
    monkeypatch.setattr(project.exports, "iter_spans_by_document", _failing(project.exports.iter_spans_by_document))
    with pytest.raises(Boom):
        export_project(project, "csv", out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert _leftovers(tmp_path) == ["spans.csv"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "brat", "conll", "qdpx"])
def test_cancel_writes_nothing(project, data, tmp_path, fmt):
    calls = []
    report = export_project(project, fmt, tmp_path / f"out.{fmt}",
                            cancel=lambda: len(calls) > 0, progress=lambda d, t: calls.append((d, t)))
    assert report.cancelled and report.path is None
    assert _leftovers(tmp_path) == []
    assert "cancelled" in report.summary()


def test_progress_reaches_the_total(project, data, tmp_path):
    seen = []
    report = export_project(project, "jsonl", tmp_path / "a.jsonl", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4)
    assert all(done <= total for done, total in seen)
    assert not report.cancelled and report.path == tmp_path / "a.jsonl"


def test_choices_are_checked(project, data, tmp_path):
    with pytest.raises(AnnotatorError, match="unknown export format"):
        export_project(project, "xlsx", tmp_path / "a.xlsx")
    with pytest.raises(AnnotatorError, match="CSV exports only"):
        export_project(project, "jsonl", tmp_path / "a.jsonl", excel=True)
    with pytest.raises(AnnotatorError, match="unknown annotator 'carol'"):
        export_project(project, "csv", tmp_path / "a.csv", annotators=["carol"])
    with pytest.raises(AnnotatorError, match="unknown table"):
        export_project(project, "csv", tmp_path / "a.csv", table="spans2")
    with pytest.raises(AnnotatorError, match="does not exist"):
        export_project(project, "csv", tmp_path / "nowhere" / "a.csv")
    assert _leftovers(tmp_path) == []
    assert set(FORMATS) == {"csv", "jsonl", "brat", "conll", "qdpx", "qdc", "label-studio", "parquet"}


def test_selection_rules(project, data):
    everyone = make_selection(project)
    assert everyone.annotators == ["alice", "bob", "lead"] and not everyone.gold
    gold_only = make_selection(project, gold=True)
    assert gold_only.annotators == [] and gold_only.sources == ["gold"]
    named = make_selection(project, annotators=["bob", "gold"])
    assert named.annotators == ["bob"] and named.gold
    labels = make_selection(project, labels=["Reporting verb"])
    assert set(labels.label_ids) == {"reporting_verb", "reporting_verb.neutral", "reporting_verb.loaded"}


def test_exports_get_ordinary_permissions(project, data, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    csv_report = export_project(project, "csv", tmp_path / "a.csv")
    brat_report = export_project(project, "brat", tmp_path / "b")
    assert csv_report.path.stat().st_mode == plain.stat().st_mode
    (tmp_path / "folder").mkdir()
    assert brat_report.path.stat().st_mode == (tmp_path / "folder").stat().st_mode
    assert export_project(project, "qdc", tmp_path / "c.qdc").summary().startswith("Exported the codebook")
