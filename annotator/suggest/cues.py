"""Lexical cues: hedges, intensifiers, distancing labels and loaded terms found through the lexicons."""

from __future__ import annotations

from annotator.suggest.attributions import VerbUse
from annotator.suggest.lexicons import Hit
from annotator.suggest.model import CUE_KINDS, DEFAULT_LABELS, Suggestion
from annotator.suggest.tokens import Tokens

_CONFIDENCE = {"hedge": 0.6, "intensifier": 0.5, "distancing": 0.8, "loaded_term": 0.6}
_NAMES = {"hedge": "hedges", "intensifier": "intensifiers", "distancing": "distancing labels",
          "loaded_term": "loaded terms"}


def cue_hits(hits: list[Hit], uses: list[VerbUse]) -> list[Hit]:
    """The cue hits to suggest: the longest at each place, none on a word already read as a reporting verb."""
    verb_tokens = {k for use in uses for k in range(use.first, use.last)}
    chosen: list[Hit] = []
    last_end: dict[str, int] = {}
    for hit in sorted((h for h in hits if h.cue.category in CUE_KINDS), key=lambda h: (h.first, -h.last)):
        kind = hit.cue.category
        if kind in ("hedge", "distancing") and any(k in verb_tokens for k in range(hit.first, hit.last)):
            continue
        if hit.last <= last_end.get(kind, -1):
            continue  # inside a longer term of the same kind
        last_end[kind] = hit.last
        chosen.append(hit)
    return chosen


def cue_suggestions(tokens: Tokens, hits: list[Hit]) -> list[Suggestion]:
    """One suggestion per chosen cue hit (see cue_hits)."""
    out: list[Suggestion] = []
    for hit in hits:
        kind, cue = hit.cue.category, hit.cue
        start, end = tokens.starts[hit.first], tokens.ends[hit.last - 1]
        source = "this project's loaded terms" if not cue.language else f"the {_NAMES[kind]} lexicon"
        out.append(Suggestion(kind=kind, start=start, end=end, text=tokens.text[start:end],
                              label_id=DEFAULT_LABELS[kind], confidence=_CONFIDENCE[kind],
                              why=f"«{cue.term}» is in {source}"))
    return out
