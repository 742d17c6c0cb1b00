"""Turning what a researcher typed (an id, a name, a ``Theme/Sub-code`` path) into an entity."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Case, Code, Document
from workbench.core.queries.code_tree import code_paths
from workbench.core.text import fold

_LABEL_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def name_matches(typed: str, name: str) -> bool:
    """Case- and accent-insensitive; ``Shared struggle`` also finds ``Shared struggle (gezamenlijke strijd)``."""
    wanted = fold(typed)
    return wanted in (fold(name), fold(_LABEL_SUFFIX.sub("", name)))


def resolve_case(session: Session, typed: str) -> Case:
    cases = session.scalars(select(Case)).all()
    if typed.isdigit():
        for case in cases:
            if case.id == int(typed):
                return case
    found = [case for case in cases if name_matches(typed, case.name) or case.uuid == typed.lower()]
    if not found:
        raise NotFoundError(f"There is no case named '{typed}'.")
    return found[0]


def resolve_document(session: Session, typed: str) -> Document:
    if typed.isdigit():
        document = session.get(Document, int(typed))
        if document is not None:
            return document
    rows = session.execute(select(Document.id, Document.title, Document.uuid)).all()
    found = [row[0] for row in rows if row[2] == typed.lower() or fold(row[1]) == fold(typed)]
    if not found:
        raise NotFoundError(f"There is no document with id or title '{typed}'.")
    if len(found) > 1:
        raise DomainError(
            f"{len(found)} documents are titled '{typed}'; name one by its id ({', '.join(map(str, found))})."
        )
    return session.get_one(Document, found[0])


def resolve_code(session: Session, typed: str) -> Code:
    """A code by id, GUID, unique name, or path of names separated by ``/``."""
    typed = typed.strip()
    if typed.isdigit():
        code = session.get(Code, int(typed))
        if code is not None:
            return code
    paths = code_paths(session)
    rows = session.execute(select(Code.id, Code.name, Code.uuid)).all()
    found = [code_id for code_id, name, uuid in rows
             if uuid == typed.lower().strip("{}") or name_matches(typed, name)]
    if not found and "/" in typed:
        wanted = [part for part in typed.split("/") if part.strip()]
        found = [code_id for code_id, path in paths.items() if _path_matches(wanted, path)]
    if not found:
        raise NotFoundError(f"There is no code '{typed}' in this project's codebook.")
    if len(found) > 1:
        options = "; ".join(sorted(paths[code_id] for code_id in found))
        raise DomainError(f"'{typed}' names {len(found)} codes ({options}); give its path.")
    return session.get_one(Code, found[0])


def _path_matches(wanted: list[str], path: str) -> bool:
    parts = path.split("/")
    return len(parts) == len(wanted) and all(name_matches(w, p) for w, p in zip(wanted, parts))
