"""Per-paragraph counts from which every agreement figure (and each bootstrap resample) follows.

For each paragraph block and each row, :func:`block_counts` keeps, per pair of coders, the 2x2
table's ``n11, n10, n01`` (only in documents every coder coded), and for alpha the number of
1-values ``n1`` and the disagreeing coincidences ``o01`` (in every compared document). Two
columns are the same for all rows: the characters counted for kappa, and the pairable values
for alpha. Summing blocks gives the totals; weighting them gives a bootstrap resample.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from workbench.core.analysis.agreement.units import Coverage, DocumentUnits, Units

KAPPA_UNITS, ALPHA_VALUES = 0, 1  # the shared columns


def pairs(coders: int) -> list[tuple[int, int]]:
    return list(combinations(range(coders), 2))


def columns_per_row(coders: int) -> int:
    return 3 * len(pairs(coders)) + 2


@dataclass
class BlockCounts:
    """``per_row``: blocks x rows x columns; ``shared``: blocks x 2; ``document``: block -> doc."""

    per_row: NDArray[np.float64]
    shared: NDArray[np.float64]
    document: NDArray[np.int64]


def document_counts(units: Units, document: DocumentUnits,
                    covered: Coverage) -> tuple[NDArray, NDArray]:
    """One document's counts per block: ``blocks x rows x columns`` and ``blocks x 2``."""
    starts = document.blocks()
    first_piece = covered.piece(starts)
    lengths = np.diff(np.append(starts, document.length)).astype(float)
    weights = covered.lengths.astype(np.int64)
    flags = covered.covered
    rows, coders = flags.shape[0], flags.shape[1]

    def per_block(values: NDArray) -> NDArray:  # ... x pieces -> blocks x ...
        return np.moveaxis(np.add.reduceat(values * weights, first_piece, axis=-1), -1, 0)

    per_row = np.zeros((len(starts), rows, columns_per_row(coders)))
    shared = np.zeros((len(starts), 2))
    if document.all_coded:
        shared[:, KAPPA_UNITS] = lengths
        coded = per_block(flags)  # blocks x rows x coders
        for p, (a, b) in enumerate(pairs(coders)):
            both = per_block(flags[:, a] & flags[:, b])
            per_row[:, :, 3 * p] = both
            per_row[:, :, 3 * p + 1] = coded[:, :, a] - both
            per_row[:, :, 3 * p + 2] = coded[:, :, b] - both
    present = np.flatnonzero(document.coded_by)
    m = len(present)
    shared[:, ALPHA_VALUES] = m * lengths
    ones = flags[:, present].sum(axis=1, dtype=np.int64)  # rows x pieces
    per_row[:, :, -2] = per_block(ones)
    per_row[:, :, -1] = per_block(ones * (m - ones)) / (m - 1)
    return per_row, shared


def assemble(parts: list[tuple[int, NDArray, NDArray]], rows: int, coders: int) -> BlockCounts:
    if not parts:
        return BlockCounts(np.zeros((0, rows, columns_per_row(coders))), np.zeros((0, 2)),
                           np.zeros(0, dtype=np.int64))
    return BlockCounts(np.concatenate([p[1] for p in parts]),
                       np.concatenate([p[2] for p in parts]),
                       np.concatenate([np.full(len(p[1]), p[0]) for p in parts]))
