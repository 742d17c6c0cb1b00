"""What the window's team status and sync cost on a large linked project, beside sqlite3.

The core's ``api.status(ask_server=False)`` counts the changes to send from the dirty marks (and
is timed again with them dropped, as it counted before them). The window counts them the same
way in a worker when a project opens, and from the sync's snapshot after each sync; after
each action it only notes the action's change record. Around each sync it takes a snapshot of
every entity before and after, to tell the panels what changed. The full reads are timed here
beside plain ``sqlite3`` reading the same coding rows (the bulk of the file), and the note of
one coding action beside them. The project is published to a throwaway local PostgreSQL cluster
first, so the sync base is as full as a real copy's.

    .venv/bin/python benchmarks/bench_team_window.py --project large.cwb
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Size, generate, size_arguments  # noqa: E402

from tests.team.cluster import Cluster, find_bindir  # noqa: E402
from workbench.core.services.changes import Changes, EntityRef  # noqa: E402
from workbench.core.storage import Project  # noqa: E402
from workbench.core.team import api  # noqa: E402
from workbench.gui.team.pending import count_pending  # noqa: E402
from workbench.gui.team.sync_changes import changes_between, take_snapshot  # noqa: E402

RAW = ('SELECT uuid, document_id, code_id, coder_id, start, "end", memo, created_at, rule '
       "FROM coding")


def best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(cluster: Cluster | None = None) -> None:
    """``cluster``: a running one to use (the tests pass theirs); by default one of its own."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, help="a large project to copy (else generated)")
    parser.add_argument("--repeat", type=int, default=3)
    size_arguments(parser)
    args = parser.parse_args()
    bindir = find_bindir()
    if bindir is None and cluster is None:
        sys.exit("PostgreSQL is not installed (initdb not found)")
    folder = Path(tempfile.mkdtemp(prefix="bench-team-window-"))
    path = folder / "large.cwb"
    if args.project:
        shutil.copy(args.project, path)
    else:
        generate(path, Size(args.cases, args.documents, args.words, args.codings, args.seed))
    own = cluster is None
    if cluster is None:
        assert bindir is not None
        cluster = Cluster(bindir)
    os.environ["WORKBENCH_NO_KEYRING"] = "1"
    try:
        project = Project.open(path)
        try:
            api.publish_project(project, cluster.url("bench_window"))
            os.environ["PGPASSWORD"] = cluster.password  # the admin's, for the status's server ask
            with sqlite3.connect(path) as raw:
                rows = len(raw.execute(RAW).fetchall())
                bare = best(lambda: raw.execute(RAW).fetchall(), args.repeat)
            local = best(lambda: api.status(project, ask_server=False), args.repeat)
            full = best(lambda: count_pending(project), args.repeat)
            pending = count_pending(project)
            coding = Changes(created=(EntityRef("coding", 1, "0c6f4d2e-8b1a-4c3d-9e5f"),))
            note = best(lambda: pending.note(coding), args.repeat)
            snapshot = best(lambda: take_snapshot(project), args.repeat)
            before = take_snapshot(project)
            compare = best(lambda: changes_between(before, before), args.repeat)
            reused = best(lambda: count_pending(project, before.payloads()), args.repeat)
            marked = api.status(project, ask_server=False).pending
            with sqlite3.connect(path) as raw:  # as before the dirty marks: compare every row
                for (name,) in raw.execute("SELECT name FROM sqlite_master "
                                           "WHERE name LIKE 'team_dirty%'").fetchall():
                    raw.execute(f'DROP TRIGGER "{name}"')
                raw.execute("DROP TABLE sync_dirty")
            unmarked = best(lambda: api.status(project, ask_server=False), args.repeat)
            assert api.status(project, ask_server=False).pending == marked
        finally:
            project.close()
    finally:
        if own:
            cluster.remove()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"codings: {rows:,}")
    print(f"sqlite3 reading the coding rows (baseline): {bare:.3f} s")
    print(f"the core's count of changes to send (api.status): {local:.3f} s "
          f"(ratio {local / bare:.1f})")
    print(f"the same without the dirty marks (every row, as before them): {unmarked:.3f} s "
          f"(ratio {unmarked / bare:.1f})")
    print(f"the window's count on open (from the dirty marks, in the worker): {full:.3f} s "
          f"(ratio {full / bare:.1f})")
    print(f"the window's count after one coding action (GUI thread): {note * 1e6:.1f} µs")
    print(f"snapshot for the panels' refresh (twice per sync): {snapshot:.3f} s "
          f"(ratio {snapshot / bare:.1f})")
    print(f"comparing two snapshots: {compare:.3f} s")
    print(f"the full count after a sync, reading the entities from its snapshot: {reused:.3f} s")


if __name__ == "__main__":
    main()
