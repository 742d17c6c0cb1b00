"""Carrying out a codebook merge plan: one service action, one undo step, one audit record."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.codebooks.model import Codebook
from workbench.core.merge.audit import record_audit
from workbench.core.merge.codebook_plan import Choice, CodebookPlan, PlanRow, plan_codebook_merge
from workbench.core.model import Code, Coding
from workbench.core.queries.code_tree import ancestor_ids
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project
from workbench.core.store.codes import add_code, place_among_siblings, renumber_siblings
from workbench.core.text import fold


def merge_codebook(project: Project, codebook: Codebook, plan: CodebookPlan | None = None, *,
                   author: str = "", source: str = "") -> Changes:
    """Bring ``codebook`` into the project as ``plan`` says (default choices when None)."""
    log = ChangeLog()
    with project.transaction("Merge codebook") as session:
        plan = plan or plan_codebook_merge(session, codebook, source)
        apply_plan(session, log, plan)
        if log.created or log.updated:
            record_audit(session, log, author, "codebook merge",
                         f"Merged the codebook {source or plan.source or '(unnamed)'}: "
                         f"{len(log.created)} code(s) added, {len(log.updated)} changed.",
                         {"source": source or plan.source, "rows": plan_details(plan)})
    added = sum(1 for ref in log.created if ref.kind == "code")
    return log.freeze(f"Merged the codebook: {added} code(s) added, "
                      f"{sum(1 for r in log.updated if r.kind == 'code')} changed.")


def plan_details(plan: CodebookPlan) -> list[dict[str, object]]:
    return [{"theirs": "/".join(row.theirs.path) if row.theirs else None,
             "ours": "/".join(row.ours.path) if row.ours else None,
             "differences": [d.value for d in row.differences], "choice": row.choice.value,
             "pair_with": row.pair_with} for row in plan.rows]


def apply_plan(session: Session, log: ChangeLog, plan: CodebookPlan) -> dict[str, int | None]:
    """Apply every row, parents first; return their code GUID -> our code id (None: left out)."""
    mapping: dict[str, int | None] = {}
    left_out: set[str] = set()
    used = set(session.scalars(select(Code.uuid)))
    for row in plan.rows:
        if row.theirs is None:
            continue
        parent = mapping.get(row.theirs.parent_uuid) if row.theirs.parent_uuid else None
        mapping[row.theirs.uuid] = _apply_row(session, log, row, parent, used)
        if mapping[row.theirs.uuid] is None:
            mapping[row.theirs.uuid] = parent  # children of a left-out code go to its parent
            left_out.add(row.theirs.uuid)
    for uuid in left_out:
        mapping[uuid] = None
    return mapping


def _apply_row(session: Session, log: ChangeLog, row: PlanRow, parent: int | None,
               used: set[str]) -> int | None:
    theirs = row.theirs
    assert theirs is not None
    ours_id = row.ours.id if row.ours else row.pair_with if row.choice is Choice.PAIR else None
    if ours_id is None:
        if row.choice is Choice.KEEP_OURS:
            return None
        return _add(session, log, row, parent, used, theirs.uuid)
    if row.choice is Choice.TAKE_THEIRS:
        _take_theirs(session, log, ours_id, row, parent)
    elif row.choice is Choice.KEEP_BOTH:
        return _add(session, log, row, parent, used, None)
    return ours_id


def _add(session: Session, log: ChangeLog, row: PlanRow, parent: int | None, used: set[str],
         uuid: str | None) -> int:
    theirs = row.theirs
    assert theirs is not None
    if uuid is None or uuid in used:
        uuid = None
    name = _free_name(session, theirs.name, parent, "theirs" if row.ours else "")
    code = add_code(session, name, parent_id=parent, colour=theirs.colour, codable=theirs.codable,
                    uuid=uuid, **theirs.fields.as_dict())
    used.add(code.uuid)
    log.create(code)
    return code.id


def _take_theirs(session: Session, log: ChangeLog, code_id: int, row: PlanRow,
                 parent: int | None) -> None:
    theirs = row.theirs
    assert theirs is not None
    code = session.get_one(Code, code_id)
    if code.name != theirs.name:
        code.name = _free_name(session, theirs.name, code.parent_id, "", exclude=code.id)
    for key, value in theirs.fields.as_dict().items():
        setattr(code, key, value)
    if theirs.colour:
        code.colour = theirs.colour
    used = session.scalar(select(func.count()).select_from(Coding).where(Coding.code_id == code.id))
    code.codable = theirs.codable or bool(used)
    movable = parent != code.parent_id and (parent is None or (
        parent != code.id and code.id not in ancestor_ids(session, parent)))
    if movable:
        old = code.parent_id
        code.name = _free_name(session, code.name, parent, "", exclude=code.id)
        code.parent_id = parent
        session.flush()
        place_among_siblings(session, code, None)
        renumber_siblings(session, old)
    session.flush()
    log.update(code)


def _free_name(session: Session, name: str, parent: int | None, suffix: str,
               exclude: int | None = None) -> str:
    condition = Code.parent_id.is_(None) if parent is None else Code.parent_id == parent
    taken = {fold(n) for i, n in session.execute(select(Code.id, Code.name).where(condition))
             if i != exclude}
    candidate, number = name, 1
    while fold(candidate) in taken:
        number += 1
        label = suffix if number == 2 and suffix else f"{suffix} {number}".strip()
        candidate = f"{name} ({label})"
    return candidate

