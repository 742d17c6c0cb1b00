"""`codebook list` counts codings the way the window's codebook does: own (whole subtree)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import add_case_with_document, code_id
from workbench.core.code_counts import count_texts
from workbench.core.queries.listing import list_codes
from workbench.core.services.codebook import create_project
from workbench.core.services.codings import apply_code


def test_a_theme_shows_its_own_and_its_subtree_count(workbench, tmp_path: Path) -> None:
    path = tmp_path / "study.cwb"
    text = "Iedereen hielp mee. We deden het samen, tegen de sluiting van de school."
    with create_project(path, codebook="solidarity") as project:
        _case, document = add_case_with_document(project, text)
        theme = code_id(project, "Sources of solidarity")
        apply_code(project, document, theme, 0, 19, coder="Lotte")
        apply_code(project, document, code_id(project, "Shared struggle"), 20, 40, coder="Lotte")
        apply_code(project, document, code_id(project, "Interdependence"), 20, 40, coder="Amal")
        with project.reading() as session:
            window_counts = count_texts(list_codes(session))
    assert window_counts[theme] == "1 (3)"
    lines = workbench("codebook", "list", path).out.splitlines()
    [theme_line] = [line for line in lines if line.startswith("Sources of solidarity")]
    assert theme_line.split("  ")[-1] == "1 (3)"
    [leaf] = [line for line in lines if line.strip().startswith("Shared struggle")]
    assert leaf.endswith("  1")
