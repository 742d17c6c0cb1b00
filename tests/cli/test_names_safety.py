"""Names a terminal or an export cannot take, and code paths that name two codes (issue 14,
points 8 and 9)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO, add_case_with_document
from workbench.core.errors import DomainError
from workbench.core.services.codes import create_code
from workbench.core.services.codebook import create_project

ESC, BEL = "\x1b", "\x07"


def _workbench(*arguments: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, arguments)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cwb"
    with create_project(path, codebook="solidarity") as project:
        add_case_with_document(project, "Griet: we kookten samen, elke zondag.",
                               case="Solidaire keuken", title="Interview met Griet")
    return path


def test_a_control_character_typed_in_a_name_is_refused_without_reaching_the_terminal(
        study: Path) -> None:
    done = _workbench("case", "add", study, f"Keuken{ESC}[31m rood")
    assert done.returncode == 2
    assert done.stderr == ("workbench: error: The name 'Keuken\\x1b[31m rood' holds a control "
                           "character; names cannot hold them (they break exports and "
                           "terminals).\n")
    assert ESC not in done.stdout + done.stderr


def test_a_file_name_with_a_control_character_is_imported_under_a_clean_title(
        study: Path, tmp_path: Path) -> None:
    source = tmp_path / f"interview{BEL}zaterdag.txt"
    source.write_text("Lotte: de buren brachten groenten.", encoding="utf-8")
    done = _workbench("import", study, "--case", "Solidaire keuken", source)
    assert done.returncode == 0, done.stderr
    assert "Added document 'interviewzaterdag'" in done.stdout
    assert "control characters were removed from its title" in done.stdout
    assert BEL not in done.stdout


def _store_names_as_an_older_version_did(study: Path) -> None:
    connection = sqlite3.connect(study)
    with connection:
        connection.execute("UPDATE case_ SET name = ?", (f"Keuken{ESC}[2J",))
        connection.execute("UPDATE document SET title = ?", (f"Griet{BEL}",))
    connection.close()


def test_stored_control_characters_never_reach_the_terminal_and_exports_name_the_cure(
        study: Path, tmp_path: Path) -> None:
    _store_names_as_an_older_version_did(study)

    listed = _workbench("cases", study)
    assert listed.returncode == 0 and "Keuken\\x1b[2J" in listed.stdout
    assert ESC not in listed.stdout

    outputs = [tmp_path / name for name in ("m.xlsx", "m.docx", "m.csv", "study.qdpx")]
    for output in outputs:
        command = ("export", study, "-o", output) if output.suffix == ".qdpx" else (
            "matrix", study, "--cell", "passages", "-o", output)
        done = _workbench(*command)
        assert "unexpected" not in done.stderr, (output.name, done.stderr)
        assert ESC not in done.stderr + done.stdout
        if done.returncode:
            assert done.returncode == 2 and "holds a control character" in done.stderr
            assert "'workbench check' names it" in done.stderr
            assert not output.exists()

    checked = _workbench("check", study)
    assert checked.returncode == 1
    assert "The case 'Keuken\\x1b[2J' (id 1) holds control characters" in checked.stdout
    assert "The document 'Griet\\x07'" in checked.stdout
    assert _workbench("check", study, "--repair").returncode == 0

    for output in outputs:  # the repaired project exports everywhere
        output.unlink(missing_ok=True)
        command = ("export", study, "-o", output) if output.suffix == ".qdpx" else (
            "matrix", study, "--cell", "passages", "-o", output)
        assert _workbench(*command).returncode == 0, output.name
    with zipfile.ZipFile(tmp_path / "m.xlsx") as workbook:
        assert any(b"Keuken[2J" in workbook.read(name) for name in workbook.namelist())


def test_an_ambiguous_code_path_is_refused_listing_the_candidates(study: Path) -> None:
    from workbench.core.storage import Project

    with Project.open(study) as project:
        theme = create_code(project, "Werk").subject.id
        create_code(project, "Thuis", parent_id=theme)
        create_code(project, "Werk/Thuis")  # a slash inside one code's name
        with pytest.raises(DomainError):
            create_code(project, f"Bel{BEL}")

    args = ("code", study, "--document", "Interview met Griet", "--start", 0, "--end", 5,
            "--coder", "Lotte")
    done = _workbench(*args, "--code", "Werk/Thuis")
    assert done.returncode == 2
    assert done.stderr == ("workbench: error: 'Werk/Thuis' names 2 codes (Werk/Thuis; "
                           "Werk\\/Thuis); give its path (a '/' inside a name is written '\\/').\n")
    assert _workbench(*args, "--code", "Werk\\/Thuis").returncode == 0
    assert _workbench(*args, "--code", "Werk/Thuis/").returncode == 2

    blank = _workbench(*args, "--code", "   ")
    assert blank.returncode == 2
    assert blank.stderr == "workbench: error: Name a code: an empty name matches none.\n"
