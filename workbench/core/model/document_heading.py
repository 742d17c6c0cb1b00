"""A heading of a document, as its source file marked it (project format 3).

Word's heading styles and outline levels, OpenDocument's ``text:h`` and HTML's ``h1``-``h6``
are kept at import: the heading's level (1 the highest) and where its line stands in the stored
text (code points, half-open). Autocoding by structure codes the sections under them; documents
without stored headings (plain text, PDF, RTF, merged or older ones) have theirs recognised from
the text instead (see :mod:`workbench.core.autocode.sections`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import CheckConstraint, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base


class DocumentHeading(Base):
    __tablename__ = "document_heading"
    __table_args__ = (CheckConstraint("level >= 1 AND start < \"end\"", name="range"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


def locate_headings(text: str, headings: Iterable[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """``(level, start, end)`` of each heading ``(level, text)``, found in order as a whole line
    of the stored text; a heading not found so (the text was changed on the way) is left out."""
    found, position = [], 0
    for level, heading in headings:
        wanted = unicodedata.normalize("NFC", " ".join(heading.split()))
        at = position
        while wanted and (at := text.find(wanted, at)) >= 0:
            end = at + len(wanted)
            if (at == 0 or text[at - 1] == "\n") and (end == len(text) or text[end] == "\n"):
                found.append((max(1, level), at, end))
                position = end
                break
            at += 1
    return found
