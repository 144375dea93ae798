"""Direct quote, scare quote or cited name: how a quotation is used, read from its form and surroundings."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.suggest.attributions import MarkerUse, VerbUse, opens_sentence
from annotator.suggest.lexicons import Hit
from annotator.suggest.model import Quotation
from annotator.suggest.phrases import ADVERBS, DETERMINERS, INDEFINITE_SPEAKERS, PRONOUNS, generic_speaker
from annotator.suggest.tokens import Tokens

LONG_QUOTE_WORDS = 5  # a quote of five words or more reports what someone said
NEAR_VERB_TOKENS = 6  # "qualifie de «…»", "accused the council of a “…”"
REPORTED_CLAUSE_TOKENS = 15  # "a reconnu que la concertation a été « trop courte »"
NAME_WORDS = 6  # a capitalised quotation this short, not a sentence, reads as a name or title
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[«“\"'‘A-ZÀ-ÖØ-Þ]")
_SENTENCE_END = re.compile(r"[.!?…]$")
_HASHTAG = re.compile(r"#\w*[^\W\d_]\w*")
_INDEFINITE = frozenset("a an un une des some".split())
_OF = frozenset("de d' of about sur".split())
# Small words a title leaves in lower case ("Live Above the Shop", « La Fabrique des slogans »).
_TITLE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as vs de du des la le les l' d' et à au aux en pour "
    "sur par avec sans".split()
)
# Words of a speaker's own voice: a capitalised quote with one is a statement, not a name.
_FIRST_AND_SECOND_PERSON = frozenset(
    "je j' me m' moi nous vous tu te t' toi mon ma mes notre nos votre vos i i'm i've i'll me my we we're us our "
    "you your".split()
)
_GENERIC_NAMING = frozenset("call appellent nomment surnomment".split())  # what divers call “urchin barrens”


def _previous_char(text: str, pos: int) -> str:
    """The last non-space character before `pos` ("" at the start)."""
    pos -= 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= 0 else ""


@dataclass(frozen=True)
class QuoteReading:
    """The kind a quotation is given, how sure the detector is, and why.

    `weak` readings (nothing but the quote's form speaks for them) give way when the same words
    are read as a name elsewhere in the text.
    """

    kind: str
    confidence: float
    why: str
    use: VerbUse | None = None
    weak: bool = False


class QuoteClassifier:
    """Classifies the quotations of one text, given its reporting verbs, distancing words and quote cues."""

    def __init__(self, tokens: Tokens, uses: list[VerbUse], distancing_last_tokens: set[int],
                 markers: list[MarkerUse] = (), quote_cues: list[Hit] = ()):
        self.tokens = tokens
        self.uses = sorted(uses, key=lambda u: u.last)
        self.use_lasts = [u.last for u in self.uses]
        self.after = {id(u.quote): u for u in uses if u.quote is not None and u.how == "after_quote"}
        self.introducing = {id(u.quote): u for u in uses if u.quote is not None and u.how in ("quote", "colon")}
        self.distancing = distancing_last_tokens
        self.marker_ends = sorted(((m.source[1], m) for m in markers), key=lambda pair: pair[0])
        self.marker_end_tokens = [end for end, _ in self.marker_ends]
        self.cues: dict[int, set[str]] = {}  # last token of a cue -> its categories
        for hit in quote_cues:
            self.cues.setdefault(hit.last - 1, set()).add(hit.cue.category)

    def _verb_before(self, before: int) -> tuple[VerbUse, str] | None:
        """A reporting verb ending shortly before token `before` in the same sentence."""
        k = bisect_right(self.use_lasts, before + 1)
        for use in reversed(self.uses[max(0, k - 3):k]):
            between = before - use.last + 1
            if between < 0 or not self.tokens.same_sentence(use.last - 1, before):
                continue
            if between <= NEAR_VERB_TOKENS:
                return use, f"introduced by the reporting verb «{self._verb_text(use)}»"
            if use.how in ("clause", "free") and between <= REPORTED_CLAUSE_TOKENS:
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

    def _talked_of(self, p1: int) -> bool:
        """« parler de », "talk about" (adverbs between allowed) just before token p1 + 1."""
        norms = self.tokens.norms
        if norms[p1] not in _OF:
            return False
        k = p1 - 1
        while k >= 0 and norms[k] in ADVERBS:
            k -= 1
        return k >= 0 and "mention_verbs" in self.cues.get(k, set())

    def _named_by(self, p1: int) -> bool:
        """Is "called" / « appelé » at p1 naming ("a program called", "a new assistant called"), not reporting?"""
        norms = self.tokens.norms
        if p1 > 0 and "naming" in self.cues.get(p1 - 1, set()):
            return True
        for k in range(p1 - 1, max(p1 - 4, -1), -1):
            if norms[k] in _INDEFINITE:
                return True
            if norms[k] in PRONOUNS or norms[k] in DETERMINERS or k < p1 - 1 and not self.tokens.word(k)[:1].isalpha():
                return False
        return False

    def _cue_before(self, quote: Quotation, name_like: bool) -> tuple[str, str] | None:
        """What the words right before the quotation say it is: ("mention" | "name" | "chant", the words).

        A naming word separated from the quotation by a comma or colon (« le titre : « X » ») counts
        only for a quotation that looks like a name (`name_like`), not for a statement.
        """
        tokens, text = self.tokens, self.tokens.text
        p1 = tokens.last_ending_by(quote.open)
        if p1 < 0:
            return None
        gap = text[tokens.ends[p1]:quote.open]
        adjacent = not gap.strip(" \u00a0\u202f\t")
        if re.search(r"[.!?…;\n]", gap) or gap.count(",") + gap.count(":") > 1 or not (adjacent or name_like):
            return None
        cues = self.cues.get(p1, set())
        words = tokens.word(p1)
        if adjacent:
            if "mention" in cues:
                return "mention", words
            if self._talked_of(p1):
                return "mention", words  # parler d’« exploit », talk about “transition”
            if "naming_loose" in cues and self._named_by(p1):
                return "name", words  # "a program called “X”", not "she called it “X”"
        if "naming" in cues:
            return "name", words
        for k in range(p1, max(p1 - 3, -1), -1):
            if "chant" in self.cues.get(k, set()):
                return "chant", tokens.word(k)
            if k < p1 and re.search(r"[.!?…;,:\n]", tokens.gap(k + 1)):
                break
        return None

    def _title_case(self, first: int, last: int) -> bool:
        """"Where's My Money?", "Live Above the Shop": two or more words, every long one capitalised."""
        tokens = self.tokens
        if last - first >= 2 * NAME_WORDS or not tokens.is_capitalised(first):
            return False
        words = [k for k in range(first, last + 1) if tokens.word(k)[:1].isalpha()]
        if len(words) < 2 or not tokens.is_capitalised(words[0]):
            return False
        capitalised = [k for k in words if tokens.is_capitalised(k)]
        return len(capitalised) >= 2 and all(tokens.is_capitalised(k) or tokens.norms[k] in _TITLE_SMALL for k in words)

    def _name_like(self, content: str, first: int, last: int, words: int) -> bool:
        """A short capitalised quotation that is not a sentence and not in anyone's voice: « Les Heures claires »."""
        tokens = self.tokens
        if not content[:1].isupper() or words > NAME_WORDS or _SENTENCE_END.search(content):
            return False
        return not any(tokens.norms[k] in _FIRST_AND_SECOND_PERSON for k in range(first, last + 1))

    def _credit(self, quote: Quotation, before: int, at_sentence_start: bool) -> tuple[VerbUse | None, str] | None:
        """The reporting verb or marker that credits a quotation to a source, and why."""
        after = self.after.get(id(quote))
        if before >= 0 and re.search(r"[.!?…\n]", self.tokens.text[self.tokens.ends[before]:quote.open]):
            before = -1  # a quotation opening its own sentence is not credited by the sentence before
        found = self._verb_before(before) if before >= 0 else None
        if after is not None and (at_sentence_start or found is None):
            return after, f"credited by «{self._verb_text(after)}» right after it"
        if found:
            return found
        if before >= 0:
            marker = self._marker_before(before)
            if marker:
                text, tokens = self.tokens.text, self.tokens
                source = text[tokens.starts[marker.first]:tokens.ends[marker.source[1] - 1]]
                return None, f"credited to a source by «{source}»"
        return None

    def _hypothetical(self, use: VerbUse | None) -> str:
        """Why the speech a verb reports is no actual statement ("" when it is one)."""
        if use is None:
            return ""
        if use.hypothetical or (use.conditional and (use.speaker is None or generic_speaker(
                self.tokens, use.speaker, INDEFINITE_SPEAKERS))):
            return f"words put in the mouth of hypothetical speakers («{self._verb_text(use)}»)"
        if generic_speaker(self.tokens, use.speaker):
            return "words put in the mouth of speakers in general"
        if self.tokens.norms[use.last - 1] in _GENERIC_NAMING and use.speaker is not None \
                and self.tokens.norms[use.speaker[0]] not in DETERMINERS:
            return "a term a group uses («call»)"
        return ""

    def classify(self, quote: Quotation) -> QuoteReading:
        """Direct quote (a source's words), scare quote (a term held at a distance) or cited name (a title, slogan...)."""
        tokens, text = self.tokens, self.tokens.text
        content = text[quote.start:quote.end]
        first = tokens.first_at_or_after(quote.start)
        last = tokens.last_ending_by(quote.end)
        words = max(1, last - first + 1)
        before = tokens.last_ending_by(quote.open)
        if _HASHTAG.fullmatch(content):
            return QuoteReading("cited_name", 0.95, "a hashtag")
        if before >= 0 and before in self.distancing and not text[tokens.ends[before]:quote.open].strip():
            return QuoteReading("scare_quote", 0.9, f"after the distancing word «{tokens.word(before)}»")
        name_like = not _SENTENCE_INSIDE.search(content) and not _SENTENCE_END.search(content) and words <= NAME_WORDS
        cue = self._cue_before(quote, name_like)
        if cue and cue[0] == "mention":
            return QuoteReading("scare_quote", 0.85, f"a word quoted as a word, after «{cue[1]}»")
        if cue:
            return QuoteReading("cited_name", 0.85, f"a {'chant' if cue[0] == 'chant' else 'name or title'}, "
                                                    f"after «{cue[1]}»")
        credit = self._credit(quote, before, opens_sentence(text, quote))
        use = credit[0] if credit else None
        after_credit = use is not None and use is self.after.get(id(quote))
        if self._title_case(first, last) and not (after_credit and use.speaker is not None):
            return QuoteReading("cited_name", 0.75, "capitalised like a title or slogan")
        if _SENTENCE_INSIDE.search(content) or (content[:1].isupper() and content[-1:] in ".!?…"):
            return QuoteReading("direct_quote", 0.95, "a full sentence in quotation marks",
                                use or self.introducing.get(id(quote)))
        if words >= LONG_QUOTE_WORDS:
            return QuoteReading("direct_quote", 0.85, f"{words} quoted words: a source's statement",
                                use or self.introducing.get(id(quote)))
        if credit:
            unreal = self._hypothetical(use)
            if unreal:
                return QuoteReading("scare_quote", 0.7, unreal)
            return QuoteReading("direct_quote", 0.8 if after_credit else 0.7, credit[1], use)
        if _previous_char(text, quote.open) == ":":
            if self._name_like(content, first, last, words):
                return QuoteReading("cited_name", 0.55, "a short capitalised phrase after a colon: a name or title",
                                    weak=True)
            return QuoteReading("direct_quote", 0.75, "introduced by a colon", self.introducing.get(id(quote)), weak=True)
        if self._name_like(content, first, last, words):
            return QuoteReading("cited_name", 0.55, "a short capitalised phrase: a name or title", weak=True)
        return QuoteReading("scare_quote", 0.7, f"{words} quoted word{'s' if words > 1 else ''} not credited to a speaker",
                            weak=True)


def same_name_elsewhere(readings: list[tuple[Quotation, QuoteReading]], text: str) -> list[QuoteReading]:
    """The readings again, a weak one becoming a cited name when the same words are read as a name elsewhere."""
    names = {text[q.start:q.end].casefold() for q, r in readings if r.kind == "cited_name" and not r.weak}
    out = []
    for quote, reading in readings:
        if reading.weak and reading.kind != "cited_name" and text[quote.start:quote.end].casefold() in names:
            reading = QuoteReading("cited_name", 0.7, "the same words are cited as a name elsewhere in the text")
        out.append(reading)
    return out
