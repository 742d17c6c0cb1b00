"""Acceptance 4: a lead codes for a week without a network (5,000 codings, 200 codebook edits)
while the rest of the team carries on; one sync brings it all together, every copy equal."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.team.cluster import Cluster
from tests.team.helpers import (
    INTERVIEW,
    add_login,
    coder_url,
    differences,
    ids,
    local_dump,
    publish,
    server_dump,
    start_project,
)
from workbench.core.model import Document
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.cases import create_case
from workbench.core.services.codes import create_code, rename_code, update_code
from workbench.core.services.documents import add_document
from workbench.core.storage import Project
from workbench.core.team import api

LEAVES = ("Encounter", "Shared struggle", "Interdependence")


def week_of_codings(project: Project, coder: str, count: int, offset: int) -> None:
    """``count`` codings, none touching another, in ten sittings."""
    _, codes = ids(project)
    with project.reading() as session:
        lengths = dict(session.execute(select(Document.id, func.length(Document.text))).all())
    slots = [(document, codes[leaf], start) for document, length in sorted(lengths.items())
             for leaf in LEAVES for start in range(offset, length - 6, 12)]
    assert len(slots) >= count
    for sitting in range(10):
        share = slots[sitting * count // 10:(sitting + 1) * count // 10]
        apply_codings(project, [CodingSpec(document, code, start, start + 5, coder)
                                for document, code, start in share])


@pytest.mark.slow
def test_a_week_offline_synchronises_into_a_changed_project(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    with start_project(tmp_path / "lead.cwb") as lead:
        _, codes = ids(lead)
        add_document(lead, 1, "Long interview", INTERVIEW * 24)
        publish(cluster, team_db, pgpass, lead)
    for name, is_lead in (("chief", True), ("amal", False)):
        add_login(cluster, team_db, pgpass, f"{team_db}_{name}", lead=is_lead)
        api.join(coder_url(cluster, team_db, f"{team_db}_{name}"), tmp_path / f"{name}.cwb")

    # The week in the field: each edit its own action, folded into the file once at the end
    # (a disk sync an action is not what is measured here).
    with Project.open(tmp_path / "chief.cwb") as chief, chief.batch():
        week_of_codings(chief, "Chief", 5000, offset=0)
        _, codes = ids(chief)
        names = sorted(codes)
        for edit in range(200):
            code = codes[names[edit % len(names)]]
            if edit % 20 == 19:
                created = create_code(chief, f"Field idea {edit}", parent_id=codes[LEAVES[0]])
                codes[f"Field idea {edit}"] = created.subject.id
            elif edit % 50 == 7:
                rename_code(chief, code, f"{names[edit % len(names)]} (field)")
            else:
                update_code(chief, code, definition=f"As seen in the field, day {edit // 30}",
                            colour=f"#{edit:02X}{edit:02X}80")

    with Project.open(tmp_path / "lead.cwb") as lead:  # meanwhile, at the office
        _, codes = ids(lead)
        update_code(lead, codes["Encounter"], definition="Decided at the team meeting.")
        create_case(lead, "Harbour")
        api.synchronise(lead)
    with Project.open(tmp_path / "amal.cwb") as amal:
        week_of_codings(amal, "Amal", 600, offset=6)
        api.synchronise(amal)

    with Project.open(tmp_path / "chief.cwb") as chief:
        started = time.perf_counter()
        report = api.synchronise(chief)
        took = time.perf_counter() - started
    print(f"week offline: sent {report.pushed}, received {report.pulled} in {took:.1f} s")
    assert report.pushed >= 5000 + 200 // 20 and report.conflicts >= 1
    for name in ("lead", "amal", "chief"):
        with Project.open(tmp_path / f"{name}.cwb") as project:
            api.synchronise(project)
    dumps = []
    for name in ("lead", "amal", "chief"):
        with Project.open(tmp_path / f"{name}.cwb") as project:
            dumps.append(local_dump(project))
    dumps.append(server_dump(cluster, team_db))
    assert differences(*dumps) == []
    assert len(dumps[0]["coding"]) == 5600
    assert {case["name"] for case in dumps[0]["case"].values()} >= {"Harbour"}
