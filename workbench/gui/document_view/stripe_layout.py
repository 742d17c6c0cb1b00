"""Which codings get a bar of their own in the stripes margin and which share a "+n" marker
(data only, no widgets).

Codings are packed into lanes (:class:`CodingLayers` gives each the first free lane where it
starts). The first ``max_lanes`` lanes are drawn as bars; codings in further lanes are never left
out: overlapping ones merge into one marker that names how many it holds and lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workbench.gui.document_view.layers import ShownCoding


@dataclass(frozen=True, slots=True)
class Overflow:
    """A "+n" marker: codings past the last lane whose passages overlap, over ``[start, end)``."""

    start: int
    end: int
    codings: tuple[ShownCoding, ...]


def place(codings: Iterable[ShownCoding], lanes: Mapping[int, int],
          max_lanes: int) -> tuple[list[ShownCoding], list[Overflow]]:
    """Split codings (in reading order) into those with a bar and the markers for the rest."""
    bars: list[ShownCoding] = []
    markers: list[Overflow] = []
    group: list[ShownCoding] = []
    group_end = -1
    for coding in codings:
        if lanes[coding.id] < max_lanes:
            bars.append(coding)
            continue
        if group and coding.start >= group_end:
            markers.append(Overflow(group[0].start, group_end, tuple(group)))
            group = []
        group.append(coding)
        group_end = max(group_end, coding.end) if len(group) > 1 else coding.end
    if group:
        markers.append(Overflow(group[0].start, group_end, tuple(group)))
    return bars, markers
