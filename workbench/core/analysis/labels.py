"""How a code is named where room is short (charts, table headers)."""

from __future__ import annotations


def short_name(name: str) -> str:
    """A code's label without the translation in brackets: ``Shared struggle``."""
    return name.split(" (", 1)[0] if not name.startswith("(") else name
