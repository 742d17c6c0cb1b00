"""The measures against known answers and against scikit-learn and the krippendorff package."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.analysis.agreement.measures import (
    alpha_from_counts,
    alpha_nominal,
    cohen_kappa,
    kappa_from_counts,
    percent_agreement,
    table,
)

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example:
# 4 observers, 12 units, missing values; alpha = 0.743.
KRIPPENDORFF_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, np.nan, np.nan, np.nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, np.nan, 3],
    [np.nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, np.nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, np.nan],
]


def test_textbook_alpha_with_missing_values() -> None:
    assert alpha_nominal(KRIPPENDORFF_EXAMPLE) == pytest.approx(0.743, abs=5e-4)


def test_textbook_kappa_from_a_two_by_two_table() -> None:
    # 100 passages: 20 both coded, 5 only the first, 10 only the second, 65 neither.
    # p_o = 0.85; p_e = 0.25 * 0.30 + 0.75 * 0.70 = 0.60; kappa = 0.25 / 0.40 = 0.625.
    assert float(kappa_from_counts(20, 5, 10, 100)) == pytest.approx(0.625)
    assert float(percent_agreement(20, 5, 10, 100)) == pytest.approx(0.85)


def test_binary_alpha_from_counts_equals_the_general_alpha() -> None:
    first = np.array([1, 1, 0, 0, 0, 1, 0, 0])
    second = np.array([1, 0, 0, 0, 1, 1, 0, 0])
    ones = first + second
    from_counts = alpha_from_counts(16, ones.sum(), (ones * (2 - ones)).sum())
    assert float(from_counts) == pytest.approx(alpha_nominal([first, second]))


def test_no_variation_leaves_kappa_and_alpha_undefined() -> None:
    nothing = np.zeros(50, dtype=bool)
    assert cohen_kappa(nothing, nothing) is None
    assert alpha_nominal([nothing, nothing]) is None
    assert float(percent_agreement(*table(nothing, nothing))) == 1.0


vectors = st.integers(min_value=2, max_value=300).flatmap(
    lambda size: st.tuples(st.lists(st.booleans(), min_size=size, max_size=size),
                           st.lists(st.booleans(), min_size=size, max_size=size)))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(vectors)
def test_kappa_and_percent_equal_scikit_learn_on_random_vectors(pair) -> None:
    from sklearn.metrics import cohen_kappa_score  # scikit-learn loads SciPy: only when used

    first, second = (np.array(values, dtype=bool) for values in pair)
    ours = cohen_kappa(first, second)
    if len(set(first.tolist() + second.tolist())) < 2:
        assert ours is None  # one value everywhere: scikit-learn returns nan here
        return
    assert ours == pytest.approx(cohen_kappa_score(first, second), abs=1e-12)
    assert float(percent_agreement(*table(first, second))) == pytest.approx(
        np.mean(first == second))


matrices = st.tuples(st.integers(2, 5), st.integers(2, 40)).flatmap(
    lambda shape: st.lists(st.lists(st.sampled_from([0.0, 1.0, 2.0, np.nan]),
                                    min_size=shape[1], max_size=shape[1]),
                           min_size=shape[0], max_size=shape[0]))


@pytest.mark.slow  # 80 hypothesis examples against the krippendorff package
@settings(max_examples=80, deadline=None)
@given(matrices)
def test_alpha_equals_the_krippendorff_package_with_missing_data(rows) -> None:
    data = np.array(rows, dtype=float)
    ours = alpha_nominal(data)
    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    values = np.unique(data[:, pairable][~np.isnan(data[:, pairable])])
    if values.size < 2:
        assert ours is None  # no variation among pairable values: alpha is 0/0
        return
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours == pytest.approx(expected, abs=1e-9)
