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


# -- format 6: the append-only action log ---------------------------------------------------

# One row per action (an undo and a redo are actions too), one compact row per entity it
# created, updated or deleted: never trimmed, never rewritten (the guards refuse it). ``copied``
# is 1 for the actions copied from the undo log when a file was upgraded to format 6.
ACTION_LOG_6 = (
    """CREATE TABLE action_log (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('action', 'undo', 'redo')),
        label TEXT NOT NULL,
        coder TEXT,
        at TEXT,
        copied INTEGER)""",
    """CREATE TABLE action_entity (
        action_id INTEGER NOT NULL REFERENCES action_log (id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        uuid TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('created', 'updated', 'deleted')),
        PRIMARY KEY (action_id, seq)) WITHOUT ROWID""",
    *(f"""CREATE TRIGGER {table}_append_only_{event} BEFORE {event.upper()} ON {table} BEGIN
        SELECT RAISE(ABORT, 'the action log is append-only');
    END""" for table in ("action_log", "action_entity") for event in ("update", "delete")),
)

# The entities one undo step changed, into the action log, from the journal's own columns (named
# parameters: ``action``, the log's new row, and ``step``, the undo step). Each entity counts
# by what the step did to it in sum: its first and last own row change (inserted and deleted
# again: left out); a child row changed (speaker turn, layout, heading, attribute value) makes
# its parent updated, unless the step created or deleted the parent. One pass over the step's
# rows and one grouping: each row's id * 4 + its operation (1 insert, 2 update, 3 delete) gives
# an entity's first and last operation by min() and max(). ``seq`` is the entity's first row in
# the step: the order things changed in.
_ENTITY_TABLES_6 = ("'case_', 'attribute', 'document', 'code', 'coding', 'memo', 'coder', "
                    "'matrix_summary', 'audit_entry'")
_KIND_6 = """CASE {} WHEN 'case_' THEN 'case' WHEN 'attribute' THEN 'attribute'
    WHEN 'document' THEN 'document' WHEN 'code' THEN 'code' WHEN 'coding' THEN 'coding'
    WHEN 'memo' THEN 'memo' WHEN 'coder' THEN 'coder' WHEN 'matrix_summary' THEN 'summary'
    WHEN 'audit_entry' THEN 'audit' END"""
ACTION_ENTITIES_6 = f"""
INSERT INTO action_entity (action_id, seq, kind, uuid, op)
SELECT :action, seen, kind, coalesce(uuid, ''),
       CASE WHEN first IS NULL OR (first % 4 != 1 AND last % 4 != 3) THEN 'updated'
            WHEN first % 4 != 1 THEN 'deleted' ELSE 'created' END
FROM (SELECT min(id) AS seen, kind, max(uuid) AS uuid,
             min(CASE WHEN own THEN id * 4 + code END) AS first,
             max(CASE WHEN own THEN id * 4 + code END) AS last
      FROM (SELECT id, own,
                   CASE WHEN own THEN {_KIND_6.format("tbl")}
                        ELSE {_KIND_6.format("parent_tbl")} END AS kind,
                   CASE WHEN own THEN row_id ELSE parent_id END AS entity,
                   CASE WHEN own THEN row_uuid ELSE parent_uuid END AS uuid,
                   CASE op WHEN 'insert' THEN 1 WHEN 'update' THEN 2 ELSE 3 END AS code
            FROM (SELECT id, tbl, row_id, row_uuid, parent_tbl, parent_id, parent_uuid, op,
                         row_id IS NOT NULL AND tbl IN ({_ENTITY_TABLES_6}) AS own
                  FROM undo_statement WHERE step_id = :step AND op IS NOT NULL))
      WHERE kind IS NOT NULL AND entity IS NOT NULL
      GROUP BY kind, entity)
WHERE first IS NULL OR NOT (first % 4 = 1 AND last % 4 = 3)
ORDER BY seen"""
