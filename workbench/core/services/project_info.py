"""The project's own name and description."""

from __future__ import annotations

from sqlalchemy import select

from workbench.core.errors import DomainError
from workbench.core.model import ProjectInfo
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project


def describe_project(project: Project, *, name: str | None = None,
                     description: str | None = None) -> Changes:
    log = ChangeLog()
    with project.transaction("Edit project details") as session:
        info = session.scalars(select(ProjectInfo)).one()
        if name is not None:
            if not name.strip():
                raise DomainError("A project needs a name.")
            info.name = " ".join(name.split())
        if description is not None:
            info.description = description.strip()
        log.update(info)
    return log.freeze("Changed the project's name or description.")
