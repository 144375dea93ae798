"""The span recommender: per-label token classifiers over lexical and contextual features, plus the string baseline.

Each token of a text is described by its form, light lemma, shape, prefixes and suffixes, the
lexicon phrases and detector suggestions it is part of, whether it sits inside quotation marks (and
how long the quotation is), and the same for its neighbours two tokens either side. For each label,
a logistic regression says whether a token is inside a span of that label, and a second one whether
it begins one; runs of inside tokens become spans whose confidence is the tokens' mean probability.
Strings labelled in the examples are also matched elsewhere (INCEpTION's baseline) where no learned
span of that label lies; their confidence is the geometric mean of the string's (its label's share
times how often it was labelled where it occurred) and the token model's mean probability.

Training hides a share of tokens' own words (and, separately, their lexicon and detector cues), and
a word never seen in training stands as "hidden" at prediction: the model thus learns what context,
shape and suffix say of words it has not seen labelled. Each label's models train on at most
`max_rows_per_label` tokens (whole sentences drawn beyond that, reweighted), which bounds the time.
A recommender keeps its texts' tokens and cues between fits (`cache`), so retraining after one more
annotation only reads the new text.

Stored models (`to_bytes`) are compressed JSON: the feature names, weight arrays and labelled
strings, rebuilt on loading, never unpickled. Fitting is deterministic for given examples and seed
(the same bytes in any process).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable

import numpy as np

from annotator.recommend.examples import FitCancelled, SpanPrediction, checked_span_examples
from annotator.recommend.features import (
    BLOCKS,
    HIDDEN_WORD,
    FeatureIndex,
    base_features,
    context_matrix,
    hide_words,
)
from annotator.recommend.serialise import (
    ModelDataError,
    decode_array,
    encode_array,
    field_of,
    pack,
    settings_from,
    unpack,
)
from annotator.recommend.span_training import fit_label_models
from annotator.recommend.string_matcher import StringMatcher
from annotator.recommend.text_features import TextCache, prepare_text
from annotator.recommend.tokens import TextTokens, tokenize
from annotator.suggest.lexicons import load_lexicons

MODEL_KIND = "span-recommender"
UNCERTAIN_TOKENS = 10  # a text's uncertainty is the mean entropy of its this many most uncertain tokens
EDGE_SHARE = 0.5  # a token with half the threshold's probability may extend a span, not start one


@dataclass(frozen=True)
class SpanSettings:
    """How the span recommender learns; stored with the model."""

    use_detectors: bool = True  # the app's detectors' suggestions as features
    loaded_terms: tuple[str, ...] = ()  # the project's own loaded terms, added to the shipped lexicon
    regularisation: float = 1.0  # C of the logistic regressions (smaller: smoother)
    max_rows_per_label: int = 40_000  # training tokens per label (sentences are sampled beyond it)
    string_matches: bool = True  # also propose other occurrences of labelled strings
    hide_words: float = 0.2  # share of training tokens whose own word is hidden (learn from context too)
    hide_cues: float = 0.1  # share of training tokens whose lexicon and detector cues are hidden
    seed: int = 0


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


def _merge(learned: list[SpanPrediction], matched: list[SpanPrediction]) -> list[SpanPrediction]:
    """The learned spans, and the string matches that overlap no learned span of their label (the most
    confident first among overlapping matches); a match on exactly a learned span lends it its confidence
    when higher."""
    kept = {(s.start, s.end, s.label): s for s in learned}
    taken: dict[str, list[tuple[int, int]]] = {}
    for span in learned:
        taken.setdefault(span.label, []).append((span.start, span.end))
    for span in sorted(matched, key=lambda s: (-s.confidence, s.start, s.end, s.label)):
        key = (span.start, span.end, span.label)
        if key in kept:
            if span.confidence > kept[key].confidence:
                kept[key] = span
            continue
        places = taken.setdefault(span.label, [])
        if all(span.end <= s or span.start >= e for s, e in places):
            places.append((span.start, span.end))
            kept[key] = span
    return sorted(kept.values(), key=lambda s: (s.start, -s.end, s.label))


@dataclass(eq=False)
class SpanRecommender:
    """Learns span labels from labelled texts and proposes spans, with confidences, in new texts."""

    settings: SpanSettings = field(default_factory=SpanSettings)
    labels: list[str] = field(default_factory=list)
    index: FeatureIndex = field(default_factory=FeatureIndex)
    weights: np.ndarray | None = None  # (feature columns, 2 x labels): inside and begin models
    biases: np.ndarray | None = None
    strings: StringMatcher = field(default_factory=StringMatcher)
    cache: TextCache = field(default_factory=TextCache, repr=False)  # prepared texts, kept between fits

    @property
    def fitted(self) -> bool:
        """True once the model has learnt at least one label."""
        return bool(self.labels) and self.weights is not None

    def fit(self, examples: Iterable[Any], cancelled: Callable[[], bool] | None = None) -> SpanRecommender:
        """Learn from (text, [(start, end, label), ...]) examples (code points, end exclusive); returns self.

        No example, or no span, leaves a model that predicts nothing. Raises RecommenderError for
        malformed examples. `cancelled()` (for a fit in the background) is asked between texts and
        between labels; when it answers True, FitCancelled is raised and the model is left unfitted.
        """
        checked = checked_span_examples(examples)
        settings = self.settings
        self.labels = sorted({label for _, spans in checked for *_, label in spans})
        self.index, self.weights, self.biases = FeatureIndex(), None, None
        if not self.labels:
            self.strings = StringMatcher()
            return self
        lexicons = load_lexicons()
        prepared = []
        for text, _ in checked:
            if cancelled is not None and cancelled():
                self.labels = []
                raise FitCancelled()
            prepared.append(self.cache.prepared(text, lexicons, settings.loaded_terms, settings.use_detectors))
        all_tokens = [p.tokens() for p in prepared]
        parts = [base_features(p, self.index) for p in prepared]
        hidden_column = self.index.id(HIDDEN_WORD)
        self.index.frozen = True
        rng = np.random.default_rng(settings.seed)
        parts = [hide_words(part, settings.hide_words, settings.hide_cues, hidden_column, rng) for part in parts]
        inside, begins, sentence_of = self._targets(checked, all_tokens)
        try:
            self.weights, self.biases = fit_label_models(
                lambda keep: context_matrix(parts, len(self.index), keep), inside, begins, sentence_of,
                settings.regularisation, settings.max_rows_per_label, settings.seed, cancelled)
        except FitCancelled:
            self.labels = []
            raise
        self.strings = StringMatcher().fit(checked, all_tokens) if settings.string_matches else StringMatcher()
        return self

    def _targets(self, checked: list, all_tokens: list[TextTokens]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per token of all texts: inside a span of each label, begins one, and its sentence number."""
        total = sum(len(tokens) for tokens in all_tokens)
        column = {label: j for j, label in enumerate(self.labels)}
        inside = np.zeros((total, len(self.labels)), dtype=bool)
        begins = np.zeros_like(inside)
        sentence_of = np.zeros(total, dtype=np.int64)
        offset = sentences = 0
        for (_, spans), tokens in zip(checked, all_tokens):
            n = len(tokens)
            sentence_of[offset:offset + n] = sentences + np.cumsum(tokens.sentence_first) - 1
            sentences += int(tokens.sentence_first.sum())
            for start, end, label in spans:
                where = tokens.token_range(start, end)
                if where is not None:
                    inside[offset + where[0]:offset + where[1], column[label]] = True
                    begins[offset + where[0], column[label]] = True
            offset += n
        return inside, begins, sentence_of

    def token_probabilities(self, text: str) -> tuple[TextTokens, np.ndarray]:
        """The tokens of `text` and, per token and label, the probabilities (inside, begins): (n, labels, 2)."""
        if not self.fitted:
            tokens = tokenize(text)
            return tokens, np.zeros((len(tokens), len(self.labels), 2))
        prepared = prepare_text(text, load_lexicons(), self.settings.loaded_terms, self.settings.use_detectors)
        tokens = prepared.tokens()
        if not len(tokens):
            return tokens, np.zeros((0, len(self.labels), 2))
        part = base_features(prepared, self.index)
        logits = context_matrix([part], len(self.index)) @ self.weights + self.biases
        return tokens, _expit(np.asarray(logits, dtype=np.float64)).reshape(len(tokens), len(self.labels), 2)

    def predict(self, text: str, min_confidence: float = 0.5) -> list[SpanPrediction]:
        """Spans (start, end, label, confidence) for `text` with confidence >= `min_confidence`, in text order."""
        tokens, probabilities = self.token_probabilities(text)
        if not self.fitted or not len(tokens):
            return []
        threshold = min(0.5, min_confidence)
        learned: list[SpanPrediction] = []
        for j, label in enumerate(self.labels):
            learned += self._decode(tokens, probabilities[:, j, 0], probabilities[:, j, 1], label, threshold)
        column = {label: j for j, label in enumerate(self.labels)}
        matched: list[SpanPrediction] = []
        for start, end, key in self.strings.matches(tokens):
            first, last = tokens.token_range(start, end)
            labels = self.strings.counts[key]
            total = sum(labels.values())
            precision = self.strings.occurrence_precision(key)
            for label, n in labels.items():
                token_mean = float(probabilities[first:last, column[label], 0].mean())
                confidence = (n / total * precision * token_mean) ** 0.5  # both must agree
                matched.append(SpanPrediction(start, end, label, confidence))
        return [s for s in _merge(learned, matched) if s.confidence >= min_confidence]

    @staticmethod
    def _decode(tokens: TextTokens, inside: np.ndarray, begins: np.ndarray, label: str,
                threshold: float) -> list[SpanPrediction]:
        """Spans from token probabilities: runs of tokens above half the threshold that hold one above it
        (so a span's weaker edge, « a » of « a confirmé », stays with it), split where a token begins a span."""
        found: list[SpanPrediction] = []
        marked = np.flatnonzero(inside >= threshold * EDGE_SHARE)
        if not len(marked):
            return found
        for run in np.split(marked, np.flatnonzero(np.diff(marked) != 1) + 1):
            if inside[run].max() < threshold:
                continue
            cuts = [0] + [k for k in range(1, len(run)) if begins[run[k]] >= 0.5] + [len(run)]
            for a, b in zip(cuts, cuts[1:]):
                first, last = int(run[a]), int(run[b - 1])
                found.append(SpanPrediction(int(tokens.starts[first]), int(tokens.ends[last]), label,
                                            float(inside[first:last + 1].mean())))
        return found

    def uncertainty(self, text: str) -> float:
        """How unsure the model is about `text`, from 0 (sure) to 1: mean entropy of its most uncertain tokens.

        An unfitted model is unsure of everything (1.0).
        """
        if not self.fitted:
            return 1.0
        _, probabilities = self.token_probabilities(text)
        p = np.clip(probabilities[:, :, 0].ravel(), 1e-12, 1 - 1e-12)
        if not len(p):
            return 0.0
        entropy = -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
        top = np.sort(entropy)[-UNCERTAIN_TOKENS:]
        return float(top.mean())

    def to_bytes(self) -> bytes:
        """The model as compressed JSON (no pickle): safe to store in a project file and send."""
        settings = asdict(self.settings)
        settings["loaded_terms"] = list(self.settings.loaded_terms)
        payload: dict[str, Any] = {"settings": settings, "labels": self.labels, "features": self.index.names,
                                   "strings": self.strings.to_dict()}
        if self.fitted:
            payload.update(weights=encode_array(self.weights), biases=encode_array(self.biases))
        return pack(MODEL_KIND, payload)

    @classmethod
    def from_bytes(cls, data: bytes) -> SpanRecommender:
        """The model `to_bytes` wrote; ModelDataError when the bytes are not such a model."""
        document = unpack(data, MODEL_KIND)
        settings = settings_from(SpanSettings, document.get("settings"))
        labels = field_of(document, "labels", list)
        names = field_of(document, "features", list)
        if not all(isinstance(x, str) for x in labels + names):
            raise ModelDataError("stored model: labels and features must be strings")
        model = cls(settings=settings, labels=labels, index=FeatureIndex(list(names), frozen=True),
                    strings=StringMatcher.from_dict(document.get("strings")))
        if labels:
            model.weights = decode_array(document.get("weights"), "weights")
            model.biases = decode_array(document.get("biases"), "biases")
            if model.weights.shape != (len(names) * len(BLOCKS), 2 * len(labels)) \
                    or model.biases.shape != (2 * len(labels),):
                raise ModelDataError("stored model: the weights do not match the features and labels")
        return model
