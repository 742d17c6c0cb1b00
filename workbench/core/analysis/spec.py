"""What a matrix is asked to show: its columns, its cells, its rows' order and its filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.core.errors import DomainError
from workbench.core.model import DocumentKind

COLUMN_LEVELS = ("themes", "codes")
CODER_MODES = ("count", "documents", "presence", "words")  # what a coder-by-code cell shows
WITHIN = ("overlap", "paragraph")  # how two codings of a code-by-code matrix meet
CELL_MODES = ("count", "documents", "presence", "words", "share", "row_percent",
              "column_percent", "passages", "summary")
NUMERIC_MODES = ("count", "documents", "presence", "words", "share", "row_percent",
                 "column_percent")
FRACTION_MODES = ("share", "row_percent", "column_percent")  # fractions from 0 to 1
MODE_TITLES = {
    "count": "Codings", "documents": "Documents", "presence": "Presence", "words": "Words coded",
    "share": "Share of words coded", "row_percent": "Codings, row %",
    "column_percent": "Codings, column %", "passages": "Passages", "summary": "Summaries",
}


@dataclass(frozen=True)
class MatrixSpec:
    """A matrix request. Filters left empty do not restrict.

    ``columns``: ``"themes"`` (top-level codes, each rolling up its whole subtree) or ``"codes"``
    (every code that can hold codings or has no sub-codes, each counting only its own codings).
    ``by``: a case attribute; rows are grouped by its value (then in the researcher's case order).
    ``show``: case attributes shown as columns beside the case name (``by`` is always shown).
    ``attributes``: keep only cases whose attribute holds one of the given values.
    """

    columns: str = "themes"
    cell: str = "count"
    by: str | None = None
    show: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.columns not in COLUMN_LEVELS:
            raise DomainError(f"Matrix columns are 'themes' or 'codes', not '{self.columns}'.")
        if self.cell not in CELL_MODES:
            raise DomainError(f"A matrix cell shows one of {', '.join(CELL_MODES)}; "
                              f"'{self.cell}' is not one of them.")
        known = {kind.value for kind in DocumentKind}
        for kind in self.kinds:
            if kind not in known:
                raise DomainError(f"'{kind}' is not a document kind ({', '.join(sorted(known))}).")

    @property
    def numeric(self) -> bool:
        return self.cell in NUMERIC_MODES

    @property
    def shown_attributes(self) -> tuple[str, ...]:
        first = (self.by,) if self.by else ()
        return first + tuple(name for name in self.show if name != self.by)

    def with_cell(self, cell: str) -> MatrixSpec:
        return MatrixSpec(self.columns, cell, self.by, self.show, self.coders, self.kinds,
                          self.attributes)

    def describe_filters(self) -> list[tuple[str, str]]:
        """The filters in words, for the provenance note of an export."""
        return [
            ("Coders", ", ".join(self.coders) or "all coders"),
            ("Document kinds", ", ".join(self.kinds) or "all kinds"),
            ("Cases", "; ".join(f"{name} = {' or '.join(values)}"
                                for name, values in self.attributes.items()) or "all cases"),
        ]
