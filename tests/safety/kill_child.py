"""One user action in its own process, for a test that kills the process part-way.

    python -m tests.safety.kill_child ACTION PROJECT SOURCE... [--pause-at TEXT N]

ACTION is ``import`` (SOURCE: files, into the first case), ``merge`` (SOURCE: another project),
``codebook-merge`` (SOURCE: a .qdc), ``import-qdpx`` (SOURCE: a .qdpx; PROJECT: the new file)
or ``restore`` (SOURCE: a backup of PROJECT). Prints ``started`` just before the action and ``done``
after it. With ``--pause-at``, the N-th SQL statement containing TEXT (inside the action's
transaction) first prints ``paused`` and then waits for the kill.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select

from workbench.core.codebooks.qdc import read_codebook
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.importers.job import import_files
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.merge.project_merge import merge_project
from workbench.core.model import Case
from workbench.core.storage import Project
from workbench.core.storage.backups import restore


def say(word: str) -> None:
    print(word, flush=True)


def pause_at(text: str, nth: int) -> None:
    seen = 0

    def before_execute(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal seen
        if text in statement:
            seen += 1
            if seen == nth:
                say("paused")
                time.sleep(120)  # the test kills us here, with the transaction open

    event.listen(Engine, "before_cursor_execute", before_execute)


def run(action: str, project: Project, sources: list[Path]) -> None:
    if action == "import":
        with project.reading() as session:
            case_id = session.scalars(select(Case.id).order_by(Case.id)).first()
        assert case_id is not None
        report = import_files(project, case_id, sources)
        assert not report.with_status("failed"), report.outcomes
    elif action == "merge":
        merge_project(project, sources[0])
    elif action == "codebook-merge":
        merge_codebook(project, read_codebook(sources[0]), source=sources[0].name)
    else:
        raise SystemExit(f"unknown action {action}")


WITHOUT_OPENING = {
    "import-qdpx": lambda project, source: import_qdpx(source, project),
    "restore": lambda project, source: restore(project, source),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action")
    parser.add_argument("project", type=Path)
    parser.add_argument("sources", type=Path, nargs="+")
    parser.add_argument("--pause-at", nargs=2, metavar=("TEXT", "N"))
    arguments = parser.parse_args()
    if arguments.pause_at:
        pause_at(arguments.pause_at[0], int(arguments.pause_at[1]))
    if arguments.action in WITHOUT_OPENING:
        say("started")
        WITHOUT_OPENING[arguments.action](arguments.project, arguments.sources[0])
        say("done")
        return
    with Project.open(arguments.project) as project:
        say("started")
        run(arguments.action, project, arguments.sources)
        say("done")


if __name__ == "__main__":
    main()
