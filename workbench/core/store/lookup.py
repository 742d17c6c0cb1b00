"""Fetching entities inside a transaction, with a clear error when they do not exist."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from workbench.core.errors import NotFoundError
from workbench.core.model import Base, Case, Code, Coder, Coding, Document, Memo

T = TypeVar("T", bound=Base)

_LABEL: dict[type[Base], str] = {
    Case: "case", Code: "code", Coder: "coder", Coding: "coding", Document: "document",
    Memo: "memo",
}


def get(session: Session, model: type[T], entity_id: int) -> T:
    entity = session.get(model, entity_id)
    if entity is None:
        label = _LABEL.get(model, model.__name__.lower())
        raise NotFoundError(f"There is no {label} with id {entity_id} in this project.")
    return entity
