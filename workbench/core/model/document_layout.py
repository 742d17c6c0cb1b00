"""A document's word and paragraph boundaries, stored beside it (schema version 2).

Derived from the text (see :mod:`workbench.core.text_layout`) and written with the document by
:func:`workbench.core.store.documents.insert_document`, the one way every path stores a
document. Deleting the document deletes its layout by cascade.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base


class DocumentLayout(Base):
    __tablename__ = "document_layout"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    word_count: Mapped[int] = mapped_column(Integer)
    words: Mapped[bytes] = mapped_column(LargeBinary)  # see text_layout.pack_words
    paragraphs: Mapped[bytes] = mapped_column(LargeBinary)  # see text_layout.pack


def layout_row(document_id: int, text: str) -> dict[str, Any]:
    # numpy is imported when a document is stored, not by every reader of a project (the CLI).
    from workbench.core.text_layout import lay_out, pack, pack_words

    layout = lay_out(text)
    return {"document_id": document_id, "word_count": layout.word_count,
            "words": pack_words(layout), "paragraphs": pack(layout.paragraph_starts)}

