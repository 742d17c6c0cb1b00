"""The project at a glance: what ``workbench info`` prints."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.model import (
    AttributeDefinition,
    Case,
    Code,
    Coder,
    Coding,
    Document,
    DocumentLayout,
    Memo,
    ProjectInfo,
)
from workbench.core.storage.project_file import SCHEMA_VERSION


def project_summary(session: Session) -> dict[str, Any]:
    """Counts and identity of the project. The keys are documented in the README."""
    info = session.scalars(select(ProjectInfo)).one()
    models = {"cases": Case, "documents": Document, "codes": Code, "codings": Coding,
              "coders": Coder, "attributes": AttributeDefinition, "memos": Memo}
    # One statement for every count: opening a large project stays one round trip.
    counts = session.execute(select(
        *(select(func.count()).select_from(model).scalar_subquery().label(key)
          for key, model in models.items()),
        # From the layouts: the document's own count is stored after its text (see
        # list_documents), so summing it would walk every text.
        select(func.coalesce(func.sum(func.coalesce(DocumentLayout.word_count,
                                                    Document.word_count)), 0))
        .select_from(Document)
        .outerjoin(DocumentLayout, DocumentLayout.document_id == Document.id)
        .scalar_subquery().label("words"),
    )).one()._asdict()
    version = session.connection().exec_driver_sql("PRAGMA user_version").scalar()
    return {
        "name": info.name,
        "uuid": info.uuid,
        "schema_version": version if version is not None else SCHEMA_VERSION,
        "created": info.created_at.isoformat() + "Z",
        "modified": info.modified_at.isoformat() + "Z",
        "codebook": info.codebook_origin,
        "cases": counts["cases"],
        "documents": counts["documents"],
        "words": counts["words"],
        "codes": counts["codes"],
        "codings": counts["codings"],
        "coders": counts["coders"],
        "attributes": counts["attributes"],
        "memos": counts["memos"],
    }
