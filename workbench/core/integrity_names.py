"""Names holding control characters: found by the check, cleaned by the repair.

Names are refused at input when they hold control characters (see ``text.clean_name``), but
a project made by an earlier version may hold one (ESC or BEL from a file name). Excel and
Word files cannot hold them, so an export would fail on such a name; the check names each one
and the repair removes the characters.
"""

from __future__ import annotations

from sqlalchemy import Connection

from workbench.core.text import CONTROL, visible, without_control

NAMES = (("project", "name", "project"), ("case_", "name", "case"), ("code", "name", "code"),
         ("document", "title", "document"), ("coder", "name", "coder"),
         ("attribute", "name", "attribute"), ("memo", "title", "memo"))


def _with_control(connection: Connection) -> list[tuple[str, str, str, int, str]]:
    found: list[tuple[str, str, str, int, str]] = []
    for table, column, what in NAMES:
        rows = connection.exec_driver_sql(f'SELECT id, "{column}" FROM "{table}"')
        found.extend((table, column, what, row_id, name) for row_id, name in rows
                     if name and CONTROL.search(name))
    return found


def control_character_problems(connection: Connection) -> list[tuple[str, str]]:
    """(kind, message) of each name holding a control character."""
    return [("control characters", f"The {what} '{visible(name)}' (id {row_id}) holds control "
                                   "characters, which exports cannot hold")
            for _table, _column, what, row_id, name in _with_control(connection)]


def repair_control_characters(connection: Connection) -> list[str]:
    done = []
    for table, column, what, row_id, name in _with_control(connection):
        cleaned = " ".join(without_control(name).split()) or f"{what} {row_id}"
        connection.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?',
                                   (cleaned, row_id))
        done.append(f"Removed the control characters from the {what} '{visible(name)}'.")
    return done
