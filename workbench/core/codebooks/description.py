"""A code's definition fields, carried in REFI-QDA's single ``<Description>`` text.

We write labelled sections (``Definition:``, ``When to use:``, ``When not to use:``,
``Example:``), one per line; other tools show them as readable text. On reading, text before any
label (or a description with no labels at all, as other tools write) becomes the definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

LABELS = (
    ("definition", "Definition:"),
    ("when_to_use", "When to use:"),
    ("when_not_to_use", "When not to use:"),
    ("example", "Example:"),
)


class DefinitionDict(TypedDict):
    """The fields as keyword arguments (``add_code(..., **fields.as_dict())``)."""

    definition: str
    when_to_use: str
    when_not_to_use: str
    example: str


@dataclass(frozen=True)
class DefinitionFields:
    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""

    def as_dict(self) -> DefinitionDict:
        return DefinitionDict(definition=self.definition, when_to_use=self.when_to_use,
                              when_not_to_use=self.when_not_to_use, example=self.example)


def compose(fields: DefinitionFields) -> str:
    lines = []
    for field, label in LABELS:
        value = getattr(fields, field).strip()
        if value:
            lines.append(f"{label} {value}")
    return "\n".join(lines)


def parse(description: str) -> DefinitionFields:
    sections: dict[str, list[str]] = {field: [] for field, _label in LABELS}
    current = "definition"
    for line in description.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        for field, label in LABELS:
            if stripped.casefold().startswith(label.casefold()):
                current = field
                stripped = stripped[len(label):].strip()
                break
        sections[current].append(stripped)
    return DefinitionFields(
        **{field: "\n".join(lines).strip() for field, lines in sections.items()}
    )
