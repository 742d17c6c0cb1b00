"""Table and trigger definitions exactly as each project format made them, for the upgrades.

An upgrade step must build what its format had, not what today's classes describe, or a step
written today would run differently on a file found years later. Everything here is plain text
and plain functions of it; nothing reads the ORM model or :mod:`undo_log`. Never edit a
definition once its format is released: add the next format's beside it.
"""

from __future__ import annotations

# -- format 2 ------------------------------------------------------------------------------

LAYOUT_TABLE_2 = """CREATE TABLE document_layout (
    document_id INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    words BLOB NOT NULL,
    paragraphs BLOB NOT NULL,
    CONSTRAINT pk_document_layout PRIMARY KEY (document_id),
    CONSTRAINT fk_document_layout_document_id_document FOREIGN KEY(document_id)
        REFERENCES document (id) ON DELETE CASCADE
)"""
LAYOUT_COLUMNS_2 = ["document_id", "word_count", "words", "paragraphs"]

# -- formats 1 to 3: undo triggers that log only the inverse SQL ---------------------------

_CHILD_INSERTS_NOT_LOGGED_3 = {"speaker_turn", "document_layout", "document_heading"}


def trigger_ddl_3(table: str, columns: list[str]) -> list[str]:
    """The undo triggers of formats 1 to 3 for one table."""
    names = ", ".join(f'"{column}"' for column in columns)
    assignments = " || ', ' || ".join(
        f"'\"{column}\" = ' || quote(old.\"{column}\")" for column in columns)
    values = " || ',' || ".join(f"quote(old.\"{column}\")" for column in columns)
    statements = [
        f"""CREATE TRIGGER undo_{table}_insert AFTER INSERT ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('DELETE FROM "{table}" WHERE rowid = ' || new.rowid);
        END""",
        f"""CREATE TRIGGER undo_{table}_delete BEFORE DELETE ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('INSERT INTO "{table}" (rowid, {names}) VALUES (' || old.rowid || ','
                    || {values} || ')');
        END""",
        f"""CREATE TRIGGER undo_{table}_update AFTER UPDATE ON "{table}" BEGIN
            INSERT INTO undo_statement (sql)
            VALUES ('UPDATE "{table}" SET ' || {assignments} || ' WHERE rowid = ' || old.rowid);
        END""",
    ]
    return statements[1:] if table in _CHILD_INSERTS_NOT_LOGGED_3 else statements


# -- format 4: the change journal ----------------------------------------------------------

# Every logged table's columns at format 4, in their stored order.
COLUMNS_4: dict[str, list[str]] = {
    "attribute": ["id", "name", "type", "choices_json", "description", "position", "uuid"],
    "audit_entry": ["id", "when", "author", "action", "summary", "details_json", "uuid"],
    "case_": ["id", "name", "description", "position", "uuid", "created_at", "modified_at"],
    "code": ["id", "parent_id", "name", "colour", "definition", "when_to_use",
             "when_not_to_use", "example", "position", "codable", "uuid", "created_at",
             "modified_at"],
    "coder": ["id", "name", "colour", "created_at", "uuid"],
    "case_attribute_value": ["case_id", "attribute_id", "value"],
    "document": ["id", "case_id", "kind", "title", "text", "source_name", "encoding",
                 "content_hash", "word_count", "imported_at", "recorded_on", "interviewer",
                 "participants_json", "position", "uuid"],
    "matrix_summary": ["id", "case_id", "code_id", "text", "author_id", "uuid", "created_at",
                       "modified_at"],
    "coding": ["id", "document_id", "code_id", "coder_id", "start", "end", "memo", "created_at",
               "uuid", "rule"],
    "document_heading": ["id", "document_id", "level", "start", "end"],
    "document_layout": ["document_id", "word_count", "words", "paragraphs"],
    "speaker_turn": ["id", "document_id", "position", "speaker", "label_start", "start", "end",
                     "timestamp", "milliseconds", "uuid"],
    "memo": ["id", "title", "text", "author_id", "case_id", "document_id", "code_id",
             "coding_id", "uuid", "created_at", "modified_at"],
}
# Rows that belong to a parent entity: (parent table, the column holding its id).
PARENTS_4: dict[str, tuple[str, str]] = {
    "speaker_turn": ("document", "document_id"), "document_layout": ("document", "document_id"),
    "document_heading": ("document", "document_id"), "case_attribute_value": ("case_", "case_id"),
}
JOURNAL_COLUMNS_4 = (
    "ALTER TABLE undo_step ADD COLUMN coder TEXT",
    "ALTER TABLE undo_step ADD COLUMN at TEXT",
    "ALTER TABLE undo_statement ADD COLUMN tbl TEXT",
    "ALTER TABLE undo_statement ADD COLUMN row_id INTEGER",
    "ALTER TABLE undo_statement ADD COLUMN row_uuid TEXT",
    "ALTER TABLE undo_statement ADD COLUMN parent_tbl TEXT",
    "ALTER TABLE undo_statement ADD COLUMN parent_id INTEGER",
    "ALTER TABLE undo_statement ADD COLUMN parent_uuid TEXT",
    "ALTER TABLE undo_statement ADD COLUMN op TEXT",
)


