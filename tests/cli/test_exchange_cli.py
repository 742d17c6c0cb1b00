"""Exchange and merge from the command line: export, import-qdpx, merge, codebook merge."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.core.analysis.sample import sample_copy
from workbench.core.codebooks.builtin import builtin_codebook
from workbench.core.codebooks.model import CodebookCode
from workbench.core.codebooks.qdc import read_codebook, write_codebook

pytestmark = pytest.mark.slow  # builds the sample project


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory, tmp_path_factory.mktemp("cli") / "sample.cwb")


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_export_then_import_qdpx_gives_a_new_project(workbench, sample: Path,
                                                     tmp_path: Path) -> None:
    exported = workbench("export", sample, "-o", tmp_path / "study.qdpx")
    assert exported.code == 0, exported.err
    assert "18 document(s) and 394 coding(s)" in exported.out

    imported = workbench("import-qdpx", tmp_path / "study.qdpx", tmp_path / "copy.cwb")
    assert imported.code == 0, imported.err
    assert "394 codings" in imported.out and "18 documents" in imported.out
    assert count(tmp_path / "copy.cwb", "coding") == 394


def test_merge_previews_then_merges_and_the_second_time_adds_nothing(
        workbench, sample: Path, tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.cwb", tmp_path / "theirs.cwb"
    shutil.copy(sample, ours)
    shutil.copy(sample, theirs)
    added = workbench("code", theirs, "--document", "1", "--code", "Shared struggle",
                      "--start", "0", "--end", "10", "--coder", "Amal")
    assert added.code == 0, added.err

    preview = workbench("merge", ours, theirs, "--plan-only", "--json")
    assert preview.code == 0, preview.err
    assert preview.json()["merged"] is False and count(ours, "coding") == 394

    merged = workbench("merge", ours, theirs, "--coder", "Lotte")
    assert merged.code == 0, merged.err
    assert "1 coding(s) added" in merged.out and count(ours, "coding") == 395

    again = workbench("merge", ours, theirs, "--json")
    assert "0 coding(s) added" in again.json()["message"] and count(ours, "coding") == 395
    assert count(ours, "audit_entry") == 1


def test_codebook_merge_shows_the_rows_and_merges_on_request(workbench, sample: Path,
                                                             tmp_path: Path) -> None:
    ours = tmp_path / "ours.cwb"
    shutil.copy(sample, ours)
    codebook = read_codebook(builtin_codebook("solidarity").path)
    codebook.codes[1].children.append(CodebookCode("0c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f",
                                                   "Buurtfeesten", colour="#AA3300"))
    write_codebook(codebook, tmp_path / "collega.qdc")

    preview = workbench("codebook", "merge", ours, tmp_path / "collega.qdc", "--plan-only")
    assert preview.code == 0, preview.err
    assert "Buurtfeesten" in preview.out and "only there" in preview.out
    assert "24 code(s) are the same" in preview.out

    merged = workbench("codebook", "merge", ours, tmp_path / "collega.qdc", "--json")
    assert merged.code == 0, merged.err
    result = merged.json()
    assert result["merged"] is True and "1 code(s) added" in result["message"]
    assert count(ours, "code") == 25


def test_a_hostile_package_is_one_line_on_stderr(workbench, tmp_path: Path) -> None:
    (tmp_path / "bad.qdpx").write_bytes(b"PK\x03\x04 not a zip at all")
    result = workbench("import-qdpx", tmp_path / "bad.qdpx", tmp_path / "new.cwb")
    assert result.code == 2
    assert result.err.startswith("workbench: error: bad.qdpx") and result.err.count("\n") == 1
    assert not (tmp_path / "new.cwb").exists()


def test_codebook_merge_also_takes_another_project(workbench, sample: Path, tmp_path: Path) -> None:
    ours = tmp_path / "ours.cwb"
    created = workbench("new", ours, "--codebook", "social-cohesion")
    assert created.code == 0, created.err

    merged = workbench("codebook", "merge", ours, sample, "--json")

    assert merged.code == 0, merged.err
    assert "24 code(s) added" in merged.json()["message"]
    assert count(ours, "code") == 47 + 24 and count(ours, "coding") == 0


def test_exporting_into_a_missing_folder_is_one_clear_line(workbench, sample: Path,
                                                           tmp_path: Path) -> None:
    result = workbench("export", sample, "-o", tmp_path / "nowhere" / "study.qdpx")
    assert result.code == 2 and "study.qdpx: cannot be written" in result.err
