"""Step 3 of a sync: the local file takes what the server committed, in one short transaction.

Each row the sync would write is first checked against the value the sync started from. A row
the user changed meanwhile (the window kept working during the sync) keeps the user's value: it
is still marked dirty and goes with the next sync. If it came in the pull too, its base is left
as it was and the cursor stays before it, so the next sync pulls it again and merges it as it
merges any row edited on both sides (listing a conflict if the same field was edited in both).

Then the dirty marks are settled: every row the sync looked at or wrote stays marked exactly
when it differs from its new base.
"""

from __future__ import annotations

from sqlalchemy import Connection

from workbench.core.team import dirty, local_state
from workbench.core.team.rows import REFERENCES, read_keys
from workbench.core.team.server import TeamError
from workbench.core.team.snapshot import Key
from workbench.core.team.sync import Change, Plan, SyncReport
from workbench.core.team.writer import LocalWriter


def apply_plan(connection: Connection, plan: Plan, report: SyncReport, at: str) -> None:
    link = local_state.read_link(connection)
    if link is None or link.pulled_seq != plan.start_seq:
        # Another sync of this file finished meanwhile: like a sync killed after the server's
        # commit, the next one pulls what this one pushed and finds it equal.
        raise TeamError("another synchronisation of this project finished at the same time; "
                        "synchronise again")
    view = plan.view
    before = dirty.marked(connection)
    written = {(kind, uuid) for kind, uuid, _ in plan.restored + plan.pulled}
    now = read_keys(connection, written)
    held = {key for key in written if now.get(key) != view.started(key)}
    pending = before | set(view.snapshot)
    LocalWriter(connection, lambda _kind, _uuid: False).apply(_without(plan.restored, held))
    pulled = _without(plan.pulled, held)
    # Rows first, deletions after: a code moved out from under a parent deleted in the same
    # pull keeps its codings (deleted first, the parent would take it and them by cascade).
    placed = [change for change in pulled if change[2] is not None]
    orphans = LocalWriter(connection, lambda kind, uuid: (kind, uuid) in pending).apply(placed)
    LocalWriter(connection, lambda _kind, _uuid: False).apply(
        [change for change in pulled if change[2] is None])
    # A row placed and then gone with a deletion of the same pull (a coding on a deleted
    # code) is an orphan too: no base entry, as if never placed.
    present = read_keys(connection, [(kind, uuid) for kind, uuid, _ in placed])
    orphans |= {(kind, uuid) for kind, uuid, _ in placed} - set(present)
    # An orphan of a row the user deleted during the sync (a document a coder may not delete,
    # which the next sync takes back) is pulled again by the next sync too.
    meanwhile = before - view.marked - set(view.snapshot)
    held |= {(kind, uuid) for kind, uuid, payload in placed if (kind, uuid) in orphans
             and payload is not None and any((target, payload.get(name)) in meanwhile
                                             for name, target in REFERENCES.get(kind, {}).items())}
    new_base = {key: entry for key, entry in plan.new_base.items()
                if key not in held and key not in orphans}
    if new_base:
        local_state.write_base(connection, new_base)
    local_state.forget_base(connection, plan.forget)
    seq = min([plan.seq] + [plan.seqs[key] - 1 for key in held if key in plan.seqs])
    local_state.advance(connection, seq, at)
    report.seq = seq
    if held:
        report.details.append(f"{len(held)} rows changed here during the sync: kept, "
                              "to be merged by the next sync")
    _settle_marks(connection, set(view.snapshot) | written | (dirty.marked(connection) - before))


def _without(changes: list[Change], held: set[Key]) -> list[Change]:
    return [change for change in changes if (change[0], change[1]) not in held]


def _settle_marks(connection: Connection, keys: set[Key]) -> None:
    """Each of these rows stays marked if, and only if, it differs from its base."""
    current = read_keys(connection, keys)
    base = local_state.read_base_keys(connection, keys)
    differ = {key for key in keys
              if current.get(key) != (base[key][1] if key in base else None)}
    dirty.clear(connection, keys - differ)
    dirty.mark(connection, differ)

