"""CoNLL export: IOB2 tags per token, one column per annotator or gold, judged by conllu and seqeval."""

from __future__ import annotations

import conllu
import pytest
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities

from annotator.core.model import Document, Span
from annotator.services.exporting import export_project
from annotator.io.writers.conll_export import bio_tags, tokenize
from tests.io.export_data import build


@pytest.fixture
def data(project):
    return build(project)


def _parse(path, sources):
    """The file as conllu reads it: sentences of tokens with our columns."""
    fields = ("id", "form", "start", "end", *sources)
    return conllu.parse(path.read_text(encoding="utf-8"), fields=fields)


def _documents(sentences):
    """{document_id: [sentence token lists]} following the "# newdoc id" comments."""
    docs, current = {}, None
    for sentence in sentences:
        if "newdoc id" in sentence.metadata:
            current = docs.setdefault(sentence.metadata["newdoc id"], [])
        if current is not None and len(sentence):
            current.append(sentence)
    return docs


def test_conllu_reads_every_token_and_offset(project, data, tmp_path):
    out = tmp_path / "train.conll"
    report = export_project(project, "conll", out, annotators=["alice", "bob"], gold=True)
    sentences = _parse(out, ["alice", "bob", "gold"])
    assert sentences[0].metadata["columns"] == "ID TOKEN START END alice bob gold"
    assert sentences[0].metadata["generator"].startswith("Framing Annotator")
    docs = _documents(sentences)
    texts = {d.id: d.text for d in data.documents}
    assert set(docs) == set(texts)
    for doc_id, doc_sentences in docs.items():
        tokens = [t for sentence in doc_sentences for t in sentence]
        assert [(int(t["start"]), int(t["end"])) for t in tokens] == list(tokenize(texts[doc_id]))
        for sentence in doc_sentences:
            assert [t["id"] for t in sentence] == list(range(1, len(sentence) + 1))
        for t in tokens:
            assert texts[doc_id][int(t["start"]):int(t["end"])] == t["form"]
    emoji = {t["form"]: t for s in docs[data.documents[0].id] for t in s}
    assert [emoji["dénoncé"][k] for k in ("alice", "bob", "gold")] == [
        "B-Loaded term", "I-Scare quote", "I-Direct quote"]
    assert "👍🏽" in emoji and "👨‍👩‍👧" in emoji  # emoji clusters stay whole
    combining = {t["form"] for s in docs[data.documents[2].id] for t in s}
    assert "Cafe\u0301" in combining and "re\u0301sume\u0301" in combining
    # alice's nested "racket" loses to her longer scare quote: reported, not silently merged
    assert any("overlap" in w for w in report.warnings)
    assert report.spans == len(data.spans) - 1


def test_a_hash_token_is_a_token_not_a_comment(project, tmp_path):
    text = "Le mot-clé #MeToo circule.\n# Deux lignes"
    doc = Document(text=text, title="Hashtags")
    project.documents.add([doc])
    start = text.index("#MeToo")
    project.spans.add_many([Span(doc.id, "alice", "naming", start, start + 6, "#MeToo")])
    out = tmp_path / "tags.conll"
    export_project(project, "conll", out, annotators=["alice"])
    tokens = [t for s in _documents(_parse(out, ["alice"]))[doc.id] for t in s]
    assert [t["form"] for t in tokens] == [text[s:e] for s, e in tokenize(text)]
    assert [(t["form"], t["alice"]) for t in tokens if t["form"] in ("#", "MeToo")] == [
        ("#", "B-Label / naming"), ("MeToo", "I-Label / naming"), ("#", "O")]
    assert not any(line.startswith("#") and "\t" in line for line in out.read_text(encoding="utf-8").split("\n"))


def test_valid_iob2_for_seqeval_strict_even_across_sentence_breaks(project, data, tmp_path):
    out = tmp_path / "s.conll"
    report = export_project(project, "conll", out, annotators=["alice", "bob"], gold=True)
    sentences = [s for s in _parse(out, ["alice", "bob", "gold"]) if len(s)]
    for source in ("alice", "bob", "gold"):
        tags = [[t[source] for t in sentence] for sentence in sentences]
        strict = sorted(e.to_tuple() for sentence in Entities(tags, IOB2).entities for e in sentence)
        lenient = sorted((n, tag, start, end + 1)
                         for n, tag_list in enumerate(tags) for tag, start, end in get_entities(tag_list))
        # a lenient reading takes an I- after O as a start, strict IOB2 drops it: equal only for valid IOB2
        assert strict == lenient and strict, source
    crlf = _documents(_parse(out, ["alice", "bob", "gold"]))[data.documents[3].id]
    alice = [(t["form"], t["alice"]) for s in crlf for t in s][:9]
    assert alice[4:8] == [("story", "B-Label / naming"), (".", "I-Label / naming"),
                          ("Second", "B-Label / naming"), ("line", "I-Label / naming")]
    assert any("sentence break" in w for w in report.warnings)


def test_done_only_marks_missing_annotators(project, data, tmp_path):
    out = tmp_path / "done.conll"
    export_project(project, "conll", out, annotators=["alice", "bob"], done_only=True)
    docs = _documents(_parse(out, ["alice", "bob"]))
    assert len(docs) == 3
    combining = [t for s in docs[data.documents[2].id] for t in s]
    assert all(t["alice"] == "_" for t in combining)  # alice did not mark it done
    assert any(t["bob"].startswith("B-") for t in combining)


def test_sentences_split_at_line_breaks(project, data, tmp_path):
    out = tmp_path / "s.conll"
    export_project(project, "conll", out)
    sentences = _documents(_parse(out, ["alice", "bob", "lead"]))[data.documents[3].id]
    assert len(sentences) == 3
    assert sentences[0][0]["form"] == "First"


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
