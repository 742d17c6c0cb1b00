"""Passages as quotations in a report: who coded each, which sub-code, and where it stands,
without repeating what the table's row already says.

Two coders often code the same stretch with the same code. Listed plainly, the quotation would
appear twice; :func:`quotes` can merge overlapping passages of one code in one document into a
single quotation that names every coder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workbench.core.queries.passages import REFERENCE_SEPARATOR, Passage


@dataclass
class Quote:
    """One quotation: its text, the first passage it came from, and every coder of it."""

    text: str
    first: Passage
    coders: list[str] = field(default_factory=list)
    end: int = 0

    @property
    def code(self) -> str:
        """The code's own label (the last part of its path, without the translation)."""
        name = self.first.code.rsplit("/", 1)[-1]
        return name.split(" (", 1)[0] if not name.startswith("(") else name


def quotes(passages: Iterable[Passage], merge: bool = False) -> list[Quote]:
    """Each passage as a quote; ``merge``: overlapping passages of the same code in the same
    document become one quote (their texts joined, their coders listed), in reading order."""
    found: list[Quote] = []
    open_quotes: dict[tuple[int, int], Quote] = {}
    for passage in sorted(passages, key=lambda p: (p.case_id, p.document_id, p.start, p.end)) \
            if merge else passages:
        key = (passage.document_id, passage.code_id)
        current = open_quotes.get(key) if merge else None
        if current is not None and passage.start < current.end:
            if passage.end > current.end:
                current.text += passage.text[current.end - passage.start:]
                current.end = passage.end
            if passage.coder not in current.coders:
                current.coders.append(passage.coder)
            continue
        quote = Quote(passage.text, passage, [passage.coder], passage.end)
        open_quotes[key] = quote
        found.append(quote)
    return found


def quotation(quote: Quote) -> str:
    """The quote's text on one line, in curly quotation marks."""
    return f"“{' '.join(quote.text.split())}”"


def reference(quote: Quote, *, row: str = "case", with_code: bool = False) -> str:
    """Where a quote stands and who coded it, leaving out what the row says (``row``: ``case``,
    ``code`` or ``none``), e.g. ``(Interview met Zoë · ¶3, Zoë; Socialisation; coded by Lotte,
    Youssef)``."""
    passage = quote.first
    where: list[str] = [] if row == "case" else [passage.case]
    where += [passage.document, f"¶{passage.paragraph}"]
    parts = [REFERENCE_SEPARATOR.join(where) + (f", {passage.speaker}" if passage.speaker else "")]
    if with_code and row != "code":
        parts.append(quote.code)
    parts.append(f"coded by {', '.join(quote.coders)}")
    return f"({'; '.join(parts)})"


def quote_lines(passages: Sequence[Passage], *, merge: bool, with_code: bool,
                row: str = "case") -> list[tuple[str, str]]:
    """(quotation, reference) for each quote of a cell."""
    return [(quotation(quote), reference(quote, row=row, with_code=with_code))
            for quote in quotes(passages, merge)]
