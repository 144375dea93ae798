"""What the span recommender reads in a text: word features, and cues from lexicons, detectors and quotes (cached)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np

from annotator.recommend.tokens import TextTokens, tokenize
from annotator.suggest.engine import suggest
from annotator.suggest.lexicons import Lexicons
from annotator.suggest.quotes import find_quotations
from annotator.suggest.tokens import normalise_word

# Suffixes stripped (longest first, one only, the stem keeping 3 letters) for a French/English light lemma:
# « pourraient », « pourrait » -> « pourr »; "claimed", "claims" -> "claim"; « tyrans » -> « tyran ».
_SUFFIXES = sorted({
    "eraient", "aient", "erait", "eront", "erons", "èrent", "ements", "ement", "ations", "ation", "iques", "ique",
    "ables", "able", "euses", "euse", "eux", "ées", "és", "ée", "er", "ez", "ons", "ent", "ais", "ait", "é", "e",
    "s", "x", "ingly", "ing", "edly", "ed", "ers", "ies", "es", "ly",
}, key=len, reverse=True)


def light_lemma(lower: str) -> str:
    """`lower` without its longest French or English inflectional suffix (a stem of 3+ letters stays)."""
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            return lower[: -len(suffix)]
    return lower


def word_shape(form: str) -> str:
    """Letters as X/x, digits as d, runs collapsed: "Big" -> "Xx", "so-called" -> "x-x", "12,000" -> "d,d"."""
    out: list[str] = []
    for ch in form:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=200_000)
def word_features(form: str) -> tuple[str, ...]:
    """Features of a token that depend on its form alone; the first is always the form ("w:...")."""
    lower = normalise_word(form)
    if not any(ch.isalnum() for ch in form):
        return (f"w:{lower}", "s:mark")
    features = [f"w:{lower}", f"l:{light_lemma(lower)}", f"s:{word_shape(form)}"]
    if len(lower) >= 4:
        features += [f"p3:{lower[:3]}", f"p4:{lower[:4]}", f"x2:{lower[-2:]}", f"x3:{lower[-3:]}"]
    return tuple(features)


# Cue names are few (a few dozen); texts store them as numbers into this table.
_CUE_NAMES: list[str] = []
_CUE_IDS: dict[str, int] = {}


def cue_name_id(name: str) -> int:
    """The number standing for a cue name in prepared texts."""
    found = _CUE_IDS.get(name)
    if found is None:
        found = _CUE_IDS[name] = len(_CUE_NAMES)
        _CUE_NAMES.append(name)
    return found


def cue_name(number: int) -> str:
    return _CUE_NAMES[number]


def _quote_size(words: int) -> str:
    return "1" if words <= 1 else "2" if words == 2 else "3" if words == 3 else "4-6" if words <= 6 \
        else "7-12" if words <= 12 else "13+"


def token_cues(tokens: TextTokens, lexicons: Lexicons, loaded_terms: tuple[str, ...],
               use_detectors: bool) -> list[tuple[int, str]]:
    """(token, cue) pairs that depend on where a token stands: lexicon phrases, detectors, quotes, sentence start."""
    pairs: list[tuple[int, str]] = [(int(i), "sent:first") for i in np.flatnonzero(tokens.sentence_first)]
    positions = tokens.word_positions
    for hit in lexicons.matcher(None, loaded_terms).find(tokens.words):
        kind = f"verb.{hit.cue.verb.verb_class}" if hit.cue.verb else hit.cue.category
        first, last = int(positions[hit.first]), int(positions[hit.last - 1]) + 1
        if first < 0 or last <= first:
            continue
        pairs.append((first, f"lexB:{kind}"))
        pairs.extend((i, f"lex:{kind}") for i in range(first, last))
    for quote in find_quotations(tokens.text):
        where = tokens.token_range(quote.start, quote.end)
        if where is None:
            continue
        first, last = where
        size = f"q:n={_quote_size(sum(1 for i in range(first, last) if tokens.forms[i][0].isalnum()))}"
        pairs += [(first, "q:first"), (last - 1, "q:last")]
        pairs.extend(p for i in range(first, last) for p in ((i, "q:in"), (i, size)))
        if quote.depth:
            pairs.extend((i, "q:nested") for i in range(first, last))
        for mark in (quote.open, quote.close):
            at = tokens.token_range(mark, mark + 1)
            if at is not None:
                pairs.append((at[0], "q:mark"))
    if use_detectors:
        for found in suggest(tokens.text, loaded_terms=loaded_terms, lexicons=lexicons):
            where = tokens.token_range(found.start, found.end)
            if where is None:
                continue
            first, last = where
            pairs += [(first, f"detB:{found.kind}"), (last - 1, f"detE:{found.kind}")]
            pairs.extend((i, f"det:{found.kind}") for i in range(first, last))
    return pairs


@dataclass
class PreparedText:
    """A text's tokens and cues, kept compact: offsets and cue numbers, no per-token Python objects."""

    text: str
    starts: np.ndarray
    ends: np.ndarray
    sentence_first: np.ndarray
    cue_rows: np.ndarray
    cue_ids: np.ndarray

    def tokens(self) -> TextTokens:
        """The tokens again (forms re-cut from the text; the detectors' word tokens are not kept)."""
        starts, ends, text = self.starts, self.ends, self.text
        forms = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
        return TextTokens(text, starts, ends, forms, None, np.zeros(0, dtype=np.int64), self.sentence_first)


def prepare_text(text: str, lexicons: Lexicons, loaded_terms: tuple[str, ...] = (),
                 use_detectors: bool = True) -> PreparedText:
    """Tokens and cues of `text`, ready to be turned into feature columns."""
    tokens = tokenize(text)
    pairs = token_cues(tokens, lexicons, loaded_terms, use_detectors)
    return PreparedText(text, tokens.starts.astype(np.int32), tokens.ends.astype(np.int32), tokens.sentence_first,
                        np.fromiter((i for i, _ in pairs), dtype=np.int32, count=len(pairs)),
                        np.fromiter((cue_name_id(name) for _, name in pairs), dtype=np.int16, count=len(pairs)))


class TextCache:
    """Prepared texts kept between fits (least recently used dropped beyond `max_texts`).

    Retraining after each new annotation re-reads mostly the same texts; their tokens and cues do
    not change, so only new or edited texts are prepared again. Keyed by a digest of the text and
    the settings that change cues.
    """

    def __init__(self, max_texts: int = 5000):
        self.max_texts = max_texts
        self._texts: OrderedDict[tuple, PreparedText] = OrderedDict()

    def __len__(self) -> int:
        return len(self._texts)

    def prepared(self, text: str, lexicons: Lexicons, loaded_terms: tuple[str, ...],
                 use_detectors: bool) -> PreparedText:
        """The prepared `text`, from the cache when it is there."""
        key = (hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(), len(text),
               loaded_terms, use_detectors, str(lexicons.folder))
        found = self._texts.get(key)
        if found is not None:
            self._texts.move_to_end(key)
            return found
        found = self._texts[key] = prepare_text(text, lexicons, loaded_terms, use_detectors)
        while len(self._texts) > self.max_texts:
            self._texts.popitem(last=False)
        return found


def cues_of(prepared: PreparedText) -> Iterable[tuple[int, str]]:
    """The (token, cue name) pairs of a prepared text."""
    return zip(prepared.cue_rows.tolist(), map(cue_name, prepared.cue_ids.tolist()))
