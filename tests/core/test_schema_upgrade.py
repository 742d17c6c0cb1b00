"""A project file from the first released format opens in today's version, upgraded safely."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import add_case_with_document
from workbench.core.errors import ProjectFileError
from workbench.core.integrity import check_project
from workbench.core.model import Document
from workbench.core.queries.summary import project_summary
from workbench.core.services.audit_trail import project_history
from workbench.core.services.codes import create_code
from workbench.core.services.codings import apply_code, remove_coding
from workbench.core.services.documents import delete_document
from workbench.core.services.history import redo, undo
from workbench.core.storage import SCHEMA_VERSION, Project, migrations
from workbench.core.text_layout import lay_out, unpack, unpack_words

KEPT_V1 = Path(__file__).resolve().parents[1] / "data" / "project-v1.cwb"
LAYOUTS = text("SELECT document.text, layout.word_count, layout.words, layout.paragraphs "
               "FROM document JOIN document_layout AS layout ON layout.document_id = document.id")


def rows_of(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'document_fts%' AND name != 'document_layout'")]
        assert {"document", "coding", "code", "undo_statement"} <= set(tables)
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}
    finally:
        connection.close()


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def old_project(tmp_path: Path) -> Path:
    path = tmp_path / "solidarity.cwb"
    shutil.copyfile(KEPT_V1, path)
    return path


def test_the_kept_file_is_of_the_first_released_format() -> None:
    assert user_version(KEPT_V1) == 1
    assert SCHEMA_VERSION > 1, "bump the kept file's role: it must be older than today's format"


def test_opening_an_old_project_upgrades_it_after_keeping_a_dated_backup(old_project: Path) -> None:
    before = rows_of(old_project)

    with Project.open(old_project) as project:
        backup = project.upgrade_backup
        with project.reading() as session:
            summary = project_summary(session)

    assert backup == old_project.with_name(f"solidarity.bak-1-{date.today().isoformat()}.cwb")
    assert user_version(backup) == 1 and rows_of(backup) == before
    assert user_version(old_project) == SCHEMA_VERSION
    # Every researcher's row is kept as it was; format 3 adds each coding's rule (none) and an
    # empty table of headings (the old documents' headings are recognised from their text);
    # format 4 adds the journal's columns, empty for the steps logged before it; format 5 the
    # (empty) team synchronisation tables; format 6 the action log, holding a copy of each undo
    # step (no entities: those steps named none), an undone one as its undo.
    copied = [(number, "undo" if direction == "redo" else "action", label, None, None, 1)
              for number, (_id, label, direction) in enumerate(
                  sorted(before["undo_step"]), start=1)]
    assert rows_of(old_project) == {
        **before, "team_link": [], "sync_base": [],
        "action_log": sorted(copied, key=repr), "action_entity": [],
        "coding": [(*row, None) for row in before["coding"]], "document_heading": [],
        "undo_step": [(*row, None, None) for row in before["undo_step"]],
        "undo_statement": [(*row, *[None] * 7) for row in before["undo_statement"]]}
    assert summary["documents"] == 18 and summary["codings"] == 394
    with Project.open(backup) as reopened, reopened.reading() as session:  # a whole project
        assert project_summary(session)["codings"] == 394


def test_the_upgrade_lays_out_every_document_as_a_new_one_would_be(old_project: Path) -> None:
    with Project.open(old_project) as project:
        assert check_project(project).clean
        with project.reading() as session:
            stored = session.execute(LAYOUTS).all()
    assert len(stored) == 18
    for content, words, bounds, paragraphs in stored:
        expected = lay_out(content)
        starts, ends = unpack_words(bounds)
        assert words == expected.word_count
        assert starts.tolist() == expected.word_starts.tolist()
        assert ends.tolist() == expected.word_ends.tolist()
        assert unpack(paragraphs).tolist() == expected.paragraph_starts.tolist()


def test_the_undo_history_made_before_the_upgrade_still_works(old_project: Path) -> None:
    with Project.open(old_project) as project:
        assert project.step_labels("redo") == ["Remove coding"]
        project.replay("redo")
        with project.reading() as session:
            assert project_summary(session)["codings"] == 393
        project.replay("undo")
        assert project.replay("undo")[0] == "Write matrix summary"
        assert check_project(project).clean


def test_an_upgraded_project_is_not_upgraded_again(old_project: Path) -> None:
    Project.open(old_project).close()
    with Project.open(old_project) as project:
        assert project.upgrade_backup is None
    assert len(list(old_project.parent.glob("solidarity.bak-*"))) == 1


def test_a_second_upgrade_on_the_same_day_keeps_both_backups(old_project: Path) -> None:
    first = migrations.upgrade_backup_path(old_project, 1, date(2026, 11, 21))
    first.write_bytes(b"an earlier backup")
    assert migrations.upgrade_backup_path(old_project, 1, date(2026, 11, 21)).name == (
        "solidarity.bak-1-2026-11-21-2.cwb")


def test_a_failed_upgrade_leaves_the_old_project_exactly_as_it_was(
        old_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = old_project.read_bytes()

    def fails_half_way(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE document_layout (document_id INTEGER PRIMARY KEY)")
        connection.execute("INSERT INTO nowhere VALUES (1)")

    monkeypatch.setitem(migrations.STEPS, 1, fails_half_way)
    with pytest.raises(ProjectFileError, match=r"could not be upgraded from project format 1.*"
                                               r"unchanged.*solidarity\.bak-1-"):
        Project.open(old_project)
    assert old_project.read_bytes() == original
    assert user_version(old_project) == 1


def test_undoing_a_deletion_logged_without_layouts_lays_the_document_out_again(
        project: Project) -> None:
    """Steps logged by format 1 restore documents but not their layout (it did not exist)."""
    _case, document_id = add_case_with_document(project, "Zoë: wij helpen elkaar.")
    delete_document(project, document_id)
    with project.engine.begin() as connection:
        connection.exec_driver_sql(
            "DELETE FROM undo_statement WHERE sql LIKE 'INSERT INTO \"document_layout\"%'")

    project.replay("undo")

    with project.reading() as session:
        assert session.get(Document, document_id) is not None
        words = session.execute(LAYOUTS).all()
    assert [row[1] for row in words] == [4]
    assert check_project(project).clean


def table_schema(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return [row[1:] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    finally:
        connection.close()


def schema(path: Path) -> dict[str, tuple]:
    """Every table's columns and indexes, and every trigger's text, by name."""
    connection = sqlite3.connect(path)
    try:
        found: dict[str, tuple] = {}
        for kind, name, table, sql in connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ):
            if kind == "table":
                found[name] = tuple(connection.execute(f'PRAGMA table_info("{name}")'))
            elif kind == "index":
                found[name] = (table, tuple(connection.execute(f'PRAGMA index_info("{name}")')))
            else:
                found[name] = (table, " ".join((sql or "").split()))
        return found
    finally:
        connection.close()


def test_an_upgraded_project_has_the_schema_a_new_project_has(
        old_project: Path, project: Project) -> None:
    Project.open(old_project).close()
    assert schema(old_project) == schema(project.path)
    assert table_schema(old_project, "coding")[-1][:2] == ("rule", "TEXT")


def test_undo_after_the_upgrade_restores_a_coding_with_its_rule(old_project: Path) -> None:
    """The coding table's undo triggers know the new column, in the upgraded file too."""
    with Project.open(old_project) as project:
        with project.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE coding SET rule = 'speaker Zoë' WHERE id = 1")
        before = rows_of(old_project)["coding"]
        assert ("speaker Zoë",) in {row[-1:] for row in before}
        remove_coding(project, 1)
        project.replay("undo")
        assert rows_of(old_project)["coding"] == before


