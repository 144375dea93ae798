"""Suggest framing devices in a text: quotes, scare quotes, cited names, attributions, reporting verbs and lexical cues."""

from __future__ import annotations

from typing import Iterable

from annotator.core.model import Document, Label
from annotator.suggest.attributions import MarkerUse, VerbUse, find_marker_uses, find_verb_uses
from annotator.suggest.classify import QuoteClassifier, same_name_elsewhere
from annotator.suggest.cues import cue_hits, cue_suggestions
from annotator.suggest.labels import with_codebook_labels
from annotator.suggest.lexicons import QUOTE_CUE_CATEGORIES, Lexicons, load_lexicons
from annotator.suggest.model import DEFAULT_LABELS, KINDS, Quotation, Suggestion
from annotator.suggest.quotes import find_hashtags, find_quotations
from annotator.suggest.tokens import Tokens

_FRENCH = frozenset("le la les des et est une dans que qui pour pas sur du au il elle ne".split())
_ENGLISH = frozenset("the and is of to in that it was for on with as by are he she".split())
_CONFIDENCE = {"after_quote": 0.9, "clause": 0.8, "colon": 0.8, "quote": 0.75, "complement": 0.7, "incise": 0.8, "trailing": 0.7,
               "free": 0.65}


def guess_language(tokens: Tokens, sample: int = 3000) -> str | None:
    """"fr" or "en" when the text's common words clearly say so, else None (use both lexicons)."""
    french = english = 0
    for norm in tokens.norms[:sample]:
        french += norm in _FRENCH
        english += norm in _ENGLISH
    if french > 2 * english and french >= 3:
        return "fr"
    if english > 2 * french and english >= 3:
        return "en"
    return None


def _offsets(tokens: Tokens, first: int, last: int) -> tuple[int, int]:
    return tokens.starts[first], tokens.ends[last - 1]


def _speaker_fields(tokens: Tokens, speaker: tuple[int, int] | None) -> dict:
    if not speaker:
        return {}
    start, end = _offsets(tokens, *speaker)
    word = tokens.text[start:end]
    if word.startswith("-"):  # inverted pronoun "-t-il" -> "il"
        start = end - len(word.lstrip("-").split("-")[-1])
    return {"speaker": tokens.text[start:end], "speaker_start": start, "speaker_end": end}


def _verb_fields(tokens: Tokens, use: VerbUse) -> dict:
    start, end = _offsets(tokens, use.first, use.last)
    fields = {"verb": tokens.text[start:end], "verb_start": start, "verb_end": end, "verb_lemma": use.entry.lemma, "verb_class": use.entry.verb_class}
    if use.quote is not None:
        fields.update(quote_start=use.quote.start, quote_end=use.quote.end)
    return fields


def _verb_suggestions(tokens: Tokens, uses: list[VerbUse]) -> list[Suggestion]:
    out: list[Suggestion] = []
    text = tokens.text
    for use in uses:
        common = {**_speaker_fields(tokens, use.speaker), **_verb_fields(tokens, use)}
        confidence = _CONFIDENCE[use.how]
        start, end = _offsets(tokens, *use.span)
        out.append(Suggestion("attribution", start, end, text[start:end], DEFAULT_LABELS["attribution"],
                              confidence, use.why(), **common))
        kind = f"reporting_verb.{use.entry.verb_class}"
        start, end = _offsets(tokens, use.first, use.last)
        out.append(Suggestion(kind, start, end, text[start:end], DEFAULT_LABELS[kind], confidence,
                              f"{use.entry.verb_class} reporting verb «{use.entry.lemma}»: {use.why()}", **common))
    return out


