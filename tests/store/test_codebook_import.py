"""Importing codebooks into projects: labels matched by id, reports, nothing orphaned; file upgrade."""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest
from sqlite_utils import Database

from annotator.core.codebook import codebook_from_dict, codebook_to_dict
from annotator.core.errors import CodebookError
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_codebook, load_preset, save_codebook
from annotator.store import Project
from annotator.store.schema import APPLICATION_ID, migrations

TEXT = "The minister said the reform was a disaster for families."


@pytest.fixture
def annotated(project):
    doc = Document(text=TEXT)
    project.documents.add([doc])
    start = TEXT.index("disaster")
    project.spans.add(Span(document_id=doc.id, annotator="alice", label_id="hedge", start=start,
                          end=start + 8, text="disaster"))
    project.answers.set(doc.id, "alice", "tone", "negative")
    return project


def edited(project: Project):
    """A project codebook after a few edits, as a researcher would share it."""
    project.labels.rename("hedge", "Softener", "Adoucisseur")
    project.labels.set_shortcut("hedge", "j")
    project.labels.recolour("loaded_term", "#CC6677")
    project.labels.move("naming", "loaded_term")
    project.labels.create("Irony")
    project.labels.retire("intensifier")
    return project.codebook.current()


def test_export_then_import_into_a_new_project_gives_the_same_labels(project, tmp_path):
    book = edited(project)
    save_codebook(book, tmp_path / "shared.json")
    with Project.create(tmp_path / "other.framing") as other:
        report = other.codebook.import_book(load_codebook(tmp_path / "shared.json")).details["report"]
        assert report.new == [label.id for label in book.labels] and not report.missing
        assert other.codebook.labels() == project.codebook.labels()
        assert other.codebook.attributes() == project.codebook.attributes()
        assert other.codebook.current().name == book.name


def test_import_into_a_project_with_a_default_codebook_matches_by_id(annotated, tmp_path):
    incoming = codebook_to_dict(load_preset("framing-devices"))
    incoming["labels"] = [l for l in incoming["labels"] if l["id"] != "hedge"]
    incoming["labels"][0]["name"] = "Distancing quotes"
    incoming["labels"].append({"id": "irony", "name": "Irony", "color": "#AA4499", "shortcut": "h"})
    tone = next(q for q in incoming["questions"] if q["id"] == "tone")
    tone["choices"] = [c for c in tone["choices"] if c["id"] != "negative"]
    book = codebook_from_dict(incoming)

    preview = annotated.codebook.preview_import(book)
    assert preview.new == ["irony"] and preview.missing == ["hedge"]
    assert preview.changed["scare_quote"] == ["name"]
    assert "tone" in preview.changed
    version = annotated.codebook.version()
    assert annotated.codebook.version() == version  # a preview writes nothing

    report = annotated.codebook.import_book(book).details["report"]
    assert report.as_dict() == preview.as_dict()
    assert annotated.codebook.label("scare_quote").name == "Distancing quotes"
    hedge = annotated.codebook.label("hedge")  # missing from the file, kept with its span
    assert annotated.codebook.usage("hedge").spans == 1 and not hedge.retired
    # the project's label keeps its key; the file's new label does not take it
    assert hedge.shortcut == "h" and annotated.codebook.label("irony").shortcut == ""
    assert "negative" in [c.id for c in annotated.codebook.label("tone").choices]  # an answer uses it
    assert any("keeps choice negative" in note for note in report.notes)
    assert any("'irony' does not take the shortcut 'h' from label 'hedge'" in note for note in report.notes)
    assert annotated.codebook.history()[-1]["details"]["new"] == ["irony"]
    assert [l.position for l in annotated.codebook.labels()] == list(range(len(annotated.codebook.labels())))


def test_importing_the_same_codebook_twice_changes_nothing(annotated):
    book = annotated.codebook.current()
    version = annotated.codebook.version()
    change = annotated.codebook.import_book(book)
    assert change.action == "codebook unchanged" and annotated.codebook.version() == version
    assert change.details["report"].unchanged == [label.id for label in book.labels]


