"""Names a terminal or an export cannot take, and code paths that name two codes (issue 14,
points 8 and 9)."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Result
from tests.helpers import add_case_with_document, copy_of_prepared
from workbench.core.errors import DomainError
from workbench.core.services.codes import create_code

ESC, BEL = "\x1b", "\x07"



@pytest.fixture
def study(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a solidarity project with one interview, built once per test process."""
    return copy_of_prepared(
        tmp_path_factory, "names-safety",
        lambda project: add_case_with_document(project, "Griet: we kookten samen, elke zondag.",
                                               case="Solidaire keuken",
                                               title="Interview met Griet"),
        tmp_path / "study.cwb")


def test_a_control_character_typed_in_a_name_is_refused_without_reaching_the_terminal(
        workbench: Callable[..., Result], study: Path) -> None:
    done = workbench("case", "add", study, f"Keuken{ESC}[31m rood")
    assert done.code == 2
    assert done.err == ("workbench: error: The name 'Keuken\\x1b[31m rood' holds a control "
                           "character; names cannot hold them (they break exports and "
                           "terminals).\n")
    assert ESC not in done.out + done.err


def test_a_file_name_with_a_control_character_is_imported_under_a_clean_title(
        workbench: Callable[..., Result], study: Path, tmp_path: Path) -> None:
    source = tmp_path / f"interview{BEL}zaterdag.txt"
    source.write_text("Lotte: de buren brachten groenten.", encoding="utf-8")
    done = workbench("import", study, "--case", "Solidaire keuken", source)
    assert done.code == 0, done.err
    assert "Added document 'interviewzaterdag'" in done.out
    assert "control characters were removed from its title" in done.out
    assert BEL not in done.out


def _store_names_as_an_older_version_did(study: Path) -> None:
    connection = sqlite3.connect(study)
    with connection:
        connection.execute("UPDATE case_ SET name = ?", (f"Keuken{ESC}[2J",))
        connection.execute("UPDATE document SET title = ?", (f"Griet{BEL}",))
    connection.close()


@pytest.mark.slow  # over half a second: every listing and export of a project
def test_stored_control_characters_never_reach_the_terminal_and_exports_name_the_cure(
        workbench: Callable[..., Result], study: Path, tmp_path: Path) -> None:
    _store_names_as_an_older_version_did(study)

    listed = workbench("cases", study)
    assert listed.code == 0 and "Keuken\\x1b[2J" in listed.out
    assert ESC not in listed.out

    outputs = [tmp_path / name for name in ("m.xlsx", "m.docx", "m.csv", "study.qdpx")]
    for output in outputs:
        command = ("export", study, "-o", output) if output.suffix == ".qdpx" else (
            "matrix", study, "--cell", "passages", "-o", output)
        done = workbench(*command)
        assert "unexpected" not in done.err, (output.name, done.err)
        assert ESC not in done.err + done.out
        if done.code:
            assert done.code == 2 and "holds a control character" in done.err
            assert "'workbench check' names it" in done.err
            assert not output.exists()

    checked = workbench("check", study)
    assert checked.code == 1
    assert "The case 'Keuken\\x1b[2J' (id 1) holds control characters" in checked.out
    assert "The document 'Griet\\x07'" in checked.out
    assert workbench("check", study, "--repair").code == 0

    for output in outputs:  # the repaired project exports everywhere
        output.unlink(missing_ok=True)
        command = ("export", study, "-o", output) if output.suffix == ".qdpx" else (
            "matrix", study, "--cell", "passages", "-o", output)
        assert workbench(*command).code == 0, output.name
    counts = tmp_path / "counts.xlsx"  # (the passages workbook lists passages; there are none)
    assert workbench("matrix", study, "--cell", "count", "-o", counts).code == 0
    with zipfile.ZipFile(counts) as workbook:
        assert any(b"Keuken[2J" in workbook.read(name) for name in workbook.namelist())


def test_an_ambiguous_code_path_is_refused_listing_the_candidates(
        workbench: Callable[..., Result], study: Path) -> None:
    from workbench.core.storage import Project

    with Project.open(study) as project:
        theme = create_code(project, "Werk").subject.id
        create_code(project, "Thuis", parent_id=theme)
        create_code(project, "Werk/Thuis")  # a slash inside one code's name
        with pytest.raises(DomainError):
            create_code(project, f"Bel{BEL}")

    args = ("code", study, "--document", "Interview met Griet", "--start", 0, "--end", 5,
            "--coder", "Lotte")
    done = workbench(*args, "--code", "Werk/Thuis")
    assert done.code == 2
    assert done.err == ("workbench: error: 'Werk/Thuis' names 2 codes (Werk/Thuis; "
                           "Werk\\/Thuis); give its path (a '/' inside a name is written '\\/').\n")
    assert workbench(*args, "--code", "Werk\\/Thuis").code == 0
    assert workbench(*args, "--code", "Werk/Thuis/").code == 2

    blank = workbench(*args, "--code", "   ")
    assert blank.code == 2
    assert blank.err == "workbench: error: Name a code: an empty name matches none.\n"
