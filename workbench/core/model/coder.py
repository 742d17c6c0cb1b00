"""The people who code: every coding and memo records its coder."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasUuid, utc_now


class Coder(HasUuid, Base):
    __tablename__ = "coder"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120, collation="NOCASE"), unique=True)
    colour: Mapped[str] = mapped_column(String(7), default="#4A78B0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
