"""Loading a codebook into a project and taking the project's codebook out as a ``.qdc``."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.codebooks.builtin import builtin_codebook
from workbench.core.codebooks.description import DefinitionFields
from workbench.core.codebooks.model import Codebook, CodebookCode
from workbench.core.codebooks.qdc import read_codebook, write_codebook
from workbench.core.errors import DomainError
from workbench.core.model import Code, ProjectInfo
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project
from workbench.core.storage.new_project import build_project
from workbench.core.store.codes import add_code


def load_codebook(project: Project, codebook: Codebook, *, origin: str = "") -> Changes:
    """Add every code of ``codebook`` to the project, keeping their GUIDs, in one transaction."""
    log = ChangeLog()
    with project.transaction("Load codebook") as session:
        known = set(session.scalars(select(Code.uuid)))
        for code, path in codebook.walk():
            if code.uuid in known:
                source = f" of {origin}" if origin else ""
                raise DomainError(
                    f"The code '{'/'.join(path)}'{source} is already in this project (same GUID); "
                    "use codebook merge to bring the two together."
                )
        for code in codebook.codes:
            _add_tree(session, log, code, parent_id=None)
        if origin:
            session.scalars(select(ProjectInfo)).one().codebook_origin = origin
    return log.freeze(f"Loaded {len(log.created)} code(s) into the codebook.")


def load_builtin_codebook(project: Project, key: str) -> Changes:
    builtin = builtin_codebook(key)
    return load_codebook(project, read_codebook(builtin.path), origin=builtin.title)


def create_project(path: str | os.PathLike[str], *, name: str | None = None,
                   codebook: str = "none") -> Project:
    """A new project file, empty or starting from a built-in codebook; no file if anything fails
    (it appears only once complete: see :mod:`workbench.core.storage.new_project`)."""
    if codebook != "none":
        builtin_codebook(codebook)  # an unknown key fails before any file is made

    def fill(project: Project) -> None:
        if codebook != "none":
            load_builtin_codebook(project, codebook)

    return Project.open(build_project(path, name, fill))


def project_codebook(session: Session) -> Codebook:
    """The project's code tree as a codebook (order, GUIDs, colours, definitions)."""
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    by_parent: dict[int | None, list[Code]] = {}
    for code in codes:
        by_parent.setdefault(code.parent_id, []).append(code)

    def convert(code: Code) -> CodebookCode:
        return CodebookCode(
            uuid=code.uuid, name=code.name, codable=code.codable, colour=code.colour,
            fields=DefinitionFields(code.definition, code.when_to_use, code.when_not_to_use,
                                    code.example),
            children=[convert(child) for child in by_parent.get(code.id, [])],
        )

    return Codebook(codes=[convert(code) for code in by_parent.get(None, [])],
                    origin="Coding Workbench")


def export_codebook(project: Project, path: str | os.PathLike[str]) -> Path:
    with project.reading() as session:
        codebook = project_codebook(session)
    return write_codebook(codebook, path)


def _add_tree(session: Session, log: ChangeLog, code: CodebookCode, parent_id: int | None) -> None:
    created = add_code(session, code.name, parent_id=parent_id, colour=code.colour,
                       codable=code.codable, uuid=code.uuid, **code.fields.as_dict())
    log.create(created)
    for child in code.children:
        _add_tree(session, log, child, created.id)
