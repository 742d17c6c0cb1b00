"""Which unit a producer counted its selections in, decided by origin and checked against the
selections' names (tools such as ATLAS.ti name a selection after the text it covers)."""

from __future__ import annotations

from workbench.core.exchange.positions import TextMap, Unit, has_astral
from workbench.core.exchange.qde_model import QdeSource

_TRIM = ".… \t\n"


def default_unit(origin: str) -> Unit:
    """NVivo counts UTF-16 units (CRLF as two); ATLAS.ti counts CRLF as one; others code points."""
    folded = origin.casefold()
    if "nvivo" in folded:
        return Unit.UTF16
    if "atlas" in folded:
        return Unit.LF_CODE_POINTS
    return Unit.CODE_POINTS


def choose_unit(source: QdeSource, text_map: TextMap, origin: str) -> tuple[Unit, int, int]:
    """The unit whose slices best match the selection names: (unit, names matched, names).

    Text without CRLF or characters beyond U+FFFF reads the same in every unit.
    """
    preferred = default_unit(origin)
    raw = text_map.raw
    if "\r\n" not in raw and not has_astral(raw):
        return Unit.CODE_POINTS, 0, 0
    named = [s for s in source.selections if s.name.strip(_TRIM)]
    order = [preferred] + [unit for unit in Unit if unit is not preferred]
    if not named:
        return preferred, 0, 0
    scores = {unit: sum(_matches(text_map, unit, s.start, s.end, s.name) for s in named)
              for unit in order}
    best = max(order, key=lambda unit: scores[unit])  # max keeps the first of equals
    return best, scores[best], len(named)


def _matches(text_map: TextMap, unit: Unit, start: int, end: int, name: str) -> bool:
    low, high = text_map.stored_range(unit, start, end)
    if high <= low:
        return False
    wanted = " ".join(name.strip(_TRIM).split())
    found = " ".join(text_map.stored[low:high].split())
    return bool(wanted) and found.startswith(wanted)
