"""A text cut into tokens for the recommender: words (as the detectors read them) and single marks, in code points."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np

from annotator.suggest.tokens import TOKEN_RE, Tokens

# A word as the detectors cut it (French elisions, inverted pronouns, numbers), else any one
# character that is not a space: « » “ ” , . : ? and each code point of an emoji are tokens.
# NBSP and narrow NBSP are spaces, so « word » gives three tokens.
TOKEN_OR_MARK = re.compile(f"(?:{TOKEN_RE.pattern})|\\S")
_SENTENCE_END = frozenset(".!?…")
_LINE_BREAK = re.compile("\n")


@dataclass
class TextTokens:
    """The tokens of one text: parallel arrays of offsets (code points, end exclusive) and forms."""

    text: str
    starts: np.ndarray
    ends: np.ndarray
    forms: list[str]
    words: Tokens | None  # the detectors' word tokens, for the lexicon matcher (not kept in caches)
    word_positions: np.ndarray  # index among our tokens of each of `words`
    sentence_first: np.ndarray  # bool: the token opens a sentence or a paragraph

    def __len__(self) -> int:
        return len(self.forms)

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens [first, last) that overlap the characters [start, end); None when none does."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return (first, last) if first < last else None


def tokenize(text: str) -> TextTokens:
    """Cut `text` into word and mark tokens (offsets in code points)."""
    found = [m.span() for m in TOKEN_OR_MARK.finditer(text)]
    starts = np.fromiter((s for s, _ in found), dtype=np.int64, count=len(found))
    ends = np.fromiter((e for _, e in found), dtype=np.int64, count=len(found))
    forms = [text[s:e] for s, e in found]
    words = Tokens(text)
    position_of = {s: i for i, (s, _) in enumerate(found)}
    word_positions = np.fromiter((position_of.get(s, -1) for s in words.starts), dtype=np.int64,
                                 count=len(words.starts))
    first = np.zeros(len(found), dtype=bool)
    if found:
        first[0] = True
        ends_sentence = np.fromiter((f in _SENTENCE_END for f in forms), dtype=bool, count=len(forms))
        first[1:] |= ends_sentence[:-1]
        breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        if breaks:  # the token after a line break opens a paragraph
            after = np.searchsorted(starts, np.array(breaks, dtype=np.int64))
            first[after[after < len(found)]] = True
    return TextTokens(text, starts, ends, forms, words, word_positions, first)
