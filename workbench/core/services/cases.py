"""Cases and their typed attributes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, infer_type
from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import AttributeType, Case, CaseAttributeValue, Document
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project
from workbench.core.store.cases import define_attribute as stored_definition
from workbench.core.store.cases import find_attribute, insert_case, set_value, valid_case_name
from workbench.core.store.lookup import get


def create_case(project: Project, name: str, description: str = "",
                attributes: Mapping[str, AttributeValue] | None = None) -> Changes:
    """Add a case; unknown attributes are defined on the way, their type taken from the value."""
    log = ChangeLog()
    with project.transaction("Create case") as session:
        case = insert_case(session, name, description)
        log.create(case)
        for key, value in (attributes or {}).items():
            _set_value(session, log, case, key, value)
    return log.freeze(f"Created case '{case.name}'.")


def rename_case(project: Project, case_id: int, name: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Rename case") as session:
        case = get(session, Case, case_id)
        old = case.name
        case.name = valid_case_name(session, name, exclude=case.id)
        log.update(case)
    return log.freeze(f"Renamed case '{old}' to '{case.name}'.")


def set_case_description(project: Project, case_id: int, description: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Edit case description") as session:
        case = get(session, Case, case_id)
        case.description = description.strip()
        log.update(case)
    return log.freeze(f"Changed the description of case '{case.name}'.")


def delete_case(project: Project, case_id: int, *, with_documents: bool = False) -> Changes:
    """Delete a case. A case that holds documents is only deleted together with them, on request."""
    log = ChangeLog()
    with project.transaction("Delete case") as session:
        case = get(session, Case, case_id)
        documents = session.scalars(select(Document).where(Document.case_id == case.id)).all()
        if documents and not with_documents:
            raise DomainError(
                f"Case '{case.name}' still holds {len(documents)} document(s); move them to "
                "another case first, or delete the case together with its documents."
            )
        for document in documents:
            log.delete(document)
            session.delete(document)
        session.flush()  # documents go first: the case is their foreign key
        log.delete(case)
        session.delete(case)
    suffix = f" and its {len(documents)} document(s)" if documents else ""
    return log.freeze(f"Deleted case '{case.name}'{suffix}.")


def define_attribute(project: Project, name: str, kind: AttributeType | str,
                     choices: Iterable[str] = (), description: str = "") -> Changes:
    """Define a case attribute with an explicit type (choice attributes list their choices)."""
    log = ChangeLog()
    with project.transaction("Define attribute") as session:
        attribute = stored_definition(session, name, AttributeType(kind), choices, description)
        log.create(attribute)
    return log.freeze(f"Defined attribute '{attribute.name}' ({attribute.type.value}).")


def set_case_attribute(project: Project, case_id: int, name: str,
                       value: AttributeValue | None) -> Changes:
    """Set (or, with ``None``, clear) one attribute value of a case."""
    log = ChangeLog()
    with project.transaction("Set attribute") as session:
        case = get(session, Case, case_id)
        if value is None:
            attribute = find_attribute(session, name)
            if attribute is None:
                raise NotFoundError(f"There is no attribute '{name}' in this project.")
            row = session.get(CaseAttributeValue, (case.id, attribute.id))
            if row is not None:
                session.delete(row)
        else:
            _set_value(session, log, case, name, value)
        log.update(case)
    return log.freeze(f"Set attribute '{name}' of case '{case.name}'.")


# -- inside a transaction -------------------------------------------------------------------

def _set_value(session: Session, log: ChangeLog, case: Case, name: str,
               value: AttributeValue) -> None:
    attribute = find_attribute(session, name)
    if attribute is None:
        attribute = stored_definition(session, name, infer_type(value), (), "")
        log.create(attribute)
    set_value(session, case, attribute, value)
