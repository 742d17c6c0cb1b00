"""'workbench history' prints the audit trail from the append-only action log, as text and as
JSON."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import add_case_with_document
from workbench.cli import main
from workbench.core.services.codes import create_code
from workbench.core.services.documents import delete_document, rename_document
from workbench.core.services.history import undo
from workbench.core.storage import Project

TEXT = "Zoë: We kookten samen, élke vrijdag.\n\nAmal: En nu helpt iedereen mee."


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Amal codes on the command line; Lotte, in her window, renames the interview, deletes it
    (its coding goes with it) and undoes that. (The tests only read it: built once.)"""
    path = tmp_path_factory.mktemp("history") / "study.cwb"
    assert main(["new", str(path)]) == 0
    with Project.open(path) as project:
        project.coder_name = "Amal"
        _case, document = add_case_with_document(project, TEXT, title="Interview Zoë")
        create_code(project, "Gedeelde strijd")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_CODER", "Amal")
        assert main(["code", str(path), "--document", "Interview Zoë", "--code", "Gedeelde strijd",
                     "--start", "5", "--end", "21", "--keep-backups", "0"]) == 0
    with Project.open(path) as project:
        project.coder_name = "Lotte"
        rename_document(project, document, "Interview met Zoë")
        delete_document(project, document)
        undo(project)
    return path


def test_history_lists_each_action_newest_first_as_text(workbench, study: Path) -> None:
    printed = workbench("history", study)

    assert printed.code == 0, printed.err
    header, *lines = printed.out.splitlines()
    assert re.split(r"\s{2,}", header) == ["when", "coder", "action", "what changed"]
    rows = [re.split(r"\s{2,}", line) for line in lines]
    assert [row[1:3] for row in rows] == [
        ["Lotte", "Undo: Delete document"], ["Lotte", "Delete document"],
        ["Lotte", "Rename document"],
        ["Amal", "Code passage"], ["Amal", "Create code"], ["Amal", "Add document"],
        ["Amal", "Create case"]]
    assert all(datetime.strptime(row[0], "%Y-%m-%d %H:%M:%S") for row in rows)
    assert rows[0][3] == ("added coding 'Gedeelde strijd · Interview met Zoë', "
                          "document 'Interview met Zoë'")
    assert rows[1][3] == ("removed document 'Interview met Zoë', "
                          "coding 'Gedeelde strijd · Interview met Zoë'")  # back: named as now
    assert rows[2][3] == "changed document 'Interview met Zoë'"
    assert rows[3][3].startswith("added coder 'Amal', coding 'Gedeelde strijd · Interview")


def test_history_as_json_names_every_entity_by_uuid(workbench, study: Path) -> None:
    history = workbench("history", study, "--json").json()

    assert [(step["action"], step["undo"], step["coder"]) for step in history] == [
        ("Delete document", True, "Lotte"), ("Delete document", False, "Lotte"),
        ("Rename document", False, "Lotte"),
        ("Code passage", False, "Amal"), ("Create code", False, "Amal"),
        ("Add document", False, "Amal"), ("Create case", False, "Amal")]
    now = datetime.now(UTC).replace(tzinfo=None)
    for step in history:
        assert step["at"].endswith("Z")
        at = datetime.fromisoformat(step["at"].removesuffix("Z"))
        assert now - timedelta(minutes=10) < at <= now
    undone = history[0]
    assert sorted(entity["kind"] for entity in undone["created"]) == ["coding", "document"]
    assert all(len(entity["uuid"]) == 36 and entity["name"] for entity in undone["created"])
    assert undone["updated"] == [] and undone["deleted"] == []
    assert sorted(history[1]["deleted"], key=repr) == sorted(undone["created"], key=repr)
    assert not any(step["redo"] or step["recorded_before_format_6"] for step in history)
    assert [step["step"] for step in history] == sorted((s["step"] for s in history), reverse=True)


def test_history_filters_by_coder_date_and_count(workbench, study: Path) -> None:
    def actions(*options: object) -> list[str]:
        return [step["action"] for step in workbench("history", study, "--json", *options).json()]

    assert actions("--coder", "amal") == ["Code passage", "Create code", "Add document",
                                          "Create case"]
    assert actions("--limit", 2) == ["Delete document", "Delete document"]
    today, tomorrow = date.today(), date.today() + timedelta(days=1)
    assert len(actions("--since", today.isoformat())) == 7
    assert actions("--since", tomorrow.isoformat()) == []
    assert actions("--until", today.isoformat()) == []
    assert len(actions("--until", tomorrow.isoformat())) == 7
    assert actions("--kind", "coding") == ["Delete document", "Delete document", "Code passage"]
    assert actions("--kind", "case") == ["Create case"]
    assert actions("--coder", "Lotte", "--kind", "code") == []
    assert workbench("history", study, "--since", tomorrow.isoformat()).out == (
        "No actions recorded in study.cwb that match.\n")


@pytest.mark.parametrize("options, message", [
    (["--since", "last week"], "--since: 'last week' is not a date"),
    (["--until", "tomorrow"], "--until: 'tomorrow' is not a date"),
    (["--kind", "passage"], "invalid choice: 'passage'"),
    (["--limit", "0"], "--limit must be 1 or more"),
])
def test_a_wrong_option_is_one_line_with_status_2(workbench, study: Path, options: list[str],
                                                  message: str) -> None:
    failed = workbench("history", study, *options)
    assert failed.code == 2 and failed.out == ""
    assert len(failed.err.splitlines()) == 1 and message in failed.err


def test_a_new_project_has_no_history_yet(workbench, tmp_path: Path) -> None:
    workbench("new", tmp_path / "empty.cwb")
    assert workbench("history", tmp_path / "empty.cwb").out == (
        "No actions recorded in empty.cwb yet.\n")


def test_the_kinds_offered_are_the_kinds_the_log_names() -> None:
    from workbench.cli.history_commands import KINDS
    from workbench.core.services import audit_trail
    from workbench.core.services.changes import KIND_OF_TABLE

    assert KINDS == audit_trail.KINDS and set(KINDS) == set(KIND_OF_TABLE.values())


def test_actions_copied_at_the_upgrade_to_format_6_are_marked(workbench, tmp_path: Path) -> None:
    path = tmp_path / "old.cwb"
    with Project.create(path) as project:
        project.coder_name = "Amal"
        create_code(project, "Gedeelde strijd")
    connection = sqlite3.connect(path)  # as a format-5 file: no action log yet
    connection.executescript("DROP TABLE action_entity; DROP TABLE action_log; "
                             "PRAGMA user_version = 5;")
    connection.close()
    with Project.open(path) as project:
        project.coder_name = "Lotte"
        create_code(project, "Wederzijdse afhankelijkheid")

    printed = workbench("history", path)
    lines = printed.out.splitlines()
    assert [re.split(r"\s{2,}", line)[1:3] for line in lines[1:3]] == [
        ["Lotte", "Create code"], ["Amal", "Create code *"]]
    assert lines[-1].startswith("* recorded before format 6: only the last 200 actions")
    json = workbench("history", path, "--json").json()
    assert [step["recorded_before_format_6"] for step in json] == [False, True]
