"""Terminal columns: how wide text shows (wide East Asian characters and emoji take two columns, combining
accents none) and text cut or padded to a width, so tables stay aligned whatever the titles hold."""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
# Joiners and variation selectors shape their neighbours and take no column of their own.
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def char_width(char: str) -> int:
    """How many terminal columns one character takes: 0, 1 or 2."""
    if char in _ZERO_WIDTH or unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns `text` takes."""
    return sum(char_width(char) for char in text)


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` columns: padded with spaces, or cut with an ellipsis where it would not fit
    (never in the middle of a wide character, and keeping accents with their letter)."""
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    kept, used = [], 0
    for char in text:
        step = char_width(char)
        if used + step > width - 1:
            break
        kept.append(char)
        used += step
    return "".join(kept) + ELLIPSIS + " " * (width - 1 - used)

