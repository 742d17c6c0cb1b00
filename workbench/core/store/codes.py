"""Writing a code: a unique name among its siblings, a colour, a place among its siblings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.colours import next_colour, valid_colour
from workbench.core.errors import DomainError
from workbench.core.model import Code
from workbench.core.store.lookup import get
from workbench.core.text import clean_name


def add_code(session: Session, name: str, *, parent_id: int | None, colour: str | None,
             codable: bool = True, position: int | None = None, uuid: str | None = None,
             **fields: str) -> Code:
    """Store a code under ``parent_id`` at ``position`` among its siblings (``None``: last);
    its colour defaults to the next free one at the top, else its parent's."""
    if parent_id is not None:
        get(session, Code, parent_id)
    name = valid_name(session, name, parent_id)
    if colour is None:
        colour = next_colour(session.scalars(select(Code.colour).where(Code.parent_id.is_(None)))) \
            if parent_id is None else session.get(Code, parent_id).colour  # type: ignore[union-attr]
    code = Code(name=name, parent_id=parent_id, colour=valid_colour(colour), codable=codable,
                position=10**9, **{key: value.strip() for key, value in fields.items()})
    if uuid is not None:
        code.uuid = uuid
    session.add(code)
    session.flush()
    place_among_siblings(session, code, position)
    return code


def valid_name(session: Session, name: str, parent_id: int | None,
               exclude: int | None = None) -> str:
    """The cleaned name, unless a sibling has it already (compared without case)."""
    name = clean_name(name)
    if not name:
        raise DomainError("A code needs a name.")
    named = session.execute(
        select(Code.id, Code.name).where(
            Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
    )
    for sibling_id, sibling_name in named:
        if sibling_id != exclude and sibling_name.casefold() == name.casefold():
            where = "at the top of the codebook" if parent_id is None else "under the same parent"
            raise DomainError(f"There is already a code named '{sibling_name}' {where}.")
    return name


def siblings(session: Session, parent_id: int | None) -> list[Code]:
    condition = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return list(session.scalars(select(Code).where(condition).order_by(Code.position, Code.id)))


def place_among_siblings(session: Session, code: Code, position: int | None) -> None:
    """Put ``code`` at ``position`` (0-based, ``None`` = last) among its siblings; renumber them."""
    others = [c for c in siblings(session, code.parent_id) if c.id != code.id]
    index = len(others) if position is None else max(0, min(position, len(others)))
    others.insert(index, code)
    for number, sibling in enumerate(others):
        sibling.position = number


def renumber_siblings(session: Session, parent_id: int | None) -> None:
    for number, sibling in enumerate(siblings(session, parent_id)):
        sibling.position = number
