"""Writing the audit record of a team action (inside the action's own transaction)."""

from __future__ import annotations

import json

from sqlalchemy import Table
from sqlalchemy.orm import Session

from workbench.core.model import AuditEntry
from workbench.core.services.changes import ChangeLog
from workbench.core.storage.undo_log import trigger_ddl


def ensure_audit_table(session: Session) -> None:
    """Project files made before the audit trail existed get its table (and undo triggers)."""
    connection = session.connection()
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'").first()
    if exists is None:
        table = AuditEntry.__table__
        assert isinstance(table, Table)  # a mapped class's table
        table.create(connection)
        for statement in trigger_ddl("audit_entry",
                                     [column.name for column in AuditEntry.__table__.columns]):
            connection.exec_driver_sql(statement)


def record_audit(session: Session, log: ChangeLog, author: str, action: str, summary: str,
                 details: dict[str, object]) -> AuditEntry:
    ensure_audit_table(session)
    entry = AuditEntry(author=author, action=action, summary=summary,
                       details_json=json.dumps(details, ensure_ascii=False, default=str))
    session.add(entry)
    session.flush()
    log.create(entry)
    return entry
