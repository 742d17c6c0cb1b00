"""A coding: one code applied by one coder to a passage ``[start, end)`` of a document.

A coding made by an autocoding rule (see :mod:`workbench.core.autocode`) records the rule's
text in ``rule``, so agreement can leave autocodings out; hand codings have none.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasUuid, utc_now


class Coding(HasUuid, Base):
    __tablename__ = "coding"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="range"),
        Index("ix_coding_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    # The autocoding rule that made this coding, as text (format 3); None for hand coding.
    # After every other column (uuid too), as the upgrade's ALTER TABLE appends it: new and
    # upgraded project files then have the same table.
    rule: Mapped[str | None] = mapped_column(Text, default=None, sort_order=100)
