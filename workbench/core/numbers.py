"""Writing figures for people: fixed decimals, and never a negative zero.

A kappa of -0.0004 rounds to "-0.00" with Python's own formatting, which reads as a sign where
there is none. Every figure the terminal, the exports and the window show goes through
:func:`fixed` (or :func:`percent_text`), so they all agree.
"""

from __future__ import annotations


def fixed(value: float, digits: int = 2) -> str:
    """``value`` with ``digits`` decimals; a value that rounds to zero is written without a sign."""
    text = f"{value:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        return text[1:]
    return text


def percent_text(share: float, digits: int = 1) -> str:
    """A share (0..1) as a percentage: ``0.979`` -> ``97.9%``."""
    return f"{fixed(100 * share, digits)}%"
