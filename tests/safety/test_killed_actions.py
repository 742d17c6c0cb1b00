"""A process killed (SIGKILL) in the middle of an action leaves a sound project holding all of
the action or none of it.

An import stores each file in its own transaction (workbench/core/importers/job.py), so its unit
is the document: after a kill, every document present is whole (text, speaker turns, layout,
search index, undo step) and the documents present are exactly the first files. A project merge
and a codebook merge are one transaction each: after a kill the project is exactly as before.

Where the kill lands is made certain, not left to timing: either the child stops at a chosen
SQL statement inside the transaction and waits to be killed, or the parent kills it once the
action has written to the write-ahead log and then confirms, from the log itself, that pages
of an unfinished transaction were on disk (retrying a bounded number of times until so).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.helpers import REPO
from tests.safety.conftest import Material
from tests.safety.killing import Killed, kill_when_paused, kill_when_wal_grows, uncommitted_frames
from tests.safety.state import Content, assert_sound, content, counts
from workbench.core.codebooks.qdc import read_codebook
from workbench.core.importers.job import import_files
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.merge.project_merge import merge_project
from workbench.core.storage import Project

CODEBOOK = REPO / "codebooks" / "social-cohesion.qdc"
ATTEMPTS = 5


@pytest.fixture(scope="module")
def import_states(material: Material, tmp_path_factory: pytest.TempPathFactory) -> list[Content]:
    """The project before the import and after each of its files, imported to completion."""
    path = replace(material, folder=tmp_path_factory.mktemp("import")).copy_of_base("reference")
    states = [content(path)]
    with Project.open(path) as project:
        for source in material.transcripts:
            report = import_files(project, 1, [source])
            assert report.summary == "1 imported, 0 skipped, 0 failed"
            states.append(content(path))
    return states


@pytest.fixture(scope="module")
def merge_states(material: Material, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Content, Content]:
    """The project before and after the merge, run to completion."""
    path = replace(material, folder=tmp_path_factory.mktemp("merge")).copy_of_base("reference")
    before = content(path)
    with Project.open(path) as project:
        merge_project(project, material.other)
    return before, content(path)


def _documents_present(state: Content, states: list[Content]) -> int:
    assert state in states, "the project holds a partial document or other rows of no document"
    return states.index(state)


# -- import: one transaction per document ------------------------------------------------------

IMPORT_PAUSES = {
    "between the second document's text and its speaker turns": (
        ("INSERT INTO speaker_turn", 2),
        1,
    ),
    "as the last document's undo step is recorded": (("INSERT INTO undo_step", 3), 2),
}


@pytest.mark.parametrize(("pause_at", "whole"), IMPORT_PAUSES.values(), ids=IMPORT_PAUSES.keys())
def test_an_import_killed_inside_a_document_keeps_only_the_whole_documents_before_it(
        scratch: Material, import_states: list[Content], pause_at: tuple[str, int],
        whole: int) -> None:
    project = scratch.copy_of_base("killed")
    killed = kill_when_paused("import", project, *scratch.transcripts, pause_at=pause_at)

    assert not killed.finished
    assert _documents_present(assert_sound(project), import_states) == whole


def test_an_import_killed_while_its_pages_reach_the_disk_keeps_whole_documents_only(
        scratch: Material, import_states: list[Content]) -> None:
    landed: list[tuple[Killed, int, int]] = []
    for attempt in range(ATTEMPTS):
        project = scratch.copy_of_base(f"killed-{attempt}")
        killed = kill_when_wal_grows("import", project, *scratch.transcripts, by=1_500_000)
        cut_off = uncommitted_frames(project)
        present = _documents_present(assert_sound(project), import_states)
        landed.append((killed, cut_off, present))
        if cut_off and not killed.finished:
            break
    killed, cut_off, present = landed[-1]
    assert cut_off > 0 and not killed.finished, f"no kill landed inside a transaction: {landed}"
    assert present < len(import_states) - 1  # the document being written is not there at all


# -- project merge and codebook merge: one transaction -----------------------------------------

MERGE_PAUSES = {
    "after three of its documents": ("INSERT INTO document (", 3),
    "as the undo step is recorded": ("INSERT INTO undo_step", 1),
}


@pytest.mark.parametrize("pause_at", MERGE_PAUSES.values(), ids=MERGE_PAUSES.keys())
def test_a_merge_killed_part_way_leaves_the_project_as_before(
        scratch: Material, merge_states: tuple[Content, Content],
        pause_at: tuple[str, int]) -> None:
    before, after = merge_states
    project = scratch.copy_of_base("killed")
    killed = kill_when_paused("merge", project, scratch.other, pause_at=pause_at)

    assert not killed.finished
    assert assert_sound(project) == before


def test_a_merge_killed_while_its_pages_reach_the_disk_is_all_or_nothing(
        scratch: Material, merge_states: tuple[Content, Content]) -> None:
    before, after = merge_states
    landed: list[tuple[Killed, int]] = []
    for attempt in range(ATTEMPTS):
        project = scratch.copy_of_base(f"killed-{attempt}")
        killed = kill_when_wal_grows("merge", project, scratch.other, by=1_000_000)
        cut_off = uncommitted_frames(project)
        state = assert_sound(project)
        assert state in (before, after)
        landed.append((killed, cut_off))
        if cut_off and not killed.finished:
            break
    killed, cut_off = landed[-1]
    assert cut_off > 0 and not killed.finished, f"no kill landed inside the merge: {landed}"
    assert state == before

    with Project.open(project) as reopened:  # and the merge can simply be run again
        merge_project(reopened, scratch.other)
    assert content(project) == after


def test_a_codebook_merge_killed_part_way_leaves_the_codebook_as_before(scratch: Material) -> None:
    reference = scratch.copy_of_base("reference")
    before = content(reference)
    with Project.open(reference) as project:
        merge_codebook(project, read_codebook(CODEBOOK), source=CODEBOOK.name)
    after = content(reference)
    assert counts(after)["code"] > counts(before)["code"]

    project = scratch.copy_of_base("killed")
    killed = kill_when_paused("codebook-merge", project, CODEBOOK,
                              pause_at=("INSERT INTO code ", 5))

    assert not killed.finished
    assert assert_sound(project, own_process=True) == before
