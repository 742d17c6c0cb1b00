"""Writing a coder: a unique name (compared without case) and a colour of their own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.colours import next_colour, valid_colour
from workbench.core.errors import DomainError
from workbench.core.model import Coder
from workbench.core.text import clean_name


def find_coder(session: Session, name: str) -> Coder | None:
    wanted = clean_name(name).casefold()
    for coder in session.scalars(select(Coder)):
        if coder.name.casefold() == wanted:
            return coder
    return None


def insert_coder(session: Session, name: str, colour: str | None = None) -> Coder:
    """Store a coder; the colour defaults to the next one no coder has yet."""
    name = clean_name(name)
    if not name:
        raise DomainError("A coder needs a name.")
    used = list(session.scalars(select(Coder.colour)))
    coder = Coder(name=name, colour=valid_colour(colour) if colour else next_colour(used))
    session.add(coder)
    session.flush()
    return coder


def ensure_coder(session: Session, name: str) -> tuple[Coder, bool]:
    """The coder of that name, stored first if this is their first action; True if new."""
    name = clean_name(name)
    if not name:
        raise DomainError("Every coding records its coder: give a coder name.")
    coder = find_coder(session, name)
    if coder is None:
        return insert_coder(session, name), True
    return coder, False
