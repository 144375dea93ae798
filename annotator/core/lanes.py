"""Lane assignment for overlapping spans, so nested and overlapping spans can be drawn apart."""

from __future__ import annotations

from typing import Sequence


def assign_lanes(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """For each [start, end) range, the lowest lane index not used by an overlapping range.

    Longer ranges starting at the same place get the lower lanes, so an enclosing span sits
    nearest the text and the spans nested in it stack below.
    """
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1], i))
    lanes = [0] * len(ranges)
    active: list[tuple[int, int]] = []  # (end, lane) of ranges still open
    for i in order:
        start, end = ranges[i]
        active = [(e, lane) for e, lane in active if e > start]
        used = {lane for _, lane in active}
        lane = 0
        while lane in used:
            lane += 1
        lanes[i] = lane
        active.append((end, lane))
    return lanes


def spans_at(ranges: Sequence[tuple[int, int]], offset: int) -> list[int]:
    """Indices of the ranges that cover character `offset`, innermost (shortest) first."""
    hits = [i for i, (s, e) in enumerate(ranges) if s <= offset < e]
    return sorted(hits, key=lambda i: (ranges[i][1] - ranges[i][0], ranges[i][0]))
