"""Helpers for the team tests: a team of local copies around one server, and a canonical dump
of what a copy (or the server) holds, to compare them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select

from tests.helpers import copy_of_process_template
from tests.team.cluster import Cluster
from workbench.core.model import Code, Document
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code
from workbench.core.services.documents import add_document
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.core.team.rows import REFERENCES, comparable, document_bodies, read_rows

Dump = dict[str, dict[str, Any]]
INTERVIEW = ("Interviewer: What brought you to the neighbourhood kitchen?\n"
             "Marleen: My neighbour asked me to help cook on Fridays. We cook for forty people "
             "and nobody asks where you come from.\n"
             "Interviewer: And the rules of the kitchen?\n"
             "Marleen: We made them together, after a long evening of arguing.\n") * 3


def _build_lead_project(path: Path) -> None:
    with create_project(path) as project:
        for case in ("Kitchen", "School"):
            case_id = create_case(project, case).subject.id
            add_document(project, case_id, f"{case} interview", INTERVIEW)
        theme = create_code(project, "Sources of solidarity").subject.id
        for name in ("Encounter", "Shared struggle", "Interdependence"):
            create_code(project, name, parent_id=theme)


def start_project(path: Path) -> Project:
    """A lead's project, open: two cases with a transcript each and a small codebook (a copy of
    one built once per test process)."""
    return Project.open(copy_of_process_template("team-lead", _build_lead_project, path))


def ids(project: Project) -> tuple[list[int], dict[str, int]]:
    with project.reading() as session:
        documents = list(session.scalars(select(Document.id).order_by(Document.id)))
        codes = {code.name: code.id for code in session.scalars(select(Code))}
    return documents, codes


def add_login(cluster: Cluster, database: str, pgpass: Path, name: str, *,
              lead: bool = False) -> str:
    password = api.add_coder_role(cluster.url(database), name, lead=lead)
    with pgpass.open("a") as lines:
        lines.write(f"127.0.0.1:{cluster.port}:{database}:{name}:{password}\n")
    return password


def join_copy(cluster: Cluster, database: str, pgpass: Path, folder: Path, name: str, *,
              lead: bool = False) -> Path:
    """A new team member ``name`` (a lead when asked) joins from their own file, which is
    returned: ``folder/name.cwb``."""
    login = f"{database}_{name}"
    add_login(cluster, database, pgpass, login, lead=lead)
    path = folder / f"{name}.cwb"
    api.join(coder_url(cluster, database, login), path)
    return path


def coder_url(cluster: Cluster, database: str, name: str) -> str:
    return f"postgresql://{name}@127.0.0.1:{cluster.port}/{database}"


def local_dump(project: Project) -> Dump:
    with project.reading() as session:
        rows = read_rows(session.connection())
    return {kind: dict(found) for kind, found in rows.items()}


def server_dump(cluster: Cluster, database: str) -> Dump:
    """The live content of the team project: rows not tombstoned whose references are live."""
    with psycopg.connect(cluster.url(database)) as connection:
        rows = connection.execute(
            "SELECT kind, uuid::text, payload FROM entity WHERE NOT deleted").fetchall()
    live: Dump = {}
    for kind, uuid, payload in rows:
        live.setdefault(kind, {})[uuid] = comparable(kind, payload)
    changed = True
    while changed:
        changed = False
        for kind, found in live.items():
            for uuid, payload in list(found.items()):
                for name, target in REFERENCES.get(kind, {}).items():
                    if payload.get(name) is not None and payload[name] not in live.get(target, {}):
                        del found[uuid]
                        changed = True
                        break
    return {kind: found for kind, found in live.items()}


def differences(*dumps: Dump) -> list[str]:
    """What the copies disagree on (empty: they hold the same), one line per entity."""
    found: list[str] = []
    kinds = sorted({kind for dump in dumps for kind in dump})
    for kind in kinds:
        uuids = sorted({uuid for dump in dumps for uuid in dump.get(kind, {})})
        for uuid in uuids:
            values = [dump.get(kind, {}).get(uuid) for dump in dumps]
            if any(value != values[0] for value in values[1:]):
                found.append(f"{kind} {uuid}: " + " | ".join(map(repr, values)))
    return found


def same(*dumps: Dump) -> bool:
    return not differences(*dumps)


def publish(cluster: Cluster, database: str, pgpass: Path, project: Project) -> api.Published:
    """Publish as the cluster's administrator, whose password libpq then finds in the password
    file (as a lead's would be)."""
    with pgpass.open("a") as lines:
        lines.write(f"127.0.0.1:{cluster.port}:{database}:postgres:{cluster.password}\n")
    return api.publish_project(project, cluster.url(database))


def bodies(project: Project) -> dict[str, Any]:
    """Each document's text, speaker turns and headings, by UUID."""
    with project.reading() as session:
        connection = session.connection()
        uuids = list(read_rows(connection, ("document",))["document"])
        return document_bodies(connection, uuids)
