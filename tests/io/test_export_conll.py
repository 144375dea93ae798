"""CoNLL export: BIO tags per token, one column per annotator or gold."""

from __future__ import annotations

import pytest

from annotator.core.model import Span
from annotator.io.exporter import export_project
from annotator.io.writers.conll_export import bio_tags, tokenize
from tests.io.export_data import build


@pytest.fixture
def data(project):
    return build(project)


def _documents(path):
    """{document_id: [(token, start, end, tags...)]} from the exported file."""
    docs, current = {}, None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# document_id = "):
            current = docs.setdefault(line.split(" = ", 1)[1], [])
        elif line and not line.startswith("# ") and current is not None:
            token, start, end, *tags = line.split("\t")
            current.append((token, int(start), int(end), tags))
    return docs


def test_tokens_and_tags_match_the_text(project, data, tmp_path):
    out = tmp_path / "train.conll"
    report = export_project(project, "conll", out, annotators=["alice", "bob"], gold=True)
    header = out.read_text(encoding="utf-8").split("\n")[1]
    assert header == "# columns = TOKEN START END alice bob gold"
    docs = _documents(out)
    texts = {d.id: d.text for d in data.documents}
    assert set(docs) == set(texts)
    for doc_id, rows in docs.items():
        for token, start, end, tags in rows:
            assert texts[doc_id][start:end] == token
            assert len(tags) == 3
    emoji = docs[data.documents[0].id]
    by_token = {token: tags for token, _, _, tags in emoji}
    assert by_token["dénoncé"] == ["B-loaded_term", "I-scare_quote", "I-direct_quote"]
    assert by_token["«"] == ["O", "B-scare_quote", "I-direct_quote"]
    assert "👍🏽" in by_token and "👨‍👩‍👧" in by_token  # emoji clusters stay whole
    combining = {token for token, *_ in docs[data.documents[2].id]}
    assert "Cafe\u0301" in combining and "re\u0301sume\u0301" in combining
    # alice's nested "racket" loses to her longer scare quote: reported, not silently merged
    assert report.warnings and "overlap" in report.warnings[0]
    assert report.spans == len(data.spans) - 1


def test_done_only_marks_missing_annotators(project, data, tmp_path):
    out = tmp_path / "done.conll"
    export_project(project, "conll", out, annotators=["alice", "bob"], done_only=True)
    docs = _documents(out)
    assert len(docs) == 3
    combining = docs[data.documents[2].id]
    assert all(tags[0] == "_" for *_, tags in combining)  # alice did not mark it done
    assert any(tags[1].startswith("B-") for *_, tags in combining)


def test_sentences_split_at_line_breaks(project, data, tmp_path):
    out = tmp_path / "s.conll"
    export_project(project, "conll", out)
    block = out.read_text(encoding="utf-8").split("# title = CRLF source\n")[1]
    sentences = [s for s in block.split("\n\n") if s.strip()]
    assert len(sentences) == 3
    assert sentences[0].split("\t")[0] == "First"


def test_bio_tags_longest_wins():
    text = "a big red dog"
    tokens = list(tokenize(text))
    assert [text[s:e] for s, e in tokens] == ["a", "big", "red", "dog"]
    spans = [Span("d", "x", "L", 2, 9, "big red"), Span("d", "x", "M", 6, 13, "red dog"),
             Span("d", "x", "N", 10, 13, "dog")]
    tags, dropped = bio_tags(tokens, spans)
    # equal lengths: the earlier span wins; the later overlapping one is left out, "dog" alone fits
    assert tags == ["O", "B-L", "I-L", "B-N"]
    assert dropped == 1
    assert bio_tags(tokens, [Span("d", "x", "W", 1, 2, " ")]) == (["O"] * 4, 1)  # covers no token
