"""Local rows a push holds back because their name meets a row just pulled.

Names are unique locally (codes among siblings, cases, coders, attributes): a pulled row of a
name this copy also gave a row of its own, not yet sent, makes the local write rename that row
("Trust (2)") or, for a coder or attribute, give it the server's UUID. Sent as they are now, the
server would hold two of one name; so they wait, with every row naming them, for the second
round of the same sync, which sends them as the file then holds them.
"""

from __future__ import annotations

from typing import Any

from workbench.core.team.rows import REFERENCES, VALUE_PREFIX, Payload

_NAMED = ("coder", "attribute", "case", "code")


def _name(kind: str, payload: Payload) -> tuple[str, str, Any]:
    return kind, str(payload.get("name")).lower(), payload.get("parent")


def held_back(pulled: list[tuple[str, str, Payload | None]],
              upserts: list[tuple[str, str, Payload]]) -> set[str]:
    """The UUIDs of the upserts to hold back."""
    names = {_name(kind, payload): uuid for kind, uuid, payload in pulled
             if kind in _NAMED and payload is not None}
    held = {uuid for kind, uuid, payload in upserts
            if kind in _NAMED and names.get(_name(kind, payload), uuid) != uuid}
    while held:
        more = {uuid for kind, uuid, payload in upserts
                if uuid not in held and _names_any(kind, payload, held)}
        if not more:
            break
        held |= more
    return held


def _names_any(kind: str, payload: Payload, uuids: set[str]) -> bool:
    return any(payload.get(name) in uuids for name in REFERENCES.get(kind, {})) or any(
        key.removeprefix(VALUE_PREFIX) in uuids for key in payload if key.startswith(VALUE_PREFIX))
