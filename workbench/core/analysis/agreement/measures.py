"""Percent agreement, Cohen's kappa and Krippendorff's alpha (nominal), written with numpy.

Every function works on *counts*, so the same code computes a point estimate (the counts of all
units) and a bootstrap resample (the counts weighted by how often each block was drawn): give it
numbers or arrays of numbers. An undefined value is ``nan`` in the arrays and ``None`` with a
reason in :class:`Measure`.

Units are characters. For one code, each character is *coded* (1) or *not coded* (0) by a coder.

* Percent agreement and kappa compare two coders over the same characters: a 2x2 table
  ``n11`` (both coded), ``n10`` (only the first), ``n01`` (only the second), ``n00`` (neither).
  Kappa is ``(p_o - p_e) / (1 - p_e)`` with ``p_e`` from each coder's own share of coded
  characters (Cohen 1960), exactly what scikit-learn's ``cohen_kappa_score`` computes.
* Alpha takes any number of coders, some of whom may not have coded a unit (missing data). For
  a binary value it needs three sums over the pairable units (units with two or more values):
  ``n`` values, ``n1`` of them 1, and the disagreeing coincidences ``o01 = sum n0*n1/(m-1)``.
  Then ``alpha = 1 - (n - 1) * o01 / (n0 * n1)`` (Krippendorff 2011, nominal metric).

When is a measure undefined? When chance agreement is already perfect: every character has the
same value for every coder (``p_e = 1`` for kappa, ``n0 * n1 = 0`` for alpha), which happens for a
code no coder used (or one that covers everything). The ratio is then 0/0; reporting 1 would claim
a reliability the data cannot show and 0 would claim a disagreement there is not, so we report
no value and say why. Percent agreement stays defined (100% in that case).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

NOTHING_CODED = "no coder used this code in these documents: only its absence agrees"
ALL_CODED = "every character carries this code for every coder: there is no variation"
NO_UNITS = "no character was coded by enough coders to compare"


@dataclass(frozen=True)
class Measure:
    """One agreement figure: its value (None when undefined), 95% interval, and why not."""

    value: float | None
    low: float | None = None
    high: float | None = None
    reason: str = ""


def percent_agreement(n11: ArrayLike, n10: ArrayLike, n01: ArrayLike, n: ArrayLike) -> NDArray:
    """Share (0..1) of the ``n`` units on which both coders agree; nan without units."""
    n11, n10, n01, n = (np.asarray(x, dtype=float) for x in (n11, n10, n01, n))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, (n - n10 - n01) / np.where(n > 0, n, 1), np.nan)


def kappa_from_counts(n11: ArrayLike, n10: ArrayLike, n01: ArrayLike, n: ArrayLike) -> NDArray:
    """Cohen's kappa from a 2x2 table (``n00 = n - n11 - n10 - n01``); nan when p_e = 1."""
    n11, n10, n01, n = (np.asarray(x, dtype=float) for x in (n11, n10, n01, n))
    safe_n = np.where(n > 0, n, 1.0)
    first, second = (n11 + n10) / safe_n, (n11 + n01) / safe_n  # each coder's share coded
    observed = (n - n10 - n01) / safe_n
    expected = first * second + (1 - first) * (1 - second)
    with np.errstate(invalid="ignore", divide="ignore"):
        kappa = (observed - expected) / (1 - expected)
    return np.where((n > 0) & (expected < 1 - 1e-12), kappa, np.nan)


def alpha_from_counts(n: ArrayLike, n1: ArrayLike, o01: ArrayLike) -> NDArray:
    """Krippendorff's alpha (nominal, two values) from the pairable sums; nan when undefined."""
    n, n1, o01 = (np.asarray(x, dtype=float) for x in (n, n1, o01))
    n0 = n - n1
    variation = n0 * n1
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1 - (n - 1) * o01 / variation
    return np.where((n > 1) & (variation > 0), alpha, np.nan)


def table(first: NDArray[np.bool_], second: NDArray[np.bool_]) -> tuple[int, int, int, int]:
    """``(n11, n10, n01, n)`` of two coders' coded/not-coded vectors over the same units."""
    both = int(np.count_nonzero(first & second))
    only_first = int(np.count_nonzero(first)) - both
    only_second = int(np.count_nonzero(second)) - both
    return both, only_first, only_second, int(first.size)


def cohen_kappa(first: NDArray[np.bool_], second: NDArray[np.bool_]) -> float | None:
    """Cohen's kappa of two boolean character vectors (None when undefined)."""
    return _scalar(kappa_from_counts(*table(first, second)))


def alpha_nominal(data: ArrayLike) -> float | None:
    """Krippendorff's alpha, nominal metric, for a coders x units matrix of category codes.

    Values are any numbers; ``nan`` marks a coder who gave no value for a unit. Units with fewer
    than two values cannot be paired and are left out. None when there is no variation.
    """
    matrix = np.asarray(data, dtype=float)
    present = ~np.isnan(matrix)
    values = np.unique(matrix[present])
    counts = np.stack([(matrix == value).sum(axis=0) for value in values]) if values.size else (
        np.zeros((0, matrix.shape[1])))  # categories x units: how many coders gave the value
    m = present.sum(axis=0)
    pairable = m >= 2
    counts, m = counts[:, pairable], m[pairable]
    n_c = counts.sum(axis=1)
    n = n_c.sum()
    if n < 2 or np.count_nonzero(n_c) < 2:
        return None
    # Disagreeing coincidences: ordered pairs of different values within a unit, over m - 1.
    same = (counts * (counts - 1)).sum(axis=0)
    different = (m * (m - 1) - same) / (m - 1)
    expected = (n * n - (n_c ** 2).sum()) / (n - 1)
    return float(1 - different.sum() / expected)


def _scalar(value: NDArray) -> float | None:
    number = float(value)
    return None if np.isnan(number) else number
