"""A project's content as plain, comparable data (ids and timestamps left out)."""

from __future__ import annotations

import json

from sqlalchemy import select

from workbench.core.model import (
    AttributeDefinition,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
)
from workbench.core.queries.code_tree import code_paths
from workbench.core.storage import Project
from workbench.core.text import fold


def content(project: Project) -> dict[str, list]:
    with project.reading() as session:
        paths = {i: fold(p) for i, p in code_paths(session).items()}
        coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        cases = {c.id: c for c in session.scalars(select(Case))}
        attributes = {a.id: a for a in session.scalars(select(AttributeDefinition))}
        documents = {d.id: d for d in session.scalars(select(Document))}
        values = sorted((cases[v.case_id].name, attributes[v.attribute_id].name, v.value)
                        for v in session.scalars(select(CaseAttributeValue)))
        codings = {c.id: c for c in session.scalars(select(Coding))}

        def target(memo: Memo) -> tuple[str, str]:
            if memo.case_id:
                return "case", cases[memo.case_id].name
            if memo.document_id:
                return "document", documents[memo.document_id].title
            if memo.code_id:
                return "code", paths[memo.code_id]
            if memo.coding_id:
                coding = codings[memo.coding_id]
                return "coding", documents[coding.document_id].text[coding.start:coding.end]
            return "project", ""

        return {
            "cases": sorted((c.name, c.description) for c in cases.values()),
            "attributes": sorted((a.name, a.type.value, tuple(json.loads(a.choices_json)))
                                 for a in attributes.values()),
            "values": values,
            "documents": sorted((cases[d.case_id].name, d.title, d.text, d.kind.value,
                                 d.interviewer, d.participants_json, str(d.recorded_on))
                                for d in documents.values()),
            "codes": sorted((paths[c.id], c.colour.upper(), c.codable, c.definition,
                             c.when_to_use, c.when_not_to_use, c.example)
                            for c in session.scalars(select(Code))),
            "codings": sorted((documents[c.document_id].title, paths[c.code_id],
                               coders[c.coder_id], c.start, c.end,
                               documents[c.document_id].text[c.start:c.end], c.memo)
                              for c in codings.values()),
            "memos": sorted((m.title, m.text, *target(m), coders.get(m.author_id, ""))
                            for m in session.scalars(select(Memo))),
        }
