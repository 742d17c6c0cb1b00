"""What our entities are called in REFI-QDA, shared by the exporter and the importer."""

from __future__ import annotations

import re
from datetime import datetime

from workbench.core.model import AttributeType

NAMESPACE = "urn:QDA-XML:project:1.0"
ORIGIN = "Coding Workbench"
SOURCES_FOLDER = "sources"

# Our attribute types as REFI-QDA variable types; a choice travels as Text with its choices
# listed in the variable's description.
VARIABLE_TYPE = {
    AttributeType.TEXT: "Text", AttributeType.CHOICE: "Text", AttributeType.NUMBER: "Float",
    AttributeType.DATE: "Date", AttributeType.BOOLEAN: "Boolean",
}
VALUE_ELEMENT = {"Text": "TextValue", "Float": "FloatValue", "Integer": "IntegerValue",
                 "Date": "DateValue", "DateTime": "DateTimeValue", "Boolean": "BooleanValue"}
CHOICES_LABEL = "Choices:"
CHOICE_SEPARATOR = " | "

# A document's details, written as labelled lines in its source's <Description>.
DOCUMENT_LABELS = (
    ("kind", "Kind:"), ("recorded_on", "Recorded on:"), ("interviewer", "Interviewer:"),
    ("participants", "Participants:"), ("source_name", "Source file:"),
)
CASE_MEMO_LINK = "Memo"
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})")


def tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def timestamp(moment: datetime | None) -> str | None:
    """An ``xsd:dateTime`` in UTC (our timestamps are stored as UTC without a zone)."""
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(text: str | None) -> datetime | None:
    """A REFI-QDA dateTime as our naive UTC timestamp; None when absent or unreadable."""
    match = _TIMESTAMP.match((text or "").strip())
    if not match:
        return None
    try:
        return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}")
    except ValueError:
        return None


# REFI-QDA has no place for the rule that made an autocoding: it follows the coding's memo in
# its selection's description on its own line, and is read back from there.
AUTOCODED_BY = "Autocoded by the rule: "


def split_rule(description: str) -> tuple[str, str | None]:
    """A selection's description as (memo, autocoding rule or None)."""
    memo: list[str] = []
    rules: list[str] = []
    for line in description.split("\n"):
        (rules if line.startswith(AUTOCODED_BY) else memo).append(line.removeprefix(AUTOCODED_BY))
    return "\n".join(memo).strip(), "\n".join(rules) or None
