"""brat export: a folder per annotator with .txt/.ann, and annotation.conf from the codebook."""

from __future__ import annotations

import json
import re

import pytest

from annotator.core.errors import AnnotatorError
from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.io.writers.brat_export import annotation_conf, brat_type
from annotator.store import Project
from tests.io.brat_rules import check_document, check_folder
from tests.io.export_data import build

T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


@pytest.fixture
def data(project):
    return build(project)


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _t_lines(ann: str):
    return [T_LINE.match(line) for line in ann.split("\n") if line.startswith("T")]


def _fragments(match) -> list[tuple[int, int]]:
    return [tuple(int(n) for n in part.split()) for part in match.group(3).split(";")]


def _ann_for(folder, text):
    return next(p for p in folder.glob("*.ann") if _read(p.with_suffix(".txt")) == text)


def test_folders_per_annotator_accepted_by_brats_rules(project, data, tmp_path):
    out = tmp_path / "brat"
    report = export_project(project, "brat", out, annotators=["alice", "bob"], gold=True)
    assert sorted(p.name for p in out.iterdir()) == ["alice", "annotation.conf", "bob", "gold", "visual.conf"]
    assert check_folder(out) == []
    texts = {d.text for d in data.documents}
    total = 0
    for folder in ("alice", "bob", "gold"):
        txts = sorted((out / folder).glob("*.txt"))
        assert len(txts) == 4
        for txt in txts:
            text = _read(txt)
            assert text in texts
            for match in _t_lines(_read(txt.with_suffix(".ann"))):
                assert match is not None
                frags = _fragments(match)
                assert match.group(4) == " ".join(text[s:e] for s, e in frags)
                total += 1
    assert total == report.spans == len(data.spans)


def test_span_across_line_break_attributes_and_notes(project, data, tmp_path):
    out = tmp_path / "brat"
    export_project(project, "brat", out, annotators=["alice", "bob"])
    crlf = data.documents[3]
    crossing = next(m for m in _t_lines(_read(_ann_for(out / "alice", crlf.text))) if m.group(2) == "naming")
    assert crossing.group(4) == "story. Second line"
    assert [crlf.text[s:e] for s, e in _fragments(crossing)] == ["story.", "Second line"]
    combining = data.documents[2]
    hedge = next(m for m in _t_lines(_read(_ann_for(out / "bob", combining.text))) if m.group(2) == "hedge")
    assert [combining.text[s:e] for s, e in _fragments(hedge)] == ["na\u0131\u0308ve.", "Next"]  # U+2028
    lines = _read(_ann_for(out / "alice", data.documents[0].text)).split("\n")
    loaded = next(m for m in _t_lines("\n".join(lines)) if m.group(2) == "loaded_term").group(1)
    assert f"A1\tstance {loaded} critical" in lines
    assert f"#1\tAnnotatorNotes {loaded}\tstrong verb" in lines
    nbsp = data.documents[1]
    notes = [line for line in _read(_ann_for(out / "bob", nbsp.text)).split("\n") if line.startswith("#")]
    assert [n.split("\t", 2)[2] for n in notes] == ["line one", "line two\ttabbed"]
    assert "\t[speaker: AFP]" in _read(_ann_for(out / "alice", nbsp.text))
    tab_span = next(m for m in _t_lines(_read(_ann_for(out / "bob", nbsp.text))) if m.group(2) == "naming")
    assert tab_span.group(4) == "@officiel\tdit"  # brat takes the text by length: a tab may stay


def test_annotation_conf_from_codebook(project, data, tmp_path):
    conf = annotation_conf(project.codebook.current())
    lines = conf.split("\n")
    entities = lines[lines.index("[entities]") + 1: lines.index("[relations]")]
    assert "reporting_verb" in entities and "\treporting_verb_loaded" in entities
    assert entities.index("\treporting_verb_loaded") > entities.index("reporting_verb")
    assert any(line.startswith("<OVERLAP>") for line in lines)  # overlapping spans are allowed
    stance = next(line for line in lines if line.startswith("stance\t"))
    assert "Value:supportive|neutral|critical" in stance
    assert brat_type("a:b") == "a_b" and brat_type("x.y-z") == "x_y-z"


