"""`workbench import` takes the subtitle files of video calls and speech-to-text tools."""

from __future__ import annotations

import json
from pathlib import Path

from tests.core.importers.test_subtitles import OTTER_SRT, ZOOM_VTT


def test_vtt_and_srt_files_and_folders_import_with_their_turns(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Tussenruimte")
    calls = tmp_path / "opnames"
    calls.mkdir()
    (calls / "zoom.vtt").write_text(ZOOM_VTT, encoding="utf-8")
    (calls / "otter.SRT").write_text(OTTER_SRT, encoding="utf-8")

    result = workbench("import", project, "--case", "Tussenruimte", calls)

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"imported  {calls / 'otter.SRT'}: Added document 'otter' to case 'Tussenruimte' "
        "(3 speaker turns); 4 cues read.",
        f"imported  {calls / 'zoom.vtt'}: Added document 'zoom' to case 'Tussenruimte' "
        "(2 speaker turns); 3 cues read.",
        "Summary: 2 imported, 0 skipped, 0 failed."]
    listed = json.loads(workbench("documents", project, "--json").out)
    assert [(d["title"], d["speaker_turns"]) for d in listed] == [("otter", 3), ("zoom", 2)]


def test_the_kind_of_each_file_can_be_guessed(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Tussenruimte")
    (tmp_path / "veldnotitie zaterdag.txt").write_text("Ik kom om 8u25 aan.", encoding="utf-8")
    (tmp_path / "griet.vtt").write_text(ZOOM_VTT, encoding="utf-8")

    result = workbench("import", project, "--case", "Tussenruimte", "--kind", "guess",
                       tmp_path / "veldnotitie zaterdag.txt", tmp_path / "griet.vtt")

    assert result.code == 0, result.err
    listed = json.loads(workbench("documents", project, "--json").out)
    assert [(d["title"], d["kind"]) for d in listed] == [
        ("veldnotitie zaterdag", "fieldnote"), ("griet", "interview")]
