"""Declarative base and the columns every entity shares."""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A fresh entity UUID in its stored form (lower-case, hyphenated)."""
    return str(uuid_module.uuid4())


def utc_now() -> datetime:
    """Current time in UTC. Stored without a zone: every timestamp in a project is UTC."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class HasUuid:
    """Every entity carries a UUID that survives export, import and merge."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)


class HasTimestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
