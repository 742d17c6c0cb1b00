"""Cases (one per fieldwork site) and their typed attributes."""

from __future__ import annotations

import enum

from sqlalchemy import Enum, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.core.model.base import Base, HasTimestamps, HasUuid


class AttributeType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"
    CHOICE = "choice"


class AttributeDefinition(HasUuid, Base):
    """A case attribute known to the project (REFI-QDA: a Variable), e.g. place or city."""

    __tablename__ = "attribute"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120, collation="NOCASE"), unique=True)
    type: Mapped[AttributeType] = mapped_column(
        Enum(AttributeType, native_enum=False, create_constraint=True, length=10,
             values_callable=lambda e: [m.value for m in e])
    )
    choices_json: Mapped[str] = mapped_column(Text, default="[]")
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Case(HasUuid, HasTimestamps, Base):
    __tablename__ = "case_"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    values: Mapped[list[CaseAttributeValue]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )


class CaseAttributeValue(Base):
    """One attribute value of one case, stored in its canonical text form (ISO date, ...)."""

    __tablename__ = "case_attribute_value"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_.id", ondelete="CASCADE"), primary_key=True
    )
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attribute.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="values")
    attribute: Mapped[AttributeDefinition] = relationship()
