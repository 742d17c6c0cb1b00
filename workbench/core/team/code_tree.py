"""The code tree as a sync sees it: each code's parent by UUID, and moves that close a cycle.

Two leads may move codes apart so that each move alone is fine and both together are not: one
puts *Encounter* under *Solidarity* while the other puts *Solidarity* under *Encounter*. The
codebook service refuses such a move within one copy; between copies, the sync finds the cycle
in memory before its push (the snapshot reads :func:`parents`) and the later move (the one not
yet on the server) loses; the local writer checks again before it writes.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

Parents = dict[str, str | None]  # code UUID -> its parent's UUID (None: a top-level code)


def parents(connection: Connection) -> Parents:
    """Each local code's parent."""
    return dict(connection.exec_driver_sql(
        "SELECT code.uuid, parent.uuid FROM code LEFT JOIN code AS parent "
        "ON parent.id = code.parent_id").all())


def closes_cycle(tree: Parents, uuid: str, parent: str | None) -> bool:
    """Whether putting ``uuid`` under ``parent`` would put it under itself."""
    seen: set[str] = set()
    while parent is not None and parent not in seen:
        if parent == uuid:
            return True
        seen.add(parent)
        parent = tree.get(parent)
    return False


def find_cycle(tree: Parents) -> list[str] | None:
    """The codes of one cycle in ``tree`` (the first found, in a fixed order), or None."""
    done: set[str] = set()
    for start in sorted(tree):
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node in tree:
            if node in on_path:
                return path[path.index(node):]
            path.append(node)
            on_path.add(node)
            node = tree[node]
        done |= on_path
    return None


def base_value(connection: Connection, uuid: str) -> dict[str, Any] | None:
    """The code as the server had it at the last sync (None: never synchronised, or deleted)."""
    found = connection.exec_driver_sql(
        "SELECT payload FROM sync_base WHERE kind = 'code' AND uuid = ?", (uuid,)).scalar()
    return None if found is None else dict(json.loads(found))
