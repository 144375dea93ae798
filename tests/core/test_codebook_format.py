"""The codebook JSON format: reading versions 1 and 2, writing, and messages for bad input."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.codebook import (
    FORMAT_VERSION, SAFE_PALETTE, UNSURE_CHOICE, check_codebook, codebook_from_dict, codebook_to_dict,
)
from annotator.core.codebook_diff import diff_codebooks
from annotator.core.codebook_tree import move_in_tree, new_label_id, next_colour, tree_order
from annotator.core.errors import CodebookError

# A codebook as the first version of the app wrote it (format 1): must keep loading unchanged.
V1_BOOK = {
    "format": "framing-annotator-codebook", "format_version": 1, "id": "old", "name": "Old book",
    "labels": [
        {"id": "quote", "name": "Quote", "shortcut": "q", "color": "#56B4E9", "examples": ["« dit-il »"]},
        {"id": "quote.direct", "name": "Direct", "parent": "quote", "color": "#0072B2"},
        {"id": "hedge", "name": "Hedge", "shortcut": "Alt+1"},
    ],
    "questions": [
        {"id": "tone", "name": "Tone", "level": "ordinal",
         "choices": [{"id": "neg", "name": "Negative"}, {"id": "pos", "name": "Positive"}]},
    ],
    "attributes": [
        {"id": "stance", "name": "Stance", "type": "choice", "choices": ["for", "against"], "labels": ["quote"]},
        {"id": "speaker", "name": "Speaker", "type": "entity"},
    ],
}


def book_dict(**changes) -> dict:
    data = copy.deepcopy(V1_BOOK)
    data.update(changes)
    return data


def test_version_1_file_loads_with_its_meaning():
    book = codebook_from_dict(V1_BOOK)
    assert [label.id for label in book.labels] == ["quote", "quote.direct", "hedge", "tone"]
    assert book.label("quote.direct").parent == "quote"
    assert book.label("quote").examples == ["« dit-il »"] and book.label("quote").examples_fr == []
    assert book.label("hedge").color == SAFE_PALETTE[2]  # default colour by position
    assert [c.id for c in book.label("tone").choices] == ["neg", "pos", UNSURE_CHOICE.id]
    stance = book.attribute("stance")
    assert stance.choices == ["for", "against"]
    assert [(c.id, c.name) for c in stance.choice_details] == [("for", "for"), ("against", "against")]
    assert book.warnings == []


def test_version_2_fields_are_read_and_written_back():
    data = book_dict(format_version=2)
    data["labels"][0].update(examples_fr=["a-t-il dit"], code="Q1")
    data["questions"][0]["choices"][0].update(description_fr="Négatif", code="17")
    data["attributes"][0] = {
        "id": "stance", "name": "Stance", "type": "choice", "multiple": True, "description_fr": "Position",
        "choices": [{"id": "for", "name": "For", "name_fr": "Pour"}, "against"], "labels": ["quote"],
    }
    book = codebook_from_dict(data)
    assert book.label("quote").examples_fr == ["a-t-il dit"] and book.label("quote").code == "Q1"
    assert book.label("tone").choices[0].code == "17"
    stance = book.attribute("stance")
    assert stance.multiple and stance.choices == ["for", "against"]
    assert stance.choice_details[0].name_fr == "Pour"
    again = codebook_from_dict(json.loads(json.dumps(codebook_to_dict(book))))
    assert again.labels == book.labels and again.attributes == book.attributes


def test_written_files_carry_the_current_format_version():
    out = codebook_to_dict(codebook_from_dict(V1_BOOK))
    assert out["format_version"] == FORMAT_VERSION == 2
    assert out["attributes"][0]["choices"] == ["for", "against"]  # plain choices stay plain


def test_unknown_fields_are_reported_with_a_guess_not_fatal():
    data = book_dict()
    data["labels"][0]["shorcut"] = "x"
    book = codebook_from_dict(data)
    assert len(book.warnings) == 1
    assert "labels[0] (quote): field 'shorcut'" in book.warnings[0]
    assert "did you mean 'shortcut'" in book.warnings[0]


@pytest.mark.parametrize("mutate, needle", [
    (lambda d: d.pop("id"), "codebook: field 'id' is required"),
    (lambda d: d.update(format_version=3), "field 'format_version' is 3"),
    (lambda d: d.update(format="other"), "field 'format' is 'other'"),
    (lambda d: d.update(labels="quote"), "field 'labels' must be a list"),
    (lambda d: d.update(labels=[], questions=[]), "field 'labels' must hold at least one label"),
    (lambda d: d["labels"][0].update(name=""), "labels[0] (quote): field 'name' is required"),
    (lambda d: d["labels"][0].update(id="a b"), "labels[0]: field 'id' 'a b' may use only"),
    (lambda d: d["labels"][0].update(color="red"), "labels[0] (quote): field 'color' 'red' must look like #RRGGBB"),
    (lambda d: d["labels"][0].update(shortcut="qq"), "labels[0] (quote): shortcut 'qq' is not a key the article text catches"),
    (lambda d: d["labels"][0].update(retired="no"), "labels[0] (quote): field 'retired' must be true or false"),
    (lambda d: d["labels"][0].update(examples="one"), "labels[0] (quote): field 'examples' must be a list of texts"),
    (lambda d: d["labels"][0].update(code=3), "labels[0] (quote): field 'code' must be text, not int"),
    (lambda d: d["labels"][1].update(parent="nowhere"), "label 'quote.direct': field 'parent' names unknown label 'nowhere'"),
    (lambda d: d["labels"][0].update(parent="quote.direct"), "field 'parent' makes a cycle"),
    (lambda d: d["labels"][0].update(parent="tone"), "parents must be of the same kind"),
    (lambda d: d["labels"][1].update(shortcut="Q"), "shortcut 'q' is already used by 'quote'"),
    (lambda d: d["labels"].append({"id": "quote", "name": "Again"}), "label id 'quote' is used twice"),
    (lambda d: d["questions"][0].update(choices=[]), "questions[0] (tone): field 'choices' must be a non-empty list"),
    (lambda d: d["questions"][0].update(level="loud"), "questions[0] (tone): field 'level' must be one of"),
    (lambda d: d["questions"][0]["choices"].append({"id": "neg", "name": "Again"}), "choice ids must be unique"),
    (lambda d: d["questions"][0]["choices"][0].pop("name"), "questions[0] (tone).choices[0]: field 'name' is required"),
    (lambda d: d["attributes"][0].update(type="number"), "attributes[0] (stance): field 'type' must be one of"),
    (lambda d: d["attributes"][0].update(choices=[]), "attributes[0] (stance): a 'choice' attribute needs"),
    (lambda d: d["attributes"][1].update(choices=["a"]), "attributes[1] (speaker): field 'choices' only fits"),
    (lambda d: d["attributes"][0].update(labels=["ghost"]), "attribute 'stance': field 'labels' names unknown label 'ghost'"),
    (lambda d: d["attributes"][0].update(labels=["tone"]), "attributes belong to span labels"),
    (lambda d: d["attributes"][0].update(multiple="yes"), "attributes[0] (stance): field 'multiple' must be true or false"),
])
def test_invalid_codebooks_name_the_field_and_the_problem(mutate, needle):
    data = book_dict()
    mutate(data)
    with pytest.raises(CodebookError) as caught:
        codebook_from_dict(data)
    assert needle in str(caught.value)


def test_a_retired_label_may_share_a_shortcut():
    data = book_dict()
    data["labels"][1].update(shortcut="q", retired=True)
    assert codebook_from_dict(data).label("quote.direct").shortcut == "q"


def test_not_an_object_is_refused():
    with pytest.raises(CodebookError, match="must be a JSON object"):
        codebook_from_dict(["labels"])


def test_tree_order_puts_parents_first_and_keeps_every_label():
    book = codebook_from_dict(V1_BOOK)
    labels = list(reversed(book.labels))
    for i, label in enumerate(labels):
        label.position = i
    ordered = tree_order(labels)
    assert [label.id for label in ordered] == ["hedge", "quote", "quote.direct", "tone"]
    assert [label.position for label in ordered] == [0, 1, 2, 3]


@settings(max_examples=60, deadline=None)
@given(moves=st.lists(st.tuples(st.sampled_from(["quote", "quote.direct", "hedge"]),
                                st.sampled_from([None, "quote", "quote.direct", "hedge"]),
                                st.one_of(st.none(), st.integers(-2, 5))), max_size=8))
def test_any_sequence_of_moves_keeps_a_valid_tree(moves):
    book = codebook_from_dict(V1_BOOK)
    labels = book.labels
    for label_id, parent, position in moves:
        try:
            labels = move_in_tree(labels, label_id, parent, position)
        except CodebookError:
            continue
        assert labels[[label.id for label in labels].index(label_id)].parent == parent
    book.labels = labels
    check_codebook(book)
    assert sorted(label.id for label in labels) == ["hedge", "quote", "quote.direct", "tone"]
    assert [label.position for label in labels] == list(range(4))


def test_moves_refuse_cycles_and_kinds():
    labels = codebook_from_dict(V1_BOOK).labels
    with pytest.raises(CodebookError, match="under itself or one of its sub-labels"):
        move_in_tree(labels, "quote", "quote.direct")
    with pytest.raises(CodebookError, match="stay apart"):
        move_in_tree(labels, "hedge", "tone")


def test_new_ids_and_colours():
    labels = codebook_from_dict(V1_BOOK).labels
    assert new_label_id("Loaded term", set()) == "loaded_term"
    assert new_label_id("Étiquette d'été", {"etiquette_d_ete"}) == "etiquette_d_ete_2"
    assert new_label_id("Child", set(), parent="quote") == "quote.child"
    assert next_colour(labels) not in {label.color for label in labels}
    assert next_colour(labels) in SAFE_PALETTE


def test_diff_sorts_labels_by_id():
    old = codebook_from_dict(V1_BOOK)
    data = book_dict()
    data["labels"][0]["name"] = "Quotation"
    data["labels"].pop(2)
    data["labels"].append({"id": "irony", "name": "Irony"})
    diff = diff_codebooks(old, codebook_from_dict(data))
    assert diff.new == ["irony"]
    assert diff.changed == {"quote": ["name"]}
    assert diff.missing == ["hedge"]
    assert set(diff.unchanged) == {"quote.direct", "tone"}
    assert "1 new, 1 changed, 2 unchanged, 1 missing" in diff.summary()[0]
