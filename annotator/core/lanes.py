"""Lane assignment for overlapping spans, so nested and overlapping spans can be drawn apart."""

from __future__ import annotations

import heapq
from typing import Sequence


def assign_lanes(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """For each [start, end) range, the lowest lane index not used by an overlapping range.

    Longer ranges starting at the same place get the lower lanes, so an enclosing span sits
    nearest the text and the spans nested in it stack below.
    """
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1]))
    lanes = [0] * len(ranges)
    open_ends: list[tuple[int, int]] = []  # heap of (end, lane) of ranges still open
    free: list[int] = []  # heap of lanes released by ranges that ended
    next_lane = 0
    for i in order:
        start, end = ranges[i]
        while open_ends and open_ends[0][0] <= start:
            heapq.heappush(free, heapq.heappop(open_ends)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane = next_lane
            next_lane += 1
        lanes[i] = lane
        heapq.heappush(open_ends, (end, lane))
    return lanes


def spans_at(ranges: Sequence[tuple[int, int]], offset: int) -> list[int]:
    """Indices of the ranges that cover character `offset`, innermost (shortest) first."""
    hits = [i for i, (s, e) in enumerate(ranges) if s <= offset < e]
    return sorted(hits, key=lambda i: (ranges[i][1] - ranges[i][0], ranges[i][0]))