def _marker_suggestions(tokens: Tokens, uses: list[MarkerUse]) -> list[Suggestion]:
    out: list[Suggestion] = []
    text = tokens.text
    for use in uses:
        start, end = tokens.starts[use.first], tokens.ends[use.source[1] - 1]
        if text[start:end].count("(") > text[start:end].count(")") and text[end:end + 1] == ")":
            end += 1
        marker = text[start:tokens.ends[use.last - 1]]
        out.append(Suggestion("attribution", start, end, text[start:end], DEFAULT_LABELS["attribution"], 0.85,
                              f"a source named after «{marker}»", **_speaker_fields(tokens, use.source)))
    return out


def _quote_suggestions(tokens: Tokens, quotes: list[Quotation], classifier: QuoteClassifier) -> list[Suggestion]:
    out: list[Suggestion] = []
    readings = same_name_elsewhere([(quote, classifier.classify(quote)) for quote in quotes], tokens.text)
    for quote, reading in zip(quotes, readings):
        extra = {}
        if reading.use is not None:
            extra = _speaker_fields(tokens, reading.use.speaker)
            verb = _verb_fields(tokens, reading.use)
            extra.update(verb=verb["verb"], verb_start=verb["verb_start"], verb_end=verb["verb_end"],
                         verb_lemma=reading.use.entry.lemma, verb_class=reading.use.entry.verb_class)
        out.append(Suggestion(reading.kind, quote.start, quote.end, tokens.text[quote.start:quote.end],
                              DEFAULT_LABELS[reading.kind], reading.confidence, reading.why,
                              depth=quote.depth, mark=quote.mark, **extra))
    return out


def _hashtag_suggestions(text: str) -> list[Suggestion]:
    return [Suggestion("cited_name", start, end, text[start:end], DEFAULT_LABELS["cited_name"], 0.9, "a hashtag")
            for start, end in find_hashtags(text)]


def suggest(text: str, language: str | None = None, loaded_terms: Iterable[str] = (),
            removed_terms: Iterable[str] = (), kinds: Iterable[str] | None = None,
            lexicons: Lexicons | None = None) -> list[Suggestion]:
    """Every suggestion for `text`, in text order; a pure function of its arguments.

    `language` ("fr", "en" or None to guess) picks the lexicons; `loaded_terms` are a project's own
    loaded terms and `removed_terms` the default ones it switched off; `kinds` restricts the output.
    """
    lexicons = lexicons or load_lexicons()
    tokens = Tokens(text)
    if language not in ("fr", "en"):
        language = guess_language(tokens)
    hits = lexicons.matcher(language, loaded_terms, removed_terms).find(tokens)
    quotes = find_quotations(text)
    uses = find_verb_uses(tokens, hits, quotes, lexicons)
    cues = cue_hits(hits, uses)
    distancing = {hit.last - 1 for hit in cues if hit.cue.category == "distancing"}
    markers = find_marker_uses(tokens, hits)
    quote_cues = [hit for hit in hits if hit.cue.category in QUOTE_CUE_CATEGORIES]
    found = (
        _quote_suggestions(tokens, quotes, QuoteClassifier(tokens, uses, distancing, markers, quote_cues))
        + _hashtag_suggestions(text)
        + _verb_suggestions(tokens, uses)
        + _marker_suggestions(tokens, markers)
        + cue_suggestions(tokens, cues)
    )
    wanted = set(kinds) if kinds is not None else set(KINDS)
    unique: dict[tuple[str, int, int], Suggestion] = {}
    for suggestion in found:
        if suggestion.kind in wanted and suggestion.key not in unique:
            unique[suggestion.key] = suggestion
    return sorted(unique.values(), key=lambda s: (s.start, -s.end, s.kind))


def suggest_for_document(document: Document, labels: Iterable[Label] | None = None,
                         loaded_terms: Iterable[str] = (), removed_terms: Iterable[str] = (),
                         kinds: Iterable[str] | None = None) -> list[Suggestion]:
    """Suggestions for a stored document, in its language, with label ids from the given codebook labels."""
    found = suggest(document.text, language=document.language[:2].lower() or None,
                    loaded_terms=loaded_terms, removed_terms=removed_terms, kinds=kinds)
    return with_codebook_labels(found, labels) if labels is not None else found

