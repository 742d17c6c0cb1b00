"""Test helpers: reading a project's raw content, building small projects quickly."""

from __future__ import annotations

import atexit
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.core.model import Case, Document
from workbench.core.queries.resolve import resolve_case, resolve_code
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.documents import add_document
from workbench.core.storage import Project

# Tables that are not the researcher's content: the project row (its modified time), the undo
# log and the append-only action log. An undo restores every other table exactly.
NOT_CONTENT = ("project", "undo_step", "undo_statement", "action_log", "action_entity")


def table_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (the full-text index included), read with plain sqlite3."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}
    finally:
        connection.close()


def random_interview(rng: random.Random, turns: int, words: list[str], low: int, high: int) -> str:
    """An interview of ``turns`` speaker turns (Interviewer, Zoë, Bogdan) of ``low`` to ``high``
    words drawn from ``words``, paragraphs apart."""
    return "\n\n".join(f"{rng.choice(['Interviewer', 'Zoë', 'Bogdan'])}: "
                       + " ".join(rng.choices(words, k=rng.randint(low, high)))
                       for _ in range(turns))


def randomly_coded_transcript(path: Path, *, seed: int, turns: int, words: list[str],
                              turn_words: tuple[int, int], codings: int, longest: int,
                              coders: tuple[str, ...]) -> tuple[str, list[int]]:
    """A new project (Solidarity codebook) holding one random interview with ``codings``
    overlapping codings of 20 to ``longest`` characters; returns the text and the code ids."""
    from workbench.core.model import Code
    from workbench.core.services.bulk_coding import CodingSpec, apply_codings

    rng = random.Random(seed)
    text = random_interview(rng, turns, words, *turn_words)
    with create_project(path, codebook="solidarity") as project:
        _case, document = add_case_with_document(project, text)
        with project.reading() as session:
            codes = list(session.scalars(select(Code.id)))
        specs = []
        for _ in range(codings):
            span = rng.randint(20, longest)
            start = rng.randrange(0, len(text) - span)
            specs.append(CodingSpec(document, rng.choice(codes), start, start + span,
                                    rng.choice(coders)))
        apply_codings(project, specs)
    return text, codes


def add_case_with_document(project: Project, text: str, *, case: str = "Basisschool De Linde",
                           title: str = "Interview met de directeur") -> tuple[int, int]:
    """A case holding one document; returns (case id, document id)."""
    with project.reading() as session:
        found = session.scalar(select(Case.id).where(Case.name == case))
    the_case = found if found is not None else create_case(project, case).subject.id
    return the_case, add_document(project, the_case, title, text).subject.id


def code_id(project: Project, typed: str) -> int:
    with project.reading() as session:
        return resolve_code(session, typed).id


def document_id(project: Project, title: str) -> int:
    with project.reading() as session:
        found = session.scalar(select(Document.id).where(Document.title == title))
    assert found is not None, title
    return found


def case_id(project: Project, typed: str) -> int:
    with project.reading() as session:
        return resolve_case(session, typed).id


REPO = Path(__file__).resolve().parent.parent


def run_benchmark(script: str, *arguments: object) -> str:
    """Run ``benchmarks/<script>`` tiny in a fresh interpreter; return what it printed."""
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, f"benchmarks/{script}", *map(str, arguments)],
                               cwd=REPO, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def benchmark_figures(output: str, task: str) -> tuple[float, float, float]:
    """The three figures (ours, baseline, ratio) printed after ``task`` on its one line."""
    [line] = [line for line in output.splitlines() if line.startswith(task)]
    ours, baseline, ratio = (float(value) for value in line[len(task):].split()[:3])
    return ours, baseline, ratio


def copy_of_template(factory: pytest.TempPathFactory, kind: str,
                     build: Callable[[Path], object], target: Path) -> Path:
    """``target``: a copy of a project file that ``build(path)`` makes (and closes) once per test
    process. Tests that start from the same project copy it in a millisecond instead of building
    it again (a second or more each: a codebook, a document, codings, each action synced)."""
    folder = factory.getbasetemp() / "templates" / kind
    made = folder / target.name
    if not made.exists():
        folder.mkdir(parents=True, exist_ok=True)
        build(made)
        # The file must be whole on its own: a write-ahead log left beside it would not be copied.
        assert sorted(folder.iterdir()) == [made], sorted(folder.iterdir())
    shutil.copyfile(made, target)
    return target


def copy_of_prepared(factory: pytest.TempPathFactory, kind: str,
                     prepare: Callable[[Project], object], target: Path, *,
                     codebook: str = "solidarity") -> Path:
    """``target``: a copy of a new project (from ``codebook``) that ``prepare`` filled through the
    services, once per test process. A fixture that used to fill each test's project the same
    way opens this copy instead; row ids are the same in every copy."""
    def build(path: Path) -> None:
        with create_project(path, codebook=codebook) as project:
            prepare(project)

    return copy_of_template(factory, kind, build, target)


def open_prepared(factory: pytest.TempPathFactory, kind: str,
                  prepare: Callable[[Project], object], target: Path, *,
                  codebook: str = "solidarity") -> Iterator[Project]:
    """For a fixture: ``yield from open_prepared(...)`` gives the test its own copy of the
    project ``prepare`` filled (see :func:`copy_of_prepared`), open, and closes it after."""
    copy_of_prepared(factory, kind, prepare, target, codebook=codebook)
    with Project.open(target) as opened:
        yield opened


_process_templates: Path | None = None


def copy_of_process_template(kind: str, build: Callable[[Path], object], target: Path) -> Path:
    """:func:`copy_of_template` for helpers that get no pytest fixture: the template lives in a
    folder of this test process's own, removed when the process ends."""
    global _process_templates
    if _process_templates is None:
        _process_templates = Path(tempfile.mkdtemp(prefix="workbench-test-templates-"))
        atexit.register(shutil.rmtree, _process_templates, True)
    made = _process_templates / kind / target.name
    if not made.exists():
        made.parent.mkdir(parents=True, exist_ok=True)
        build(made)
        assert sorted(made.parent.iterdir()) == [made], sorted(made.parent.iterdir())
    shutil.copyfile(made, target)
    return target
