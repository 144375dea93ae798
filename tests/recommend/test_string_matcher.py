"""The string-matching baseline behaves as INCEpTION's String Matcher: labelled strings found again elsewhere."""

from __future__ import annotations

import pytest

from annotator.recommend import ModelDataError, RecommenderError, StringMatcher


def spans_for(text: str, *marks: tuple[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for phrase, label in marks:
        start = text.index(phrase)
        out.append((start, start + len(phrase), label))
    return out


def test_labels_are_scored_by_their_share_of_the_string():
    a = "Kermit sang. Kermit danced."
    b = "Kermit slept."
    matcher = StringMatcher().fit([
        (a, [(0, 6, "PER"), (13, 19, "PER")]),
        (b, [(0, 6, "OTH")]),
    ])
    found = matcher.predict("Then Kermit left.")
    assert [(p.start, p.end, p.label, round(p.confidence, 2)) for p in found] == [
        (5, 11, "OTH", 0.33), (5, 11, "PER", 0.67)]
    assert [p.label for p in matcher.predict("Then Kermit left.", min_confidence=0.5)] == ["PER"]


def test_longest_match_at_each_token_and_token_boundaries_only():
    text = "A power grab, they said."
    matcher = StringMatcher().fit([(text, spans_for(text, ("power grab", "loaded"), ("grab", "other")))])
    new = "Another power grab and a grab. Grabbing powerful grabs."
    found = [(p.label, p.start, new[p.start:p.end]) for p in matcher.predict(new)]
    # as INCEpTION: each token starts its own longest match, so "grab" inside "power grab" is proposed too;
    # "powerful", "Grabbing" and "grabs" are other words
    assert found == [("loaded", 8, "power grab"), ("other", 14, "grab"), ("other", 25, "grab")]


def test_spaces_are_normalised_and_case_is_kept_by_default():
    text = "the power grab"
    matcher = StringMatcher().fit([(text, spans_for(text, ("power grab", "loaded")))])
    assert len(matcher.predict("a power\n  grab")) == 1
    assert matcher.predict("a Power grab") == []
    assert len(StringMatcher(ignore_case=True).fit([(text, spans_for(text, ("power grab", "loaded")))])
               .predict("a Power grab")) == 1


def test_occurrence_precision_counts_unlabelled_occurrences_in_training_texts():
    text = "The “flexibility” they sell. Flexibility is a word; flexibility again."
    matcher = StringMatcher().fit([(text, spans_for(text, ("flexibility", "scare_quote")))])
    assert matcher.occurrence_precision("flexibility") == pytest.approx(1 / 2)  # "Flexibility" differs by case
    assert matcher.occurrence_precision("never seen") == 1.0


def test_round_trip_and_damaged_data():
    text = "Kermit sang."
    matcher = StringMatcher().fit([(text, [(0, 6, "PER")])])
    again = StringMatcher.from_dict(matcher.to_dict())
    assert again.predict("Kermit left.") == matcher.predict("Kermit left.")
    with pytest.raises(ModelDataError):
        StringMatcher.from_dict({"ignore_case": False, "strings": [["Kermit", {"PER": "many"}, 0, 0]]})


def test_bad_examples_are_refused_with_the_example_number():
    with pytest.raises(RecommenderError, match="example 2"):
        StringMatcher().fit([("ok", []), ("short", [(0, 99, "x")])])
