"""Small projects for the agreement tests: two cases, a tiny codebook, codings by hand."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from tests.helpers import add_case_with_document
from workbench.core.analysis.agreement import AgreementReport, AgreementSettings, agreement_report
from workbench.core.model import Code
from workbench.core.services.bulk_coding import CodingSpec, apply_codings
from workbench.core.services.codebook import create_project
from workbench.core.services.codes import create_code
from workbench.core.storage import Project

# Paragraphs of invented fieldnotes; positions in the tests count from each text's start.
KITCHEN = ("We koken samen op zondag.\n\nNiemand vraagt naar papieren.\n\n"
           "De buren brengen groenten mee.\n")
SCHOOL = ("De school leert kinderen Nederlands.\n\nOuders komen naar het oudercafé.\n\n"
          "Leerkrachten twijfelen soms.\n")
CODES = ("Encounter", "Encounter/Mixing", "Encounter/Sharing", "Struggle")
Coded = tuple[str, str, str, int, int]  # document title, code path, coder, start, end


def build(path: Path, codings: Iterable[Coded],
          documents: dict[str, tuple[str, str]] | None = None) -> dict[str, int]:
    """A project at ``path`` with ``documents`` (title -> (case, text)) and the codings; returns
    the ids of the codes (by path) and documents (by title)."""
    documents = documents or {"Kitchen notes": ("Kitchen", KITCHEN),
                              "School notes": ("School", SCHOOL)}
    ids: dict[str, int] = {}
    with create_project(path) as project:
        for code in CODES:
            parent = ids.get(code.rsplit("/", 1)[0]) if "/" in code else None
            ids[code] = create_code(project, code.rsplit("/", 1)[-1], parent_id=parent).subject.id
        for title, (case, text) in documents.items():
            ids[title] = add_case_with_document(project, text, case=case, title=title)[1]
        specs = [CodingSpec(ids[title], ids[code], start, end, coder)
                 for title, code, coder, start, end in codings]
        if specs:
            apply_codings(project, specs)
    return ids


def report(path: Path, coders: tuple[str, ...] = ("Lotte", "Youssef"), **options: object
           ) -> AgreementReport:
    with Project.open(path) as project, project.reading() as session:
        return agreement_report(session, AgreementSettings(coders, **options))


def row(result: AgreementReport, label: str, kind: str = "code"):
    """The result row of ``kind`` whose label (a code path, a case) is or ends with ``label``."""
    [found] = [r for r in result.rows() if r.kind == kind
               and (r.label == label or r.label.endswith("/" + label))]
    return found


def code_ids(path: Path) -> dict[str, int]:
    with Project.open(path) as project, project.reading() as session:
        return {name: code_id for code_id, name in session.execute(select(Code.id, Code.name))}
