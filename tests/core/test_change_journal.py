"""The change journal names every row an action, its undo and its redo changed, cascades included.

Each action's change record is checked against the rows that really changed: every table is read
before and after with plain sqlite3 and compared entity by entity (a speaker turn, an attribute
value, a layout or a heading counts as a change to its document or case).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO, add_case_with_document, code_id, copy_of_template
from workbench.core.autocode.rules import SpeakerRule
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.services.audit_trail import project_history
from workbench.core.services.autocoding import autocode
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import (
    create_case,
    define_attribute,
    delete_case,
    rename_case,
    set_case_attribute,
    set_case_description,
)
from workbench.core.services.changes import Changes, EntityRef
from workbench.core.services.codebook import create_project
from workbench.core.services.coders import add_coder, rename_coder
from workbench.core.services.codes import (
    create_code,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    update_code,
)
from workbench.core.services.codings import (
    apply_code,
    recode,
    remove_coding,
    set_coding_memo,
    set_coding_range,
)
from workbench.core.services.documents import (
    add_document,
    delete_document,
    move_document,
    rename_document,
    set_document_metadata,
)
from workbench.core.services.history import last_action_changes, redo, undo
from workbench.core.services.memos import create_memo, delete_memo, update_memo
from workbench.core.services.summaries import clear_summary, set_summary
from workbench.core.storage import Project

TEXT = ("Interviewer: Hoe begon het?\n\nZoë: We kookten samen, élke vrijdag. 🙂\n\n"
        "Interviewer: En nu?\n\nZoë: Nu helpt iedereen mee.")
ENTITIES = {"case_": "case", "attribute": "attribute", "document": "document", "code": "code",
            "coding": "coding", "memo": "memo", "coder": "coder", "matrix_summary": "summary",
            "audit_entry": "audit"}
CHILDREN = {"speaker_turn": ("document", "document_id"),
            "document_layout": ("document", "document_id"),
            "document_heading": ("document", "document_id"),
            "case_attribute_value": ("case", "case_id")}

Key = tuple[str, int]
Action = Callable[[Project, dict[str, int]], object]

ACTIONS: dict[str, Action] = {
    "code a passage": lambda p, ids: apply_code(p, ids["document"], ids["code"], 60, 80,
                                                coder="Amal"),
    "code a passage that joins another": lambda p, ids: apply_code(
        p, ids["document"], ids["code"], 20, 45, coder="Lotte"),
    "remove a coding": lambda p, ids: remove_coding(p, ids["coding"]),
    "resize a coding": lambda p, ids: set_coding_range(p, ids["coding"], 30, 70),
    "write a coding memo": lambda p, ids: set_coding_memo(p, ids["coding"], "Mooi citaat."),
    "recode a passage": lambda p, ids: recode(p, ids["coding"], ids["other"]),
    "code many passages": lambda p, ids: apply_codings(p, [
        CodingSpec(ids["document"], ids["other"], 10, 20, "Bram"),
        CodingSpec(ids["document"], ids["code"], 28, 50, "Lotte")]),
    "autocode a speaker": lambda p, ids: autocode(p, SpeakerRule(speakers=("Zoë",)),
                                                  ids["other"], coder="Amal"),
    "create a code": lambda p, ids: create_code(p, "Nieuwe code", parent_id=ids["theme"],
                                                position=0),
    "rename a code": lambda p, ids: rename_code(p, ids["code"], "Gedeelde strijd"),
    "edit a definition": lambda p, ids: update_code(p, ids["code"], definition="Anders.",
                                                    colour="#123456"),
    "move a code": lambda p, ids: move_code(p, ids["code"], None, position=0),
    "merge two codes": lambda p, ids: merge_codes(p, ids["code"], ids["other"]),
    "delete a theme with its sub-codes and codings": lambda p, ids: delete_code(p, ids["theme"]),
    "create a case": lambda p, ids: create_case(p, "Buurthuis", attributes={"members": 9}),
    "rename a case": lambda p, ids: rename_case(p, ids["case"], "De Linde"),
    "describe a case": lambda p, ids: set_case_description(p, ids["case"], "Een school."),
    "define an attribute": lambda p, ids: define_attribute(p, "city", "text"),
    "set an attribute": lambda p, ids: set_case_attribute(p, ids["case"], "members", 12),
    "clear an attribute": lambda p, ids: set_case_attribute(p, ids["case"], "members", None),
    "delete a case with its documents": lambda p, ids: delete_case(p, ids["case"],
                                                                   with_documents=True),
    "add a transcript with speaker turns": lambda p, ids: add_document(
        p, ids["case"], "Groepsgesprek", "I: Wie kookt er?\n\nR1: Ik.\n\nR2: Wij allemaal.\n"),
    "rename a document": lambda p, ids: rename_document(p, ids["document"], "Nieuwe titel"),
    "describe a document": lambda p, ids: set_document_metadata(p, ids["document"],
                                                                interviewer="Lotte"),
    "move a document": lambda p, ids: move_document(p, ids["document"], ids["second case"]),
    "delete a document with its codings and memo": lambda p, ids: delete_document(
        p, ids["document"]),
    "add a coder": lambda p, ids: add_coder(p, "Noor"),
    "rename a coder": lambda p, ids: rename_coder(p, ids["coder"], "Lotte V."),
    "write a memo": lambda p, ids: create_memo(p, "Eerste indruk", "Warm gesprek."),
    "edit a memo": lambda p, ids: update_memo(p, ids["memo"], text="Anders."),
    "delete a memo": lambda p, ids: delete_memo(p, ids["memo"]),
    "write a summary": lambda p, ids: set_summary(p, ids["case"], ids["code"], "Samen koken.",
                                                  author="Lotte"),
    "clear a summary": lambda p, ids: clear_summary(p, ids["case"], ids["summarised"]),
    "merge a codebook (with its audit entry)": lambda p, ids: merge_codebook(
        p, read_codebook(REPO / "codebooks" / "social-cohesion.qdc"), author="Lotte"),
}


_FILLED_IDS: dict[str, int] = {}  # the ids of the template's entities (built once per process)


@pytest.fixture
def filled(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Project, dict[str, int]]]:
    def build(path: Path) -> None:
        with create_project(path, codebook="solidarity") as project:
            _FILLED_IDS.update(_fill(project))

    path = copy_of_template(tmp_path_factory, "journal", build, tmp_path / "study.cwb")
    with Project.open(path) as project:
        yield project, dict(_FILLED_IDS)


def _fill(project: Project) -> dict[str, int]:
    case, document = add_case_with_document(project, TEXT)
    set_case_attribute(project, case, "members", 40)
    ids = {"case": case, "document": document,
           "theme": code_id(project, "Sources of solidarity"),
           "code": code_id(project, "Shared struggle"),
           "other": code_id(project, "Interdependence")}
    ids["second case"] = create_case(project, "Sportclub").subject.id
    coding = apply_code(project, document, ids["code"], 28, 58, coder="Lotte")
    ids["coding"] = coding.subject.id
    ids["coder"] = next(ref.id for ref in coding.created if ref.kind == "coder")
    ids["memo"] = create_memo(project, "Over De Linde", "Open sfeer.").subject.id
    ids["summarised"] = ids["other"]
    set_summary(project, case, ids["other"], "Afhankelijk van elkaar.", author="Lotte")
    return ids


def entities(path: Path) -> tuple[dict[Key, tuple], dict[Key, list[tuple]]]:
    """Every entity's row by (kind, id), and every parent's child rows, read with sqlite3."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        rows = {(kind, row[0]): row for table, kind in ENTITIES.items() if table in tables
                for row in connection.execute(f'SELECT * FROM "{table}"')}
        children: dict[Key, list[tuple]] = {}
        for table, (kind, column) in CHILDREN.items():
            for row in connection.execute(f'SELECT "{column}", * FROM "{table}"'):
                children.setdefault((kind, row[0]), []).append(row[1:])
        return rows, {key: sorted(found, key=repr) for key, found in children.items()}
    finally:
        connection.close()


