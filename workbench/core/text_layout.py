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

_WIDTHS = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}
# What each code point is, as bits: one table lookup classifies a whole text.
WORD, SPACE, JOINER, NEWLINE = 1, 2, 4, 8
_classes: np.ndarray = np.zeros(0, dtype=np.uint8)


@dataclass(frozen=True)
class TextLayout:
    """Word starts and ends (half-open, code points) and paragraph starts of one text."""

    word_starts: np.ndarray
    word_ends: np.ndarray
    paragraph_starts: np.ndarray

    @property
    def word_count(self) -> int:
        return int(self.word_starts.size)


def _class_table(highest: int) -> np.ndarray:
    """By code point: word character (``\\w``), white space, joiner (' ’ -), line break."""
    global _classes
    if _classes.size <= highest:
        size = max(highest + 1, 0x3000)
        table = np.fromiter(((WORD if chr(n).isalnum() or n == 0x5F else 0)
                             | (SPACE if chr(n).isspace() else 0) for n in range(size)),
                            dtype=np.uint8, count=size)
        table[[ord("'"), ord("’"), ord("-")]] |= JOINER
        table[ord("\n")] |= NEWLINE
        _classes = table
    return _classes


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def lay_out(text: str) -> TextLayout:
    points = code_points(text)
    kinds = np.take(_class_table(int(points.max()) if points.size else 0), points)
    starts, ends = word_bounds(kinds)
    return TextLayout(starts, ends, paragraph_bounds(kinds))


def word_bounds(kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the words in classified code points (see :func:`_class_table`)."""
    word = (kinds & WORD).astype(bool)
    inside = word.copy()
    # A joiner between two word characters joins them into one word.
    inside[1:-1] |= (kinds[1:-1] & JOINER).astype(bool) & word[:-2] & word[2:]
    padded = np.zeros(inside.size + 2, dtype=np.int8)
    padded[1:-1] = inside
    edges = np.diff(padded)
    return (np.flatnonzero(edges == 1).astype(np.int64),
            np.flatnonzero(edges == -1).astype(np.int64))


def paragraph_bounds(kinds: np.ndarray) -> np.ndarray:
    """Starts of the lines that hold something other than white space."""
    line_starts = np.concatenate(([0], np.flatnonzero(kinds & NEWLINE) + 1)).astype(np.int64)
    line_ends = np.concatenate((line_starts[1:] - 1, [kinds.size]))
    # Non-space characters before each position: a line is filled if it adds some.
    filled = np.concatenate(([0], np.cumsum((kinds & SPACE) == 0, dtype=np.int32)))
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
