"""A researcher loads or merges a hostile codebook (.qdc) into a project: it goes in, or is
refused with a message naming the file, and the project is left as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import damaged, deeply_nested, entity_bomb, external_entity, fuzz_settings
from tests.fuzz.importing import close_readers, row_counts
from tests.fuzz.packages import CODEBOOK_NS, codes, schema_trees
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.errors import CodebookFileError, WorkbenchError
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.services.codebook import create_project, load_codebook
from workbench.core.storage import Project

SEED = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="{CODEBOOK_NS}" origin="fuzz"><Codes>
  <Code guid="{{6F1C9A3E-0D2B-4C55-9E71-1B2C3D4E5F60}}" name="Samen koken" isCodable="true"
        color="#a1b2c3"><Description>Definition: Eten als bindmiddel.
When to use: bij maaltijden.</Description>
    <Code guid="00000000-0000-4000-8000-000000000002" name="Buren" isCodable="false"/>
  </Code>
  <Code guid="00000000-0000-4000-8000-000000000003" name="Zoë"/>
</Codes><Sets><Set guid="00000000-0000-4000-8000-000000000004" name="s"/></Sets></CodeBook>
""".encode()


@pytest.fixture(scope="module")
def existing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Path]]:
    """A project with a small codebook of its own."""
    folder = tmp_path_factory.mktemp("codebook")
    (folder / "seed.qdc").write_bytes(SEED)
    with create_project(folder / "mine.cwb") as project:
        load_codebook(project, read_codebook(folder / "seed.qdc"))
        yield project, folder
        close_readers()  # first: the project, closed last, then removes its log


def load_hostile(existing: tuple[Project, Path], data: bytes, *, merge: bool) -> None:
    """Read the codebook (a refusal names the file), then load or merge it: all or nothing."""
    project, folder = existing
    path = folder / "theirs.qdc"
    path.write_bytes(data)
    try:
        codebook = read_codebook(path)
    except CodebookFileError as error:
        assert path.name in str(error), str(error)
        return
    before = row_counts(project.path)
    try:
        if merge:
            merge_codebook(project, codebook, source=path.name)
        else:
            load_codebook(project, codebook)
    except WorkbenchError as error:
        assert row_counts(project.path) == before, str(error)


@fuzz_settings()
@given(data=st.binary(max_size=1024) | st.text(max_size=300).map(str.encode))
def test_random_bytes_as_a_codebook(existing, data: bytes) -> None:
    load_hostile(existing, data, merge=False)


@fuzz_settings()
@given(st.data(), st.booleans())
def test_damaged_codebook(existing, data: st.DataObject, merge: bool) -> None:
    load_hostile(existing, data.draw(damaged(SEED)), merge=merge)


@fuzz_settings()
@given(qdc=schema_trees("Codebook.xsd", CODEBOOK_NS), merge=st.booleans())
def test_random_trees_of_the_schemas_elements(existing, qdc: bytes,
                                              merge: bool) -> None:
    load_hostile(existing, qdc, merge=merge)


@fuzz_settings()
@given(tree=st.lists(codes(), min_size=1, max_size=4), merge=st.booleans())
def test_plausible_codebooks_with_hostile_guids_names_and_colours(
        existing, tree: list[str], merge: bool) -> None:
    qdc = f'<CodeBook xmlns="{CODEBOOK_NS}"><Codes>{"".join(tree)}</Codes></CodeBook>'
    load_hostile(existing, qdc.encode(), merge=merge)


@pytest.mark.parametrize("qdc", [entity_bomb("CodeBook", CODEBOOK_NS),
                                 external_entity("CodeBook", CODEBOOK_NS)],
                         ids=["billion laughs", "external entity"])
def test_entity_tricks_are_refused(tmp_path: Path, qdc: bytes) -> None:
    path = tmp_path / "entities.qdc"
    path.write_bytes(qdc)
    with pytest.raises(CodebookFileError, match=r"entities\.qdc .*declares a document type"):
        read_codebook(path)


def test_a_deeply_nested_codebook_is_refused_or_read(existing) -> None:
    qdc = deeply_nested("CodeBook", CODEBOOK_NS, "Code", 5000).replace(
        b'codebook:1.0">', b'codebook:1.0"><Codes>').replace(b"</CodeBook>",
                                                             b"</Codes></CodeBook>")
    load_hostile(existing, qdc, merge=False)