def uuid_of(key: Key, *states: dict[Key, tuple]) -> str:
    state = next(state for state in states if key in state)
    return state[key][list(state[key]).index(next(v for v in state[key] if _is_uuid(v)))]


def _is_uuid(value: object) -> bool:
    return isinstance(value, str) and len(value) == 36 and value.count("-") == 4


def expected(before: tuple[dict, dict], after: tuple[dict, dict]) -> dict[str, set[EntityRef]]:
    """What really changed between two readings, as entity references."""
    (rows_before, children_before), (rows_after, children_after) = before, after
    created = rows_after.keys() - rows_before.keys()
    deleted = rows_before.keys() - rows_after.keys()
    updated = {key for key in rows_before.keys() & rows_after.keys()
               if rows_before[key] != rows_after[key]}
    updated |= {key for key in children_before.keys() | children_after.keys()
                if children_before.get(key) != children_after.get(key)}
    updated -= created | deleted

    def refs(keys: set[Key]) -> set[EntityRef]:
        return {EntityRef(kind, number, uuid_of((kind, number), rows_after, rows_before))
                for kind, number in keys}
    return {"created": refs(created), "updated": refs(updated), "deleted": refs(deleted)}


def reported(changes: Changes) -> dict[str, set[EntityRef]]:
    return {group: set(getattr(changes, group)) for group in ("created", "updated", "deleted")}


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
def test_the_journal_names_what_an_action_its_undo_and_its_redo_changed(
        filled: tuple[Project, dict[str, int]], action: Action) -> None:
    project, ids = filled
    original = entities(project.path)

    made = action(project, ids)
    done = entities(project.path)
    assert done != original, "the action changed nothing"
    assert isinstance(made, Changes)
    assert reported(made) == reported(last_action_changes(project)) == expected(original, done)

    undone = undo(project)
    assert entities(project.path) == original
    assert reported(undone) == expected(done, original)

    redone = redo(project)
    assert entities(project.path) == done
    assert reported(redone) == expected(original, done)

    # The append-only action log holds all three, with the same entities by UUID.
    logged = project_history(project, limit=3)
    assert [entry.title.split(":")[0] for entry in logged][:2] == ["Redo", "Undo"]
    for entry, (start, end) in zip(logged, [(original, done), (done, original),
                                            (original, done)], strict=True):
        assert {group: {(entity.kind, entity.uuid) for entity in getattr(entry, group)}
                for group in ("created", "updated", "deleted")} == {
            group: {(ref.kind, ref.uuid) for ref in refs}
            for group, refs in expected(start, end).items()}


