"""DDL the ORM cannot declare: the full-text index and its triggers, expression indexes."""

from __future__ import annotations

from sqlalchemy import Connection

from workbench.core.storage.frozen_formats import TEAM_TABLES_5

# External-content FTS5 over document titles and texts, kept in step by triggers, so an
# insert, rename or delete of a document updates the index in the same transaction.
# remove_diacritics lets "ideeen" find "ideeën".
FTS_DDL = (
    """CREATE VIRTUAL TABLE document_fts USING fts5(
        title, text, content='document', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
        INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
)

# Sibling codes may not share a name; top-level codes (parent NULL) are siblings of each other.
CODE_SIBLING_DDL = (
    "CREATE UNIQUE INDEX uq_code_sibling_name ON code (coalesce(parent_id, 0), name COLLATE NOCASE)"
)


def create_extras(connection: Connection) -> None:
    for statement in (*FTS_DDL, CODE_SIBLING_DDL, *TEAM_TABLES_5):
        connection.exec_driver_sql(statement)


def rebuild_fulltext(connection: Connection) -> None:
    """Rebuild the full-text index from the documents (used after bulk loads and repairs)."""
    connection.exec_driver_sql("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
