"""'workbench check' reports a project's health and repairs it on request."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def test_check_finds_a_loop_in_the_code_tree_and_repair_breaks_it(
    workbench, tmp_path: Path
) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project, "--codebook", "solidarity")
    assert workbench("check", project).out.strip() == "The project is sound."

    connection = sqlite3.connect(project)
    connection.execute("UPDATE code SET parent_id = 2 WHERE id = 1")  # a theme under its sub-code
    connection.commit()
    connection.close()

    found = workbench("check", project)
    assert found.code == 1
    assert "problem   code tree: Codes 1, 2 are each other's ancestors" in found.out
    repaired = workbench("check", project, "--repair", "--json")
    assert repaired.code == 0
    assert repaired.json()["clean"] is True
    assert repaired.json()["repaired"] == [
        "Moved code 1 to the top of the codebook to break a loop in the tree."]
