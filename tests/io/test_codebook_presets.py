"""The shipped codebook presets: each loads, validates, is bilingual and keeps its ids."""

from __future__ import annotations

import json

import pytest

from annotator.core.codebook import UNSURE_CHOICE, codebook_from_dict, codebook_to_dict
from annotator.core.colours import COLOUR_BLIND_SAFE, readable
from annotator.io.codebook_files import list_presets, load_codebook, load_preset, save_codebook
from annotator.core.errors import CodebookError

# The ids each preset ships, in order. Projects and exported datasets refer to these ids,
# so a change here must be deliberate (and a label never loses its id: rename it instead).
PINNED_IDS = {
    "framing-devices": [
        "scare_quote", "direct_quote", "cited_name", "attribution", "reporting_verb", "reporting_verb.neutral",
        "reporting_verb.loaded", "loaded_term", "naming", "distancing", "hedge", "intensifier", "agentless_passive",
        "source_mention", "source_type", "tone",
    ],
    "policy-frames": [
        "economic", "capacity_and_resources", "morality", "fairness_and_equality",
        "legality_constitutionality_and_jurisprudence", "policy_prescription_and_evaluation",
        "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
        "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation", "other",
        "primary_frame", "tone",
    ],
    "semeval-2023-task3": [
        "attack_on_reputation", "name_calling", "guilt_by_association", "doubt", "appeal_to_hypocrisy",
        "questioning_the_reputation",
        "justification", "flag_waving", "appeal_to_authority", "appeal_to_popularity", "appeal_to_values",
        "appeal_to_fear",
        "distraction", "straw_man", "red_herring", "whataboutism",
        "simplification", "causal_oversimplification", "false_dilemma", "consequential_oversimplification",
        "call", "slogans", "conversation_killer", "appeal_to_time",
        "manipulative_wording", "loaded_language", "obfuscation", "exaggeration_minimisation", "repetition",
        "genre", "frames",
    ],
    "entman": ["problem_definition", "causal_interpretation", "moral_evaluation", "treatment_recommendation"],
    "basil": ["lexical_bias", "informational_bias"],
}
PINNED_ATTRIBUTES = {
    "framing-devices": ["speaker", "stance", "source_kind"],
    "policy-frames": [],
    "semeval-2023-task3": [],
    "entman": ["frame_sponsor"],
    "basil": ["target", "polarity", "aim", "in_quote", "speaker"],
}
POLICY_DIMENSIONS = PINNED_IDS["policy-frames"][:15]


def test_the_expected_presets_ship():
    assert sorted(list_presets()) == sorted(PINNED_IDS)


@pytest.mark.parametrize("preset", sorted(PINNED_IDS))
def test_preset_loads_without_warnings_and_keeps_its_ids(preset):
    book = load_preset(preset)
    assert book.id == preset
    assert book.warnings == []
    assert [label.id for label in book.labels] == PINNED_IDS[preset]
    assert [attr.id for attr in book.attributes] == PINNED_ATTRIBUTES[preset]


@pytest.mark.parametrize("preset", sorted(PINNED_IDS))
def test_preset_is_bilingual_sourced_and_colour_blind_safe(preset):
    book = load_preset(preset)
    assert book.source and book.name_fr and book.description and book.description_fr
    for label in book.labels:
        assert label.name_fr and label.description and label.description_fr, label.id
        if label.kind == "span":
            assert label.color in COLOUR_BLIND_SAFE, label.id
            assert readable(label.color), f"{label.id}: {label.color} is too pale on white"
        for choice in label.choices:
            assert choice.name_fr, f"{label.id}.{choice.id}"
    for attr in book.attributes:
        assert attr.name_fr and attr.description and attr.description_fr, attr.id
        assert all(c.name_fr for c in attr.choice_details if attr.type == "choice"), attr.id


@pytest.mark.parametrize("preset", sorted(PINNED_IDS))
def test_preset_shortcuts_are_single_distinct_keys(preset):
    keys = [label.shortcut.lower() for label in load_preset(preset).labels if label.shortcut]
    assert keys and all(len(key) == 1 for key in keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("preset", sorted(PINNED_IDS))
def test_preset_survives_a_write_and_read(preset, tmp_path):
    book = load_preset(preset)
    save_codebook(book, tmp_path / "copy.json")
    again = load_codebook(tmp_path / "copy.json")
    assert again.labels == book.labels and again.attributes == book.attributes


def test_policy_frames_dimensions_are_labels_and_primary_frame_choices():
    book = load_preset("policy-frames")
    assert [label.id for label in book.span_labels] == POLICY_DIMENSIONS
    assert [label.code for label in book.span_labels] == [str(n) for n in range(1, 16)]
    primary = book.label("primary_frame")
    assert not primary.multiple
    assert [c.id for c in primary.choices] == POLICY_DIMENSIONS + [UNSURE_CHOICE.id]
    tone = book.label("tone")
    assert tone.level == "ordinal"
    assert [c.id for c in tone.choices][:5] == [
        "anti_explicit", "anti_implicit", "neutral", "pro_implicit", "pro_explicit"]


def test_semeval_has_6_groups_of_23_techniques_and_14_frames():
    book = load_preset("semeval-2023-task3")
    groups = [label for label in book.span_labels if label.parent is None]
    techniques = [label for label in book.span_labels if label.parent is not None]
    assert len(groups) == 6 and len(techniques) == 23
    sizes = {group.id: sum(1 for t in techniques if t.parent == group.id) for group in groups}
    assert sizes == {"attack_on_reputation": 5, "justification": 5, "distraction": 3,
                     "simplification": 3, "call": 3, "manipulative_wording": 4}
    assert all(t.color == book.label(t.parent).color for t in techniques)
    assert len({t.code for t in techniques}) == 23 and all(t.code for t in techniques)
    assert [c.id for c in book.label("genre").choices] == ["opinion", "reporting", "satire", UNSURE_CHOICE.id]
    frames = book.label("frames")
    assert frames.multiple
    assert [c.id for c in frames.choices] == POLICY_DIMENSIONS[:14] + [UNSURE_CHOICE.id]
    assert sum(1 for t in techniques if t.shortcut) < 23  # only the most used get a key


def test_basil_attributes_cover_both_bias_types():
    book = load_preset("basil")
    for attr_id in ("target", "polarity", "aim"):
        assert book.attribute(attr_id).labels == ["lexical_bias", "informational_bias"]
    assert book.attribute("target").type == "entity"
    assert book.attribute("polarity").choices == ["positive", "negative"]
    assert book.attribute("aim").choices == ["direct", "indirect"]


def test_framing_devices_speaker_and_stance_reach_the_source_label():
    book = load_preset("framing-devices")
    assert "source_mention" in book.attribute("speaker").labels
    assert "reporting_verb.loaded" in book.attribute("stance").labels
    kinds = book.attribute("source_kind").choices
    assert set(c.id for c in book.label("source_type").choices) - {UNSURE_CHOICE.id} <= set(kinds)


def test_a_bad_file_names_the_file_and_the_field(tmp_path):
    data = codebook_to_dict(load_preset("entman"))
    data["labels"][2]["color"] = "green"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert str(path) in message and "labels[2] (moral_evaluation): field 'color'" in message
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CodebookError, match="is not valid JSON"):
        load_codebook(path)
    assert codebook_from_dict(codebook_to_dict(load_preset("entman"))).id == "entman"
