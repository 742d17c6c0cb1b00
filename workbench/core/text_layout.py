"""Where a stored text's words and paragraphs lie, found once when the document is stored.

Documents are never edited, so their word and paragraph boundaries never change. Keeping them
beside the text lets the matrix count words coded and cite paragraphs without reading (and
scanning) the texts again: for the large test project that is 35 MB per matrix.

Words are what :func:`workbench.core.text.word_count` counts: a run of word characters (``\\w``:
letters, digits, underscore) in which a single apostrophe or hyphen between two word characters
joins them (``dag-en-nacht``, ``zo'n``). Paragraphs are what
:func:`workbench.core.text.paragraph_starts` counts: lines that hold more than white space. Both
are found with numpy over the code points, the same result as the regular expressions, faster.

Positions are packed as the differences between neighbours in the narrowest unsigned type that
holds the largest difference (one leading byte names its width), so a document of 5,000 words
needs about 10 KB rather than 80.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_JOINERS = np.array([ord("'"), ord("’"), ord("-")], dtype=np.uint32)
_WIDTHS = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}
_word_table: np.ndarray = np.zeros(0, dtype=bool)
_space_table: np.ndarray = np.zeros(0, dtype=bool)


@dataclass(frozen=True)
class TextLayout:
    """Word starts and ends (half-open, code points) and paragraph starts of one text."""

    word_starts: np.ndarray
    word_ends: np.ndarray
    paragraph_starts: np.ndarray

    @property
    def word_count(self) -> int:
        return int(self.word_starts.size)


def _tables(highest: int) -> tuple[np.ndarray, np.ndarray]:
    """Lookup tables by code point: is it a word character (``\\w``)? is it white space?"""
    global _word_table, _space_table
    if _word_table.size <= highest:
        size = max(highest + 1, 0x3000)
        _word_table = np.fromiter((chr(n).isalnum() or n == 0x5F for n in range(size)),
                                  dtype=bool, count=size)
        _space_table = np.fromiter((chr(n).isspace() for n in range(size)), dtype=bool,
                                   count=size)
    return _word_table, _space_table


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def lay_out(text: str) -> TextLayout:
    points = code_points(text)
    words, spaces = _tables(int(points.max()) if points.size else 0)
    starts, ends = word_bounds(words[points], points)
    return TextLayout(starts, ends, paragraph_bounds(points, spaces[points]))


def word_bounds(word: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the words, given which code points are word characters."""
    after, before = np.zeros_like(word), np.zeros_like(word)
    after[:-1], before[1:] = word[1:], word[:-1]
    joiner = (points == _JOINERS[0]) | (points == _JOINERS[1]) | (points == _JOINERS[2])
    inside = word | (joiner & before & after)
    edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
    return (np.flatnonzero(edges == 1).astype(np.int64),
            np.flatnonzero(edges == -1).astype(np.int64))


def paragraph_bounds(points: np.ndarray, space: np.ndarray) -> np.ndarray:
    """Starts of the lines that hold something other than white space."""
    breaks = np.flatnonzero(points == 0x0A)
    line_starts = np.concatenate(([0], breaks + 1)).astype(np.int64)
    line_ends = np.concatenate((breaks, [points.size])).astype(np.int64)
    filled = np.concatenate(([0], np.cumsum(~space, dtype=np.int64)))
    return line_starts[filled[line_ends] > filled[line_starts]]


def pack(positions: np.ndarray) -> bytes:
    """Increasing positions as differences in the narrowest type that holds them."""
    steps = np.diff(np.asarray(positions, dtype=np.int64), prepend=0)
    if steps.size and steps.min() < 0:
        raise ValueError("positions must not decrease")
    largest = int(steps.max()) if steps.size else 0
    if steps.size and int(positions[-1]) >= 2**31:
        raise ValueError("positions beyond any text a project can hold")
    width = next(size for size in (1, 2, 4, 8) if largest < 256 ** size)
    return bytes([width]) + steps.astype(_WIDTHS[width]).tobytes()


def unpack(blob: bytes) -> np.ndarray:
    """The positions :func:`pack` packed."""
    if not blob:
        raise ValueError("an empty layout record")
    width = blob[0]
    if width not in _WIDTHS or (len(blob) - 1) % width:
        raise ValueError("a damaged layout record")
    # Positions are code points of a text SQLite holds (under 2^31): int32 sums several times
    # faster than int64 and halves the memory the searches walk.
    return np.cumsum(np.frombuffer(blob, dtype=_WIDTHS[width], offset=1), dtype=np.int32)


def pack_words(layout: TextLayout) -> bytes:
    """Starts and ends interleaved (each word ends before the next starts): one increasing run."""
    bounds = np.empty(layout.word_count * 2, dtype=np.int64)
    bounds[0::2], bounds[1::2] = layout.word_starts, layout.word_ends
    return pack(bounds)


def unpack_words(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    bounds = unpack(blob)
    return bounds[0::2], bounds[1::2]
