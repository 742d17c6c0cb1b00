"""Cases and their typed attributes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, canonical_value, infer_type
from workbench.core.errors import DomainError, NotFoundError
from workbench.core.model import (
    AttributeDefinition,
    AttributeType,
    Case,
    CaseAttributeValue,
    Document,
)
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.services.lookup import get
from workbench.core.storage import Project
from workbench.core.text import clean_name


def create_case(project: Project, name: str, description: str = "",
                attributes: Mapping[str, AttributeValue] | None = None) -> Changes:
    """Add a case; unknown attributes are defined on the way, their type taken from the value."""
    log = ChangeLog()
    with project.transaction("Create case") as session:
        name = _valid_case_name(session, name)
        position = (session.scalar(select(func.max(Case.position))) or 0) + 1
        case = Case(name=name, description=description.strip(), position=position)
        session.add(case)
        session.flush()
        log.create(case)
        for key, value in (attributes or {}).items():
            _set_value(session, log, case, key, value)
    return log.freeze(f"Created case '{name}'.")


def rename_case(project: Project, case_id: int, name: str) -> Changes:
    log = ChangeLog()
    with project.transaction("Rename case") as session:
        case = get(session, Case, case_id)
        old = case.name
        case.name = _valid_case_name(session, name, exclude=case.id)
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
        attribute = _define(session, name, AttributeType(kind), tuple(choices), description)
        log.create(attribute)
    return log.freeze(f"Defined attribute '{attribute.name}' ({attribute.type.value}).")


def set_case_attribute(project: Project, case_id: int, name: str,
                       value: AttributeValue | None) -> Changes:
    """Set (or, with ``None``, clear) one attribute value of a case."""
    log = ChangeLog()
    with project.transaction("Set attribute") as session:
        case = get(session, Case, case_id)
        if value is None:
            attribute = _attribute(session, name)
            if attribute is None:
                raise NotFoundError(f"There is no attribute '{name}' in this project.")
            row = session.get(CaseAttributeValue, (case.id, attribute.id))
            if row is not None:
                session.delete(row)
        else:
            _set_value(session, log, case, name, value)
        log.update(case)
    return log.freeze(f"Set attribute '{name}' of case '{case.name}'.")


def attribute_choices(attribute: AttributeDefinition) -> tuple[str, ...]:
    return tuple(json.loads(attribute.choices_json))


# -- inside a transaction -------------------------------------------------------------------

def _valid_case_name(session: Session, name: str, exclude: int | None = None) -> str:
    name = clean_name(name)
    if not name:
        raise DomainError("A case needs a name.")
    for other_id, other_name in session.execute(select(Case.id, Case.name)):
        if other_name.casefold() == name.casefold() and other_id != exclude:
            raise DomainError(f"There is already a case named '{other_name}'.")
    return name


def _attribute(session: Session, name: str) -> AttributeDefinition | None:
    wanted = clean_name(name).casefold()
    for attribute in session.scalars(select(AttributeDefinition)):
        if attribute.name.casefold() == wanted:
            return attribute
    return None


def _define(session: Session, name: str, kind: AttributeType, choices: tuple[str, ...],
            description: str) -> AttributeDefinition:
    name = clean_name(name)
    if not name:
        raise DomainError("An attribute needs a name.")
    if _attribute(session, name) is not None:
        raise DomainError(f"There is already an attribute named '{name}'.")
    choices = tuple(dict.fromkeys(clean_name(choice) for choice in choices if clean_name(choice)))
    if kind is AttributeType.CHOICE and not choices:
        raise DomainError(f"The choice attribute '{name}' needs at least one choice.")
    position = (session.scalar(select(func.max(AttributeDefinition.position))) or 0) + 1
    attribute = AttributeDefinition(
        name=name, type=kind, choices_json=json.dumps(list(choices), ensure_ascii=False),
        description=description.strip(), position=position,
    )
    session.add(attribute)
    session.flush()
    return attribute


def _set_value(session: Session, log: ChangeLog, case: Case, name: str,
               value: AttributeValue) -> None:
    attribute = _attribute(session, name)
    if attribute is None:
        attribute = _define(session, name, infer_type(value), (), "")
        log.create(attribute)
    stored = canonical_value(attribute.type, value, attribute_choices(attribute), attribute.name)
    row = session.get(CaseAttributeValue, (case.id, attribute.id))
    if row is None:
        session.add(CaseAttributeValue(case_id=case.id, attribute_id=attribute.id, value=stored))
    else:
        row.value = stored
