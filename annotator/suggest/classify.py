"""Direct quote or scare quote: how a quotation is used, read from its length, form and surroundings."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.suggest.attributions import MarkerUse, VerbUse
from annotator.suggest.model import Quotation
from annotator.suggest.tokens import Tokens

LONG_QUOTE_WORDS = 5  # a quote of five words or more reports what someone said
NEAR_VERB_TOKENS = 6  # "qualifie de «…»", "accused the council of a “…”"
REPORTED_CLAUSE_TOKENS = 15  # "a reconnu que la concertation a été « trop courte »"
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[«“\"'‘A-ZÀ-ÖØ-Þ]")


def _previous_char(text: str, pos: int) -> str:
    """The last non-space character before `pos` ("" at the start)."""
    pos -= 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= 0 else ""


@dataclass(frozen=True)
class QuoteReading:
    """The kind a quotation is given, how sure the detector is, and why."""

    kind: str
    confidence: float
    why: str
    use: VerbUse | None = None


class QuoteClassifier:
    """Classifies the quotations of one text, given its reporting verbs and distancing words."""

    def __init__(self, tokens: Tokens, uses: list[VerbUse], distancing_last_tokens: set[int],
                 markers: list[MarkerUse] = ()):
        self.tokens = tokens
        self.uses = sorted(uses, key=lambda u: u.last)
        self.use_lasts = [u.last for u in self.uses]
        self.after = {id(u.quote): u for u in uses if u.quote is not None and u.how == "after_quote"}
        self.introducing = {id(u.quote): u for u in uses if u.quote is not None and u.how == "quote"}
        self.distancing = distancing_last_tokens
        self.marker_ends = sorted(((m.source[1], m) for m in markers), key=lambda pair: pair[0])
        self.marker_end_tokens = [end for end, _ in self.marker_ends]

    def _verb_before(self, before: int) -> tuple[VerbUse, str] | None:
        """A reporting verb ending shortly before token `before` in the same sentence."""
        k = bisect_right(self.use_lasts, before + 1)
        for use in reversed(self.uses[max(0, k - 3):k]):
            between = before - use.last + 1
            if between < 0 or not self.tokens.same_sentence(use.last - 1, before):
                continue
            if between <= NEAR_VERB_TOKENS:
                return use, f"introduced by the reporting verb «{self._verb_text(use)}»"
            if use.how == "clause" and between <= REPORTED_CLAUSE_TOKENS:
                return use, f"inside speech reported by «{self._verb_text(use)}»"
        return None

    def _marker_before(self, before: int) -> MarkerUse | None:
        """A "selon X" / "according to X" ending shortly before token `before`, same sentence."""
        k = bisect_right(self.marker_end_tokens, before + 1)
        for end, marker in reversed(self.marker_ends[max(0, k - 2):k]):
            if 0 <= before - end + 1 <= NEAR_VERB_TOKENS and self.tokens.same_sentence(end - 1, before):
                return marker
        return None

    def _verb_text(self, use: VerbUse) -> str:
        t = self.tokens
        return t.text[t.starts[use.first]:t.ends[use.last - 1]]

    def classify(self, quote: Quotation) -> QuoteReading:
        """Direct quote (a source's words) or scare quote (a term held at a distance)."""
        tokens, text = self.tokens, self.tokens.text
        content = text[quote.start:quote.end]
        first = tokens.first_at_or_after(quote.start)
        last = tokens.last_ending_by(quote.end)
        words = max(1, last - first + 1)
        if _SENTENCE_INSIDE.search(content) or (content[:1].isupper() and content[-1:] in ".!?…"):
            return QuoteReading("direct_quote", 0.95, "a full sentence in quotation marks", self.after.get(id(quote)))
        if words >= LONG_QUOTE_WORDS:
            return QuoteReading("direct_quote", 0.85, f"{words} quoted words: a source's statement",
                                self.after.get(id(quote)) or self.introducing.get(id(quote)))
        before = tokens.last_ending_by(quote.open)
        if before >= 0 and before in self.distancing and not text[tokens.ends[before]:quote.open].strip():
            return QuoteReading("scare_quote", 0.9, f"after the distancing word «{tokens.word(before)}»")
        if id(quote) in self.after:
            use = self.after[id(quote)]
            return QuoteReading("direct_quote", 0.8, f"credited by «{self._verb_text(use)}» right after it", use)
        if _previous_char(text, quote.open) == ":":
            return QuoteReading("direct_quote", 0.75, "introduced by a colon")
        if before >= 0:
            found = self._verb_before(before)
            if found:
                return QuoteReading("direct_quote", 0.7, found[1], found[0])
            marker = self._marker_before(before)
            if marker:
                source = text[tokens.starts[marker.first]:tokens.ends[marker.source[1] - 1]]
                return QuoteReading("direct_quote", 0.65, f"credited to a source by «{source}»")
        if words >= 3 and all(tokens.is_capitalised(k) for k in range(first, last + 1)):
            return QuoteReading("direct_quote", 0.5, "a capitalised phrase: a slogan, name or title being cited")
        return QuoteReading("scare_quote", 0.7, f"{words} quoted word{'s' if words > 1 else ''} not credited to a speaker")
