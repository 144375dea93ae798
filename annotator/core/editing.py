"""Pure rules behind editing actions: turning a selection into span offsets, resizing, cycling."""

from __future__ import annotations

from typing import Sequence

from annotator.core.offsets import clamp_to_graphemes, grapheme_end, grapheme_start, is_word_char, snap_to_words


def span_range_from_selection(text: str, start: int, end: int, snap: bool = True) -> tuple[int, int] | None:
    """The offsets a span made from the selection [start, end) gets, or None if nothing remains.

    With `snap`, the selection widens to whole words and loses surrounding white space; without,
    only white space is trimmed. Either way no character cluster (emoji, combining accent) is split.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    end = max(start, end)
    if not text[start:end].strip():
        return None  # an empty click or white space only, even inside a character cluster
    if snap:
        start, end = snap_to_words(text, start, end)
    else:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        start, end = clamp_to_graphemes(text, start, end)
    if start >= end or not text[start:end].strip():
        return None
    return start, end


def _step(text: str, offset: int, direction: int, by_word: bool) -> int:
    """Move `offset` one character cluster, or one word, in `direction` (+1 or -1)."""
    if not by_word:
        if direction > 0:
            return grapheme_end(text, min(len(text), offset + 1))
        return grapheme_start(text, max(0, offset - 1))
    if direction > 0:
        i = offset
        while i < len(text) and not is_word_char(text[i]):
            i += 1
        while i < len(text) and is_word_char(text[i]):
            i += 1
        return grapheme_end(text, i)
    i = offset
    while i > 0 and not is_word_char(text[i - 1]):
        i -= 1
    while i > 0 and is_word_char(text[i - 1]):
        i -= 1
    return grapheme_start(text, i)  # a joiner or skin tone counts as a word character: stay whole


def resize_range(text: str, start: int, end: int, edge: str, delta: int,
                 by_word: bool = True) -> tuple[int, int]:
    """Move the `edge` ("start" or "end") of [start, end) by `delta` words (or clusters).

    The range never becomes empty: a move that would make it so is ignored.
    """
    for _ in range(abs(delta)):
        direction = 1 if delta > 0 else -1
        if edge == "end":
            new_end = _step(text, end, direction, by_word)
            if direction < 0:
                # Shrinking by a word stops at the end of the previous word, not after the space.
                while new_end > start and text[new_end - 1].isspace():
                    new_end -= 1
                new_end = grapheme_end(text, new_end)  # a space may carry a combining mark
            if new_end > start:
                end = new_end
        else:
            new_start = _step(text, start, direction, by_word)
            if direction > 0:
                while new_start < end and text[new_start].isspace():
                    new_start += 1
                new_start = grapheme_start(text, new_start)
            if new_start < end:
                start = new_start
    return start, end


def cycle(ids: Sequence[str], current: str | None, direction: int = 1) -> str | None:
    """The next (or previous) id after `current` in `ids`, wrapping around; the first if none is current."""
    if not ids:
        return None
    if current not in ids:
        return ids[0] if direction > 0 else ids[-1]
    return ids[(list(ids).index(current) + direction) % len(ids)]
