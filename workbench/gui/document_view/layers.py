"""Coded passages of one document, indexed for display (data only, no widgets).

Codings are bucketed by the text blocks (paragraphs) they touch. The highlighter asks for one
block at a time and gets that block's stretches over which the set of codings does not change
(a sweep over the few codings of that block), so opening a document costs O(n log n) for n
codings, and a coding action only re-buckets the codings it changed and recolours their blocks.
``lanes`` gives each coding a column in the stripes margin so overlapping codings sit side by side.
"""

from __future__ import annotations

from bisect import bisect_right
from heapq import heappop, heappush
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ShownCoding:
    """A coding as the view shows it; positions in Qt UTF-16 units."""

    id: int
    code_id: int
    code: str
    colour: str
    coder: str
    memo: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    codings: tuple[ShownCoding, ...]


class CodingLayers:
    def __init__(self, codings: Iterable[ShownCoding] = (), block_starts: list[int] | None = None) -> None:
        self._block_starts = block_starts or [0]
        self._by_id: dict[int, ShownCoding] = {}
        self._buckets: list[set[int]] = [set() for _ in self._block_starts]
        self.lanes: dict[int, int] = {}
        self._place_all(sorted(codings, key=lambda c: (c.start, -c.end)))

    def _place_all(self, ordered: list[ShownCoding]) -> None:
        """Each coding in the first lane free where it starts: one sweep, O(n log n)."""
        ending: list[tuple[int, int]] = []  # (end, lane) of the codings still running
        free: list[int] = []
        for coding in ordered:
            while ending and ending[0][0] <= coding.start:
                heappush(free, heappop(ending)[1])
            lane = heappop(free) if free else len(ending)
            heappush(ending, (coding.end, lane))
            self._by_id[coding.id] = coding
            self.lanes[coding.id] = lane
            for block in self._blocks(coding):
                self._buckets[block].add(coding.id)

    # -- reading ---------------------------------------------------------------------------

    @property
    def codings(self) -> list[ShownCoding]:
        """All codings in reading order."""
        return sorted(self._by_id.values(), key=lambda c: (c.start, c.end, c.id))

    @property
    def lane_count(self) -> int:
        return max(self.lanes.values(), default=-1) + 1

    def lane(self, coding: ShownCoding) -> int:
        return self.lanes[coding.id]

    def codings_between(self, start: int, end: int) -> list[ShownCoding]:
        """Codings overlapping ``[start, end)``, in reading order."""
        first, last = self._block_of(start), self._block_of(max(start, end - 1))
        ids = set().union(*self._buckets[first:last + 1])
        found = [self._by_id[i] for i in ids
                 if self._by_id[i].start < end and self._by_id[i].end > start]
        return sorted(found, key=lambda c: (c.start, c.end, c.id))

    def segments_between(self, start: int, end: int) -> list[Segment]:
        """Stretches of ``[start, end)`` over which the set of codings does not change.

        One sweep over the block's codings: the cost follows the codings and stretches found,
        never a pairwise comparison."""
        codings = self.codings_between(start, end)  # sorted by start
        cuts = sorted({start, end, *(max(start, c.start) for c in codings),
                       *(min(end, c.end) for c in codings)})
        segments = []
        active: dict[int, ShownCoding] = {}
        waiting = 0
        for left, right in zip(cuts, cuts[1:]):
            while waiting < len(codings) and max(start, codings[waiting].start) <= left:
                active[codings[waiting].id] = codings[waiting]
                waiting += 1
            for ended in [i for i, c in active.items() if c.end <= left]:
                del active[ended]
            if active:
                segments.append(Segment(left, right, tuple(active.values())))
        return segments

    def codings_at(self, position: int) -> list[ShownCoding]:
        return self.codings_between(position, position + 1)

    # -- changing ----------------------------------------------------------------------------

    def replace(self, removed: Iterable[int], added: Iterable[ShownCoding]) -> list[tuple[int, int]]:
        """Drop and add codings; return the ranges whose colouring may have changed."""
        dirty: list[tuple[int, int]] = []
        for coding_id in removed:
            coding = self._by_id.pop(coding_id, None)
            if coding is not None:
                for block in self._blocks(coding):
                    self._buckets[block].discard(coding_id)
                self.lanes.pop(coding_id, None)
                dirty.append((coding.start, coding.end))
        for coding in sorted(added, key=lambda c: (c.start, -c.end)):
            self._add(coding)
            dirty.append((coding.start, coding.end))
        return dirty

    def _add(self, coding: ShownCoding) -> None:
        neighbours = self.codings_between(coding.start, coding.end)
        taken = {self.lanes[c.id] for c in neighbours if c.id != coding.id}
        lane = 0
        while lane in taken:
            lane += 1
        self._by_id[coding.id] = coding
        self.lanes[coding.id] = lane
        for block in self._blocks(coding):
            self._buckets[block].add(coding.id)

    def _blocks(self, coding: ShownCoding) -> range:
        return range(self._block_of(coding.start), self._block_of(max(coding.start, coding.end - 1)) + 1)

    def _block_of(self, position: int) -> int:
        return max(0, bisect_right(self._block_starts, position) - 1)
