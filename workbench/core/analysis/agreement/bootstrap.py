"""95% bootstrap intervals for kappa and alpha, resampling paragraphs.

The resampling unit is the *paragraph block* (a paragraph of a compared document, with the
blank lines after it), drawn with replacement as many times as there are blocks; the figures
are recomputed from the drawn blocks' counts and the interval is the 2.5th to 97.5th
percentile of the resamples. Why paragraphs and not the characters themselves: neighbouring
characters are not independent (a coded passage decides hundreds of them at once), so
resampling characters would give intervals far too narrow. Why not documents: a team often
double-codes only a few documents (the sample project has one per case), and a per-case figure
may rest on a single document, which cannot be resampled at all. A paragraph is the smallest
stretch a coder reads and decides on as a whole, so it is the unit whose decisions are closest
to independent while still being numerous.

The same seed gives the same resamples, so a reported interval can be reproduced.

Speed: a resample's sums are its draw counts times the blocks' counts, one matrix product for
a batch of resamples. The product runs in single precision, which is exact for every count and
weight and loses at most about a millionth of a total when summing, far below the width of any
interval (the point estimates themselves are summed exactly, in double precision).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.core.analysis.agreement.figures import figures

DEFAULT_RESAMPLES = 1000
_CHUNK_VALUES = 16_000_000  # resamples x blocks drawn at once (about 64 MB of weights)


@dataclass
class Intervals:
    """``low``/``high`` per row for kappa and alpha; nan where no interval can be given."""

    kappa_low: NDArray
    kappa_high: NDArray
    alpha_low: NDArray
    alpha_high: NDArray


def intervals(per_row: NDArray, shared: NDArray, resamples: int = DEFAULT_RESAMPLES,
              rng: np.random.Generator | None = None, scale: NDArray | None = None) -> Intervals:
    """Percentile intervals of kappa and alpha per row, from ``blocks x rows x columns`` counts
    (``scale``: see :func:`figures.figures`)."""
    rng = rng or np.random.default_rng()
    blocks, rows, columns = per_row.shape
    if blocks == 0 or resamples <= 0:
        empty = np.full(rows, np.nan)
        return Intervals(empty, empty, empty, empty)
    matrix = np.concatenate([per_row.reshape(blocks, rows * columns), shared],
                            axis=1).astype(np.float32)
    kappas, alphas = [], []
    chunk = max(1, _CHUNK_VALUES // blocks)
    for first in range(0, resamples, chunk):
        size = min(chunk, resamples - first)
        totals = (_draw_counts(rng, size, blocks) @ matrix).astype(float)
        result = figures(totals[:, : rows * columns].reshape(size, rows, columns),
                         totals[:, rows * columns:], scale)
        kappas.append(result.kappa)
        alphas.append(result.alpha)
    kappa_low, kappa_high = _percentiles(np.concatenate(kappas))
    alpha_low, alpha_high = _percentiles(np.concatenate(alphas))
    return Intervals(kappa_low, kappa_high, alpha_low, alpha_high)


def _draw_counts(rng: np.random.Generator, resamples: int, blocks: int) -> NDArray[np.float32]:
    """How often each block is drawn in each resample (``blocks`` draws with replacement)."""
    drawn = rng.integers(0, blocks, size=(resamples, blocks), dtype=np.int32)
    counts = np.empty((resamples, blocks), dtype=np.float32)
    for n in range(resamples):
        counts[n] = np.bincount(drawn[n], minlength=blocks)
    return counts


def _percentiles(values: NDArray) -> tuple[NDArray, NDArray]:
    """2.5th and 97.5th percentiles per row; nan for a row defined in under half the resamples
    (a code so rare that most resamples hold none of it has no meaningful interval)."""
    defined = ~np.isnan(values)
    enough = defined.sum(axis=0) >= values.shape[0] / 2
    low, high = np.full(values.shape[1], np.nan), np.full(values.shape[1], np.nan)
    if enough.any():
        part = values[:, enough]
        low[enough] = np.nanpercentile(part, 2.5, axis=0)
        high[enough] = np.nanpercentile(part, 97.5, axis=0)
    return low, high
