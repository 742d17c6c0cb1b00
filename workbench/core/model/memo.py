"""Memos: the researcher's notes, on the project or on one case, document, code or coding."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasTimestamps, HasUuid


class Memo(HasUuid, HasTimestamps, Base):
    """A memo with no target belongs to the project; otherwise exactly one target is set."""

    __tablename__ = "memo"
    __table_args__ = (
        CheckConstraint(
            "(case_id IS NOT NULL) + (document_id IS NOT NULL) + (code_id IS NOT NULL)"
            " + (coding_id IS NOT NULL) <= 1",
            name="one_target",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), default=None
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_.id", ondelete="CASCADE"), index=True, default=None
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True, default=None
    )
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), index=True, default=None
    )
    coding_id: Mapped[int | None] = mapped_column(
        ForeignKey("coding.id", ondelete="CASCADE"), index=True, default=None
    )
