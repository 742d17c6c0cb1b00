"""The researcher's own text for one cell of a framework matrix (case x code)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasTimestamps, HasUuid


class MatrixSummary(HasUuid, HasTimestamps, Base):
    __tablename__ = "matrix_summary"
    __table_args__ = (UniqueConstraint("case_id", "code_id", name="cell"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="SET NULL"), default=None
    )
