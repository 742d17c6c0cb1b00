"""A speaker turn in a transcript: who speaks, where in the text, and when in the recording.

Turns are found in the stored text when a document is added (see
:mod:`workbench.core.speaker_turns`) and kept beside it, so passages can be filtered,
autocoded and cited by speaker. ``start``/``end`` (code points, half-open) cover what is said,
after the label; ``label_start`` is where the turn's paragraph (timestamp or label) begins.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.core.model.base import Base, HasUuid


class SpeakerTurn(HasUuid, Base):
    __tablename__ = "speaker_turn"
    __table_args__ = (
        CheckConstraint("label_start <= start AND start <= \"end\"", name="range"),
        Index("ix_speaker_turn_document_position", "document_id", "position", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 0, 1, 2, ... in reading order
    speaker: Mapped[str] = mapped_column(String(100))
    label_start: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[str] = mapped_column(String(20), default="")  # as written, e.g. 00:12:34
    milliseconds: Mapped[int | None] = mapped_column(Integer, default=None)
