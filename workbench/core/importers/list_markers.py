"""The visible marker of a list item: a bullet, or its number in the list's own style."""

from __future__ import annotations

BULLET = "•"

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(number: int, style: str) -> str:
    """``number`` written in a list style: decimal, lower/upper letter or lower/upper roman."""
    if style in ("lowerLetter", "a"):
        return _letters(number)
    if style in ("upperLetter", "A"):
        return _letters(number).upper()
    if style in ("lowerRoman", "i"):
        return _roman(number)
    if style in ("upperRoman", "I"):
        return _roman(number).upper()
    return str(number)


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
