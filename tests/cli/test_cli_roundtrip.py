"""A researcher scripts a project from the command line; it reopens with everything intact."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import run_subprocess
from tests.preloaded_python import PreloadedPython
from workbench.core.storage import SCHEMA_VERSION

pytestmark = pytest.mark.slow  # many fresh processes

INTERVIEW = (
    "[Interview met Fatoumata, 12 maart 2016]\r\n\r\n"
    "Interviewer: Wat betekent de keuken voor jou? 🍲\r\n\r\n"
    "Fatoumata: Hier ben ik niet ‘de asielzoeker’. Hier kook ik, en de mensen zeggen merci.\r\n"
)


def test_project_built_by_the_command_line_reopens_intact(workbench, tmp_path: Path) -> None:
    project = tmp_path / "keuken.cwb"
    transcript = tmp_path / "interview fatoumata.txt"
    transcript.write_text(INTERVIEW, encoding="utf-8")

    assert workbench("new", project, "--codebook", "solidarity").code == 0
    assert workbench("case", "add", project, "Solidaire keuken", "--attr", "place=public space",
                     "--attr", "members=60", "--attr", "fieldwork start=2016-02-15").code == 0
    imported = workbench("import", project, "--case", "solidaire keuken", "--kind", "interview",
                         transcript)
    assert imported.code == 0 and "1 imported, 0 skipped, 0 failed" in imported.out
    stored = INTERVIEW.replace("\r\n", "\n")
    start = stored.index("Hier ben ik")
    end = stored.index(" Hier kook")
    coded = workbench("code", project, "--document", "interview fatoumata",
                      "--code", "Citizenship as practice/Safe and informal spaces",
                      "--start", start, "--end", end, "--coder", "Lotte")
    assert coded.code == 0, coded.err
    assert workbench("code", project, "--document", "1", "--code", "recognition",
                     "--start", start, "--end", len(stored) - 1, "--coder", "Youssef").code == 0

    codings = workbench("codings", project, "--json").json()
    info = workbench("info", project, "--json").json()
    cases = workbench("cases", project, "--json").json()
    codes = workbench("codebook", "list", project, "--json").json()

    assert [(c["coder"], c["text"]) for c in codings] == [
        ("Lotte", "Hier ben ik niet ‘de asielzoeker’."),
        ("Youssef", "Hier ben ik niet ‘de asielzoeker’. Hier kook ik, en de mensen zeggen merci."),
    ]
    assert {k: info[k] for k in ("cases", "documents", "codes", "codings", "coders")} == {
        "cases": 1, "documents": 1, "codes": 24, "codings": 2, "coders": 2}
    assert info["schema_version"] == SCHEMA_VERSION
    assert cases[0]["attributes"] == {"place": "public space", "members": 60,
                                      "fieldwork start": "2016-02-15"}

    # Reopen in fresh processes (forked from one that has imported the command line but never
    # opened the project): the same entities with the same UUIDs.
    with PreloadedPython(["workbench.cli", "workbench.core.storage"]) as python:
        again = {name: json.loads(_run(python, *args, project, "--json"))
                 for name, args in {"codings": ("codings",), "info": ("info",),
                                    "cases": ("cases",), "codes": ("codebook", "list")}.items()}
    assert again == {"codings": codings, "info": info, "cases": cases, "codes": codes}
    assert len({c["uuid"] for c in codings} | {c["uuid"] for c in cases}
               | {c["uuid"] for c in codes} | {info["uuid"]}) == 2 + 1 + 24 + 1


def _run(python: PreloadedPython, *args: object) -> str:
    done = python.run("workbench", [str(arg) for arg in args], env=os.environ, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_codings_can_be_filtered_by_code_and_case(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    text = tmp_path / "notitie.txt"
    text.write_text("Veldnotitie. We speelden samen voetbal op het plein.\n", encoding="utf-8")
    workbench("new", project, "--codebook", "solidarity")
    for case in ("Jeugdbeweging", "Buurthuis"):
        workbench("case", "add", project, case)
        workbench("import", project, "--case", case, "--kind", "fieldnote", text)
    for document, code in (("1", "Socialisation"), ("2", "Organised encounter")):
        workbench("code", project, "--document", document, "--code", code, "--start", 13,
                  "--end", 51, "--coder", "Lotte")

    by_theme = workbench("codings", project, "--code", "Pedagogy of solidarity", "--json").json()
    by_case = workbench("codings", project, "--case", "buurthuis", "--json").json()
    assert [c["case"] for c in by_theme] == ["Jeugdbeweging"]
    assert [c["code"].split("/")[-1] for c in by_case] == [
        "Organised encounter (ontmoeting organiseren)"]


def test_search_finds_words_without_their_accents(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    text = tmp_path / "gesprek.txt"
    text.write_text("Zoë: We hebben nieuwe ideeën voor het café.\n", encoding="utf-8")
    workbench("new", project)
    workbench("case", "add", project, "Buurthuis")
    workbench("import", project, "--case", "Buurthuis", text)

    hits = workbench("search", project, "ideeen", "--json").json()
    assert [(h["document"], h["snippet"]) for h in hits] == [
        ("gesprek", "Zoë: We hebben nieuwe [ideeën] voor het café.")]
    assert workbench("search", project, '"unbalanced', "--json").code == 0


def test_errors_are_one_line_on_stderr_with_status_2(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project, "--codebook", "solidarity")
    workbench("case", "add", project, "School")
    cases = [
        (("case", "add", project, "school"), "There is already a case named 'School'."),
        (("code", project, "--document", "x", "--code", "Recognition", "--start", 0, "--end", 1),
         "There is no document with id or title 'x'."),
        (("info", tmp_path / "missing.cwb"), "missing.cwb: no such project file."),
        (("new", project), "already exists"),
        (("case", "add", project, "Wijk", "--attr", "members"), "--attr expects KEY=VALUE"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("import", project, "--case", "Nowhere", tmp_path), "There is no case named 'Nowhere'."),
    ]
    for args, message in cases:
        result = workbench(*args)
        assert result.code == 2, args
        assert message in result.err, (args, result.err)
        assert result.err.count("\n") == 1 and result.err.startswith("workbench: error: ")


def test_a_real_process_never_prints_a_traceback(tmp_path: Path) -> None:
    not_a_project = tmp_path / "thesis.docx"
    not_a_project.write_bytes(b"PK\x03\x04 this is a word file")
    result = run_subprocess("info", not_a_project)
    assert result.code == 2
    assert result.err == (f"workbench: error: {not_a_project} is not a Coding Workbench project "
                          "(not a database file).\n")
    assert "Traceback" not in result.err
