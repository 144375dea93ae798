"""Text normalisation at import time, with the offset map that keeps pre-made spans aligned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NormalisedText:
    """Normalised text plus, for each original offset, the offset it became."""

    text: str
    offset_map: list[int]

    def remap(self, start: int, end: int) -> tuple[int, int]:
        """Where the original span [start, end) lies in the normalised text."""
        return self.offset_map[start], self.offset_map[end]


def normalise_text(raw: str) -> NormalisedText:
    """Drop a leading BOM, turn CRLF and lone CR into LF; map every original offset.

    `offset_map` has len(raw) + 1 entries: offset i of `raw` becomes offset_map[i] of the result.
    A dropped character maps to where the next kept character lands.
    """
    out: list[str] = []
    mapping: list[int] = []
    n = len(raw)
    i = 0
    pos = 0
    if raw.startswith("\ufeff"):
        mapping.append(0)
        i = 1
    while i < n:
        ch = raw[i]
        if ch == "\r":
            mapping.append(pos)
            if i + 1 < n and raw[i + 1] == "\n":
                # CR of a CRLF pair is dropped; the LF is kept.
                i += 1
                continue
            out.append("\n")
            pos += 1
            i += 1
            continue
        mapping.append(pos)
        out.append(ch)
        pos += 1
        i += 1
    mapping.append(pos)
    return NormalisedText("".join(out), mapping)
