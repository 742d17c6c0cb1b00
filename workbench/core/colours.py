"""Colours of codes and coders: ``#RRGGBB``, upper-case, as REFI-QDA writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.core.errors import DomainError

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")

# Distinct hues that stay readable as a highlight behind black text.
PALETTE = (
    "#E6A23C", "#5AA9E6", "#7BC67B", "#E57373", "#B39DDB", "#4DB6AC", "#F06292", "#A1887F",
    "#FFD54F", "#90A4AE", "#AED581", "#FF8A65", "#64B5F6", "#BA68C8", "#81C784", "#DCE775",
)


def valid_colour(colour: str) -> str:
    """Return the colour as ``#RRGGBB`` or raise a clear error."""
    match = _HEX.match(colour.strip())
    if not match:
        raise DomainError(f"'{colour}' is not a colour; write it as #RRGGBB, e.g. #E6A23C.")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return f"#{digits.upper()}"


def next_colour(used: Iterable[str]) -> str:
    """The first palette colour not yet used (cycling when all are taken)."""
    taken = [colour.upper() for colour in used]
    for colour in PALETTE:
        if colour not in taken:
            return colour
    return PALETTE[len(taken) % len(PALETTE)]
