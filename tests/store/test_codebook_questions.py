"""Editing document questions, their choices and span attributes in the store: each one transaction with
history, none losing an answer or a span's value; importing a codebook shows every change first."""

from __future__ import annotations

import pytest

from annotator.core.codebook import codebook_from_dict, codebook_to_dict
from annotator.core.errors import CodebookError
from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset

TEXT = "The minister said the reform was a disaster for families."


@pytest.fixture
def doc(project):
    return project.documents.add([Document(text=TEXT)]).added[0]


def choices(project, question):
    return [(c.id, c.name, c.retired) for c in project.codebook.label(question).choices]


def test_a_new_question_and_its_choices(project, doc):
    question = project.labels.create("Who is blamed?", kind="document").labels[0]
    assert [c[0] for c in choices(project, question)] == ["yes", "no", "unsure"]
    version = project.codebook.version()
    union = project.labels.add_choice(question, "Trade unions", "Les syndicats").details["choice"]
    government = project.labels.add_choice(question, "Government").details["choice"]
    assert (union, government) == ("trade_unions", "government")
    assert [c[0] for c in choices(project, question)] == ["yes", "no", "trade_unions", "government", "unsure"]
    project.labels.move_choice(question, "government", 0)
    project.labels.edit_choice(question, "government", name="The government", name_fr="Le gouvernement")
    project.labels.delete_choice(question, "yes")
    project.labels.delete_choice(question, "no")
    assert choices(project, question)[:2] == [("government", "The government", False),
                                              ("trade_unions", "Trade unions", False)]
    project.answers.set(doc, "ana", question, "government")
    with pytest.raises(CodebookError, match="answers use 'The government'; retire it instead"):
        project.labels.delete_choice(question, "government")
    project.labels.retire_choice(question, "government")
    assert choices(project, question)[0] == ("government", "The government", True)
    assert project.answers.find(doc, "ana")[0].value == "government"  # the answer stays
    project.labels.retire_choice(question, "government", retired=False)
    assert project.codebook.version() == version + 8
    assert project.codebook.history()[-1]["change"] == f"question {question}: choice government brought back"


def test_question_level_and_several_answers(project, doc):
    project.labels.set_question("tone", level="interval")
    assert project.codebook.label("tone").level == "interval"
    project.labels.set_question("tone", multiple=True)
    project.answers.set(doc, "ana", "tone", "negative|neutral")
    with pytest.raises(CodebookError, match="1 answer to .* holds several choices"):
        project.labels.set_question("tone", multiple=False)
    with pytest.raises(CodebookError, match="unknown level"):
        project.labels.set_question("tone", level="loud")
    with pytest.raises(CodebookError, match="span label, not a document question"):
        project.labels.add_choice("hedge", "Maybe")


def test_the_last_offered_choice_cannot_be_retired(project):
    question = project.labels.create("Single", kind="document").labels[0]
    project.labels.delete_choice(question, "yes")
    project.labels.retire_choice(question, "unsure")
    with pytest.raises(CodebookError, match="last choice"):
        project.labels.retire_choice(question, "no")


def test_span_attributes_are_added_edited_reordered_retired_and_deleted(project, doc):
    before = [a.id for a in project.codebook.attributes()]
    change = project.codebook.add_attribute("Target", type="choice", choices=["Unions", "Government"],
                                            labels=["loaded_term"], name_fr="Cible")
    target = change.details["attribute"]
    attr = next(a for a in project.codebook.attributes() if a.id == target)
    assert (attr.id, attr.choices, attr.labels, attr.name_fr) == ("target", ["unions", "government"],
                                                                  ["loaded_term"], "Cible")
    project.codebook.edit_attribute(target, name="Who is targeted", choices=["Unions", "Government", "Employers"])
    project.codebook.move_attribute(target, 0)
    assert [a.id for a in project.codebook.attributes()] == ["target"] + before
    start = TEXT.index("disaster")
    project.spans.add(Span(document_id=doc, annotator="ana", label_id="loaded_term", start=start, end=start + 8,
                           text="disaster", attributes={"target": "government"}))
    with pytest.raises(CodebookError, match="spans hold government"):
        project.codebook.edit_attribute(target, choices=["Unions"])
    with pytest.raises(CodebookError, match="1 span holds a value for 'Who is targeted'; retire it instead"):
        project.codebook.remove_attribute(target)
    project.codebook.retire_attribute(target)
    assert next(a for a in project.codebook.attributes() if a.id == target).retired
    spare = project.codebook.add_attribute("Spare").details["attribute"]
    project.codebook.remove_attribute(spare)
    assert spare not in [a.id for a in project.codebook.attributes()]
    with pytest.raises(CodebookError, match="give it at least one choice"):
        project.codebook.add_attribute("Empty", type="choice")
    # the codebook file keeps retired attributes and choices
    book = codebook_from_dict(codebook_to_dict(project.codebook.current()))
    assert next(a for a in book.attributes if a.id == target).retired


def test_importing_a_preset_keeps_the_codebook_name_and_keys_and_shows_every_choice_change(project, doc):
    project.labels.rename("hedge", "Softener")
    project.labels.set_shortcut("hedge", "j")
    project.answers.set(doc, "ana", "tone", "negative")
    data = codebook_to_dict(load_preset("framing-devices"))
    data["name"] = "Another codebook"
    tone = next(q for q in data["questions"] if q["id"] == "tone")
    tone["choices"] = [{"id": "hostile", "name": "Hostile"}, {"id": "neutral", "name": "Even-handed"}]
    data["labels"].append({"id": "irony", "name": "Irony", "shortcut": "j"})  # j is the project's Hedge's
    name = project.codebook.current().name
    preview = project.codebook.preview_import(codebook_from_dict(data))
    lines = [d.line() for d in preview.differences]
    assert "hedge: name 'Softener' -> 'Hedge'" in lines
    assert "tone: choice 'hostile' added (Hostile)" in lines
    assert "tone: choice 'neutral' renamed 'Neutral' -> 'Even-handed'" in lines
    assert "tone: choice 'positive' removed (Positive)" in lines
    assert "tone: choice 'negative' removed (Negative)" not in lines  # an answer uses it: kept
    assert any("keeps its name" in note for note in preview.notes)
    assert any("'irony' does not take the shortcut 'j' from label 'hedge'" in n for n in preview.notes)
    report = project.codebook.import_book(codebook_from_dict(data)).details["report"]
    assert report.as_dict() == preview.as_dict()
    assert project.codebook.current().name == name
    assert project.codebook.label("irony").shortcut == ""
    assert project.codebook.label("hedge").shortcut == "h"  # the file gives hedge back its key, which is free
    assert [c.id for c in project.codebook.label("tone").choices] == ["hostile", "neutral", "negative", "unsure"]