def test_import_refuses_to_turn_a_used_span_label_into_a_question(annotated):
    data = codebook_to_dict(annotated.codebook.current())
    data["labels"] = [l for l in data["labels"] if l["id"] != "hedge"]
    data["questions"].append({"id": "hedge", "name": "Hedged?", "choices": [{"id": "y", "name": "Yes"}]})
    labels = annotated.codebook.labels()
    with pytest.raises(CodebookError, match="'hedge' is a span label used by annotations"):
        annotated.codebook.import_book(codebook_from_dict(data))
    assert annotated.codebook.labels() == labels


def test_import_may_retype_an_unused_label(annotated):
    data = codebook_to_dict(annotated.codebook.current())
    data["labels"] = [l for l in data["labels"] if l["id"] != "intensifier"]
    data["attributes"] = [a for a in data["attributes"] if a["id"] != "stance"]
    data["questions"].append({"id": "intensifier", "name": "Intense?", "choices": [{"id": "y", "name": "Yes"}]})
    annotated.codebook.import_book(codebook_from_dict(data))
    assert annotated.codebook.label("intensifier").kind == "document"
    assert "stance" in [a.id for a in annotated.codebook.attributes()]  # missing attributes are kept too


def test_a_file_from_before_codebook_format_2_is_upgraded(tmp_path):
    """A project written before migration m002 opens, gains the columns and keeps its codebook."""
    path = tmp_path / "old.framing"
    conn = sqlite3.connect(path)
    db = Database(conn)
    migrations.apply(db, stop_before="m002_codebook_details")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO labels (id, name, kind, color, position, updated) "
                 "VALUES ('quote', 'Quote', 'span', '#56B4E9', 0, 'then')")
    conn.execute("INSERT INTO attributes (id, name, type, choices, labels) "
                 "VALUES ('stance', 'Stance', 'choice', '[\"for\", \"against\"]', '[\"quote\"]')")
    old = {"format": "framing-annotator-codebook", "format_version": 1, "id": "old", "name": "Old",
           "labels": [{"id": "quote", "name": "Quote", "color": "#56B4E9"}]}
    conn.execute("INSERT INTO codebook_history (version, time, change, snapshot) VALUES (1, 'then', 'made', ?)",
                 [json.dumps(old)])
    conn.commit()
    conn.close()
    with Project.open(path) as proj:
        assert proj.codebook.label("quote").examples_fr == [] and proj.codebook.label("quote").code == ""
        stance = proj.codebook.attributes()[0]
        assert stance.choices == ["for", "against"] and stance.choice_details[1].name == "against"
        assert proj.codebook.history()[0]["details"] == {}
        proj.labels.rename("quote", "Quotation")
        assert proj.codebook.at(1).label("quote").name == "Quote"
        assert proj.codebook.at(2).label("quote").name == "Quotation"


def test_deep_copies_keep_the_import_from_touching_the_given_book(annotated):
    book = load_preset("policy-frames")
    snapshot = copy.deepcopy(book)
    annotated.codebook.import_book(book)
    assert book.labels == snapshot.labels


def test_a_kept_attribute_stops_naming_a_label_that_became_a_question(annotated):
    annotated.db.execute("UPDATE attributes SET labels = '[\"intensifier\"]' WHERE id = 'speaker'")
    data = codebook_to_dict(annotated.codebook.current())
    data["labels"] = [l for l in data["labels"] if l["id"] != "intensifier"]
    data["attributes"] = [a for a in data["attributes"] if a["id"] == "source_kind"]
    data["questions"].append({"id": "intensifier", "name": "Intense?", "choices": [{"id": "y", "name": "Yes"}]})
    report = annotated.codebook.import_book(codebook_from_dict(data)).details["report"]
    attrs = {a.id: a for a in annotated.codebook.attributes()}
    assert "speaker" not in attrs and "intensifier" not in attrs["stance"].labels
    assert any("'speaker' (kept) removed" in note for note in report.notes)
    assert any("'stance' (kept) no longer applies to intensifier" in note for note in report.notes)
