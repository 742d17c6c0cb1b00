"""Code moves of this copy that lose against the server's tree, settled before a sync writes.

Two leads may move codes apart so that each move alone is fine and both together are not:

* one puts *Encounter* under *Solidarity* while the other puts *Solidarity* under *Encounter*:
  together a cycle, codes that hang from nothing;
* one deletes *Solidarity* with its sub-codes while the other moves *Hope* under it: the
  deletion would take *Hope* and its codings along, though the server keeps *Hope*.

The server's tree is sound, so the move of this copy not yet sent is the later one, and loses:
its code goes back where it was at the last sync (the top level when that place is gone or
inside the cycle too) and the move is listed as a conflict on the field ``parent``, to review
and flip (when the deletion is the edit not yet sent, the code moved on the server stays where
it is in the deleting copy, pushed from there: see ``Synchroniser._keep_out_of_deleted``); the
position conflicts of the cycle's codes (made by the moves) are not listed. Every copy applies
the server's rows in order, so every copy ends with the same acyclic tree.

The sync settles the moves in memory, before its push (so a move that loses is not pushed, its
conflict goes with the others, and the plan moves the code back here): the :class:`Referee`
works on plain dicts, this copy's tree as the snapshot read it overlaid with the sync's values.
The local writer runs it again on the file's tree as a cheap defence: a cycle is never written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.core.team import code_tree
from workbench.core.team.rows import Payload

Changes = list[tuple[str, Payload | None]]  # one kind's (uuid, payload or None: deleted)
Move = tuple[str, str, str, str | None, str | None]  # kind, uuid, field, kept, lost


class Referee:
    """Settles the code moves of one apply; :attr:`moved_back` lists the moves undone."""

    def __init__(self, here: code_tree.Parents, last: Callable[[str], Payload | None],
                 pending: Callable[[str], bool]) -> None:
        """``here``: each code's parent in this copy before the batch; ``last(uuid)``: the code
        as the server had it at the last sync (None: never synchronised, or deleted);
        ``pending(uuid)``: whether the code carries an edit of this copy not yet sent."""
        self._here = dict(here)
        self._last = last
        self._pending = pending
        self.moved_back: list[Move] = []
        self._involved: set[str] = set()  # codes of the cycles and moves settled

    def rescue(self, codes: Changes) -> dict[str, Payload]:
        """Codes this copy moved under a code the batch deletes: each one's place to go back
        to (to be written before the deletion cascades)."""
        deleted = {uuid for uuid, payload in codes if payload is None}
        tree = dict(self._here)
        places: dict[str, Payload] = {}
        for uuid, parent in sorted(tree.items(), key=lambda item: item[0]):
            if uuid in deleted or parent not in deleted:
                continue
            place = self._place_before(uuid, parent)
            if place is None:
                continue  # it was there at the last sync: it goes with the deletion
            target = place.get("parent")
            if target in deleted or (target is not None and target not in tree) or \
                    code_tree.closes_cycle({**tree, uuid: None}, uuid, target):
                place = {"parent": None}
            tree[uuid] = place.get("parent")
            self._here[uuid] = tree[uuid]
            places[uuid] = place
            self._involved.add(uuid)
            self.moved_back.append(("code", uuid, "parent", tree[uuid], parent))
        return places

    def untangle(self, codes: Changes, rescued: dict[str, Payload]
                 ) -> tuple[Changes, list[tuple[str, Payload]]]:
        """The batch's code changes with any move that would close a cycle undone (and the
        rescued codes' places put in); and the moves back of codes not in the batch."""
        codes = [(uuid, payload if payload is None or uuid not in rescued
                  else {**payload, **rescued[uuid]}) for uuid, payload in codes]
        moves = {uuid: payload["parent"] for uuid, payload in codes
                 if payload is not None and "parent" in payload}
        before = dict(self._here)
        tree = {**before, **moves}
        restored: dict[str, Payload] = {}  # code -> the fields its move back sets
        while (cycle := code_tree.find_cycle(tree)) is not None:
            self._involved |= set(cycle)
            loser, place = self._loser(cycle, tree, before, moves)
            attempted = tree[loser]
            if code_tree.closes_cycle({**tree, loser: None}, loser, place.get("parent")):
                place = {"parent": None}  # where it was is inside the cycle too: the top level
            tree[loser] = place.get("parent")
            restored[loser] = place
            self.moved_back.append(("code", loser, "parent", tree[loser], attempted))
        settled = [(uuid, payload if uuid not in restored or payload is None
                    else {**payload, **restored.pop(uuid)}) for uuid, payload in codes]
        return settled, list(restored.items())

    def _place_before(self, uuid: str, parent: str | None) -> Payload | None:
        """Where a code this copy moved (not yet sent) under ``parent``, its parent here, was
        at the last sync; None when it was not moved here."""
        if not self._pending(uuid):
            return None
        base = self._last(uuid)
        if base is None or base.get("parent") == parent:
            return None
        return {key: base[key] for key in ("parent", "position") if key in base}

    def _loser(self, cycle: list[str], tree: code_tree.Parents, before: code_tree.Parents,
               moves: dict[str, str | None]) -> tuple[str, Payload]:
        """Which move in the cycle loses, and the place its code goes back to. The server's
        tree has no cycle, so a move of this copy not yet sent is in it, unless the batch
        itself brings one (a value flipped back): then the lowest UUID, on every copy."""
        for uuid in sorted(cycle):
            place = self._place_before(uuid, before.get(uuid))
            if place is not None:
                return uuid, place
        changed = sorted(uuid for uuid in cycle if uuid in moves) or sorted(cycle)
        return changed[0], {"parent": before.get(changed[0])}

    def listed(self, conflicts: list[Any], make: Callable[..., Any], user: str) -> list[Any]:
        """A sync's conflicts once the moves are undone: each listed on the code's ``parent``
        (made by ``make(kind, uuid, field, kept, lost, lost_by)``), and none on the order of
        the codes of the cycle among their siblings (``position``), which the moves made."""
        kept = [conflict for conflict in conflicts
                if not (conflict.kind == "code" and conflict.uuid in self._involved
                        and conflict.field == "position")]
        return kept + [make(*move, user) for move in self.moved_back]
