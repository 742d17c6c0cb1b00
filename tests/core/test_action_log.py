"""The action log is append-only: every action, undo and redo stays in it, in order, with the
entities it changed (cascades included), however far the undo log has moved on."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.core.errors import DomainError
from workbench.core.model import Case
from workbench.core.services.audit_trail import HistoryEntry, project_history
from workbench.core.services.cases import create_case, set_case_attribute
from workbench.core.services.changes import Changes
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code, delete_code, rename_code
from workbench.core.services.codings import apply_code
from workbench.core.services.documents import add_document, delete_document, rename_document
from workbench.core.services.history import redo, undo
from workbench.core.storage import Project

# Long enough for 60 separate passages of two characters each.
TEXT = ("Zoë: Wij koken élke vrijdag samen in het buurthuis, en iedereen brengt iets mee. "
        "Amal: Eerst kwam niemand; nu staan we met twintig in de keuken, ook de buren. 🙂 ") * 2


def _entities(entry: HistoryEntry) -> dict[str, set[tuple[str, str]]]:
    return {group: {(entity.kind, entity.uuid) for entity in getattr(entry, group)}
            for group in ("created", "updated", "deleted")}


def _record(changes: Changes) -> dict[str, set[tuple[str, str]]]:
    return {group: {(ref.kind, ref.uuid) for ref in getattr(changes, group)}
            for group in ("created", "updated", "deleted")}


class Researcher:
    """Works on a project and notes each action's title and change record, in order."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.done: list[tuple[str, Changes]] = []

    def act(self, label: str, service: Callable[..., Changes], *arguments: object,
            **options: object) -> Changes:
        changes = service(self.project, *arguments, **options)
        self.done.append((label, changes))
        return changes


def _three_hundred_actions(researcher: Researcher) -> dict[str, object]:
    """A case, five interviews, two themes with two codes each, 280 codings, renames, and two
    deletions whose cascades reach codings and sub-codes: 300 actions."""
    act = researcher.act
    case = act("Create case", create_case, "Buurthuis De Brug").subject.id
    documents = [act("Add document", add_document, case, f"Interview {n}",
                     f"{n}. {TEXT}").subject.id for n in range(1, 6)]
    themes = [act("Create code", create_code, name).subject.id
              for name in ("Gedeelde strijd", "Georganiseerde ontmoeting")]
    codes = [act("Create code", create_code, f"{name} {n}", parent_id=theme).subject.id
             for theme, name in zip(themes, ("strijd", "ontmoeting"), strict=True)
             for n in (1, 2)]
    start: dict[int, int] = dict.fromkeys(documents, 0)

    def code_passage(document: int, code: int) -> Changes:
        begin = start[document]
        start[document] += 3  # never touching the last passage: no joining
        return act("Code passage", apply_code, document, code, begin, begin + 2, coder="Amal")

    for n in range(140):  # every interview, every code
        code_passage(documents[n % 5], codes[n % 4])
    gone_document = act("Delete document", delete_document, documents[0])
    gone_theme = act("Delete code", delete_code, themes[1])
    for n in range(140):  # the four interviews left, the two codes left
        code_passage(documents[1 + n % 4], codes[n % 2])
    for n in range(1, 5):
        act("Rename document", rename_document, documents[n], f"Interview {n + 1} (2016)")
    act("Rename code", rename_code, codes[0], "Strijd om ruimte")
    act("Rename code", rename_code, codes[1], "Strijd om erkenning")
    assert len(researcher.done) == 300
    return {"document": gone_document, "theme": gone_theme}


