"""Lexical cues, the lexicon files (shipped and edited), and mapping kinds onto codebook labels."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from annotator.core.model import AttributeDef, Label
from annotator.io.codebook_files import load_preset
from annotator.suggest import (
    KINDS, LexiconError, kind_labels, label_for_kind, load_lexicons, span_attributes, suggest, with_codebook_labels,
)
from annotator.suggest.lexicons import lexicons_dir


def texts(text, kind, **options):
    return [s.text for s in suggest(text, **options) if s.kind == kind]


def test_hedges_in_both_languages():
    assert texts("Parler pourrait ne pas être disponible, potentiellement longtemps.", "hedge", language="fr") == [
        "pourrait", "potentiellement"]
    assert texts("The firm may prefer to settle; it could possibly lose.", "hedge", language="en") == [
        "may", "could", "possibly"]


def test_match_case_term_may_is_not_the_month():
    assert texts("In May the board met.", "hedge", language="en") == []


def test_intensifiers():
    assert texts("Une très vive opposition et un véritable racket.", "intensifier", language="fr") == ["très", "véritable"]
    assert texts("A massive, utterly avoidable failure.", "intensifier", language="en") == ["massive", "utterly"]


def test_distancing_labels_and_not_followed_by():
    assert texts("Le soi-disant « bouclier » et la prétendue réforme.", "distancing", language="fr") == [
        "soi-disant", "prétendue"]
    assert texts("The alleged fraud was supposedly small; they were supposed to pay.", "distancing",
                 language="en") == ["alleged", "supposedly"]


def test_alleged_as_reporting_verb_is_not_also_distancing():
    found = suggest("The company alleged that the union had lied.", language="en")
    assert [s.text for s in found if s.kind == "reporting_verb.loaded"] == ["alleged"]
    assert [s for s in found if s.kind == "distancing"] == []


def test_default_loaded_terms_and_project_terms():
    text = "Les tyrans de Big Tech et le racket des plateformes ; la gentrification avance."
    assert texts(text, "loaded_term", language="fr") == ["tyrans", "Big Tech", "racket"]
    found = texts(text, "loaded_term", language="fr", loaded_terms=["gentrification"], removed_terms=["racket"])
    assert found == ["tyrans", "Big Tech", "gentrification"]


def test_prefix_loaded_term():
    assert texts("Une tyrannie, des tyranneaux.", "loaded_term", language="fr", loaded_terms=["tyrann*"]) == [
        "tyrannie", "tyranneaux"]


def test_multiword_terms_do_not_span_punctuation():
    assert texts("C’est une écologie. Punitive, dit-on.", "loaded_term", language="fr") == []
    assert texts("Une écologie\u00a0punitive.", "loaded_term", language="fr") == ["écologie\u00a0punitive"]


def test_kinds_filter():
    found = suggest("« Non », dit-il, très fâché.", language="fr", kinds=["intensifier"])
    assert {s.kind for s in found} == {"intensifier"}


def test_shipped_lexicons_load_and_cover_inflected_forms():
    lexicons = load_lexicons()
    forms = {form for form, _ in lexicons.verbs["fr"].entries}
    assert {"déclaré", "déclarait", "prétendent", "reconnaît", "s’inquiète", "s’est inquiétée", "fait valoir"} <= forms
    assert {"said", "claimed", "conceded", "admitted"} <= {f for f, _ in lexicons.verbs["en"].entries}
    classes = {(e.lemma, e.verb_class) for _, e in lexicons.verbs["fr"].entries + lexicons.verbs["en"].entries}
    assert {("dire", "neutral"), ("prétendre", "loaded"), ("avouer", "loaded"), ("say", "neutral"),
            ("claim", "loaded"), ("concede", "loaded")} <= classes
    for name, kind in (("hedges.json", "hedge"), ("distancing.json", "distancing"), ("loaded-terms.json", "loaded_term")):
        data = json.loads((lexicons_dir() / name).read_text(encoding="utf-8"))
        assert data["kind"] == kind and data["terms"]["fr"] and data["terms"]["en"]


def _copy_lexicons(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicons_dir(), folder)
    return folder


def test_an_edited_lexicon_is_read_again(tmp_path):
    folder = _copy_lexicons(tmp_path)
    text = "Une décision courageuse."
    assert texts(text, "loaded_term", language="fr", lexicons=load_lexicons(folder)) == []
    path = folder / "loaded-terms.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["terms"]["fr"].append("courageuse")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert texts(text, "loaded_term", language="fr", lexicons=load_lexicons(folder)) == ["courageuse"]


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(format="other"), "field 'format'"),
    (lambda d: d["entries"][0].update({"class": "angry"}), "entry 1 (dire): field 'class'"),
    (lambda d: d["entries"][0].update(forms="dit"), "entry 1 (dire): field 'forms'"),
])
def test_a_broken_lexicon_is_refused_with_file_and_field(tmp_path, change, message):
    folder = _copy_lexicons(tmp_path)
    path = folder / "reporting-verbs-fr.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicons(folder)
    assert "reporting-verbs-fr.json" in str(info.value) and message in str(info.value)


def test_invalid_json_lexicon(tmp_path):
    folder = _copy_lexicons(tmp_path)
    (folder / "hedges.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="hedges.json: is not valid UTF-8 JSON"):
        load_lexicons(folder)


def test_kinds_map_onto_the_default_codebook():
    mapping = kind_labels(load_preset("framing-devices").labels)
    assert mapping["scare_quote"] == "scare_quote"
    assert mapping["reporting_verb.loaded"] == "reporting_verb.loaded"
    assert mapping["loaded_term"] == "loaded_term"
    assert mapping["distancing"] == "distancing"
    retired = [l for l in load_preset("framing-devices").labels if l.id != "distancing"]
    assert kind_labels(retired)["distancing"] is None
    assert set(mapping) == set(KINDS)


def test_mapping_falls_back_to_parent_id_and_label_names():
    labels = [Label(id="reporting_verb", name="Reporting verb"), Label(id="sq", name="Scare quotes"),
              Label(id="old", name="Hedge", retired=True), Label(id="q", name="Quote", kind="document")]
    assert label_for_kind("reporting_verb.loaded", labels) == "reporting_verb"
    assert label_for_kind("scare_quote", labels) == "sq"
    assert label_for_kind("hedge", labels) is None, "retired labels are not offered"
    assert label_for_kind("direct_quote", labels) is None, "document questions are not span labels"


def test_with_codebook_labels_and_speaker_attribute():
    found = suggest("« Non », a déclaré M. Matze.", language="fr")
    mapped = with_codebook_labels(found, [Label(id="direct_quote", name="Direct quote")])
    assert {s.kind: s.label_id for s in mapped} == {"direct_quote": "direct_quote", "attribution": "",
                                                   "reporting_verb.neutral": ""}
    quote = next(s for s in mapped if s.kind == "direct_quote")
    speaker = AttributeDef(id="speaker", name="Speaker", type="entity", labels=["direct_quote"])
    assert span_attributes(quote, "direct_quote", [speaker]) == {"speaker": "M. Matze"}
    assert span_attributes(quote, "scare_quote", [speaker]) == {}


def test_an_edited_quote_cue_is_read_again(tmp_path):
    folder = _copy_lexicons(tmp_path)
    text = "Elle dirige une gazette « Les Nouvelles du lac » depuis cet été."
    assert [s.kind for s in suggest(text, language="fr", lexicons=load_lexicons(folder))
            if s.text == "Les Nouvelles du lac"] == ["cited_name"]  # a short capitalised phrase, weakly
    path = folder / "quote-cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["mention"]["fr"].append("gazette")  # absurd on purpose: the file decides
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert [s.kind for s in suggest(text, language="fr", lexicons=load_lexicons(folder))
            if s.text == "Les Nouvelles du lac"] == ["scare_quote"]


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(naming=["slogan"]), "field 'naming' must map a language"),
    (lambda d: d["mention"].update(fr="mot"), "mention['fr'] must be a list of words"),
])
def test_a_broken_quote_cue_lexicon_is_refused(tmp_path, change, message):
    folder = _copy_lexicons(tmp_path)
    path = folder / "quote-cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicons(folder)
    assert "quote-cues.json" in str(info.value) and message in str(info.value)


def test_a_missing_quote_cue_lexicon_is_named(tmp_path):
    folder = _copy_lexicons(tmp_path)
    (folder / "quote-cues.json").unlink()
    with pytest.raises(LexiconError, match="quote-cues.json: lexicon file is missing"):
        load_lexicons(folder)


def test_cited_names_map_onto_their_own_label():
    labels = load_preset("framing-devices").labels
    assert kind_labels(labels)["cited_name"] == "cited_name"
    cited = next(label for label in labels if label.id == "cited_name")
    assert (cited.name, cited.name_fr, cited.shortcut) == ("Cited name", "Nom cité", "c")
    assert label_for_kind("cited_name", [Label(id="title", name="Cited names")]) == "title"
    assert label_for_kind("cited_name", [Label(id="direct_quote", name="Direct quote")]) is None
