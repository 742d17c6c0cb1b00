"""Undo and redo of user actions (every service action is one step; see storage/undo_log.py)."""

from __future__ import annotations

import re

from workbench.core.errors import DomainError
from workbench.core.services.changes import Changes, EntityRef
from workbench.core.storage import Project

_STATEMENT = re.compile(r'^(DELETE FROM|INSERT INTO|UPDATE) "(\w+)".*?rowid\D+(\d+)', re.S)
_GROUP = {"INSERT INTO": "created", "DELETE FROM": "deleted", "UPDATE": "updated"}
_KIND = {"case_": "case", "case_attribute_value": "case", "attribute": "attribute",
         "document": "document", "speaker_turn": "document", "code": "code", "coding": "coding",
         "memo": "memo", "coder": "coder", "matrix_summary": "summary"}


def undo(project: Project) -> Changes:
    """Take back the last action."""
    return _replay(project, "undo", "Undid")


def redo(project: Project) -> Changes:
    """Do again the last action that was undone."""
    return _replay(project, "redo", "Redid")


def undo_label(project: Project) -> str | None:
    labels = project.step_labels("undo")
    return labels[0] if labels else None


def redo_label(project: Project) -> str | None:
    labels = project.step_labels("redo")
    return labels[0] if labels else None


def _replay(project: Project, direction: str, verb: str) -> Changes:
    result = project.replay(direction)
    if result is None:
        raise DomainError(f"There is nothing to {direction}.")
    label, statements = result
    groups: dict[str, list[EntityRef]] = {"created": [], "updated": [], "deleted": []}
    for statement in statements:
        match = _STATEMENT.match(statement)
        if match and match.group(2) in _KIND:
            ref = EntityRef(_KIND[match.group(2)], int(match.group(3)), "")
            if ref not in groups[_GROUP[match.group(1)]]:
                groups[_GROUP[match.group(1)]].append(ref)
    return Changes(tuple(groups["created"]), tuple(groups["updated"]), tuple(groups["deleted"]),
                   f"{verb}: {label}.")
