"""Coders: the people who code. The GUI asks for the current coder's name on first run."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.core.errors import DomainError
from workbench.core.model import Coder
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project
from workbench.core.store.coders import ensure_coder as stored_coder
from workbench.core.store.coders import find_coder, insert_coder
from workbench.core.store.lookup import get
from workbench.core.text import clean_name


def add_coder(project: Project, name: str, colour: str | None = None) -> Changes:
    log = ChangeLog()
    with project.transaction("Add coder") as session:
        name = clean_name(name)
        if find_coder(session, name) is not None:
            raise DomainError(f"There is already a coder named '{name}'.")
        coder = insert_coder(session, name, colour)
        log.create(coder)
    return log.freeze(f"Added coder '{name}'.")


def rename_coder(project: Project, coder_id: int, name: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Rename coder") as session:
        coder = get(session, Coder, coder_id)
        name = clean_name(name)
        clash = find_coder(session, name)
        if clash is not None and clash.id != coder.id:
            raise DomainError(f"There is already a coder named '{clash.name}'.")
        if not name:
            raise DomainError("A coder needs a name.")
        old, coder.name = coder.name, name
        log.update(coder)
    return log.freeze(f"Renamed coder '{old}' to '{name}'.")


def ensure_coder(session: Session, log: ChangeLog, name: str) -> Coder:
    """The coder of that name, added to the project if this is their first action."""
    coder, created = stored_coder(session, name)
    if created:
        log.create(coder)
    return coder
