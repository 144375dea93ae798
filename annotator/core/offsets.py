"""Offset arithmetic: code points vs UTF-16 units, word snapping, grapheme-safe boundaries."""

from __future__ import annotations

import bisect
import re
import unicodedata

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Index:
    """Converts between code-point offsets (the store's) and UTF-16 offsets (Qt's) for one text.

    Built once per document in O(n); each conversion is O(log k) where k counts astral characters.
    """

    def __init__(self, text: str):
        self._length = len(text)
        # Code-point positions of characters outside the BMP (two UTF-16 units each).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of code-point `offset`."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset16: int) -> int:
        """Code-point offset of UTF-16 `offset16`; an offset inside a surrogate pair maps to its start."""
        lo, hi = 0, len(self._astral)
        # Find how many astral characters lie wholly before offset16.
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid + 1 < offset16:
                lo = mid + 1
            else:
                hi = mid
        count = lo
        if count < len(self._astral) and self._astral[count] + count + 1 == offset16:
            # offset16 points between the two halves of a surrogate pair.
            return self._astral[count]
        return min(offset16 - count, self._length)


def to_utf16(text: str, offset: int) -> int:
    """UTF-16 offset of code-point `offset` in `text`."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def from_utf16(text: str, offset16: int) -> int:
    """Code-point offset of UTF-16 `offset16` in `text`."""
    return Utf16Index(text).from_utf16(offset16)


def _is_combining(ch: str) -> bool:
    return (
        unicodedata.combining(ch) != 0
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch in "\u200d\ufe0e\ufe0f"
        or 0x1F3FB <= ord(ch) <= 0x1F3FF  # skin-tone modifiers
    )


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _inside_flag(text: str, offset: int) -> bool:
    """True when `offset` falls between the two regional indicators of a flag (🇫🇷)."""
    if not (0 < offset < len(text) and _is_regional(text[offset - 1]) and _is_regional(text[offset])):
        return False
    run = 0
    i = offset - 1
    while i >= 0 and _is_regional(text[i]):
        run += 1
        i -= 1
    return run % 2 == 1


def _inside_cluster(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and (
        _is_combining(text[offset]) or text[offset - 1] == "\u200d" or _inside_flag(text, offset)
    )


def grapheme_start(text: str, offset: int) -> int:
    """Move `offset` left until it does not fall inside a character cluster."""
    offset = max(0, min(offset, len(text)))
    while _inside_cluster(text, offset):
        offset -= 1
    return offset


def grapheme_end(text: str, offset: int) -> int:
    """Move `offset` right until it does not fall inside a character cluster."""
    offset = max(0, min(offset, len(text)))
    while _inside_cluster(text, offset):
        offset += 1
    return offset


def is_word_char(ch: str) -> bool:
    """Letters, digits, combining marks and in-word apostrophes/hyphens count as word characters."""
    return ch.isalnum() or _is_combining(ch) or ch in "_"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words and trim surrounding white space.

    A selection that only touches a word's edge keeps that word out; a selection made only of
    white space or punctuation is returned trimmed but not widened.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return grapheme_start(text, start), grapheme_end(text, end)
    if is_word_char(text[start]):
        while start > 0 and is_word_char(text[start - 1]):
            start -= 1
    if is_word_char(text[end - 1]):
        while end < len(text) and is_word_char(text[end]):
            end += 1
    return grapheme_start(text, start), grapheme_end(text, end)


def clamp_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that neither end splits a character cluster."""
    return grapheme_start(text, start), grapheme_end(text, end)
