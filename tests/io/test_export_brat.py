"""brat export: a folder per annotator with .txt/.ann, and annotation.conf from the codebook."""

from __future__ import annotations

import re

import pytest

from annotator.core.errors import AnnotatorError
from annotator.io.exporter import export_project
from annotator.io.writers.brat_export import annotation_conf, brat_type
from tests.io.export_data import build

T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$")


@pytest.fixture
def data(project):
    return build(project)


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _t_lines(ann: str):
    return [T_LINE.match(line) for line in ann.split("\n") if line.startswith("T")]


def test_folders_per_annotator_with_exact_texts(project, data, tmp_path):
    out = tmp_path / "brat"
    report = export_project(project, "brat", out, annotators=["alice", "bob"], gold=True)
    assert sorted(p.name for p in out.iterdir()) == ["alice", "annotation.conf", "bob", "gold", "visual.conf"]
    texts = {d.text for d in data.documents}
    total = 0
    for folder in ("alice", "bob", "gold"):
        txts = sorted((out / folder).glob("*.txt"))
        assert len(txts) == 4
        for txt in txts:
            text = _read(txt)
            assert text in texts
            ann = _read(txt.with_suffix(".ann"))
            for match in _t_lines(ann):
                assert match is not None
                start, end = int(match.group(3)), int(match.group(4))
                covered = text[start:end]
                assert match.group(5) == re.sub("[\t\n\u2028]", " ", covered)
                total += 1
    assert total == report.spans == len(data.spans)


def test_ann_lines_for_attributes_notes_and_line_breaks(project, data, tmp_path):
    out = tmp_path / "brat"
    export_project(project, "brat", out, annotators=["alice", "bob"])
    crlf = data.documents[3]
    alice_crlf = next(p for p in (out / "alice").glob("*.ann") if _read(p.with_suffix(".txt")) == crlf.text)
    ann = _read(alice_crlf)
    crossing = next(m for m in _t_lines(ann) if m.group(2) == "naming")
    assert crossing.group(5) == "story. Second line"  # one line, one continuous range
    assert crlf.text[int(crossing.group(3)):int(crossing.group(4))] == "story.\nSecond line"
    emoji = data.documents[0]
    alice_emoji = next(p for p in (out / "alice").glob("*.ann") if _read(p.with_suffix(".txt")) == emoji.text)
    lines = _read(alice_emoji).split("\n")
    loaded = next(m for m in _t_lines("\n".join(lines)) if m.group(2) == "loaded_term").group(1)
    assert f"A1\tstance {loaded} critical" in lines
    assert f"#1\tAnnotatorNotes {loaded}\tstrong verb" in lines
    nbsp = data.documents[1]
    bob_nbsp = next(p for p in (out / "bob").glob("*.ann") if _read(p.with_suffix(".txt")) == nbsp.text)
    notes = [line for line in _read(bob_nbsp).split("\n") if line.startswith("#")]
    assert notes and notes[0].endswith("\tline one line two tabbed")
    alice_nbsp = next(p for p in (out / "alice").glob("*.ann") if _read(p.with_suffix(".txt")) == nbsp.text)
    assert "[speaker: AFP]" in _read(alice_nbsp)


def test_annotation_conf_from_codebook(project, data, tmp_path):
    conf = annotation_conf(project.codebook.current())
    lines = conf.split("\n")
    entities = lines[lines.index("[entities]") + 1: lines.index("[relations]")]
    assert "reporting_verb" in entities and "\treporting_verb.loaded" in entities
    assert entities.index("\treporting_verb.loaded") > entities.index("reporting_verb")
    assert any(line.startswith("<OVERLAP>") for line in lines)  # overlapping spans are allowed
    stance = next(line for line in lines if line.startswith("stance\t"))
    assert "Value:supportive|neutral|critical" in stance
    assert brat_type("a:b") == "a_b" and brat_type("x.y-z") == "x.y-z"


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
