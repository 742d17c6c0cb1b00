"""The database of a new, empty project, built once per process and written out as bytes.

Creating the schema through SQLAlchemy compiles and runs some 600 statements (tables, indexes,
the full-text index, the journal's triggers): about 50 ms of processor time, paid again for every
new project (a script or a test making hundreds of them). The schema never changes within a
process, so it is built once in memory and SQLite's own serialisation of that database is what
each new project file starts from: the same pages, byte for byte, that the statements would
have written.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from workbench.core.model import Base
from workbench.core.storage.file_header import APPLICATION_ID
from workbench.core.storage.migrations import SCHEMA_VERSION
from workbench.core.storage.schema_extras import create_extras
from workbench.core.storage.undo_log import create_undo_log


def build_schema(connection: sqlite3.Connection) -> None:
    """Every table, index and trigger of the current format, and the file's header marks."""
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    with engine.begin() as session:
        Base.metadata.create_all(session)
        create_extras(session)
        create_undo_log(session, Base.metadata)
        session.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        session.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


@cache
def empty_project_image() -> bytes:
    """The bytes of an empty project database of the current format (no project row yet)."""
    connection = sqlite3.connect(":memory:")
    try:
        build_schema(connection)
        return connection.serialize()
    finally:
        connection.close()