def trigger_ddl_4(table: str, columns: list[str]) -> list[str]:
    """The undo triggers of format 4: the inverse SQL and the journal columns, per row."""
    names = ", ".join(f'"{column}"' for column in columns)
    assignments = " || ', ' || ".join(
        f"'\"{column}\" = ' || quote(old.\"{column}\")" for column in columns)
    values = " || ',' || ".join(f"quote(old.\"{column}\")" for column in columns)

    def about(row: str, op: str) -> str:
        uuid = f'{row}."uuid"' if "uuid" in columns else "NULL"
        if table in PARENTS_4:
            parent, key = PARENTS_4[table]
            owner = (f"'{parent}', {row}.\"{key}\", "
                     f"(SELECT uuid FROM \"{parent}\" WHERE id = {row}.\"{key}\")")
        else:
            owner = "NULL, NULL, NULL"
        return f"'{table}', {row}.rowid, {uuid}, {owner}, '{op}'"

    into = "INSERT INTO undo_statement (sql, tbl, row_id, row_uuid, parent_tbl, parent_id, " \
           "parent_uuid, op)"
    statements = [
        f"""CREATE TRIGGER undo_{table}_insert AFTER INSERT ON "{table}" BEGIN
            {into}
            VALUES ('DELETE FROM "{table}" WHERE rowid = ' || new.rowid, {about('new', 'insert')});
        END""",
        f"""CREATE TRIGGER undo_{table}_delete BEFORE DELETE ON "{table}" BEGIN
            {into}
            VALUES ('INSERT INTO "{table}" (rowid, {names}) VALUES (' || old.rowid || ','
                    || {values} || ')', {about('old', 'delete')});
        END""",
        f"""CREATE TRIGGER undo_{table}_update AFTER UPDATE ON "{table}" BEGIN
            {into}
            VALUES ('UPDATE "{table}" SET ' || {assignments} || ' WHERE rowid = ' || old.rowid,
                    {about('old', 'update')});
        END""",
    ]
    return statements[1:] if table in _CHILD_INSERTS_NOT_LOGGED_3 else statements


# -- format 5: a team project's synchronisation state ---------------------------------------

# The link to a team server (its address without a password, the PostgreSQL user, the newest
# server sequence pulled) and, per synchronised entity, the value it had on the server at the
# last sync (NULL: deleted there), from which a sync tells local edits apart. Not journalled.
TEAM_TABLES_5 = (
    """CREATE TABLE team_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        user TEXT NOT NULL,
        pulled_seq INTEGER NOT NULL DEFAULT 0,
        synced_at TEXT)""",
    """CREATE TABLE sync_base (
        kind TEXT NOT NULL,
        uuid TEXT NOT NULL,
        owner TEXT NOT NULL,
        payload TEXT,
        PRIMARY KEY (kind, uuid)) WITHOUT ROWID""",
)
