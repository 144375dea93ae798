"""Tokens in code points (emoji, NBSP, typographic apostrophes) and the features the span model reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.recommend.features import FeatureIndex, base_features, context_matrix
from annotator.recommend.text_features import light_lemma, prepare_text, word_features, word_shape
from annotator.recommend.tokens import tokenize
from annotator.suggest.lexicons import load_lexicons

NBSP = "\u00a0"


def test_tokens_are_code_point_offsets_around_emoji_and_nbsp():
    text = f"🚨👍🏽 Selon l’élu, c’est «{NBSP}la casse{NBSP}» 😡."
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == tokens.forms
    assert tokens.forms == ["🚨", "👍", "🏽", "Selon", "l’", "élu", ",", "c’", "est", "«", "la", "casse", "»",
                            "😡", "."]
    casse = tokens.forms.index("casse")
    assert text[tokens.starts[casse]:tokens.ends[casse]] == "casse"
    assert NBSP not in "".join(tokens.forms)


def test_token_range_covers_every_token_a_span_touches():
    text = "The so-called “reform” was a sham."
    tokens = tokenize(text)
    start = text.index("reform")
    assert tokens.token_range(start, start + 6) == (tokens.forms.index("reform"), tokens.forms.index("reform") + 1)
    assert tokens.token_range(start + 1, start + 3) == (tokens.forms.index("reform"), tokens.forms.index("reform") + 1)
    space = text.index(" ")
    assert tokens.token_range(space, space + 1) is None


def test_sentence_and_paragraph_starts():
    tokens = tokenize("One two. Three\n\nFour")
    firsts = [f for f, first in zip(tokens.forms, tokens.sentence_first) if first]
    assert firsts == ["One", "Three", "Four"]


@given(st.text(alphabet=st.sampled_from(list("ab’' «»“”.,\u00a0\n🚨é")), max_size=40))
def test_tokens_never_overlap_and_cover_every_non_space(text):
    tokens = tokenize(text)
    covered = set()
    previous_end = 0
    for start, end in zip(tokens.starts.tolist(), tokens.ends.tolist()):
        assert previous_end <= start < end <= len(text)
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered


def test_light_lemma_joins_inflections():
    assert light_lemma("pourraient") == light_lemma("pourrait") == "pourr"
    assert light_lemma("claimed") == light_lemma("claims") == "claim"
    assert light_lemma("tyrans") == "tyran"
    assert light_lemma("dit") == "dit"  # too short to strip


def test_word_shape_and_features():
    assert word_shape("Big") == "Xx"
    assert word_shape("so-called") == "x-x"
    assert word_shape("12,000") == "d,d"
    assert word_features("«") == ("w:«", "s:mark")
    assert "l:pourr" in word_features("Pourraient")
    assert word_features("l’")[0] == word_features("l'")[0] == "w:l'"  # one form whatever the apostrophe


def test_cues_mark_lexicon_words_quotes_and_detectors():
    text = "The minister claimed that the so-called “reform” was a power grab."
    prepared = prepare_text(text, load_lexicons())
    tokens = prepared.tokens()
    from annotator.recommend.text_features import cues_of

    cues: dict[str, set[str]] = {}
    for row, name in cues_of(prepared):
        cues.setdefault(tokens.forms[row], set()).add(name)
    assert "lex:verb.loaded" in cues["claimed"]
    assert {"q:in", "q:n=1", "q:first", "q:last"} <= cues["reform"]
    assert "q:mark" in cues["“"]
    assert "lex:distancing" in cues["so-called"]
    assert any(name.startswith("det:scare_quote") for name in cues["reform"])
    assert "lex:loaded_term" in cues["power"] and "lexB:loaded_term" in cues["power"]


def test_neighbours_see_each_other_within_a_text_only():
    lexicons = load_lexicons()
    index = FeatureIndex()
    parts = [base_features(prepare_text(t, lexicons, use_detectors=False), index) for t in ("alpha beta", "gamma")]
    index.frozen = True
    matrix = context_matrix(parts, len(index)).toarray()
    width = len(index)
    alpha, beta, gamma = (index.id(f"w:{w}") for w in ("alpha", "beta", "gamma"))
    # block 2 is the token at offset -1, block 3 the token at offset +1
    assert matrix[0, 3 * width + beta] == 1 and matrix[1, 2 * width + alpha] == 1
    assert matrix[1, 3 * width + gamma] == 0  # "beta" ends its text: "gamma" is not its neighbour
    assert matrix[2, 2 * width + beta] == 0
