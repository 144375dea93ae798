"""brat standoff: offsets counted on the file as written (BOM, CR) land on the same characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions
from annotator.io.readers.brat import read_brat

RAW = "\ufeffParler sues Amazon\r\n\r\nAmazon cut off Parler.\r\nThe lawsuit claims antitrust abuse.\r\n"


def brat_pair(tmp_path: Path, raw: str, ann: str, name: str = "doc") -> Path:
    text_path = tmp_path / f"{name}.txt"
    text_path.write_bytes(raw.encode("utf-8"))
    (tmp_path / f"{name}.ann").write_bytes(ann.encode("utf-8"))
    return text_path


def t_line(n: int, label: str, raw: str, *words: str) -> str:
    ranges = []
    for word in words:
        start = raw.index(word)
        ranges.append(f"{start} {start + len(word)}")
    return f"T{n}\t{label} {';'.join(ranges)}\t{' '.join(words)}\n"


def read(path: Path):
    return read_brat(path, path.read_bytes(), ReadOptions()).documents[0]


def test_bom_and_crlf_spans_cover_the_same_characters(tmp_path):
    words = ["Parler sues", "Amazon cut off", "antitrust abuse", "lawsuit"]
    ann = "".join(t_line(i, "Frame", RAW, w) for i, w in enumerate(words, start=1))
    item = read(brat_pair(tmp_path, RAW, ann))
    text = item.document.text
    assert text == "Parler sues Amazon\n\nAmazon cut off Parler.\nThe lawsuit claims antitrust abuse.\n"
    assert [text[s.start:s.end] for s in item.spans] == words
    assert item.document.metadata["format"] == "brat"


def test_span_across_a_crlf_keeps_its_characters(tmp_path):
    start = RAW.index("Parler.")
    end = RAW.index("The lawsuit") + len("The")
    ann = f"T1\tClaim {start} {end}\t{RAW[start:end].replace(chr(13), ' ').replace(chr(10), ' ')}\n"
    item = read(brat_pair(tmp_path, RAW, ann))
    [span] = item.spans
    assert item.document.text[span.start:span.end] == "Parler.\nThe"


def test_discontinuous_annotation_becomes_linked_fragments(tmp_path):
    ann = t_line(1, "Actor", RAW, "Parler sues", "antitrust") + "#1\tAnnotatorNotes T1\tcheck this\n"
    item = read(brat_pair(tmp_path, RAW, ann))
    assert [item.document.text[s.start:s.end] for s in item.spans] == ["Parler sues", "antitrust"]
    assert item.spans[0].note == "check this\nbrat T1: discontinuous, part 1 of 2"
    assert item.spans[1].note.endswith("part 2 of 2")


def test_attributes_normalisations_and_notes_come_back(tmp_path):
    ann = (t_line(1, "Actor", RAW, "Parler") + "A1\tNegated T1\nA2\tStance T1 critical\n"
           "N1\tReference T1 Wikidata:Q1\tParler\n#1\tAnnotatorNotes T1\tfirst line\n"
           "#2\tAnnotatorNotes T1\tsecond line\n#3\tAnnotatorNotes T1\t[speaker: AFP]\n"
           '#4\tAnnotatorNotes T1\t[sources: ["AFP", "Reuters"]]\n')
    [span] = read(brat_pair(tmp_path, RAW, ann)).spans
    assert span.attributes == {"Negated": True, "Stance": "critical", "Reference": "Wikidata:Q1",
                               "speaker": "AFP", "sources": ["AFP", "Reuters"]}
    assert span.note == "first line\nsecond line"


def test_other_lines_are_counted_and_reported(tmp_path):
    ann = t_line(1, "Actor", RAW, "Parler") + "R1\tSues Arg1:T1 Arg2:T1\nA1\tNegated R1\n"
    path = brat_pair(tmp_path, RAW, ann)
    imported = read_brat(path, path.read_bytes(), ReadOptions())
    item = imported.documents[0]
    assert len(item.spans) == 1
    assert item.document.metadata["brat_lines_not_imported"] == {"R": 1, "A": 1}
    assert imported.warnings == [
        "doc.ann: 1 R line(s) (relations), 1 A line(s) (attributes of non-text annotations)"]


def test_empty_ann_gives_a_document_without_spans(tmp_path):
    item = read(brat_pair(tmp_path, RAW, ""))
    assert item.spans == []


@pytest.mark.parametrize(
    ("ann", "reason"),
    [
        ("T1\tActor 0 6\tAmazon\n", "another text"),
        ("T1\tActor 0 9999\tx\n", "past the end"),
        ("T1\tActor zero six\tx\n", "cannot read"),
        ("T1\tActor 6 2\tx\n", "empty or reversed"),
    ],
    ids=["text-mismatch", "past-end", "unreadable", "reversed"],
)
def test_ann_that_does_not_fit_is_refused(tmp_path, ann, reason):
    with pytest.raises(ImportRefused, match=reason):
        read(brat_pair(tmp_path, RAW, ann))


def test_text_without_ann_is_refused(tmp_path):
    path = tmp_path / "lonely.txt"
    path.write_text("text", encoding="utf-8")
    with pytest.raises(ImportRefused, match="no brat annotation file"):
        read_brat(path, path.read_bytes(), ReadOptions())
