"""Finding a phrase in a text: the occurrences that "find" and "label all occurrences" work on."""

from __future__ import annotations

import re
import unicodedata


def _fold(text: str, case_sensitive: bool) -> str:
    """Fold case (keeping every character's length) and treat NBSP and narrow NBSP as spaces."""
    if not case_sensitive:
        text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def find_occurrences(text: str, query: str, case_sensitive: bool = False,
                     whole_word: bool = True) -> list[tuple[int, int]]:
    """Every non-overlapping [start, end) where `query` occurs in `text`, in order.

    Case-insensitive by default; non-breaking spaces in either match ordinary spaces.
    Offsets are those of `text`: folding never changes a character's length.
    """
    query = query.strip()
    if not query:
        return []
    pattern = re.escape(_fold(query, case_sensitive))
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, _fold(text, case_sensitive))]


def context(text: str, start: int, end: int, words: int = 6) -> tuple[str, str]:
    """A few words of text before and after [start, end), on one line."""
    before = " ".join(text[:start].split()[-words:])
    after = " ".join(text[end:].split()[:words])
    return before, after


def normalised(text: str) -> str:
    """NFC form, used to compare what the annotator saw with what is stored."""
    return unicodedata.normalize("NFC", text)
