"""The project at a glance: what ``workbench info`` prints."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.model import (
    AttributeDefinition, Case, Code, Coder, Coding, Document, Memo, ProjectInfo,
)
from workbench.core.storage.project_file import SCHEMA_VERSION


def project_summary(session: Session) -> dict[str, Any]:
    """Counts and identity of the project. The keys are documented in the README."""
    info = session.scalars(select(ProjectInfo)).one()

    def count(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    version = session.connection().exec_driver_sql("PRAGMA user_version").scalar()
    return {
        "name": info.name,
        "uuid": info.uuid,
        "schema_version": version if version is not None else SCHEMA_VERSION,
        "created": info.created_at.isoformat() + "Z",
        "modified": info.modified_at.isoformat() + "Z",
        "codebook": info.codebook_origin,
        "cases": count(Case),
        "documents": count(Document),
        "words": session.scalar(select(func.coalesce(func.sum(Document.word_count), 0))) or 0,
        "codes": count(Code),
        "codings": count(Coding),
        "coders": count(Coder),
        "attributes": count(AttributeDefinition),
        "memos": count(Memo),
    }
