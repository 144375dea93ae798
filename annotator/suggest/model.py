"""What the detectors return: candidate spans (suggestions) and the quotations they are read from."""

from __future__ import annotations

from dataclasses import dataclass

QUOTE_KINDS = ("direct_quote", "scare_quote", "cited_name")
VERB_KINDS = ("reporting_verb.neutral", "reporting_verb.loaded")
CUE_KINDS = ("hedge", "intensifier", "distancing", "loaded_term")
KINDS = QUOTE_KINDS + ("attribution",) + VERB_KINDS + CUE_KINDS

# The label of the default codebook (resources/codebooks/framing-devices.json) each kind proposes.
DEFAULT_LABELS = {
    "direct_quote": "direct_quote",
    "scare_quote": "scare_quote",
    "cited_name": "cited_name",
    "attribution": "attribution",
    "reporting_verb.neutral": "reporting_verb.neutral",
    "reporting_verb.loaded": "reporting_verb.loaded",
    "hedge": "hedge",
    "intensifier": "intensifier",
    "distancing": "",
    "loaded_term": "loaded_term",
}


@dataclass(frozen=True)
class Suggestion:
    """A candidate span: `text` is exactly text[start:end] (code points, end exclusive).

    Quotes (direct_quote, scare_quote, cited_name) cover the quoted words only: never the quotation marks, nor the spaces (NBSP,
    narrow NBSP) inside them, nor a trailing comma that belongs to the sentence ("…,” she said).
    A cited name is a name quoted as a name (a title, slogan, programme or product name), or a
    hashtag, quoted or not. `label_id` is the codebook label proposed (empty when the codebook has none for this kind).
    Attributions also give the speaker span, the verb span and its class, and the quote they credit;
    a direct quote gives the speaker and verb that credit it. The model's recommendations travel as
    suggestions too (origin "recommender", a kind of their own per label).
    """

    kind: str
    start: int
    end: int
    text: str
    label_id: str = ""
    confidence: float = 0.5
    why: str = ""
    speaker: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    verb: str = ""
    verb_start: int | None = None
    verb_end: int | None = None
    verb_lemma: str = ""
    verb_class: str = ""
    quote_start: int | None = None
    quote_end: int | None = None
    depth: int = 0
    mark: str = ""
    origin: str = "suggestion"  # the accepted span's origin: "suggestion" (detectors) or "recommender" (the model)

    @property
    def key(self) -> tuple[str, int, int]:
        """What identifies a suggestion across runs: its kind and offsets."""
        return (self.kind, self.start, self.end)


@dataclass(frozen=True)
class Quotation:
    """A pair of matching quotation marks: `open`/`close` index the marks, `start`/`end` the words."""

    open: int
    close: int
    start: int
    end: int
    mark: str  # guillemets, single_guillemets, curly_double, low_double, curly_single, straight_double, straight_single
    depth: int = 0  # 0 for a quote, 1 for a quote inside a quote...
    paragraphs: int = 1  # how many paragraphs the quote runs over
