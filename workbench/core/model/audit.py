"""The audit trail: who merged (or exchanged) what, and when, kept inside the project."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasUuid, utc_now


class AuditEntry(HasUuid, Base):
    """One team action worth remembering (a codebook or project merge), with its details as JSON."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    when: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    author: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(Text, default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
