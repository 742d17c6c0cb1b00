"""`workbench import` says what it left out of a printed PDF; `workbench documents` keeps
saying it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.importers.printed import HEADER, transcript_pdf


@pytest.mark.slow  # over half a second: writes and imports a PDF
def test_a_printed_transcript_names_what_was_dropped_on_import_and_in_the_list(
        workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Buurtkeuken")
    pdf = transcript_pdf(tmp_path, "lines")

    imported = workbench("import", project, "--case", "Buurtkeuken", pdf)
    listed = workbench("documents", project)
    as_json = workbench("documents", project, "--json").json()

    dropped = f"dropped: line numbers, running header '{HEADER}', page numbers"
    assert imported.code == 0
    assert imported.out.splitlines()[0].endswith(f"; 3 page(s); {dropped}.")
    assert listed.out.splitlines()[-2:] == [f"1: {dropped}", "1 document(s)."]
    assert as_json[0]["import_note"] == dropped
