"""Documents: interview transcripts, fieldnotes and other texts, stored once and never edited."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, DateTime, Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasUuid, utc_now


class DocumentKind(enum.StrEnum):
    INTERVIEW = "interview"
    FIELDNOTE = "fieldnote"
    OTHER = "other"


class Document(HasUuid, Base):
    __tablename__ = "document"
    __table_args__ = (
        Index("ix_document_case_hash", "case_id", "content_hash"),
        # Adding a document asks for max(position); without an index SQLite reads every row,
        # and a row's later columns sit behind its long text, so each import got slower.
        Index("ix_document_position", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(
        Enum(DocumentKind, native_enum=False, create_constraint=True, length=10,
             values_callable=lambda e: [m.value for m in e])
    )
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    encoding: Mapped[str] = mapped_column(String(40), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    # Metadata the researcher (or the source file) gives.
    recorded_on: Mapped[date | None] = mapped_column(Date, default=None)
    interviewer: Mapped[str] = mapped_column(String(200), default="")
    participants_json: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
