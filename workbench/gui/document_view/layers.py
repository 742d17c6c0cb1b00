"""Coded passages of one document, indexed for display (data only, no widgets).

Codings are kept sorted by where they start. A coding overlaps ``[start, end)`` only if it starts
before ``end`` and no earlier than ``start - LONG`` (if it is no longer than ``LONG``), so a query
is two binary searches and a look at the few codings in between; the rare longer codings are kept
apart and checked one by one. The highlighter asks for one block at a time and gets its stretches
over which the set of codings does not change (one sweep), so opening a document costs
O(n log n) for n codings, and a coding action only re-indexes the codings it changed.
``lanes`` gives each coding a column in the stripes margin so overlapping codings sit side by side.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass
from heapq import heappop, heappush

from workbench.core.queries.document_view import ViewCoding

LONG = 4096  # UTF-16 units; longer codings are few and checked one by one


# A coding as the view shows it: the core's row for the view, its positions in Qt UTF-16 units
# (a named tuple: thousands are made each time a document opens, so none is made twice).
ShownCoding = ViewCoding


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    codings: tuple[ShownCoding, ...]


def _reading_order(coding: ShownCoding) -> tuple[int, int, int]:
    return coding.start, coding.end, coding.id


class CodingLayers:
    def __init__(self, codings: Iterable[ShownCoding] = ()) -> None:
        self._by_id: dict[int, ShownCoding] = {}
        self._starts: list[tuple[int, int]] = []  # (start, id) of the codings up to LONG long
        self._long: dict[int, ShownCoding] = {}
        self.lanes: dict[int, int] = {}
        self._in_lane: list[int] = []  # codings in each lane; the last lane is never empty
        ordered = sorted(codings, key=lambda c: (c.start, -c.end))
        self._place_all(ordered)
        self._starts = sorted((c.start, c.id) for c in ordered if c.end - c.start <= LONG)
        self._long = {c.id: c for c in ordered if c.end - c.start > LONG}

    def _place_all(self, ordered: list[ShownCoding]) -> None:
        """Each coding in the first lane free where it starts: one sweep, O(n log n)."""
        ending: list[tuple[int, int]] = []  # (end, lane) of the codings still running
        free: list[int] = []
        by_id, lanes = self._by_id, self.lanes
        for coding in ordered:
            while ending and ending[0][0] <= coding.start:
                heappush(free, heappop(ending)[1])
            lane = heappop(free) if free else len(ending)
            heappush(ending, (coding.end, lane))
            by_id[coding.id] = coding
            lanes[coding.id] = lane
        self._in_lane = [0] * (max(lanes.values(), default=-1) + 1)
        for lane in lanes.values():
            self._in_lane[lane] += 1

    # -- reading ---------------------------------------------------------------------------

    @property
    def codings(self) -> list[ShownCoding]:
        """All codings in reading order."""
        return sorted(self._by_id.values(), key=_reading_order)

    @property
    def lane_count(self) -> int:
        return len(self._in_lane)  # kept as codings come and go: asked at every paint

    def lane(self, coding: ShownCoding) -> int:
        return self.lanes[coding.id]

    def codings_between(self, start: int, end: int) -> list[ShownCoding]:
        """Codings overlapping ``[start, end)``, in reading order."""
        by_id = self._by_id
        first = bisect_left(self._starts, (start - LONG,))
        last = bisect_left(self._starts, (end,))
        found = [by_id[i] for _s, i in self._starts[first:last] if by_id[i].end > start]
        found.extend(c for c in self._long.values() if c.start < end and c.end > start)
        found.sort(key=_reading_order)
        return found

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
        for left, right in zip(cuts, cuts[1:], strict=False):
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

    def replace(
        self, removed: Iterable[int], added: Iterable[ShownCoding]
    ) -> list[tuple[int, int]]:
        """Drop and add codings; return the ranges whose colouring may have changed."""
        dirty: list[tuple[int, int]] = []
        for coding_id in removed:
            coding = self._by_id.pop(coding_id, None)
            if coding is not None:
                if self._long.pop(coding_id, None) is None:
                    del self._starts[bisect_left(self._starts, (coding.start, coding_id))]
                self._leave_lane(self.lanes.pop(coding_id))
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
        if lane == len(self._in_lane):
            self._in_lane.append(0)
        self._in_lane[lane] += 1
        if coding.end - coding.start > LONG:
            self._long[coding.id] = coding
        else:
            insort(self._starts, (coding.start, coding.id))

    def _leave_lane(self, lane: int) -> None:
        self._in_lane[lane] -= 1
        while self._in_lane and self._in_lane[-1] == 0:
            self._in_lane.pop()