def test_brat_rules_checker_catches_what_brat_rejects():
    entities, attributes = {"Actor"}, {"stance": ({"Actor"}, {"critical"})}
    text = "one\ntwo three"
    assert check_document(text, "T1\tActor 0 3\tone\n", entities, attributes) == []
    bad = {
        "T1\tActor 0 7\tone two\n": "is not",  # a line break in the text field
        "T1\tActor 4 7;6 13\ttwo o three\n": "overlap",
        "T1\tactor.x 0 3\tone\n": "not a known",
        "T1\tActor 0 3\tone\nA1\tstance T1 mild\n": "not declared",
        "T1\tActor 0 3\tone\nT1\tActor 4 7\ttwo\n": "repeated",
        "T1\tActor 0 3\tonex\n": "not followed",
    }
    for ann, problem in bad.items():
        assert any(problem in e for e in check_document(text, ann, entities, attributes)), ann


def test_label_names_travel_and_come_back(tmp_path):
    source = Project.create(tmp_path / "source.framing")
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Le Délégitimation du 中文标签 arrive.\nDeuxième ligne."
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    a, b = text.index("Délégitimation"), text.index("中文标签")
    (folder / "doc.ann").write_text(
        f"T1\tDélégitimation {a} {a + 14}\tDélégitimation\nT2\t中文标签 {b} {b + 4}\t中文标签\n", encoding="utf-8")
    import_paths(source, [folder], annotator="alice")
    names = sorted(l.name for l in source.codebook.labels())
    assert names == ["Délégitimation", "中文标签"]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", l.id) for l in source.codebook.labels())
    out = tmp_path / "brat"
    export_project(source, "brat", out)
    assert check_folder(out) == []
    assert "| Délégitimation" in _read(out / "visual.conf") and "| 中文标签" in _read(out / "visual.conf")
    target = Project.create(tmp_path / "target.framing")
    report = import_paths(target, [out])
    assert not report.refused, report.summary()
    assert sorted(l.name for l in target.codebook.labels()) == names
    doc_id = next(target.documents.iter_all()).id
    assert sorted((s.annotator, s.text) for s in target.spans.of_document(doc_id)) == [("alice", "Délégitimation"),
                                                                           ("alice", "中文标签")]
    source.close()
    target.close()


def test_whole_export_folder_comes_back_per_annotator(project, data, tmp_path):
    out = tmp_path / "brat"
    export_project(project, "brat", out, annotators=["alice", "bob"])
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    report = import_paths(target, [out])
    assert not report.refused and not report.warnings, report.summary()
    wanted = {(s.document_id, s.annotator, s.label_id, s.start, s.end, s.note, json.dumps(s.attributes, sort_keys=True))
              for s in data.spans if s.annotator in ("alice", "bob")}
    got = {(s.document_id, s.annotator, s.label_id, s.start, s.end, s.note, json.dumps(s.attributes, sort_keys=True))
           for doc in target.documents.iter_all() for s in target.spans.of_document(doc.id)}
    assert got == wanted
    target.close()


def test_replaces_earlier_export_but_not_other_folders(project, data, tmp_path):
    out = tmp_path / "brat"
    export_project(project, "brat", out)
    (out / "stale.txt").write_text("old", encoding="utf-8")
    export_project(project, "brat", out, annotators=["bob"])
    assert not (out / "stale.txt").exists() and (out / "bob").is_dir() and not (out / "alice").exists()
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not empty"):
        export_project(project, "brat", other)
    assert (other / "thesis.docx").read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat", "mine", "test.framing",
                                                          "test.framing-shm", "test.framing-wal"]
