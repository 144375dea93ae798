"""The model in the project: what it learns from, its recommendations as suggestions, accepted with their own origin."""

from __future__ import annotations


import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Document
from annotator.services import recommending, suggestions
from annotator.services.recommendations import apply_recommendations, pending_recommendations, stored_models_for
from tests.services.labelled_project import fill_project


@pytest.fixture
def trained(project):
    """12 articles coded by alice and bob, 4 left for the model; the model trained and stored."""
    ids, articles = fill_project(project, 16, coded=12)
    models = recommending.train_project(project)
    return ids, articles, models


def test_what_the_model_learns_from(project):
    ids, articles = fill_project(project, 6, coded=3, annotators=("alice",))
    # bob marked an article done without a span: it teaches that nothing is there; his answer elsewhere
    # (no span, not done) teaches the tone only.
    project.assignments.set_status("bob", ids[3], "done")
    project.answers.set(ids[4], "bob", "tone", "negative")
    # gold spans and retired labels are not learnt from
    project.adjudication.add_span(ids[5], "loaded_term", 0, 3)
    project.labels.retire("hedge")
    training = recommending.training_set(project)
    coded = {(d.id, bool(d.spans)) for d in training.spans}
    assert coded == {(ids[0], True), (ids[1], True), (ids[2], True), (ids[3], False)}
    assert all(label != "hedge" for d in training.spans for *_, label in d.spans)
    assert sorted(doc for doc, _, _ in training.answers["tone"]) == sorted(ids[:3] + [ids[4]])
    assert training.span_articles == 4
    # Under blind coding an annotator learns from their own work only.
    project.team.set_role("alice", "annotator")
    project.team.set_blind_coding(True)
    project.team.identify("bob")  # bob is the one working (the app says who; blind coding hides the others)
    assert recommending.training_scope(project, "bob") == "bob"
    assert {d.id for d in recommending.training_set(project, "bob").spans} == {ids[3]}
    assert recommending.training_set(project, "carol").spans == []  # nobody of that name yet
    project.team.set_blind_coding(False)
    assert recommending.training_scope(project, "bob") == ""


def test_too_few_annotations_say_what_is_needed(project):
    fill_project(project, 4, coded=2)
    with pytest.raises(ProjectError, match="at least 3 articles"):
        recommending.train_project(project)


def test_recommendations_join_the_suggestions_once(project, trained):
    ids, articles, models = trained
    document = project.documents.get(ids[13])
    setup = suggestions.detector_setup(project, models)
    found = suggestions.suggestions_for(document, setup)
    detected = suggestions.detect(document, setup)
    recommended = recommending.recommend_spans(document, models, setup.labels)
    model_only = [s for s in found if s.origin == "recommender"]
    assert model_only and all(s.kind == f"recommender:{s.label_id}" and 0.5 <= s.confidence <= 1 for s in model_only)
    detector_places = {(s.label_id, s.start, s.end) for s in detected}
    assert {(s.label_id, s.start, s.end) for s in model_only} == \
        {(s.label_id, s.start, s.end) for s in recommended} - detector_places
    assert len(found) == len(detected) + len(model_only)
    agreed = [s for s in found if s.origin == "suggestion" and "the model agrees" in s.why]
    assert len(agreed) == len(recommended) - len(model_only)
    # Asking for one recommendation kind runs no detector.
    kind = model_only[0].kind
    assert {s.kind for s in suggestions.suggestions_for(document, setup, [kind])} == {kind}
    # Without the model, the detectors' suggestions only.
    assert suggestions.suggestions_for(document, suggestions.detector_setup(project)) == detected


def test_accept_reject_and_undo_a_recommendation(project, trained):
    ids, articles, models = trained
    doc_id = ids[14]
    setup = suggestions.detector_setup(project, models)
    first, second = [s for s in suggestions.pending(project, doc_id, "carol", setup=setup)
                     if s.origin == "recommender"][:2]
    change = suggestions.accept(project, doc_id, "carol", [first])
    (span,) = project.spans.of_document(doc_id, "carol")
    assert change.spans == [span.id]
    assert (span.origin, span.label_id, span.start, span.end) == ("recommender", first.label_id, first.start, first.end)
    project.suggestions.reject_one(doc_id, "carol", second)
    pending = suggestions.pending(project, doc_id, "carol", setup=setup)
    assert first.key not in {s.key for s in pending} and second.key not in {s.key for s in pending}
    project.suggestions.forget(doc_id, "carol", [first.key, second.key])  # undo
    pending = {s.key for s in suggestions.pending(project, doc_id, "carol", setup=setup)}
    assert {first.key, second.key} <= pending and project.spans.of_document(doc_id, "carol") == []
    # The origin shows in the agreement data as in exports.
    suggestions.accept(project, doc_id, "carol", [first])
    data = project.agreement.data(annotators=["carol"])
    assert [s.origin for d in data.documents for s in d.spans] == ["recommender"]


def test_apply_the_sure_recommendations(project, trained):
    ids, articles, models = trained
    models = stored_models_for(project, "carol")
    found = list(pending_recommendations(project, "carol", ids[12:], models))
    assert found and all(a.question == "tone" and a.confidence >= 0.5 for f in found for a in f.answers)
    sure = sum(1 for f in found for s in f.spans if s.confidence >= 0.9)
    done = [apply_recommendations(project, "carol", f, 0.9) for f in found]
    assert sum(d.spans for d in done) == sure > 0
    spans = [s for doc in ids[12:] for s in project.spans.of_document(doc, "carol")]
    assert len(spans) == sure and {s.origin for s in spans} == {"recommender"}
    answered = [a for doc in ids[12:] for a in project.answers.find(doc, "carol")]
    assert len(answered) == sum(d.answers for d in done)
    again = list(pending_recommendations(project, "carol", ids[12:], models, min_confidence=0.9))
    assert all(not f.answers or all(a.question not in {x.question for x in answered if x.document_id == f.document_id}
                                    for a in f.answers) for f in again)
    assert all(s.confidence < 0.9 for f in again for s in f.spans) or not again


def test_no_stored_model_is_refused_with_the_command_to_run(project):
    fill_project(project, 2)
    with pytest.raises(ProjectError, match="annotator train"):
        stored_models_for(project, "alice")


def test_the_least_certain_articles_come_first(project, trained):
    ids, articles, models = trained
    # A text with nothing of the sample's vocabulary is where the model knows least... or most: the
    # ranking follows the models' uncertainty, whatever it is.
    odd = project.documents.add([Document(text="Zxq vbn plo. " * 40, title="odd")]).added[0]
    project.assignments.set_status("alice", ids[13], "done")
    ranking = recommending.rank_by_model_uncertainty(project, "alice", models)
    candidates = recommending.ranking_candidates(project, "alice")
    assert ids[13] not in ranking and sorted(ranking) == sorted(candidates) and odd in ranking
    uncertainty = {doc: (models.spans.uncertainty(project.documents.text(doc))
                         + models.questions["tone"].uncertainty(project.documents.text(doc))) / 2 for doc in ranking}
    assert [uncertainty[d] for d in ranking] == sorted(uncertainty.values(), reverse=True)
    assert recommending.ranking_candidates(project, "alice", limit=2) == [d for d in ids if d != ids[13]][:2]
    assert recommending.rank_by_model_uncertainty(project, "alice", models, cancelled=lambda: True) is None
