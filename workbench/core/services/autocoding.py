"""Autocoding as one user action: everything a rule finds, coded in one transaction (one undo
step), exactly what :func:`workbench.core.autocode.preview_autocode` counted."""

from __future__ import annotations

from workbench.core.autocode.finder import find_passages
from workbench.core.autocode.preview import Target, target_documents
from workbench.core.autocode.rules import Rule, describe
from workbench.core.jobs import JobControl
from workbench.core.model import Code
from workbench.core.services.bulk_coding import CodingSpec, store_codings
from workbench.core.services.changes import ChangeLog, Changes
from workbench.core.storage import Project
from workbench.core.store.lookup import get


def autocode(project: Project, rule: Rule, code_id: int, *, coder: str,
             target: Target = Target(), control: JobControl | None = None) -> Changes:
    """Code every passage ``rule`` finds in ``target`` with one code, as ``coder``.

    Each coding records the rule's text; passages that overlap or touch one the coder already
    coded with this code are joined with it, as hand coding does. ``control`` may stop the
    search (before anything is stored: cancelling changes nothing).
    """
    log = ChangeLog()
    text = describe(rule)
    with project.transaction(f"Autocode: {text}") as session:
        code = get(session, Code, code_id)
        found = find_passages(session, rule, target_documents(session, target), control)
        store_codings(session, log, [
            CodingSpec(f.document_id, code.id, f.start, f.end, coder, rule=text) for f in found])
        name = code.name
    documents = len({f.document_id for f in found})
    if not found:
        return log.freeze(f"The rule {text} found nothing to code.")
    return log.freeze(f"Autocoded {len(found)} passage(s) in {documents} document(s) with "
                      f"'{name}' ({text}).")