def test_each_change_names_its_entity_the_coder_and_the_time(
        filled: tuple[Project, dict[str, int]]) -> None:
    project, ids = filled
    project.coder_name = "Lotte"
    delete_document(project, ids["document"])

    connection = sqlite3.connect(f"file:{project.path}?mode=ro", uri=True)
    try:
        label, coder, at = connection.execute(
            "SELECT label, coder, at FROM undo_step ORDER BY id DESC LIMIT 1").fetchone()
        changes = connection.execute(
            "SELECT tbl, row_uuid, parent_tbl, parent_uuid, op FROM undo_statement "
            "WHERE step_id = (SELECT max(id) FROM undo_step) ORDER BY id").fetchall()
    finally:
        connection.close()
    document_uuid = next(ref.uuid for ref in undo(project).created if ref.kind == "document")
    assert (label, coder) == ("Delete document", "Lotte")
    assert at.endswith("Z") and at[:4].isdigit()
    assert changes[0] == ("document", document_uuid, None, None, "delete")
    # the cascade: its coding, its memo-less turns and layout, each naming the document
    assert {(table, op) for table, _uuid, _parent, _of, op in changes[1:]} >= {
        ("coding", "delete"), ("speaker_turn", "delete"), ("document_layout", "delete")}
    assert all(of == document_uuid for table, _uuid, parent, of, _op in changes
               if parent == "document")
