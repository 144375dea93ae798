"""Lane assignment for overlapping spans, so nested and overlapping spans can be drawn apart."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from typing import Any, Hashable, Iterable, Iterator, Sequence


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


LONG_RANGE = 2_000  # ranges longer than this are kept apart, so that a query never scans the whole text


class RangeEntry:
    """One range of a RangeIndex: its key, offsets, lane and what the caller attached to it."""

    __slots__ = ("key", "start", "end", "lane", "payload")

    def __init__(self, key: Hashable, start: int, end: int, lane: int, payload: Any):
        self.key, self.start, self.end, self.lane, self.payload = key, start, end, lane, payload

    def __repr__(self) -> str:
        return f"RangeEntry({self.key!r}, {self.start}, {self.end}, lane={self.lane})"


class RangeIndex:
    """Ranges kept in start order so that those near an offset are found without a full scan, each in a
    lane that no overlapping range shares. Adding or removing one range never moves the others:
    what is on screen stays put while the annotator works."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._entries: list[RangeEntry] = []
        self._long: dict[Hashable, RangeEntry] = {}
        self._by_key: dict[Hashable, RangeEntry] = {}

    def load(self, items: Iterable[tuple[Hashable, int, int, Any]]) -> None:
        """Replace everything by `items` (key, start, end, payload), laid out in lanes afresh."""
        items = list(items)
        lanes = assign_lanes([(start, end) for _key, start, end, _payload in items])
        entries = [RangeEntry(key, start, end, lane, payload)
                   for (key, start, end, payload), lane in zip(items, lanes)]
        self._long = {e.key: e for e in entries if e.end - e.start > LONG_RANGE}
        self._entries = sorted((e for e in entries if e.end - e.start <= LONG_RANGE), key=lambda e: e.start)
        self._starts = [e.start for e in self._entries]
        self._by_key = {e.key: e for e in entries}

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[RangeEntry]:
        """Every entry in start order."""
        return iter(sorted(self._by_key.values(), key=lambda e: (e.start, -e.end)))

    def get(self, key: Hashable) -> RangeEntry | None:
        return self._by_key.get(key)

    def add(self, key: Hashable, start: int, end: int, payload: Any = None) -> RangeEntry:
        """Add a range in the lowest lane free along it (a key already present is replaced)."""
        if key in self._by_key:
            self.remove(key)
        used = {e.lane for e in self.overlapping(start, end)}
        lane = next(i for i in range(len(used) + 1) if i not in used)
        entry = RangeEntry(key, start, end, lane, payload)
        self._by_key[key] = entry
        if end - start > LONG_RANGE:
            self._long[key] = entry
        else:
            at = bisect_right(self._starts, start)
            self._starts.insert(at, start)
            self._entries.insert(at, entry)
        return entry

    def remove(self, key: Hashable) -> RangeEntry | None:
        """Take a range out (the others keep their lanes); None when absent."""
        entry = self._by_key.pop(key, None)
        if entry is None:
            return None
        if self._long.pop(key, None) is None:
            at = bisect_left(self._starts, entry.start)
            while self._entries[at] is not entry:
                at += 1
            del self._starts[at], self._entries[at]
        return entry

    def near(self, low: int, high: int) -> Iterator[RangeEntry]:
        """Entries touching [low, high] (ends included, so that an empty range at an edge is found)."""
        first = bisect_left(self._starts, low - LONG_RANGE)
        last = bisect_right(self._starts, high)
        for entry in self._entries[first:last]:
            if entry.end >= low:
                yield entry
        for entry in self._long.values():
            if entry.start <= high and entry.end >= low:
                yield entry

    def overlapping(self, start: int, end: int) -> list[RangeEntry]:
        """Entries sharing at least one character with [start, end)."""
        return [e for e in self.near(start, end) if e.start < end and start < e.end]

    def covering(self, offset: int) -> list[RangeEntry]:
        """Entries over character `offset`, innermost (shortest) first."""
        return sorted((e for e in self.near(offset, offset) if e.start <= offset < e.end),
                      key=lambda e: (e.end - e.start, e.start))
