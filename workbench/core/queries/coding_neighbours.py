"""The codings a new passage must be joined with, found without reading the whole document.

Codings of one code by one coder in one document (a *group*) never overlap or touch: every
write joins them (see ``services.codings.coalesce``). So the stored codings a new passage
``[start, end]`` touches are those of its group that start inside it, and at most one that
starts before it: the group's last coding before ``start``, if it reaches ``start``. Both are
read through the (document, start) index, near the passage; reading the whole group instead
walks every coding of the document (20,000 in a long, densely coded transcript) on every code
action. What was joined may reach further, so the search repeats until nothing new turns up.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

# "+code_id": not through the code index, which would visit the code's codings in every
# document; the (document, start) index visits only those near the passage.
_INSIDE = ('SELECT id, start, "end" FROM coding WHERE document_id = ? AND start BETWEEN ? AND ? '
           "AND +code_id = ? AND +coder_id = ?")
_BEFORE = ('SELECT id, start, "end" FROM coding WHERE document_id = ? AND start < ? '
           "AND +code_id = ? AND +coder_id = ? ORDER BY start DESC LIMIT 1")


def touching_group(session: Session, document_id: int, code_id: int, coder_id: int,
                   start: int, end: int) -> list[int]:
    """Ids of the group's codings that overlap or touch ``[start, end]``, and of those that
    overlap or touch these in turn."""
    connection = session.connection()
    low, high = start, end
    found: set[int] = set()
    while True:
        rows = list(connection.exec_driver_sql(
            _INSIDE, (document_id, low, high, code_id, coder_id)))
        before = connection.exec_driver_sql(
            _BEFORE, (document_id, low, code_id, coder_id)).first()
        if before is not None and before[2] >= low:
            rows.append(before)
        new = [row for row in rows if row[0] not in found]
        if not new:
            return sorted(found)
        found.update(row[0] for row in new)
        low = min(low, *(row[1] for row in new))
        high = max(high, *(row[2] for row in new))