def test_undo_history_from_before_the_journal_replays_with_a_whole_change_record(
        old_project: Path) -> None:
    """Steps logged by format 1 carry only their inverse SQL; their replay is journalled."""
    with Project.open(old_project) as project:
        with project.reading() as session:
            codings = dict(session.execute(text("SELECT id, uuid FROM coding")).all())
        redone = redo(project)
        with project.reading() as session:
            gone = set(codings) - set(session.execute(text("SELECT id FROM coding")).scalars())
        assert redone.message == "Redid: Remove coding."
        assert [(ref.kind, ref.id, ref.uuid) for ref in redone.deleted] == [
            ("coding", number, codings[number]) for number in gone]
        assert len(gone) == 1 and not redone.created
        undone = undo(project)
        assert [ref.uuid for ref in undone.created] == [codings[number] for number in gone]


def test_a_format_2_file_upgrades_to_a_new_projects_schema(
        old_project: Path, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step stands alone: a file stopped at format 2 takes the later steps by themselves."""
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "SCHEMA_VERSION", 2)
        migrations.upgrade_project(old_project, 1)
    assert user_version(old_project) == 2
    assert "document_heading" not in schema(old_project)

    with Project.open(old_project) as upgraded:
        assert upgraded.upgrade_backup is not None and upgraded.upgrade_backup.name.startswith(
            "solidarity.bak-2-")
        assert redo(upgraded).message == "Redid: Remove coding."
        assert check_project(upgraded).clean
    assert schema(old_project) == schema(project.path)


def _as_format_5(path: Path) -> None:
    """Take away what format 6 added (the action log), as a file made before it would be."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP TABLE action_entity")
        connection.execute("DROP TABLE action_log")
        connection.execute("PRAGMA user_version = 5")
        connection.commit()
    finally:
        connection.close()


def test_a_format_5_file_starts_its_action_log_with_the_steps_undo_kept(tmp_path: Path) -> None:
    path = tmp_path / "study.cwb"
    with Project.create(path) as project:
        project.coder_name = "Amal"
        _case, document = add_case_with_document(project, "Zoë: wij helpen elkaar.")
        code = create_code(project, "Gedeelde strijd").subject.id
        apply_code(project, document, code, 5, 9, coder="Amal")
        delete_document(project, document)
        undo(project)
        logged = project_history(project)
    _as_format_5(path)

    with Project.open(path) as project:
        assert project.upgraded_from == 5 and user_version(path) == SCHEMA_VERSION
        copied = project_history(project)
        project.coder_name = "Lotte"
        create_code(project, "Wederzijdse afhankelijkheid")
        after = project_history(project)
        assert check_project(project).clean

    # The undo log held every action but the delete that was undone (its undo stands for it);
    # they come over with their coder, time and entities, marked as copied.
    kept = [entry for entry in logged if entry.title != "Delete document"]
    assert [entry.title for entry in kept][:2] == ["Undo: Delete document", "Code passage"]
    assert [replace(entry, step=0) for entry in copied] == [
        replace(entry, step=0, copied=True) for entry in kept]
    assert [entry.step for entry in copied] == list(range(len(kept), 0, -1))
    # New actions follow them, recorded as they happen.
    assert after[1:] == copied
    assert (after[0].title, after[0].coder, after[0].copied) == ("Create code", "Lotte", False)
