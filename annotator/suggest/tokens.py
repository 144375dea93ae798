"""Word tokens with their offsets (French elisions and inverted pronouns split off) for the detectors."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# A number with thousands separators is one token ("12,000", "600 000"), so its comma is no clause break.
_NUMBER = r"\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)(?:[.,]\d+)?(?:-\w+)*"
# French elided words: l’, d’, qu’, s’, n’... become tokens of their own ("l’équipe" -> "l’", "équipe").
_ELISION = r"(?<!\w)(?=[cdjlmnpqstCDJLMNPQST])(?i:qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[ldsnjmtc])[’'](?=\w)"
# Titles and initials keep their full stop, so "M. Matze" does not end a sentence.
_ABBREVIATION = (
    r"(?<!\w)(?=[A-Z])(?:M|MM|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr|Pr|Me|Mgr|St|Ste|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr)\.(?=\s)"
    r"|(?<!\w)[A-Z]\.(?=\s+[A-Z])"
)
_PRONOUNS = r"(?:il|elle|on|ils|elles|je|tu|nous|vous)(?!\w)"
# Inverted subject pronouns ("a-t-il", "dit-elle") are tokens of their own: "-t-il", "-elle".
_INVERSION = rf"(?=-)(?:-t-(?:il|elle|on|ils|elles)(?!\w)|-{_PRONOUNS})"
_WORD = rf"\w+(?:(?:-(?!t-(?:il|elle|on|ils|elles)(?!\w))(?!{_PRONOUNS})|[’'\u2011])\w+)*"
TOKEN_RE = re.compile("|".join((_NUMBER, _ELISION, _ABBREVIATION, _INVERSION, _WORD)))

SENTENCE_END_RE = re.compile(r"[.!?…]|\n")
_APOSTROPHES_LIST = (("’", "'"), ("\u2011", "-"), ("‘", "'"))
_APOSTROPHES = str.maketrans(dict(_APOSTROPHES_LIST))


def normalise_word(word: str) -> str:
    """The form a word is looked up under: lower case, typographic apostrophe as '."""
    return word.lower().translate(_APOSTROPHES)


class Tokens:
    """The words of a text: parallel lists of start and end offsets and normalised forms."""

    def __init__(self, text: str):
        self.text = text
        found = [m.span() for m in TOKEN_RE.finditer(text)]
        self.starts: list[int] = [s for s, _ in found]
        self.ends: list[int] = [e for _, e in found]
        lowered = text.lower()
        if len(lowered) == len(text):
            for typographic, plain in _APOSTROPHES_LIST:
                if typographic in lowered:
                    lowered = lowered.replace(typographic, plain)
            self.norms: list[str] = [lowered[s:e] for s, e in found]
        else:  # a few letters lengthen in lower case (İ); fall back to word by word
            self.norms = [normalise_word(text[s:e]) for s, e in found]
        # Where sentences end: . ! ? … or a line break outside a token ("M." and "1.5" are tokens).
        self.boundaries: list[int] = []
        for match in SENTENCE_END_RE.finditer(text):
            pos = match.start()
            i = bisect_right(self.starts, pos) - 1
            if i < 0 or self.ends[i] <= pos:
                self.boundaries.append(pos)

    def __len__(self) -> int:
        return len(self.starts)

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i (from the text start for i == 0)."""
        left = self.ends[i - 1] if i > 0 else 0
        right = self.starts[i] if i < len(self.starts) else len(self.text)
        return self.text[left:right]

    def first_at_or_after(self, pos: int) -> int:
        """Index of the first token starting at or after `pos` (len(self) when none)."""
        return bisect_left(self.starts, pos)

    def last_ending_by(self, pos: int) -> int:
        """Index of the last token ending at or before `pos` (-1 when none)."""
        return bisect_right(self.ends, pos) - 1

    def _boundary_between(self, left: int, right: int) -> bool:
        k = bisect_left(self.boundaries, left)
        return k < len(self.boundaries) and self.boundaries[k] < right

    def breaks_before(self, i: int) -> bool:
        """True when a sentence (or paragraph) ends between token i-1 and token i."""
        if i <= 0:
            return True
        right = self.starts[i] if i < len(self.starts) else len(self.text)
        return self._boundary_between(self.ends[i - 1], right)

    def same_sentence(self, first: int, last: int) -> bool:
        """True when no sentence ends between token `first` and token `last` (first <= last)."""
        return first >= last or not self._boundary_between(self.ends[first], self.starts[last])

    def sentence_start(self, i: int, limit: int = 80) -> int:
        """Index of the first token of the sentence holding token i (looking back `limit` tokens)."""
        k = bisect_left(self.boundaries, self.starts[i]) - 1
        first = bisect_right(self.starts, self.boundaries[k]) if k >= 0 else 0
        return max(first, i - limit, 0)

    def word(self, i: int) -> str:
        """Token i as written."""
        return self.text[self.starts[i]:self.ends[i]]

    def is_capitalised(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()
