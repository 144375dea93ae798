"""Code retrieval: every segment of a label (and its sub-labels) across the corpus with its context,
one annotator's or everyone's, blind coding respected, written to CSV for a spreadsheet."""

from __future__ import annotations

import csv

from annotator.core.model import Document, Span
from annotator.services.retrieval import labels_with_segments, retrieve_segments, write_segments_csv

FIRST = "Amazon a « tué » Parler, affirme son patron, qui « regrette » la décision du juge."
SECOND = ("Headline\n\n" + "filler words here " * 400 + "the company claimed that Parler was « dangerous » for users. "
          + "more filler " * 300)


def setup_project(project):
    first, second = project.documents.add([Document(text=FIRST, title="Un"), Document(text=SECOND, title="Two")]).added
    spans = []
    for doc, text, word, annotator, label in (
            (first, FIRST, "tué", "alice", "scare_quote"), (first, FIRST, "regrette", "bob", "scare_quote"),
            (second, SECOND, "dangerous", "alice", "scare_quote"), (first, FIRST, "affirme", "alice", "reporting_verb.loaded"),
            (second, SECOND, "claimed", "bob", "reporting_verb.neutral")):
        start = text.index(word)
        spans.append(Span(document_id=doc, annotator=annotator, label_id=label, start=start, end=start + len(word),
                          text=word))
    project.spans.add_many(spans)
    project.spans.delete(spans[1].id)  # deleted spans are not retrieved
    return first, second


def test_segments_in_corpus_order_with_context_cut_at_words(project):
    first, second = setup_project(project)
    found = retrieve_segments(project, "scare_quote")
    assert [(s.document_id, s.text) for s in found] == [(first, "tué"), (second, "dangerous")]
    assert found[0].before == "Amazon a «" and found[0].after.startswith("» Parler, affirme son patron")
    assert found[1].before.endswith("the company claimed that Parler was «") and len(found[1].before) <= 60
    assert found[1].after.startswith("» for users.") and "filler" in found[1].after


def test_a_label_with_its_sub_labels_and_one_annotators_segments(project):
    setup_project(project)
    verbs = retrieve_segments(project, "reporting_verb")
    assert sorted(s.text for s in verbs) == ["affirme", "claimed"]
    assert retrieve_segments(project, "reporting_verb", include_sublabels=False) == []
    assert [s.text for s in retrieve_segments(project, "reporting_verb", annotator="bob")] == ["claimed"]


def test_blind_coding_shows_an_annotator_only_their_own_segments(project):
    setup_project(project)
    project.team.add("lead", role="lead")
    project.team.set_blind_coding(True, by="lead")
    assert [s.annotator for s in retrieve_segments(project, "reporting_verb", viewer="bob")] == ["bob"]
    assert len(retrieve_segments(project, "reporting_verb", viewer="lead")) == 2


def test_csv_read_back_by_the_csv_module(project, tmp_path):
    setup_project(project)
    path = write_segments_csv(project, retrieve_segments(project, "scare_quote"), tmp_path / "out.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["text"], r["label_name"], r["document_title"]) for r in rows] == [
        ("tué", "Scare quote", "Un"), ("dangerous", "Scare quote", "Two")]
    assert rows[0]["context_before"] == "Amazon a «"


def test_labels_with_segments_are_those_retrieval_finds_something_for(project):
    setup_project(project)
    every = [label.id for label in project.codebook.labels() if label.kind == "span"]
    for asked in ({}, {"include_sublabels": False}, {"annotator": "bob"}, {"annotator": "alice"}):
        assert labels_with_segments(project, every, **asked) == [
            label for label in every if retrieve_segments(project, label, **asked)], asked
    assert labels_with_segments(project, every, annotator="bob") == ["reporting_verb", "reporting_verb.neutral"]
    project.team.add("lead", role="lead")
    project.team.set_blind_coding(True, by="lead")  # bob sees his own segments only: his label, not alice's scare quotes
    assert labels_with_segments(project, ["scare_quote", "reporting_verb"], viewer="bob") == ["reporting_verb"]
    assert labels_with_segments(project, ["scare_quote", "reporting_verb"], viewer="lead") == [
        "scare_quote", "reporting_verb"]
