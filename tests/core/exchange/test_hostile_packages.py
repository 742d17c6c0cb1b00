"""Hostile or broken packages are refused with a clear message, and no project file is left."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.core.exchange.packages import SOURCE, package, qde, selection, text_source
from workbench.core.errors import DomainError, ImportFileError
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.exchange.qdpx_store import Importer

GOOD = qde("qc", text_source(), selection(0, 5, "Samen"))
SOURCES = {f"sources/{SOURCE}.txt": b"Samen koken."}


def external_entity(tmp_path: Path) -> Path:
    xml = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + GOOD.split("?>", 1)[1].replace('name="Keuken"', 'name="&x;"'))
    return package(tmp_path / "xxe.qdpx", xml, SOURCES)


def entity_bomb(tmp_path: Path) -> Path:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE p [{entities}]>'
           + GOOD.split("?>", 1)[1].replace('name="Keuken"', 'name="&i;"'))
    return package(tmp_path / "bomb.qdpx", xml, SOURCES)


def zip_slip(tmp_path: Path) -> Path:
    return package(tmp_path / "slip.qdpx", GOOD, {**SOURCES, "../../outside.txt": b"gotcha"})


def zip_bomb(tmp_path: Path) -> Path:
    path = tmp_path / "zipbomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", GOOD)
        archive.writestr(f"sources/{SOURCE}.txt", b"0" * (50 * 1024 * 1024))
    return path


def crowd_of_users(tmp_path: Path) -> Path:
    """300,000 users (a few MB) for one source and one coding: each would become a coder."""
    users = "".join(f'<User guid="{number:08x}-0000-4000-8000-000000000000" name="u{number}"/>'
                    for number in range(300_000))
    return package(tmp_path / "crowd.qdpx", GOOD.replace("<Users>", f"<Users>{users}"), SOURCES)


def missing_sources(tmp_path: Path) -> Path:
    return package(tmp_path / "nosources.qdpx", GOOD, {})


@pytest.mark.parametrize(("build", "reason"), [
    (external_entity, "declares a document type"),
    (entity_bomb, "declares a document type"),
    (zip_slip, "points outside the project folder"),
    (zip_bomb, "zip bomb"),
    (missing_sources, "missing its sources"),
    pytest.param(crowd_of_users, "names 300,001 users but holds only 2 sources, codings and notes",
                 marks=pytest.mark.slow),  # a few megabytes of XML to read
], ids=["external entity", "entity expansion bomb", "zip slip", "zip bomb", "missing sources",
        "300,000 users"])
def test_a_hostile_package_is_refused_and_nothing_is_half_imported(
        tmp_path: Path, build, reason: str) -> None:
    source = build(tmp_path)
    target = tmp_path / "imported.cwb"

    with pytest.raises(ImportFileError, match=reason) as raised:
        import_qdpx(source, target)

    assert source.name in str(raised.value)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


def test_a_failure_while_storing_leaves_no_project_file(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    source = package(tmp_path / "ok.qdpx", GOOD, SOURCES)

    def fail(self, session) -> None:
        raise DomainError("the disk is full")

    monkeypatch.setattr(Importer, "_notes", fail)
    with pytest.raises(DomainError, match=r"^ok\.qdpx: the disk is full"):
        import_qdpx(source, tmp_path / "imported.cwb")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.qdpx"]


def test_a_file_that_is_not_a_project_is_refused(tmp_path: Path) -> None:
    source = package(tmp_path / "codebook.qdpx",
                     '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', {})
    with pytest.raises(ImportFileError, match="not a REFI-QDA project"):
        import_qdpx(source, tmp_path / "x.cwb")
    assert not (tmp_path / "x.cwb").exists()


def test_a_damaged_package_that_is_no_zip_says_so(tmp_path: Path) -> None:
    source = tmp_path / "lotte.qdpx"
    source.write_bytes(b"\x00\x13" + b"not a zip at all" * 40)
    with pytest.raises(ImportFileError, match=r"^lotte\.qdpx: is not a REFI-QDA package: a "
                                               r"\.qdpx is a zip file"):
        import_qdpx(source, tmp_path / "x.cwb")
    assert not (tmp_path / "x.cwb").exists()


def test_a_bare_project_file_with_a_bad_part_names_it_once(tmp_path: Path) -> None:
    source = tmp_path / "project.qde"
    source.write_text('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"', "utf-8")
    with pytest.raises(ImportFileError) as raised:
        import_qdpx(source, tmp_path / "x.cwb")
    assert str(raised.value).startswith("project.qde: ")
    assert "project.qde" not in str(raised.value).removeprefix("project.qde: ")
