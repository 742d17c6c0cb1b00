"""Figures are written without a negative zero, in the terminal, the exports and the window."""

from __future__ import annotations

from workbench.core.analysis.agreement.formatting import number
from workbench.core.numbers import fixed, percent_text


def test_a_value_that_rounds_to_zero_has_no_sign() -> None:
    assert fixed(-0.0004) == "0.00"
    assert fixed(-0.0) == "0.00"
    assert fixed(-0.004, 2) == "0.00"
    assert fixed(-0.006) == "-0.01"
    assert fixed(0.4249) == "0.42"
    assert number(-0.001) == "0.00" and number(None) == "–"
    assert percent_text(-0.0001) == "0.0%" and percent_text(0.979) == "97.9%"
