"""A researcher opens hostile REFI-QDA packages (.qdpx) as a new project, or merges one into a
project: it goes in, or is refused with a message naming the file; nothing is left half-done."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import (
    damaged,
    deeply_nested,
    entity_bomb,
    external_entity,
    fuzz_settings,
    repacked,
    zipped,
)
from tests.fuzz.importing import close_readers, row_counts
from tests.fuzz.packages import PROJECT_NS, plausible_project, qdpx_seed, schema_trees
from workbench.core.errors import WorkbenchError
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.merge.project_merge import merge_project
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.documents import add_document
from workbench.core.storage import Project

_TARGETS = count()


def open_hostile(folder: Path, name: str, data: bytes) -> WorkbenchError | None:
    """Import a package as a new project: a project file, or a clear refusal and no file."""
    source = folder / name
    source.write_bytes(data)
    target = folder / f"imported-{next(_TARGETS)}.cwb"
    try:
        import_qdpx(source, target)
    except WorkbenchError as error:
        assert name in str(error), str(error)
        assert not target.exists(), f"a refused package left {target.name} behind"
        return error
    assert target.exists()
    Project.open(target).close()  # what was made opens again
    target.unlink()
    return None


def as_package(qde: bytes, files: dict[str, bytes]) -> bytes:
    return zipped([("project.qde", qde), *files.items()])


@fuzz_settings()
@given(st.data())
def test_damaged_exported_package(tmp_path: Path, data: st.DataObject) -> None:
    open_hostile(tmp_path, "damaged.qdpx", data.draw(damaged(qdpx_seed())))


@fuzz_settings()
@given(st.data())
def test_exported_package_with_parts_removed_renamed_doubled_or_replaced(
        tmp_path: Path, data: st.DataObject) -> None:
    trees = schema_trees("Project.xsd", PROJECT_NS)
    open_hostile(tmp_path, "repacked.qdpx", data.draw(repacked(qdpx_seed(), trees)))


@fuzz_settings(share=0.5)
@given(qde=schema_trees("Project.xsd", PROJECT_NS))
def test_random_trees_of_the_schemas_elements(tmp_path: Path, qde: bytes) -> None:
    open_hostile(tmp_path, "random.qdpx", as_package(qde, {}))


@fuzz_settings()
@given(project=plausible_project(), bare=st.booleans())
def test_plausible_projects_with_hostile_offsets_guids_and_texts(
        tmp_path: Path, project: tuple[bytes, dict[str, bytes]], bare: bool) -> None:
    qde, files = project
    if bare:  # a .qde beside its sources folder, not zipped
        for name, data in files.items():
            (tmp_path / name).parent.mkdir(exist_ok=True)
            (tmp_path / name).write_bytes(data)
        open_hostile(tmp_path, "bare.qde", qde)
    else:
        open_hostile(tmp_path, "plausible.qdpx", as_package(qde, files))


# -- merging a hostile package into a project the researcher already has ------------------------

@pytest.fixture(scope="module")
def existing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Path]]:
    folder = tmp_path_factory.mktemp("merge")
    with create_project(folder / "mine.cwb") as project:
        case = create_case(project, "Zoë").subject.id
        add_document(project, case, "Interview", "Wat betekent het café voor jou?")
        yield project, folder
        close_readers()  # first: the project, closed last, then removes its log


@fuzz_settings(share=0.5)
@given(st.data())
def test_merging_a_hostile_package_leaves_a_refusing_project_unchanged(
        existing: tuple[Project, Path], data: st.DataObject) -> None:
    project, folder = existing
    if data.draw(st.booleans()):
        package = data.draw(damaged(qdpx_seed()))
    else:
        package = as_package(*data.draw(plausible_project()))
    path = folder / "theirs.qdpx"
    path.write_bytes(package)
    before = row_counts(project.path)
    try:
        merge_project(project, path)
    except WorkbenchError as error:
        assert row_counts(project.path) == before, str(error)


# -- the classic attacks, one by one -----------------------------------------------------------

@pytest.mark.parametrize("qde", [
    entity_bomb("Project", PROJECT_NS), external_entity("Project", PROJECT_NS),
    ("\ufeff".encode("utf-16-le") + entity_bomb("Project", PROJECT_NS).decode().encode(
        "utf-16-le")),
], ids=["billion laughs", "external entity", "billion laughs in UTF-16"])
def test_entity_tricks_are_refused(tmp_path: Path, qde: bytes) -> None:
    error = open_hostile(tmp_path, "entities.qdpx", as_package(qde, {}))
    assert error is not None and "document type" in str(error)


def test_a_deeply_nested_code_tree_is_refused_or_read(tmp_path: Path) -> None:
    qde = deeply_nested("Project", PROJECT_NS, "Code", 5000).replace(
        b'xmlns="urn:QDA-XML:project:1.0">',
        b'xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes>').replace(
        b"</Project>", b"</Codes></CodeBook></Project>")
    open_hostile(tmp_path, "deep.qdpx", as_package(qde, {}))


@pytest.mark.parametrize("name", ["../../outside.txt", "/etc/passwd", "C:/evil.txt",
                                  "sources\\..\\..\\evil.txt"])
def test_a_zip_slip_path_is_refused(tmp_path: Path, name: str) -> None:
    package = zipped([("project.qde", qdpx_members()["project.qde"]), (name, b"gotcha")])
    error = open_hostile(tmp_path, "slip.qdpx", package)
    assert error is not None and "outside the project folder" in str(error)


def test_a_huge_declared_size_is_refused_before_anything_is_unpacked(tmp_path: Path) -> None:
    package = bytearray(qdpx_seed())
    directory = package.rfind(b"PK\x01\x02")  # the last entry of the central directory
    package[directory + 24:directory + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    error = open_hostile(tmp_path, "declared.qdpx", bytes(package))
    assert error is not None


def qdpx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(qdpx_seed())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
