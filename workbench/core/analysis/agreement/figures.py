"""From summed counts to the figures of a result row: agreement, kappa per pair and mean, alpha.

Works on arrays with any leading dimensions (a point estimate, or one per bootstrap resample):
``per_row`` is ``... x rows x columns`` (see :mod:`stats`), ``shared`` is ``... x 2``.

With more than two coders, percent agreement and kappa are the means over all pairs of coders
(for kappa this is Light's kappa); a mean with an undefined pair is undefined. Alpha takes all
coders at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.core.analysis.agreement.measures import (
    alpha_from_counts,
    kappa_from_counts,
    percent_agreement,
)
from workbench.core.analysis.agreement.stats import ALPHA_VALUES, KAPPA_UNITS


@dataclass
class Figures:
    percent: NDArray  # ... x rows, mean over pairs
    kappa: NDArray  # ... x rows, mean over pairs (Light's kappa)
    alpha: NDArray  # ... x rows
    pair_percent: NDArray  # ... x rows x pairs
    pair_kappa: NDArray  # ... x rows x pairs


def figures(per_row: NDArray, shared: NDArray, scale: NDArray | None = None) -> Figures:
    """``scale`` (per row) multiplies the shared counts: a pooled row counts each character once
    per code it pools."""
    pair_count = (per_row.shape[-1] - 2) // 3
    scale = np.ones(per_row.shape[-2]) if scale is None else scale
    units = (shared[..., None, KAPPA_UNITS] * scale)[..., None]  # ... x rows x 1
    tables = per_row[..., : 3 * pair_count].reshape(*per_row.shape[:-1], pair_count, 3)
    n11, n10, n01 = tables[..., 0], tables[..., 1], tables[..., 2]
    pair_percent = percent_agreement(n11, n10, n01, units)
    pair_kappa = kappa_from_counts(n11, n10, n01, units)
    alpha = alpha_from_counts(shared[..., None, ALPHA_VALUES] * scale, per_row[..., -2],
                              per_row[..., -1])
    return Figures(pair_percent.mean(axis=-1), pair_kappa.mean(axis=-1), alpha,
                   pair_percent, pair_kappa)


def pooled(per_row: NDArray, shared: NDArray, code_rows: list[int]) -> tuple[NDArray, NDArray]:
    """Counts of all code rows taken together: each (character, code) is one unit."""
    return (per_row[..., code_rows, :].sum(axis=-2, keepdims=True),
            shared * max(len(code_rows), 1))
