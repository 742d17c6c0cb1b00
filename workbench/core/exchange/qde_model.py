"""A REFI-QDA project as read from its XML, before it becomes (part of) one of our projects.

GUIDs are kept normalised (no braces, lower-case); positions are as the file gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class QdeCode:
    guid: str
    name: str
    codable: bool = True
    colour: str | None = None
    description: str = ""
    note_refs: list[str] = field(default_factory=list)
    children: list[QdeCode] = field(default_factory=list)


@dataclass
class QdeVariable:
    guid: str
    name: str
    kind: str  # Text, Boolean, Integer, Float, Date, DateTime
    description: str = ""


@dataclass
class QdeValue:
    variable_guid: str
    element: str  # TextValue, FloatValue, ...
    text: str


@dataclass
class QdeCase:
    guid: str
    name: str
    description: str = ""
    values: list[QdeValue] = field(default_factory=list)
    source_refs: list[str] = field(default_factory=list)


@dataclass
class QdeCoding:
    guid: str
    code_guid: str
    user: str | None = None
    created: datetime | None = None
    note_refs: list[str] = field(default_factory=list)


@dataclass
class QdeSelection:
    guid: str
    name: str
    start: int
    end: int
    description: str = ""
    user: str | None = None
    codings: list[QdeCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass
class QdeSource:
    guid: str
    name: str
    text: str  # as in the file, BOM removed, line ends untouched
    description: str = ""
    created: datetime | None = None
    selections: list[QdeSelection] = field(default_factory=list)
    whole_codings: list[QdeCoding] = field(default_factory=list)  # code the whole source
    note_refs: list[str] = field(default_factory=list)


@dataclass
class QdeNote:
    guid: str
    name: str
    text: str
    user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


@dataclass
class QdeProject:
    name: str
    origin: str = ""
    description: str = ""
    users: dict[str, str] = field(default_factory=dict)  # guid -> name
    codes: list[QdeCode] = field(default_factory=list)
    variables: list[QdeVariable] = field(default_factory=list)
    cases: list[QdeCase] = field(default_factory=list)
    sources: list[QdeSource] = field(default_factory=list)
    notes: list[QdeNote] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (origin, target) guids
    note_refs: list[str] = field(default_factory=list)  # project memos
    warnings: list[str] = field(default_factory=list)

    def walk_codes(self) -> list[tuple[QdeCode, QdeCode | None]]:
        """Every code with its parent, parents first."""
        found: list[tuple[QdeCode, QdeCode | None]] = []

        def visit(codes: list[QdeCode], parent: QdeCode | None) -> None:
            for code in codes:
                found.append((code, parent))
                visit(code.children, code)

        visit(self.codes, None)
        return found
