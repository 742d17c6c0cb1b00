"""The Qt boundary for text positions: the core counts code points, Qt counts UTF-16 units.

Every conversion between the two goes through :class:`PositionMap`; characters outside the Basic
Multilingual Plane (emoji, some CJK) take two UTF-16 units and shift every later position.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]  # in code points
        # UTF-16 position just after each astral character.
        self._astral_ends = [cp + k + 2 for k, cp in enumerate(self._astral)]
        self.length = len(text)

    @property
    def plain(self) -> bool:
        """No character outside the BMP: both count alike, no conversion needed."""
        return not self._astral

    def to_qt(self, position: int) -> int:
        """Code point offset -> UTF-16 offset."""
        return position + bisect_left(self._astral, position)

    def from_qt(self, position: int) -> int:
        """UTF-16 offset -> code point offset (inside a surrogate pair: the end of the
        character)."""
        # Each astral character that ends at or before ``position`` took one unit more than a
        # code point; a position inside a pair therefore maps to the end of its character.
        return position - bisect_right(self._astral_ends, position)

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)
