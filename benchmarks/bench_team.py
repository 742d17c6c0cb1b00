"""Time a team project against a real local PostgreSQL server (a throwaway cluster of its own).

* publish the large synthetic project   vs  a bare COPY of the same rows (already serialised)
                                            into a plain table without triggers or indexes
* a coder joins it (pulls everything)
* sync 10,000 new codings               vs  a bare COPY of the same 10,000 rows
* sync 1 new coding, then 1 and 10,000 with the dirty marks dropped (the full comparison of
  every row with the sync base, as before the marks): the before and after of one run
* 20 clients, each syncing 1,000 new codings at the same time (each a `workbench team sync`
  process): total time, rows on the server, none lost

Needs PostgreSQL's server binaries (Debian: apt-get install postgresql).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from generate import Size, generate, large_project, project_arguments
from sqlalchemy import select

from tests.team.cluster import Cluster, find_bindir
from workbench.core.model import Code, Document
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.core.team.rows import KINDS, document_bodies, dumps, read_rows


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def serialised_rows(path: Path, kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str, str]]:
    with Project.open(path) as project, project.reading() as session:
        connection = session.connection()
        rows = read_rows(connection, kinds)
        bodies = document_bodies(connection, list(rows.get("document", {})))
    return [(uuid, kind, dumps({**payload, **bodies.get(uuid, {})}))
            for kind in kinds for uuid, payload in rows[kind].items()]


def bare_copy(url: str, rows: list[tuple[str, str, str]]) -> float:
    """The driver's and server's own cost: COPY into a plain table (no triggers, no indexes)."""
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS bare (uuid uuid, kind text, payload jsonb)")
        connection.execute("TRUNCATE bare")
        connection.commit()
        started = time.perf_counter()
        with connection.cursor() as cursor, cursor.copy(
                "COPY bare (uuid, kind, payload) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        connection.commit()
        return time.perf_counter() - started


def new_codings(path: Path, coder: str, count: int, seed: int) -> None:
    """``count`` codings by ``coder``, none touching another (so none are joined)."""
    with Project.open(path) as project:
        with project.reading() as session:
            documents = [(d.id, len(d.text)) for d in session.scalars(select(Document))]
            codes = list(session.scalars(select(Code.id).where(Code.codable.is_(True))))
        specs, n = [], 0
        for document, length in documents[seed % len(documents):] + documents:
            for start in range(7 + seed % 5, length - 20, 40):
                specs.append(CodingSpec(document, codes[n % len(codes)], start, start + 9, coder))
                n += 1
                if n == count:
                    break
            if n == count:
                break
        apply_codings(project, specs)


def timed_sync(path: Path) -> tuple[float, object]:
    """A sync's wall-clock seconds, and its report with this process's processor seconds."""
    with Project.open(path) as project:
        cpu = time.process_time()
        took, report = timed(lambda: api.synchronise(project))
        report.cpu = time.process_time() - cpu  # type: ignore[attr-defined]
    return took, report


def forget_marks(path: Path) -> None:
    """Drop the dirty marks (a file linked before they existed): the next sync compares all."""
    with sqlite3.connect(path) as connection:
        for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE 'team_dirty%'").fetchall():
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.execute("DROP TABLE sync_dirty")


def add_pgpass(pgpass: Path, cluster: Cluster, database: str, user: str, password: str) -> None:
    with pgpass.open("a") as lines:
        lines.write(f"127.0.0.1:{cluster.port}:{database}:{user}:{password}\n")


class Results:
    """Prints each figure as soon as it is measured (a long run shows its progress)."""

    def __init__(self) -> None:
        print(f"\n{'task':<28} {'ours (s)':>10} {'COPY (s)':>10} {'ratio':>7}  result",
              flush=True)

    def append(self, result: tuple[str, float, float | None, str]) -> None:
        task, ours, baseline, note = result
        ratio = f"{ours / baseline:7.2f}" if baseline else "      -"
        base = f"{baseline:10.4f}" if baseline else "         -"
        print(f"{task:<28} {ours:10.4f} {base} {ratio}  {note}", flush=True)


def main(cluster: Cluster | None = None) -> None:
    """``cluster``: a running one to use (the tests pass theirs); by default one of its own."""
    parser = argparse.ArgumentParser(description=__doc__)
    project_arguments(parser)
    parser.add_argument("--new-codings", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-client", type=int, default=1_000)
    arguments = parser.parse_args()
    own = cluster is None
    if cluster is None:
        bindir = find_bindir()
        if bindir is None:
            sys.exit("bench_team: PostgreSQL server binaries are missing "
                     "(apt-get install postgresql)")
        cluster = Cluster(bindir)
    results = Results()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        pgpass = folder / "pgpass"
        pgpass.write_text("")
        pgpass.chmod(0o600)
        os.environ.update(PGPASSFILE=str(pgpass), WORKBENCH_NO_KEYRING="1", WORKBENCH_BACKUPS="0")
        try:
            source = large_project(arguments, folder)
            lead_path = folder / "lead.cwb"
            shutil.copyfile(source, lead_path)
            rows = serialised_rows(lead_path)
            add_pgpass(pgpass, cluster, "large", "postgres", cluster.password)
            with Project.open(lead_path) as lead:
                took, published = timed(lambda: api.publish_project(lead, cluster.url("large")))
            raw = bare_copy(cluster.url("postgres"), rows)
            with psycopg.connect(cluster.url("large")) as connection:
                size_mb = connection.execute("SELECT pg_database_size('large')").fetchone()[0] / 1e6
            results.append(("publish (COPY)", took, raw, f"{published.entities:,} entities, "
                            f"{size_mb:,.0f} MB on the server"))  # type: ignore[attr-defined]

            password = api.add_coder_role(cluster.url("large"), "amal")
            add_pgpass(pgpass, cluster, "large", "amal", password)
            coder = folder / "amal.cwb"
            took, joined = timed(lambda: api.join(
                f"postgresql://amal@127.0.0.1:{cluster.port}/large", coder))
            results.append(("join (pull all)", took, None,
                            f"{joined.pulled:,} entities"))  # type: ignore[attr-defined]

            new_codings(coder, "Newcomer", arguments.new_codings, 0)
            published_uuids = {uuid for uuid, _kind, _payload in rows}
            fresh = [row for row in serialised_rows(coder, ("coding",))
                     if row[0] not in published_uuids]
            took, report = timed_sync(coder)
            raw = bare_copy(cluster.url("postgres"), fresh)
            results.append((f"sync {arguments.new_codings:,} codings", took, raw,
                            f"sent {report.pushed:,}"))  # type: ignore[attr-defined]
            # The same with the dirty marks dropped: the full comparison every sync made
            # before them (and a linked file's first sync still makes once).
            for count, coder_name in ((1, "Marks one"), (1, "Full one"),
                                      (arguments.new_codings, "Full many")):
                new_codings(coder, coder_name, count, 1)
                if coder_name.startswith("Full"):
                    forget_marks(coder)
                took, report = timed_sync(coder)
                way = "every row" if coder_name.startswith("Full") else "marks"
                results.append((f"{way}: sync {count:,} coding(s)", took, None,
                                f"sent {report.pushed:,}, "  # type: ignore[attr-defined]
                                f"{report.cpu:.2f} s processor"))  # type: ignore[attr-defined]

            results.append(concurrent_clients(cluster, folder, pgpass, arguments))
        finally:
            if own:
                cluster.remove()


def concurrent_clients(cluster: Cluster, folder: Path, pgpass: Path,
                       arguments: argparse.Namespace) -> tuple[str, float, None, str]:
    """A small team project; N coders join it, code offline, then all sync at once."""
    team = folder / "team"
    team.mkdir()
    generate(team / "lead.cwb", Size(cases=3, documents=max(6, arguments.clients // 2),
                                     words=60_000, codings=100, seed=3))
    add_pgpass(pgpass, cluster, "crowd", "postgres", cluster.password)
    with Project.open(team / "lead.cwb") as lead:
        api.publish_project(lead, cluster.url("crowd"))
    for n in range(arguments.clients):
        name = f"coder{n:02d}"
        add_pgpass(pgpass, cluster, "crowd", name, api.add_coder_role(cluster.url("crowd"), name))
        api.join(f"postgresql://{name}@127.0.0.1:{cluster.port}/crowd", team / f"{name}.cwb")
        new_codings(team / f"{name}.cwb", name, arguments.per_client, n)
    started = time.perf_counter()
    processes = [subprocess.Popen(
        [sys.executable, "-m", "workbench", "team", "sync", str(team / f"coder{n:02d}.cwb")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for n in range(arguments.clients)]
    said = [p.communicate()[1] for p in processes]  # reads and closes every pipe
    failed = [stderr for p, stderr in zip(processes, said, strict=True) if p.returncode != 0]
    took = time.perf_counter() - started
    with psycopg.connect(cluster.url("crowd")) as connection:
        per_owner = dict(connection.execute(
            "SELECT owner, count(*) FROM entity WHERE kind = 'coding' AND NOT deleted "
            "AND owner LIKE 'coder%' GROUP BY owner").fetchall())
        total = connection.execute("SELECT count(*) FROM entity WHERE kind = 'coding' "
                                   "AND NOT deleted").fetchone()[0]
    lost = sum(arguments.per_client - per_owner.get(f"coder{n:02d}", 0)
               for n in range(arguments.clients))
    note = (f"{total:,} codings on the server, {lost} lost, {len(failed)} failed"
            + (f" ({failed[0].strip()})" if failed else ""))
    return (f"{arguments.clients} clients x {arguments.per_client:,}", took, None, note)


if __name__ == "__main__":
    main()
