"""Character positions as other tools count them, and as we store them.

We store text normalised (no BOM, ``\\n`` line ends, NFC) and count Unicode code points. The
standard counts code points too, but NVivo counts UTF-16 code units (an emoji is two) and, on
Windows, ``\\r\\n`` as two characters; ATLAS.ti counts ``\\r\\n`` as one. These functions convert
offsets in the file's raw text, in any of those units, to offsets in the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from enum import StrEnum

from workbench.core.text import normalise_text

ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Unit(StrEnum):
    CODE_POINTS = "code points"  # the standard: each code point of the file counts one
    UTF16 = "UTF-16 units"  # NVivo: astral characters count two
    LF_CODE_POINTS = "code points, CRLF as one"  # ATLAS.ti: \r\n counts one


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def has_astral(text: str) -> bool:
    """True when the text holds a character beyond U+FFFF (an emoji, say)."""
    return ASTRAL.search(text) is not None


def cp_to_utf16(text: str, position: int) -> int:
    """The UTF-16 unit offset of code point ``position``."""
    return position + len(ASTRAL.findall(text, 0, position))


def utf16_to_cp(text: str, position: int) -> int:
    """The code point holding UTF-16 offset ``position`` (an offset inside a pair rounds up)."""
    return _utf16_to_cp(_astral_starts(text), position)


def lf_to_crlf(text: str, position: int) -> int:
    """Offset in ``text`` (which has ``\\r\\n``) of offset ``position`` counted with CRLF as one."""
    return _lf_to_crlf(_folded_breaks(text), position)


def _astral_starts(text: str) -> list[int]:
    """UTF-16 offsets of the characters beyond U+FFFF (each takes two units)."""
    return [match.start() + number for number, match in enumerate(ASTRAL.finditer(text))]


def _utf16_to_cp(starts: list[int], position: int) -> int:
    before = bisect_right(starts, position - 1)  # astral characters starting before position
    inside = before and starts[before - 1] + 1 == position
    return position - before + (1 if inside else 0)


def _folded_breaks(text: str) -> list[int]:
    """Where each CRLF sits when CRLF counts one."""
    return [index - number for number, index in enumerate(_crlf_breaks(text))]


def _lf_to_crlf(folded: list[int], position: int) -> int:
    return position + bisect_right(folded, position - 1)


def cp_to_lf(text: str, position: int) -> int:
    """Offset counted with CRLF as one of code point ``position`` of ``text``."""
    return position - sum(1 for index in _crlf_breaks(text) if index < position - 1)


def _crlf_breaks(text: str) -> list[int]:
    found, start = [], text.find("\r\n")
    while start >= 0:
        found.append(start)
        start = text.find("\r\n", start + 2)
    return found


class TextMap:
    """Maps code-point offsets of a file's raw text to offsets in the stored (normalised) text."""

    def __init__(self, raw: str) -> None:
        self.raw = raw[1:] if raw.startswith("\ufeff") else raw
        self.stored = normalise_text(self.raw)
        self._offsets = _offset_table(self.raw, self.stored)
        self._astral = _astral_starts(self.raw)
        self._folded = _folded_breaks(self.raw)

    def to_stored(self, position: int) -> int:
        """Stored offset of raw code point ``position`` (clamped to the text)."""
        position = max(0, min(position, len(self.raw)))
        if self._offsets is None:
            return min(position, len(self.stored))
        return self._offsets[position]

    def from_unit(self, unit: Unit, position: int) -> int:
        """Raw code-point offset of ``position`` counted in ``unit``."""
        if unit is Unit.UTF16:
            return _utf16_to_cp(self._astral, position)
        if unit is Unit.LF_CODE_POINTS:
            return _lf_to_crlf(self._folded, position)
        return position

    def stored_range(self, unit: Unit, start: int, end: int) -> tuple[int, int]:
        return (self.to_stored(self.from_unit(unit, start)),
                self.to_stored(self.from_unit(unit, end)))


def _offset_table(raw: str, stored: str) -> list[int] | None:
    """For each raw offset (0..len), the stored offset; None when the two are the same text."""
    if raw == stored:
        return None
    table: list[int] = []
    out = 0
    index = 0
    while index < len(raw):
        if raw.startswith("\r\n", index):
            table += [out, out]
            out += 1
            index += 2
            continue
        cluster_end = index + 1
        while cluster_end < len(raw) and unicodedata.combining(raw[cluster_end]):
            cluster_end += 1
        cluster = raw[index:cluster_end].replace("\r", "\n")
        composed = unicodedata.normalize("NFC", cluster)
        table += [out + min(offset, len(composed) - 1)
                  for offset in range(cluster_end - index)]
        out += len(composed)
        index = cluster_end
    table.append(out)
    # Rare compositions across starters (Hangul jamo) break the cluster view: clamp instead.
    return table if out == len(stored) else None