@pytest.mark.slow
def test_the_log_keeps_every_action_undo_and_redo_in_order_with_its_entities(
        tmp_path: Path) -> None:
    started = datetime.now(UTC).replace(tzinfo=None) - timedelta(milliseconds=1)
    # The actions are folded into the file once, at the end (batch): each is still its own
    # transaction, step and log entry, without a disk sync apiece.
    with create_project(tmp_path / "study.cwb") as project, project.batch():
        project.coder_name = "Lotte"
        researcher = Researcher(project)
        # the codebook loaded with the new project is an action too
        before = len(project_history(project))
        deletions = _three_hundred_actions(researcher)
        for n in range(20):  # the last twenty actions, newest first
            researcher.done.append((f"Undo: {researcher.done[299 - n][0]}", undo(project)))
        for n in range(5):  # the last undone first
            researcher.done.append((f"Redo: {researcher.done[280 + n][0]}", redo(project)))
        researcher.act("Create code", create_code, "Ruimte voor onderhandeling")
        history = project_history(project)[:-before or None]
        with project.reading() as session:
            undo_steps = session.connection().exec_driver_sql(
                "SELECT count(*) FROM undo_step").scalar()

    assert len(history) == 326 == len(researcher.done)
    assert undo_steps is not None and undo_steps <= 200  # the undo log forgot; the log did not
    oldest_first = history[::-1]
    assert [entry.title for entry in oldest_first] == [label for label, _ in researcher.done]
    assert [entry.step for entry in oldest_first] == sorted(entry.step for entry in history)
    assert all(entry.coder == "Lotte" and entry.at is not None and entry.at >= started
               for entry in history)
    assert [entry.at for entry in oldest_first] == sorted(entry.at for entry in oldest_first)
    # Each entry names exactly what its action's change record named (read from the journal
    # as the action committed), cascades included.
    for entry, (label, changes) in zip(oldest_first, researcher.done, strict=True):
        assert _entities(entry) == _record(changes), label
    # The undos took back the last twenty actions, newest first; the redos did five again.
    assert [entry.title for entry in oldest_first[300:320]] == [
        f"Undo: {label}" for label, _ in reversed(researcher.done[280:300])]
    assert [entry.title for entry in oldest_first[320:325]] == [
        f"Redo: {label}" for label, _ in researcher.done[280:285]]
    # The deleted interview went with its 28 codings; the deleted theme with its two codes and
    # their 70 codings (7 of which had gone with the interview already).
    deleted_document = oldest_first[152]
    assert deleted_document.title == "Delete document"
    assert deleted_document.count("deleted") == {"document": 1, "coding": 28}
    gone = deletions["document"]
    assert isinstance(gone, Changes)
    assert {(entity.kind, entity.uuid) for entity in deleted_document.deleted} == {
        (ref.kind, ref.uuid) for ref in gone.deleted}
    deleted_theme = oldest_first[153]
    assert deleted_theme.title == "Delete code"
    assert deleted_theme.count("deleted") == {"code": 3, "coding": 56}


def test_a_failed_action_leaves_no_entry(study: Path) -> None:
    with Project.open(study) as project:
        before = project_history(project)
        with pytest.raises(DomainError):
            create_case(project, "Solidaire keuken")  # that name is taken
        with pytest.raises(RuntimeError), project.transaction("Create case") as session:
            session.add(Case(name="Buurtwerk"))
            session.flush()  # written, journalled, then rolled back
            raise RuntimeError("the researcher's machine gave up")
        assert project_history(project) == before


def test_the_log_refuses_to_be_changed_or_trimmed(study: Path) -> None:
    with Project.open(study) as project:
        create_code(project, "Gedeelde strijd")
    connection = sqlite3.connect(study)
    try:
        for statement in ("UPDATE action_log SET label = 'Nothing'", "DELETE FROM action_log",
                          "UPDATE action_entity SET op = 'deleted'", "DELETE FROM action_entity"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)
    finally:
        connection.close()


def test_the_history_is_filtered_by_entity_kind_and_time(study: Path) -> None:
    with Project.open(study) as project:
        project.coder_name = "Amal"
        case = create_case(project, "Buurtwerk").subject.id
        document = add_document(project, case, "Interview Zoë", TEXT).subject.id
        code = create_code(project, "Gedeelde strijd").subject.id
        apply_code(project, document, code, 0, 3, coder="Amal")
        everything = project_history(project)
        coding_at = everything[0].at
        assert coding_at is not None

        codings = project_history(project, kind="coding")
        documents = project_history(project, kind="document")
        summaries = project_history(project, kind="summary")
        before_the_coding = project_history(project, until=coding_at)
        only_the_coding = project_history(project, since=coding_at,
                                          until=coding_at + timedelta(milliseconds=1))
        set_case_attribute(project, case, "place", "public space")  # a child row: the case
        attribute = project_history(project, limit=1)

    assert attribute[0].count("created") == {"attribute": 1}
    assert attribute[0].count("updated") == {"case": 1}
    assert [entry.title for entry in codings] == ["Code passage"]
    assert [entry.title for entry in documents] == ["Add document"]
    assert summaries == []
    assert before_the_coding == everything[1:]
    assert only_the_coding == everything[:1]
