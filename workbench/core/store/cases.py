"""Writing cases, attribute definitions and a case's attribute values."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.attribute_values import AttributeValue, canonical_value
from workbench.core.errors import DomainError
from workbench.core.model import AttributeDefinition, AttributeType, Case, CaseAttributeValue
from workbench.core.text import clean_name


def valid_case_name(session: Session, name: str, exclude: int | None = None) -> str:
    """The cleaned name, unless another case has it already (compared without case)."""
    name = clean_name(name)
    if not name:
        raise DomainError("A case needs a name.")
    for other_id, other_name in session.execute(select(Case.id, Case.name)):
        if other_name.casefold() == name.casefold() and other_id != exclude:
            raise DomainError(f"There is already a case named '{other_name}'.")
    return name


def insert_case(session: Session, name: str, description: str = "", *, uuid: str | None = None,
                position: int | None = None) -> Case:
    """Store a case; ``position`` defaults to after every case of the project."""
    name = valid_case_name(session, name)
    if position is None:
        position = (session.scalar(select(func.max(Case.position))) or 0) + 1
    case = Case(name=name, description=description.strip(), position=position)
    if uuid is not None:
        case.uuid = uuid
    session.add(case)
    session.flush()
    return case


def find_attribute(session: Session, name: str) -> AttributeDefinition | None:
    wanted = clean_name(name).casefold()
    for attribute in session.scalars(select(AttributeDefinition)):
        if attribute.name.casefold() == wanted:
            return attribute
    return None


def define_attribute(session: Session, name: str, kind: AttributeType, choices: Iterable[str],
                     description: str, *, uuid: str | None = None) -> AttributeDefinition:
    """Store an attribute definition after every other; a choice attribute needs choices."""
    name = clean_name(name)
    if not name:
        raise DomainError("An attribute needs a name.")
    if find_attribute(session, name) is not None:
        raise DomainError(f"There is already an attribute named '{name}'.")
    listed = tuple(dict.fromkeys(clean_name(choice) for choice in choices if clean_name(choice)))
    if kind is AttributeType.CHOICE and not listed:
        raise DomainError(f"The choice attribute '{name}' needs at least one choice.")
    position = (session.scalar(select(func.max(AttributeDefinition.position))) or 0) + 1
    attribute = AttributeDefinition(
        name=name, type=kind, choices_json=json.dumps(list(listed), ensure_ascii=False),
        description=description.strip(), position=position)
    if uuid is not None:
        attribute.uuid = uuid
    session.add(attribute)
    session.flush()
    return attribute


def attribute_choices(attribute: AttributeDefinition) -> tuple[str, ...]:
    return tuple(json.loads(attribute.choices_json))


def set_value(session: Session, case: Case, attribute: AttributeDefinition,
              value: AttributeValue) -> str:
    """Store a case's value of an attribute in its canonical form (replacing any); returns it.

    A value the attribute's type does not take raises a :class:`DomainError`.
    """
    stored = canonical_value(attribute.type, value, attribute_choices(attribute), attribute.name)
    row = session.get(CaseAttributeValue, (case.id, attribute.id))
    if row is None:
        session.add(CaseAttributeValue(case_id=case.id, attribute_id=attribute.id, value=stored))
    else:
        row.value = stored
    return stored
