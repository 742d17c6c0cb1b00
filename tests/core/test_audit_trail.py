"""The project's history of actions is read from the append-only action log: who, when, what,
and which entities each action (or its undo) created, changed and deleted, cascades included."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import add_case_with_document
from workbench.core.services import audit_trail
from workbench.core.services.audit_trail import ChangedEntity, Logged, project_history
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code, delete_code, rename_code
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import delete_document, rename_document
from workbench.core.services.history import undo
from workbench.core.storage import Project

TEXT = "Zoë: We kookten samen, élke vrijdag. 🙂\n\nAmal: En nu helpt iedereen mee."


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _kinds(entities: tuple[ChangedEntity, ...]) -> list[str]:
    return sorted(entity.kind for entity in entities)


@pytest.fixture
def worked_on(tmp_path: Path) -> tuple[Project, dict[str, str], datetime, datetime]:
    """Amal imports an interview and codes it; Lotte renames it, deletes it, then undoes that."""
    started = _utc_now() - timedelta(milliseconds=1)
    project = create_project(tmp_path / "study.cwb")
    project.coder_name = "Amal"
    _case, document = add_case_with_document(project, TEXT)
    code = create_code(project, "Gedeelde strijd").subject.id
    coded = apply_code(project, document, code, 5, 21, coder="Amal")
    coding = next(ref for ref in coded.created if ref.kind == "coding")
    project.coder_name = "Lotte"
    renamed = rename_document(project, document, "Interview met de kok").subject
    delete_document(project, document)
    undo(project)
    uuids = {"document": renamed.uuid, "coding": coding.uuid}
    return project, uuids, started, _utc_now() + timedelta(milliseconds=1)


def test_the_history_lists_each_action_with_its_coder_time_and_entities(
        worked_on: tuple[Project, dict[str, str], datetime, datetime]) -> None:
    project, uuids, started, ended = worked_on
    with project:
        history = project_history(project)

    # newest first; the delete was taken back, and both the delete and its undo are listed
    assert [(entry.action, entry.undo, entry.coder) for entry in history] == [
        ("Delete document", True, "Lotte"),
        ("Delete document", False, "Lotte"),
        ("Rename document", False, "Lotte"),
        ("Code passage", False, "Amal"),
        ("Create code", False, "Amal"),
        ("Add document", False, "Amal"),
        ("Create case", False, "Amal"),
    ]
    times = [entry.at or datetime.min for entry in reversed(history)]
    assert all(started <= moment <= ended for moment in times)
    assert times == sorted(times)
    assert [entry.step for entry in history] == sorted((e.step for e in history), reverse=True)

    undone, deleted, renamed, coded = history[:4]
    assert set(deleted.deleted) == {ChangedEntity(entity.kind, entity.uuid, entity.name)
                                    for entity in undone.created}
    assert deleted.title == "Delete document" and undone.title == "Undo: Delete document"
    # The undo brought the document back with its coding (they had gone by cascade).
    assert _kinds(undone.created) == ["coding", "document"]
    assert undone.updated == () and undone.deleted == ()
    assert {entity.uuid for entity in undone.created} == {uuids["document"], uuids["coding"]}
    assert ChangedEntity("document", uuids["document"], "Interview met de kok") in undone.created
    assert ChangedEntity("coding", uuids["coding"], "Gedeelde strijd · Interview met de kok") \
        in undone.created
    assert renamed.updated == (
        ChangedEntity("document", uuids["document"], "Interview met de kok"),)
    assert renamed.created == () and renamed.deleted == ()
    # Amal's first coding also made her a coder of the project
    assert [(entity.kind, entity.name) for entity in coded.created] == [
        ("coder", "Amal"), ("coding", "Gedeelde strijd · Interview met de kok")]
    assert coded.created[1].uuid == uuids["coding"]
    assert undone.count("created") == {"document": 1, "coding": 1}


def test_a_deleted_code_is_listed_with_its_sub_codes_and_codings_by_uuid(tmp_path: Path) -> None:
    with create_project(tmp_path / "study.cwb") as project:
        project.coder_name = "Amal"
        _case, document = add_case_with_document(project, TEXT)
        theme = create_code(project, "Bronnen van solidariteit").subject
        child = create_code(project, "Wederzijdse afhankelijkheid", parent_id=theme.id).subject
        coded = apply_code(project, document, child.id, 0, 3, coder="Amal")
        coding = next(ref for ref in coded.created if ref.kind == "coding")
        project.coder_name = "Zoë"
        delete_code(project, theme.id)

        [deleted] = project_history(project, coder="ZOË")  # her one action, in any case

    assert (deleted.action, deleted.coder, deleted.undo) == ("Delete code", "Zoë", False)
    # Gone for good: no names, but every UUID, the cascade's too.
    assert set(deleted.deleted) == {ChangedEntity("code", theme.uuid, ""),
                                    ChangedEntity("code", child.uuid, ""),
                                    ChangedEntity("coding", coding.uuid, "")}
    assert deleted.count("deleted") == {"code": 2, "coding": 1}


def test_the_history_is_filtered_by_coder_time_and_count(
        worked_on: tuple[Project, dict[str, str], datetime, datetime]) -> None:
    project, _uuids, started, ended = worked_on
    with project:
        everything = project_history(project)
        renamed_at = everything[2].at or datetime.max
        lotte = project_history(project, coder="lotte")
        newest_two = project_history(project, limit=2)
        since_the_rename = project_history(project, since=renamed_at)
        # the same moment on a Brussels clock
        in_belgium = project_history(
            project, since=renamed_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Brussels")))
        none_yet = project_history(project, since=ended + timedelta(seconds=1))
        all_since_start = project_history(project, since=started)
        nobody = project_history(project, coder="Nobody")

    assert [entry.title for entry in lotte] == ["Undo: Delete document", "Delete document",
                                                "Rename document"]
    assert all(entry.coder == "Lotte" for entry in lotte)
    assert newest_two == everything[:2]
    assert since_the_rename == everything[:3] == in_belgium
    assert none_yet == [] and nobody == [] and all_since_start == everything


def test_a_view_names_only_small_groups_and_reads_each_action_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions_read: list[int] = []
    reader = audit_trail._read_entities
    monkeypatch.setattr(audit_trail, "_read_entities", lambda connection, actions, read: (
        actions_read.extend(actions), reader(connection, actions, read)))
    with create_project(tmp_path / "study.cwb") as project:
        _case, document = add_case_with_document(project, TEXT)
        code = create_code(project, "Gedeelde strijd").subject.id
        apply_codings(project, [CodingSpec(document, code, n, n + 1, "Amal")
                                for n in range(0, 40, 2)])
        read: dict[int, Logged] = {}

        first = project_history(project, name_at_most=5, read=read)
        again = project_history(project, name_at_most=5, read=read)
        read_before_rename = list(actions_read)
        rename_code(project, code, "Strijd")
        after = project_history(project, name_at_most=5, read=read)

    bulk = first[0]
    assert bulk.count("created") == {"coder": 1, "coding": 20}
    # twenty codings are counted, not named; the lone coder is named
    assert all(entity.name == "" and len(entity.uuid) == 36
               for entity in bulk.created if entity.kind == "coding")
    assert [entity.name for entity in bulk.created if entity.kind == "coder"] == ["Amal"]
    assert again == first and len(read_before_rename) == len(first)  # no action read twice
    assert actions_read[len(read_before_rename):] == [after[0].step]  # only the new one read
    # Names are today's: the code's creation now names it by its new name.
    created = first[1]
    assert (created.action, after[0].action) == ("Create code", "Rename code")
    renamed = replace(created, created=(ChangedEntity("code", created.created[0].uuid, "Strijd"),))
    assert after[1:] == [first[0], renamed, *first[2:]]
