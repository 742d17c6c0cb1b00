"""Bringing another coder's project (our file or a ``.qdpx``) into this one, in one action.

Documents pair by content hash (the same title first among equals), cases by GUID then name,
codes by the codebook plan. Codings are added with their coders unless the same coder already
coded that stretch with that code; memos are kept. Nothing of ours is overwritten: where the two
disagree (an attribute value, a memo's text) ours stays and the difference is reported. Because
every pairing is by content or identity, merging the same project twice changes nothing the
second time, and merging A into B gives the same content as B into A.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from sqlalchemy import select

from workbench.core.errors import DomainError
from workbench.core.jobs import JobControl
from workbench.core.merge.audit import record_audit
from workbench.core.merge.codebook_apply import apply_plan, plan_details
from workbench.core.merge.codebook_plan import CodebookPlan, plan_codebook_merge
from workbench.core.merge.merge_rows import RowMerger
from workbench.core.merge.other_project import OtherProject, read_other
from workbench.core.model import Document
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project


@dataclass
class ProjectMergePlan:
    other: OtherProject
    codebook: CodebookPlan
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def plan_project_merge(project: Project, other_path: str | os.PathLike[str]) -> ProjectMergePlan:
    """Read the other project and pair everything; nothing changes yet."""
    with project.reading() as session:
        known = set(session.scalars(select(Document.content_hash)))
    other = read_other(other_path, known)
    with project.reading() as session:
        codebook = plan_codebook_merge(session, other.codebook, other.name)
        preview = RowMerger(session, ChangeLog(), other, JobControl()).preview()
    return ProjectMergePlan(other, codebook, preview, list(other.warnings))


def merge_project(project: Project, other_path: str | os.PathLike[str] | None = None, *,
                  plan: ProjectMergePlan | None = None, author: str = "",
                  control: JobControl | None = None) -> Changes:
    """Merge the other project in as ``plan`` says (defaults when None): one undo step."""
    if plan is None:
        if other_path is None:
            raise DomainError("Name the project to merge in.")
        plan = plan_project_merge(project, other_path)
    log = ChangeLog()
    control = control or JobControl()
    with project.transaction("Merge project") as session:
        codes = apply_plan(session, log, plan.codebook)
        merger = RowMerger(session, log, plan.other, control)
        report = merger.merge(_code_ids(plan, codes))
        if log.created or log.updated:
            record_audit(session, log, author, "project merge",
                         f"Merged {plan.other.name}: " + _describe(report),
                         {"source": plan.other.name, "counts": report,
                          "conflicts": merger.conflicts, "codebook": plan_details(plan.codebook)})
    plan.warnings += merger.conflicts
    kept = (f" {len(merger.conflicts)} difference(s) kept as in this project (listed in the audit "
            "record).") if merger.conflicts else ""
    return log.freeze(f"Merged {plan.other.name}: {_describe(report)}{kept}")


def _code_ids(plan: ProjectMergePlan, mapping: dict[str, int | None]) -> dict[int, int]:
    """Their code id -> our code id; a code left out may not take codings with it."""
    found: dict[int, int] = {}
    coded = {row.code_id for row in plan.other.codings}
    for their_id, uuid in plan.other.code_uuids.items():
        our_id = mapping.get(uuid)
        if our_id is None:
            if their_id in coded:
                raise DomainError(f"The code '{uuid}' of {plan.other.name} has codings; take it "
                                  "or pair it with one of ours, or its codings would be lost.")
            continue
        found[their_id] = our_id
    return found


def _describe(counts: dict[str, int]) -> str:
    parts = [f"{counts.get(key, 0)} {label}" for key, label in (
        ("documents", "document(s) added"), ("codings", "coding(s) added"),
        ("memos", "memo(s) added"), ("cases", "case(s) added"))]
    return ", ".join(parts) + "."

