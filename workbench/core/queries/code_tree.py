"""Walking the code tree: subtrees, ancestors and paths."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.core.model import Code

_SUBTREE = text(
    """WITH RECURSIVE subtree(id) AS (
           SELECT :root UNION ALL
           SELECT code.id FROM code JOIN subtree ON code.parent_id = subtree.id)
       SELECT id FROM subtree"""
)


def subtree_ids(session: Session, code_id: int) -> list[int]:
    """The code and all its descendants."""
    return list(session.scalars(_SUBTREE, {"root": code_id}))


def ancestor_ids(session: Session, code_id: int | None) -> list[int]:
    """The code's parent, grandparent, ... up to the top (not the code itself)."""
    parents = dict(session.execute(select(Code.id, Code.parent_id)).all())
    chain: list[int] = []
    current = parents.get(code_id) if code_id is not None else None
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def code_paths(session: Session, separator: str = "/") -> dict[int, str]:
    """Every code's path from the top of the tree, e.g.
    ``Sources of solidarity/Shared struggle``."""
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    by_id = {code_id: (parent_id, name) for code_id, parent_id, name in rows}
    paths: dict[int, str] = {}

    def path_of(code_id: int, depth: int = 0) -> str:
        if code_id in paths:
            return paths[code_id]
        parent_id, name = by_id[code_id]
        if parent_id is None or parent_id not in by_id or depth > len(by_id):
            result = name
        else:
            result = f"{path_of(parent_id, depth + 1)}{separator}{name}"
        paths[code_id] = result
        return result

    for code_id in by_id:
        path_of(code_id)
    return paths


def codable_code_paths(session: Session) -> dict[int, str]:
    """Paths of the codes a passage can be coded with (grouping-only codes left out)."""
    codable = set(session.scalars(select(Code.id).where(Code.codable)))
    return {code_id: path for code_id, path in code_paths(session).items() if code_id in codable}
