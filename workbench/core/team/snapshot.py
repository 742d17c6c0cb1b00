"""What a sync knows of the local file while it talks to the server: no write lock held.

A :class:`View` starts from one read transaction: the rows marked dirty (or, on a file's first
sync after linking, every row that differs from its base), with their values and base entries.
Any other entity equals its base (that is what the marks promise), so the base, read for the few
keys the sync asks about, stands in for it. The sync changes the view in memory as it merges;
:mod:`workbench.core.team.apply` then writes the outcome in one short write transaction,
checking each row against the value the sync started from (:meth:`View.started`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from sqlalchemy import Connection

from workbench.core.team import code_tree, dirty, local_state
from workbench.core.team.local_state import Base
from workbench.core.team.rows import KINDS, Payload, read_keys, read_rows

Key = tuple[str, str]
Reader = Callable[[], AbstractContextManager[Connection]]
_ORDER = {kind: number for number, kind in enumerate(KINDS)}


def in_order(keys: Iterable[Key]) -> list[Key]:
    """Keys by kind (in insert order), then UUID: a sync's work in a repeatable order."""
    return sorted(keys, key=lambda key: (_ORDER[key[0]], key[1]))


class View:
    def __init__(self, read: Reader, values: dict[Key, Payload | None], base: Base,
                 *, complete: bool) -> None:
        self.read = read
        self.snapshot = dict(values)  # the dirty rows as the sync found them (None: deleted)
        self.values = dict(values)  # the same, as the sync changes them in memory
        self.disk: Base = dict(base)  # the base entries read so far, as the file held them
        self.base: Base = dict(base)  # the same, as the sync changes them
        self._asked: set[Key] = set(base) | set(values)
        self._complete = complete  # the whole base was read: nothing more to ask
        self.marked: set[Key] = set()  # the dirty marks when the snapshot was read
        # Each code's parent in the file when the snapshot was read (codes are few): the tree
        # the sync settles code moves on (see code_moves).
        self.parents: code_tree.Parents = {}

    @classmethod
    def take(cls, read: Reader, *, full: bool) -> View:
        """The dirty rows; ``full``: found by comparing every row with the base."""
        with read() as local:
            if full:
                base = local_state.read_base(local)
                rows = read_rows(local)
                values: dict[Key, Payload | None] = {
                    (kind, uuid): payload for kind in KINDS for uuid, payload in rows[kind].items()
                    if (kind, uuid) not in base or base[(kind, uuid)][1] != payload}
                values.update({key: None for key, (_owner, payload) in base.items()
                               if payload is not None and key[1] not in rows[key[0]]})
                view = cls(read, values, base, complete=True)
                view.marked = dirty.marked(local) if dirty.installed(local) else set()
                view.parents = code_tree.parents(local)
                return view
            keys = dirty.marked(local)
            found = read_keys(local, keys)
            base = local_state.read_base_keys(local, keys)
            parents = code_tree.parents(local)
        changed = {key: found.get(key) for key in keys
                   if found.get(key) != (base[key][1] if key in base else None)}
        view = cls(read, changed, {key: base[key] for key in changed if key in base},
                   complete=False)
        view.marked = keys
        view.parents = parents
        return view

    # -- reading ---------------------------------------------------------------------------

    def load(self, keys: Iterable[Key]) -> None:
        """Read the base entries of these keys, if not read yet."""
        if self._complete:
            return
        wanted = [key for key in keys if key not in self._asked]
        if not wanted:
            return
        with self.read() as local:
            found = local_state.read_base_keys(local, wanted)
        self._asked.update(wanted)
        self.disk.update(found)
        for key, entry in found.items():
            self.base.setdefault(key, entry)

    def known(self, key: Key) -> tuple[str, Payload | None] | None:
        """The key's base entry (owner, value at the last sync), None if it has none."""
        self.load([key])
        return self.base.get(key)

    def mine(self, key: Key) -> Payload | None:
        """This copy's value of the entity (None: it has none)."""
        if key in self.values:
            return self.values[key]
        entry = self.known(key)
        return None if entry is None else entry[1]

    def started(self, key: Key) -> Payload | None:
        """The entity's value when the sync began (what a row written now must still hold)."""
        if key in self.snapshot:
            return self.snapshot[key]
        entry = self.disk.get(key)
        return None if entry is None else entry[1]

    # -- changing --------------------------------------------------------------------------

    def set(self, key: Key, payload: Payload | None) -> None:
        if key not in self.values:
            self.load([key])
        self.values[key] = payload
