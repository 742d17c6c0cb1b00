"""Writing rows inside an open transaction, for the importer and the project merge.

These mirror what the services do for one entity (a document's speaker turns, one coding per
stretch of a code by a coder) but for many rows at once, without a transaction of their own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from workbench.core.importers.speaker_turns import detect_turns
from workbench.core.model import Coding, Document, DocumentKind, new_uuid, utc_now
from workbench.core.services.codings import joined_rule
from workbench.core.services.documents import INSERT_TURN_SQL
from workbench.core.text import content_hash, normalise_text, word_count


@dataclass
class NewDocument:
    case_id: int
    title: str
    text: str
    uuid: str | None = None
    kind: DocumentKind = DocumentKind.INTERVIEW
    source_name: str = ""
    recorded_on: date | None = None
    interviewer: str = ""
    participants: list[str] = field(default_factory=list)
    imported_at: datetime | None = None


def insert_document(session: Session, new: NewDocument, position: int) -> Document:
    """Store one document (normalised text, hash, word count, speaker turns)."""
    stored = normalise_text(new.text)
    document = Document(
        case_id=new.case_id, kind=new.kind, title=new.title, text=stored,
        source_name=new.source_name, encoding="utf-8", content_hash=content_hash(stored),
        word_count=word_count(stored), recorded_on=new.recorded_on,
        interviewer=new.interviewer, position=position,
        participants_json=json.dumps(new.participants, ensure_ascii=False),
        imported_at=new.imported_at or utc_now(), uuid=new.uuid or new_uuid())
    session.add(document)
    session.flush()
    turns = detect_turns(stored)
    if turns:
        session.connection().exec_driver_sql(INSERT_TURN_SQL, [
            (new_uuid(), document.id, number, turn.speaker, turn.label_start, turn.start,
             turn.end, turn.timestamp, turn.milliseconds) for number, turn in enumerate(turns)])
    return document


@dataclass
class NewCoding:
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str = ""
    uuid: str = field(default_factory=new_uuid)
    created_at: datetime | None = None
    aliases: list[str] = field(default_factory=list)  # uuids of codings joined into this one
    rule: str | None = None  # the autocoding rule that made it; None: coded by hand


def join_overlapping(codings: list[NewCoding]) -> list[NewCoding]:
    """One coding per stretch of one code by one coder in one document (as the services keep)."""
    groups: dict[tuple[int, int, int], list[NewCoding]] = defaultdict(list)
    for coding in codings:
        groups[(coding.document_id, coding.code_id, coding.coder_id)].append(coding)
    joined: list[NewCoding] = []
    for members in groups.values():
        members.sort(key=lambda c: (c.start, c.end))
        current: NewCoding | None = None
        for coding in members:
            if current is not None and coding.start <= current.end:
                current.end = max(current.end, coding.end)
                if coding.memo and coding.memo not in current.memo:
                    current.memo = "\n".join(p for p in (current.memo, coding.memo) if p)
                current.aliases += [coding.uuid, *coding.aliases]
                current.rule = joined_rule(current.rule, coding.rule)
                continue
            current = coding
            joined.append(current)
    return joined


def insert_codings(session: Session, codings: list[NewCoding]) -> dict[str, int]:
    """Insert the codings; return every uuid (aliases included) with the id of its row."""
    ids: dict[str, int] = {}
    now = utc_now()
    rows = [{"uuid": c.uuid, "document_id": c.document_id, "code_id": c.code_id,
             "coder_id": c.coder_id, "start": c.start, "end": c.end, "memo": c.memo,
             "created_at": c.created_at or now, "rule": c.rule} for c in codings]
    for chunk in range(0, len(rows), 5000):
        for row_id, uuid in session.execute(insert(Coding).returning(Coding.id, Coding.uuid),
                                            rows[chunk:chunk + 5000]):
            ids[uuid] = row_id
    for coding in codings:
        for alias in coding.aliases:
            ids[alias] = ids[coding.uuid]
    return ids
