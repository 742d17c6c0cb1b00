"""The single row describing the project itself."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasTimestamps, HasUuid


class ProjectInfo(HasUuid, HasTimestamps, Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    codebook_origin: Mapped[str] = mapped_column(String(200), default="")
