"""The conflicts the team server listed at the last sync (kept in the project file, so read
offline), as the Conflicts dialog shows them: each entity and attribute named as this copy knows
it, each field in the interface language, a code's place in the tree by its parent's name."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.storage import Project
from workbench.core.team import api
from workbench.core.team.rows import TABLES, VALUE_PREFIX
from workbench.gui.i18n import QT_TR_NOOP, tr

FIELD_NAMES = {"name": QT_TR_NOOP("name"), "colour": QT_TR_NOOP("colour"),
               "definition": QT_TR_NOOP("definition"), "when_to_use": QT_TR_NOOP("when to use"),
               "when_not_to_use": QT_TR_NOOP("when not to use"), "example": QT_TR_NOOP("example"),
               "parent": QT_TR_NOOP("place in the tree"), "position": QT_TR_NOOP("order"),
               "codable": QT_TR_NOOP("codable"), "description": QT_TR_NOOP("description"),
               "title": QT_TR_NOOP("title"), "text": QT_TR_NOOP("text"),
               "deleted": QT_TR_NOOP("deleted")}
# The column naming each kind of entity (codings and summaries have none).
NAME_COLUMN = {"code": "name", "case": "name", "attribute": "name", "coder": "name",
               "document": "title", "memo": "title"}


@dataclass(frozen=True)
class ConflictRow:
    conflict: api.Conflict
    name: str  # the entity's name here ("" when it no longer exists)
    field: str  # the field as a reader knows it (an attribute value by the attribute's name)
    kept: str | None = None  # the values as a reader knows them (None: as the server has them)
    lost: str | None = None

    @property
    def can_flip(self) -> bool:
        return self.conflict.field != "deleted" and self.conflict.lost is not None


def read_conflicts(project: Project) -> list[ConflictRow]:
    """The conflicts of the last sync with each entity's and attribute's name looked up here."""
    conflicts = api.conflicts(project)
    with project.reading() as session:
        connection = session.connection()

        def name_of(kind: str, uuid: str) -> str:
            column = NAME_COLUMN.get(kind)
            if column is None:
                return ""
            found = connection.exec_driver_sql(
                f"SELECT {column} FROM {TABLES[kind]} WHERE uuid = ?", (uuid,)).scalar()
            return "" if found is None else str(found)

        rows = []
        for conflict in conflicts:
            field = tr(FIELD_NAMES[conflict.field]) if conflict.field in FIELD_NAMES else \
                conflict.field
            if field.startswith(VALUE_PREFIX):
                field = tr("value of {0}").format(
                    name_of("attribute", field[len(VALUE_PREFIX):]) or "?")
            row = ConflictRow(conflict, name_of(conflict.kind, conflict.uuid), field)
            if conflict.kind == "code" and conflict.field == "parent":
                kept, lost = (tr("(top level)") if value is None else name_of("code", value)
                              or "?" for value in (conflict.kept, conflict.lost))
                row = ConflictRow(conflict, row.name, row.field, kept, lost)
            rows.append(row)
    return rows
