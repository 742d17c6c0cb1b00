"""Turning what a researcher typed (an id, a name, a ``Theme/Sub-code`` path) into an entity."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import Case, Code, Document
from workbench.core.text import fold

_LABEL_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def name_matches(typed: str, name: str) -> bool:
    """Case- and accent-insensitive; ``Shared struggle`` also finds
    ``Shared struggle (gezamenlijke strijd)``."""
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
            f"{len(found)} documents are titled '{typed}'; "
            f"name one by its id ({', '.join(map(str, found))})."
        )
    return session.get_one(Document, found[0])


def resolve_code(session: Session, typed: str) -> Code:
    """A code by id, GUID, unique name, or path of names separated by ``/``.

    A ``/`` inside a name is written ``\\/`` in a path. What matches both as a name and as a
    path (a code named ``X/Y`` beside ``Y`` under ``X``) is refused, listing the candidates.
    """
    typed = typed.strip()
    if not typed:
        raise DomainError("Name a code: an empty name matches none.")
    if typed.isdigit():
        code = session.get(Code, int(typed))
        if code is not None:
            return code
    rows = session.execute(select(Code.id, Code.parent_id, Code.name, Code.uuid)).all()
    chains = _name_chains({code_id: (parent_id, name) for code_id, parent_id, name, _u in rows})
    parts = split_code_path(typed)
    whole = "/".join(parts)  # the typed text with its escapes undone: one name
    found = {code_id for code_id, _p, name, uuid in rows
             if uuid == typed.lower().strip("{}") or name_matches(whole, name)}
    if len(parts) > 1:
        found |= {code_id for code_id, chain in chains.items() if _path_matches(parts, chain)}
    if not found:
        raise NotFoundError(f"There is no code '{typed}' in this project's codebook.")
    if len(found) > 1:
        options = "; ".join(sorted(escaped_path(chains[code_id]) for code_id in found))
        raise DomainError(f"'{typed}' names {len(found)} codes ({options}); give its path "
                          "(a '/' inside a name is written '\\/').")
    return session.get_one(Code, found.pop())


def split_code_path(typed: str) -> list[str]:
    """``Theme/Sub\\/code`` -> ``["Theme", "Sub/code"]``; blank parts are dropped."""
    parts = [part.replace("\\/", "/") for part in re.split(r"(?<!\\)/", typed)]
    return [part for part in parts if part.strip()]


def escaped_path(names: list[str]) -> str:
    return "/".join(name.replace("/", "\\/") for name in names)


def _name_chains(by_id: dict[int, tuple[int | None, str]]) -> dict[int, list[str]]:
    """Each code's names from the top of the tree down to it."""
    chains: dict[int, list[str]] = {}
    for code_id in by_id:
        chain: list[str] = []
        current: int | None = code_id
        seen: set[int] = set()
        while current is not None and current in by_id and current not in seen:
            seen.add(current)
            parent_id, name = by_id[current]
            chain.append(name)
            current = parent_id
        chains[code_id] = chain[::-1]
    return chains


def _path_matches(wanted: list[str], names: list[str]) -> bool:
    return len(names) == len(wanted) and all(
        name_matches(w, n) for w, n in zip(wanted, names, strict=True))
