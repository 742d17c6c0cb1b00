"""A new project starts from the serialised empty database built once per process: it must be
the database the schema's statements write to a file, and every project its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from workbench.core.services.codes import create_code
from workbench.core.storage import Project
from workbench.core.storage.empty_schema import build_schema

HEADER_PRAGMAS = ("application_id", "user_version", "page_size", "auto_vacuum", "encoding")


def _describe(path: Path) -> tuple[list[tuple[str, ...]], dict[str, object]]:
    with sqlite3.connect(path) as connection:
        schema = sorted(connection.execute(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"))
        pragmas = {name: connection.execute(f"PRAGMA {name}").fetchone()[0]
                   for name in HEADER_PRAGMAS}
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    return schema, pragmas


def test_a_new_project_has_the_schema_its_statements_write(tmp_path: Path) -> None:
    written = tmp_path / "statements.sqlite"
    connection = sqlite3.connect(written)
    build_schema(connection)
    connection.close()

    Project.create(tmp_path / "study.cwb").close()

    schema, pragmas = _describe(tmp_path / "study.cwb")
    assert (schema, pragmas) == _describe(written)
    assert len([row for row in schema if row[0] == "trigger"]) > 20  # the journal came along
    with sqlite3.connect(tmp_path / "study.cwb") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT name FROM project").fetchall() == [("study",)]
    connection.close()


def test_projects_made_one_after_another_share_nothing(tmp_path: Path) -> None:
    with Project.create(tmp_path / "first.cwb") as first:
        create_code(first, "Bronnen van solidariteit")
    with Project.create(tmp_path / "second.cwb") as second, second.reading() as session:
        for table in ("code", "undo_step", "action_log"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
