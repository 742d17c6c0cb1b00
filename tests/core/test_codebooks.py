"""The built-in codebooks, and reading and writing REFI-QDA codebook files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from workbench.core.codebooks.builtin import BUILTIN_CODEBOOKS, builtin_codebook
from workbench.core.codebooks.qdc import codebook_xml, read_codebook, schema_errors
from workbench.core.errors import CodebookFileError, DomainError
from workbench.core.model import Code
from workbench.core.services.codebook import create_project, export_codebook, project_codebook
from workbench.core.storage import Project

SOLIDARITY_THEMES = [
    "Need for transformation (nood aan transformatie)",
    "Sources of solidarity (bronnen van solidariteit)",
    "Pedagogy of solidarity (pedagogie van solidariteit)",
    "Citizenship as practice (burgerschap als praktijk)",
]


@pytest.mark.parametrize("builtin", BUILTIN_CODEBOOKS, ids=lambda b: b.key)
def test_builtin_codebook_validates_against_the_refi_qda_schema(builtin) -> None:
    assert schema_errors(builtin.path.read_bytes()) == []


@pytest.mark.parametrize("builtin", BUILTIN_CODEBOOKS, ids=lambda b: b.key)
def test_every_builtin_code_is_fully_described(builtin) -> None:
    codebook = read_codebook(builtin.path)
    guids = [code.uuid for code, _path in codebook.walk()]
    assert len(guids) == len(set(guids))
    for code, path in codebook.walk():
        assert code.colour and code.colour.startswith("#"), path
        assert " (" in code.name and code.name.endswith(")"), f"{path}: English label (Dutch term)"
        fields = code.fields
        assert all(
            [fields.definition, fields.when_to_use, fields.when_not_to_use, fields.example]
        ), path
    assert codebook.warnings == []


@pytest.mark.parametrize(("key", "themes", "total"),
                         [("solidarity", 4, 24), ("social-cohesion", 8, 47)])
def test_a_new_project_starts_from_a_builtin_codebook_with_its_full_tree(
        tmp_path: Path, key: str, themes: int, total: int) -> None:
    source = read_codebook(builtin_codebook(key).path)
    with create_project(tmp_path / "study.cwb", codebook=key) as project:
        with project.reading() as session:
            loaded = project_codebook(session)
            count = session.query(Code).count()
    assert count == total and len(loaded.codes) == themes
    assert [(c.uuid, path, c.colour, c.fields) for c, path in loaded.walk()] == [
        (c.uuid, path, c.colour, c.fields) for c, path in source.walk()]


def test_solidarity_codebook_holds_the_four_findings(solidarity_project: Project) -> None:
    with solidarity_project.reading() as session:
        codebook = project_codebook(session)
    assert [code.name for code in codebook.codes] == SOLIDARITY_THEMES
    assert [len(code.children) for code in codebook.codes] == [6, 6, 4, 4]


def test_a_new_project_can_start_empty(project: Project) -> None:
    with project.reading() as session:
        assert session.query(Code).count() == 0


def test_an_unknown_codebook_makes_no_file(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="no built-in codebook 'gardening'"):
        create_project(tmp_path / "study.cwb", codebook="gardening")
    assert list(tmp_path.iterdir()) == []


def test_exported_codebook_is_valid_and_reads_back_identically(solidarity_project: Project,
                                                               tmp_path: Path) -> None:
    path = export_codebook(solidarity_project, tmp_path / "export.qdc")
    assert schema_errors(path.read_bytes()) == []
    with solidarity_project.reading() as session:
        original = project_codebook(session)
    again = read_codebook(path)
    assert [(c.uuid, p, c.colour, c.codable, c.fields) for c, p in again.walk()] == [
        (c.uuid, p, c.colour, c.codable, c.fields) for c, p in original.walk()]


def test_codebooks_of_other_tools_are_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "maxqda.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="MAXQDA 24">'
        '<Codes><Code guid="{6F1C9A3E-0D2B-4C55-9E71-1B2C3D4E5F60}" name="Énergie" isCodable="1"'
        ' color="#a1b2c3"><Description>Vrije tekst zonder labels.</Description>'
        '<Code guid="not-a-guid" name="Sous-code" isCodable="false"/></Code></Codes>'
        '<Sets><Set guid="6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f61" name="groep"/></Sets></CodeBook>',
        encoding="utf-8")

    codebook = read_codebook(path)

    [top] = codebook.codes
    assert (top.uuid, top.name, top.colour, top.codable) == (
        "6f1c9a3e-0d2b-4c55-9e71-1b2c3d4e5f60", "Énergie", "#A1B2C3", True)
    assert top.fields.definition == "Vrije tekst zonder labels."
    assert top.children[0].codable is False
    assert len(codebook.warnings) == 2  # the invalid GUID and the sets


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>&x;</Codes></CodeBook>',
            "document type",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;">]>'
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>&b;</Codes></CodeBook>',
            "document type",
        ),
        (b"<CodeBook><Codes>", "not well-formed"),
        (b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', "root element is <Project>"),
    ],
    ids=["external entity", "entity expansion", "broken xml", "a project, not a codebook"],
)
def test_hostile_or_wrong_codebook_files_are_refused_with_the_reason(
        tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "codebook.qdc"
    path.write_bytes(content)
    with pytest.raises(CodebookFileError, match=reason) as raised:
        read_codebook(path)
    assert "codebook.qdc" in str(raised.value)


def test_the_schema_check_can_fail() -> None:
    codebook = read_codebook(builtin_codebook("solidarity").path)
    document = etree.fromstring(codebook_xml(codebook))
    document[0][0].attrib.pop("isCodable")
    assert schema_errors(etree.tostring(document)) != []
