"""Undo as data: triggers record the inverse SQL of every row change a user action makes.

Each action runs in one transaction; its inverse statements form one labelled *step*. Undoing a
step runs its statements in reverse order in one transaction, and the triggers, firing again,
record the step that redoes it. Because the log is written by triggers, every service (and every
foreign-key cascade and full-text update it causes) is undoable without code of its own.
"""

from __future__ import annotations

from sqlalchemy import Connection, MetaData

# Tables whose rows are user content. The project row (its modified time) and the log are not.
NOT_LOGGED = {"project", "undo_step", "undo_statement"}
# Rows only ever created together with their parent, whose insert's inverse (a delete of the
# parent) removes them by cascade: logging their inserts would only slow imports down. Their
# deletes are still logged, so a redo brings them back.
INSERTS_NOT_LOGGED = {"speaker_turn", "document_layout", "document_heading"}

LOG_DDL = (
    """CREATE TABLE undo_step (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('undo', 'redo')))""",
    """CREATE TABLE undo_statement (
        id INTEGER PRIMARY KEY,
        step_id INTEGER REFERENCES undo_step(id) ON DELETE CASCADE,
        sql TEXT NOT NULL)""",
    "CREATE INDEX ix_undo_statement_step ON undo_statement (step_id)",
)


def _quoted_values(prefix: str, columns: list[str]) -> str:
    return " || ',' || ".join(f"quote({prefix}.\"{column}\")" for column in columns)


def trigger_ddl(table: str, columns: list[str]) -> list[str]:
    names = ", ".join(f'"{column}"' for column in columns)
    assignments = " || ', ' || ".join(
        f"'\"{column}\" = ' || quote(old.\"{column}\")" for column in columns)
    statements = [
        f"""CREATE TRIGGER undo_{table}_insert AFTER INSERT ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('DELETE FROM "{table}" WHERE rowid = ' || new.rowid);
        END""",
        f"""CREATE TRIGGER undo_{table}_delete BEFORE DELETE ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('INSERT INTO "{table}" (rowid, {names}) VALUES (' || old.rowid || ','
                    || {_quoted_values('old', columns)} || ')');
        END""",
        f"""CREATE TRIGGER undo_{table}_update AFTER UPDATE ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('UPDATE "{table}" SET ' || {assignments} || ' WHERE rowid = ' || old.rowid);
        END""",
    ]
    return statements[1:] if table in INSERTS_NOT_LOGGED else statements


def create_undo_log(connection: Connection, metadata: MetaData) -> None:
    for statement in LOG_DDL:
        connection.exec_driver_sql(statement)
    for table in metadata.sorted_tables:
        if table.name not in NOT_LOGGED:
            for statement in trigger_ddl(table.name, [column.name for column in table.columns]):
                connection.exec_driver_sql(statement)


MAX_STEPS = 200


def pending_statements(connection: Connection) -> int:
    return connection.exec_driver_sql(
        "SELECT count(*) FROM undo_statement WHERE step_id IS NULL").scalar() or 0


def record_step(connection: Connection, label: str, direction: str, *, clear_redo: bool) -> None:
    """Gather the statements the triggers just logged into one step (if there are any)."""
    if clear_redo:
        connection.exec_driver_sql("DELETE FROM undo_step WHERE direction = 'redo'")
    if not pending_statements(connection):
        return
    step = connection.exec_driver_sql(
        "INSERT INTO undo_step (label, direction) VALUES (?, ?)", (label, direction)).lastrowid
    connection.exec_driver_sql("UPDATE undo_statement SET step_id = ? WHERE step_id IS NULL", (step,))
    connection.exec_driver_sql(
        "DELETE FROM undo_step WHERE direction = ? AND id NOT IN "
        "(SELECT id FROM undo_step WHERE direction = ? ORDER BY id DESC LIMIT ?)",
        (direction, direction, MAX_STEPS))


def newest_step(connection: Connection, direction: str) -> tuple[int, str] | None:
    row = connection.exec_driver_sql(
        "SELECT id, label FROM undo_step WHERE direction = ? ORDER BY id DESC LIMIT 1",
        (direction,)).first()
    return (row[0], row[1]) if row else None


def take_statements(connection: Connection, step_id: int) -> list[str]:
    """The step's inverse statements, newest first, removed from the log."""
    statements = [sql for (sql,) in connection.exec_driver_sql(
        "SELECT sql FROM undo_statement WHERE step_id = ? ORDER BY id DESC", (step_id,))]
    connection.exec_driver_sql("DELETE FROM undo_step WHERE id = ?", (step_id,))
    return statements
