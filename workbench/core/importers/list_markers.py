"""The visible marker of a list item: a bullet, or its number in the list's own style."""

from __future__ import annotations

import re

BULLET = "•"
MAX_ROMAN = 3999  # beyond this roman numerals need bars; a hostile start value would hang us
_SMALL_INTEGER = re.compile(r"-?[0-9]{1,9}")

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(number: int, style: str) -> str:
    """``number`` written in a list style: decimal, lower/upper letter or lower/upper roman."""
    if style in ("lowerLetter", "a"):
        return _letters(number)
    if style in ("upperLetter", "A"):
        return _letters(number).upper()
    if style in ("lowerRoman", "i") and 0 < number <= MAX_ROMAN:
        return _roman(number)
    if style in ("upperRoman", "I") and 0 < number <= MAX_ROMAN:
        return _roman(number).upper()
    return str(number)


def small_integer(text: str | None, default: int) -> int:
    """A number or count as a document writes it, or ``default`` when it is no plain integer
    of at most nine digits (hostile files write '²', '--5' or five thousand nines)."""
    text = (text or "").strip()
    return int(text) if _SMALL_INTEGER.fullmatch(text) else default


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _roman(number: int) -> str:
    result = ""
    for value, letters in _ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result
