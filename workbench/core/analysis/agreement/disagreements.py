"""The passages the coders disagree on, side by side, each with its reference.

For one code in one document, a *disagreement* is a stretch of text that some coder coded with
the code and the coders did not all code alike: a connected stretch of the union of their
passages in which at least one character is coded by some coders and not by others. For each
coder we show what they coded inside that stretch (nothing, part of it, or all of it), so the
passages stand side by side. Themes are not listed separately: their disagreements are those of
their codes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.core.analysis.agreement.units import Coverage, DocumentUnits, Units
from workbench.core.queries.passages import REFERENCE_SEPARATOR

GAP = " … "  # between two passages of one coder inside the same stretch


@dataclass(frozen=True)
class Disagreement:
    code_id: int
    code: str  # the code's path
    case: str
    document_id: int
    document: str
    paragraph: int
    start: int
    end: int
    passages: tuple[str | None, ...]  # per chosen coder: what they coded in [start, end)
    #                                   (None: the coder did not code this document)
    characters: int  # characters coded by some coders and not by others

    @property
    def reference(self) -> str:
        return REFERENCE_SEPARATOR.join((self.case, self.document, f"¶{self.paragraph}"))


def document_disagreements(units: Units, document: DocumentUnits,
                           covered: Coverage) -> list[Disagreement]:
    present = np.flatnonzero(document.coded_by)
    lengths = covered.lengths
    found = []
    for r in units.code_rows:
        mine = covered.covered[r][present]  # present coders x pieces
        union, common = mine.any(axis=0), mine.all(axis=0)
        if np.array_equal(union, common):
            continue
        split = (union ^ common) * lengths
        for first, last in _runs(union):  # pieces [first, last)
            differing = int(split[first:last].sum())
            if differing:
                found.append(_disagreement(units, document, r, covered, first, last, differing))
    found.sort(key=lambda d: (d.start, d.end, d.code))
    return found


def _disagreement(units: Units, document: DocumentUnits, r: int, covered: Coverage,
                  first: int, last: int, differing: int) -> Disagreement:
    row, cuts = units.rows[r], covered.cuts
    texts: list[str | None] = []
    for coder in range(len(units.coders)):
        if not document.coded_by[coder]:
            texts.append(None)
            continue
        runs = _runs(covered.covered[r, coder, first:last])
        texts.append(GAP.join(document.text[cuts[first + a]:cuts[first + b]].strip()
                              for a, b in runs))
    start, end = int(cuts[first]), int(cuts[last])
    return Disagreement(row.code_id, row.label, document.case, document.id, document.title,
                        document.paragraph(start), start, end, tuple(texts), differing)


def _runs(mask: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of True."""
    edges = np.flatnonzero(np.diff(np.concatenate(([False], mask, [False])).astype(np.int8)))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))
