"""A researcher autocodes from the command line: a preview first, then the action; a fresh
process lists the codings with the rule that made them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import run_subprocess
from tests.helpers import copy_of_template
from workbench.cli import main

GROEP = (
    "Interviewer: Wie kookt er vandaag?\n\n"
    "Griet: Ik kook. De keuken is van iedereen.\n\n"
    "Interviewer: En wie wast af?\n\n"
    "Youssef: Wij allemaal. Daarna eten we samen in de keuken.\n"
)
VELD = "Aankomst\n\nDe keuken is warm. Twaalf buren.\n\nVertrek\n\nWe ruimen op.\n"


def _build(path: Path, sources: Path) -> None:
    """Two cases, a group conversation and a fieldnote, imported on the command line."""
    def run(*args: object) -> None:
        assert main([str(arg) for arg in args]) == 0, args

    run("new", path, "--codebook", "solidarity")
    run("case", "add", path, "Solidaire keuken", "--keep-backups", 0)
    run("case", "add", path, "Buurthuis", "--keep-backups", 0)
    for name, text, case in (("groepsgesprek.txt", GROEP, "Solidaire keuken"),
                             ("veldnotitie.txt", VELD, "Buurthuis")):
        (sources / name).write_text(text, encoding="utf-8")
        run("import", path, "--case", case, sources / name, "--keep-backups", 0)


@pytest.fixture
def project(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    sources = tmp_path_factory.mktemp("sources")
    return copy_of_template(tmp_path_factory, "autocode-cli",
                            lambda path: _build(path, sources), tmp_path / "keuken.cwb")


@pytest.mark.slow
def test_autocode_then_list_the_codings_in_a_fresh_process(workbench, project: Path) -> None:
    preview = workbench("autocode", project, "--code", "Socialisation", "--query", "keuken",
                        "--scope", "sentence", "--preview")
    assert preview.code == 0, preview.err
    assert preview.out.splitlines() == [
        "search \"keuken\" (sentence): 3 passage(s) in 2 of 2 document(s) would be coded with "
        "'Socialisation (socialisatie)'.",
        "  Solidaire keuken · groepsgesprek · ¶2: De keuken is van iedereen.",
        "  Solidaire keuken · groepsgesprek · ¶4: Daarna eten we samen in de keuken.",
        "  Buurthuis · veldnotitie · ¶2: De keuken is warm.",
        "Nothing was changed (--preview)."]
    assert workbench("codings", project, "--json").json() == []

    done = workbench("autocode", project, "--code", "Socialisation", "--query", "keuken",
                     "--scope", "sentence", "--coder", "Lotte", "--json")
    assert done.code == 0, done.err
    assert {k: done.json()[k] for k in ("passages", "documents", "codings_created")} == {
        "passages": 3, "documents": 2, "codings_created": 3}

    listed = run_subprocess("codings", project, "--json")
    assert listed.code == 0, listed.err
    assert [(c["document"], c["coder"], c["text"], c["rule"]) for c in listed.json()] == [
        ("groepsgesprek", "Lotte", "De keuken is van iedereen.", 'search "keuken" (sentence)'),
        ("groepsgesprek", "Lotte", "Daarna eten we samen in de keuken.",
         'search "keuken" (sentence)'),
        ("veldnotitie", "Lotte", "De keuken is warm.", 'search "keuken" (sentence)')]


def test_speakers_and_sections_within_chosen_cases_and_documents(workbench, project: Path) -> None:
    speakers = workbench("autocode", project, "--code", "Socialisation", "--speaker", "griet",
                         "youssef", "--case", "Solidaire keuken", "--coder", "Amal")
    assert speakers.code == 0, speakers.err
    assert "Autocoded 2 passage(s) in 1 document(s)" in speakers.out
    sections = workbench("autocode", project, "--code", "Shared struggle", "--heading", "^aank",
                         "--document", "veldnotitie", "--coder", "Amal", "--json")
    assert sections.json()["passages"] == 1

    codings = workbench("codings", project, "--json").json()
    assert [(c["text"], c["rule"]) for c in codings] == [
        ("Ik kook. De keuken is van iedereen.", "speaker griet, youssef"),
        ("Wij allemaal. Daarna eten we samen in de keuken.", "speaker griet, youssef"),
        ("De keuken is warm. Twaalf buren.", "sections under headings matching /^aank/")]


@pytest.mark.parametrize(("arguments", "message"), [
    (("--query", "keuken", "--regex", "k"), "not allowed with argument"),
    (("--speaker-pattern", "(griet"), "not a valid regular expression"),
    (("--speaker", "Griet", "--scope", "turn"), "--scope goes with --query or --regex"),
    (("--query", "keuken", "--case", "Nergens"), "Nergens"),
])
def test_a_wrong_command_is_one_line_and_changes_nothing(
        workbench, project: Path, arguments: tuple[str, ...], message: str) -> None:
    result = workbench("autocode", project, "--code", "Socialisation", *arguments)
    assert result.code == 2 and message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert workbench("codings", project, "--json").json() == []


def test_agreement_can_leave_the_autocodings_out(workbench, project: Path) -> None:
    """Two coders agree on what they coded by hand; one also autocoded Youssef's turns."""
    start = GROEP.index("Ik kook.")
    for coder in ("Lotte", "Amal"):
        assert workbench("code", project, "--document", "groepsgesprek", "--code", "Socialisation",
                         "--start", start, "--end", start + 8, "--coder", coder).code == 0
    assert workbench("autocode", project, "--code", "Socialisation", "--speaker", "Youssef",
                     "--coder", "Lotte").code == 0

    def agreement(*extra: str) -> dict:
        return workbench("agreement", project, "--coders", "Lotte", "Amal", "--resamples", "0",
                         "--json", *extra).json()["overall"]

    assert agreement()["percent"]["value"] < 1.0  # Lotte's autocodings are hers alone
    without = agreement("--no-autocodes")
    assert without["percent"]["value"] == 1.0 and without["kappa"]["value"] == 1.0
