"""Segment agreement: is each coded passage found again by the other coders?

A segment (one coding) of one coder is *matched* by another coder when that coder coded the
same code (for a theme: any code of its subtree) over at least ``overlap`` of the segment's
characters, in any number of their own passages. So with ``overlap=0.9`` a passage of 100
characters is matched when the other coder's passages cover 90 of them, wherever they start
and end. A segment counts only in documents its coder and the other coder both coded.

Per row and coder we keep: the segments, those matched by *another* coder (any of the other
chosen coders who coded the document: with two coders, simply the other one), and per pair of
coders those matched by that coder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.core.analysis.agreement.units import Coverage, DocumentUnits, Units
from workbench.core.errors import DomainError

DEFAULT_OVERLAP = 0.9


@dataclass
class SegmentCounts:
    """``total`` and ``matched``: rows x coders; ``by``: rows x coders x other coders."""

    total: NDArray[np.int64]
    matched: NDArray[np.int64]
    by: NDArray[np.int64]

    @classmethod
    def empty(cls, rows: int, coders: int) -> SegmentCounts:
        return cls(np.zeros((rows, coders), np.int64), np.zeros((rows, coders), np.int64),
                   np.zeros((rows, coders, coders), np.int64))

    def add(self, other: SegmentCounts) -> None:
        self.total += other.total
        self.matched += other.matched
        self.by += other.by


def check_overlap(overlap: float) -> float:
    if not 0 < overlap <= 1:
        raise DomainError(f"The overlap must be a share above 0 and at most 1 (got {overlap}).")
    return overlap


def document_segments(units: Units, document: DocumentUnits, covered: Coverage,
                      overlap: float = DEFAULT_OVERLAP) -> SegmentCounts:
    """Segment counts of one document, from its coverage."""
    rows, coders = covered.covered.shape[0], covered.covered.shape[1]
    counts = SegmentCounts.empty(rows, coders)
    if not len(document.codings):
        return counts
    index, membership = units.membership()
    codes = np.array([index.get(int(c), len(index)) for c in document.codings[:, 0]])
    coding, row = np.nonzero(membership[codes])
    if not len(coding):
        return counts
    coder, start, end = (document.codings[coding, column] for column in (1, 2, 3))
    span = (end - start).astype(float)
    # Characters each coder covered before each cut; codings start and end on cuts.
    running = np.zeros((rows, coders, len(covered.cuts)), dtype=np.int64)
    np.cumsum(covered.covered * covered.lengths, axis=2, out=running[:, :, 1:])
    start, end = covered.piece(start), covered.piece(end)
    np.add.at(counts.total, (row, coder), 1)
    found = np.zeros(len(coding), dtype=bool)
    for other in np.flatnonzero(document.coded_by):
        shared = running[row, other, end] - running[row, other, start]
        hit = (coder != other) & (shared >= overlap * span - 1e-9)
        np.add.at(counts.by, (row[hit], coder[hit], other), 1)
        found |= hit
    np.add.at(counts.matched, (row[found], coder[found]), 1)
    return counts
